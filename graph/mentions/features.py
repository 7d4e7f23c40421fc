"""Per-character CRF features: character n-grams, jieba word boundaries and dictionary classes.

Everything is computed once per sentence in a few list comprehensions; an item is a list of short
attribute strings (the first character names the template).  Features are extracted from the
*analysis* text (simplified script, ASCII digits), so traditional input shares the model.

>>> items = char_features("张三是市长", [("张三", 0, 2), ("是", 2, 3), ("市长", 3, 5)])
>>> len(items)
5
>>> "kB2" in items[0] and "cS" not in items[0]
True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from graph.resources import load_lexicon

_PAD_L = "\x02\x02"
_PAD_R = "\x03\x03"


@cache
def _word_tags() -> dict[str, str]:
    from graph.segment import word_tags

    return word_tags()


@cache
def _lexicons() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]:
    roles = load_lexicon("roles")
    regions = load_lexicon("regions")
    suffixes = tuple(sorted(load_lexicon("org_suffixes"), key=len, reverse=True))
    surnames = load_lexicon("surnames")
    return roles, regions, suffixes, surnames


@cache
def _word_class(word: str) -> str:
    """Dictionary class of a token: R role, G region, O organisation ending, else its POS tag."""
    roles, regions, suffixes, _ = _lexicons()
    if word in roles:
        return "R"
    if word in regions:
        return "G"
    if len(word) > 1 and word.endswith(suffixes):
        return "O"
    return _word_tags().get(word, "?")[:2]


def _char_type(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isdigit() or ch in "〇零一二三四五六七八九十百千万亿":
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    if ch.isspace():
        return "W"
    return "P"


_TYPE_CACHE: dict[str, str] = {}


def char_features(text: str, words: Sequence[tuple[str, int, int]]) -> list[list[str]]:
    """One attribute list per character of ``text`` (``words`` tile ``text``)."""
    n = len(text)
    if n == 0:
        return []
    wpos = ["S"] * n  # position in the word + word length (capped)
    wtok = [""] * n  # the word itself (with position)
    wcls = [""] * n  # dictionary class / POS of the word
    nbr = [""] * n  # classes of the neighbouring words
    classes = [_word_class(w) for w, _, _ in words]
    last = len(words) - 1
    for k, (word, start, end) in enumerate(words):
        length = end - start
        cls = classes[k]
        ctx = (classes[k - 1] if k else "^") + "|" + (classes[k + 1] if k < last else "$")
        if length == 1:
            wpos[start] = "S1"
            wtok[start] = "S" + word
            wcls[start] = "S" + cls
            nbr[start] = ctx
            continue
        tag = str(min(length, 5))
        for i in range(start, end):
            wpos[i] = "M" + tag
            wtok[i] = "M" + word
            wcls[i] = "M" + cls
            nbr[i] = ctx
        wpos[start] = "B" + tag
        wpos[end - 1] = "E" + tag
        wtok[start] = "B" + word
        wtok[end - 1] = "E" + word
        wcls[start] = "B" + cls
        wcls[end - 1] = "E" + cls
    types = _TYPE_CACHE
    for ch in set(text) - types.keys():
        types[ch] = _char_type(ch)
    ty = "^" + "".join([types[c] for c in text]) + "$"
    surnames = _lexicons()[3]
    p = _PAD_L + text + _PAD_R
    p1, p2, p3, p4 = p[1:], p[2:], p[3:], p[4:]
    columns = (
        ["a" + c for c in p[:n]],
        ["b" + c for c in p1[:n]],
        ["c" + c for c in p2[:n]],
        ["d" + c for c in p3[:n]],
        ["e" + c for c in p4[:n]],
        ["f" + x + y for x, y in zip(p1[:n], p2, strict=False)],
        ["g" + x + y for x, y in zip(p2[:n], p3, strict=False)],
        ["h" + x + y for x, y in zip(p[:n], p1, strict=False)],
        ["i" + x + y for x, y in zip(p3[:n], p4, strict=False)],
        ["j" + x + y for x, y in zip(p1[:n], p3, strict=False)],
        ["k" + x for x in wpos],
        ["l" + x for x in wtok],
        ["m" + x for x in wcls],
        ["n" + x for x in nbr],
        ["t" + ty[i : i + 3] for i in range(n)],
        ["s" + w[0] if c in surnames else "s-" for c, w in zip(text, wpos, strict=True)],
    )
    return [list(item) for item in zip(*columns, strict=True)]
