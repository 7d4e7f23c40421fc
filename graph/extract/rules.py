"""Rule-based mentions: title chains ``ORG ROLE、ORG ROLE NAME``, bylines, region-anchored orgs.

The rules rely only on general dictionaries (role titles, organisation suffixes, body prefixes,
regions, family names) and the owned jieba tokenizer; no names of particular people.

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "据悉，河北省农业厅副厅长、党组成员王小明表示同意。"))
>>> chain = title_chains(seg)[0]
>>> chain.person.text, [(e.org.text if e.org else None, e.role.text) for e in chain.elements]
('王小明', [('河北省农业厅', '副厅长'), (None, '党组成员')])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeAlias

from graph.extract.names import BOUNDARY as _BOUNDARY
from graph.extract.names import Piece, person_after, token_at
from graph.extract.places import LEVELS, deictic_kind, government_title, is_place, party_title
from graph.resources import load_lexicon, load_ordered
from graph.text.segment import FUNCTION_TAGS, token_index, word_tags
from graph.types import Mention, Segmented

# characters that end a title chain on the left (、 separates the chain's elements instead)
# leading words that are not part of an organisation name
_LEAD_STOP_TAGS = FUNCTION_TAGS | {"v", "t", "q"}
# words that never occur inside an organisation name: the name starts after the last of them
_CUT_TAGS = FUNCTION_TAGS | {"v"}
_MAX_ORG = 40
_MAX_ROLE = 8


@dataclass(frozen=True, slots=True)
class ChainElement:
    """One ``[ORG][BODY]ROLE`` of a title chain; ``org`` None means 'same as before';
    ``former`` when the text says the post has ended (原主任, 免去…职务)."""

    org: Piece | None
    body: Piece | None
    role: Piece
    former: bool = False


@dataclass(frozen=True, slots=True)
class TitleChain:
    """Posts stated together for one person, e.g. ``A副主席、B党组书记、主席NAME``."""

    elements: tuple[ChainElement, ...]
    person: Piece
    span: Piece
    caption: bool
    rule: str = "rules.title-chain"  # the extractor that read it (kgo: provenance of the post)


@cache
def _roles() -> frozenset[str]:
    return load_lexicon("roles")


@cache
def _bodies() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon("body_prefixes"), key=len, reverse=True))


@cache
def _org_suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon("org_suffixes"), key=len, reverse=True))


@cache
def _places() -> frozenset[str]:
    """Region names and their short forms (保定市, 保定): never cut out of a name."""
    names = load_lexicon("regions")
    return names | {n[:-1] for n in names if len(n) >= 3 and n[-1] in "省市区县州"}


@cache
def _company_suffixes() -> tuple[str, ...]:
    """Company-name endings trusted only right before a title and a name (某某药业董事长…)."""
    return tuple(load_ordered("company_suffixes"))


@cache
def _role_index() -> tuple[tuple[int, ...], frozenset[str]]:
    """Role lengths (1.._MAX_ROLE, ascending) that occur, and the last characters of roles."""
    roles = _roles()
    lengths = tuple(k for k in range(1, _MAX_ROLE + 1) if any(len(r) == k for r in roles))
    return lengths, frozenset(r[-1] for r in roles)


def role_ending_at(text: str, end: int, *, start_limit: int = 0) -> int | None:
    """Start of the longest role title that ends at ``end`` (None if no title ends there).

    >>> role_ending_at("工会常务副主席", 7)
    2
    """
    lengths, last_chars = _role_index()
    ks: Iterable[int] = lengths
    if 0 < end <= len(text) and start_limit >= 0:
        if text[end - 1] not in last_chars:
            return None  # every role ends with one of these characters
    else:
        ks = range(1, _MAX_ROLE + 1)  # slices are shorter than k here: test every length
    roles = _roles()
    best = None
    for k in ks:
        s = end - k
        if s < start_limit:
            break
        if text[s:end] in roles:
            best = s
    if best is not None and best - 2 >= start_limit and text[best - 2 : best] in ("代理", "常务"):
        best -= 2  # an acting or executive title: 代理市长, 常务副县长
    elif best is not None and best - 2 >= start_limit and text[best - 2 : best - 1] in _LEVELS:
        best -= text[best - 1] == "代"  # 某市代市长
    return best


_LEVELS = frozenset("省市县区州旗盟镇乡")


@cache
def _suffix_index() -> tuple[tuple[int, ...], frozenset[str]]:
    suffixes = _org_suffixes()
    return tuple(sorted({len(s) for s in suffixes}, reverse=True)), frozenset(suffixes)


def org_suffix_of(name: str) -> str | None:
    """The longest organisation suffix ``name`` ends with (news names like 本报 count too).

    >>> org_suffix_of("某某大学")
    '大学'
    """
    if name in load_lexicon("news_orgs"):
        return name
    lengths, suffixes = _suffix_index()
    for k in lengths:
        if k < len(name) and name[-k:] in suffixes:
            return name[-k:]
    return None


def _chain_start(text: str, role_start: int, sentence_start: int) -> int:
    """Where the title chain that ends with the role at ``role_start`` begins."""
    i = role_start
    while i > sentence_start:
        ch = text[i - 1]
        if ch in "）)" and (opened := _region_aside(text, i - 1, sentence_start)) is not None:
            i = opened  # 某某（上海）体育发展有限公司: a region in brackets after the brand
            break
        if ch in _BOUNDARY:
            break
        if ch in "\n\r":
            # a layout break inside a name (华东汽车⏎⏎有限公司) is crossed, a real line end is not
            j = i - 1
            while j > sentence_start and text[j - 1].isspace():
                j -= 1
            if j == sentence_start or text[j - 1] in _BOUNDARY or role_start - i > _MAX_ORG:
                break
            i = j
            continue
        i -= 1
    return i


_MAX_BRAND = 4


def _region_aside(text: str, close: int, lower: int) -> int | None:
    """Where the brand before ``（region）`` closing at ``close`` starts (at most four
    characters: 某某（上海）体育发展有限公司), when there is one."""
    opened = max(text.rfind("（", lower, close), text.rfind("(", lower, close))
    if opened <= lower or close - opened > 6:
        return None
    inner = text[opened + 1 : close]
    if inner not in _places() and not is_place(inner):
        return None
    brand = opened
    while brand > max(lower, opened - _MAX_BRAND) and "\u4e00" <= text[brand - 1] <= "\u9fff":
        brand -= 1
    for k in range(opened - 1, brand, -1):
        if org_suffix_of(text[brand:k]) is not None:
            brand = k  # 运营公司跑友（上海）…: the brand starts after the name before it
            break
    return brand if brand < opened else None


def _trim_leading(seg: Segmented, starts: dict[int, int], start: int, end: int) -> int:
    """Skip leading function words and verbs (而, 在, 据, 由, 担任 …) of an organisation name;
    a preposition inside the candidate (记者从X公司) starts the name after it."""
    tags = word_tags()
    i = starts.get(start)
    clause = False  # an adverb before 和 makes it a clause's conjunction (某某还和…)
    while i is not None and i < len(seg.tokens) and seg.tokens[i].end <= end:
        word = seg.tokens[i].text
        cut = seg.tokens[i].end
        tag = tags.get(word, "x")
        if (
            tag in _CUT_TAGS
            and word not in _NAME_VERBS
            and cut < end
            and word not in _places()
            and (
                not seg.doc.text.startswith(_org_suffixes(), cut)
                or deictic_kind(seg.doc.text[cut:end].strip()) is not None
            )
            and (clause or not _inner_conjunction(seg.doc.text, start, seg.tokens[i].start, word))
            and not (tag == "v" and seg.doc.text.startswith(("和", "与"), cut))
        ):
            start, clause = cut, False  # the rest must not be a bare suffix (上海开放大学)
        clause = clause or tag == "d"
        i += 1
    if seg.doc.text.startswith(_CAPTION_LEADS, start) and end - start > 4:
        start += next(len(w) for w in _CAPTION_LEADS if seg.doc.text.startswith(w, start))
    lead = seg.doc.text.rfind("领导", start, end - 2)
    if lead >= 0 and not seg.doc.text.startswith(("领导小组", "领导班子"), lead):
        start = lead + 2  # 主管领导区委常委: the leaders are not part of the name
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
        if tok.text in _NAME_VERBS:
            break
        start = tok.end
    return start


_NAME_VERBS = frozenset(
    {"应用", "保障", "开发", "推进", "促进", "监督", "检验", "检测", "审计", "监察", "纵横",
     "规划", "勘察", "设计", "救助", "经营", "运营", "出版", "发行", "招商", "扶贫", "援助"}
)  # fmt: skip
"""Verbs that are words of organisation names (应用法学研究所, 住房保障局): never cut there."""
_CAPTION_LEADS = ("图为", "图中为", "左起为", "右起为", "承办方", "主办方", "协办方", "合作方")
_DATELINE = re.compile(r"[\u4e00-\u9fff]{1,8}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯)")
_LEADING_TIME = re.compile(
    r"(?:[0-9０-９]{2,4}年)?(?:[0-9０-９一二三四五六七八九十]{1,2}月)?(?:[0-9０-９]{1,2}日)?"
    r"(?<=[年月日])[初底中末]?(?:旬)?"
)


def _role_modifier(text: str, start: int, end: int) -> int | None:
    """Where a title's modifier (营销, 高级策划, 行政) starts, when the name before it ends like an
    organisation and the modifier, one to four characters, does not."""
    for k in range(1, 5):
        at = end - k
        if at - start < 2:
            break
        head, modifier = "".join(text[start:at].split()), text[at:end]
        if not all("\u4e00" <= ch <= "\u9fff" for ch in modifier) or org_suffix_of(modifier):
            break
        if org_suffix_of(head) is not None or head.endswith(_company_suffixes()):
            return at
    return None


def _inner_conjunction(text: str, start: int, at: int, word: str) -> bool:
    """和/与/及 inside a name (住房和城乡建设部, 国际合作与交流司): what precedes it in the
    candidate is not itself an organisation name."""
    if word not in ("和", "与", "及"):
        return False
    before = "".join(text[start:at].split())
    return 0 < len(before) <= 10 and org_suffix_of(before) is None


def _named_by_place_or_pointer(name: str, body: Piece | None, role: str) -> bool:
    """北京市 before 市长 or 党委, 区 before 团委, 我校 before anything (graph.extract.places)."""
    if deictic_kind(name):
        return True
    if body is not None and (name in LEVELS or is_place(name)):
        return True
    return is_place(name) and (government_title(role) or party_title(role))


def _shared_head(role: Piece) -> bool:
    """A title whose first character can also end the organisation (部长, 局长, 厅长)."""
    return role.text[:1] in "部局厅处司署" and role.text[1:2] == "长"


OrgCheck: TypeAlias = Callable[[int, int], "int | None"]


def parse_element(
    seg: Segmented,
    starts: dict[int, int],
    start: int,
    end: int,
    org_check: OrgCheck | None = None,
) -> ChainElement | None:
    """``[ORG][BODY]ROLE`` of ``text[start:end]`` (None unless it ends with a role title and
    its organisation, if any, ends like one or is confirmed by ``org_check``).

    ``starts`` maps token start offsets to token indices.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "华北电力大学工会副主席"))
    >>> e = parse_element(seg, {t.start: i for i, t in enumerate(seg.tokens)}, 0, 11)
    >>> e.org.text, e.body.text, e.role.text
    ('华北电力大学', '工会', '副主席')
    """
    text = seg.doc.text
    role_start = role_ending_at(text, end, start_limit=start)
    if role_start is None:
        return None
    role = Piece(role_start, end, text[role_start:end])
    rest_end = role_start
    if rest_end - 1 > start and text[rest_end - 1] == "的":
        rest_end -= 1  # 某某大学的副校长
    former = rest_end - 1 >= start and text[rest_end - 1] == "原"
    rest_end -= former  # 某局原局长: a post that has ended
    body = None
    for prefix in _bodies():
        b = rest_end - len(prefix)
        if b >= start and text[b:rest_end] == prefix:
            whole = text[start:rest_end]
            suffix = org_suffix_of("".join(whole.split()))
            if suffix is None or len(suffix) <= len(prefix):
                body = Piece(b, rest_end, prefix)
                rest_end = b
            break
    org_start = _trim_leading(seg, starts, start, rest_end)
    if text.startswith("原", org_start) and rest_end - org_start > 2:
        org_start, former = org_start + 1, True  # 原建设部总工程师: a post that has ended
    org = None
    if org_start < rest_end:
        name = "".join(text[org_start:rest_end].split())
        if (
            body is None
            and _shared_head(role)
            and org_suffix_of(name) is None
            and org_suffix_of(name + role.text[0]) is not None
        ):
            # the title's head character ends the name: 外交部长 = 外交部 + 部长
            return ChainElement(Piece(org_start, role.start + 1, name + role.text[0]), None, role)
        split = _role_modifier(text, org_start, rest_end) if body is None else None
        if (
            split is not None
            and org_suffix_of(name) is None
            and not name.endswith(_company_suffixes())
        ):
            # 某某地产营销总监: a function word before the title belongs to the title
            role = Piece(split, end, text[split:end])
            rest_end, name = split, "".join(text[org_start:split].split())
        if (
            org_suffix_of(name) is None
            and not name.endswith(_company_suffixes())
            and not _named_by_place_or_pointer(name, body, role.text)
        ):
            found = org_check(org_start, rest_end) if org_check else None
            if found is None:
                return None
            org_start = found  # a name without a suffix that the mention model knows
        org = Piece(org_start, rest_end, text[org_start:rest_end])
    return ChainElement(org, body, role, former)


def title_chains(
    seg: Segmented,
    org_check: OrgCheck | None = None,
    names: dict[int, Piece] | None = None,
) -> tuple[TitleChain, ...]:
    """Every ``[ORG][BODY]ROLE(、[ORG][BODY]ROLE)* NAME`` of the document.

    ``org_check(start, end)`` may accept an organisation name without a known suffix ending at
    ``end`` (returning where the name starts, not before ``start``) or refuse it (None).
    ``names`` are person names by start offset (the model's) for titles the rules cannot read a
    name after (主任何某: the segmenter reads 任何).
    """
    text = seg.doc.text
    starts = token_index(seg)
    chains: list[TitleChain] = []
    role_end = _role_end_char()
    for sentence in seg.sentences:
        pos = floor = sentence.start
        while pos < sentence.end:
            # jump to the next position right after a character that can end a role
            m = role_end.search(text, max(pos - 1, sentence.start), sentence.end - 1)
            if m is None:
                break
            pos = m.end()
            chain = _chain_ending_at(seg, starts, sentence.start, pos, org_check, names, floor)
            if chain is None:
                pos += 1
                continue
            chains.append(chain)
            pos = chain.person.end
            if text.startswith(("和", "与", "及", "同", "跟"), pos):
                floor = pos  # the next chain starts after this name (…局长A和X局长B)
    return tuple(chains)


@cache
def _role_end_char() -> re.Pattern[str]:
    """A character that ends some role title."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(_role_index()[1])) + "]")


