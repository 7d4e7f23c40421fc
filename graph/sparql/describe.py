"""The SPARQL 1.1 Service Description that ``GET /sparql`` (no query) answers.

Query editors and federation tools read it first: the endpoint's address, the languages and
result formats it supports, that its default graph is the union of the named graphs, and the
named graphs themselves (one per document, plus the entities graph).

>>> text = service_description("http://127.0.0.1:7878/sparql", ["http://g/1"], media="text/turtle")
>>> b"<http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph>" in text
True
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.sparql.store import serialize_triples
from graph.sparql.terms import Term

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
DESCRIPTION_TYPES = (
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
)
_RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
)


def _iri(value: str) -> Term:
    return Term("iri", value)


def _sd(name: str) -> Term:
    return Term("iri", SD + name)


def service_description(
    endpoint: str,
    named_graphs: Iterable[str],
    *,
    media: str,
    update: bool = False,
    federation: bool = False,
) -> bytes:
    """The description of the endpoint at ``endpoint``, serialised as ``media``."""
    service, data, default = Term("bnode", "service"), Term("bnode", "dataset"), Term("bnode", "dg")
    a = _iri(RDF_TYPE)
    triples = [
        (service, a, _sd("Service")),
        (service, _sd("endpoint"), _iri(endpoint)),
        (service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        (service, _sd("feature"), _sd("UnionDefaultGraph")),
        (service, _sd("defaultDataset"), data),
        (data, a, _sd("Dataset")),
        (data, _sd("defaultGraph"), default),
        (default, a, _sd("Graph")),
    ]
    if update:
        triples.append((service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    if federation:
        triples.append((service, _sd("feature"), _sd("BasicFederatedQuery")))
    triples += [(service, _sd("resultFormat"), _iri(FORMATS + f)) for f in _RESULT_FORMATS]
    for i, graph in enumerate(sorted(named_graphs)):
        node = Term("bnode", f"g{i}")
        triples += [
            (data, _sd("namedGraph"), node),
            (node, a, _sd("NamedGraph")),
            (node, _sd("name"), _iri(graph)),
        ]
    return serialize_triples(triples, fmt=media)
