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

Items = list[tuple[str, ...]]

_PAD_L = "\x02\x02"
_PAD_R = "\x03\x03"


@cache
def _word_tags() -> dict[str, str]:
    from graph.text.segment import word_tags

    return word_tags()


def surname_chars() -> frozenset[str]:
    """The single characters that start a surname (the ``s`` template)."""
    return frozenset(s for s in _lexicons()[3] if len(s) == 1)


@cache
def _lexicons() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]:
    roles = load_lexicon("roles")
    regions = load_lexicon("regions")
    suffixes = tuple(sorted(load_lexicon("org_suffixes"), key=len, reverse=True))
    surnames = load_lexicon("surnames")
    return roles, regions, suffixes, surnames


@cache
def word_class(word: str) -> str:
    """Dictionary class of a token: R role, G region, O organisation ending, else its POS tag."""
    roles, regions, suffixes, _ = _lexicons()
    if word in roles:
        return "R"
    if word in regions:
        return "G"
    if len(word) > 1 and word.endswith(suffixes):
        return "O"
    return _word_tags().get(word, "?")[:2]


def char_type(ch: str) -> str:
    """H Chinese character, D digit, L Latin letter, W white space, P anything else."""
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


def char_features(text: str, words: Sequence[tuple[str, int, int]]) -> Items:
    """One attribute list per character of ``text`` (``words`` tile ``text``)."""
    n = len(text)
    if n == 0:
        return []
    kcol: list[str] = []  # position in the word + word length (capped)
    lcol: list[str] = []  # the word itself (with position)
    mcol: list[str] = []  # dictionary class / POS of the word
    ncol: list[str] = []  # classes of the neighbouring words
    scol: list[str] = []  # surname character at a word start
    classes = [word_class(w) for w, _, _ in words]
    surnames = _lexicons()[3]
    last = len(words) - 1
    for k, (word, start, end) in enumerate(words):
        length = end - start
        cls = classes[k]
        ctx = "n" + (classes[k - 1] if k else "^") + "|" + (classes[k + 1] if k < last else "$")
        first = "sB" if word[0] in surnames else "s-"
        if length == 1:
            kcol.append("kS1")
            lcol.append("lS" + word)
            mcol.append("mS" + cls)
            ncol.append(ctx)
            scol.append("sS" if first == "sB" else first)
            continue
        tag = str(min(length, 5))
        mid = length - 2
        kcol += ["kB" + tag, *(["kM" + tag] * mid), "kE" + tag]
        lcol += ["lB" + word, *(["lM" + word] * mid), "lE" + word]
        mcol += ["mB" + cls, *(["mM" + cls] * mid), "mE" + cls]
        ncol += [ctx] * length
        scol.append(first)
        scol += ["sM" if c in surnames else "s-" for c in word[1:-1]]
        scol.append("sE" if word[-1] in surnames else "s-")
    types = _TYPE_CACHE
    for ch in set(text) - types.keys():
        types[ch] = char_type(ch)
    ty = "^" + "".join([types[c] for c in text]) + "$"
    p = _PAD_L + text + _PAD_R
    p1, p2, p3, p4 = p[1:], p[2:], p[3:], p[4:]
    columns = (
        ["a" + c for c in p[:n]],
        ["b" + c for c in p1[:n]],
        ["c" + c for c in text],
        ["d" + c for c in p3[:n]],
        ["e" + c for c in p4[:n]],
        ["f" + x + y for x, y in zip(p1[:n], p2, strict=False)],
        ["g" + x + y for x, y in zip(text, p3, strict=False)],
        ["h" + x + y for x, y in zip(p[:n], p1, strict=False)],
        ["i" + x + y for x, y in zip(p3[:n], p4, strict=False)],
        ["j" + x + y for x, y in zip(p1[:n], p3, strict=False)],
        kcol,
        lcol,
        mcol,
        ncol,
        ["t" + ty[i : i + 3] for i in range(n)],
        scol,
    )
    return list(zip(*columns, strict=True))
