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

from graph.ner.templates import (
    BIGRAMS,
    CHAR_TYPES,
    CONTEXT,
    MAX_WORD_TAG,
    NOT_SURNAME,
    PAD,
    PAD_LEFT,
    PAD_RIGHT,
    SENTENCE_END,
    SENTENCE_START,
    SURNAME,
    UNIGRAMS,
    WORD,
    WORD_CLASS,
    WORD_LENGTH,
)
from graph.resources import load_lexicon

Items = list[tuple[str, ...]]  # one tuple of attribute strings per character


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
    p = PAD_LEFT * PAD + text + PAD_RIGHT * PAD

    def at(offset: int) -> str:  # the character at ``offset`` from each character of ``text``
        return p[PAD + offset : PAD + offset + n]

    chars = [[code + c for c in at(o)] for code, o in UNIGRAMS]
    chars += [[code + x + y for x, y in zip(at(a), at(b), strict=True)] for code, a, b in BIGRAMS]
    types = _TYPE_CACHE
    for ch in set(text) - types.keys():
        types[ch] = char_type(ch)
    ty = SENTENCE_START + "".join([types[c] for c in text]) + SENTENCE_END
    type_col = [CHAR_TYPES + ty[i : i + 3] for i in range(n)]
    length_col, word_col, class_col, context_col, surname_col = _word_columns(words)
    return list(
        zip(
            *chars,
            length_col,
            word_col,
            class_col,
            context_col,
            type_col,
            surname_col,
            strict=True,
        )
    )


def _word_columns(words: Sequence[tuple[str, int, int]]) -> tuple[list[str], ...]:
    """The word templates' attributes of every character: length, word, class, context, surname."""
    kcol: list[str] = []
    lcol: list[str] = []
    mcol: list[str] = []
    ncol: list[str] = []
    scol: list[str] = []
    classes = [word_class(w) for w, _, _ in words]
    surnames = _lexicons()[3]
    last = len(words) - 1
    no, begin = SURNAME + NOT_SURNAME, SURNAME + "B"
    for k, (word, start, end) in enumerate(words):
        length = end - start
        cls = classes[k]
        before = classes[k - 1] if k else SENTENCE_START
        after = classes[k + 1] if k < last else SENTENCE_END
        ctx = CONTEXT + before + "|" + after
        first = begin if word[0] in surnames else no
        if length == 1:
            kcol.append(WORD_LENGTH + "S1")
            lcol.append(WORD + "S" + word)
            mcol.append(WORD_CLASS + "S" + cls)
            ncol.append(ctx)
            scol.append(SURNAME + "S" if first == begin else first)
            continue
        tag = str(min(length, MAX_WORD_TAG))
        mid = length - 2
        kcol += [
            WORD_LENGTH + "B" + tag,
            *([WORD_LENGTH + "M" + tag] * mid),
            WORD_LENGTH + "E" + tag,
        ]
        lcol += [WORD + "B" + word, *([WORD + "M" + word] * mid), WORD + "E" + word]
        mcol += [WORD_CLASS + "B" + cls, *([WORD_CLASS + "M" + cls] * mid), WORD_CLASS + "E" + cls]
        ncol += [ctx] * length
        scol.append(first)
        scol += [SURNAME + "M" if c in surnames else no for c in word[1:-1]]
        scol.append(SURNAME + "E" if word[-1] in surnames else no)
    return kcol, lcol, mcol, ncol, scol
