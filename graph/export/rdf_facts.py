"""RDF of events and statements (schema:Event, schema:Quotation) for graph.export.rdf."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from graph.model import entity_iri, fact_iri
from graph.types import EntityRef, Fact
from graph.vocab import KGO, RDF, RDFS, SCHEMA, XSD

if TYPE_CHECKING:
    from graph.export.rdf import _DocWriter


def write_other_fact(w: _DocWriter, f: Fact, labels: dict[EntityRef, str]) -> None:
    """Write an event or quotation claim."""
    if f.kind == "event":
        _event(w, f)
    elif f.kind == "quote":
        _quote(w, f)


def _event(w: _DocWriter, f: Fact) -> None:
    g, node = w.g, URIRef(entity_iri(f.ref("event"), w.base))
    g.add((node, RDF.type, SCHEMA.EducationEvent if f.arg("education") else SCHEMA.Event))
    g.add((node, RDF.type, KGO.Fact))
    name = str(f.arg("name") or "")
    g.add((node, SCHEMA.name, Literal(name, lang="zh")))
    g.add((node, RDFS.label, Literal(name, lang="zh")))
    for key, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate)):
        value = f.arg(key)
        if isinstance(value, date):
            g.add((node, prop, Literal(value.isoformat(), datatype=XSD.date)))
    for key, prop in (("venue", SCHEMA.location), ("organiser", SCHEMA.organizer)):
        value = f.arg(key)
        if isinstance(value, EntityRef):
            g.add((node, prop, URIRef(entity_iri(value, w.base))))
    plan = f.arg("plan")
    if isinstance(plan, EntityRef):
        g.add((node, SCHEMA.funder, URIRef(entity_iri(plan, w.base))))
    count = f.arg("participants")
    if isinstance(count, int):
        g.add((node, KGO.participantCount, Literal(count, datatype=XSD.integer)))
    g.add((w.doc_node, SCHEMA.about, node))
    w.claim(node, f.confidence, f.evidence)


def _quote(w: _DocWriter, f: Fact) -> None:
    g, node = w.g, URIRef(fact_iri(f, w.base))
    g.add((node, RDF.type, SCHEMA.Quotation))
    g.add((node, SCHEMA.creator, URIRef(entity_iri(f.ref("speaker"), w.base))))
    g.add((node, KGO.reportingVerb, Literal(str(f.arg("verb") or ""), lang="zh")))
    g.add((node, KGO.isDirectQuote, Literal(bool(f.arg("direct")))))
    g.add((node, SCHEMA.text, Literal(str(f.arg("text") or ""), lang="zh")))
    g.add((node, SCHEMA.isBasedOn, w.doc_node))
    for concept in f.all_args("concept"):
        if isinstance(concept, EntityRef):
            g.add((node, SCHEMA.mentions, URIRef(entity_iri(concept, w.base))))
    w.claim(node, f.confidence, f.evidence)
