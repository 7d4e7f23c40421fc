"""The RDF of each kind of fact: posts (org:Membership and its shortcuts), sub-organisations
(a triple plus an rdf:Statement), events (schema:Event) and statements (schema:Quotation).

Terms are N-Triples strings (``graph.rdf.ntriples``).
"""

from __future__ import annotations

from datetime import date

from graph.rdf.docwriter import LABEL, A, DocWriter
from graph.rdf.iris import entity_iri, fact_iri, mint
from graph.rdf.ntriples import TripleSink, boolean, iri, typed, zh
from graph.rdf.vocab import KGO, ORG, RDF, SCHEMA, SKOS, TIME, XSD
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


_DATE, _INTEGER = str(XSD.date), str(XSD.integer)
_MEMBERSHIP, _MEMBER, _ORGANIZATION, _ROLE = (
    iri(ORG.Membership),
    iri(ORG.member),
    iri(ORG.organization),
    iri(ORG.role),
)
_MEMBER_OF, _HOLDS, _POST, _POST_IN, _HEAD_OF = (
    iri(ORG.memberOf),
    iri(ORG.holds),
    iri(ORG.Post),
    iri(ORG.postIn),
    iri(ORG.headOf),
)
_PREF_LABEL, _IS_FORMER, _TRUE = iri(SKOS.prefLabel), iri(KGO.isFormer), boolean(True)
_QUOTATION, _CREATOR, _VERB = iri(SCHEMA.Quotation), iri(SCHEMA.creator), iri(KGO.reportingVerb)
_DIRECT, _TEXT, _BASED_ON = iri(KGO.isDirectQuote), iri(SCHEMA.text), iri(SCHEMA.isBasedOn)
_MENTIONS = iri(SCHEMA.mentions)


def _attested(g: TripleSink, membership: str, day: date, base: str) -> None:
    """org:memberDuring an interval that contains the day the document reports on."""
    interval = iri(mint("interval", day.isoformat(), base))
    instant = iri(mint("instant", day.isoformat(), base))
    g.add(membership, iri(ORG.memberDuring), interval)
    g.add(interval, A, iri(TIME.Interval))
    g.add(interval, iri(TIME.inside), instant)
    g.add(instant, A, iri(TIME.Instant))
    g.add(instant, iri(TIME.inXSDDate), typed(day.isoformat(), _DATE))


def _write_membership(w: DocWriter, f: Membership, labels: dict[EntityRef, str]) -> None:
    add, base = w.g.add, w.base
    node = iri(fact_iri(f, base))
    person, org, role = (iri(entity_iri(r, base)) for r in (f.person, f.org, f.role))
    add(node, A, _MEMBERSHIP)
    add(node, _MEMBER, person)
    add(node, _ORGANIZATION, org)
    add(node, _ROLE, role)
    if f.former:
        add(node, _IS_FORMER, _TRUE)
    elif w.attested is not None:
        _attested(w.g, node, w.attested, base)
    w.claim(node, f.confidence, f.evidence)
    if f.confidence >= 0.5 and not f.former:
        org_label, role_label = labels[f.org], labels.get(f.role, f.role.key)
        post = iri(mint("post", f"{f.org.key}\x1f{f.role.key}", base))
        add(person, _MEMBER_OF, org)
        add(person, _HOLDS, post)
        add(post, A, _POST)
        add(post, _POST_IN, org)
        add(post, _ROLE, role)
        add(post, LABEL, zh(org_label + role_label))
        add(post, _PREF_LABEL, zh(org_label + role_label))
        if role_label in HEAD_ROLES:
            add(person, _HEAD_OF, org)


def _write_reified(w: DocWriter, f: SubOrganisation, s: str, p: str, o: str) -> None:
    add, node = w.g.add, iri(fact_iri(f, w.base))
    add(node, A, iri(RDF.Statement))
    add(node, iri(RDF.subject), s)
    add(node, iri(RDF.predicate), p)
    add(node, iri(RDF.object), o)
    w.claim(node, f.confidence, f.evidence)
    if f.confidence >= 0.5:
        add(s, p, o)


def write_fact(w: DocWriter, f: Fact, labels: dict[EntityRef, str]) -> None:
    """Add the triples of one fact of any kind to the document's graph."""
    match f:
        case Membership():
            _write_membership(w, f, labels)
        case SubOrganisation():
            child, parent = (iri(entity_iri(r, w.base)) for r in (f.child, f.parent))
            _write_reified(w, f, child, iri(ORG.subOrganizationOf), parent)
        case EventFact():
            _event(w, f)
        case Quotation():
            _quote(w, f)
        case _:
            _unknown(f)


def _unknown(f: FactBase) -> None:
    raise TypeError(f"no RDF for a fact of type {type(f).__name__}: {f!r}")


def _event(w: DocWriter, f: EventFact) -> None:
    add, node = w.g.add, iri(entity_iri(f.event, w.base))
    add(node, A, iri(SCHEMA.EducationEvent if f.education else SCHEMA.Event))
    add(node, A, iri(KGO.Fact))
    # schema:name is what this document calls the event; its rdfs:label and skos:prefLabel
    # are in the entities graph only (written here too, the union would hold them twice)
    add(node, iri(SCHEMA.name), zh(f.name))
    for day, prop in ((f.start, SCHEMA.startDate), (f.end, SCHEMA.endDate)):
        if day is not None:
            add(node, iri(prop), typed(day.isoformat(), _DATE))
    for ref, prop in (
        (f.venue, SCHEMA.location),
        (f.organiser, SCHEMA.organizer),
        (f.plan, SCHEMA.funder),
    ):
        if ref is not None:
            add(node, iri(prop), iri(entity_iri(ref, w.base)))
    if f.participants is not None:
        add(node, iri(KGO.participantCount), typed(str(f.participants), _INTEGER))
    add(w.doc_node, iri(SCHEMA.about), node)
    w.claim(node, f.confidence, f.evidence)


def _quote(w: DocWriter, f: Quotation) -> None:
    add, node = w.g.add, iri(fact_iri(f, w.base))
    add(node, A, _QUOTATION)
    add(node, _CREATOR, iri(entity_iri(f.speaker, w.base)))
    add(node, _VERB, zh(f.verb))
    add(node, _DIRECT, boolean(f.direct))
    add(node, _TEXT, zh(f.text))
    add(node, _BASED_ON, w.doc_node)
    for concept in f.concepts:
        add(node, _MENTIONS, iri(entity_iri(concept, w.base)))
    w.claim(node, f.confidence, f.evidence)
