"""Posts read from the mention model's ORG ROLE PERSON runs where no rule gave the person a title
(invented names)."""

from __future__ import annotations

from graph.extract.modelchains import model_chains
from graph.extract.rules import title_chains
from graph.text.segment import segment
from graph.types import Document

TEXT = "东华工作股股长林晓峰和东华公司领导陈思远、东华集团总经理周立平出席。"
SPANS = [
    [
        (0, 5, "ORG"),
        (5, 7, "ROLE"),
        (7, 10, "PERSON"),
        (11, 15, "ORG"),
        (15, 17, "ROLE"),
        (17, 20, "PERSON"),
        (21, 25, "ORG"),
        (25, 28, "ROLE"),
        (28, 31, "PERSON"),
    ]
]


def test_a_run_of_org_title_and_name_is_a_post_of_its_own_extractor() -> None:
    chains = model_chains(SPANS, TEXT, ())
    found = {
        (
            c.person.text,
            c.elements[0].role.text,
            c.elements[0].org.text if c.elements[0].org else "",
        )
        for c in chains
    }
    assert ("林晓峰", "股长", "东华工作股") in found
    assert ("周立平", "总经理", "东华集团") in found
    assert all(c.rule == "model.org-role-person" for c in chains)


def test_no_post_for_a_word_for_leaders_or_a_person_the_rules_titled() -> None:
    found = {c.person.text for c in model_chains(SPANS, TEXT, ())}
    assert "陈思远" not in found  # 领导 is no title
    ruled = title_chains(segment(Document.from_text("t.txt", TEXT)))
    assert "周立平" in {c.person.text for c in ruled}
    assert "周立平" not in {c.person.text for c in model_chains(SPANS, TEXT, ruled)}


def test_a_single_character_is_no_name() -> None:
    text = "东华商会会长董就职。"
    spans = [(0, 4, "ORG"), (4, 6, "ROLE")]
    assert model_chains([[*spans, (6, 7, "PERSON")]], text, ()) == []
    assert len(model_chains([[*spans, (6, 8, "PERSON")]], text, ())) == 1


def test_a_bare_body_without_its_place_names_no_organisation() -> None:
    text = "总工会主席林晓峰出席。"
    assert model_chains([[(0, 3, "ORG"), (3, 5, "ROLE"), (5, 8, "PERSON")]], text, ()) == []
