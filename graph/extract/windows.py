"""Paragraph streaming: extract a huge document window by window, in bounded memory.

Segmentation and the extraction rules keep per-token Python objects (and some of them scan the
whole sentence list per mention), so one 50 MB document costs gigabytes and hours when it is
extracted in one piece.  :func:`extract_bounded` cuts a long text into windows of at most
``max_chars`` characters at paragraph breaks (else line breaks, else sentence ends), extracts
each window as a document of its own and shifts every offset back, so that offsets stay exact:
``doc.text[m.start:m.end] == m.text`` for every mention, entity span and evidence span.  Only
the extracted records are kept, never the tokens of more than one window.

Context does not cross a window boundary (an elided ``市总工会`` in window 7 is resolved with the
regions named in window 7); short documents are extracted in one piece, unchanged.

>>> list(windows("第一段。\\n\\n第二段。\\n\\n第三段。", max_chars=8))
[(0, 6), (6, 12), (12, 16)]
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from graph.types import (
    Document,
    Entity,
    EntityRef,
    Extraction,
    Fact,
    Membership,
    Mention,
    Sentence,
    Span,
    SubOrganisation,
    join_entities,
)

log = logging.getLogger(__name__)

MAX_CHARS = 10_000
"""Window size: a few paragraphs; the extraction rules still scan whole-document token and
sentence lists per candidate (quadratic), so cost grows with the square of this."""

_CUTS = (
    re.compile(r"\n[ \t\u3000]*\n\s*"),  # paragraph break (blank line)
    re.compile(r"(?<=[。！？!?；;”’」』\"])[ \t\u3000]*\n\s*"),  # line ending a sentence
    re.compile(r"\n\s*"),  # any line break
    re.compile(r"[。！？!?；;]+[”’」』\"]?\s*"),  # sentence end inside a line
)


def windows(text: str, max_chars: int = MAX_CHARS) -> Iterator[tuple[int, int]]:
    """Half-open ``(start, end)`` windows that tile ``text``, each at most ``max_chars`` long.

    A window ends after the last paragraph break it can hold, else the last line break, else
    the last sentence end; a text without any of these is cut at ``max_chars``.

    >>> text = "甲" * 5 + "。" + "乙" * 5
    >>> [text[s:e] for s, e in windows(text, max_chars=8)]
    ['甲甲甲甲甲。', '乙乙乙乙乙']
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    start, n = 0, len(text)
    while n - start > max_chars:
        end = _cut(text, start, start + max_chars)
        yield start, end
        start = end
    if start < n or n == 0:
        yield start, n


def _cut(text: str, start: int, limit: int) -> int:
    """The best end of a window starting at ``start``, at most ``limit``."""
    floor = start + (limit - start) // 4  # never make a window shorter than a quarter
    for pattern in _CUTS:
        best = -1
        for m in pattern.finditer(text, floor, limit):
            best = m.end()
        if best > floor:
            return best
    return limit


def extract_bounded(
    doc: Document,
    extract: Callable[[Document], Extraction],
    max_chars: int = MAX_CHARS,
) -> Extraction:
    """``extract(doc)``, window by window when the document is longer than ``max_chars``.

    Each window is extracted as a Document with the same id, digest, source and title; the
    results are joined with offsets into ``doc.text`` and one entity per key.

    >>> def toy(d: Document) -> Extraction:
    ...     i = d.text.find("局长")
    ...     ms = (Mention(i, i + 2, "ROLE", "局长", 1.0, "toy"),) if i >= 0 else ()
    ...     return Extraction(d, (), ms, (), ())
    >>> doc = Document.from_text("d.txt", "序。\\n\\n某局局长说。\\n\\n某厅局长说。")
    >>> x = extract_bounded(doc, toy, max_chars=8)
    >>> [(m.start, doc.text[m.start:m.end]) for m in x.mentions]
    [(6, '局长'), (14, '局长')]
    """
    if len(doc.text) <= max_chars:
        return extract(doc)
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    entities: dict[EntityRef, list[Entity]] = {}
    facts: list[Fact] = []
    count = 0
    for start, end in windows(doc.text, max_chars):
        part = Document(
            doc.doc_id, doc.text[start:end], doc.sha256, doc.source, doc.encoding, doc.title
        )
        x = extract(part)
        sentences += (replace(s, start=s.start + start, end=s.end + start) for s in x.sentences)
        mentions += (replace(m, start=m.start + start, end=m.end + start) for m in x.mentions)
        for e in x.entities:
            entities.setdefault(e.ref, []).append(_shift_entity(e, start))
        facts += (replace(f, evidence=_shift_spans(f.evidence, start)) for f in x.facts)
        count += 1
    log.info("%s: extracted in %d windows of <= %d chars", doc.doc_id, count, max_chars)
    joined = tuple(join_entities(ref, group) for ref, group in sorted(entities.items()))
    return Extraction(doc, tuple(sentences), tuple(mentions), joined, _join_facts(facts))


def _shift_spans(spans: Iterable[Span], by: int) -> tuple[Span, ...]:
    return tuple(
        replace(
            s,
            start=s.start + by,
            end=s.end + by,
            sentence_start=s.sentence_start + by,
            sentence_end=s.sentence_end + by,
        )
        for s in spans
    )


def _shift_entity(e: Entity, by: int) -> Entity:
    return replace(e, mentions=_shift_spans(e.mentions, by))


def _join_facts(facts: list[Fact]) -> tuple[Fact, ...]:
    """As in a whole document: one post or sub-organisation fact per claim, with the evidence
    of every window; statements and events stay one fact per occurrence."""
    by_claim: dict[tuple[str, str, str, int], list[Fact]] = {}
    for i, f in enumerate(facts):
        occurrence = -1 if isinstance(f, (Membership, SubOrganisation)) else i
        key = (f.kind, repr(f.key_fields()), f.extractor, occurrence)
        by_claim.setdefault(key, []).append(f)
    out = []
    for claim in sorted(by_claim):
        group = by_claim[claim]
        evidence = sorted({s for f in group for s in f.evidence}, key=lambda s: (s.start, s.end))
        confidence = max(f.confidence for f in group)
        out.append(replace(group[0], evidence=tuple(evidence), confidence=confidence))
    return tuple(out)
