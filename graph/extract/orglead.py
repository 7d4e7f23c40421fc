"""Where an organisation's name starts before a title: what the candidate running back from
the title to the clause start carries that is no part of the name.

Function words and verbs are cut off (记者从…, 担任…, 会议由 + 区…, 选举产生 + 某会, 庆典上 + 某市…)
except the verbs that are words of names (应用, 保障); so are a dispatch or a time glued to it,
the leaders named before it (主管领导…) and a caption's 图为; 和/与 stay inside a name
(住房和城乡建设部) unless an adverb makes them the clause's conjunction (某某还和…) or a name or
an honorific precedes them (A先生和 + 某公司).
"""

from __future__ import annotations

import re

from graph.extract.names import FORMS_OF_ADDRESS, a_personal_name, is_surname_start, token_at
from graph.extract.nameverbs import (
    coordinated_noun,
    head_offices,
    short_suffixes,
    unit_of_named_org,
    verb_after_a_place_name,
)
from graph.extract.orgnames import (
    MAX_SHORT_NAME,
    department_from,
    is_department,
    org_suffix_of,
    places,
    written_in_full,
)
from graph.extract.places import LEVELS, deictic_kind, is_place
from graph.text.segment import FUNCTION_TAGS, NOUN_TAGGED_VERBS, word_tags
from graph.types import Segmented

# leading words that are not part of an organisation name
_LEAD_STOP_TAGS = FUNCTION_TAGS | {"v", "t", "q"}
# words that never occur inside an organisation name: the name starts after the last of them
_CUT_TAGS = FUNCTION_TAGS | {"v"}
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
"""An ordinal before a verb makes it part of a name (第一济困医院)."""
_OPENING_ADVERBS = frozenset(
    {"随后", "随即", "同时", "此外", "另外", "然后", "接着", "最后", "首先", "其后", "之后"}
)
"""Adverbs opening a clause, never a name (随后 + 学校副校长A; 首尔, tagged an adverb, is one)."""
_VERB_IDIOMS = (
    frozenset({"贯彻落实", "认真贯彻", "学习贯彻", "认真落实", "全面落实"}) | NOUN_TAGGED_VERBS
)
"""Verbs the dictionary tags as idioms or nouns (要认真贯彻落实省高院院长…的要求, 选举产生 +
某某联合会主席A, 参观 + 某某馆)."""
_LOCALIZERS = frozenset("上中下里内外前后间")
"""One-character localizers: after an event (庆典上, 会上) and before a place they end the
clause, so the name starts at the place."""
_GLUED_POINTERS = LEVELS | {"村", "校", "院", "所"}


_TAKING_OFFICE = (
    "当选为", "当选", "担任", "出任", "现任", "新任", "首任", "荣任", "荣膺", "连任",
    "任命", "提名", "推举", "推选", "聘任", "委任",
)  # fmt: skip
"""Words (or their ends: 高票当选) that open a post, never an organisation's name."""


_APPOINTING_CHARS = frozenset("任为兼")


def _name_and_verb(word: str, tags: dict[str, str]) -> bool:
    """Whether ``word`` is a name the segmenter glued to the verb after it (赵某某任, 张某为):
    no dictionary word, a family name, and a verb of holding a post as its last character.

    >>> _name_and_verb("赵克明任", word_tags()), _name_and_verb("主任", word_tags())
    (True, False)
    """
    return (
        3 <= len(word) <= 4
        and word not in tags
        and word[-1] in _APPOINTING_CHARS
        and all("\u4e00" <= ch <= "\u9fff" for ch in word)
        and is_surname_start(word)
        and word[:-1] not in tags
    )


