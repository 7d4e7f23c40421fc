"""Namespaces and deterministic, opaque IRIs.

IRIs are ``{base}{kind}-{sha256(kind US key)[:20]}`` (US = the unit separator U+001F): no Chinese in IRIs, stable across runs.

>>> mint("org", "北京市总工会")
'https://kg.example.org/id/org-905f971344322ba7f5c7'
>>> mint("org", "北京市总工会", base="http://x.org/") .startswith("http://x.org/org-")
True
"""

from __future__ import annotations

import hashlib

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD

DEFAULT_BASE = "https://kg.example.org/id/"
TEXT_BASE = "https://kg.example.org/text/"

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
    "TEXT_BASE",
    "TIME",
    "XSD",
    "digest20",
    "mint",
    "sparql_prefixes",
]


def digest20(*parts: str) -> str:
    """First 20 hex digits of sha256 over the parts joined by the unit separator U+001F."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def mint(kind: str, key: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of an entity or fact of ``kind`` with normalised ``key``."""
    return f"{base}{kind}-{digest20(kind, key)}"


def sparql_prefixes(base: str = DEFAULT_BASE) -> str:
    """PREFIX lines for every namespace above (``kg:`` bound to ``base``)."""
    lines = [f"PREFIX {p}: <{base if p == 'kg' else ns}>" for p, ns in PREFIXES.items()]
    return "\n".join(lines) + "\n"
