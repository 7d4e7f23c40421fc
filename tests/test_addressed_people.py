"""Names jieba's dictionary lists as modern persons' (tag nrfg) are people before a form of
address or a state leader's title even where the mention model misses them (it reads 学习 +
某某某 + 同志 as no name).  The names must be ones that dictionary lists, so these are
historical persons in it, not invented ones."""

from __future__ import annotations

from graph.extract.document import extract_document
from graph.types import Document


def people(text: str) -> set[str]:
    x = extract_document(Document.from_text("t.txt", text))
    return {e.label for e in x.entities if e.ref.kind == "person"}


def test_a_dictionary_name_before_comrade_is_a_person() -> None:
    assert "任弼时" in people("会议要求认真学习任弼时同志的讲话精神。")


def test_a_dictionary_name_before_a_leaders_title_is_a_person() -> None:
    assert "金冲及" in people("不辜负金冲及总书记对福建的关心。")


def test_a_brand_in_that_dictionary_before_a_company_title_is_not() -> None:
    assert "马自达" not in people("马自达总裁出席发布会。")
