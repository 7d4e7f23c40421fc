"""A party committee's departments and a place's government, named the ways a reader names
them: a department written alone after a title at the committee carries the committee's
names (省委宣传部 as written, 中共某省委宣传部), in the same chain or in the next item of a
list, and a government is also named by its place (某省省长 is the head of 某省).  Invented
people; the places are real ones, from the gazetteer."""

from __future__ import annotations

from graph.extract.document import extract_document
from graph.types import Document, Membership


def post_labels(text: str) -> dict[tuple[str, str], set[str]]:
    """(person, role) -> every label of the organisation of that current post."""
    x = extract_document(Document.from_text("t.txt", text))
    entities = {e.ref: e for e in x.entities}
    out: dict[tuple[str, str], set[str]] = {}
    for f in x.facts:
        if isinstance(f, Membership) and not f.former:
            org = entities[f.org]
            out.setdefault((entities[f.person].label, f.role.key), set()).update(
                {org.label, *org.aliases}
            )
    return out


def test_a_department_after_a_committee_title_is_named_as_written_under_it() -> None:
    found = post_labels(
        "浙江省召开干部大会。省委常委、宣传部长林晓峰，省委常委、组织部部长陈思远出席。"
    )
    assert {"浙江省委宣传部", "省委宣传部", "中共浙江省委宣传部"} <= found[("林晓峰", "部长")]
    assert {"浙江省委组织部", "省委组织部"} <= found[("陈思远", "部长")]


def test_a_listed_department_belongs_to_the_committee_of_the_item_before() -> None:
    found = post_labels("中共湖州市委书记陈思远、组织部长林晓峰赶赴现场。")
    labels = found[("林晓峰", "部长")]
    assert {"湖州市委组织部", "中共湖州市委组织部"} <= labels
    assert found[("陈思远", "书记")] >= {"中共湖州市委"}


def test_a_department_in_the_next_sentence_is_not_the_committee_s() -> None:
    found = post_labels("中共湖州市委书记陈思远出席。东华集团组织部长林晓峰讲话。")
    assert "湖州市委组织部" not in found.get(("林晓峰", "部长"), set())


def test_one_department_however_its_committee_is_named() -> None:
    text = "中共湖州市委书记陈思远、组织部长林晓峰出席。湖州市委常委、组织部部长林晓峰讲话。"
    x = extract_document(Document.from_text("t.txt", text))
    departments = {e.ref.key for e in x.entities if e.ref.kind == "org" and "组织部" in e.ref.key}
    assert departments == {"湖州市委组织部"}


def test_a_government_is_also_named_by_its_place() -> None:
    found = post_labels("浙江省委书记陈思远、省长林晓峰出席开幕式。")
    assert {"浙江省人民政府", "浙江省政府", "浙江省"} <= found[("林晓峰", "省长")]


def test_a_special_regions_head_is_at_its_government_named_also_by_the_region() -> None:
    found = post_labels(
        "香港特别行政区政府驻北京办事处主任林晓峰表示欢迎。行政长官陈思远今日率团访问东江。"
    )
    assert {"香港特别行政区政府", "香港特别行政区"} <= found[("陈思远", "行政长官")]


def test_a_committee_of_a_place_written_with_its_provinces_short_name() -> None:
    found = post_labels("四川甘孜州常委、宣传部长林晓峰同志出席。")
    assert {"甘孜州委", "中共甘孜州委"} <= found[("林晓峰", "常委")]


def test_a_head_of_mission_speaking_for_a_corps_is_at_their_countrys_mission() -> None:
    found = post_labels("外国驻华使节团代表东江国驻华大使林晓峰表示欢迎。")
    assert {"东江国驻华大使馆", "东江国驻华"} <= found[("林晓峰", "大使")]