def _chain_ending_at(
    seg: Segmented,
    starts: dict[int, int],
    sentence_start: int,
    pos: int,
    org_check: OrgCheck | None = None,
    names: dict[int, Piece] | None = None,
    floor: int = 0,
) -> TitleChain | None:
    text = seg.doc.text
    if role_ending_at(text, pos, start_limit=sentence_start) is None:
        return None
    found = person_after(seg, starts, pos)
    if found is None and names:
        j = pos
        while j < len(text) and text[j] in " \u3000" and j - pos < 3:
            j += 1
        found = (names[j], False) if j in names else None
    if found is None:
        return None
    person, caption = found
    begin = _chain_start(
        text,
        role_ending_at(text, pos, start_limit=sentence_start) or pos,
        max(sentence_start, floor),
    )
    elements: list[ChainElement] = []
    cursor = begin
    for part_end in _element_ends(text, begin, pos):
        element = parse_element(seg, starts, cursor, part_end, org_check)
        if element is not None:
            elements.append(element)
        elif elements:
            elements.clear()  # a broken link in the chain: keep only what follows it
        cursor = part_end + 1
    if not elements:
        return None  # a chain without any organisation is kept: linking may find one for it
    first = elements[0].org.start if elements[0].org else elements[0].role.start
    span = Piece(first, person.end, text[first : person.end])
    return TitleChain(tuple(elements), person, span, caption)


