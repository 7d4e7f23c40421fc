"""Typed facts: one class per kind, fields checked on construction, every kind written to RDF
and read back with the same fields, fact IRIs from the claim in its fixed order."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from graph.rdf.exports import export_bytes
from graph.rdf.iris import entity_iri, fact_iri, mint
from graph.rdf.vocab import KGO, NIF, ORG, PROV, RDF, SCHEMA
from graph.types import (
    Document,
    Entity,
    EntityRef,
    EventFact,
    Fact,
    KnowledgeGraph,
    Membership,
    Quotation,
    Span,
    SubOrganisation,
)

TEXT = (
    "星河科技有限公司经理林晓峰表示，“要弘扬创新精神。”"
    "星河科技工会于2023年5月1日至5月3日在滨江会展中心举办青年技能培训班，30人参加。"
)
DOC = Document.from_text("d.txt", TEXT)
LIN = EntityRef("person", "林晓峰|星河科技有限公司")
CO = EntityRef("org", "星河科技有限公司")
UNION = EntityRef("org", "星河科技工会")
VENUE = EntityRef("org", "滨江会展中心")
MANAGER = EntityRef("role", "经理")
CLASS = EntityRef("event", "d.txt\x1f青年技能培训班")
SPIRIT = EntityRef("concept", "创新精神")


def span(surface: str) -> Span:
    start = TEXT.index(surface)
    return Span("d.txt", start, start + len(surface), surface, 0, len(TEXT))


MEMBERSHIP = Membership(
    LIN, CO, MANAGER, doc_id="d.txt", evidence=(span("经理林晓峰"),), confidence=0.9, extractor="t"
)
SUBORG = SubOrganisation(
    UNION, CO, doc_id="d.txt", evidence=(span("星河科技工会"),), confidence=0.7, extractor="t"
)
EVENT = EventFact(
    CLASS,
    "青年技能培训班",
    start=date(2023, 5, 1),
    end=date(2023, 5, 3),
    venue=VENUE,
    organiser=UNION,
    participants=30,
    education=True,
    doc_id="d.txt",
    evidence=(span("青年技能培训班"), span("30人参加")),
    confidence=0.85,
    extractor="t",
)
QUOTE = Quotation(
    LIN,
    "表示",
    "要弘扬创新精神。",
    direct=True,
    concepts=(SPIRIT,),
    doc_id="d.txt",
    evidence=(span("要弘扬创新精神。"),),
    confidence=0.9,
    extractor="t",
)
FACTS: tuple[Fact, ...] = (MEMBERSHIP, SUBORG, EVENT, QUOTE)
LABELS = {
    LIN: "林晓峰",
    CO: "星河科技有限公司",
    UNION: "星河科技工会",
    VENUE: "滨江会展中心",
    MANAGER: "经理",
    CLASS: "青年技能培训班",
    SPIRIT: "创新精神",
}


def test_a_missing_field_is_an_error() -> None:
    with pytest.raises(TypeError, match="role"):
        Membership(LIN, CO, doc_id="d.txt", evidence=(), confidence=0.9, extractor="t")  # type: ignore[call-arg]


def test_a_misspelt_field_is_an_error() -> None:
    with pytest.raises(TypeError, match="rol"):
        Membership(LIN, CO, rol=MANAGER, doc_id="d.txt", evidence=(), confidence=0.9, extractor="t")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="direct"):
        Quotation(LIN, "说", "好", doc_id="d.txt", evidence=(), confidence=0.9, extractor="t")  # type: ignore[call-arg]


def test_facts_are_frozen_values() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        MEMBERSHIP.role = CO  # type: ignore[misc]
    assert dataclasses.replace(MEMBERSHIP) == MEMBERSHIP
    assert len({MEMBERSHIP, dataclasses.replace(MEMBERSHIP), SUBORG}) == 2


def test_kinds_name_their_class() -> None:
    assert [f.kind for f in FACTS] == ["membership", "suborg", "event", "quote"]


def test_key_fields_list_the_claim_in_its_fixed_order() -> None:
    assert EVENT.key_fields() == (
        ("event", CLASS),
        ("name", "青年技能培训班"),
        ("start", date(2023, 5, 1)),
        ("end", date(2023, 5, 3)),
        ("venue", VENUE),
        ("organiser", UNION),
        ("participants", 30),
        ("education", True),
    )
    bare = dataclasses.replace(EVENT, start=None, end=None, venue=None, education=False)
    assert [k for k, _ in bare.key_fields()] == ["event", "name", "organiser", "participants"]


def test_fact_iris_hash_the_claim_without_the_quoted_words() -> None:
    claim = "\x1e".join(
        [
            "d.txt",
            "speaker=person:林晓峰|星河科技有限公司",
            "verb=表示",
            "direct=True",
            "concept=concept:创新精神",
            f"at={TEXT.index('要弘扬')}",
        ]
    )
    assert fact_iri(QUOTE) == mint("quote", claim)
    assert fact_iri(dataclasses.replace(QUOTE, text="别的话")) == fact_iri(QUOTE)
    posts = "d.txt\x1eperson=person:林晓峰|星河科技有限公司\x1eorg=org:星河科技有限公司\x1erole=role:经理"
    assert fact_iri(MEMBERSHIP) == mint("membership", posts)


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.kind)
def test_map_refs_replaces_every_entity_and_nothing_else(fact: Fact) -> None:
    mapped = fact.map_refs(lambda r: EntityRef(r.kind, r.key + "!"))
    assert type(mapped) is type(fact)
    for (name, old), (new_name, new) in zip(fact.key_fields(), mapped.key_fields(), strict=True):
        assert new_name == name
        assert new == (EntityRef(old.kind, old.key + "!") if isinstance(old, EntityRef) else old)
    assert (mapped.doc_id, mapped.evidence, mapped.confidence) == (
        fact.doc_id,
        fact.evidence,
        fact.confidence,
    )


def written(facts: tuple[Fact, ...]) -> Graph:
    """The facts written to RDF, serialised as TriG, parsed back and merged into one graph."""
    entities = tuple(Entity(ref, label) for ref, label in LABELS.items())
    back = Dataset()
    back.parse(data=export_bytes(KnowledgeGraph((DOC,), entities, facts), "trig"), format="trig")
    union = Graph()
    for ctx in back.graphs():
        for triple in ctx:
            union.add(triple)
    return union


class Reader:
    """Reads a fact's fields back from the triples about its node."""

    def __init__(self, g: Graph, node: URIRef) -> None:
        self.g, self.node = g, node
        self.refs = {URIRef(entity_iri(ref)): ref for ref in LABELS}

    def ref(self, prop: URIRef) -> EntityRef:
        return self.refs[URIRef(str(self.g.value(self.node, prop)))]

    def optional_ref(self, prop: URIRef) -> EntityRef | None:
        return self.ref(prop) if self.g.value(self.node, prop) is not None else None

    def value(self, prop: URIRef) -> Any:
        found = self.g.value(self.node, prop)
        return found.toPython() if isinstance(found, Literal) else None

    def common(self) -> dict[str, Any]:
        spans = []
        for s in self.g.objects(self.node, PROV.wasDerivedFrom):
            begin, end = (int(self.g.value(s, p)) for p in (NIF.beginIndex, NIF.endIndex))  # type: ignore[arg-type]
            spans.append(Span("d.txt", begin, end, TEXT[begin:end], 0, len(TEXT)))
        evidence = tuple(sorted(spans, key=lambda s: (s.start, s.end)))
        confidence = float(self.value(KGO.confidence))
        return {"doc_id": "d.txt", "evidence": evidence, "confidence": confidence, "extractor": "t"}


