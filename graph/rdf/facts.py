"""The RDF of each kind of fact: posts (org:Membership and its shortcuts), sub-organisations
(a triple plus an rdf:Statement), events (schema:Event) and statements (schema:Quotation).
"""

from __future__ import annotations

from datetime import date

from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.rdf.docwriter import DocWriter, zh
from graph.rdf.iris import entity_iri, fact_iri, mint
from graph.rdf.ntriples import TripleSink
from graph.rdf.vocab import KGO, ORG, RDF, RDFS, SCHEMA, SKOS, TIME, XSD
from graph.types import EntityRef, EventFact, Fact, FactBase, Membership, Quotation, SubOrganisation

HEAD_ROLES = frozenset(
    {
        "主席",
        "书记",
        "党组书记",
        "董事长",
        "总经理",
        "局长",
        "部长",
        "院长",
        "校长",
        "行长",
        "社长",
        "会长",
        "理事长",
        "市长",
        "省长",
        "区长",
        "县长",
        "主任",
        "总裁",
        "厅长",
        "处长",
        "司长",
        "所长",
        "馆长",
        "台长",
    }
)


def _attested(g: TripleSink, membership: URIRef, day: date, base: str) -> None:
    """org:memberDuring an interval that contains the day the document reports on."""
    interval = URIRef(mint("interval", day.isoformat(), base))
    instant = URIRef(mint("instant", day.isoformat(), base))
    g.add((membership, ORG.memberDuring, interval))
    g.add((interval, RDF.type, TIME.Interval))
    g.add((interval, TIME.inside, instant))
    g.add((instant, RDF.type, TIME.Instant))
    g.add((instant, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date)))


def _write_membership(w: DocWriter, f: Membership, labels: dict[EntityRef, str]) -> None:
    g, base = w.g, w.base
    node = URIRef(fact_iri(f, base))
    person, org, role = (URIRef(entity_iri(r, base)) for r in (f.person, f.org, f.role))
    g.add((node, RDF.type, ORG.Membership))
    g.add((node, ORG.member, person))
    g.add((node, ORG.organization, org))
    g.add((node, ORG.role, role))
    if f.former:
        g.add((node, KGO.isFormer, Literal(True)))
    elif w.attested is not None:
        _attested(g, node, w.attested, base)
    w.claim(node, f.confidence, f.evidence)
    if f.confidence >= 0.5 and not f.former:
        org_label, role_label = labels[f.org], labels.get(f.role, f.role.key)
        post = URIRef(mint("post", f"{f.org.key}\x1f{f.role.key}", base))
        g.add((person, ORG.memberOf, org))
        g.add((person, ORG.holds, post))
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.postIn, org))
        g.add((post, ORG.role, role))
        g.add((post, RDFS.label, zh(org_label + role_label)))
        g.add((post, SKOS.prefLabel, zh(org_label + role_label)))
        if role_label in HEAD_ROLES:
            g.add((person, ORG.headOf, org))


def _write_reified(w: DocWriter, f: SubOrganisation, s: URIRef, p: URIRef, o: Node) -> None:
    node = URIRef(fact_iri(f, w.base))
    w.g.add((node, RDF.type, RDF.Statement))
    w.g.add((node, RDF.subject, s))
    w.g.add((node, RDF.predicate, p))
    w.g.add((node, RDF.object, o))
    w.claim(node, f.confidence, f.evidence)
    if f.confidence >= 0.5:
        w.g.add((s, p, o))


def write_fact(w: DocWriter, f: Fact, labels: dict[EntityRef, str]) -> None:
    """Add the triples of one fact of any kind to the document's graph."""
    match f:
        case Membership():
            _write_membership(w, f, labels)
        case SubOrganisation():
            child, parent = (URIRef(entity_iri(r, w.base)) for r in (f.child, f.parent))
            _write_reified(w, f, child, ORG.subOrganizationOf, parent)
        case EventFact():
            _event(w, f)
        case Quotation():
            _quote(w, f)
        case _:
            _unknown(f)


def _unknown(f: FactBase) -> None:
    raise TypeError(f"no RDF for a fact of type {type(f).__name__}: {f!r}")


def _event(w: DocWriter, f: EventFact) -> None:
    g, node = w.g, URIRef(entity_iri(f.event, w.base))
    g.add((node, RDF.type, SCHEMA.EducationEvent if f.education else SCHEMA.Event))
    g.add((node, RDF.type, KGO.Fact))
    # schema:name is what this document calls the event; its rdfs:label and skos:prefLabel
    # are in the entities graph only (written here too, the union would hold them twice)
    g.add((node, SCHEMA.name, Literal(f.name, lang="zh")))
    for day, prop in ((f.start, SCHEMA.startDate), (f.end, SCHEMA.endDate)):
        if day is not None:
            g.add((node, prop, Literal(day.isoformat(), datatype=XSD.date)))
    for ref, prop in (
        (f.venue, SCHEMA.location),
        (f.organiser, SCHEMA.organizer),
        (f.plan, SCHEMA.funder),
    ):
        if ref is not None:
            g.add((node, prop, URIRef(entity_iri(ref, w.base))))
    if f.participants is not None:
        g.add((node, KGO.participantCount, Literal(f.participants, datatype=XSD.integer)))
    g.add((w.doc_node, SCHEMA.about, node))
    w.claim(node, f.confidence, f.evidence)


def _quote(w: DocWriter, f: Quotation) -> None:
    g, node = w.g, URIRef(fact_iri(f, w.base))
    g.add((node, RDF.type, SCHEMA.Quotation))
    g.add((node, SCHEMA.creator, URIRef(entity_iri(f.speaker, w.base))))
    g.add((node, KGO.reportingVerb, Literal(f.verb, lang="zh")))
    g.add((node, KGO.isDirectQuote, Literal(f.direct)))
    g.add((node, SCHEMA.text, Literal(f.text, lang="zh")))
    g.add((node, SCHEMA.isBasedOn, w.doc_node))
    for concept in f.concepts:
        g.add((node, SCHEMA.mentions, URIRef(entity_iri(concept, w.base))))
    w.claim(node, f.confidence, f.evidence)
