"""The merged knowledge graph as a networkx ``MultiDiGraph`` (for analytics, HTML and GraphML),
or, in a build, the same nodes and edges written to a file (:class:`NetworkBuilder` with a
``graph.network.ondisk.DiskNetwork`` as its target).

Node ids are the entity IRIs. Node attributes:

- ``kind``: person | org | role | place | concept | event | document
- ``label``: preferred label; ``aliases``: list of other labels
- ``docs``: list of document ids that mention it
- ``evidence``: list of ``{"doc", "start", "end", "text", "sentence", "sentence_start"}``

Edges are keyed by the fact IRI. Edge attributes: ``relation`` (memberOf, subOrganizationOf,
organizer, location, partOf, mentions, about), ``label`` (human-readable, e.g. the role 主席),
``confidence``, ``docs``, ``evidence`` (as for nodes).

>>> from graph.types import Document, Entity, EntityRef, KnowledgeGraph, Membership, Span
>>> p, o, r = EntityRef("person", "张三"), EntityRef("org", "某公司"), EntityRef("role", "经理")
>>> span = Span("d.txt", 0, 7, "某公司经理张三", 0, 7)
>>> fact = Membership(p, o, r, doc_id="d.txt", evidence=(span,), confidence=0.9, extractor="t")
>>> kg = KnowledgeGraph((Document.from_text("d.txt", "某公司经理张三"),),
...     (Entity(p, "张三"), Entity(o, "某公司"), Entity(r, "经理")), (fact,))
>>> g = to_networkx(kg)
>>> sorted(d["kind"] for _, d in g.nodes(data=True))
['document', 'org', 'person']
>>> [d["label"] for _, _, d in g.edges(data=True) if d["relation"] == "memberOf"]
['经理']
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any, Protocol

import networkx as nx

from graph.rdf.iris import DEFAULT_BASE, document_iri, entity_iri, fact_iri
from graph.types import (
    Document,
    Entity,
    EntityRef,
    EventFact,
    Fact,
    KnowledgeGraph,
    Membership,
    Quotation,
    Sentence,
    Span,
    SubOrganisation,
)

# kinds of entity drawn as nodes (roles live on membership edges)
NODE_KINDS = ("person", "org", "place", "concept", "event")


def span_record(span: Span, sentences: dict[str, tuple[Sentence, ...]]) -> dict[str, Any]:
    """A JSON-friendly evidence record with the sentence text when known.

    A document's sentences are in text order, so the sentence is found by bisection (a linear
    scan per span made a huge document's network quadratic).
    """
    sentence = ""
    doc_sentences = sentences.get(span.doc_id, ())
    i = bisect.bisect_left(doc_sentences, span.sentence_start, key=lambda s: s.start)
    if i < len(doc_sentences):
        s = doc_sentences[i]
        if s.start == span.sentence_start and s.end == span.sentence_end:
            sentence = s.text
    return {
        "doc": span.doc_id,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "sentence": sentence,
        "sentence_start": span.sentence_start,
    }


def _edges_of(
    fact: Fact, labels: dict[EntityRef, str]
) -> list[tuple[str, EntityRef, EntityRef, str]]:
    """(relation, source, target, label) edges that draw one fact."""
    match fact:
        case Membership():
            label = labels.get(fact.role, fact.role.key)
            return [("memberOf", fact.person, fact.org, label)]
        case SubOrganisation():
            return [("subOrganizationOf", fact.child, fact.parent, "下属")]
        case EventFact():
            targets = (
                (fact.organiser, "organizer", "承办"),
                (fact.venue, "location", "地点"),
                (fact.plan, "partOf", "列入计划"),
            )
            return [(rel, fact.event, t, label) for t, rel, label in targets if t is not None]
        case Quotation():
            return [("mentions", fact.speaker, c, fact.verb) for c in fact.concepts]
    return []


def to_networkx(kg: KnowledgeGraph, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """Build the analytic graph: one node per entity and document, one edge per fact relation."""
    b = NetworkBuilder(base)
    for doc in kg.documents:
        b.add_document(doc)
    for e in kg.entities:
        b.add_entity(e)
        b.add_mentions(e.ref, e.mentions, kg.sentences)
    b.add_facts(kg.facts, {e.ref: e.label for e in kg.entities}, kg.sentences)
    return b.graph


class NetworkTarget(Protocol):
    """Where :class:`NetworkBuilder` puts the network: a networkx graph (:class:`NxTarget`)
    or a file (``graph.network.ondisk.DiskNetwork``)."""

    def __contains__(self, node: object) -> bool: ...

    def add_node(self, node: str, attrs: dict[str, Any]) -> None: ...

    def add_evidence(self, node: str, records: list[dict[str, Any]]) -> None: ...

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None: ...


class NxTarget:
    """A networkx ``MultiDiGraph`` as the builder's target."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()

    def __contains__(self, node: object) -> bool:
        return node in self.graph

    def add_node(self, node: str, attrs: dict[str, Any]) -> None:
        if node not in self.graph:
            self.graph.add_node(node, **attrs)

    def add_evidence(self, node: str, records: list[dict[str, Any]]) -> None:
        """Evidence after what the node has; its documents stay sorted and unique."""
        data = self.graph.nodes[node]
        docs, evidence = data["docs"], data["evidence"]
        unsorted = False
        for record in records:
            evidence.append(record)
            doc = record["doc"]
            if not docs or docs[-1] != doc:
                unsorted = unsorted or bool(docs and doc < docs[-1])
                docs.append(doc)
        if unsorted:
            docs[:] = sorted(set(docs))

    def add_edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        self.graph.add_edge(u, v, key=key, **attrs)


