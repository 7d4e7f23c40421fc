"""RDF export: round trips, IRIs, provenance and SHACL conformance."""

from __future__ import annotations

import re
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.build.merge import merge
from graph.extract.document import extract_document
from graph.rdf.exports import export_bytes
from graph.rdf.writer import to_dataset, union_graph
from graph.resources import resource_text
from graph.types import Document, KnowledgeGraph

TEXT = "标题\n\n河北省农业厅党组书记、厅长 王建民\n\n华北电力大学工会主席周明远介绍了做法。"


def knowledge_graph() -> KnowledgeGraph:
    return merge([extract_document(Document.from_text("t.txt", TEXT))])


def dataset() -> Dataset:
    """The same graph through rdflib: the exports must hold exactly its triples."""
    return to_dataset(knowledge_graph())


def test_turtle_round_trip_is_isomorphic() -> None:
    ds = dataset()
    parsed = Graph().parse(data=export_bytes(knowledge_graph(), "turtle"), format="turtle")
    assert len(parsed) > 0
    assert isomorphic(parsed, union_graph(ds))


def test_trig_round_trip_keeps_named_graphs() -> None:
    ds = dataset()
    back = Dataset()
    back.parse(data=export_bytes(knowledge_graph(), "trig"), format="trig")
    for ctx in ds.graphs():
        if len(ctx):
            assert isomorphic(back.graph(ctx.identifier), ctx)


def test_jsonld_round_trip_is_isomorphic() -> None:
    ds = dataset()
    back = Dataset()
    back.parse(data=export_bytes(knowledge_graph(), "json-ld"), format="json-ld")
    merged = Graph()
    for ctx in back.graphs():
        for t in ctx:
            merged.add(t)
    assert isomorphic(merged, union_graph(ds))


def test_iris_are_opaque_and_have_no_chinese() -> None:
    text = export_bytes(knowledge_graph(), "turtle").decode()
    iris = re.findall(r"<([^>]+)>", text) + re.findall(r"\bkg:[\w-]+", text)
    assert iris
    assert not any(re.search(r"[\u4e00-\u9fff]", iri) for iri in iris)


def test_schema_namespace_is_http() -> None:
    text = export_bytes(knowledge_graph(), "turtle").decode()
    assert "https://schema.org/" not in text
    assert "http://schema.org/" in text


def test_export_conforms_to_the_shapes() -> None:
    shapes = Graph().parse(data=resource_text("shapes.ttl"), format="turtle")
    ontology = Graph().parse(data=resource_text("kgo.ttl"), format="turtle")
    conforms, _, report = pyshacl.validate(
        union_graph(dataset()), shacl_graph=shapes, ont_graph=ontology, advanced=True
    )
    assert conforms, report


def test_evidence_anchors_match_the_text(tmp_path: Path) -> None:
    g = union_graph(dataset())
    rows = list(
        g.query("""
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?a ?b ?e ?t WHERE { ?s nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;
                                      nif:referenceContext/nif:isString ?t }""")
    )
    assert rows
    for anchor, b, e, text in rows:
        assert str(text)[int(b) : int(e)] == str(anchor)
