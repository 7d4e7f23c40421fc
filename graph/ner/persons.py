"""Person-name boundaries: the model's PERSON spans trimmed or extended by general rules.

The CRF sees a character window and jieba's words; where jieba glues a name to the next word
(陈某报 + 到, 李某今 + 日) or splits a name's last character off as a word of its own (王建 + 和),
the span follows it.  These rules fix such spans as classes, with general resources only: the
family-name list, jieba's dictionary and tags (its time words, verbs, conjunctions and
prepositions), the reporting verbs and the role words.  No person's name is listed anywhere.

Rules work on the analysis text (simplified script, same offsets as the original).

>>> text = "王建和说，李明今日到达。"
>>> [text[a:b] for a, b, _, _ in refine(text, [(0, 2, "PERSON", 0.9), (5, 8, "PERSON", 0.9)])]
['王建和', '李明']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

from graph.ner.compiled import Span
from graph.resources import load_lexicon, load_ordered

_PERSON = "PERSON"
_KEEP_PUNCT = frozenset("·•・")
_BRACKET_DAY = ("今（", "今(", "昨（", "昨(")
"""今 or 昨 before a bracketed day number (李某今（8）日出席)."""
_CONJUNCTIONS = frozenset("和与及同跟")
_PREPOSITIONS = frozenset("为把被将对向在从由给即并是任兼")
"""Function characters that, glued to the end of a name, open the next phrase instead."""
_NOT_GIVEN = frozenset("的了们等家某氏摄说称讲道笑哭老总")
"""Characters that stand alone after a name and do not end a given name."""
_NOT_GIVEN_TAGS = ("v", "u", "y", "f", "k", "q", "m", "r", "e", "o")
_CREDITS = frozenset("摄绘画译词曲饰")
"""Credit verbs after a name at the end of a caption: 某某摄）, 某某饰）; never before 、 or ，
(某某译、 is a name in a list)."""
_LIST_MARKS = frozenset("、，,")
_KIN = frozenset(
    {"之子", "之女", "之父", "之母", "之妻", "妻子", "丈夫", "夫人", "儿子", "女儿", "父亲", "母亲"}
)
"""Kinship words glued after a name (某某之子, 某某夫人)."""
_TITLES = frozenset({"同志", "先生", "女士", "老师", "教授", "博士", "医生", "夫人", "小姐"})
_MAX_ROLE = 6


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = load_ordered("surnames")
    return frozenset(n for n in names if len(n) == 2), frozenset(n for n in names if len(n) == 1)


def is_name(name: str) -> bool:
    """A family name followed by one to three more characters, all Chinese.

    >>> is_name("王建"), is_name("欧阳明"), is_name("王"), is_name("所长")
    (True, True, False, False)
    """
    double, single = _surnames()
    return (
        2 <= len(name) <= 4
        and all(_is_cjk(c) for c in name)
        and (name[:1] in single or (name[:2] in double and len(name) > 2))
    )


@cache
def _tags() -> dict[str, str]:
    from graph.text.segment import word_tags

    return word_tags()


@cache
def _reporting() -> frozenset[str]:
    return load_lexicon("reporting_verbs") | {"报道", "讯"}


@cache
def _roles() -> frozenset[str]:
    return load_lexicon("roles")


_RARE_FINAL = 10


@cache
def _finals() -> Counter[str]:
    """How many three-character names of jieba's dictionary (tag nr) end with each character."""
    return Counter(w[2] for w, t in _tags().items() if t == "nr" and len(w) == 3 and is_name(w))


def _final_count(ch: str) -> int:
    """How often ``ch`` ends a name in jieba's dictionary (报 rarely, 明 often)."""
    return _finals()[ch]


def _word_at(text: str, i: int, longest: int = 4) -> str:
    """The longest word of jieba's dictionary starting at ``i`` ('' when none)."""
    tags = _tags()
    for n in range(longest, 1, -1):
        if i + n <= len(text) and text[i : i + n] in tags:
            return text[i : i + n]
    return text[i] if i < len(text) and text[i] in tags else ""


def _starts_with(text: str, i: int, words: frozenset[str], longest: int = 4) -> str:
    for n in range(longest, 0, -1):
        if text[i : i + n] in words:
            return text[i : i + n]
    return ""


def _is_time(text: str, i: int) -> bool:
    """A time word starts at ``i`` (今, 昨, or a word jieba tags as time: 今日, 上月, 日前)."""
    return text.startswith(_BRACKET_DAY, i) or text[i : i + 2] in load_lexicon("time_words")


_CLAUSE_END = frozenset("，、。；：！？）,;:!?)（(")


def _ends_clause(text: str, i: int) -> bool:
    """The text ends at ``i`` or a clause or list punctuation mark stands there."""
    return i >= len(text) or text[i] in _CLAUSE_END


def _is_boundary(text: str, i: int) -> bool:
    """Punctuation, the end, a reporting verb or a role word starts at ``i``."""
    if i >= len(text):
        return True
    ch = text[i]
    return (not _is_cjk(ch) and not ch.isalnum()) or bool(
        _starts_with(text, i, _reporting(), 2) or _starts_with(text, i, _roles(), _MAX_ROLE)
    )


