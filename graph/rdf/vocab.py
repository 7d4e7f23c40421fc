"""Namespaces of the RDF model and the SPARQL prefixes that name them.

The four vocabularies the project writes terms of (``SCHEMA``, ``KGO``, ``NIF``, ``ITSRDF``) are
closed: they list exactly the terms the code, the named queries and the SHACL shapes use, and a
term they do not list (a typo) raises instead of minting a new IRI. ``KGO`` lists exactly the
terms ``graph/resources/kgo.ttl`` declares.

>>> sparql_prefixes().splitlines()[0]
'PREFIX kg: <https://kg.example.org/id/>'
>>> KGO.confidence
rdflib.term.URIRef('https://kg.example.org/ns#confidence')
>>> KGO.confidnce
Traceback (most recent call last):
...
AttributeError: term 'confidnce' not in namespace 'https://kg.example.org/ns#'
"""

# No ``from __future__ import annotations``: DefinedNamespace reads its terms from the class
# annotations, which stay real types this way.
import rdflib.namespace
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD

from graph.rdf.iris import DEFAULT_BASE


class SCHEMA(rdflib.namespace.DefinedNamespace):
    """The schema.org terms the project uses (``http://``, as the design fixes)."""

    _NS = Namespace("http://schema.org/")
    _fail = True

    CreativeWork: URIRef
    DefinedTerm: URIRef
    EducationEvent: URIRef
    Event: URIRef
    NewsArticle: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Quotation: URIRef
    SoftwareApplication: URIRef
    about: URIRef
    creator: URIRef
    endDate: URIRef
    funder: URIRef
    isBasedOn: URIRef
    location: URIRef
    mentions: URIRef
    name: URIRef
    organizer: URIRef
    sha256: URIRef
    softwareVersion: URIRef
    startDate: URIRef
    text: URIRef


class KGO(rdflib.namespace.DefinedNamespace):
    """The local ontology: exactly the terms ``graph/resources/kgo.ttl`` declares."""

    _NS = Namespace("https://kg.example.org/ns#")
    _fail = True

    Fact: URIRef
    confidence: URIRef
    isDirectQuote: URIRef
    participantCount: URIRef
    reportingVerb: URIRef


class NIF(rdflib.namespace.DefinedNamespace):
    """The NIF 2.0 core terms the project uses (``confidence``: kgo.ttl's close match)."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    Phrase: URIRef
    RFC5147String: URIRef
    Sentence: URIRef
    anchorOf: URIRef
    beginIndex: URIRef
    confidence: URIRef
    endIndex: URIRef
    isString: URIRef
    referenceContext: URIRef
    sentence: URIRef
    sourceUrl: URIRef


class ITSRDF(rdflib.namespace.DefinedNamespace):
    """The ITS 2.0 RDF terms the project uses."""

    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")
    _fail = True

    taClassRef: URIRef
    taConfidence: URIRef
    taIdentRef: URIRef


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
