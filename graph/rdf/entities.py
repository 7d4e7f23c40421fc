"""The RDF of canonical entities: people, organisations with their types, roles, concepts,
places; labels, aliases and the link rules that merged their mentions.
"""

from __future__ import annotations

import itertools

from rdflib import Literal, URIRef

from graph.rdf.docwriter import zh
from graph.rdf.iris import entity_iri, mint
from graph.rdf.ntriples import TripleSink
from graph.rdf.vocab import FOAF, ORG, RDF, RDFS, SCHEMA, SKOS
from graph.types import Entity


def write_entity(g: TripleSink, e: Entity, base: str) -> None:
    iri = URIRef(entity_iri(e.ref, base))
    kind = e.ref.kind
    g.add((iri, RDFS.label, zh(e.label)))
    for rule in e.link_rules:  # why mentions were merged into this entity
        g.add((iri, SKOS.editorialNote, Literal(f"link rule: {rule}", lang="en")))
    if kind == "person":
        g.add((iri, RDF.type, FOAF.Person))
        g.add((iri, RDF.type, SCHEMA.Person))
        g.add((iri, FOAF.name, zh(e.label)))
        return
    g.add((iri, SKOS.prefLabel, zh(e.label)))
    for alias in e.aliases:
        g.add((iri, SKOS.altLabel, zh(alias)))
    if kind == "org":
        g.add((iri, RDF.type, ORG.Organization))
        g.add((iri, RDF.type, SCHEMA.Organization))
        _write_classes(g, iri, e.classes, base)
    elif kind == "role":
        for alias in e.aliases:  # a title as written in each script (记者, 記者) is its name
            g.add((iri, RDFS.label, zh(alias)))
        g.add((iri, RDF.type, ORG.Role))
        g.add((iri, RDF.type, SKOS.Concept))
        scheme = URIRef(f"{base}scheme-roles")
        g.add((iri, SKOS.inScheme, scheme))
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, RDFS.label, zh("职务")))
    elif kind == "concept":
        scheme = URIRef(f"{base}scheme-topics")
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, RDF.type, SCHEMA.DefinedTerm))
        g.add((iri, SKOS.inScheme, scheme))
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, RDFS.label, zh("主题概念")))
    elif kind == "place":
        g.add((iri, RDF.type, SCHEMA.Place))


def _write_classes(g: TripleSink, org: URIRef, classes: tuple[str, ...], base: str) -> None:
    """org:classification to an organisation type; the next class is its skos:broader."""
    scheme = URIRef(f"{base}scheme-orgtypes")
    nodes = [URIRef(mint("orgtype", c, base)) for c in classes]
    for node, label in zip(nodes, classes, strict=True):
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, scheme))
        g.add((node, RDFS.label, zh(label)))
        g.add((node, SKOS.prefLabel, zh(label)))
    for narrower, broader in itertools.pairwise(nodes):
        g.add((narrower, SKOS.broader, broader))
    if nodes:
        g.add((org, ORG.classification, nodes[0]))
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, RDFS.label, zh("组织类型")))