def glued_tail(text: str, a: int, b: int) -> int:
    """How many characters at the end of the name ``text[a:b]`` belong to the next phrase."""
    for k in (2, 1):
        if b - k - a < 2 or not is_name(text[a : b - k]):
            continue
        if _is_time(text, b - k):
            return k
        if len(_starts_with(text, b - k, _reporting(), 2)) >= k or text[b - k : b] in _KIN:
            return k
    c = text[b - 1]
    if b - a < 3 or not is_name(text[a : b - 1]):
        return 0
    if c in _CREDITS and _is_boundary(text, b) and text[b : b + 1] not in _LIST_MARKS:
        return 1  # 某某摄）
    nxt = _word_at(text, b)
    nxt_tag = _tags().get(nxt, "x")
    if c in _CONJUNCTIONS and b < len(text) and is_name(text[b : b + 2]) and nxt not in _roles():
        return 1  # 王某和李某
    if c in "于於" and b < len(text) and (text[b].isdigit() or _is_time(text, b)):
        return 1  # 袁某于 + 1991年: when
    if (
        c in _PREPOSITIONS
        and nxt
        and not nxt_tag.startswith(("v", "c", "u"))
        and nxt not in _TITLES
    ):
        return 1  # 张某为副市长, 李某将这辆车
    verb = text[b - 1 : b + 1]
    if (
        len(verb) == 2
        and verb in _tags()
        and len(_word_at(text, b)) < 2
        and _final_count(c) < _RARE_FINAL
    ):
        return 1  # 陈某报 + 到, 李某所 + 建: a word that names seldom end in
    if _verb_glued(text, b):
        return 1  # 周某作 + 重要讲话, 张某到 + 会指导
    if c in _GOING and b < len(text) and _is_cjk(text[b]):
        return 1  # 李某到 + 某县调研: where the person went
    if c in _AUXILIARIES and nxt_tag.startswith("v"):
        return 1  # 李某某将 + 出席: an auxiliary before its verb
    return 0


_GOING = frozenset("到赴抵")
"""Verbs of going that no given name ends in, glued to a name before the destination."""
_AUXILIARIES = frozenset("将")
"""Auxiliaries the model may glue to a name before the verb they modify (将 + 出席)."""


def _verb_glued(text: str, b: int) -> bool:
    """The last character of a name ending at ``b`` opens the predicate: a light verb before
    what it delivers (周某作 + 重要讲话, 夏某作 + 的关于…的说明) or 到 before 会, 场 or 任."""
    return text.startswith(_PREDICATE_OPENINGS, b - 1)


_DELIVERED = (
    "了", "的", "重要", "讲话", "报告", "工作", "政府", "发言", "总结", "动员", "部署",
    "指示", "说明", "表态", "点评", "交流", "汇报", "专题", "主旨", "述职", "批示", "题为",
)  # fmt: skip
_PREDICATE_OPENINGS = (
    *(v + w for v in "作做" for w in _DELIVERED), "到会", "到场", "到任", "到访",
    "署理", "署任",
)  # fmt: skip
"""A verb and the start of its object that follow a name (作重要讲话, 到会指导; 署理 and 署任,
acting in a post); names seldom end in these verbs."""


def conjunction_kept(text: str, a: int, b: int) -> bool:
    """The name ``text[a:b]`` ends with a conjunction (王建和) that is part of it: a clause
    ends or a reporting verb follows here, or elsewhere in the text the whole name does.

    >>> conjunction_kept("王建和，李强。王建和致辞", 7, 10), conjunction_kept("王建和李强", 0, 3)
    (True, False)
    """
    name = text[a:b]
    if text[b - 1] not in _CONJUNCTIONS:
        return False
    if _ends_clause(text, b) or _starts_with(text, b, _reporting(), 2):
        return True
    i = text.find(name)
    while i >= 0:
        if i != a and _ends_clause(text, i + len(name)):
            return True
        i = text.find(name, i + 1)
    return False


def _lead(text: str, a: int, b: int) -> int:
    """How many characters at the start of ``text[a:b]`` are not the name: the end of the title
    before it (县长 + 林某) or a preposition (由 + 张某主持)."""
    if b - a < 3 or not is_name(text[a + 1 : b]):
        return 0
    if preposition_lead(text, a):
        return 1
    for k in range(1, _MAX_ROLE):
        if a - k >= 0 and text[a - k : a + 1] in _roles():
            return 1
    return 0


_LEAD_PREPOSITIONS = frozenset("由对在从把被给为与跟同")
"""Prepositions that are seldom family names (向, 于 and 和 are common ones)."""


def preposition_lead(text: str, a: int) -> bool:
    """A name cannot start at ``a`` with a preposition before a family name or a noun (由 + 张某,
    由 + 秘书局).

    >>> preposition_lead("由张伟主持", 0), preposition_lead("由秘书长主持", 0)
    (True, True)
    """
    if text[a : a + 1] not in _LEAD_PREPOSITIONS or a + 1 >= len(text):
        return False
    word = _word_at(text, a + 1)
    return text[a + 1] in _surnames()[1] or _tags().get(word, "").startswith("n")


