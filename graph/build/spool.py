"""Every named graph of a build, streamed to disk: the spools the exports and the store read.

Each named graph is serialised once as N-Triples (``graph.rdf.ntriples``, no rdflib ``Graph``)
and cached under ``out/.cache/graphs`` (a document's graph keyed by its digest, the extractor
fingerprint and the base IRI; the entities graph by a digest of every entity's description),
so a rebuild re-serialises only changed documents and, if an entity changed, the entities
graph.  The graphs are appended to one spool file of N-Quads, one graph (or, for the entities
graph, one entity) in memory at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

from graph.build.cache import (
    read_graph_chunks,
    read_graph_file,
    write_graph_chunks,
    write_graph_file,
)
from graph.build.counts import StatsCounter
from graph.build.fingerprint import extractor_fingerprint
from graph.errors import StoreError
from graph.io.atomic import temporary_name
from graph.rdf.iris import digest20, document_graph_iri, entities_graph_iri
from graph.rdf.ntriples import count_lines, to_nquads
from graph.rdf.writer import document_ntriples, iter_entities_ntriples
from graph.types import Document, Entity, EntityRef, Fact, Sentence


@dataclass(slots=True)
class Spool:
    """The spool files of a build, and each graph's digest and cached N-Triples file."""

    nquads: Path
    digests: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    triples: int = 0
    stats: StatsCounter = field(default_factory=StatsCounter)  # the counts of kg stats
    feed: Callable[[bytes], None] | None = None  # also given every graph's N-Quads

    def add(self, iri: str, chunks: Iterable[bytes], source: Path, nq: IO[bytes]) -> None:
        """Append a graph, given as pieces of whole N-Triples lines, to the spool."""
        h = hashlib.sha256()
        lines = 0
        for chunk in chunks:
            quads = to_nquads(chunk, iri)
            nq.write(quads)
            if self.feed is not None:
                self.feed(quads)
            h.update(chunk)
            self.stats.add(chunk)
            lines += count_lines(chunk)
        if lines:
            self.digests[iri] = h.hexdigest()[:32]  # as graph.build.storesync.digest
            self.sources[iri] = source
            self.triples += lines

    def graph(self, iri: str) -> bytes:
        """The N-Triples of one named graph."""
        data = read_graph_file(self.sources[iri])
        if data is None:
            raise StoreError(f"{self.sources[iri]}: cached graph vanished during the build")
        return data

    def remove(self) -> None:
        self.nquads.unlink(missing_ok=True)


def _graph_path(out: Path, part: DocumentPart, base: str) -> Path:
    """Where a document's graph is cached: ``{document key}-{corpus key}.nt``.

    The document key names the text and the extractor; the corpus key names what the rest of
    the corpus decides for this document's graph: its facts on canonical keys, the
    descriptions of the entities it links, and the labels of every entity its facts name (a
    post's label is its organisation's label, which another document can change)."""
    doc = part.doc
    dropped = (repr(doc.dropped),) if doc.dropped else ()  # the same text, other bytes
    key = digest20(doc.doc_id, doc.sha256, extractor_fingerprint(), base, *dropped)
    used = sorted((r.kind, r.key, part.labels.get(r, "")) for r in named_refs(part.facts))
    described = [replace(e, mentions=()) for e in part.linked]
    context = digest20(repr(part.facts), repr(described), repr(used))
    return out / ".cache" / "graphs" / f"{key}-{context}.nt"


def named_refs(facts: Iterable[Fact]) -> set[EntityRef]:
    """Every entity the facts name (collected through ``map_refs``)."""
    named: set[EntityRef] = set()

    def note(ref: EntityRef) -> EntityRef:
        named.add(ref)
        return ref

    for f in facts:
        f.map_refs(note)
    return named


def _forget_other_versions(path: Path) -> None:
    """Remove the document's graphs cached for another state of the corpus."""
    key = path.name.split("-", 1)[0]
    for stale in path.parent.glob(f"{key}-*.nt"):
        if stale != path:
            stale.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class DocumentPart:
    """What one document's named graph is written from."""

    doc: Document
    facts: list[Fact]
    linked: list[Entity]
    sentences: tuple[Sentence, ...]
    labels: dict[EntityRef, str]  # the label of every entity the facts name


def spool_graphs(
    entities: Callable[[], Iterable[Entity]],
    documents: Iterable[DocumentPart],
    out: Path,
    base: str,
    changed: set[str],
    feed: Callable[[bytes], None] | None = None,
) -> Spool:
    """Write the entities graph (``entities()`` gives them in key order, read twice), then
    every document's graph (cached ones reused unless in ``changed``), into the spool file of
    ``out/.cache`` (and to ``feed``, if given); ``documents`` come one at a time."""
    cache_dir = out / ".cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    # transient files, read back within this build: no rename, no fsync; a killed build's
    # spools are removed by the next one (graph.io.atomic.remove_stale_temporaries)
    spool = Spool(temporary_name(cache_dir / "spool.nq", "spool"), feed=feed)
    with spool.nquads.open("wb") as nq:
        path = _entities_path(entities(), out, base)
        chunks = read_graph_chunks(path)
        if chunks is None:
            for stale in path.parent.glob("entities-*"):
                stale.unlink(missing_ok=True)
            chunks = write_graph_chunks(path, iter_entities_ntriples(entities(), base))
        spool.add(entities_graph_iri(base), chunks, path, nq)
        for part in documents:
            doc = part.doc
            path = _graph_path(out, part, base)
            data = None if doc.doc_id in changed else read_graph_file(path)
            if data is None:
                facts, linked, labels = part.facts, part.linked, part.labels
                data = document_ntriples(doc, facts, linked, labels, part.sentences, base)
                _forget_other_versions(path)
                write_graph_file(path, data)
            spool.add(document_graph_iri(doc.doc_id, base), [data], path, nq)
    return spool


def _entities_path(entities: Iterable[Entity], out: Path, base: str) -> Path:
    """Where the entities graph is cached: a digest of every entity's description (mentions
    don't count, they are written in the documents' graphs)."""
    h = hashlib.sha256()
    for e in entities:
        h.update(repr((e.ref, e.label, e.aliases, e.classes, e.link_rules)).encode("utf-8"))
        h.update(b"\n")
    key = digest20(h.hexdigest(), extractor_fingerprint(), base)
    return out / ".cache" / "graphs" / f"entities-{key}.nt"
