"""The merge of ``graph.build.merge`` by key, without the corpus's graph in memory.

Two passes over the extractions.  The first (:class:`EntityIndex`) keeps, for each entity key,
only its description (label, aliases, classes, link rules; no mentions), joined across
documents as :func:`graph.build.merge.merge` joins them, in any order of arrival, in an SQLite
file (in memory when no path is given), so that a corpus of a million entities does not hold
them all in memory.  Its :meth:`EntityIndex.resolve` then gives the canonical entities
(``graph.build.resolve``), in the same file.  The second pass reads each document's extraction
again (from the cache, one at a time) and :meth:`Resolution.parts` gives that document's facts
and linked entities (with their mentions in that document), as
``graph.rdf.writer.document_parts`` does for the merged graph.

>>> from graph.build.merge import merge
>>> from graph.extract.document import extract_document
>>> from graph.types import Document
>>> xs = [extract_document(Document.from_text(f"{i}.txt", t)) for i, t in
...       enumerate(["南京总工会主席张三讲话。", "南京市总工会主席张三指出，要弘扬劳模精神。"])]
>>> index = EntityIndex()
>>> for x in reversed(xs):
...     index.add(x)
>>> resolution = index.resolve()
>>> list(resolution.entities()) == [replace(e, mentions=()) for e in merge(xs).entities]
True
>>> index.close()
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graph.build.resolve import canonical_ref
from graph.errors import StoreError
from graph.extract.document import fact_order
from graph.types import Entity, EntityRef, Extraction, Fact, Span, join_entities

LINKED_KINDS = ("person", "org", "concept")  # entities whose mentions a document graph links

_SCHEMA = """
CREATE TABLE described(kind TEXT NOT NULL, key TEXT NOT NULL, entity BLOB NOT NULL,
                       documents INTEGER NOT NULL, classes_from TEXT NOT NULL,
                       PRIMARY KEY (kind, key)) WITHOUT ROWID;
CREATE TABLE resolved(kind TEXT NOT NULL, key TEXT NOT NULL, entity BLOB NOT NULL,
                      unchanged INTEGER NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
"""
_PICKLE = pickle.HIGHEST_PROTOCOL
_RECENT = 20_000  # canonical entities remembered between lookups


@dataclass(slots=True)
class _Key:
    """One entity key's description so far: the first record as it came (kept as is when no
    other document names the key) or the records joined, and where its classes came from."""

    entity: Entity
    documents: int
    classes_from: str  # the document whose classes were kept ("" when none had any)


class EntityIndex:
    """Pass one: every entity key's description, joined across documents, in an SQLite file
    at ``path`` (deleted by :meth:`close`), or in memory."""

    def __init__(self, path: Path | None = None, *, cache_bytes: int = 32 << 20) -> None:
        self.path = path
        if path is not None:
            path.unlink(missing_ok=True)
        try:
            self._db = sqlite3.connect(":memory:" if path is None else path, isolation_level=None)
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE"):
                self._db.execute(f"PRAGMA {pragma}")
            self._db.execute(f"PRAGMA cache_size=-{max(1024, cache_bytes >> 10)}")
            self._db.executescript(_SCHEMA)
            self._db.execute("BEGIN")
        except sqlite3.Error as e:
            raise StoreError(f"{path}: cannot create the entity index: {e}") from e
        self._documents: set[str] = set()

    def add(self, x: Extraction) -> None:
        """Add one document's entities (each document once)."""
        doc_id = x.doc.doc_id
        if doc_id in self._documents:
            raise ValueError(f"{doc_id}: extraction given twice")
        self._documents.add(doc_id)
        found: dict[EntityRef, _Key] = {}
        for e in x.entities:
            bare = replace(e, mentions=()) if e.mentions else e
            old = found.get(e.ref) or self._described(e.ref)
            if old is None:
                found[e.ref] = _Key(bare, 1, doc_id if e.classes else "")
            else:
                found[e.ref] = _join(old, bare, doc_id)
        rows = [
            (r.kind, r.key, pickle.dumps(k.entity, _PICKLE), k.documents, k.classes_from)
            for r, k in found.items()
        ]
        self._db.executemany("INSERT OR REPLACE INTO described VALUES (?, ?, ?, ?, ?)", rows)

    def _described(self, ref: EntityRef) -> _Key | None:
        sql = "SELECT entity, documents, classes_from FROM described WHERE kind = ? AND key = ?"
        row = self._db.execute(sql, (ref.kind, ref.key)).fetchone()
        return None if row is None else _Key(pickle.loads(row[0]), row[1], row[2])

    def resolve(self) -> Resolution:
        """The canonical entities, in key order (``graph.build.resolve.resolve``), written
        beside the descriptions; the index is read only from now on."""
        self._db.execute("CREATE TEMP TABLE canon(ckind, ckey, kind, key)")
        rows = self._db.execute("SELECT kind, key FROM described")
        canon = ((*_pair(canonical_ref(EntityRef(k, key))), k, key) for k, key in rows)
        self._db.executemany("INSERT INTO canon VALUES (?, ?, ?, ?)", list(canon))
        self._db.execute("CREATE INDEX temp.canon_order ON canon(ckind, ckey, kind, key)")
        sql = (
            "SELECT c.ckind, c.ckey, c.kind, c.key, d.entity, d.documents FROM canon c"
            " JOIN described d ON d.kind = c.kind AND d.key = c.key"
            " ORDER BY c.ckind, c.ckey, c.kind, c.key"
        )
        trivial = True
        batch: list[tuple[Any, ...]] = []
        for ref, group in _groups(self._db.execute(sql)):
            alone = len(group) == 1 and group[0][0] == ref
            trivial = trivial and alone
            if alone:
                entity, unchanged = group[0][1], group[0][2] == 1
            else:
                label = ref.key if ref.kind == "org" else None
                records = [pickle.loads(r[1]) for r in group]
                joined = join_entities(ref, records, "resolve:canonical-name", label)
                entity, unchanged = pickle.dumps(joined, _PICKLE), False
            batch.append((ref.kind, ref.key, entity, int(unchanged)))
            if len(batch) >= 10_000:
                self._flush_resolved(batch)
        self._flush_resolved(batch)
        self._db.execute("DROP TABLE temp.canon")
        self._db.execute("COMMIT")
        return Resolution(self._db, trivial)

    def _flush_resolved(self, batch: list[tuple[Any, ...]]) -> None:
        self._db.executemany("INSERT INTO resolved VALUES (?, ?, ?, ?)", batch)
        batch.clear()

    def close(self) -> None:
        """Close the index (and its resolution) and delete its file."""
        self._db.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def _pair(ref: EntityRef) -> tuple[str, str]:
    return ref.kind, ref.key


