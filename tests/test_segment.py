"""Segmentation: tokens cover the text exactly; sentences respect layout breaks."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.text.segment import segment, sentences, span_of
from graph.types import Document

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
TEXT = st.text(alphabet=st.one_of(CJK, st.sampled_from("，。！？、“”\n \t")), max_size=200)


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_tokens_tile_the_text(text: str) -> None:
    seg = segment(Document.from_text("t.txt", text or "空"))
    assert "".join(t.text for t in seg.tokens) == seg.doc.text
    for t in seg.tokens:
        assert seg.doc.text[t.start : t.end] == t.text


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_sentences_slice_the_text_in_order(text: str) -> None:
    found = sentences(text)
    for s in found:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_caption_lines_are_sentences_but_page_breaks_are_not() -> None:
    long_line = "经过一周的培训，学员们对工作有了更加清晰的认识和理解，进一步明确了未来工作的重点和方向。某某汽车"
    text = f"标题\n\n某某大学工会主席 张三\n\n{long_line}\n\n有限公司工会主席李四说。"
    texts = [s.text for s in sentences(text)]
    assert texts[:2] == ["标题", "某某大学工会主席 张三"]
    assert any("某某汽车\n\n有限公司工会主席李四说。" in t for t in texts)


def test_a_long_caption_ending_in_a_verb_or_an_organisation_is_a_sentence_of_its_own() -> None:
    caption = "东江省政协副主席、东江民盟主委张振华率海峡两岸暨港澳地区大学校长一行参观考察"
    for end in ("东华农业大学", "于右任纪念馆参观"):
        text = f"{caption}{end}\n\n东江省政协副主席张振华和大学校长们在纪念馆前合影。"
        assert sentences(text)[0].text == caption + end


def test_span_of_knows_its_sentence() -> None:
    seg = segment(Document.from_text("d.txt", "第一句话。第二句话里有人。"))
    span = span_of(seg, 7, 9)
    assert span.text == seg.doc.text[7:9]
    assert (span.sentence_start, span.sentence_end) == (5, 13)


def test_token_index_follows_the_document_asked_for() -> None:
    from graph.text.segment import segment, token_index
    from graph.types import Document

    a = segment(Document.from_text("a.txt", "东江市总工会召开会议。"))
    b = segment(Document.from_text("b.txt", "南岭大学举行典礼。"))
    assert token_index(a) == {t.start: i for i, t in enumerate(a.tokens)}
    assert token_index(b) == {t.start: i for i, t in enumerate(b.tokens)}
    assert token_index(a) == {t.start: i for i, t in enumerate(a.tokens)}
