"""People the shipped mention model names, whether or not the text states a fact about them.

Every legible personal name is an entity with its spans (historical persons, reporters, people
listed as attending): the model's PERSON mentions, kept when they look like a Chinese name (two
to four characters starting with a family name) and are not a title or a place.

>>> from graph.extract.orgcheck import tag_sentences
>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "会议由邱德川主持，谭立川出席。"))
>>> [p.text for p in model_people(seg, tag_sentences(seg))]
['邱德川', '谭立川']
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract.namechars import (
    a_place_not_a_name,
    given_glued_to_next,
    spelled_on,
    surname_then_verb,
    syllable_name_end,
    third_left_alone,
)
from graph.extract.names import (
    GLUED,
    NAME_DOTS,
    Piece,
    conjunction_before_a_word,
    is_surname_start,
    named_alone,
    outermost,
    surname_repeated,
)
from graph.extract.orgcheck import ModelSpan
from graph.extract.places import is_place, listed_region
from graph.extract.titles import role_ending_at, role_starting_at
from graph.extract.transliterated import transliterated_end
from graph.ner.persons import conjunction_kept, consistent, glued_tail
from graph.resources import load_lexicon
from graph.text.numerals import NUMERAL_CHARS
from graph.text.segment import token_index, word_tags
from graph.types import Segmented


@cache
def _not_names() -> frozenset[str]:
    return load_lexicon("roles") | load_lexicon("regions")


def looks_like_name(name: str, *, conjunction_kept: bool = False) -> bool:
    """Two to four CJK characters starting with a family name, not a title or a place.

    >>> looks_like_name("谭立川"), looks_like_name("主任"), looks_like_name("王")
    (True, False, False)
    >>> looks_like_name("杨院长"), looks_like_name("董浩及"), looks_like_name("常委在")
    (False, False, False)
    >>> looks_like_name("王建和", conjunction_kept=True)
    True
    >>> looks_like_name("高校的"), looks_like_name("和行业"), looks_like_name("和相关")
    (False, False, False)
    >>> looks_like_name("任期三年"), looks_like_name("张三"), looks_like_name("曾任")
    (False, True, False)
    >>> looks_like_name("曾考虑"), looks_like_name("曾振兴")
    (False, True)
    """
    return (
        2 <= len(name) <= 4
        and all("\u4e00" <= ch <= "\u9fff" for ch in name)
        and is_surname_start(name)
        and name not in _not_names()
        and (conjunction_kept or not (len(name) > 2 and name[-1] in GLUED))
        and name[-1] not in _PARTICLES
        and not conjunction_before_a_word(name)
        and not any(name[k:] in _not_names() for k in (1, 2))  # 杨院长, 王书记
        and not (len(name) > 2 and name[:2] in load_lexicon("roles"))  # 常委 + 在
        and not _two_words(name)
        and not _COUNTED_TIME.search(name)
        and name not in _TENURE_WORDS
        and not surname_then_verb(name)
    )


_TENURE_WORDS = frozenset({"曾任", "时任", "历任", "原任", "曾经", "曾是", "时年", "布达"})
"""Words opening with a family name that say when a post was held (曾任 + 某职): no names."""


_COUNTED_TIME = re.compile(r"[一二两三四五六七八九十百0-9０-９][年月日天届期次]$")
"""A number and a unit of time ending a "name" (任期三年, 为期五天): no personal name."""
_WORD_TAGS = ("v", "a", "d")
_PARTICLES = frozenset("的了们地得着过吗呢吧")
"""Particles that end no personal name (高 + 校的: 13所高校的校长)."""


def _two_words(name: str) -> bool:
    """A four-character "name" that the dictionary reads as two verbs, adjectives or adverbs
    (宣誓 + 就职), whatever tag it gives the whole.

    >>> _two_words("宣誓就职"), _two_words("欧阳明华")
    (True, False)
    """
    tags = word_tags()
    return len(name) == 4 and all(
        tags.get(name[k : k + 2], "n").startswith(_WORD_TAGS) for k in (0, 2)
    )


def is_transliteration(name: str) -> bool:
    """Two or more parts of CJK characters joined by a name dot (a foreign name as written).

    >>> is_transliteration("约翰·史密斯"), is_transliteration("约翰•史密斯"), is_transliteration("约翰")
    (True, True, False)
    >>> is_transliteration("·史密斯"), is_transliteration("中国·北京·海淀区·某某街道办事处")
    (False, False)
    """
    parts = re.split(f"[{NAME_DOTS}]", name)
    return (
        2 <= len(parts) <= 4
        and len(name) <= 16
        and all(1 <= len(part) <= 6 and _all_cjk(part) for part in parts)
        and not any(part in _not_names() or _region(part) for part in parts)
    )


def _region(name: str) -> bool:
    """A listed region, by its full or its short name (北京 for 北京市).

    >>> _region("北京"), _region("彼得")
    (True, False)
    """
    regions = load_lexicon("regions")
    return name in regions or any(name + level in regions for level in "省市县区")


def titled_name(text: str, a: int, b: int) -> bool:
    """The model's name ``text[a:b]`` right after a title (主教练 + 某某), where a transliterated
    or otherwise unusual name (no common family name) is expected; or a transliteration anywhere.

    >>> titled_name("德国队主教练勒夫说", 6, 8), titled_name("主教练表示", 3, 5)
    (True, False)
    >>> titled_name("连任主席一职", 4, 6), titled_name("县议员（原议长）增田刚为首", 8, 11)
    (False, True)
    """
    name = text[a:b]
    if is_transliteration(name):
        return True
    if _LATIN_NAME.fullmatch(name):
        return role_ending_at(text, a) is not None  # 市场总监 + 某 Smith
    tag = word_tags().get(name)
    return (
        2 <= len(name) <= 4
        and _all_cjk(name)
        and role_ending_at(text, _before_aside(text, a)) is not None
        and name not in _not_names()
        and (tag is None or tag.startswith("nr"))
        and not _two_words(name)
        and name[0] not in NUMERAL_CHARS  # 主席 + 一职: the post, not a name
        and name not in _TENURE_WORDS
        and not surname_then_verb(name)  # 交通部 + 曾考虑, 副主任 + 李主持
    )


def _before_aside(text: str, a: int) -> int:
    """Where a bracketed aside of up to eight characters ending at ``a`` starts (议员（原议长）
    + 某某), else ``a``."""
    if text[a - 1 : a] not in "）)" or a < 2:
        return a
    opening = max(text.rfind("（", max(0, a - 10), a), text.rfind("(", max(0, a - 10), a))
    return opening if opening >= 0 else a


_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ ·.'’-]?[A-Z][a-z]+){0,3}")
"""A name in Latin letters, each part capitalised (John Smith, JohnSmith, O’Connor)."""


def _all_cjk(part: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in part)


_DOCTRINE = ("新时代", "思想", "理论")
"""A name that opens the name of a doctrine (某某思想) is not a mention of the person."""


def model_people(seg: Segmented, tagged: list[list[ModelSpan] | None]) -> tuple[Piece, ...]:
    """The model's PERSON mentions that look like names, in text order (made consistent over
    the document first: 王某 + 和 is 王某和 wherever 王某和 stands whole)."""
    text = seg.doc.text
    found = [(a, b, t, 1.0) for spans in tagged if spans for a, b, t in spans]
    out = []
    starts = token_index(seg)
    for a, b, t, _ in consistent(text, found):
        if t != "PERSON":
            continue
        if b - a == 1:
            b = _given_after(seg, starts, a, b)
        b, kept = _name_end(text, a, b)
        b = _third_before_conjunction(text, a, b)
        b = _third_left_alone(seg, starts, a, b)
        b = _third_glued_on(seg, starts, a, b)
        b = max(spelled_on(text, a, b), syllable_name_end(text, a))  # 梅德 + 韦杰娃, 丹珠 + 昂奔
        if text[a] in "及和与" and b - a == 4 and looks_like_name(text[a + 1 : b]):
            a += 1  # …院长 + 及林某某小姐: the conjunction is the list's
        a = _husbands_surname(text, a, b)
        name = text[a:b]
        if text.startswith(_DOCTRINE, b) or a_place_not_a_name(text, a, b):
            continue
        whole = transliterated_end(seg, starts, b, dotted=any(d in name for d in NAME_DOTS))
        if whole > b and is_transliteration(text[a:whole]):
            out.append(Piece(a, whole, text[a:whole]))  # 路易斯 + ·卡尔沃
        elif (
            looks_like_name(name, conjunction_kept=kept)
            or titled_name(text, a, b)
            or dictionary_name(name)
        ):
            out.append(Piece(a, b, name))
    return outermost(out)  # 彼得 + .汤姆森: one name, not 彼得.汤姆森 and 汤姆森


_LIST_MARKS = frozenset("、，,：:；;（(\n ")


def _husbands_surname(text: str, a: int, b: int) -> int:
    """Where a name starts when the family name of a married woman's husband stands before it
    in a list, as Hong Kong and Macau write them (、麥 + 張某娣、: 麥張某娣).

    >>> _husbands_surname("副会长林伟、麦李秀娟、何慧枝", 7, 10), _husbands_surname("、在张旺", 2, 4)
    (6, 2)
    """
    if b - a != 3 or a < 2 or text[a - 2] not in _LIST_MARKS:
        return a
    husband = text[a - 1]
    return a - 1 if is_surname_start(husband) and husband in _single_surnames() else a


@cache
def _surnames() -> frozenset[str]:
    return load_lexicon("surnames")


@cache
def _single_surnames() -> frozenset[str]:
    return frozenset(s for s in load_lexicon("surnames") if len(s) == 1) - _NOT_HUSBANDS


_NOT_HUSBANDS = frozenset("和与同及向对在将于把被由从为以")
"""Family names that are far more often a conjunction or preposition before a name."""


def dictionary_name(name: str) -> bool:
    """A full name of three or four characters that jieba's dictionary lists as a modern
    person's (tag nrfg: a few hundred names, unlike its noisy nr), whatever its family name (one
    that is also a common word: 习 of 学习).

    >>> dictionary_name("翦伯赞"), dictionary_name("三万人"), dictionary_name("主任")
    (True, False, False)
    """
    return 3 <= len(name) <= 4 and word_tags().get(name) == "nrfg"


def _third_before_conjunction(text: str, a: int, b: int) -> int:
    """Where a two-character name ends that the model cut before its last character when a
    conjunction follows it (张善 + 国及商会…: 张善国; 王刚也和… stays 王刚), or a verb that
    the dictionary glues to that character into a noun (周立 + 华为集团…: 周立华, 华为 being a
    company; 王明现为… stays 王明).

    >>> _third_before_conjunction("常务副会长张善国及商会", 5, 7)
    8
    >>> _third_before_conjunction("王刚也和李强", 0, 2)
    2
    >>> _third_before_conjunction("总经理周立华为公司揭牌", 3, 5), _third_before_conjunction("周立现为主任", 0, 2)
    (6, 2)
    """
    if b - a != 2 or b + 1 >= len(text):
        return b
    follower = text[b + 1]
    glued = follower in "为是在" and word_tags().get(text[b : b + 2], "").startswith("n")
    if follower not in "及和与、，" and not glued:
        return b
    char = text[b]
    if not "\u4e00" <= char <= "\u9fff" or word_tags().get(char, "x") in _NOT_GIVEN_TAGS | {"d"}:
        return b
    return b + 1 if looks_like_name(text[a : b + 1]) else b


_NOT_GIVEN_TAGS = frozenset({"c", "p", "r", "m", "q", "f", "y", "e", "o", "k", "role"})


def _third_left_alone(seg: Segmented, starts: dict[int, int], a: int, b: int) -> int:
    """Where a two-character name ends that the model cut before a third character the
    segmenter left on its own between the name and a word or a mark (陈某 + 初 + 辞去, 韩某 +
    赋 + 对, 钟某 + 元 + ，): no function word, no verb of speech (王某 + 说 + ，).

    >>> from graph.text.segment import segment, token_index
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "会议接受贺义初辞去职务。王明说，"))
    >>> _third_left_alone(seg, token_index(seg), 4, 6), _third_left_alone(seg, token_index(seg), 12, 14)
    (7, 14)
    """
    text = seg.doc.text
    i = starts.get(a)
    if b - a != 2 or i is None or i + 2 >= len(seg.tokens):
        return b
    name, lone, after = seg.tokens[i], seg.tokens[i + 1], seg.tokens[i + 2]
    tags = word_tags()
    if name.end != b or name.text in tags or len(lone.text) != 1 or lone.end != after.start:
        return b
    if not third_left_alone(lone.text, after.text):
        return b
    return b + 1 if looks_like_name(text[a : b + 1]) else b


def _third_glued_on(seg: Segmented, starts: dict[int, int], a: int, b: int) -> int:
    """Where a two-character name ends that the model cut before a third character the
    segmenter glued to the next word (白某 + 立在 + 南宁, 凌小 + 宏等市).

    >>> from graph.text.segment import segment, token_index
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "东华集团董事长白云立在南宁会见来宾。"))
    >>> _third_glued_on(seg, token_index(seg), 7, 9)
    10
    """
    i = starts.get(a)
    if b - a != 2 or i is None or i + 1 >= len(seg.tokens) or seg.tokens[i].end != b:
        return b
    if not given_glued_to_next(seg.tokens[i], seg.tokens[i + 1], word_tags()):
        return b
    name = seg.doc.text[a : b + 1]
    return b + 1 if looks_like_name(name) else b


def _given_after(seg: Segmented, starts: dict[int, int], a: int, b: int) -> int:
    """Where a name ends that the model cut after its family name (赵 + 立新 + 汇报): the
    two-character word after it, when that word is no function word, title or reporting verb
    (立新, 建国 are words the dictionary tags as adverbs or verbs)."""
    i = starts.get(b)
    if i is None or not is_surname_start(seg.doc.text[a:b] + "某"):
        return b
    word = seg.tokens[i].text
    tag = word_tags().get(word, "x")
    if (
        len(word) == 2
        and all("\u4e00" <= ch <= "\u9fff" for ch in word)
        and tag not in _NOT_GIVEN_TAGS
        and not tag.startswith("u")
        and word not in _reporting_verbs()
        and word not in _not_names()
    ):
        return b + 2 - glued_tail(seg.doc.text, a, b + 2)  # 李 + 耕作 + 的…说明: 李耕
    return b


@cache
def _reporting_verbs() -> frozenset[str]:
    return load_lexicon("reporting_verbs")


def _name_end(text: str, a: int, b: int) -> tuple[int, bool]:
    """Where the model's name ``text[a:b]`` ends, and whether a final conjunction is kept."""
    if b - a == 4 and text[b - 1] in _VERBS_AFTER_NAME and text[a : a + 2] not in _surnames():
        return b - 1, False  # 秘书长俞某某 + 作关于…的说明: a verb the segmenter glued on
    if b - a != 3:
        return b, False
    if text[b - 1] in GLUED:
        if conjunction_kept(text, a, b):
            return b, True  # 王某和，
        return b - 1, False  # 董某及
    if named_alone(text, a, b - 1) or surname_repeated(text, a, b):
        return b - 1, False  # 张某为学院颁奖, after 主席张某，
    if text[b - 1] == "为" and appointed_as(text, a, b):
        return b - 1, False  # 决定：A、张某为某省副省长
    return b, False


