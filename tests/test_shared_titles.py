"""Titles shared, inherited or written around the name (invented names and organisations):
organisations listed before one title, a department after a title at its region, a title
after the name, a past term, a federation's short form, and bylines under a source line."""

from __future__ import annotations

from post_triples import posts as _posts


def test_organisations_listed_before_one_title_each_hold_it() -> None:
    posts = _posts("青松市召开安全生产会议。市委、市政府副秘书长张振华主持会议。")
    assert ("张振华", "副秘书长", "青松市委") in posts
    assert ("张振华", "副秘书长", "青松市政府") in posts


def test_a_department_after_a_title_at_a_region_is_that_regions() -> None:
    posts = _posts("会上，湖滨市副市长、公安局长张振华致欢迎词。")
    assert ("张振华", "局长", "湖滨市公安局") in posts
    posts = _posts("东江县委常委、教育局局长李春芳出席会议。")
    assert ("李春芳", "局长", "东江县教育局") in posts


def test_verbs_and_conjunctions_before_a_chain_are_not_the_organisation() -> None:
    posts = _posts("会议任命县委副书记张振华同志为县人民政府副县长。")
    assert ("张振华", "副书记", "县委") in posts
    posts = _posts("要认真贯彻落实省高院党组书记、院长李春芳的要求。")
    assert ("李春芳", "院长", "省高院") in posts
    posts = _posts("区政府副区长张振华及区卫健委党组书记、主任李春芳出席。")
    assert ("李春芳", "主任", "区卫健委") in posts


def test_a_title_written_after_the_name_is_at_the_organisation_before_it() -> None:
    posts = _posts("市人大张振华副主任、市委宣传部李春芳副部长等领导出席开幕式。")
    assert ("张振华", "副主任", "市人大") in posts
    assert ("李春芳", "副部长", "市委宣传部") in posts
    # a title before the name already holds it: the second title is no post of that body
    assert _posts("省委书记张振华省长李春芳出席。") == {("张振华", "书记", "省委")}


def test_a_past_term_makes_every_title_of_the_chain_a_former_post() -> None:
    text = "青松市书法家协会代表大会召开。上届书协副主席、代秘书长张振华作工作报告。"
    assert _posts(text) == set()
    assert {(p, r) for p, r, _ in _posts(text, former=True)} == {
        ("张振华", "副主席"),
        ("张振华", "代秘书长"),  # an acting title, as 某市代市长 is
    }


def test_a_past_term_before_a_level_and_a_body_is_a_former_post() -> None:
    text = "会议开幕，上届区妇联主席张振华传达了讲话精神。"
    assert _posts(text) == set()
    assert {(p, r) for p, r, _ in _posts(text, former=True)} == {("张振华", "主席")}


def test_a_federation_short_form_is_the_articles_association() -> None:
    posts = _posts(
        "南京市书法家协会第四次代表大会召开。会议推举张振华同志担任本届书协主席。"
        "新当选的书协李春芳副主席带领新班子成员与代表见面。"
    )
    assert ("张振华", "主席", "南京市书法家协会") in posts
    assert ("李春芳", "副主席", "南京市书法家协会") in posts


def test_a_head_of_a_yuan_written_with_one_character() -> None:
    assert _posts("行政院长张振华昨天出席活动。") == {("张振华", "院长", "行政院")}


def test_a_byline_opening_a_paragraph_is_a_post_of_the_paper_of_the_source_line() -> None:
    text = "來源：自由時報\n〔記者張振華／台北報導〕行政院長李春芳昨天出席活動。"
    posts = _posts(text)
    assert ("張振華", "记者", "自由時報") in posts  # role keys are simplified
    assert ("李春芳", "院长", "行政院") in posts  # the bracket ends the byline
    # no source line: the reporter is a person, not a post
    assert not any(p[1] == "记者" for p in _posts("（记者张振华）会议召开。"))


