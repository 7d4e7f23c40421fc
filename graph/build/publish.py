"""Publish a merged KnowledgeGraph: RDF files, GraphML, node-link JSON, HTML, and the store.

Every named graph is written once as sorted N-Triples (``graph.rdf.ntriples``, no rdflib
``Graph``) and cached under ``out/.cache/graphs`` (keyed by the document's digest, the
extractor fingerprint and the base IRI); a rebuild re-serialises only changed documents and the
entities graph.  The graphs are streamed into two spool files (N-Quads and N-Triples, one graph
in memory at a time), from which pyoxigraph writes Turtle, TriG and JSON-LD and bulk-loads a new
store (``graph.rdf.exports``).  Every file is written atomically (temporary file + rename), so
an interrupted build leaves the previous exports readable.  The store is reconciled with the
exports graph by graph (``graph.build.storesync``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO

import networkx as nx

from graph.build.cache import read_graph_file, write_graph_file
from graph.build.fingerprint import extractor_fingerprint
from graph.build.memory import DEFAULT_MAX_MEMORY, bulk_chunk_bytes
from graph.build.progress import ProgressCallback, step, tracked
from graph.build.storesync import digest, sync_store
from graph.errors import StoreError
from graph.io.atomic import atomic_writer, temporary_name
from graph.network.convert import to_networkx
from graph.network.graphml import write_graphml
from graph.network.html import write_html
from graph.network.nodelink import write_nodelink
from graph.rdf.exports import write_export
from graph.rdf.iris import digest20, document_graph_iri, entities_graph_iri
from graph.rdf.ntriples import count_lines, to_nquads
from graph.rdf.writer import document_ntriples, document_parts, entities_ntriples
from graph.types import (
    Document,
    EventFact,
    KnowledgeGraph,
    Membership,
    Quotation,
    SubOrganisation,
)

log = logging.getLogger(__name__)


def count_facts(kg: KnowledgeGraph) -> dict[str, int]:
    """Counts shown in the build summary and by ``kg stats``."""
    kinds = [e.ref.kind for e in kg.entities]
    facts = [type(f) for f in kg.facts]
    return {
        "documents": len(kg.documents),
        "people": kinds.count("person"),
        "organisations": kinds.count("org"),
        "posts": facts.count(Membership),
        "sub-orgs": facts.count(SubOrganisation),
        "events": facts.count(EventFact),
        "statements": facts.count(Quotation),
        "concepts": kinds.count("concept"),
        "facts": len(facts),
    }


def _graph_path(out: Path, doc: Document, base: str) -> Path:
    key = digest20(doc.doc_id, doc.sha256, extractor_fingerprint(), base)
    return out / ".cache" / "graphs" / f"{key}.nt"


@dataclass(slots=True)
class Spool:
    """Every named graph of a build, on disk: N-Quads (all graphs), N-Triples (their union),
    and each graph's own N-Triples file (cached across builds) with its digest."""

    nquads: Path
    ntriples: Path
    digests: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    triples: int = 0

    def add(self, iri: str, nt: bytes, source: Path, nq: IO[bytes], union: IO[bytes]) -> None:
        if not nt:
            return
        nq.write(to_nquads(nt, iri))
        union.write(nt)
        self.digests[iri] = digest(nt)
        self.sources[iri] = source
        self.triples += count_lines(nt)

    def graph(self, iri: str) -> bytes:
        """The N-Triples of one named graph."""
        data = read_graph_file(self.sources[iri])
        if data is None:
            raise StoreError(f"{self.sources[iri]}: cached graph vanished during the build")
        return data


