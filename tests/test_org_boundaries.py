"""Where an organisation's name starts after the words of a clause, and which body a title
after 兼 or in a list is at (invented names and organisations)."""

from __future__ import annotations

import pytest
from post_triples import posts

from graph.extract.document import extract_document
from graph.extract.orgkeys import unit_parent
from graph.types import Document, Membership


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("会议由区组织部部长张振华主持。", "区组织部"),  # 由区: one token, a preposition glued
        ("会议由区组宣部部长张振华主持。", "区组宣部"),
        ("大会选举产生南京市妇女联合会主席张振华。", "南京市妇女联合会"),  # 产生: tagged a noun
        ("仪式上南京市副市长张振华致辞。", "南京市人民政府"),  # 上 + a place: the clause ends
        ("庆典上肇庆市人民政府副市长张振华致辞。", "肇庆市人民政府"),
    ],
)
def test_a_name_starts_after_the_words_of_the_clause_before_it(text: str, org: str) -> None:
    found = {o for person, _, o in posts(text) if person == "张振华"}
    assert found == {org}


def test_a_name_that_opens_with_a_localiser_word_is_kept_whole() -> None:
    assert ("张振华", "主任", "中关村管委会") in posts("中关村管委会主任张振华出席。")


def test_a_body_after_jian_belongs_to_the_organisation_not_to_the_department() -> None:
    text = "5月4日，东华公司召开大会。公司办公室主任兼工会主席张振华出席。"
    assert ("张振华", "主席", "东华公司工会") in posts(text)


def test_a_party_body_after_jian_stays_at_the_ministry() -> None:
    assert ("张振华", "党组书记", "外交部") in posts("外交部部长兼党组书记张振华出席。")


def test_a_deputy_listed_after_a_body_title_is_at_the_same_body() -> None:
    found = posts("东江县团委书记张振华、副书记李春芳出席。")
    assert {("张振华", "书记", "东江县团委"), ("李春芳", "副书记", "东江县团委")} <= found


def test_another_title_listed_after_a_body_title_is_at_the_organisation() -> None:
    found = posts("东华公司党委书记张振华、总经理李春芳出席。")
    assert ("李春芳", "总经理", "东华公司") in found


@pytest.mark.parametrize(
    ("key", "parent"),
    [("东华公司办公室", "东华公司"), ("投资部", None), ("东华医院", "东华医院")],
)
def test_the_parent_of_an_internal_unit(key: str, parent: str | None) -> None:
    assert unit_parent(key) == parent


def test_a_clause_after_a_name_and_a_comma_is_no_apposition() -> None:
    text = (
        "东江市副市长赵丽华，市委组织部副部长王建国等代表市委任命张振华同志任东江市人民医院院长。"
    )
    found = posts(text)
    assert ("张振华", "院长", "东江市人民医院") in found
    assert not any(p == "赵丽华" and r == "院长" for p, r, _ in found)


def test_an_organisation_after_an_honorific_and_a_conjunction_starts_after_them() -> None:
    text = "东华集团董事长张振华先生和东华混凝土有限公司总经理黄云霞陪同参观。"
    assert ("黄云霞", "总经理", "东华混凝土有限公司") in posts(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("5月4日下午，紫竹高新区团委召开了表彰大会。", "紫竹高新区团委"),
        ("会上，金桥开发区管委会通报了情况。", "金桥开发区管委会"),
    ],
)
def test_a_development_zone_opens_the_names_of_its_bodies(text: str, org: str) -> None:
    x = extract_document(Document.from_text("t.txt", text))
    assert org in {e.label for e in x.entities if e.ref.kind == "org"}


def test_a_body_after_jian_is_the_one_the_article_names_with_its_owner() -> None:
    text = (
        "5月4日下午，紫竹高新区团委召开了表彰大会。"
        "投资部部长兼团委书记张振华、副书记李春芳参加了会议。"
    )
    found = posts(text)
    assert ("张振华", "书记", "紫竹高新区团委") in found
    assert ("李春芳", "副书记", "紫竹高新区团委") in found
    assert ("张振华", "部长", "投资部") in found


