"""Person names: a name right after a title (photo credits are read beside the bylines,
:mod:`graph.extract.bylines`).

Names are recognised by general means only: a family name from the packaged list, jieba's word
boundaries and part-of-speech tags; no list of people.

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "副主任林晓峰讲话"))
>>> person_after(seg, token_index(seg), 3)
(Piece(start=3, end=6, text='林晓峰'), False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from graph.extract.namechars import (
    ADVERB_FINALS,
    AT_A_MEETING,
    addressed_after,
    foreign_name_end,
    given_glued_to_next,
    name_closing_clause,
    spelled_on,
    syllable_name_end,
    third_before_place,
    third_left_alone,
    word_after,
)
from graph.ner.persons import conjunction_kept, glued_tail, preposition_lead
from graph.resources import load_lexicon, load_ordered
from graph.text.segment import FUNCTION_TAGS, word_tags
from graph.types import Segmented, Token

NAME_DOTS = "·•・‧.．"
"""Separators of the parts of a transliterated name (杰某•莫某某)."""

# characters that end a title chain on the left (、 separates the chain's elements instead)
BOUNDARY = frozenset("，,。.！!？?；;：:“”\"‘’'（）()《》【】〔〕「」『』／—[]□■●◆…·|/\\\t　 ")
_SPACE = frozenset(" \u3000\t")
# tags of a token after a title that cannot be (part of) a given name
_NOT_NAME_TAGS = FUNCTION_TAGS | {"d", "v", "f", "m", "q", "k", "role"}
_GIVEN_TAGS = frozenset({"ng", "zg", "nr", "n", "x", "tg", "g", "ag", "rg", "mg"})
GLUED = frozenset("及和与等")
_SIR = frozenset({"总", "董", "书记", "局", "局长", "主任", "院长", "校长", "老师", "先生", "女士"})
_LEVEL_AFTER = frozenset("省市县区州镇乡")
_NAME_END = frozenset("、，,。；;")  # a lone character before these ends a name (黄某 + 忠、)
"""Conjunctions the segmenter may glue onto the end of a two-character name."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A span of the text (offsets into the document)."""

    start: int
    end: int
    text: str


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = load_ordered("surnames")
    return frozenset(n for n in names if len(n) == 2), frozenset(n for n in names if len(n) == 1)


def is_surname_start(name: str) -> bool:
    double, single = _surnames()
    return name[:2] in double or name[:1] in single


@cache
def _initials() -> frozenset[str]:
    double, single = _surnames()
    return single | {name[0] for name in double}


def opens_surname(ch: str) -> bool:
    """Whether a family name can start with the character ``ch`` (王, or 欧 of 欧阳)."""
    return ch in _initials()


def is_common_word(word: str) -> bool:
    """A word of jieba's dictionary that it does not tag as a name (学术, 相关; not 志强).

    >>> is_common_word("学术"), is_common_word("志强")
    (True, False)
    """
    tag = word_tags().get(word)
    return tag is not None and not tag.startswith("nr")


FORMS_OF_ADDRESS = ("先生", "女士", "夫人", "小姐", "医生", "博士", "教授", "院士")
"""Forms of address written after a name (某某女士, 行政总裁某某医生, Smith教授)."""
_CONJUNCTION_SURNAMES = frozenset("和与同及")
_PREPOSITION_SURNAMES = frozenset("向由")
"""Family names that are mostly prepositions before a noun (于, a common family name, is not
one of them)."""


def conjunction_before_a_word(name: str) -> bool:
    """A family name that is also a conjunction before a two-character word of the dictionary
    that is no name (和 + 行业: 党委政府和行业主管部门; 和 + 相关: 市政府和相关部门; 和 + 顾问:
    名誉主席和顾问若干名), which reads as the conjunction.

    >>> conjunction_before_a_word("和顾问"), conjunction_before_a_word("和志强")
    (True, False)
    """
    rest = name[1:]
    return (
        len(name) == 3
        and name[0] in _CONJUNCTION_SURNAMES
        and (is_common_word(rest) or rest in load_lexicon("roles"))
    )


def token_at(tokens: tuple[Token, ...], starts: dict[int, int], pos: int) -> Token | None:
    i = starts.get(pos)
    return tokens[i] if i is not None else None


