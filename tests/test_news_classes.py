"""Classes of news statements (invented names and organisations): each test can fail."""

from __future__ import annotations

from graph.extract.document import extract_document
from graph.types import Document, Entity, Extraction, Membership


def _x(text: str) -> Extraction:
    return extract_document(Document.from_text("n.txt", text))


def _people(x: Extraction) -> dict[str, Entity]:
    return {e.label: e for e in x.entities if e.ref.kind == "person"}


def _posts(x: Extraction) -> set[tuple[str, str, str]]:
    label = {e.ref: e.label for e in x.entities}
    return {
        (label[f.person], f.role.key, label[f.org]) for f in x.facts if isinstance(f, Membership)
    }


def test_a_person_without_a_post_is_an_entity_with_its_spans() -> None:
    text = "会议由刘东辉主持，王宗璋出席会议。"
    people = _people(_x(text))
    assert {"刘东辉", "王宗璋"} <= set(people)
    span = people["王宗璋"].mentions[0]
    assert text[span.start : span.end] == "王宗璋"