def test_a_democratic_partys_committee_is_named_without_its_term() -> None:
    text = (
        "在民进东江市第八届委员会第一次全体会议上，选举产生了新一届领导班子："
        "张振华当选为主任委员，李春芳、王建国当选为副主任委员。"
    )
    found = posts(text)
    assert ("张振华", "主任委员", "民进东江市委员会") in found
    assert {p for p, r, _ in found if r == "副主任委员"} == {"李春芳", "王建国"}


def test_a_schools_committee_after_a_glued_verb_is_the_articles_university() -> None:
    text = (
        "3月10日下午，东华大学机关教职工大会隆重举行。"
        "参加大会的有校党委书记张振华，副书记李春芳、王建国，副校长赵丽华。"
    )
    found = posts(text)
    assert ("张振华", "书记", "东华大学党委") in found
    assert {p for p, r, o in found if (r, o) == ("副书记", "东华大学党委")} == {"李春芳", "王建国"}


def test_a_verb_of_the_brand_before_a_company_form_stays_in_the_name() -> None:
    found = posts("代表学校向东江澳海控股有限公司董事长李春芳表示欢迎。")
    assert found == {("李春芳", "董事长", "东江澳海控股有限公司")}
    found = posts("东江骆氏减震件有限公司总经理骆远庆出席。")
    assert found == {("骆远庆", "总经理", "东江骆氏减震件有限公司")}


def test_a_preposition_glued_to_a_hospitals_pointer_opens_its_committee() -> None:
    found = posts("东江市第二人民医院迎来考察团。在院党委书记贺明远的陪同下，考察团参观了医院。")
    assert found == {("贺明远", "书记", "东江市第二人民医院党委")}


def test_a_preposition_glued_to_a_names_first_characters_opens_it() -> None:
    found = posts("会议由东江集团驻东华医学院工作组组长李远泉主持。")
    assert found == {("李远泉", "组长", "东江集团驻东华医学院工作组")}
    found = posts("东华街道召开会议，会议由街党工委书记林川泉主持。")
    assert {o for _, _, o in found} == {"街党工委"}


def test_a_campaigns_group_is_named_with_the_campaign() -> None:
    found = posts("东江省委保持共产党员先进性教育督导组组长张川武出席了欢迎仪式。")
    assert found == {("张川武", "组长", "东江省委保持共产党员先进性教育督导组")}
    found = posts("会议由东江省科技厅党的群众路线教育实践活动领导小组副组长张远帆主持。")
    assert found == {("张远帆", "副组长", "东江省科技厅党的群众路线教育实践活动领导小组")}


def test_a_rare_preposition_opening_a_place_name_stays_in_it() -> None:
    assert posts("鉴华镇人大主席张振华出席。") == {("张振华", "主席", "鉴华镇人大")}


def test_a_measure_word_after_a_number_opens_no_township() -> None:
    found = posts("东华镇召开人代会，49名镇人大代表出席。张振华当选为镇长，胡文成当选为副镇长。")
    assert {org for _, _, org in found} == {"东华镇人民政府"}, found


def test_a_captions_opening_words_name_no_place() -> None:
    found = posts(
        "东江市委常委、东华区委书记张振华调研。\n图为市委常委、东华区委书记张振华在座谈。"
    )
    assert found == {("张振华", "常委", "东江市委"), ("张振华", "书记", "东华区委")}, found


def test_a_preparatory_committee_is_named_by_its_ending() -> None:
    assert posts("东华同乡会召开会议。会议由筹委会秘书长张振华主持。") == {
        ("张振华", "秘书长", "筹委会")
    }


def test_the_party_committee_of_an_organisations_offices_is_a_body_of_it() -> None:
    assert posts("东江市委统战部机关党委书记张振华、秘书长胡文成出席。") == {
        ("张振华", "书记", "东江市委统战部机关党委"),
        ("胡文成", "秘书长", "东江市委统战部"),
    }


def test_a_partys_committee_written_as_weihui_keeps_its_hui() -> None:
    assert posts("民盟东江市委会主委张振华出席。") == {("张振华", "主委", "民盟东江市委会")}


def test_a_verb_that_names_a_unit_stays_in_its_name() -> None:
    assert posts("东江区综合行政执法局东华执法中队中队长张振华出席。") == {
        ("张振华", "中队长", "东江区综合行政执法局东华执法中队")
    }


