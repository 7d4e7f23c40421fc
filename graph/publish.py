"""Publish a merged KnowledgeGraph: RDF files, GraphML, node-link JSON, HTML, and the store.

Every file is written atomically (temporary file + rename), so an interrupted build leaves the
previous exports readable.  The store is updated in one transaction: changed documents'
named graphs are replaced, removed documents' graphs dropped, the entities graph replaced.
"""

from __future__ import annotations

import logging
from pathlib import Path

from rdflib import Dataset, URIRef

from graph.atomic import atomic_write_bytes
from graph.export.graphml import write_graphml
from graph.export.html import write_html
from graph.export.nodelink import write_nodelink
from graph.export.rdf import document_graph_iri, entities_graph_iri, serialise, to_dataset
from graph.model import to_networkx
from graph.store import open_store, store_dir
from graph.types import KnowledgeGraph

log = logging.getLogger(__name__)


def count_facts(kg: KnowledgeGraph) -> dict[str, int]:
    """Counts shown in the build summary and by ``kg stats``."""
    kinds = [e.ref.kind for e in kg.entities]
    facts = [f.kind for f in kg.facts]
    return {
        "documents": len(kg.documents),
        "people": kinds.count("person"),
        "organisations": kinds.count("org"),
        "posts": facts.count("membership"),
        "sub-orgs": facts.count("suborg"),
        "events": facts.count("event"),
        "statements": facts.count("quote"),
        "concepts": kinds.count("concept"),
        "facts": len(facts),
    }


def publish(kg: KnowledgeGraph, out: Path, base: str, changed: set[str]) -> dict[str, int]:
    """Write every export of ``kg`` into ``out`` and bring the store up to date."""
    out.mkdir(parents=True, exist_ok=True)
    ds = to_dataset(kg, base)
    atomic_write_bytes(out / "graph.ttl", serialise(ds, "turtle", base))
    atomic_write_bytes(out / "graph.trig", serialise(ds, "trig", base))
    atomic_write_bytes(out / "graph.jsonld", serialise(ds, "json-ld", base))
    g = to_networkx(kg, base)
    write_graphml(g, out / "graph.graphml")
    write_nodelink(g, out / "graph.json")
    write_html(g, out / "graph.html", title=_title(kg))
    _update_store(ds, kg, out, base, changed)
    counts = count_facts(kg)
    counts["triples"] = sum(len(c) for c in ds.graphs())
    return counts


def _title(kg: KnowledgeGraph) -> str:
    if len(kg.documents) == 1:
        return f"知识图谱 · {kg.documents[0].title or kg.documents[0].doc_id}"
    return f"知识图谱 · {len(kg.documents)} 篇文档"


def _update_store(ds: Dataset, kg: KnowledgeGraph, out: Path, base: str, changed: set[str]) -> None:
    wanted = {document_graph_iri(d.doc_id, base): d.doc_id for d in kg.documents}
    entities = entities_graph_iri(base)
    with open_store(store_dir(out)) as store:
        present = store.named_graphs()
        graphs: dict[str, bytes] = {}
        for iri, doc_id in wanted.items():
            if doc_id in changed or iri not in present:
                graphs[iri] = ds.graph(URIRef(iri)).serialize(format="nt", encoding="utf-8")
        graphs[entities] = ds.graph(URIRef(entities)).serialize(format="nt", encoding="utf-8")
        stale = sorted(present - set(wanted) - {entities})
        store.replace_graphs(graphs, drop=stale)
        log.info("store: %d graphs replaced, %d dropped", len(graphs), len(stale))
