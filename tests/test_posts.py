"""Post facts: one per (person, organisation, role), contradictions kept with own evidence."""

from __future__ import annotations

from graph.extract.document import extract_document
from graph.types import Document, Membership

TEXT = (
    "交流发言\n\n河北钢铁集团有限公司工会主席 陈国华\n\n"
    "会上，河北钢铁集团有限公司工会副主席陈国华认为，要贴近职工。"
    "河北省农业厅党组书记、厅长王建民表示支持。"
)


def posts(text: str) -> dict[tuple[str, str, str], list[str]]:
    x = extract_document(Document.from_text("t.txt", text))
    labels = {e.ref: e.label for e in x.entities}
    out = {}
    for f in x.facts:
        if isinstance(f, Membership):
            out[(labels[f.person], labels[f.org], labels[f.role])] = [s.text for s in f.evidence]
    return out


def test_contradicting_titles_are_two_facts_with_their_own_evidence() -> None:
    found = posts(TEXT)
    chair = found[("陈国华", "河北钢铁集团有限公司工会", "主席")]
    vice = found[("陈国华", "河北钢铁集团有限公司工会", "副主席")]
    assert chair == ["河北钢铁集团有限公司工会主席 陈国华"]
    assert vice == ["河北钢铁集团有限公司工会副主席陈国华"]


def test_chain_titles_share_the_organisation() -> None:
    found = posts(TEXT)
    assert ("王建民", "河北省农业厅", "党组书记") in found
    assert ("王建民", "河北省农业厅", "厅长") in found


def test_evidence_offsets_slice_the_document() -> None:
    doc = Document.from_text("t.txt", TEXT)
    for f in extract_document(doc).facts:
        for s in f.evidence:
            assert doc.text[s.start : s.end] == s.text
            assert s.sentence_start <= s.start <= s.end <= s.sentence_end