def test_an_office_the_dictionary_reads_as_a_verb_stays_in_the_name() -> None:
    assert posts("国务院侨办东华司司长张振华出席。") == {("张振华", "司长", "国务院侨办东华司")}


def test_a_headline_from_a_place_to_an_ending_through_a_name_is_no_organisation() -> None:
    found = posts(
        "东华大学胡文成书记调研环境学院\n7月11日上午，东华大学党委书记胡文成一行来环境科学与工程学院调研。"
        "院长张振华教授、学院党委书记李春芳教授代表环境学院向胡文成书记汇报了工作。"
    )
    orgs = {o for _, _, o in found}
    assert not any("书记" in o or "调研" in o for o in orgs), found


def test_a_verb_between_a_place_and_an_organisations_ending_is_part_of_its_name() -> None:
    found = posts("活动伊始，东江区梅陇镇虹梅同心关爱服务中心党支部书记林晓峰出席。")
    assert ("林晓峰", "党支部书记", "东江区梅陇镇虹梅同心关爱服务中心") in found, found
    assert ("林晓峰", "主任", "服务中心") in posts("记者采访服务中心主任林晓峰。")


def test_an_acting_head_after_the_government_is_its_acting_head() -> None:
    assert ("林晓峰", "代区长", "东江区政府") in posts("东江区政府代区长林晓峰出席。")


def test_a_zones_committee_after_its_party_working_committee_is_the_zones() -> None:
    found = posts("东江市委常委、东江经开区党工委书记、管委会主任林晓峰介绍情况。")
    assert ("林晓峰", "主任", "东江经开区管委会") in found, found


def test_a_groups_representative_is_not_part_of_the_company_name() -> None:
    found = posts("企业代表东江市东华化工有限公司董事长林晓峰作了发言。")
    assert found == {("林晓峰", "董事长", "东江市东华化工有限公司")}, found
    on_behalf = posts("院长周立平代表东华学院向林晓峰书记汇报。")
    assert not any(p.startswith("向") for p, _, _ in on_behalf), on_behalf


def test_a_unit_named_after_a_publication_keeps_its_title_marks() -> None:
    found = posts(
        "嘉宾包括：《东华》杂志社社长陈思远、副总经理胡文成，东江经济日报副总编辑贺明远。"
    )
    assert ("陈思远", "社长", "《东华》杂志社") in found, found
    assert ("胡文成", "副总经理", "《东华》杂志社") in found, found


def test_a_paper_named_without_daily_or_evening_is_one_with_a_papers_title() -> None:
    found = posts("会上，东江青报董事长、社长林晓峰讲话，东江导报总编辑周立平主持。")
    assert {
        ("林晓峰", "董事长", "东江青报"),
        ("林晓峰", "社长", "东江青报"),
        ("周立平", "总编辑", "东江导报"),
    } <= found, found


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("东华创新及科技局副局长张振华出席。", "东华创新及科技局"),  # a verb joined to a noun
        ("在创新及科技局副局长张振华陪同下，议员参观。", "创新及科技局"),
        ("东华市发改委就业和收入分配处处长张振华出席。", "东华市发改委就业和收入分配处"),
        ("东华商务部对外投资和经济合作司司长张振华出席。", "东华商务部对外投资和经济合作司"),
    ],
)
def test_verbs_joined_by_a_conjunction_in_a_name_are_part_of_it(text: str, org: str) -> None:
    assert {o for person, _, o in posts(text) if person == "张振华"} == {org}


def test_a_short_name_in_brackets_after_a_name_is_its_alias() -> None:
    text = "东华数码港管理有限公司（数码港）行政总裁张振华出席。数码港公众使命总监林晓峰致辞。"
    x = extract_document(Document.from_text("t.txt", text))
    entity = {e.ref: e for e in x.entities}
    held = {
        entity[f.person].label: {entity[f.org].label, *entity[f.org].aliases}
        for f in x.facts
        if isinstance(f, Membership)
    }
    assert "东华数码港管理有限公司" in held["张振华"]
    assert held["林晓峰"] == held["张振华"]
    assert "数码港" in held["张振华"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("会长致送纪念品予贵州省副省长张振华。", "贵州省人民政府"),  # 予: a preposition
        ("会董林晓峰、罗台秦及玩具业委员会主席张振华等出席。", "玩具业委员会"),  # a listed name
        ("东华局局长林晓峰、国际和地区关系处处长张振华出席。", "国际和地区关系处"),  # a word
        ("交接仪式由经济部政务次长张振华监交。", "经济部"),  # a vice-minister
        ("县府考量再三，指派农业处副处长张振华担任代理乡长。", "农业处"),  # 指派: tagged a noun
        ("12月28日下午，审计署东华审计司副司长张振华到东江调研。", "审计署东华审计司"),
        ("东江市审计局总审计师张振华介绍经验。", "东江市审计局"),  # a chief officer
    ],
)
def test_a_name_starts_after_a_clause_s_object_or_a_listed_name(text: str, org: str) -> None:
    assert {o for person, _, o in posts(text) if person == "张振华"} == {org}