_CLAUSE_END = frozenset("，、。；：,;:）)")


def glued_conjunction(text: str, end: int) -> bool:
    """Whether the name candidate ending at ``end`` ends with a conjunction glued on (董某及王某):
    not when a punctuation mark follows (石某和，is a name).

    >>> glued_conjunction("董浩及王明", 3), glued_conjunction("石秀和，", 3)
    (True, False)
    """
    return text[end - 1 : end] in GLUED and text[end : end + 1] not in _CLAUSE_END


def person_after(seg: Segmented, starts: dict[int, int], pos: int) -> tuple[Piece, bool] | None:
    """A person name right after a title at ``pos``: ``(piece, caption)``.

    Caption style is ``TITLE␠NAME`` ending the line (or followed by ``/``); body style is a name
    that jieba keeps as one unknown word or a family name plus a given name.
    """
    text = seg.doc.text
    j = pos
    while j < len(text) and text[j] in _SPACE and j - pos < 3:
        j += 1
    caption = _caption_name(text, j, spaced=j > pos)
    if caption is not None:
        return caption, True
    if (end := max(syllable_name_end(text, j), foreign_name_end(text, j))) > j:
        return Piece(j, end, text[j:end]), False  # 洛桑 + 江村, 卡尔本西斯: no family name
    tok = token_at(seg.tokens, starts, j)
    if tok is None:
        return _name_across_word(seg, starts, j)
    if not is_surname_start(tok.text) or preposition_lead(text, tok.start):
        return None  # 由 + 秘书局, 由张 + 秘书长: a preposition, not a family name
    name = _name_from_token(seg, starts, tok) or _closing(text, tok.start)
    if name is None or conjunction_before_a_word(name.text):
        return None  # 名誉主席 + 和顾问: the conjunction, not a family name
    end = spelled_on(text, name.start, name.end)  # 梅德 + 韦杰娃
    return Piece(name.start, end, text[name.start : end]), False


def _closing(text: str, start: int) -> Piece | None:
    return Piece(start, e, text[start:e]) if (e := name_closing_clause(text, start)) else None


def _name_across_word(seg: Segmented, starts: dict[int, int], j: int) -> tuple[Piece, bool] | None:
    """A family name the segmenter glued to the title's last character (主 + 任何 + 某明:
    主任 何某明), read with the word after it as the given name."""
    i = starts.get(j - 1)
    if i is None or seg.tokens[i].end != j + 1 or i + 1 >= len(seg.tokens):
        return None
    given = seg.tokens[i + 1]
    name = seg.doc.text[j : given.end]
    tag = word_tags().get(given.text)
    if (
        given.start == j + 1
        and 1 <= len(given.text) <= 2
        and all("\u4e00" <= ch <= "\u9fff" for ch in given.text)
        and (tag is None or tag.startswith("nr"))
        and is_surname_start(name)
    ):
        return Piece(j, given.end, name), False
    return None


def _caption_name(text: str, j: int, *, spaced: bool) -> Piece | None:
    """A name of two to four characters at ``j``, after spaces, that ends the line (or is
    followed by ``/`` or a spaced byline): ``TITLE␠NAME``."""
    k = j
    while k < len(text) and "\u4e00" <= text[k] <= "\u9fff" and k - j < 5:
        k += 1
    at_line_end = k >= len(text) or text[k] in "\n\r/／ )）\u3000"  # or a spaced byline
    if spaced and at_line_end and 2 <= k - j <= 4 and is_surname_start(text[j:k]):
        return Piece(j, k, text[j:k])
    return None


