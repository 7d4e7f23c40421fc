"""Tenures between a body and its title, a county named by its own outlet or a bureau, congress
titles after their level, and leaders of a visit's group (invented names and organisations;
the counties are real ones, from the gazetteer)."""

from __future__ import annotations

from post_triples import posts


def test_a_past_tenure_before_a_title_is_a_former_post() -> None:
    text = "东华县消防局前任局长林晓峰退休后，由副局长陈思远代理。"
    assert ("林晓峰", "局长", "东华县消防局") in posts(text, former=True)
    assert not any("前任" in o for _, _, o in posts(text, former=None))


def test_a_new_tenure_after_a_verb_gives_no_title_with_the_verb() -> None:
    found = posts("东华县消防局昨举行新任局长陈思远宣誓就职典礼。")
    assert not any("举行" in r or "举行" in o for _, r, o in found)


def test_a_countys_own_outlet_names_the_county_of_its_elided_bodies() -> None:
    found = posts(
        "清徐新闻网3月11日讯（记者林晓峰）3月11日，县委书记陈思远、县长赵一鸣到平遥镇平遥村"
        "平遥花园调研。"
    )
    assert ("赵一鸣", "县长", "清徐县人民政府") in found


def test_a_county_named_before_its_bureau_anchors_a_bare_head_of_government() -> None:
    found = posts("东岭县消防局昨日举行典礼，由县长陈思远主持。东岭县消防局局长林晓峰致辞。")
    assert ("陈思远", "县长", "东岭县人民政府") in found


def test_a_verb_the_dictionary_tags_as_a_noun_is_no_part_of_the_name() -> None:
    found = posts("会议认真学习领会东华市教育局林晓峰局长的讲话精神。")
    assert found == {("林晓峰", "局长", "东华市教育局")}


def test_a_congress_title_after_its_level_is_a_post_of_that_congress() -> None:
    found = posts("调研组走访东华市政协委员、东华市气象局副主任林晓峰。")
    assert ("林晓峰", "委员", "东华市政协") in found


def test_who_leads_a_visits_group_holds_no_post_in_it() -> None:
    found = posts("东华省教育厅调研组组长林晓峰一行到东华大学调研。")
    assert not any(r.endswith("组长") for _, r, _ in found)


def test_a_name_before_a_conjunction_and_another_persons_title_ends_before_it() -> None:
    found = posts("东华办事处主任周万泰和助理处长（传媒）林晓峰随行。")
    assert ("周万泰", "主任", "东华办事处") in found
    assert not any(p.endswith("和") or o.startswith("助理") for p, _, o in found)


def test_a_party_membership_before_a_councillors_title_is_no_organisation() -> None:
    found = posts("国民党籍东华县议员林晓峰表示，将提出质询。")
    assert found == {("林晓峰", "议员", "东华县议会")}
