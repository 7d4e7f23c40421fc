"""The merged knowledge graph as a networkx ``MultiDiGraph`` (for analytics, HTML and GraphML).

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
from typing import Any

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


class NetworkBuilder:
    """The analytic graph built piece by piece: every document and entity node first (nodes
    in that order), then each document's mentions and facts (a build adds them document by
    document, from extractions read one at a time)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.graph = nx.MultiDiGraph()
        self.base = base

    def release(self) -> None:
        """Drop the graph built so far (an empty one takes its place)."""
        self.graph = nx.MultiDiGraph()

    def add_document(self, doc: Document) -> None:
        self.graph.add_node(
            document_iri(doc.doc_id, self.base),
            kind="document",
            label=doc.title or doc.doc_id,
            aliases=[doc.doc_id],
            classes=[],
            docs=[doc.doc_id],
            evidence=[],
        )

    def add_entity(self, e: Entity) -> None:
        """A node for ``e`` if its kind is drawn (its mentions are added by add_mentions)."""
        if e.ref.kind in NODE_KINDS:
            self.graph.add_node(
                entity_iri(e.ref, self.base),
                kind=e.ref.kind,
                label=e.label,
                aliases=list(e.aliases),
                classes=list(e.classes),
                docs=[],
                evidence=[],
            )

    def add_mentions(
        self,
        ref: EntityRef,
        spans: Iterable[Span],
        sentences: dict[str, tuple[Sentence, ...]],
    ) -> None:
        """Evidence of an entity node, after what it has (its documents stay sorted if the
        spans come in document order)."""
        node = self.graph.nodes.get(entity_iri(ref, self.base))
        if node is None:
            return
        docs, evidence = node["docs"], node["evidence"]
        unsorted = False
        for span in spans:
            evidence.append(span_record(span, sentences))
            if not docs or docs[-1] != span.doc_id:
                unsorted = unsorted or bool(docs and span.doc_id < docs[-1])
                docs.append(span.doc_id)
        if unsorted:
            docs[:] = sorted(set(docs))

    def add_facts(
        self,
        facts: Iterable[Fact],
        labels: dict[EntityRef, str],
        sentences: dict[str, tuple[Sentence, ...]],
    ) -> None:
        """One edge per relation of each fact whose ends are nodes."""
        g, base = self.graph, self.base
        for fact in facts:
            evidence = [span_record(s, sentences) for s in fact.evidence]
            for rel, src, dst, label in _edges_of(fact, labels):
                u, v = entity_iri(src, base), entity_iri(dst, base)
                if u not in g or v not in g:
                    continue
                g.add_edge(
                    u,
                    v,
                    key=f"{fact_iri(fact, base)}#{rel}-{dst.key}",
                    relation=rel,
                    label=label,
                    confidence=fact.confidence,
                    docs=[fact.doc_id],
                    evidence=evidence,
                )
            if isinstance(fact, EventFact):
                source = document_iri(fact.doc_id, base)  # a node when the document is known
                event = entity_iri(fact.event, base)
                if source in g and event in g:
                    g.add_edge(
                        source,
                        event,
                        key=f"{fact_iri(fact, base)}#about",
                        relation="about",
                        label="报道",
                        confidence=fact.confidence,
                        docs=[fact.doc_id],
                        evidence=evidence,
                    )
