"""Publish a merged KnowledgeGraph: RDF files, GraphML, node-link JSON, HTML, and the store.

Every file is written atomically (temporary file + rename), so an interrupted build leaves the
previous exports readable.  Each document's named graph is serialised once and cached under
``out/.cache/graphs`` (keyed by the document's digest, the extractor fingerprint and the base
IRI); a rebuild re-serialises only changed documents and the entities graph.  The store is
reconciled with the exports graph by graph (``graph.build.storesync``).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path

import networkx as nx

from graph.build.fingerprint import extractor_fingerprint
from graph.build.progress import ProgressCallback, step, tracked
from graph.build.storesync import sync_store
from graph.io.atomic import atomic_write_bytes, atomic_writer
from graph.network.convert import to_networkx
from graph.network.graphml import write_graphml
from graph.network.html import write_html
from graph.network.nodelink import write_nodelink
from graph.rdf.fragments import Fragment, export_chunks, fragment_of
from graph.rdf.iris import digest20
from graph.rdf.writer import document_graph, document_parts, entities_graph
from graph.sparql.stats import graph_stats
from graph.types import Document, KnowledgeGraph

log = logging.getLogger(__name__)


def _fragment_path(out: Path, doc: Document, base: str) -> Path:
    key = digest20(doc.doc_id, doc.sha256, extractor_fingerprint(), base)
    return out / ".cache" / "graphs" / f"{key}.pickle"


def _cached_fragment(path: Path) -> Fragment | None:
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None
    return cached if isinstance(cached, Fragment) else None


def document_fragments(
    kg: KnowledgeGraph,
    out: Path,
    base: str,
    changed: set[str],
    *,
    report: ProgressCallback | None = None,
) -> list[Fragment]:
    """Serialised graphs of every document (cached ones reused unless in ``changed``)."""
    labels = {e.ref: e.label for e in kg.entities}
    parts = document_parts(kg)
    fragments = []
    for doc in tracked(kg.documents, "serialising", len(kg.documents), report):
        path = _fragment_path(out, doc, base)
        fragment = None if doc.doc_id in changed else _cached_fragment(path)
        if fragment is None:
            facts, linked = parts[doc.doc_id]
            sentences = kg.sentences.get(doc.doc_id, ())
            fragment = fragment_of(
                document_graph(doc, facts, linked, labels, sentences, base), base
            )
            atomic_write_bytes(path, pickle.dumps(fragment, protocol=5))
        fragments.append(fragment)
    return fragments


def _entities_fragment(kg: KnowledgeGraph, out: Path, base: str) -> Fragment:
    """The entities graph, reused when no entity's description changed (mentions don't count)."""
    described = [(e.ref, e.label, e.aliases, e.classes, e.link_rules) for e in kg.entities]
    key = digest20(repr(described), extractor_fingerprint(), base)
    path = out / ".cache" / "graphs" / f"entities-{key}.pickle"
    cached = _cached_fragment(path)
    if cached is not None:
        return cached
    for stale in path.parent.glob("entities-*.pickle"):
        stale.unlink(missing_ok=True)
    fragment = fragment_of(entities_graph(kg, base), base)
    atomic_write_bytes(path, pickle.dumps(fragment, protocol=5))
    return fragment


def publish(
    kg: KnowledgeGraph,
    out: Path,
    base: str,
    changed: set[str],
    *,
    report: ProgressCallback | None = None,
) -> dict[str, int]:
    """Write every export of ``kg`` into ``out``, bring the store up to date, return its counts
    (:func:`graph.sparql.stats.graph_stats`: the same numbers as ``kg stats``)."""
    out.mkdir(parents=True, exist_ok=True)
    docs = document_fragments(kg, out, base, changed, report=report)
    entities = _entities_fragment(kg, out, base)
    network = cache(lambda: to_networkx(kg, base))  # built once, for the three network files
    for name in tracked(EXPORT_FILES, "exporting", len(EXPORT_FILES), report):
        _write_export(name, kg, out, [entities, *docs], network, base=base)
    stored = step("store", report)
    sync_store(out, [entities, *docs])
    stored()
    return graph_stats(out)  # the counts of kg stats, from the store just written


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
    fragments: list[Fragment],
    network: Callable[[], nx.MultiDiGraph],
    *,
    base: str,
) -> None:
    if name in _RDF_FORMATS:
        with atomic_writer(out / name) as fh:
            fh.writelines(export_chunks(_RDF_FORMATS[name], fragments, base))
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


__all__ = ["document_fragments", "publish"]