def _groups(
    rows: Iterable[tuple[Any, ...]],
) -> Iterator[tuple[EntityRef, list[tuple[EntityRef, bytes, int]]]]:
    """Rows (canonical kind and key, kind, key, entity, documents) sorted by canonical key,
    as (canonical ref, [(ref, pickled entity, documents), ...])."""
    current: EntityRef | None = None
    group: list[tuple[EntityRef, bytes, int]] = []
    for ckind, ckey, kind, key, entity, documents in rows:
        ref = EntityRef(ckind, ckey)
        if ref != current:
            if current is not None:
                yield current, group
            current, group = ref, []
        group.append((EntityRef(kind, key), entity, documents))
    if current is not None:
        yield current, group


def _join(old: _Key, new: Entity, doc_id: str) -> _Key:
    """Two descriptions of one key joined as ``join_entities`` joins a whole group: labels and
    rules united, the classes of the first document (by id) that has any."""
    joined = join_entities(old.entity.ref, [old.entity, new], "merge:same-key")
    classes, source = old.entity.classes, old.classes_from
    if new.classes and (not classes or doc_id < source):
        classes, source = new.classes, doc_id
    return _Key(replace(joined, classes=classes), old.documents + 1, source)


class Resolution:
    """The canonical entities of a corpus (in its index's file) and how each document's
    extraction maps onto them."""

    def __init__(self, db: sqlite3.Connection, trivial: bool) -> None:
        self._db = db
        self.trivial = trivial  # no key was renamed or joined with another (facts as extracted)
        self._recent: dict[EntityRef, tuple[Entity, bool] | None] = {}  # looked up lately

    def entities(self) -> Iterator[Entity]:
        """The canonical entities in key order, without mentions (they stay in the documents'
        extractions), one at a time."""
        for (entity,) in self._db.execute("SELECT entity FROM resolved ORDER BY kind, key"):
            yield pickle.loads(entity)

    def _lookup(self, refs: Iterable[EntityRef]) -> dict[EntityRef, tuple[Entity, bool]]:
        """The canonical entities of ``refs`` (those that have one), and whether each is
        unchanged: named by one document only, never joined."""
        sql = "SELECT entity, unchanged FROM resolved WHERE kind = ? AND key = ?"
        found = {}
        recent = self._recent
        for ref in refs:
            if ref not in recent:
                if len(recent) >= _RECENT:
                    recent.clear()
                row = self._db.execute(sql, (ref.kind, ref.key)).fetchone()
                recent[ref] = None if row is None else (pickle.loads(row[0]), bool(row[1]))
            known = recent[ref]
            if known is not None:
                found[ref] = known
        return found

    def labels(self, refs: Iterable[EntityRef]) -> dict[EntityRef, str]:
        """The labels of the canonical entities of ``refs``."""
        return {ref: e.label for ref, (e, _) in self._lookup(set(refs)).items()}

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
        known = self._lookup(spans)
        for ref in sorted(spans):
            found = spans[ref]
            if ref in known and known[ref][1]:
                yield ref, tuple(found)
            else:
                unique = sorted(set(found), key=lambda m: (m.doc_id, m.start, m.end))
                yield ref, tuple(unique)

    def linked(self, mentions: Iterable[tuple[EntityRef, tuple[Span, ...]]]) -> list[Entity]:
        """The linkable entities of a document's :meth:`mentions`, each with its mentions."""
        chosen = [(r, s) for r, s in mentions if r.kind in LINKED_KINDS]
        known = self._lookup(r for r, _ in chosen)
        return [replace(known[ref][0], mentions=spans) for ref, spans in chosen]

    def parts(self, x: Extraction) -> tuple[list[Fact], list[Entity]]:
        """The document's facts and its linkable entities, each with its mentions there
        (``graph.rdf.writer.document_parts``)."""
        return self.facts(x), self.linked(self.mentions(x))
