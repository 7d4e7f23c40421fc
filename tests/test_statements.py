"""Attributed statements (invented names and places): attribution after the quote, quotes over
several sentences or paragraphs, and 他/她 resolved only when one person can be meant."""

from __future__ import annotations

from graph.extract.document import extract_document
from graph.types import Document, Quotation


def _quotes(text: str) -> list[tuple[str, str, str, bool]]:
    x = extract_document(Document.from_text("q.txt", text))
    return sorted(
        (f.speaker.key.split("|")[0], f.verb, f.text, f.direct)
        for f in x.facts
        if isinstance(f, Quotation)
    )


def test_attribution_after_the_quote() -> None:
    assert _quotes("标题\n东江市市长林晓峰出席会议。“要做好春耕工作。”林晓峰说。") == [
        ("林晓峰", "说", "要做好春耕工作。", True)
    ]
    assert _quotes("标题\n东江市市长林晓峰出席会议。“要做好春耕工作。”东江市市长林晓峰说。") == [
        ("林晓峰", "说", "要做好春耕工作。", True)
    ]


def test_a_quote_of_several_sentences_is_one_statement() -> None:
    assert _quotes(
        "标题\n东江市市长林晓峰出席会议。“要做好春耕工作。明年继续努力。”林晓峰说。"
    ) == [("林晓峰", "说", "要做好春耕工作。明年继续努力。", True)]
    assert _quotes(
        "标题\n东江市市长林晓峰出席会议。他强调：“要做好春耕工作。各部门要加强协作。”"
    ) == [("林晓峰", "强调", "要做好春耕工作。各部门要加强协作。", True)]


def test_a_quote_over_paragraphs_is_one_statement() -> None:
    found = _quotes(
        "标题\n东江市市长林晓峰出席会议。\n“要做好春耕工作。\n“各部门要加强协作。”林晓峰说。"
    )
    assert found == [("林晓峰", "说", "要做好春耕工作。\n“各部门要加强协作。", True)]


def test_a_quote_inside_a_quote_and_a_missing_quote_mark() -> None:
    assert _quotes(
        "标题\n东江市市长林晓峰出席会议。“要落实“全民健身”战略，做好春耕工作。”林晓峰说。"
    ) == [("林晓峰", "说", "要落实“全民健身”战略，做好春耕工作。", True)]
    # the quote opened after 表示 never closes in its paragraph: its first sentence is reported
    assert _quotes(
        "标题\n东江市市长林晓峰出席会议。林晓峰表示，“要落实“全民健身’战略，做好春耕工作。\n第二段。"
    ) == [("林晓峰", "表示", "要落实“全民健身’战略，做好春耕工作", False)]


def test_a_pronoun_is_the_one_person_named_before_it_in_its_paragraph() -> None:
    assert _quotes("标题\n东江市市长林晓峰出席会议。他表示，要做好春耕工作。") == [
        ("林晓峰", "表示", "要做好春耕工作", False)
    ]
    assert _quotes("标题\n东江市市长林晓峰出席会议。他在讲话中强调，要做好春耕工作。") == [
        ("林晓峰", "强调", "要做好春耕工作", False)
    ]


def test_an_ambiguous_pronoun_gives_no_statement() -> None:
    assert _quotes("标题\n东江市市长林晓峰、副市长陈思远出席会议。他表示，要做好春耕工作。") == []
    # the person named is in another paragraph
    assert _quotes("标题\n东江市市长林晓峰出席会议。\n他指出，要做好春耕工作。") == []
    assert _quotes("标题\n东江市市长林晓峰出席会议。他们表示，要做好春耕工作。") == []
    # 他 is an object here, not the speaker
    assert _quotes("标题\n东江市市长林晓峰出席会议，副市长陈思远对他表示感谢。") == []


def test_a_quote_that_ends_before_the_next_speakers_sentence_is_not_theirs() -> None:
    found = _quotes(
        "标题\n东江市市长林晓峰认为，“要做好春耕工作。”东江市水务局局长陈思远根据工作实际，"
        "建议加强水利建设。"
    )
    assert ("林晓峰", "认为", "要做好春耕工作。", True) in found
    assert all(not (who == "陈思远" and direct) for who, _, _, direct in found)
