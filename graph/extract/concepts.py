"""Concepts: policy terms (…精神, …思想, …建设), quoted slogans and colon-introduced programme lists.

Variants that differ only in a trailing action word (产业工人队伍建设 / 产业工人队伍改革 /
产业工人队伍建设与改革) are one concept; the longest wording is the label, the others aliases.

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "要弘扬劳模精神和工匠精神，打造“金蓝领”。"))
>>> sorted(e.label for e in concept_entities(seg))
['劳模精神', '工匠精神', '金蓝领']
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from graph.resources import load_lexicon, load_ordered
from graph.text.segment import span_of, word_tags
from graph.types import Entity, EntityRef, Segmented, Span, Token, normalise_key

_QUOTED = re.compile(r"[“‘「『\"]([^“”‘’「」『』\"，,。！？!?；;：:、\s]{2,10})[”’」』\"]")
_LIST = re.compile(
    r"[：:]\s*((?:[\u4e00-\u9fff]{2,6}、){2,}[\u4e00-\u9fff]{2,6})(?=[。；;，,”\n]|$)"
)
_INSIDE_TAGS = frozenset(
    {
        "n",
        "nz",
        "ns",
        "nt",
        "nr",
        "nrfg",
        "nrt",
        "j",
        "vn",
        "an",
        "a",
        "l",
        "b",
        "x",
        "eng",
        "ng",
        "i",
        "role",
    }
)
_ACTIONS = ("建设与改革", "建设", "改革", "发展")
_LEADING_DROP = frozenset({"v", "vd", "ad", "d", "m", "q", "mq", "p", "c"})
_NOT_SLOGAN = ("会", "班", "赛", "节")
_MIN_TERM = 4
_MAX_TERM = 18


@dataclass(frozen=True, slots=True)
class ConceptMention:
    start: int
    end: int
    key: str
    rule: str


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_ordered("concept_suffixes"), key=len, reverse=True))


def _term_mentions(seg: Segmented) -> list[ConceptMention]:
    """Noun phrases ending with a policy-term suffix, extended left over noun-like tokens."""
    text, toks = seg.doc.text, seg.tokens
    first_at = {t.start: i for i, t in enumerate(toks)}
    out = []
    for tok in toks:
        suffix = _suffix_ending(text, tok.end)
        if suffix is None or tok.end - len(suffix) not in first_at:
            continue
        start = _extend_left(seg, first_at[tok.end - len(suffix)])
        key = normalise_key(text[start : tok.end])
        if _MIN_TERM <= len(key) <= _MAX_TERM and len(key) > len(suffix) + 1:
            out.append(ConceptMention(start, tok.end, key, "term-suffix"))
    return _longest(out)


def _extend_left(seg: Segmented, i: int) -> int:
    """Start of the noun phrase whose last words begin at token ``i`` (leading verbs dropped)."""
    tags, stop = word_tags(), load_lexicon("concept_stopwords")
    text, toks = seg.doc.text, seg.tokens
    start, j = toks[i].start, i - 1
    while j >= 0:
        t = toks[j]
        if t.text.isspace() and "\n" in t.text and _soft_break(text, t.start):
            j -= 1
            continue
        if t.text in stop or not _cjk(t.text):
            break
        if tags.get(t.text, "x") not in _INSIDE_TAGS and not _bound_char(toks, j, tags):
            break
        start, j = t.start, j - 1
    while start < toks[i].start:  # drop leading verbs, adverbs and numbers
        t = toks[first_index(toks, start)]
        if tags.get(t.text, "x") not in _LEADING_DROP and not t.text.isspace():
            break
        start = t.end
    return start


def _bound_char(toks: tuple[Token, ...], j: int, tags: dict[str, str]) -> bool:
    """A one-character word glued between nouns (供给 侧 改革) belongs to the term."""
    t = toks[j].text
    return (
        len(t) == 1
        and tags.get(t, "x") in {"v", "vg", "ng", "k", "h", "g"}
        and j > 0
        and tags.get(toks[j - 1].text, "x") in _INSIDE_TAGS
    )


def first_index(toks: tuple[Token, ...], start: int) -> int:
    """Index of the token that starts at ``start`` (tokens tile the text)."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _longest(mentions: list[ConceptMention]) -> list[ConceptMention]:
    """Drop mentions nested in a longer one (社会主义 inside 社会主义核心价值观)."""
    out = []
    for m in mentions:
        if not any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in mentions
        ):
            out.append(m)
    return out


