"""The merge of ``graph.build.merge`` by key, without the corpus's graph in memory.

Two passes over the extractions.  The first (:class:`EntityIndex`) keeps, for each entity key,
only its description (label, aliases, classes, link rules; no mentions), joined across
documents as :func:`graph.build.merge.merge` joins them, in any order of arrival.  Its
:meth:`EntityIndex.resolve` then gives the canonical entities (``graph.build.resolve``).  The
second pass reads each document's extraction again (from the cache, one at a time) and
:meth:`Resolution.parts` gives that document's facts and linked entities (with their mentions in
that document), as ``graph.rdf.writer.document_parts`` does for the merged graph.

>>> from graph.build.merge import merge
>>> from graph.extract.document import extract_document
>>> from graph.types import Document
>>> xs = [extract_document(Document.from_text(f"{i}.txt", t)) for i, t in
...       enumerate(["南京总工会主席张三讲话。", "南京市总工会主席张三指出，要弘扬劳模精神。"])]
>>> index = EntityIndex()
>>> for x in reversed(xs):
...     index.add(x)
>>> index.resolve().entities == tuple(replace(e, mentions=()) for e in merge(xs).entities)
True
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from graph.build.resolve import canonical_ref
from graph.extract.document import fact_order
from graph.types import Entity, EntityRef, Extraction, Fact, Span, join_entities

LINKED_KINDS = ("person", "org", "concept")  # entities whose mentions a document graph links


@dataclass(slots=True)
class _Key:
    """One entity key's description so far: the first record as it came (kept as is when no
    other document names the key) or the records joined, and where its classes came from."""

    entity: Entity
    documents: int
    classes_from: str  # the document whose classes were kept ("" when none had any)


@dataclass(slots=True)
class EntityIndex:
    """Pass one: every entity key's description, joined across documents."""

    _keys: dict[EntityRef, _Key] = field(default_factory=dict)
    _documents: set[str] = field(default_factory=set)

    def add(self, x: Extraction) -> None:
        """Add one document's entities (each document once)."""
        doc_id = x.doc.doc_id
        if doc_id in self._documents:
            raise ValueError(f"{doc_id}: extraction given twice")
        self._documents.add(doc_id)
        for e in x.entities:
            bare = replace(e, mentions=()) if e.mentions else e
            old = self._keys.get(e.ref)
            if old is None:
                self._keys[e.ref] = _Key(bare, 1, doc_id if e.classes else "")
            else:
                self._keys[e.ref] = _join(old, bare, doc_id)

    def resolve(self) -> Resolution:
        """The canonical entities, in key order (``graph.build.resolve.resolve``)."""
        groups: dict[EntityRef, list[EntityRef]] = {}
        for ref in sorted(self._keys):
            groups.setdefault(canonical_ref(ref), []).append(ref)
        trivial = all(len(g) == 1 and g[0] == ref for ref, g in groups.items())
        entities = []
        for ref, group in sorted(groups.items()):
            records = [self._keys[r].entity for r in group]
            if len(group) == 1 and group[0] == ref:
                entities.append(records[0])
                continue
            label = ref.key if ref.kind == "org" else None
            entities.append(join_entities(ref, records, "resolve:canonical-name", label))
        single = {r for r, k in self._keys.items() if k.documents == 1 and canonical_ref(r) == r}
        single -= {ref for ref, g in groups.items() if len(g) > 1}
        return Resolution(tuple(entities), trivial, frozenset(single))


def _join(old: _Key, new: Entity, doc_id: str) -> _Key:
    """Two descriptions of one key joined as ``join_entities`` joins a whole group: labels and
    rules united, the classes of the first document (by id) that has any."""
    joined = join_entities(old.entity.ref, [old.entity, new], "merge:same-key")
    classes, source = old.entity.classes, old.classes_from
    if new.classes and (not classes or doc_id < source):
        classes, source = new.classes, doc_id
    return _Key(replace(joined, classes=classes), old.documents + 1, source)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The canonical entities of a corpus and how each document's extraction maps onto them."""

    entities: tuple[Entity, ...]  # no mentions: they stay in the documents' extractions
    trivial: bool  # no key was renamed or joined with another (facts are kept as extracted)
    unchanged: frozenset[EntityRef]  # keys named by one document only, never joined

    def labels(self) -> dict[EntityRef, str]:
        return {e.ref: e.label for e in self.entities}

    def facts(self, x: Extraction) -> list[Fact]:
        """The document's facts on canonical keys, in ``fact_order``."""
        if self.trivial:
            return sorted(x.facts, key=fact_order)
        mapped = dict.fromkeys(f.map_refs(canonical_ref) for f in x.facts)
        return sorted(mapped, key=fact_order)

    def mentions(self, x: Extraction) -> Iterator[tuple[EntityRef, tuple[Span, ...]]]:
        """Each canonical key named in the document, in key order, with its mentions there
        (in the extractor's order for a key no other record joined, else in text order)."""
        spans: dict[EntityRef, list[Span]] = {}
        for e in x.entities:
            if e.mentions:
                spans.setdefault(canonical_ref(e.ref), []).extend(e.mentions)
        for ref in sorted(spans):
            found = spans[ref]
            if ref in self.unchanged:
                yield ref, tuple(found)
            else:
                unique = sorted(set(found), key=lambda m: (m.doc_id, m.start, m.end))
                yield ref, tuple(unique)

    def parts(
        self, x: Extraction, by_ref: dict[EntityRef, Entity]
    ) -> tuple[list[Fact], list[Entity]]:
        """The document's facts and its linkable entities, each with its mentions there
        (``graph.rdf.writer.document_parts``); ``by_ref`` maps keys to :attr:`entities`."""
        linked = [
            replace(by_ref[ref], mentions=spans)
            for ref, spans in self.mentions(x)
            if ref.kind in LINKED_KINDS
        ]
        return self.facts(x), linked
