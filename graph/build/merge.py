"""Joining per-document extractions into one knowledge graph (order-independent, idempotent)."""

from __future__ import annotations

from collections.abc import Iterable

from graph.build.resolve import resolve
from graph.extract.document import fact_order
from graph.types import Entity, EntityRef, Extraction, KnowledgeGraph, join_entities


def merge(extractions: Iterable[Extraction]) -> KnowledgeGraph:
    """Join per-document extractions: one entity per key, aliases and mentions united.

    The result does not depend on the order of the extractions, and merging is idempotent: an
    extraction given twice counts once (of two different extractions of one ``doc_id``, the
    one of the greater document digest wins, whatever their order).

    >>> from graph.extract.document import extract_document
    >>> from graph.types import Document
    >>> x = extract_document(Document.from_text("d.txt", "杭州市交通运输局局长孙建平主持会议。"))
    >>> merge([x, x]) == merge([x])
    True
    """
    items = _unique(extractions)
    by_ref: dict[EntityRef, list[Entity]] = {}
    for x in items:
        for e in x.entities:
            by_ref.setdefault(e.ref, []).append(e)
    entities = tuple(
        join_entities(ref, group, "merge:same-key" if len(group) > 1 else None)
        for ref, group in sorted(by_ref.items())
    )
    facts = tuple(sorted((f for x in items for f in x.facts), key=fact_order))
    sentences = {x.doc.doc_id: x.sentences for x in items}
    return resolve(KnowledgeGraph(tuple(x.doc for x in items), entities, facts, sentences))


def _unique(extractions: Iterable[Extraction]) -> list[Extraction]:
    """One extraction per document id, sorted by id, independent of the input order."""
    by_id: dict[str, Extraction] = {}
    for x in extractions:
        old = by_id.get(x.doc.doc_id)
        if old is None or (old != x and _rank(x) > _rank(old)):
            by_id[x.doc.doc_id] = x
    return [by_id[k] for k in sorted(by_id)]


def _rank(x: Extraction) -> tuple[str, str]:
    return (x.doc.sha256, repr(x))