_VERBS_AFTER_NAME = frozenset("任为作兼是被说在则也亦都已将曾")
"""Verbs and adverbs that follow a name, never a four-character name's last character (with
one family name: 欧阳某某 is a name)."""
_OPENS_APPOINTED = ("、", "：", ":", "，", "任命", "选举", "决定", "同意", "补选")


def appointed_as(text: str, a: int, b: int) -> bool:
    """Whether the 为 ending the three characters ``text[a:b]`` is the verb of an appointment
    (、张某 + 为 + 某省副省长): a list mark or a verb of appointing before the name, a post (a
    region, a title or an elided level) right after it.  Given names ending in 为 are rare (12
    of 37,627 names of MSRA train and People's Daily 1998).

    >>> appointed_as("决定：李明、孙和为东江省副省长", 6, 9), appointed_as("康有为的书", 0, 3)
    (True, False)
    """
    if not text.endswith(_OPENS_APPOINTED, 0, a) or text[b : b + 1] == "为":
        return False
    if text[b : b + 1] in _LEVEL_INITIALS or role_starting_at(text, b) is not None:
        return True
    return any(listed_region(text[b : b + k]) or is_place(text[b : b + k]) for k in (2, 3, 4))


_LEVEL_INITIALS = frozenset("省市县区州乡镇")
