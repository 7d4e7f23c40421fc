"""Offsets always slice the original text, also for traditional script and arbitrary input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.ner import extract_mentions, tag_text
from graph.ner.tagger import pieces
from graph.text.script import analysis_text
from graph.text.segment import segment
from graph.types import Document

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
MIXED = st.one_of(
    CJK,
    st.sampled_from(list("，。！？；：、“”（）\n\n \t０１２３年月日市区县省公司集团主席书记")),
    st.characters(),
)


def _check(text: str) -> None:
    previous_end = -1
    for m in tag_text(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end or m.type == "DATE"
        previous_end = max(previous_end, m.end)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=MIXED, max_size=400))
def test_arbitrary_text_slices_exactly(text: str) -> None:
    _check(text)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_slices_exactly(text: str) -> None:
    _check(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_analysis_text_keeps_length(text: str) -> None:
    assert len(analysis_text(text)) == len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=MIXED, max_size=2000))
def test_pieces_are_ordered_non_blank_and_inside(text: str) -> None:
    last = 0
    for a, b in pieces(text):
        assert last <= a < b <= len(text)
        assert "\n" not in text[a:b] and not text[a:b].isspace()
        last = b


SIMPLIFIED = "据报道，广东省广州市人民政府副市长黄国华昨天在广州会见了来访的德国经济代表团。"
TRADITIONAL = "據報道，廣東省廣州市人民政府副市長黃國華昨天在廣州會見了來訪的德國經濟代表團。"


def test_traditional_spans_match_simplified_and_stay_traditional() -> None:
    assert len(SIMPLIFIED) == len(TRADITIONAL)
    assert analysis_text(TRADITIONAL) == analysis_text(SIMPLIFIED)
    simple = [(m.start, m.end, m.type) for m in tag_text(SIMPLIFIED)]
    trad = tag_text(TRADITIONAL)
    assert simple, "the model should find something in a plain news sentence"
    assert [(m.start, m.end, m.type) for m in trad] == simple
    for m in trad:
        assert m.text == TRADITIONAL[m.start : m.end]
    assert any(m.text != SIMPLIFIED[m.start : m.end] for m in trad)  # some kept traditional chars


def test_long_document_offsets_are_shifted() -> None:
    para = "本报讯，江苏省南京市委书记韩立明在会上讲话。"
    text = "标题\n\n" + (para * 30) + "\n\n\n" + para
    doc = Document.from_text("long.txt", text)
    ms = extract_mentions(segment(doc))
    assert ms
    for m in ms:
        assert text[m.start : m.end] == m.text
    last = [m for m in ms if m.start >= len(text) - len(para)]
    first = [m for m in ms if 4 <= m.start < 4 + len(para)]
    shift = len(text) - len(para) - 4
    assert [(m.start + shift, m.end + shift, m.type) for m in first] == [
        (m.start, m.end, m.type) for m in last
    ]