def test_a_level_before_a_word_and_a_conjunction_is_no_family_name() -> None:
    found = posts("东华区护理学会召开大会。区卫生和计划生育局林晓峰副局长、陈思远副科长出席。")
    assert found == {
        ("林晓峰", "副局长", "区卫生和计划生育局"),
        ("陈思远", "副科长", "区卫生和计划生育局"),
    }, found


def test_a_short_association_name_before_huizhang() -> None:
    found = posts("东华律协会长林晓峰、副会长陈思远及各专业委员会主任热情接待了客人。")
    assert found == {("林晓峰", "会长", "东华律协"), ("陈思远", "副会长", "东华律协")}, found


def test_a_company_after_a_verb_is_no_unit_of_the_group_before_it() -> None:
    found = posts("工厂一度停产，飞龙集团派驻西岭钢铁股份公司总经理陈国军被殴打。")
    assert found == {("陈国军", "总经理", "西岭钢铁股份公司")}, found


def test_a_conjunction_after_a_titled_name_is_the_lists_not_the_names() -> None:
    found = posts("出席的有东华大学校长林晓峰教授及东华医学院院长陈思远教授。")
    assert ("陈思远", "院长", "东华医学院") in found, found
    assert not any("林晓峰" in org for _, _, org in found), found


def test_a_bracket_inside_an_offices_name() -> None:
    found = posts(
        "东华省政府副秘书长林晓峰及港澳事务办公室主任兼外事（侨务）办副主任陈思远等出席。"
    )
    assert ("陈思远", "副主任", "外事（侨务）办") in found, found
    assert ("陈思远", "主任", "港澳事务办公室") in found, found


def test_a_visiting_party_ends_before_the_hosts_it_meets() -> None:
    found = posts("东华大学校友会行政人员一行与高等教育辅助办公室主任林晓峰合影。")
    assert found == {("林晓峰", "主任", "高等教育辅助办公室")}


def test_a_verb_and_a_noun_joined_by_ji_open_a_bureaus_name() -> None:
    found = posts("代表团成员包括推广科技及商贸局局长林晓峰、东华及物流局局长陈思远。")
    assert found == {
        ("林晓峰", "局长", "推广科技及商贸局"),
        ("陈思远", "局长", "东华及物流局"),
    }, found
    # a listing verb inside the clause is no part of the name after it
    assert posts("访问的官员包括商贸及科技局局长林晓峰。") == {("林晓峰", "局长", "商贸及科技局")}


def test_a_word_tagged_a_verb_names_a_head_office_and_a_customs_house_has_a_head() -> None:
    found = posts("出席者包括警察总局局长林晓峰、东华海关关长陈思远。")
    assert found == {("林晓峰", "局长", "警察总局"), ("陈思远", "关长", "东华海关")}, found


def test_graded_chiefs_of_forests_and_rivers_are_the_regions_of_their_grade() -> None:
    found = posts(
        "东华市政协副主席、市级林长林晓峰到西岭县督导。西岭县委常委、统战部部长、县级河长陈思远陪同。"
    )
    assert {
        ("林晓峰", "副主席", "东华市政协"),
        ("林晓峰", "市级林长", "东华市"),
        ("陈思远", "常委", "西岭县委"),
        ("陈思远", "县级河长", "西岭县"),
    } <= found, found


def test_the_verb_of_appointing_opens_no_organisations_name() -> None:
    found = posts("政府昨公布再委任东华管理局现任主席林晓峰，任期两年。")
    assert ("林晓峰", "主席", "东华管理局") in found, found
