"""Posts (org:Membership facts) from title chains and bylines, sub-organisations from names.

Each (person, organisation, role) of a document is one fact whose evidence lists every span
that states it; contradictory titles (主席 in a caption, 副主席 in the body) stay two facts,
each with its own evidence.
"""

from __future__ import annotations

from graph.extract.linked import Linking
from graph.extract.orgnames import UNITS_NAMED_ALONE
from graph.extract.rules import TitleChain
from graph.text.segment import span_of
from graph.types import Entity, EntityRef, Fact, Membership, Segmented, Span, SubOrganisation

CAPTION_CONFIDENCE = 0.95
BODY_CONFIDENCE = 0.9
CREDIT_CONFIDENCE = 0.9
RULE_PENALTY = {
    "deictic:document-org": 0.05,
    "place+title": 0.03,
    "elided-prefix:document": 0.1,
    "region:government": 0.1,  # a title alone, at the government of the article's region
    "elided-prefix:sentence": 0.05,
    "alias:subsequence+shared-person": 0.05,
}
RULE_DISCOUNT = {  # readings less direct than ORG ROLE NAME
    "rules.list": 0.03,
    "rules.appointment": 0.02,
    "rules.title-after-name": 0.05,
    "rules.removal": 0.05,
    "rules.roster": 0.03,
    "rules.honorific": 0.08,
    "model.org-role-person": 0.1,
}
SUBORG_CONFIDENCE = {"sub-body:name": 0.92, "branch:name": 0.85, "region-hierarchy": 0.7}
_ROLE_ALIASES = {"摄": "摄影"}
MEETING_BODIES = frozenset({"主席团", "大会主席团", "会议主席团"})
"""A meeting's presidium: its 执行主席 and 常务主席 are roles in the meeting, not posts (an
association's standing 主席团, named with the association, is another matter)."""
HONOUR_TITLES = frozenset({"院士", "外籍院士", "荣誉院士"})
"""Titles a chain reads like a post that are honours (中科院院士A): no post is stated."""
_NO_POST_AT = MEETING_BODIES | frozenset(UNITS_NAMED_ALONE)
"""Organisations no post is stated at: a meeting's presidium, and a unit named alone whose
organisation nobody resolved (办公室主任B)."""


def role_entities(facts: tuple[Fact, ...]) -> tuple[Entity, ...]:
    """One role entity per role named by the facts."""
    refs = sorted({f.role for f in facts if isinstance(f, Membership)})
    return tuple(Entity(r, r.key) for r in refs)


def _penalty(linking: Linking, org: EntityRef) -> float:
    entity = linking.entities.get(org)
    rules = entity.link_rules if entity else ()
    return max((RULE_PENALTY.get(r, 0.0) for r in rules), default=0.0)


_VISITING_GROUPS = ("调研组", "考察组", "检查组", "验收组", "评估组", "督查组")
"""Groups formed for one visit or inspection: who leads one holds no post (验收组组长); a
campaign's 督导组 has its 组长 for the campaign (kept)."""


_Key = tuple[EntityRef, EntityRef, EntityRef, bool]
"""(person, organisation, role, former): one post."""


def membership_facts(
    seg: Segmented, chains: tuple[TitleChain, ...], linking: Linking
) -> tuple[Membership, ...]:
    """Posts stated by title chains and photo credits, merged per (person, org, role)."""
    found: dict[_Key, tuple[list[Span], float]] = {}
    rules: dict[_Key, tuple[float, str]] = {}

    def add(
        person: EntityRef,
        org: EntityRef,
        role: str,
        span: Span,
        confidence: float,
        former: bool = False,
        rule: str = "rules.title-chain",
    ) -> None:
        if org.key.endswith(_VISITING_GROUPS) and role.endswith("组长"):
            return  # 调研组组长: who leads a visit, not a post
        role_ref = EntityRef("role", _ROLE_ALIASES.get(role, role))
        key = (person, org, role_ref, former)
        spans, best = found.get(key, ([], 0.0))
        spans.append(span)
        found[key] = (spans, max(best, confidence))
        rules[key] = max(rules.get(key, (0.0, rule)), (confidence, rule))

    for chain, orgs in zip(chains, linking.element_orgs, strict=True):
        person = linking.person_of[chain.person.text]
        base = CAPTION_CONFIDENCE if chain.caption else BODY_CONFIDENCE
        span = span_of(seg, chain.span.start, chain.span.end)
        carried = False  # 上届某会副主席、秘书长: the titles after a past one without an org
        for element, org in zip(chain.elements, orgs, strict=True):
            carried = element.former if element.org is not None else carried
            former = element.former or (element.org is None and carried)
            if (
                org is not None
                and org.key not in _NO_POST_AT
                and element.role.text not in HONOUR_TITLES
            ):
                confidence = base - _penalty(linking, org) - RULE_DISCOUNT.get(chain.rule, 0.0)
                add(person, org, element.role.text, span, confidence, former, chain.rule)
    for person, org, span in linking.credits:
        add(person, org, "摄影", span, CREDIT_CONFIDENCE, rule="rules.photo-credit")
    return _memberships(seg, found, rules)


_PASSING_GROUPS = frozenset(
    {"访问团", "代表团", "考察团", "参观团", "交流团", "慰问团", "调研组", "考察组", "一行"}
)
"""Groups named only by what they do on a visit: their roles are no standing posts."""


def _memberships(
    seg: Segmented,
    found: dict[_Key, tuple[list[Span], float]],
    rules: dict[_Key, tuple[float, str]],
) -> tuple[Membership, ...]:
    """A Membership for each (person, org, role, former) found, less the current posts the
    article ends itself (a removal of the same post)."""
    facts = []
    removed = {key[:3] for key, (_, rule) in rules.items() if key[3] and rule == "rules.removal"}
    for (person, org, role, former), (spans, confidence) in sorted(found.items()):
        if not former and (person, org, role) in removed:
            continue  # 董事长A…辞去董事长职务: the article ends the post it names
        if org.key in _PASSING_GROUPS:
            continue  # 访问团团长A: a visit's role in a group the text does not name
        evidence = tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))
        facts.append(
            Membership(
                person,
                org,
                role,
                former=former,
                doc_id=seg.doc.doc_id,
                evidence=evidence,
                confidence=round(confidence, 2),
                extractor=rules[(person, org, role, former)][1],
            )
        )
    return tuple(facts)


def suborganisation_facts(seg: Segmented, linking: Linking) -> tuple[SubOrganisation, ...]:
    """org:subOrganizationOf claims read off names (X工会 ⊂ X, branches, region levels)."""
    facts = {
        SubOrganisation(
            child,
            parent,
            doc_id=seg.doc.doc_id,
            evidence=(span,),
            confidence=SUBORG_CONFIDENCE[rule],
            extractor=f"rules.{rule}",
        )
        for child, parent, rule, span in linking.parents
    }
    return tuple(sorted(facts, key=lambda f: (f.child, f.parent, f.evidence[0].start)))