def spool_graphs(
    kg: KnowledgeGraph,
    out: Path,
    base: str,
    changed: set[str],
    *,
    report: ProgressCallback | None = None,
) -> Spool:
    """Write the entities graph, then every document's graph (cached ones reused unless in
    ``changed``), into the spool files of ``out/.cache``; one graph in memory at a time."""
    cache_dir = out / ".cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    # transient files, read back within this build: no rename, no fsync; a killed build's
    # spools are removed by the next one (graph.io.atomic.remove_stale_temporaries)
    spool = Spool(
        temporary_name(cache_dir / "spool.nq", "spool"),
        temporary_name(cache_dir / "spool.nt", "spool"),
    )
    labels = {e.ref: e.label for e in kg.entities}
    parts = document_parts(kg)
    with spool.nquads.open("wb") as nq, spool.ntriples.open("wb") as nt:
        path, entities = _entities_graph(kg, out, base)
        spool.add(entities_graph_iri(base), entities, path, nq, nt)
        for doc in tracked(kg.documents, "serialising", len(kg.documents), report):
            path = _graph_path(out, doc, base)
            data = None if doc.doc_id in changed else read_graph_file(path)
            if data is None:
                facts, linked = parts.pop(doc.doc_id)
                sentences = kg.sentences.get(doc.doc_id, ())
                data = document_ntriples(doc, facts, linked, labels, sentences, base)
                write_graph_file(path, data)
            spool.add(document_graph_iri(doc.doc_id, base), data, path, nq, nt)
    return spool


def _entities_graph(kg: KnowledgeGraph, out: Path, base: str) -> tuple[Path, bytes]:
    """The entities graph, reused when no entity's description changed (mentions don't count)."""
    described = [(e.ref, e.label, e.aliases, e.classes, e.link_rules) for e in kg.entities]
    key = digest20(repr(described), extractor_fingerprint(), base)
    path = out / ".cache" / "graphs" / f"entities-{key}.nt"
    cached = read_graph_file(path)
    if cached is not None:
        return path, cached
    for stale in path.parent.glob("entities-*"):
        stale.unlink(missing_ok=True)
    data = entities_ntriples(kg, base)
    write_graph_file(path, data)
    return path, data


def publish(
    kg: KnowledgeGraph,
    out: Path,
    base: str,
    changed: set[str],
    *,
    report: ProgressCallback | None = None,
    max_memory: int = DEFAULT_MAX_MEMORY,
) -> dict[str, int]:
    """Write every export of ``kg`` into ``out`` and bring the store up to date (within a
    memory budget of about ``max_memory`` bytes for what it streams, see graph.build.memory)."""
    out.mkdir(parents=True, exist_ok=True)
    spool = spool_graphs(kg, out, base, changed, report=report)
    network = cache(lambda: to_networkx(kg, base))  # built once, for the three network files
    for name in tracked(EXPORT_FILES, "exporting", len(EXPORT_FILES), report):
        _write_export(name, kg, out, spool, network, base=base)
    network.cache_clear()  # the analytic graph is as big as the corpus: freed before the store
    stored = step("store", report)
    chunk = bulk_chunk_bytes(max_memory)
    sync_store(out, spool.digests, spool.graph, spool.nquads, chunk_bytes=chunk)
    stored()
    for path in (spool.nquads, spool.ntriples):
        path.unlink(missing_ok=True)
    counts = count_facts(kg)
    counts["triples"] = spool.triples
    return counts


EXPORT_FILES = (
    "graph.ttl",
    "graph.trig",
    "graph.jsonld",
    "graph.graphml",
    "graph.json",
    "graph.html",
)
_RDF_FORMATS = {"graph.ttl": "turtle", "graph.trig": "trig", "graph.jsonld": "json-ld"}


def _write_export(
    name: str,
    kg: KnowledgeGraph,
    out: Path,
    spool: Spool,
    network: Callable[[], nx.MultiDiGraph],
    *,
    base: str,
) -> None:
    if name in _RDF_FORMATS:
        fmt = _RDF_FORMATS[name]
        with atomic_writer(out / name, mode="wb") as fh:
            write_export(fmt, spool.ntriples if fmt == "turtle" else spool.nquads, fh, base)
    elif name == "graph.graphml":
        write_graphml(network(), out / name)
    elif name == "graph.json":
        write_nodelink(network(), out / name)
    else:
        write_html(network(), out / name, title=_title(kg))


def _title(kg: KnowledgeGraph) -> str:
    if len(kg.documents) == 1:
        return f"知识图谱 · {kg.documents[0].title or kg.documents[0].doc_id}"
    return f"知识图谱 · {len(kg.documents)} 篇文档"


__all__ = ["Spool", "count_facts", "publish", "spool_graphs"]