class NetworkBuilder:
    """The analytic graph built piece by piece: every document and entity node first (nodes
    in that order), then each document's mentions and facts (a build adds them document by
    document, from extractions read one at a time, into a ``DiskNetwork`` target)."""

    def __init__(self, base: str = DEFAULT_BASE, target: NetworkTarget | None = None) -> None:
        self.base = base
        self._nx: NxTarget | None = None
        if target is None:
            self._nx = target = NxTarget()
        self.target: NetworkTarget = target

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx graph built (when the target is one)."""
        if self._nx is None:
            raise TypeError("this NetworkBuilder writes to a file, not a networkx graph")
        return self._nx.graph

    def add_document(self, doc: Document) -> None:
        attrs = {
            "kind": "document",
            "label": doc.title or doc.doc_id,
            "aliases": [doc.doc_id],
            "classes": [],
            "docs": [doc.doc_id],
            "evidence": [],
        }
        self.target.add_node(document_iri(doc.doc_id, self.base), attrs)

    def add_entity(self, e: Entity) -> None:
        """A node for ``e`` if its kind is drawn (its mentions are added by add_mentions)."""
        if e.ref.kind in NODE_KINDS:
            attrs = {
                "kind": e.ref.kind,
                "label": e.label,
                "aliases": list(e.aliases),
                "classes": list(e.classes),
                "docs": [],
                "evidence": [],
            }
            self.target.add_node(entity_iri(e.ref, self.base), attrs)

    def add_mentions(
        self,
        ref: EntityRef,
        spans: Iterable[Span],
        sentences: dict[str, tuple[Sentence, ...]],
    ) -> None:
        """Evidence of an entity node, after what it has (its documents stay sorted)."""
        node = entity_iri(ref, self.base)
        if node in self.target:
            self.target.add_evidence(node, [span_record(s, sentences) for s in spans])

    def add_facts(
        self,
        facts: Iterable[Fact],
        labels: dict[EntityRef, str],
        sentences: dict[str, tuple[Sentence, ...]],
    ) -> None:
        """One edge per relation of each fact whose ends are nodes."""
        g, base = self.target, self.base
        for fact in facts:
            evidence = [span_record(s, sentences) for s in fact.evidence]
            for rel, src, dst, label in _edges_of(fact, labels):
                u, v = entity_iri(src, base), entity_iri(dst, base)
                if u in g and v in g:
                    key = f"{fact_iri(fact, base)}#{rel}-{dst.key}"
                    g.add_edge(u, v, key, _edge_attrs(rel, label, fact, evidence))
            if isinstance(fact, EventFact):
                source = document_iri(fact.doc_id, base)  # a node when the document is known
                event = entity_iri(fact.event, base)
                if source in g and event in g:
                    attrs = _edge_attrs("about", "报道", fact, evidence)
                    g.add_edge(source, event, f"{fact_iri(fact, base)}#about", attrs)


def _edge_attrs(
    relation: str, label: str, fact: Fact, evidence: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "relation": relation,
        "label": label,
        "confidence": fact.confidence,
        "docs": [fact.doc_id],
        "evidence": evidence,
    }