def _element_ends(text: str, begin: int, end: int) -> list[int]:
    """Where the titles of a chain end: at each 、, at 兼 after a title (书记兼院长), at ``end``."""
    return [
        i
        for i in range(begin, end)
        if text[i] == "、" or (text[i] == "兼" and role_ending_at(text, i, start_limit=begin))
    ] + [end]


def chain_mentions(chains: tuple[TitleChain, ...]) -> tuple[Mention, ...]:
    """PERSON, ORG and ROLE mentions of the title chains."""
    out: list[Mention] = []
    for chain in chains:
        score = 0.95 if chain.caption else 0.9
        out.append(
            Mention(
                chain.person.start,
                chain.person.end,
                "PERSON",
                chain.person.text,
                score,
                "rules.chain",
            )
        )
        for e in chain.elements:
            if e.org:
                out.append(Mention(e.org.start, e.org.end, "ORG", e.org.text, score, "rules.chain"))
            role_start = e.body.start if e.body else e.role.start
            out.append(
                Mention(
                    role_start,
                    e.role.end,
                    "ROLE",
                    chain_text(chain, role_start, e.role.end),
                    score,
                    "rules.chain",
                )
            )
    return tuple(out)


def chain_text(chain: TitleChain, start: int, end: int) -> str:
    """Text of ``[start, end)`` inside the chain's span."""
    return chain.span.text[start - chain.span.start : end - chain.span.start]
