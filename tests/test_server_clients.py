"""Right answers for every client (issue 15): dataset clauses, SPARQLWrapper's defaults, the
service description, the headers a browser query editor needs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from server_helpers import COUNT, get, make_store, query_url
from SPARQLWrapper import SPARQLWrapper

from graph.sparql.query import run_query
from graph.sparql.server import ServerOptions, SparqlServer, start_server
from graph.sparql.terms import AskResult, SelectResult

DOC = "https://kg.example.org/id/graph-274587cc841e109be2d8"
OTHER = "https://kg.example.org/id/graph-832f37bec7a83d0adfe9"
ENTITIES = "https://kg.example.org/id/graph-entities"
SD = "http://www.w3.org/ns/sparql-service-description#"
TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("exports"))


@pytest.fixture(scope="module")
def server(graph_dir: Path) -> Iterator[SparqlServer]:
    srv = start_server(graph_dir, ServerOptions(port=0, workers=2))
    yield srv
    srv.close()


def _count(server: SparqlServer, sparql: str, **params: str) -> int:
    status, body, _ = get(query_url(server.url, sparql, **params), {"Accept": "application/json"})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def _graph_size(graph_dir: Path, iri: str) -> int:
    result = run_query(
        graph_dir, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    )
    assert isinstance(result, SelectResult)
    return int(result.rows[0][0].value)  # type: ignore[union-attr]


# ------------------------------------------------------------------ dataset


def test_from_selects_the_document_graph(server: SparqlServer, graph_dir: Path) -> None:
    doc, other, everything = (_graph_size(graph_dir, g) for g in (DOC, OTHER, ENTITIES))
    assert doc > 0 and other > 0
    union = _count(server, TRIPLES)
    assert union > doc  # no dataset named: the union of all graphs
    assert _count(server, f"SELECT (COUNT(*) AS ?n) FROM <{DOC}> WHERE {{ ?s ?p ?o }}") == doc
    two = f"SELECT (COUNT(*) AS ?n) FROM <{DOC}> FROM <{OTHER}> WHERE {{ ?s ?p ?o }}"
    assert _count(server, two) == doc + other
    # FROM NAMED alone: an empty default graph, and only that named graph for GRAPH
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{DOC}> WHERE {{ ?s ?p ?o }}"
    assert _count(server, named) == 0
    in_graphs = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{DOC}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _count(server, in_graphs) == doc
    assert everything > 0


def test_protocol_graph_parameters(server: SparqlServer, graph_dir: Path) -> None:
    doc = _graph_size(graph_dir, DOC)
    assert _count(server, TRIPLES, **{"default-graph-uri": DOC}) == doc
    # only named-graph-uri: the default graph is empty, GRAPH sees that graph only
    assert _count(server, TRIPLES, **{"named-graph-uri": DOC}) == 0
    in_graphs = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert _count(server, in_graphs, **{"named-graph-uri": DOC}) == doc
    # the protocol's dataset wins over the query's FROM
    from_other = f"SELECT (COUNT(*) AS ?n) FROM <{OTHER}> WHERE {{ ?s ?p ?o }}"
    assert _count(server, from_other, **{"default-graph-uri": DOC}) == doc


def test_kg_query_honours_from(graph_dir: Path) -> None:
    doc = _graph_size(graph_dir, DOC)
    result = run_query(graph_dir, f"SELECT (COUNT(*) AS ?n) FROM <{DOC}> WHERE {{ ?s ?p ?o }}")
    assert isinstance(result, SelectResult) and int(result.rows[0][0].value) == doc  # type: ignore[union-attr]
    ask = run_query(graph_dir, "ASK { ?s ?p ?o }", named_graphs=(DOC,))
    assert isinstance(ask, AskResult) and ask.value is False


# ------------------------------------------------------------------ SPARQLWrapper defaults


@pytest.mark.parametrize(
    "sparql",
    [
        "CONSTRUCT { ?p a foaf:Person } WHERE { ?p a foaf:Person }",
        "DESCRIBE ?p WHERE { ?p a foaf:Person }",
    ],
)
def test_sparqlwrapper_default_construct_and_describe(server: SparqlServer, sparql: str) -> None:
    client = SPARQLWrapper(server.url + "/sparql")  # default return format: XML
    client.setQuery("PREFIX foaf: <http://xmlns.com/foaf/0.1/> " + sparql)
    result = client.query()
    assert result.response.headers["Content-Type"].startswith("application/rdf+xml")
    graph = result.convert()
    assert isinstance(graph, rdflib.Graph) and len(graph) > 0


def test_sparqlwrapper_default_select_still_gets_results_xml(server: SparqlServer) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(COUNT)
    result = client.query()
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+xml")
    assert b"<literal" in result.response.read()


# ------------------------------------------------------------------ service description


def test_service_description(server: SparqlServer) -> None:
    status, body, headers = get(server.url + "/sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    service = next(graph.subjects(rdflib.RDF.type, rdflib.URIRef(SD + "Service")))
    assert (service, rdflib.URIRef(SD + "endpoint"), rdflib.URIRef(server.url + "/sparql")) in graph
    names = {str(o) for o in graph.objects(None, rdflib.URIRef(SD + "name"))}
    assert names == {DOC, OTHER, ENTITIES}
    features = set(graph.objects(service, rdflib.URIRef(SD + "feature")))
    assert rdflib.URIRef(SD + "UnionDefaultGraph") in features
    status, body, headers = get(server.url + "/sparql", {"Accept": "application/ld+json"})
    assert status == 200 and headers["Content-Type"].startswith("application/ld+json")
    assert len(rdflib.Graph().parse(data=body, format="json-ld")) == len(graph)
    assert headers.get("Vary") == "Accept"
    assert get(server.url + "/sparql", {"Accept": "image/png"})[0] == 406


# ------------------------------------------------------------------ headers for browsers


def test_vary_and_exposed_headers(server: SparqlServer) -> None:
    status, _, headers = get(query_url(server.url, COUNT), {"Accept": "text/csv"})
    assert status == 200 and headers.get("Vary") == "Accept"
    exposed = [h.strip().lower() for h in headers["Access-Control-Expose-Headers"].split(",")]
    assert "x-kg-truncated" in exposed


def test_cors_preflight_allows_what_an_editor_sends(server: SparqlServer) -> None:
    status, _, headers = get(
        server.url + "/sparql",
        {
            "Origin": "http://editor.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-requested-with, content-type, x-custom-thing",
        },
        method="OPTIONS",
    )
    assert status == 204
    allowed = {h.strip().lower() for h in headers["Access-Control-Allow-Headers"].split(",")}
    assert {"x-requested-with", "content-type", "x-custom-thing", "accept"} <= allowed
    assert "POST" in headers["Access-Control-Allow-Methods"]


def test_results_keep_every_term_through_the_cap(server: SparqlServer) -> None:
    """Rows pass through capped TSV on their way to JSON/XML: nothing may be lost on the way."""
    sparql = (
        'SELECT ?text ?n ?b WHERE { VALUES ?text { "一\\t二\\n三 \\"引\\" \\\\"@zh-Hant } '
        "BIND(42 AS ?n) BIND(BNODE() AS ?b) }"
    )
    status, body, _ = get(query_url(server.url, sparql), {"Accept": "application/json"})
    assert status == 200
    row = json.loads(body)["results"]["bindings"][0]
    assert row["text"] == {"type": "literal", "value": '一\t二\n三 "引" \\', "xml:lang": "zh-hant"}
    assert row["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert row["b"]["type"] == "bnode"
    status, body, _ = get(
        query_url(server.url, sparql), {"Accept": "application/sparql-results+xml"}
    )
    assert status == 200 and "一\t二\n三".encode() in body
