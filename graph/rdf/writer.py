"""RDF export: the knowledge graph as an rdflib ``Dataset`` (DESIGN §3, ``rdf-model/``).

One named graph per document holds its text (NIF context), evidence spans, run and facts;
the named graph ``{base}graph-entities`` holds the canonical entities (labels, aliases, types).
IRIs are deterministic, so two builds of the same input serialise to identical bytes.

>>> from graph.types import Document, KnowledgeGraph
>>> ds = to_dataset(KnowledgeGraph((Document.from_text("d.txt", "正文"),), (), ()))
>>> len(list(ds.graphs())) >= 2
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from rdflib import Dataset, Graph, URIRef

from graph.rdf.docwriter import DocWriter
from graph.rdf.entities import write_entity
from graph.rdf.facts import write_fact
from graph.rdf.iris import DEFAULT_BASE, document_graph_iri, entities_graph_iri, entity_iri
from graph.rdf.ntriples import NTriplesSink, TripleSink, iri
from graph.rdf.vocab import FOAF, ORG, PREFIXES, SKOS
from graph.types import (
    Document,
    Entity,
    EntityRef,
    EventFact,
    Fact,
    KnowledgeGraph,
    Sentence,
    Span,
)


def _report_day(facts: list[Fact]) -> date | None:
    """The day a document reports on: the last day of the events it describes (if any)."""
    days = [f.end for f in facts if isinstance(f, EventFact) and f.end is not None]
    return max(days) if days else None


def _bind(g: Graph, base: str) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, base if prefix == "kg" else ns, override=True, replace=True)


def entities_graph(kg: KnowledgeGraph, base: str = DEFAULT_BASE) -> Graph:
    """The canonical entities: labels, aliases, types, link rules."""
    return _parsed(entities_ntriples(kg, base), entities_graph_iri(base), base)


def _parsed(ntriples: bytes, identifier: str, base: str) -> Graph:
    """An rdflib ``Graph`` of N-Triples written here."""
    g = Graph(bind_namespaces="none", identifier=URIRef(identifier))
    _bind(g, base)
    g.parse(data=ntriples.decode("utf-8"), format="nt")
    return g


def entities_ntriples(kg: KnowledgeGraph, base: str = DEFAULT_BASE) -> bytes:
    """The entities graph as N-Triples (the same triples as :func:`entities_graph`)."""
    return b"".join(iter_entities_ntriples(kg, base))


def iter_entities_ntriples(
    entities: KnowledgeGraph | Iterable[Entity], base: str = DEFAULT_BASE
) -> Iterator[bytes]:
    """The entities graph as N-Triples, one entity at a time (in the order of ``kg.entities``,
    its lines sorted): a line about a node entities share (a scheme, an organisation type) comes
    only the first time, so the whole graph is never held at once."""
    shared: set[str] = set()
    for e in entities.entities if isinstance(entities, KnowledgeGraph) else entities:
        sink = NTriplesSink()
        write_entity(sink, e, base)
        own = f"<{entity_iri(e.ref, base)}> "
        lines = [x for x in sink.lines() if x.startswith(own) or x not in shared]
        shared.update(x for x in lines if not x.startswith(own))
        yield "".join(lines).encode("utf-8")


_LINKED = {"person": iri(FOAF.Person), "org": iri(ORG.Organization), "concept": iri(SKOS.Concept)}


def document_graph(
    doc: Document,
    facts: list[Fact],
    linked: list[Entity],
    labels: dict[EntityRef, str],
    sentences: tuple[Sentence, ...],
    base: str = DEFAULT_BASE,
) -> Graph:
    """One document's named graph: text, run, evidence spans, facts and entity links.

    It depends only on that document's extraction, so it can be cached per document.
    """
    data = document_ntriples(doc, facts, linked, labels, sentences, base)
    return _parsed(data, document_graph_iri(doc.doc_id, base), base)


def document_ntriples(
    doc: Document,
    facts: list[Fact],
    linked: list[Entity],
    labels: dict[EntityRef, str],
    sentences: tuple[Sentence, ...],
    base: str = DEFAULT_BASE,
) -> bytes:
    """One document's named graph as sorted N-Triples (the triples of :func:`document_graph`)."""
    sink = NTriplesSink()
    fill_document(sink, doc, facts, linked, labels, sentences, base)
    return sink.ntriples()


def fill_document(
    g: TripleSink,
    doc: Document,
    facts: list[Fact],
    linked: list[Entity],
    labels: dict[EntityRef, str],
    sentences: tuple[Sentence, ...],
    base: str = DEFAULT_BASE,
) -> None:
    """Add the triples of one document's named graph to ``g``."""
    w = DocWriter(g, doc, sentences, base)
    w.attested = _report_day(facts)
    w.header()
    for f in facts:
        write_fact(w, f, labels)
    for e in linked:
        w.link_mentions(e, iri(entity_iri(e.ref, base)), _LINKED[e.ref.kind])


def document_parts(kg: KnowledgeGraph) -> dict[str, tuple[list[Fact], list[Entity]]]:
    """Facts and linkable entities of each document (each entity with only its mentions in
    that document: a name mentioned in every document would otherwise be scanned whole for
    each of them)."""
    parts: dict[str, tuple[list[Fact], list[Entity]]] = {d.doc_id: ([], []) for d in kg.documents}
    for f in kg.facts:
        parts.setdefault(f.doc_id, ([], []))[0].append(f)
    for e in kg.entities:
        if e.ref.kind in _LINKED:
            by_doc: dict[str, list[Span]] = {}
            for m in e.mentions:
                by_doc.setdefault(m.doc_id, []).append(m)
            for doc_id in sorted(by_doc):
                mine = e if len(by_doc) == 1 else replace(e, mentions=tuple(by_doc[doc_id]))
                parts.setdefault(doc_id, ([], []))[1].append(mine)
    return parts


def to_dataset(kg: KnowledgeGraph, base: str = DEFAULT_BASE) -> Dataset:
    """The whole graph as a Dataset: one named graph per document plus the entities graph."""
    ds = Dataset()
    _bind(ds, base)
    labels = {e.ref: e.label for e in kg.entities}
    for triple in entities_graph(kg, base):
        ds.graph(URIRef(entities_graph_iri(base))).add(triple)
    parts = document_parts(kg)
    for doc in kg.documents:
        facts, linked = parts[doc.doc_id]
        g = document_graph(doc, facts, linked, labels, kg.sentences.get(doc.doc_id, ()), base)
        target = ds.graph(g.identifier)
        for triple in g:
            target.add(triple)
    return ds


def union_graph(ds: Dataset, base: str = DEFAULT_BASE) -> Graph:
    """All triples of all named graphs in one Graph."""
    g = Graph(bind_namespaces="none")
    _bind(g, base)
    for ctx in ds.graphs():
        for triple in ctx:
            g.add(triple)
    return g
