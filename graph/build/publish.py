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
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from graph.build.cache import cache_path, load_cached
from graph.build.memory import DEFAULT_MAX_MEMORY, bulk_chunk_bytes, sqlite_cache_bytes
from graph.build.progress import ProgressCallback, step, tracked
from graph.build.rdfjob import RDF_FILES, RdfExports, start_rdf_files, write_rdf_file
from graph.build.spool import DocumentPart, Spool, named_refs, spool_graphs
from graph.build.storesync import StoreFeed, sync_store
from graph.build.streammerge import Resolution
from graph.errors import StoreError
from graph.io.atomic import temporary_name
from graph.network.convert import NetworkBuilder
from graph.network.graphml import write_graphml
from graph.network.html import write_html
from graph.network.nodelink import write_nodelink
from graph.network.ondisk import DiskNetwork
from graph.sparql.store import store_dir
from graph.types import Document

log = logging.getLogger(__name__)


def publish(
    resolution: Resolution,
    documents: list[Document],
    out: Path,
    base: str,
    changed: set[str],
    *,
    report: ProgressCallback | None = None,
    max_memory: int = DEFAULT_MAX_MEMORY,
    workers: int = 1,
) -> dict[str, int]:
    """Write every export of the merged graph into ``out``, bring the store up to date (within
    a memory budget of about ``max_memory`` bytes for what it streams, see graph.build.memory),
    return its counts (those of :func:`graph.sparql.stats.graph_stats` and ``kg stats``,
    counted from the spool by graph.build.counts).  With ``workers`` > 1 the RDF files are
    written by a child process meanwhile (graph.build.rdfjob).

    ``resolution`` holds the canonical entities; ``documents`` (sorted by id) are those whose
    extraction is in the cache of ``out``: each is read again, one at a time, to write its named
    graph and add its nodes' evidence and its edges to the analytic graph."""
    out.mkdir(parents=True, exist_ok=True)
    (out / ".cache").mkdir(exist_ok=True)
    path = temporary_name(out / ".cache" / "network.sqlite", "network")
    disk = DiskNetwork(path, cache_bytes=sqlite_cache_bytes(max_memory))
    try:
        return _publish(
            resolution, documents, out, base, changed, disk, report, max_memory, workers
        )
    finally:
        disk.close()


def _publish(
    resolution: Resolution,
    documents: list[Document],
    out: Path,
    base: str,
    changed: set[str],
    disk: DiskNetwork,
    report: ProgressCallback | None,
    max_memory: int,
    workers: int,
) -> dict[str, int]:
    network = NetworkBuilder(base, disk)
    for doc in documents:
        network.add_document(doc)
    for e in resolution.entities():
        network.add_entity(e)
    parts = tracked(
        _document_parts(resolution, documents, out, network),
        "serialising",
        len(documents),
        report,
    )
    chunk = bulk_chunk_bytes(max_memory)
    # a first build loads its store while the graphs are serialised; a later one reconciles
    # the store with the finished spool, graph by graph, while the exports are written
    feed = None if store_dir(out).exists() else StoreFeed(out, chunk_bytes=chunk)
    rdf = None
    try:
        spool = spool_graphs(
            resolution.entities, parts, out, base, changed, feed=feed.feed if feed else None
        )
        # with more than one core, a child writes the RDF files beside the network files;
        # else they are written here, one after the other
        rdf = start_rdf_files(spool.nquads, out, base) if workers > 1 else None
        disk.finish()
        job = _Exports(out, base, _title(documents), chunk, report)
        job.run(spool, disk, rdf, feed)
    except BaseException:
        if rdf is not None:
            rdf.cancel()  # no RDF file of a failed build replaces the previous one's
        if feed is not None:
            feed.abort()
        raise
    spool.remove()
    return spool.stats.counts()  # graph.sparql.stats.graph_stats(out), without the queries


@dataclass(frozen=True, slots=True)
class _Exports:
    """The exports and the store of one build, once its graphs are spooled."""

    out: Path
    base: str
    title: str
    chunk: int
    report: ProgressCallback | None

    def run(
        self,
        spool: Spool,
        network: DiskNetwork,
        rdf: RdfExports | None,
        feed: StoreFeed | None,
    ) -> None:
        """Write the files (those ``rdf`` does not) and finish the store."""
        names = [n for n in EXPORT_FILES if rdf is None or n not in RDF_FILES]
        with ThreadPoolExecutor(1, thread_name_prefix="kg-store") as pool:
            # Oxigraph loads in Rust, without the GIL, while the exports are written; if an
            # export fails, leaving the block waits for the store, then raises
            loading = None
            if feed is None:
                args = (self.out, spool.digests, spool.graph, spool.nquads)
                loading = pool.submit(sync_store, *args, chunk_bytes=self.chunk)
            for name in tracked(names, "exporting", len(EXPORT_FILES), self.report):
                _write_export(name, self.out, spool, network, base=self.base, title=self.title)
            if rdf is not None:
                rdf.wait()
                if self.report is not None:
                    self.report("exporting", len(EXPORT_FILES), len(EXPORT_FILES))
            stored = step("store", self.report)  # what is left once the exports are written
            if feed is not None:
                feed.finish(spool.digests)
            elif loading is not None:
                loading.result()
            stored()


def _document_parts(
    resolution: Resolution, documents: list[Document], out: Path, network: NetworkBuilder
) -> Iterator[DocumentPart]:
    """Each document's part of the merged graph, from its cached extraction; its mentions and
    facts go into ``network`` on the way."""
    for doc in documents:
        x = load_cached(out, doc)
        if x is None:
            raise StoreError(f"{cache_path(out, doc)}: cached extraction vanished during the build")
        sentences = {doc.doc_id: x.sentences}
        mentions = list(resolution.mentions(x))
        facts = resolution.facts(x)
        labels = resolution.labels(named_refs(facts))
        for ref, spans in mentions:
            network.add_mentions(ref, spans, sentences)
        network.add_facts(facts, labels, sentences)
        yield DocumentPart(doc, facts, resolution.linked(mentions), x.sentences, labels)


EXPORT_FILES = (
    "graph.trig",
    "graph.ttl",  # from graph.trig
    "graph.jsonld",
    "graph.graphml",
    "graph.json",
    "graph.html",
)


def _write_export(
    name: str, out: Path, spool: Spool, network: DiskNetwork, *, base: str, title: str
) -> None:
    if name in RDF_FILES:
        write_rdf_file(name, spool.nquads, out, base)
    elif name == "graph.graphml":
        write_graphml(network, out / name)
    elif name == "graph.json":
        write_nodelink(network, out / name)
    else:
        write_html(network, out / name, title=title)


def _title(documents: list[Document]) -> str:
    if len(documents) == 1:
        return f"知识图谱 · {documents[0].title or documents[0].doc_id}"
    return f"知识图谱 · {len(documents)} 篇文档"


__all__ = ["publish"]