def _soft_break(text: str, pos: int) -> bool:
    """A page break inside a sentence (the line before does not end a sentence)."""
    return pos > 0 and text[pos - 1] not in '。！？!?；;”"：'


def _cjk(s: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in s)


def _quoted_mentions(seg: Segmented, excluded: set[str]) -> list[ConceptMention]:
    out = []
    for m in _QUOTED.finditer(seg.doc.text):
        key = normalise_key(m.group(1))
        if key not in excluded and _cjk(key) and not key.endswith(_NOT_SLOGAN):
            out.append(ConceptMention(m.start(1), m.end(1), key, "quoted-slogan"))
    return out


def _list_mentions(seg: Segmented) -> list[ConceptMention]:
    out = []
    for m in _LIST.finditer(seg.doc.text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            out.append(ConceptMention(pos, pos + len(item), item, "programme-list"))
            pos += len(item) + 1
    return out


def concept_stem(key: str) -> str:
    """The concept's identity: the name without a trailing action word (建设, 改革 …).

    >>> concept_stem("产业工人队伍建设与改革") == concept_stem("产业工人队伍改革")
    True
    """
    for action in _ACTIONS:
        if key.endswith(action) and len(key) - len(action) >= 4:
            return key[: -len(action)]
    return key


def _shortest_tail(stem: str, stems: set[str]) -> str:
    """新时期产业工人队伍 and 产业工人队伍 are one concept: the shortest stem the name ends with."""
    tails = [s for s in stems if len(s) >= _MIN_TERM and s != stem and stem.endswith(s)]
    return min(tails, key=len) if tails else stem


def concept_mentions(seg: Segmented, excluded: set[str] = frozenset()) -> list[ConceptMention]:  # type: ignore[assignment]
    """Every concept mention of a document (names in ``excluded`` are not concepts)."""
    found = _term_mentions(seg) + _quoted_mentions(seg, set(excluded)) + _list_mentions(seg)
    return sorted({(m.start, m.end): m for m in found}.values(), key=lambda m: (m.start, m.end))


def concept_entities(seg: Segmented, excluded: set[str] = frozenset()) -> tuple[Entity, ...]:  # type: ignore[assignment]
    """One entity per concept stem, with the spans that name it."""
    groups: dict[str, list[ConceptMention]] = defaultdict(list)
    mentions = concept_mentions(seg, excluded)
    stems = {concept_stem(m.key) for m in mentions}
    for m in mentions:
        groups[_shortest_tail(concept_stem(m.key), stems)].append(m)
    out = []
    for stem, mentions in sorted(groups.items()):
        names = {m.key for m in mentions}
        label = max(names, key=lambda s: (len(s), s))
        spans: tuple[Span, ...] = tuple(span_of(seg, m.start, m.end) for m in mentions)
        rules = tuple(sorted({m.rule for m in mentions}))
        out.append(
            Entity(
                EntityRef("concept", stem), label, tuple(sorted(names - {label})), (), spans, rules
            )
        )
    return tuple(out)


@cache
def _suffix_index() -> tuple[frozenset[str], tuple[int, ...], frozenset[str]]:
    suffixes = [s for s in _suffixes() if s]
    lengths = tuple(sorted({len(s) for s in suffixes}, reverse=True))
    return frozenset(suffixes), lengths, frozenset(s[-1] for s in suffixes)


def _suffix_ending(text: str, end: int) -> str | None:
    """The longest concept suffix ``text[:end]`` ends with (set lookups, longest first)."""
    suffixes, lengths, last = _suffix_index()
    if end < 1 or text[end - 1] not in last:
        return None
    for k in lengths:
        if k <= end and text[end - k : end] in suffixes:
            return text[end - k : end]
    return None
