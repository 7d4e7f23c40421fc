"""The streaming merge (``graph.build.streammerge``) gives what the in-memory merge gives.

A build no longer holds the corpus's ``KnowledgeGraph``: entity descriptions are joined as
extractions arrive (in any order), then each document is read again for its named graph and its
part of the analytic graph.  Here both routes run on the same extractions, synthetic (keys shared
across documents, and organisation names the resolver renames) and real: the entities, each
document's facts and linked entities, the N-Triples of each named graph and the networkx graph
must be equal.
"""

from __future__ import annotations

from dataclasses import replace

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st
from test_merge import corpora, real

from graph.build.merge import merge
from graph.build.spool import named_refs
from graph.build.streammerge import EntityIndex, Resolution
from graph.extract.document import extract_document
from graph.network.convert import NetworkBuilder, to_networkx
from graph.rdf.writer import document_ntriples, document_parts, iter_entities_ntriples
from graph.types import Document, Entity, EntityRef, Extraction, Span

RENAMED = [  # the resolver joins these: 北京总工会 is 北京市总工会
    "北京总工会主席张三讲话，北京市总工会副主席李四主持。",
    "北京市总工会主席张三指出，要弘扬劳模精神。",
    "上海总工会主席王五介绍情况。上海市总工会组织竞赛。",
]


def streamed(xs: list[Extraction]) -> tuple[Resolution, dict[str, Extraction]]:
    index = EntityIndex()
    for x in xs:
        index.add(x)
    return index.resolve(), {x.doc.doc_id: x for x in xs}


def network(resolution: Resolution, docs: dict[str, Extraction]) -> nx.MultiDiGraph:
    """The analytic graph as a build makes it: nodes first, then document by document."""
    b = NetworkBuilder()
    for doc_id in sorted(docs):
        b.add_document(docs[doc_id].doc)
    for e in resolution.entities():
        b.add_entity(e)
    for doc_id in sorted(docs):
        x = docs[doc_id]
        sentences = {doc_id: x.sentences}
        for ref, spans in resolution.mentions(x):
            b.add_mentions(ref, spans, sentences)
        facts = resolution.facts(x)
        b.add_facts(facts, resolution.labels(named_refs(facts)), sentences)
    return b.graph


def assert_same(xs: list[Extraction], arrival: list[Extraction]) -> None:
    kg = merge(xs)
    resolution, docs = streamed(arrival)
    bare = [replace(e, mentions=()) for e in kg.entities]
    assert list(resolution.entities()) == bare
    assert b"".join(iter_entities_ntriples(resolution.entities())) == b"".join(
        iter_entities_ntriples(kg)
    )
    labels = {e.ref: e.label for e in kg.entities}
    parts = document_parts(kg)
    for doc in kg.documents:
        x = docs[doc.doc_id]
        facts, linked = resolution.parts(x)
        assert resolution.labels(named_refs(facts)) == {
            r: labels[r] for r in named_refs(facts) if r in labels
        }
        want_facts, want_linked = parts[doc.doc_id]
        assert sorted(facts, key=repr) == sorted(want_facts, key=repr)
        assert linked == want_linked
        sentences = kg.sentences[doc.doc_id]
        assert document_ntriples(doc, facts, linked, labels, sentences) == document_ntriples(
            doc, want_facts, want_linked, labels, sentences
        )
    got, want = network(resolution, docs), to_networkx(kg)
    assert list(got.nodes(data=True)) == list(want.nodes(data=True))
    assert list(got.edges(keys=True, data=True)) == list(want.edges(keys=True, data=True))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_synthetic_extractions_stream_alike(data: st.DataObject) -> None:
    xs = data.draw(corpora())
    assert_same(xs, data.draw(st.permutations(xs)))


@settings(max_examples=10, deadline=None)
@given(st.permutations(range(4)))
def test_real_extractions_stream_alike(order: list[int]) -> None:
    xs = list(real())
    assert_same(xs, [xs[i] for i in order])


def test_renamed_organisations_stream_alike() -> None:
    xs = [extract_document(Document.from_text(f"b{i}.txt", t)) for i, t in enumerate(RENAMED)]
    kg = merge(xs)
    assert any("resolve:canonical-name" in e.link_rules for e in kg.entities)
    assert_same(xs, xs[::-1])


def test_classes_come_from_the_first_document_whatever_the_order() -> None:
    ref = EntityRef("org", "某某局")

    def x(doc_id: str, classes: tuple[str, ...]) -> Extraction:
        doc = Document.from_text(doc_id, "某某局")
        e = Entity(ref, "某某局", (), classes, (Span(doc_id, 0, 3, "某某局", 0, 3),))
        return Extraction(doc, (), (), (e,), ())

    xs = [x("a.txt", ()), x("b.txt", ("局",)), x("c.txt", ("机关",))]
    for arrival in (xs, xs[::-1], [xs[2], xs[0], xs[1]]):
        resolution, _ = streamed(arrival)
        first = next(resolution.entities())
        assert first.classes == ("局",) == merge(xs).entities[0].classes
