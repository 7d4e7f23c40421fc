"""The RDF of canonical entities: people, organisations with their types, roles, concepts,
places; labels, aliases and the link rules that merged their mentions.

Terms are N-Triples strings (``graph.rdf.ntriples``).
"""

from __future__ import annotations

import itertools

from graph.rdf.docwriter import LABEL, A
from graph.rdf.iris import entity_iri, mint
from graph.rdf.ntriples import TripleSink, iri, lang, zh
from graph.rdf.vocab import FOAF, ORG, SCHEMA, SKOS
from graph.types import Entity

_PREF, _ALT, _NOTE = iri(SKOS.prefLabel), iri(SKOS.altLabel), iri(SKOS.editorialNote)
_CONCEPT, _SCHEME, _IN_SCHEME = iri(SKOS.Concept), iri(SKOS.ConceptScheme), iri(SKOS.inScheme)


def write_entity(g: TripleSink, e: Entity, base: str) -> None:
    node = iri(entity_iri(e.ref, base))
    add, kind = g.add, e.ref.kind
    add(node, LABEL, zh(e.label))
    for rule in e.link_rules:  # why mentions were merged into this entity
        add(node, _NOTE, lang(f"link rule: {rule}", "en"))
    if kind == "person":
        add(node, A, iri(FOAF.Person))
        add(node, A, iri(SCHEMA.Person))
        add(node, iri(FOAF.name), zh(e.label))
        return
    add(node, _PREF, zh(e.label))
    for alias in e.aliases:
        add(node, _ALT, zh(alias))
    if kind == "org":
        add(node, A, iri(ORG.Organization))
        add(node, A, iri(SCHEMA.Organization))
        _write_classes(g, node, e.classes, base)
    elif kind == "role":
        for alias in e.aliases:  # a title as written in each script (记者, 記者) is its name
            add(node, LABEL, zh(alias))
        add(node, A, iri(ORG.Role))
        add(node, A, _CONCEPT)
        _in_scheme(g, node, f"{base}scheme-roles", "职务")
    elif kind == "concept":
        add(node, A, _CONCEPT)
        add(node, A, iri(SCHEMA.DefinedTerm))
        _in_scheme(g, node, f"{base}scheme-topics", "主题概念")
    elif kind == "place":
        add(node, A, iri(SCHEMA.Place))


def _in_scheme(g: TripleSink, node: str, scheme_iri: str, label: str) -> None:
    scheme = iri(scheme_iri)
    g.add(node, _IN_SCHEME, scheme)
    g.add(scheme, A, _SCHEME)
    g.add(scheme, LABEL, zh(label))


def _write_classes(g: TripleSink, org: str, classes: tuple[str, ...], base: str) -> None:
    """org:classification to an organisation type; the next class is its skos:broader."""
    add, scheme = g.add, iri(f"{base}scheme-orgtypes")
    nodes = [iri(mint("orgtype", c, base)) for c in classes]
    for node, label in zip(nodes, classes, strict=True):
        add(node, A, _CONCEPT)
        add(node, _IN_SCHEME, scheme)
        add(node, LABEL, zh(label))
        add(node, _PREF, zh(label))
    for narrower, broader in itertools.pairwise(nodes):
        add(narrower, iri(SKOS.broader), broader)
    if nodes:
        add(org, iri(ORG.classification), nodes[0])
        add(scheme, A, _SCHEME)
        add(scheme, LABEL, zh("组织类型"))