def _name_from_token(seg: Segmented, starts: dict[int, int], tok: Token) -> Piece | None:
    """The name that opens with the token ``tok`` (which starts with a family name): the token
    itself, trimmed or extended by the words the segmenter cut wrongly around it."""
    text = seg.doc.text
    tags = word_tags()
    nxt = token_at(seg.tokens, starts, tok.end)
    if (
        len(tok.text) == 2
        and nxt is not None
        and _lone_given(nxt.text)
        and (text[nxt.end : nxt.end + 1] in _NAME_END or text.startswith(_reporting(), nxt.end))
    ):
        return Piece(tok.start, nxt.end, text[tok.start : nxt.end])  # 黄家 + 忠、, 文某 + 康介绍
    if len(tok.text) == 2 and nxt is not None and given_glued_to_next(tok, nxt, tags):
        return Piece(tok.start, tok.end + 1, text[tok.start : tok.end + 1])  # 凌某 + 宏等市
    if len(tok.text) == 2 and nxt is not None and _given_before_joined_title(text, nxt):
        return Piece(
            tok.start, nxt.start + 1, text[tok.start : nxt.start + 1]
        )  # 曹某 + 泰和 + 助理
    if surname_repeated(text, tok.start, tok.end):
        return Piece(tok.start, tok.start + 2, tok.text[:2])  # 王某王总: 王总 is 王某
    if _compound_surname(tok.text) and nxt is not None and _given_word(nxt.text, tags):
        return Piece(tok.start, nxt.end, text[tok.start : nxt.end])  # 欧阳 + 怡然
    if 2 <= len(tok.text) <= 3 and (tok.text not in tags or tags[tok.text].startswith("nr")):
        return _whole_word_name(text, tok, nxt, tags)
    if len(tok.text) == 2 and text.startswith(_OWNED_AFTER, tok.end):
        return Piece(tok.start, tok.end, tok.text)  # 副部长周济的率领下: a word as a name
    if len(tok.text) == 4 and tok.text not in tags and tags.get(tok.text[3]) in _NOT_NAME_TAGS:
        # the HMM glued the next word on (刘某某有 -> 刘某某 + 有)
        return Piece(tok.start, tok.end - 1, tok.text[:3])
    if len(tok.text) == 1:
        return _family_name_and_given(text, tok, nxt, tags)
    return None


def _given_before_joined_title(text: str, nxt: Token) -> bool:
    """Whether the word after a name's first two characters is its last character and the
    conjunction before another person's title (主任曹某泰和助理处长A: 泰和 is a county's name)."""
    if len(nxt.text) != 2 or nxt.text[1] not in "和与及":
        return False
    roles = load_lexicon("roles")
    end = nxt.end
    return any(text[a:b] in roles for a in range(end, end + 3) for b in range(a + 2, end + 7))


def _compound_surname(word: str) -> bool:
    """A two-character family name (欧阳, 司马), which jieba reads as a word of its own."""
    return len(word) == 2 and word in load_lexicon("surnames")


def _given_word(word: str, tags: dict[str, str]) -> bool:
    """One or two Chinese characters that can be a given name after a family name: no
    function word, verb, title or measure."""
    return (
        1 <= len(word) <= 2
        and all("\u4e00" <= ch <= "\u9fff" for ch in word)
        and tags.get(word, "x") not in _NOT_NAME_TAGS
    )


_OWNED_AFTER = ("的率领", "的带领", "的陪同", "一行", "同志")
"""What follows a name right after a title, never a verb or a noun after it (周济的率领下)."""


def _whole_word_name(text: str, tok: Token, nxt: Token | None, tags: dict[str, str]) -> Piece:
    """A name jieba reads as one word of two or three characters (``nxt`` is the next word),
    with the character the HMM cut off put back and a word or conjunction it glued on taken off."""
    end = tok.end
    if (
        len(tok.text) == 2
        and tok.text not in tags
        and nxt is not None
        and (
            _lone_given(nxt.text)
            or nxt.text in ADVERB_FINALS
            or (len(nxt.text) == 1 and third_left_alone(nxt.text, word_after(text, nxt.end)))
        )
    ):
        end = nxt.end  # the HMM cut a three-character name short (林某 + 卒, 潘某 + 刚, 韩某 + 赋)
    elif (
        len(tok.text) == 2
        and nxt is not None
        and nxt.text in GLUED
        and conjunction_kept(text, tok.start, nxt.end)
    ):
        end = nxt.end  # 石某 + 和 + ，: the name ends with 和
    if end - tok.start == 3:
        end -= glued_tail(text, tok.start, end)  # 陈某报 + 到, 李某今 + (8)日
    if (
        end - tok.start == 3
        and glued_conjunction(text, end)
        and not conjunction_kept(text, tok.start, end)
    ):
        end -= 1  # the HMM glued a conjunction on (董某及 -> 董某 + 及)
    return Piece(tok.start, end, text[tok.start : end])