def trim_leading(seg: Segmented, starts: dict[int, int], start: int, end: int) -> int:
    """Skip leading function words and verbs (而, 在, 据, 由, 担任 …) of an organisation name;
    a preposition inside the candidate (记者从X公司) starts the name after it."""
    tags = word_tags()
    i = starts.get(start)
    clause = False  # an adverb before 和 makes it a clause's conjunction (某某还和…)
    campaign = seg.doc.text.endswith(_CAMPAIGN_GROUPS, start, end)
    while i is not None and i < len(seg.tokens) and seg.tokens[i].end <= end:
        word = seg.tokens[i].text
        cut = seg.tokens[i].end
        if seg.doc.text.startswith(_NAME_OPENINGS, seg.tokens[i].start):
            break  # 可 + 持续发展委员会: the name's first word
        tag = "v" if word in _VERB_IDIOMS else tags.get(word, _function_pair(word, tags))
        if _glued_preposition(word, tags, seg.doc.text, cut):
            start, clause, i = seg.tokens[i].start + 1, False, i + 1  # 由 + 区组宣统部
            continue
        if word in _LOCALIZERS and cut < end and _place_at(seg, i + 1, end):
            start, clause, i = cut, False, i + 1  # 庆典上 + 高要市人民政府
            continue
        if (word.endswith(_TAKING_OFFICE) or _name_and_verb(word, tags)) and cut < end:
            start, clause, i = cut, False, i + 1  # 现任 + 某会, 赵某某任 + 某省委: no name
            continue
        if word in places() and _names_a_company(seg.doc.text, cut, end):
            break  # 北京 + 久其软件股份有限公司: a place opens a company's name, its brand follows
        opening_adverb = word in _OPENING_ADVERBS and seg.tokens[i].start == start
        if campaign and (tag in ("v", "vn") or _party_of(seg.doc.text, seg.tokens[i].start, word)):
            i += 1  # 省委 + 保持 + 共产党员先进性教育督导组: a campaign's group is named by it
            continue
        if (
            (tag in _CUT_TAGS or opening_adverb)  # 随后 + 学校
            and word not in _NAME_VERBS
            and not (len(word) == 2 and word.endswith("办"))  # 国务院 + 侨办: an office
            and (cut < end or word == "由")  # 会议由党委书记某某主持
            and word not in places()
            and not (len(word) > 2 and org_suffix_of(word))  # 审计署: tagged a verb
            and (
                not seg.doc.text.startswith(short_suffixes(), cut)  # 开放 + 大学, not 在 + 教育部
                or deictic_kind(seg.doc.text[cut:end].strip()) is not None
            )
            and (clause or not _inner_conjunction(seg.doc.text, start, seg.tokens[i].start, word))
            and not (tag == "v" and seg.doc.text.startswith(("和", "与", *_COMPANY_FORMS), cut))
            and not (tag == "v" and seg.doc.text.startswith(_COMPANY_FORMS, cut + 1))
            and not is_department(seg.doc.text[start:end].strip(), seg.tokens[i].start - start)
            and not department_from(seg.doc.text, seg.tokens[i].start, end)
            and not (tag == "v" and _name_verb_at(seg, i + 1, end))  # 就业 + 促进司
            and not (word in "我本该" and deictic_kind(seg.doc.text[seg.tokens[i].start : end]))
            and not (tag == "v" and i > 0 and _ORDINAL.fullmatch(seg.tokens[i - 1].text))
            and not (tag == "v" and verb_after_a_place_name(seg, i, start, end))
            and not (
                tag == "v" and coordinated_noun(seg, i, end, opening=start == seg.tokens[i].start)
            )
            and not unit_of_named_org(seg.doc.text, start, seg.tokens[i].start, end)
        ):  # 我 + 所: a pointing word is the name
            start, clause = cut, False  # the rest must not be a bare suffix (上海开放大学)
        clause = clause or tag == "d"
        i += 1
    if seg.doc.text.startswith("及", start) and seg.doc.text[start + 1 : start + 2] in LEVELS:
        start += 1  # 及区卫健委: the segmenter glued the conjunction to the level
    caption = next((w for w in _CAPTION_LEADS if seg.doc.text.startswith(w, start)), "")
    if caption and end - start >= len(caption) + 2:
        start += len(caption)  # 图为 + 市委, 承建单位 + 某某公司
    start = _after_people_word(seg.doc.text, start, end)
    m = _DATELINE.match(seg.doc.text, start, end)
    if m and m.end() < end - 2:
        start = m.end()  # 某某网4月13日电渣打银行…: a dispatch line glued to the name
    m = _LEADING_TIME.match(seg.doc.text, start, end)
    if m and m.end() < end:
        start = m.end()  # 2月初商务部: the time is not part of the name
    while start < end:
        tok = token_at(seg.tokens, starts, start)
        if tok is None or tok.end > end or tags.get(tok.text, "x") not in _LEAD_STOP_TAGS:
            break
        if tok.text in _NAME_VERBS or deictic_kind(tok.text) is not None:
            break  # 我校, 本院: a pointing word is the organisation's name
        if seg.doc.text.startswith(_NAME_OPENINGS, tok.start):
            break  # 可 + 持续发展委员会
        if tok.text in "我本该" and deictic_kind(seg.doc.text[tok.start : end]) is not None:
            break  # 我 + 所
        if end - tok.start <= MAX_SHORT_NAME and written_in_full(seg.doc.text, tok.start, end):
            break  # 台电 (台 a measure word) where the article writes 台电公司
        if department_from(seg.doc.text, tok.start, end):
            break  # 推拿科
        if tags.get(tok.text) == "v" and coordinated_noun(
            seg, starts[tok.start], end, opening=True
        ):
            break  # 创新 + 及科技局
        if tags.get(tok.text) == "v" and seg.doc.text.startswith(head_offices(), tok.end):
            break  # 警察 (tagged a verb) + 总局
        if len(tok.text) > 2 and org_suffix_of(tok.text):
            break  # 审计署, tagged a verb: a name
        start = tok.end
    return start


