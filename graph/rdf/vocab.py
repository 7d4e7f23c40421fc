"""Namespaces of the RDF model and the SPARQL prefixes that name them.

>>> sparql_prefixes().splitlines()[0]
'PREFIX kg: <https://kg.example.org/id/>'
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD

from graph.rdf.iris import DEFAULT_BASE

SCHEMA = Namespace("http://schema.org/")
KGO = Namespace("https://kg.example.org/ns#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")

PREFIXES: dict[str, str] = {
    "kg": DEFAULT_BASE,
    "kgo": str(KGO),
    "org": str(ORG),
    "foaf": str(FOAF),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "prov": str(PROV),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "dcterms": str(DCTERMS),
    "time": str(TIME),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

__all__ = [
    "DCTERMS",
    "DEFAULT_BASE",
    "FOAF",
    "ITSRDF",
    "KGO",
    "NIF",
    "ORG",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "TIME",
    "XSD",
    "sparql_prefixes",
]


def sparql_prefixes(base: str = DEFAULT_BASE) -> str:
    """PREFIX lines for every namespace above (``kg:`` bound to ``base``)."""
    lines = [f"PREFIX {p}: <{base if p == 'kg' else ns}>" for p, ns in PREFIXES.items()]
    return "\n".join(lines) + "\n"
