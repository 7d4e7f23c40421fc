"""Names without a common family name after a title, transliterations, Latin titles (invented)."""

from __future__ import annotations

import pytest
from post_triples import posts

from graph.extract.document import extract_document
from graph.extract.people import is_transliteration, titled_name
from graph.types import Document, Membership


def _posts(text: str) -> set[tuple[str, str, str]]:
    x = extract_document(Document.from_text("d.txt", text))
    labels = {e.ref: e.label for e in x.entities}
    return {
        (labels[f.person], labels[f.role], labels[f.org])
        for f in x.facts
        if isinstance(f, Membership)
    }


def _people(text: str) -> list[str]:
    x = extract_document(Document.from_text("d.txt", text))
    return sorted(e.label for e in x.entities if e.ref.kind == "person")


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("红星足球俱乐部主教练奥斯卡在赛后表示满意。", ("奥斯卡", "主教练", "红星足球俱乐部")),
        (
            "北方国防部发言人彼得·沃尔科夫表示，演习将如期举行。",
            ("彼得·沃尔科夫", "发言人", "北方国防部"),
        ),
        ("蓝海软件有限公司CEO张晓东表示，公司将扩大投资。", ("张晓东", "CEO", "蓝海软件有限公司")),
    ],
)
def test_the_model_name_after_a_title_holds_the_post(text: str, post: tuple[str, str, str]) -> None:
    assert post in _posts(text)


def test_the_last_part_of_a_transliteration_is_no_person_of_its_own() -> None:
    people = _people("北方国防部发言人彼得·沃尔科夫表示，演习将如期举行。")
    assert people == ["彼得·沃尔科夫"]


def test_words_after_a_title_are_no_name() -> None:
    text = "新任市长宣誓就职，随后主持会议。"
    assert not titled_name(text, 4, 8)
    assert "宣誓就职" not in _people(text)


def test_transliterations_are_parts_of_characters_joined_by_a_name_dot() -> None:
    assert is_transliteration("彼得·沃尔科夫") and is_transliteration("安娜•卡列尼娜")
    assert not is_transliteration("彼得·") and not is_transliteration("北京·朝阳")


def test_a_name_the_model_knows_then_a_modifier_of_the_title() -> None:
    """蓝鲸乐居 has no organisation ending; the model's ORG confirms it, 豪宅 goes to the title."""
    posts = _posts("蓝鲸乐居豪宅主编周文涛认为，市场将回暖。")
    assert ("周文涛", "豪宅主编", "蓝鲸乐居") in posts


@pytest.mark.parametrize("name", ["John Smith", "JohnSmith"])
def test_a_latin_name_after_a_title_holds_the_post(name: str) -> None:
    assert (name, "市场总监", "星海软件") in _posts(
        f"星海软件市场总监{name}表示，新品将在下月发布。"
    )


def test_a_latin_word_is_no_name_without_a_title_before_it() -> None:
    assert _people("星海软件发布了新品Galaxy，销量很好。") == []


def test_a_news_outlet_the_model_reads_with_the_title_after_it() -> None:
    """The model's ORG 澎湃新闻记者 swallows the title; its first word (澎湃) reads as a verb."""
    posts = _posts("澎湃新闻记者张晓东从法院获悉，案件将于下月开庭。")
    assert ("张晓东", "记者", "澎湃新闻") in posts


def test_titles_after_a_model_name_in_brackets_after_a_comma_and_after_spaces() -> None:
    posts = _posts(
        "东华论坛举行\n\n出席论坛的嘉宾有张振华（南岭大学党委书记）、李春芳（东华市副市长）。"
        "会议邀请了孙立群，北川大学校长；赵德明，东华市人民医院院长。\n"
        "主持人：钱卫东　南岭大学副校长\n"
    )
    assert ("张振华", "书记", "南岭大学党委") in posts
    assert ("李春芳", "副市长", "东华市人民政府") in posts
    assert not any(p[0] == "李春芳" and p[1] == "书记" for p in posts)  # A（…）、B: not shared
    assert ("孙立群", "校长", "北川大学") in posts
    assert ("赵德明", "院长", "东华市人民医院") in posts
    assert ("钱卫东", "副校长", "南岭大学") in posts


def test_a_title_after_a_name_owned_by_an_organisation() -> None:
    posts = _posts("东华论坛举行\n\n南岭大学的张振华校长、东华医院的李春芳院长出席论坛。")
    assert ("张振华", "校长", "南岭大学") in posts
    assert ("李春芳", "院长", "东华医院") in posts


def test_a_title_written_after_a_full_name_as_an_honorific_is_the_subjects() -> None:
    found = posts(
        "东江市第二人民医院迎来考察团。在胡文成主任、周立平副院长的陪同下，考察团参观了医院。"
    )
    assert ("周立平", "副院长", "东江市第二人民医院") in found
    assert posts("东江公司迎来考察团。张振华董事长一行参观了车间。") == {
        ("张振华", "董事长", "东江公司")
    }


def test_an_honorific_restating_a_title_already_stated_gives_no_other_post() -> None:
    found = posts("团省委书记张振华一行来到东江县委政法委调研。张振华书记一行首先来到东衡村。")
    assert {(r, o) for p, r, o in found if p == "张振华"} == {("书记", "团省委")}


def test_an_honorific_before_a_reporting_verb_and_none_for_a_title_held_elsewhere() -> None:
    found = posts("东江市中医医院召开大会。会上，胡文成院长表示，将继续努力。")
    assert found == {("胡文成", "院长", "东江市中医医院")}
    found = posts("东江医院聘请东华大学附属医院周立平教授为客座教授。周立平教授表示感谢。")
    assert ("周立平", "教授", "东江医院") not in found


