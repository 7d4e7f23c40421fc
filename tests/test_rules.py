"""Title chains, bylines and region-anchored organisation names (invented examples)."""

from __future__ import annotations

from graph.extract.bylines import photo_credits
from graph.extract.chainmentions import chain_mentions
from graph.extract.orgs import region_orgs
from graph.extract.rules import title_chains
from graph.text.segment import segment
from graph.types import Document


def chains_of(text: str) -> list[tuple[str, list[tuple[str | None, str | None, str]]]]:
    seg = segment(Document.from_text("t.txt", text))
    return [
        (
            c.person.text,
            [
                (e.org.text if e.org else None, e.body.text if e.body else None, e.role.text)
                for e in c.elements
            ],
        )
        for c in title_chains(seg)
    ]


def test_caption_line_org_role_space_name() -> None:
    assert chains_of("标题\n\n河北钢铁集团有限公司工会主席 陈国华\n\n正文") == [
        ("陈国华", [("河北钢铁集团有限公司", "工会", "主席")])
    ]


def test_chain_of_three_titles_at_two_bodies() -> None:
    text = "会上，华北电力大学党委副书记、纪委书记、工会主席周明远介绍了做法。"
    assert chains_of(text) == [
        (
            "周明远",
            [("华北电力大学", "党委", "副书记"), (None, "纪委", "书记"), (None, "工会", "主席")],
        )
    ]


def test_title_without_organisation_or_name_is_not_a_post() -> None:
    assert chains_of("全市94名新任工会主席、副主席在这里完成了培训。") == []
    assert chains_of("新任工会主席们畅所欲言。") == []


def test_leading_function_words_are_not_part_of_the_organisation() -> None:
    assert chains_of("而河北省农业厅副厅长李红梅表示同意。") == [
        ("李红梅", [("河北省农业厅", None, "副厅长")])
    ]


def test_chain_mentions_slice_the_text() -> None:
    seg = segment(Document.from_text("t.txt", "据悉，河北省农业厅副厅长李红梅表示同意。"))
    mentions = chain_mentions(title_chains(seg))
    assert {m.type for m in mentions} == {"PERSON", "ORG", "ROLE"}
    for m in mentions:
        assert seg.doc.text[m.start : m.end] == m.text


def test_photo_credit_in_byline() -> None:
    seg = segment(Document.from_text("t.txt", "□本报记者 孙立新/文 冯晓东/摄\n\n正文。"))
    assert [p.text for p in photo_credits(seg)] == ["冯晓东"]


def test_region_anchored_names_stop_at_verbs() -> None:
    seg = segment(
        Document.from_text(
            "t.txt", "列入市委组织部计划、由市总工会承办的培训班在市委党校三分校举办。"
        )
    )
    assert [p.text for p in region_orgs(seg)] == ["市委组织部", "市总工会", "市委党校三分校"]


def test_posts_written_after_the_name() -> None:
    from graph.extract.appositive import after_name_chains

    seg = segment(
        Document.from_text(
            "t.txt",
            "王建民，河北省农业厅厅长，出席会议。李红梅担任华北电力大学校长一职。他说，今天开会。",
        )
    )
    found = [
        (
            c.person.text,
            c.elements[0].org.text if c.elements[0].org else None,
            c.elements[0].role.text,
        )
        for c in after_name_chains(seg)
    ]
    assert found == [("王建民", "河北省农业厅", "厅长"), ("李红梅", "华北电力大学", "校长")]


def test_organisations_listed_before_a_shared_title_each_hold_it() -> None:
    assert chains_of("会议由市委、市政府副秘书长张振华主持。") == [
        ("张振华", [("市委", None, "副秘书长"), ("市政府", None, "副秘书长")])
    ]
    assert chains_of("中国作协、中国文联副主席李春芳出席。") == [
        ("李春芳", [("中国作协", None, "副主席"), ("中国文联", None, "副主席")])
    ]


def test_a_list_of_organisations_before_a_clause_shares_nothing() -> None:
    # the organisers are not the minister's: a comma ends the list
    assert chains_of("省教育厅、省财政厅联合召开会议，省财政厅厅长张振华出席。") == [
        ("张振华", [("省财政厅", None, "厅长")])
    ]
    # a former title is not shared
    assert chains_of("市委、市政府原副秘书长张振华出席。") == [
        ("张振华", [("市政府", None, "副秘书长")])
    ]