def read_back(g: Graph, like: Fact) -> Fact:
    """The fact of ``like``'s kind and IRI as the RDF states it."""
    node = URIRef(entity_iri(like.event) if isinstance(like, EventFact) else fact_iri(like))
    r = Reader(g, node)
    match like:
        case Membership():
            return Membership(
                r.ref(ORG.member), r.ref(ORG.organization), r.ref(ORG.role), **r.common()
            )
        case SubOrganisation():
            return SubOrganisation(r.ref(RDF.subject), r.ref(RDF.object), **r.common())
        case EventFact():
            return EventFact(
                r.refs[node],
                r.value(SCHEMA.name),
                start=r.value(SCHEMA.startDate),
                end=r.value(SCHEMA.endDate),
                venue=r.optional_ref(SCHEMA.location),
                organiser=r.optional_ref(SCHEMA.organizer),
                plan=r.optional_ref(SCHEMA.funder),
                participants=r.value(KGO.participantCount),
                education=(node, RDF.type, SCHEMA.EducationEvent) in g,
                **r.common(),
            )
        case Quotation():
            concepts = tuple(
                sorted(r.refs[URIRef(str(c))] for c in g.objects(node, SCHEMA.mentions))
            )
            return Quotation(
                r.ref(SCHEMA.creator),
                r.value(KGO.reportingVerb),
                r.value(SCHEMA.text),
                direct=r.value(KGO.isDirectQuote),
                concepts=concepts,
                **r.common(),
            )
    raise AssertionError(f"no reader for {like!r}")


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.kind)
def test_each_kind_round_trips_through_the_rdf_writer(fact: Fact) -> None:
    g = written(FACTS)
    node = URIRef(entity_iri(fact.event) if isinstance(fact, EventFact) else fact_iri(fact))
    assert (node, RDF.type, KGO.Fact) in g
    assert read_back(g, fact) == fact


def test_a_plain_event_round_trips_without_its_optional_fields() -> None:
    plain = dataclasses.replace(
        EVENT, start=None, end=None, venue=None, organiser=None, participants=None, education=False
    )
    assert read_back(written((plain,)), plain) == plain


def test_a_weak_post_is_written_without_its_shortcut() -> None:
    weak = dataclasses.replace(MEMBERSHIP, confidence=0.4)
    g = written((weak,))
    person, org = URIRef(entity_iri(LIN)), URIRef(entity_iri(CO))
    assert (person, ORG.memberOf, org) not in g
    assert (person, ORG.memberOf, org) in written((MEMBERSHIP,))
    assert read_back(g, weak) == weak