def test_a_name_opening_a_clause_before_an_election_verb_is_read() -> None:
    text = "東華潮人總會第四屆會董就職典禮今晚舉行。周厚澄榮膺新一屆主席。"
    assert ("周厚澄", "主席", "東華潮人總會") in _posts(text)


def test_a_government_title_alone_is_at_the_government_of_the_articles_region() -> None:
    text = "苏州召开全市安全生产工作会议\n3月5日，全市安全生产工作会议召开。副市长张振华出席。"
    assert _posts(text) == {("张振华", "副市长", "苏州市人民政府")}
    # no region of that level in the article: no post
    assert _posts("3月5日，某某公司召开会议。副县长张振华出席。") == set()


def test_a_name_between_an_organisation_and_its_title_is_read() -> None:
    posts = _posts("市人大张振华副主任、政协李春芳副主席等领导出席。")
    assert ("张振华", "副主任", "市人大") in posts
    assert ("李春芳", "副主席", "政协") in posts
    # parts of a title or of a word are no names
    posts = _posts("东华公司党委副书记张振华、县直相关部门主要负责人出席。")
    assert {p for p, _, _ in posts} == {"张振华"}


def test_a_post_held_at_the_time_is_a_former_post() -> None:
    text = "会议由时任东华县联社党委书记、理事长张振华主持。"
    assert _posts(text) == set()
    assert {(p, r) for p, r, _ in _posts(text, former=True)} == {
        ("张振华", "书记"),
        ("张振华", "理事长"),
    }


def test_a_districts_committee_and_its_supervisory_committee_are_two_bodies() -> None:
    found = _posts(
        "东江区召开会议。区委常委、副区长黄远霞，区委常委、纪委书记、监委主任沈远峰列席会议。"
    )
    assert found == {
        ("黄远霞", "常委", "东江区委"),
        ("黄远霞", "副区长", "东江区人民政府"),
        ("沈远峰", "常委", "东江区委"),
        ("沈远峰", "书记", "东江区纪委"),
        ("沈远峰", "主任", "东江区监委"),
    }


def test_an_acting_title_opening_an_element_is_acting() -> None:
    found = _posts("9月27日上午，东江市委书记张振华、代市长李春芳在行政中心会见了来宾。")
    assert ("李春芳", "代市长", "东江市人民政府") in found
    assert not any(o.startswith("代") for _, _, o in found)


def test_a_committee_secretary_glued_to_the_head_of_government_is_two_titles() -> None:
    found = _posts("东江县人民医院奠基。县委书记岑立山同志、县委副书记县长王远玉同志出席。")
    assert {(r, o) for p, r, o in found if p == "王远玉"} == {
        ("副书记", "东江县委"),
        ("县长", "东江县人民政府"),
    }


def test_a_head_of_government_written_after_the_party_committee_is_the_governments() -> None:
    found = _posts("东江县召开会议。县委常务副县长张云花主持会议。")
    assert found == {("张云花", "常务副县长", "东江县人民政府")}


def test_a_townships_body_after_a_title_at_its_party_committee() -> None:
    found = _posts(
        "东华镇召开党委会\n东华镇党委委员、武装部部长张振华，镇党委副书记、人大主席胡文成参加会议。"
    )
    assert {("张振华", "部长", "东华镇武装部"), ("胡文成", "主席", "东华镇人大")} <= found, found


def test_an_organisation_spoken_for_by_another_titled_person_shares_no_title() -> None:
    found = _posts(
        "9月23日，东华电业局长林晓峰代表省电力公司、西岭县长陈思远代表西岭县政府，双方签署协议。"
    )
    assert found == {("林晓峰", "局长", "东华电业局"), ("陈思远", "县长", "西岭县人民政府")}


def test_a_deputy_after_a_place_bodys_head_is_the_bodys_deputy() -> None:
    found = _posts("市妇联党组书记、主席林晓峰，副主席陈思远出席。")
    assert ("陈思远", "副主席", "市妇联") in found, found