def _family_name_and_given(
    text: str, tok: Token, nxt: Token | None, tags: dict[str, str]
) -> Piece | None:
    """A one-character family name ``tok`` and the given name of one or two characters that
    jieba cut after it (``nxt``)."""
    if (
        nxt
        and 1 <= len(nxt.text) <= 2
        and "\u4e00" <= nxt.text[0] <= "\u9fff"
        and (tags.get(nxt.text, "nr") not in _NOT_NAME_TAGS or addressed_after(text, nxt))
        and nxt.text not in AT_A_MEETING  # 副主任 + 王 + 讲话: the family name alone
        and not (tags.get(tok.text) == "p" and text[nxt.end : nxt.end + 1] in _LEVEL_AFTER)
        # 向 + 东江 + 市: a preposition before a place, not the family name 向
        and not (tags.get(tok.text) in ("c", "p") and tags.get(nxt.text, "").startswith("ns"))
        # 和 + 台湾: a conjunction before a place
        and not (tags.get(tok.text) == "c" and len(nxt.text) == 2 and is_common_word(nxt.text))
        # 和 + 学术(委员会): a conjunction before a word of the dictionary
        and not (tok.text in _PREPOSITION_SURNAMES and tags.get(nxt.text) == "n")
        # 向 + 来宾(介绍), 由 + 专家(组成): a preposition before a common noun
    ):
        end = nxt.end - (len(nxt.text) == 2 and named_alone(text, tok.start, nxt.end - 1))
        end += len(nxt.text) == 1 and third_before_place(text, end, tags)  # 梁 + 某 + 绮 + 台北
        if end - tok.start == 3:
            end -= glued_tail(text, tok.start, end)  # 李 + 耕作 + 的关于…的说明: 李耕
        if (
            end - tok.start == 3
            and glued_conjunction(text, end)
            and not conjunction_kept(text, tok.start, end)
        ):
            end -= 1  # 任 + 某等 + 市区领导: the list's 等, not the name's
        return Piece(tok.start, end, text[tok.start : end])
    return None


_VERB_AFTER_NAME = frozenset("为在是将对向从被把给")
_AFTER_ALONE = tuple("，、。；：,;:（(")


def named_alone(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` (two characters) is followed by a verb glued to it here and stands alone,
    followed by punctuation, elsewhere in the document.

    >>> named_alone("主席张伟，副主席李强。张伟为学院颁奖", 11, 13)
    True
    """
    if b >= len(text) or text[b] not in _VERB_AFTER_NAME:
        return False
    name = text[a:b]
    return any(name + p in text for p in _AFTER_ALONE)


def surname_repeated(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` (three characters) ends with its own family name before an honorific:
    王某王总 is 王某 and 王总.

    >>> surname_repeated("王诚王总，有请", 0, 3)
    True
    """
    return b - a == 3 and text[b - 1] == text[a] and text.startswith(tuple(_SIR), b)


@cache
def _reporting() -> tuple[str, ...]:
    """Reporting verbs of two characters or more (介绍, 表示), which a name may stand before."""
    return tuple(v for v in load_lexicon("reporting_verbs") if len(v) >= 2)


def _lone_given(word: str) -> bool:
    """A single character jieba left on its own that can end a given name."""
    tag = word_tags().get(word, "x")
    return len(word) == 1 and "\u4e00" <= word <= "\u9fff" and tag in _GIVEN_TAGS


def a_personal_name(word: str) -> bool:
    """A personal name the dictionary does not know as a word (韩某某 before 与), not a level
    before a word (区 + 卫生 of 区卫生和计划生育局: 区 is also a family name)."""
    tag = word_tags().get(word)
    return (
        2 <= len(word) <= 3
        and is_surname_start(word)
        and (tag is None or tag.startswith("nr"))
        and not (word[0] in "区市县省州" and is_common_word(word[1:]))
    )


def outermost(pieces: list[Piece]) -> tuple[Piece, ...]:
    """``pieces`` in text order without those that lie inside another (one pass, sorted).

    >>> [p.text for p in outermost([Piece(3, 6, "汤姆森"), Piece(0, 6, "彼得.汤姆森")])]
    ['彼得.汤姆森']
    """
    out: list[Piece] = []
    for p in sorted(set(pieces), key=lambda p: (p.start, -p.end)):
        if not out or p.end > out[-1].end:
            out.append(p)
    return tuple(out)
