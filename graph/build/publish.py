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
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import networkx as nx

from graph.build.memory import DEFAULT_MAX_MEMORY, bulk_chunk_bytes
from graph.build.progress import ProgressCallback, step, tracked
from graph.build.spool import Spool, spool_graphs
from graph.build.storesync import sync_store
from graph.io.atomic import atomic_writer
from graph.network.convert import to_networkx
from graph.network.graphml import write_graphml
from graph.network.html import write_html
from graph.network.nodelink import write_nodelink
from graph.rdf.exports import write_export
from graph.types import KnowledgeGraph

log = logging.getLogger(__name__)


def publish(
    kg: KnowledgeGraph,
    out: Path,
    base: str,
    changed: set[str],
    *,
    report: ProgressCallback | None = None,
    max_memory: int = DEFAULT_MAX_MEMORY,
) -> dict[str, int]:
    """Write every export of ``kg`` into ``out``, bring the store up to date (within a memory
    budget of about ``max_memory`` bytes for what it streams, see graph.build.memory), return
    its counts (those of :func:`graph.sparql.stats.graph_stats` and ``kg stats``, counted
    from the spool by graph.build.counts)."""
    out.mkdir(parents=True, exist_ok=True)
    spool = spool_graphs(kg, out, base, changed, report=report)
    network = cache(lambda: to_networkx(kg, base))  # built once, for the three network files
    chunk = bulk_chunk_bytes(max_memory)
    with ThreadPoolExecutor(1, thread_name_prefix="kg-store") as pool:
        # the store loads (Oxigraph, in Rust, without the GIL) while the exports are written;
        # if an export fails, leaving the block waits for the store, then raises
        loading = pool.submit(
            sync_store, out, spool.digests, spool.graph, spool.nquads, chunk_bytes=chunk
        )
        for name in tracked(EXPORT_FILES, "exporting", len(EXPORT_FILES), report):
            _write_export(name, kg, out, spool, network, base=base)
        network.cache_clear()  # the analytic graph is as big as the corpus
        stored = step("store", report)  # what is left of it once the exports are written
        loading.result()
        stored()
    spool.remove()
    return spool.stats.counts()  # graph.sparql.stats.graph_stats(out), without the queries


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


__all__ = ["publish"]
