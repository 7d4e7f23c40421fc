"""A body's term and its lists: a new council is its association, titles listed under a heading
that names the association are its, honorary and invited titles, an organisation's second name
in brackets, and the words before an elided name (invented names and organisations; the cities
are real ones, from the gazetteer)."""

from __future__ import annotations

from post_triples import posts


def test_titles_under_a_heading_that_names_the_body_are_its_titles() -> None:
    found = posts(
        "东华市书画协会换届。原市政协主席林晓峰出席。\n"
        "按照章程，新一届东华市书画协会的具体当选名单为：\n"
        "名誉主席：林晓峰；\n副主席：陈思远、赵一鸣；\n特邀副主席：胡文成。"
    )
    assert {(p, r) for p, r, o in found if o == "东华市书画协会"} == {
        ("林晓峰", "名誉主席"),
        ("陈思远", "副主席"),
        ("赵一鸣", "副主席"),
        ("胡文成", "特邀副主席"),
    }


def test_a_new_council_elected_is_its_association() -> None:
    found = posts(
        "昨日，湖州棋界代表齐聚。会上选举产生了市棋类协会新一届委员会，林晓峰当选主席，"
        "陈思远当选会长。"
    )
    assert found == {
        ("林晓峰", "主席", "湖州市棋类协会"),
        ("陈思远", "会长", "湖州市棋类协会"),
    }


def test_the_present_term_before_a_body_is_no_part_of_its_name() -> None:
    found = posts("新一届东华棋协主席林晓峰致辞。")
    assert found == {("林晓峰", "主席", "东华棋协")}


def test_honorary_and_invited_titles_are_read_whole() -> None:
    found = posts("东华棋协名誉副主席林晓峰、特邀副会长陈思远出席。")
    assert ("林晓峰", "名誉副主席", "东华棋协") in found
    assert {r for p, r, _ in found if p == "陈思远"} == {"特邀副会长"}


def test_an_organisations_second_name_in_brackets_is_part_of_its_name() -> None:
    found = posts(
        "东华文物局博物馆处（科技处）处长林晓峰，东华博物馆（东华纪念馆）党委书记陈思远出席。"
    )
    assert ("林晓峰", "处长", "东华文物局博物馆处（科技处）") in found
    assert any(p == "陈思远" and o.startswith("东华博物馆（东华纪念馆）") for p, _, o in found)


def test_a_city_named_by_a_stem_ending_in_zhou_anchors_elided_names() -> None:
    found = posts(
        "（记者林晓峰）昨日，市象棋协会举行年会，市体育局局长陈思远出席。\n"
        "陈思远说，欢迎各地棋友到湖州交流，来自湖州的棋手成绩优异。"
    )
    assert ("陈思远", "局长", "湖州市体育局") in found


def test_a_word_before_an_elided_name_is_no_city() -> None:
    found = posts(
        "（记者林晓峰）昨日，湖州市象棋协会举行年会，副市长陈思远出席。"
        "陈思远代表市政府致辞，赵一鸣落实市委部署。湖州棋手成绩优异。"
    )
    orgs = {o for _, _, o in found}
    assert not any(o.startswith(("代表", "落实")) for o in orgs)
    assert ("陈思远", "副市长", "湖州市人民政府") in found


def test_the_council_an_election_produced_gives_no_titles_to_the_next_name() -> None:
    found = posts(
        "会议选举产生了东华市书画协会第六届理事会理事，林晓峰当选新一届东华市书画协会主席。"
    )
    assert found == {("林晓峰", "主席", "东华市书画协会")}


def test_a_graded_rank_after_another_title_keeps_the_chain() -> None:
    found = posts("参加活动的还有东华市体育局党组成员、四级调研员林晓峰。")
    assert ("林晓峰", "党组成员", "东华市体育局") in found


def test_a_county_the_dictionary_knows_as_a_place_holds_its_head() -> None:
    found = posts("名山县长林晓峰等人与会。")
    assert {(p, r) for p, r, o in found if o.startswith("名山县")} == {("林晓峰", "县长")}


def test_a_title_without_a_body_joined_by_ji_keeps_the_next_title() -> None:
    found = posts("资深顾问暨东华商会联合总会名誉总会长林晓峰出席。")
    assert found == {("林晓峰", "名誉总会长", "东华商会联合总会")}


def test_a_hosts_verbs_before_a_guests_title_are_no_part_of_it() -> None:
    found = posts("东华市长林晓峰在东华集团总部设宴欢迎国务委员兼东华部部长陈思远。")
    assert not any("欢迎" in r for _, r, _ in found)


def test_a_second_name_in_brackets_after_a_one_character_ending() -> None:
    found = posts("受到东华市贸促会（国际商会）会长林晓峰热情接待。")
    assert found == {("林晓峰", "会长", "东华市贸促会（国际商会）")}


def test_diplomatic_ranks_after_names_share_the_missions_name() -> None:
    found = posts("东华总领馆林晓峰领事、陈思远三秘、赵一鸣随员参加会见。")
    assert {(p, r) for p, r, _ in found} == {
        ("林晓峰", "领事"),
        ("陈思远", "三秘"),
        ("赵一鸣", "随员"),
    }


def test_a_council_named_before_a_title_in_a_chain_is_the_body() -> None:
    found = posts("东华市供销社党组书记、理事会主任林晓峰，党组成员、理事会副主任陈思远出席。")
    assert {
        ("林晓峰", "党组书记", "东华市供销社"),
        ("林晓峰", "主任", "东华市供销社理事会"),
        ("陈思远", "副主任", "东华市供销社理事会"),
    } <= found


def test_a_new_term_written_before_a_towns_body_is_no_part_of_the_town() -> None:
    found = posts(
        "东华镇第十八届人民代表大会第一次会议召开。大会选举产生了新一届镇人大主席团，"
        "林晓峰当选镇人大主席，陈思远当选镇长。"
    )
    assert ("陈思远", "镇长", "东华镇人民政府") in found
    assert not any("届" in o for _, _, o in found)


def test_a_list_announced_after_its_title_and_a_colon_includes_every_name() -> None:
    found = posts("东华棋协副会长包括：林晓峰、陈思远和赵一鸣。")
    assert {p for p, r, o in found if r == "副会长" and o == "东华棋协"} == {
        "林晓峰",
        "陈思远",
        "赵一鸣",
    }


def test_the_members_of_an_executive_council_listed_after_its_convener() -> None:
    found = posts(
        "候任行政長官周立平公布新一屆行政會議成員名單。林曉峰將出任行政會議召集人，"
        "其餘非官守議員包括：陳思遠、趙一鳴和錢國棟。"
    )
    assert ("林曉峰", "召集人", "行政會議") in found
    assert {p for p, r, _ in found if r == "非官守议员"} == {"陳思遠", "趙一鳴", "錢國棟"}


def test_an_election_by_a_unanimous_vote() -> None:
    found = posts("林晓峰以全票当选东华镇人民政府镇长，陈思远以高票当选副镇长。")
    assert {("林晓峰", "镇长", "东华镇人民政府"), ("陈思远", "副镇长", "东华镇人民政府")} <= found


def test_a_name_ending_in_cheng_before_wei_in_a_list_of_appointments() -> None:
    found = posts("会议任命林晓峰为东华市财政局局长；孙文成为东华市交通委员会主任。")
    assert ("孙文成", "主任", "东华市交通委员会") in found