def test_a_title_after_a_name_is_not_held_at_an_organisation_that_cannot_hold_it() -> None:
    found = posts("东江市人民政府张振华市长莅临慰问。在东华银行东江分行张振华市长听取了汇报。")
    assert found == {("张振华", "市长", "东江市人民政府")}, found


def test_a_title_after_a_name_before_a_report_is_an_honorific() -> None:
    found = posts("东华商会召开会员大会。会员大会由张振华会长主持，胡文成理事长作理事会报告。")
    assert found == {("张振华", "会长", "东华商会"), ("胡文成", "理事长", "东华商会")}, found


def test_an_unusual_name_after_a_title_and_a_bracketed_aside() -> None:
    found = posts("日本以东江县议员（原议长）增田刚为首的考察团一行五人来访。")
    assert found == {("增田刚", "议员", "东江县议会")}, found


def test_a_qualifier_before_a_title_is_the_titles_not_the_organisations() -> None:
    found = posts("东江省作协党组成员、专职副主席、东江网络作家协会主席林晓峰出席。")
    assert ("林晓峰", "专职副主席", "东江省作协") in found, found
    assert ("林晓峰", "主席", "东江网络作家协会") in found, found


def test_a_title_a_unit_cannot_hold_goes_back_to_the_organisation_before_it() -> None:
    found = posts("东江省作协党组书记、书记处第一书记、副主席林晓峰出席。")
    assert ("林晓峰", "副主席", "东江省作协") in found, found


def test_a_procurators_rank_after_a_committee_title_is_the_procuratorates() -> None:
    found = posts(
        "免去林晓峰同志的东江区人民检察院副检察长、检察委员会委员、检察员职务。", former=None
    )
    assert ("林晓峰", "检察员", "东江区人民检察院") in found, found


def test_a_title_after_a_preposition_following_another_persons_name() -> None:
    found = posts("东华区委书记林晓峰在区长陈思远的陪同下调研。")
    assert ("陈思远", "区长", "东华区人民政府") in found


def test_titles_listed_after_a_name_and_a_comma() -> None:
    found = posts("林晓峰，东华集团党委书记、董事长，出席会议。")
    assert {("林晓峰", "书记", "东华集团党委"), ("林晓峰", "董事长", "东华集团")} <= found


def test_units_names_and_titles_listed_after_the_verb_that_lists_them() -> None:
    found = posts(
        "东华大学出席人员还有教务处林晓峰处长、发展规划处孟宇处长、人文学院陈思远院长、"
        "周立平助理院长及人事处赵一鸣处长。"
    )
    assert {
        ("林晓峰", "处长", "教务处"),
        ("孟宇", "处长", "发展规划处"),  # the segmenter glued 处 to the name
        ("陈思远", "院长", "人文学院"),
        ("周立平", "助理院长", "人文学院"),
        ("赵一鸣", "处长", "人事处"),  # after 及 and the titled name before it
    } <= found, found
    assert not any("还有" in org for _, _, org in found)


def test_a_party_secretary_named_before_his_title_and_a_university_short_name() -> None:
    found = posts(
        "东华大学林晓峰党委书记一行到访西岭科技大学，获西科大周立平校监、陈思远副校长等接待。"
    )
    assert {
        ("林晓峰", "党委书记", "东华大学"),
        ("周立平", "校监", "西科大"),
        ("陈思远", "副校长", "西科大"),
    } <= found, found
    assert posts("政府委任林晓峰为东华理工大学校董会主席。理大校长周立平欢迎。") >= {
        ("林晓峰", "主席", "东华理工大学校董会"),
        ("周立平", "校长", "理大"),
    }


def test_a_text_ending_with_a_name_and_its_title_does_not_fail() -> None:
    assert posts("获东华大学林晓峰校长、陈思远副校长") >= {("林晓峰", "校长", "东华大学")}


def test_a_lone_last_character_before_a_reporting_verb_ends_the_name() -> None:
    assert posts("区人事局副局长文友康介绍，工作站是唯一的。") == {("文友康", "副局长", "区人事局")}


def test_a_short_name_ending_like_an_organisation_is_no_person_before_a_title() -> None:
    found = posts("省人民检察院检察长林晓峰，水利部江委会主任陈思远出席。")
    assert ("陈思远", "主任", "水利部江委会") in found, found
    assert not any(p == "江委会" for p, _, _ in found)


def test_a_foreign_heads_transliterated_name_without_a_dot() -> None:
    found = posts("应东华民主人民共和国总理卡尔本西斯、西岭王国首相卡尔沃的邀请，林晓峰将出访。")
    assert ("卡尔本西斯", "总理", "东华民主人民共和国") in found, found
    assert ("卡尔沃", "首相", "西岭王国") in found, found


def test_the_last_part_of_a_transliterated_name_written_alone_is_the_same_person() -> None:
    text = (
        "副省长林晓峰会见了以总书记鲁思德·乌尔德·韦远德为团长的东华民主党代表团。"
        "林晓峰对韦远德总书记一行表示欢迎。韦远德总书记感谢林晓峰的接待。"
    )
    x = extract_document(Document.from_text("t.txt", text))
    people = {e.label: e for e in x.entities if e.ref.kind == "person"}
    assert set(people) == {"林晓峰", "鲁思德·乌尔德·韦远德"}, set(people)
    assert len(people["鲁思德·乌尔德·韦远德"].mentions) >= 3
    assert ("鲁思德·乌尔德·韦远德", "总书记", "东华民主党") in posts(text)
