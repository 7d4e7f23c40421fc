"""Facts beyond posts: events, statements and the concepts they mention, for one document.

>>> from graph.extract.document import extract_document
>>> from graph.types import Document, Quotation
>>> x = extract_document(Document.from_text("d.txt", "河北省农业厅厅长王建民表示，“要弘扬工匠精神。”"))
>>> [(f.verb, f.direct) for f in x.facts if isinstance(f, Quotation)]
[('表示', True)]
"""

from __future__ import annotations

from graph.extract.concepts import concept_entities
from graph.extract.events import find_events
from graph.extract.linked import Linking
from graph.extract.statements import find_statements, speaker_candidates
from graph.text.segment import span_of
from graph.types import Entity, EntityRef, EventFact, Fact, Quotation, Segmented, Span

EVENT_CONFIDENCE = 0.85
RECENT_CONFIDENCE = 0.6
"""An event dated 日前 or 近日: the document's date stands for a recent, unstated day."""


def _told_as_recent(seg: Segmented, span: tuple[int, int] | None) -> bool:
    return span is not None and seg.doc.text[span[0] : span[1]] in ("日前", "近日")


def document_facts(seg: Segmented, linking: Linking) -> tuple[tuple[Fact, ...], tuple[Entity, ...]]:
    """Event and quotation facts, plus the concept, event and new speaker entities they need."""
    names = {e.label for e in linking.entities.values()} | {
        a for e in linking.entities.values() for a in e.aliases
    }
    concepts = concept_entities(seg, names)
    people = dict(linking.person_of)
    new_people = []
    for name in sorted(speaker_candidates(seg, set(people))):
        ref = EntityRef("person", f"{name}|")
        people[name] = ref
        new_people.append(Entity(ref, name, link_rules=("speaker-before-reporting-verb",)))
    quotes = _quote_facts(seg, people, concepts)
    events, event_entities = _event_facts(seg, linking)
    return quotes + events, concepts + tuple(new_people) + event_entities


def _quote_facts(
    seg: Segmented, people: dict[str, EntityRef], concepts: tuple[Entity, ...]
) -> tuple[Quotation, ...]:
    facts = []
    for st in find_statements(seg, people):
        mentioned = sorted(
            {
                c.ref
                for c in concepts
                for m in c.mentions
                if st.text_start <= m.start and m.end <= st.text_end
            }
        )
        evidence = (
            span_of(seg, st.text_start, st.text_end),
            span_of(seg, st.cue_start, st.cue_end),
        )
        facts.append(
            Quotation(
                st.speaker,
                st.verb,
                st.text,
                direct=st.direct,
                concepts=tuple(mentioned),
                doc_id=seg.doc.doc_id,
                evidence=evidence,
                confidence=round(st.confidence, 2),
                extractor="rules.reporting-verb",
            )
        )
    return tuple(facts)


def _org_in(linking: Linking, span: tuple[int, int] | None) -> EntityRef | None:
    if span is None:
        return None
    inside = [(s, e) for (s, e) in linking.org_at if span[0] <= s and e <= span[1]]
    return linking.org_at[min(inside)] if inside else None


def _event_facts(
    seg: Segmented, linking: Linking
) -> tuple[tuple[EventFact, ...], tuple[Entity, ...]]:
    facts, entities = [], []
    for e in find_events(seg):
        ref = EntityRef("event", f"{seg.doc.doc_id}\x1f{e.name}")
        name_span = span_of(seg, e.name_start, e.name_end)
        entities.append(Entity(ref, e.name, mentions=(name_span,), link_rules=("event-name",)))
        dated = bool(e.start and e.end)  # a date range, or none
        evidence = [name_span] + [
            span_of(seg, *s)
            for s in (e.date_span, e.venue_span, e.organiser_span, e.plan_span, e.count_span)
            if s
        ]
        unique: tuple[Span, ...] = tuple(sorted(set(evidence), key=lambda s: (s.start, s.end)))
        facts.append(
            EventFact(
                ref,
                e.name,
                start=e.start if dated else None,
                end=e.end if dated else None,
                venue=_org_in(linking, e.venue_span),
                organiser=_org_in(linking, e.organiser_span),
                plan=_org_in(linking, e.plan_span),
                participants=e.participants,
                education=any(e.name.endswith(s) for s in ("班", "讲座", "研修", "训练营")),
                doc_id=seg.doc.doc_id,
                evidence=unique,
                confidence=RECENT_CONFIDENCE
                if _told_as_recent(seg, e.date_span)
                else EVENT_CONFIDENCE,
                extractor="rules.event-sentence",
            )
        )
    return tuple(facts), tuple(entities)
