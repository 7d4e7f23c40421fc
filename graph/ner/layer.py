"""Mentions of a text or a segmented document: CRF spans plus regular-expression dates.

>>> [m.type for m in tag_text("2019年")]
['DATE']
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.ner.compiled import Span
from graph.ner.tagger import tag_many
from graph.text.dates import find_dates
from graph.types import Mention, MentionType, Segmented

EXTRACTOR = "crf"
DATE_EXTRACTOR = "dates"
DATE_SCORE = 0.9


def tag_text(text: str) -> list[Mention]:
    """Model mentions and dates of ``text``; a date overlapping a model mention is dropped."""
    return tag_texts([text])[0]


def tag_texts(texts: Sequence[str]) -> list[list[Mention]]:
    """:func:`tag_text` of each of ``texts`` (the model tags them together, which is faster)."""
    return [_with_dates(text, spans) for text, spans in zip(texts, tag_many(texts), strict=True)]


def _with_dates(text: str, spans: list[Span]) -> list[Mention]:
    out = [Mention(a, b, _as_type(t), text[a:b], score, EXTRACTOR) for a, b, t, score in spans]
    taken = [(m.start, m.end) for m in out]
    for a, b, s in find_dates(text):
        if all(b <= x or a >= y for x, y in taken):
            out.append(Mention(a, b, "DATE", s, DATE_SCORE, DATE_EXTRACTOR))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def extract_mentions(seg: Segmented) -> tuple[Mention, ...]:
    """Mentions of a whole document (tagged line by line, offsets into ``seg.doc.text``)."""
    return tuple(tag_text(seg.doc.text))


def _as_type(label: str) -> MentionType:
    for t in ("PERSON", "ORG", "ROLE", "PLACE"):
        if label == t:
            return t
    raise ValueError(f"unknown model label {label!r}")