def _extend(text: str, a: int, b: int, taken: set[int]) -> bool:
    """Whether the name ``text[a:b]`` (a family name, alone or with one more character) lost
    its last character to a word: a clause, a time word or a reporting verb follows that."""
    if not 1 <= b - a <= 2 or b >= len(text) or b in taken or not is_name(text[a : b + 1]):
        return False
    c = text[b]
    tag = _tags().get(c, "x")
    if not _is_cjk(c) or c in _NOT_GIVEN or tag.startswith(_NOT_GIVEN_TAGS):
        return False
    time_after = _is_time(text, b + 1)  # 岩上 is a word, but 上月 wins: 韩岩 + 上月
    if _is_time(text, b) or _final_count(c) < _RARE_FINAL:
        return False
    if len(_word_at(text, b)) > 1 and not time_after:
        return False
    reporting = bool(_starts_with(text, b + 1, _reporting(), 2))
    if c in _CONJUNCTIONS and reporting:
        return True  # 王某和说: a conjunction does not come before a verb
    if _ends_clause(text, b + 1):
        return True
    # 韩 + 某 + 上月: not after an adverb or a function word (某某还表示, 某某在今年)
    return not tag.startswith(_FUNCTION_TAGS) and (reporting or time_after)


_FUNCTION_TAGS = ("d", "p", "c")


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    def punct(ch: str) -> bool:
        return not ch.isalnum() and ch not in _KEEP_PUNCT

    while a < b and punct(text[a]):
        a += 1
    while b > a and punct(text[b - 1]):
        b -= 1
    return a, b


def refine(text: str, spans: Sequence[Span]) -> list[Span]:
    """``spans`` of one text with PERSON boundaries fixed by the local rules, then made
    consistent over the text (:func:`consistent`)."""
    taken = {a for a, _, _, _ in spans}
    out: list[Span] = []
    for a, b, t, score in spans:
        if t == _PERSON:
            a, b = _strip(text, a, b)
            if b - a >= 3:
                b -= glued_tail(text, a, b)
                a += _lead(text, a, b)
            if _extend(text, a, b, taken):
                b += 1
        if b > a:
            out.append((a, b, t, score))
    return consistent(text, out)


def consistent(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans made consistent over one text.  A name stands *whole* where a clause ends
    after it.  A two-character name is extended to the three-character one that stands whole
    elsewhere or that the text always writes (the same third character before different words,
    at least twice); a three-character name whose last character makes a word with the next is
    trimmed to the two-character one that stands whole elsewhere.  Never against a form that
    stands whole itself.

    >>> t = "黎伟挺到场。黎伟挺说"
    >>> [t[a:b] for a, b, _, _ in consistent(t, [(0, 2, "PERSON", 1.0), (6, 8, "PERSON", 1.0)])]
    ['黎伟挺', '黎伟挺']
    >>> t = "所长陈玮报到。陈玮，男"
    >>> [t[a:b] for a, b, _, _ in consistent(t, [(2, 5, "PERSON", 1.0), (7, 9, "PERSON", 1.0)])]
    ['陈玮', '陈玮']
    """
    names = {text[a:b] for a, b, t, _ in spans if t == _PERSON and is_name(text[a:b])}
    whole = {n for n in names if _stands_whole(text, n)}
    taken = {a for a, _, _, _ in spans}
    out: list[Span] = []
    for a, b, t, score in spans:
        if t == _PERSON and text[a:b] in names and text[a:b] not in whole:
            if b - a == 2 and _extends(text, a, b, whole) and b not in taken:
                b += 1
            elif b - a == 3 and text[a : b - 1] in whole and text[b - 1 : b + 1] in _tags():
                b -= 1
        out.append((a, b, t, score))
    return out


def _stands_whole(text: str, name: str) -> bool:
    i = text.find(name)
    while i >= 0:
        if _ends_clause(text, i + len(name)):
            return True
        i = text.find(name, i + 1)
    return False


def _extends(text: str, a: int, b: int, whole: set[str]) -> bool:
    longer = text[a : b + 1]
    return (
        b < len(text)
        and (longer in whole or _always_followed(text, text[a:b]) == text[b])
        and not glued_tail(text, a, b + 1)  # 某某 + 摄 at every photo stays 某某
    )


def _always_followed(text: str, name: str) -> str:
    """The character that follows every occurrence of ``name`` (at least two, before at least
    two different characters), or ''."""
    after: Counter[str] = Counter()
    then: set[str] = set()
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        after[text[j : j + 1]] += 1
        then.add(text[j + 1 : j + 2])
        i = text.find(name, j)
    if len(after) != 1 or sum(after.values()) < 2 or len(then) < 2:
        return ""
    c = next(iter(after))
    ok = _is_cjk(c) and c not in _NOT_GIVEN and not _tags().get(c, "x").startswith(_NOT_GIVEN_TAGS)
    return c if ok else ""
