"""Where a document's facts are made: one pure function from a Document to its Extraction.

``extract_document`` runs the extraction stages in order (segment, title chains, linking, posts,
events and statements); the build maps it (or ``extract_safely``) over a corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TypeAlias

from graph.extract.afternames import after_name_people
from graph.extract.appointees import appointee_lines
from graph.extract.appositive import after_name_chains, honorific_chains
from graph.extract.bylines import author_people, photo_credits
from graph.extract.chainmentions import chain_mentions
from graph.extract.changes import left_by_transfer
from graph.extract.colons import colon_chains, counted_chains, roster_chains
from graph.extract.commas import comma_chains
from graph.extract.conferrals import conferral_chains
from graph.extract.facts import document_facts
from graph.extract.heldby import held_by
from graph.extract.implied import without_read_twice, without_taken_titles
from graph.extract.leadrosters import lead_rosters, titled_rosters
from graph.extract.linking import link_document
from graph.extract.listedpeople import (
    addressed_people,
    appointed_people,
    comrade_people,
    latin_people,
    listed_people,
    repeated_people,
)
from graph.extract.lists import (
    people_index,
    several_people_chains,
    with_model_names,
)
from graph.extract.modelchains import model_chains
from graph.extract.orgcheck import (
    ModelOrgs,
    clean_org,
    media_owners,
    place_institutions,
    tag_sentences,
)
from graph.extract.orgs import region_orgs, without_people
from graph.extract.people import model_people
from graph.extract.posts import membership_facts, role_entities, suborganisation_facts
from graph.extract.rules import title_chains
from graph.extract.traditional import extract_in_analysis_script
from graph.extract.windows import extract_bounded
from graph.text.segment import release as release_segmenter
from graph.text.segment import segment
from graph.types import Document, Entity, EntityRef, Extraction, Fact

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ExtractionFailure:
    """An exception raised while extracting one document (the build goes on without it)."""

    doc_id: str
    error: str

    def __str__(self) -> str:
        return f"{self.doc_id}: extraction failed: {self.error}"


ExtractionResult: TypeAlias = "Extraction | ExtractionFailure"


def extract_document(doc: Document) -> Extraction:
    """Every mention, entity and fact of one document.

    Long documents are processed in paragraph windows (bounded memory, exact offsets);
    traditional-script text is analysed in simplified form and reported as written.

    >>> x = extract_document(Document.from_text("d.txt", "杭州市交通运输局局长孙建平主持会议。"))
    >>> [e.label for e in x.entities if e.ref.kind == "person"]
    ['孙建平']
    """
    return extract_in_analysis_script(doc, lambda d: extract_bounded(d, _extract_whole))


_PEOPLE_PASSES = (
    after_name_people,
    comrade_people,
    addressed_people,
    appointed_people,
    listed_people,
    repeated_people,
    latin_people,
    author_people,
)
"""The rules that add the names the model missed, in order (graph.extract.listedpeople and
graph.extract.bylines)."""


def _extract_whole(doc: Document) -> Extraction:
    seg = segment(doc)
    tagged = tag_sentences(seg)
    people = model_people(seg, tagged)
    for more_people in _PEOPLE_PASSES:  # the names the model missed, each pass seeing the last's
        people = more_people(seg, people)
    names = {p.start: p for p in people}
    model_check = ModelOrgs(seg, tagged)
    found = title_chains(seg, model_check, names) + after_name_chains(seg, names)
    found = with_model_names(found, people, doc.text)
    found += several_people_chains(seg, found, people, model_check)
    found += tuple(comma_chains(seg, found, people_index(found, people)))
    index = people_index(found, people)
    found += tuple(
        colon_chains(seg, index)
        + roster_chains(seg, index)
        + counted_chains(seg, index, model_check)
        + lead_rosters(seg, index)
        + conferral_chains(seg, index)
        + appointee_lines(seg, index)
    )
    found += honorific_chains(seg, names, found)
    found += tuple(model_chains(tagged, doc.text, found))
    found += tuple(titled_rosters(seg, found))
    chains = held_by(
        seg,
        without_taken_titles(without_read_twice(tuple(sorted(found, key=lambda c: c.span.start)))),
    )
    chains = left_by_transfer(doc.text, chains)
    model_orgs = (
        tuple(
            clean_org(doc.text, a, b)
            for spans in tagged
            if spans
            for a, b, t in spans
            if t == "ORG"
        )
        + place_institutions(doc.text, tagged)
        + media_owners(doc.text, tagged)
    )
    pieces = without_people(region_orgs(seg), people)
    linking = link_document(seg, chains, pieces, photo_credits(seg), people, model_orgs)
    posts = membership_facts(seg, chains, linking) + suborganisation_facts(seg, linking)
    others, other_entities = document_facts(seg, linking)
    facts = posts + others
    entities = tuple(linking.entities.values()) + role_entities(facts) + other_entities
    return Extraction(
        doc,
        seg.sentences,
        chain_mentions(chains),
        sorted_entities(entities),
        tuple(sorted(_with_known_entities(doc, facts, entities), key=fact_order)),
    )


def _with_known_entities(
    doc: Document, facts: Iterable[Fact], entities: Iterable[Entity]
) -> list[Fact]:
    """The facts whose every entity is one of ``entities`` (a fact naming another one is a
    rule's bug: it is dropped with a warning instead of failing the build's RDF writer).

    >>> from graph.types import SubOrganisation
    >>> unit, body = EntityRef("org", "某处"), EntityRef("org", "某局")
    >>> f = SubOrganisation(unit, body, doc_id="a.txt", evidence=(), confidence=0.9, extractor="t")
    >>> doc = Document.from_text("a.txt", "某局某处")
    >>> len(_with_known_entities(doc, [f], [Entity(unit, "某处"), Entity(body, "某局")]))
    1
    >>> _with_known_entities(doc, [f], [Entity(unit, "某处")])
    []
    """
    known = {e.ref for e in entities}
    kept = []
    for f in facts:
        values = (getattr(f, field.name) for field in fields(f))
        missing = [v for v in values if isinstance(v, EntityRef) and v not in known]
        if missing:
            log.warning(
                "%s: dropped a %s naming no entity: %s", doc.doc_id, type(f).__name__, *missing[:1]
            )
            continue
        kept.append(f)
    return kept


def extract_safely(doc: Document) -> ExtractionResult:
    """``extract_document(doc)``, or the failure naming ``doc`` if it raises.

    >>> bad = Document("bad.txt", None, "0")  # type: ignore[arg-type]
    >>> str(extract_safely(bad)).startswith("bad.txt: extraction failed: TypeError")
    True
    """
    try:
        return extract_document(doc)
    except Exception as e:  # isolate the document: any bug or bad input fails it alone
        log.debug("extraction of %s failed", doc.doc_id, exc_info=True)  # reported by caller
        return ExtractionFailure(doc.doc_id, f"{type(e).__name__}: {e}")


def fact_order(f: Fact) -> tuple[str, str, str]:
    """The order of facts in an extraction and in the merged graph: document, kind, claim.

    >>> from graph.types import EntityRef, SubOrganisation
    >>> def sub(doc_id: str, child: str) -> SubOrganisation:
    ...     return SubOrganisation(EntityRef("org", child), EntityRef("org", "某局"),
    ...         doc_id=doc_id, evidence=(), confidence=0.9, extractor="t")
    >>> facts = [sub("b.txt", "甲"), sub("a.txt", "乙"), sub("a.txt", "丙")]
    >>> [(f.doc_id, f.child.key) for f in sorted(facts, key=fact_order)]
    [('a.txt', '丙'), ('a.txt', '乙'), ('b.txt', '甲')]
    """
    return (f.doc_id, f.kind, repr(f.key_fields()))


def sorted_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """Entities in the order of their keys."""
    return tuple(sorted(entities, key=lambda e: e.ref))


def release_models() -> None:
    """Free the tokenizers and the mention model of this process (a build calls it once its
    documents are extracted; extracting again loads them again)."""
    from graph.ner import release

    release()
    release_segmenter()