def _after_people_word(text: str, start: int, end: int) -> int:
    """Where a name starts after the people it is said of: 主管领导 + 区委 (the leaders),
    企业代表 + 某公司 (a group's representatives, a short word before 代表: not 代表团, 代表处,
    代表大会, nor 代表 the verb)."""
    lead = text.rfind("领导", start, end - 2)
    if lead >= 0 and not text.startswith(("领导小组", "领导班子"), lead):
        start = lead + 2
    rep = text.find("代表", start + 1, start + 4)
    if (
        rep >= 0
        and rep + 6 <= end
        and text[rep + 2 : rep + 3] not in _REPRESENTATIVES_OF
        and not any(ch in _ON_BEHALF for ch in text[rep + 2 : end])
    ):
        start = rep + 2
    return start


_REPRESENTATIVES_OF = frozenset("团处大会性")
"""Characters after 代表 in a name or a word (代表团, 代表处, 代表大会, 代表性)."""
_ON_BEHALF = frozenset("向对为与同和给跟")
"""Prepositions after 代表 the verb (代表某学院向某书记汇报: on behalf of, not representatives)."""


def _names_a_company(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a company form (有限公司, 集团)."""
    return any(text.find(form, start, end) >= 0 for form in _COMPANY_FORMS)


def _glued_preposition(word: str, tags: dict[str, str], text: str, end: int) -> bool:
    """A word the dictionary lacks, a preposition or a verb glued to an administrative level,
    a school, a hospital or an institute that opens a name (会议由 + 区组宣统部部长, 参加的有 +
    校党委书记, 在 + 院党委书记: 由区, 有校, 在院 one token).

    >>> _glued_preposition("由区", {"由": "p"}, "由区委", 2)
    True
    >>> _glued_preposition("由区", {"由": "p", "由区": "n"}, "由区委", 2)
    False
    >>> _glued_preposition("有校", {"有": "v"}, "有校党委", 2)
    True
    >>> _glued_preposition("而原", {"而": "c"}, "而原某局", 2)
    True

    A preposition glued to the start of any name the dictionary lacks opens it too (会议由 +
    鲁商集团, 由 + 街党工委: 由鲁商, 由街 one token):

    >>> _glued_preposition("由鲁商", {"由": "p"}, "由鲁商集团", 3)
    True

    Not a rare preposition that opens a place name (鉴 + 华镇):

    >>> _glued_preposition("鉴华镇", {"鉴": "p"}, "鉴华镇人大", 3)
    False
    """
    if word in tags or end >= len(text) or len(word) not in (2, 3):
        return False
    tag = tags.get(word[0])
    if word[0] in _CLAUSE_CONJUNCTIONS and word[1] in "原前":
        return True  # ，而 + 原某局副局长: the clause's conjunction, then an ended post
    return (tag == "p" and word[0] in _PREPOSITIONS) or (tag == "v" and word[1] in _GLUED_POINTERS)


_CLAUSE_CONJUNCTIONS = frozenset("而并但")


_PREPOSITIONS = frozenset("由在从对向把被据为于与给跟同自至按以")
"""Prepositions that open a clause before a name; not the rarer ones that open place names
(鉴 of 鉴某镇, 顺 of 顺某镇)."""


def _a_place(word: str) -> bool:
    """A region of the gazetteer, a tagged place name or a region's stem (南平 of 南平市).

    >>> _a_place("南平"), _a_place("国际合作")
    (True, False)
    """
    return word in places() or is_place(word) or word_tags().get(word) == "ns"


def _place_at(seg: Segmented, i: int, end: int) -> bool:
    """Whether token ``i`` is a place (a region of the gazetteer or a tagged place name)
    within the candidate."""
    if i >= len(seg.tokens) or seg.tokens[i].end > end:
        return False
    word = seg.tokens[i].text
    return word in places() or is_place(word)


def _function_pair(word: str, tags: dict[str, str]) -> str:
    """The tag of a two-character word the dictionary lacks: ``p`` for a pronoun or adverb and
    a preposition written together (另据, 又据), else ``x``.

    >>> _function_pair("另据", {"另": "r", "据": "p"}), _function_pair("东江", {"东": "f"})
    ('p', 'x')
    """
    if len(word) == 2 and tags.get(word[0]) in ("r", "d") and tags.get(word[1]) == "p":
        return "p"
    return "x"


def _name_verb_at(seg: Segmented, i: int, end: int) -> bool:
    """Token ``i`` is a verb of organisation names inside the candidate (就业 + 促进 + 司)."""
    return i < len(seg.tokens) and seg.tokens[i].end < end and seg.tokens[i].text in _NAME_VERBS


_CAMPAIGN_GROUPS = ("督导组", "指导组", "领导小组", "工作组", "巡视组", "巡察组", "考核组")
"""Groups set up for a campaign, named with it (党的群众路线教育实践活动领导小组): its verbs
and the 党的 before it are part of the name."""


def _party_of(text: str, at: int, word: str) -> bool:
    """The 的 of 党的 (党的群众路线…), which is part of a campaign's name."""
    return word == "的" and text[at - 1 : at] == "党"


_COMPANY_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "集团")
"""Company forms a verb of the brand comes before (某某控股 + 有限公司, 某某减震 + 件 +
有限公司): never cut there."""
_NAME_VERBS = frozenset(
    {"应用", "保障", "开发", "推进", "促进", "监督", "检验", "检测", "审计", "监察", "纵横",
     "规划", "勘察", "设计", "救助", "经营", "运营", "出版", "发行", "招商", "扶贫", "援助",
     "执行", "驻", "终审", "执法", "保护", "治理", "维修", "养护", "调解", "鉴定", "孵化",
     "指挥", "防治", "提案"}
)  # fmt: skip
"""Verbs that are words of organisation names (应用法学研究所, 住房保障局): never cut there."""
_NAME_OPENINGS = ("可持续",)
_CAPTION_LEADS = (
    "图为", "图中为", "左起为", "右起为", "承办方", "主办方", "协办方", "合作方",
    "所属", "下属", "旗下", "属下",  # 所属某某公司总经理: the group's subsidiary, named after
    "承建单位", "施工单位", "建设单位", "主办单位", "承办单位", "协办单位", "单位",
)  # fmt: skip
_DATELINE = re.compile(r"[\u4e00-\u9fff]{1,8}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯)")
_LEADING_TIME = re.compile(
    r"(?:[0-9０-９]{2,4}年)?(?:[0-9０-９一二三四五六七八九十]{1,2}月)?(?:[0-9０-９]{1,2}日)?"
    r"(?<=[年月日])[初底中末]?(?:旬)?"
    r"|第[0-9０-９一二三四五六七八九十]{1,3}[届任]"  # 第17届某县长: the term is not the name
)


def _inner_conjunction(text: str, start: int, at: int, word: str) -> bool:
    """和/与/及 inside a name (住房和城乡建设部, 国际合作与交流司): what precedes it in the
    candidate is not itself an organisation name."""
    if word not in ("和", "与", "及"):
        return False
    before = "".join(text[start:at].split())
    if (
        org_suffix_of(before) is not None
        or a_personal_name(before)
        or before.endswith(_AFTER_NAMES)
    ):
        return False  # 某公司和…, 韩某某与某区副区长, A先生和: the name before it is not part of it
    if _a_place(before) and text.startswith(before, at + 1):
        return False  # 赴南平与南平市委…: a place, then the organisation named by it
    # a unit after a longer name (某某政策研究中心 + 住宅与房地产研究处): from the last ending
    head = next((k for k in range(len(before) - 1, 1, -1) if org_suffix_of(before[:k])), 0)
    return 0 < len(before) - head <= 10


HONORIFICS = ("先生", "女士", "同志")
"""Honorifics written after a name (张某先生)."""
_AFTER_NAMES = (*HONORIFICS, *FORMS_OF_ADDRESS)  # 某大学校长某某教授 + 及
