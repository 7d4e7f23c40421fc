"""Election rosters and appointment lists (invented names and organisations): the term before
a title, the roster after a colon, counted lists, headlines tagged whole, split names."""

from __future__ import annotations

from datetime import date

from graph.extract.document import extract_document
from graph.resources import resource_text
from graph.types import Document, EventFact, Extraction, Membership


def _x(text: str) -> Extraction:
    return extract_document(Document.from_text("r.txt", text))


def _posts_of(x: Extraction, *, former: bool | None = None) -> set[tuple[str, str, str]]:
    """(person, role, organisation) of the posts; only the ended or only the current ones
    when ``former`` says so."""
    label = {e.ref: e.label for e in x.entities}
    return {
        (label[f.person], f.role.key, label[f.org])
        for f in x.facts
        if isinstance(f, Membership) and former in (None, f.former)
    }


def _posts(text: str) -> set[tuple[str, str, str]]:
    return _posts_of(_x(text))


def test_a_term_before_the_title_is_not_an_organisation() -> None:
    posts = _posts(
        "南岭省摄影家协会换届\n\n"
        "大会选举周明远为协会第五届主席，李春芳、王海生为副主席，钱文博为秘书长。"
    )
    assert ("周明远", "主席", "南岭省摄影家协会") in posts
    assert ("李春芳", "副主席", "南岭省摄影家协会") in posts
    assert ("钱文博", "秘书长", "南岭省摄影家协会") in posts


def test_the_title_before_a_comma_stays_with_the_person_elected_to_it() -> None:
    posts = _posts(
        "东华市侨联第八次代表大会闭幕\n\n"
        "在八届一次全委会上，周明远当选市侨联主席，李春芳、王海生当选副主席。"
    )
    assert ("周明远", "主席", "市侨联") in posts
    assert ("李春芳", "副主席", "市侨联") in posts
    assert not any(p[0] == "李春芳" and p[1] == "主席" for p in posts)


def test_a_counted_list_and_a_new_council_are_read() -> None:
    posts = _posts(
        "东华市律师协会第六次代表大会\n\n"
        "周明远当选新一届理事会会长，李春芳、王海生等5人当选副会长，钱文博当选秘书长。"
    )
    assert ("周明远", "会长", "东华市律师协会") in posts
    assert ("王海生", "副会长", "东华市律师协会") in posts


def test_a_roster_with_a_spaced_title_and_an_ordering_note() -> None:
    posts = _posts(
        "东华市作家协会第四届理事会名单\n\n"
        "主　席：周明远\n副主席（以姓氏笔画为序）：王海生　李春芳\n秘书长：钱文博"
    )
    assert posts == {
        ("周明远", "主席", "东华市作家协会"),
        ("王海生", "副主席", "东华市作家协会"),
        ("李春芳", "副主席", "东华市作家协会"),
        ("钱文博", "秘书长", "东华市作家协会"),
    }


def test_a_headline_without_punctuation_names_the_organisation_before_its_verb() -> None:
    posts = _posts("青松市书法家协会召开代表大会\n\n会长周明远主持会议。")
    assert posts == {("周明远", "会长", "青松市书法家协会")}


def test_a_federation_named_by_its_short_form_holds_its_titles() -> None:
    posts = _posts(
        "青松市工商联召开代表大会\n\n新当选的领导班子成员为：会长周明远，副会长李春芳、王海生。"
    )
    assert ("周明远", "会长", "青松市工商联") in posts
    assert ("王海生", "副会长", "青松市工商联") in posts


def test_a_name_the_segmenter_splits_in_an_appointment_list_is_read() -> None:
    posts = _posts(
        "南岭大学关于干部任免的通知\n\n任命：\n李春芳为教务处处长；\n王海生为图书馆馆长。"
    )
    assert ("王海生", "馆长", "图书馆") in posts


def test_verbs_of_re_election_and_taking_office_give_the_title() -> None:
    posts = _posts(
        "东华市律师协会第六次代表大会\n\n"
        "李春芳连任副会长。王海生再次当选秘书长。赵立新全票当选监事长。孙浩然出任名誉会长。"
    )
    assert ("李春芳", "副会长", "东华市律师协会") in posts
    assert ("王海生", "秘书长", "东华市律师协会") in posts
    assert ("赵立新", "监事长", "东华市律师协会") in posts
    assert ("孙浩然", "名誉会长", "东华市律师协会") in posts


def test_each_title_has_one_line_of_seats() -> None:
    titles = [
        line.split("\t", 1)[0]
        for line in resource_text("role_seats.txt").splitlines()
        if "\t" in line.split("#", 1)[0]
    ]
    assert len(titles) == len(set(titles)), sorted(t for t in titles if titles.count(t) > 1)


def test_removals_written_with_de_and_with_a_pronoun_end_the_post() -> None:
    former = _posts_of(
        _x(
            "南岭大学干部任免\n\n"
            "免去王海生同志的南岭大学副校长职务。任命李春芳为教务处处长，免去其学生处处长职务。"
        ),
        former=True,
    )
    assert ("王海生", "副校长", "南岭大学") in former
    assert ("李春芳", "处长", "学生处") in former
    assert ("李春芳", "处长", "教务处") not in former


def test_a_roster_announced_by_its_title_and_a_count() -> None:
    posts = _posts(
        "东华棋协换届\n\n"
        "大会公布了东华棋协3名副主席当选名单，包括林晓峰、陈思远，以及赵德明。"
        "周明达当选新任东华棋协主席，孙立群当选执行委员。"
    )
    assert {p for p in posts if p[1] == "副主席"} == {
        ("林晓峰", "副主席", "东华棋协"),
        ("陈思远", "副主席", "东华棋协"),
        ("赵德明", "副主席", "东华棋协"),
    }
    assert ("周明达", "主席", "东华棋协") in posts
    assert ("孙立群", "执行委员", "东华棋协") in posts


def test_a_person_before_a_conjunction_is_not_part_of_the_organisation() -> None:
    posts = _posts("东华区签约仪式\n\n韩立群与东华区副区长陈思远分别代表双方签约。")
    assert ("陈思远", "副区长", "东华区人民政府") in posts


def test_a_place_committee_has_its_official_forms() -> None:
    x = _x("商丘市梁园区委副书记、区长薛天江出席。")
    aliases = {a for e in x.entities if e.label == "商丘市梁园区委" for a in e.aliases}
    assert {"中国共产党商丘市梁园区委员会", "梁园区委", "中共梁园区委"} <= aliases


def test_a_headline_title_held_by_the_name_before_it_and_a_name_completed_from_the_body() -> None:
    x = _x(
        "张振华高票当选东华棋协主席 孙婞淳荣膺执行委员\n\n"
        "现任东华棋协主席林立群任期届满。张振华表示，将推动棋类发展。孙婞淳当选执行委员。"
    )
    posts = _posts_of(x)
    assert ("张振华", "主席", "东华棋协") in posts
    assert ("林立群", "主席", "东华棋协") in posts
    assert not any(p[0].startswith("孙婞") and p[1] == "主席" for p in posts)
    assert "孙婞" not in {e.label for e in x.entities if e.ref.kind == "person"}


def test_an_election_held_today_is_an_event_of_the_document_date() -> None:
    x = _x("东华棋协改选\n2025/12/06 12:56\n\n东华棋协主席今日举行改选。")
    days = [f.start for f in x.facts if isinstance(f, EventFact)]
    assert date(2025, 12, 6) in days, days


def test_the_secretary_general_of_a_session_is_not_a_unit_post() -> None:
    posts = _posts(
        "东岭县政协会议开幕\n\n县政协副主席林晓峰、陈思远、大会秘书长赵德明在主席台就坐。"
    )
    assert ("陈思远", "副主席", "东岭县政协") in posts
    assert not any(p[0] == "赵德明" for p in posts)


def test_padded_names_and_names_listed_by_spaces_in_a_roster() -> None:
    posts = _posts(
        "上海市东华工程学会第十届理事会\n\n理事长：张振华\n副理事长：王　刚　李春芳　赵德明\n"
        "常务理事　孙立群　陈国强\n"
    )
    assert ("王刚", "副理事长", "上海市东华工程学会") in posts
    assert ("赵德明", "副理事长", "上海市东华工程学会") in posts
    assert ("陈国强", "常务理事", "上海市东华工程学会") in posts


def test_two_titles_joined_by_jian_in_an_appointment() -> None:
    posts = _posts("东华工程学会换届\n\n经选举，陈国强任秘书长兼法定代表人。")
    assert ("陈国强", "秘书长", "东华工程学会") in posts
    assert ("陈国强", "法定代表人", "东华工程学会") in posts


def test_the_people_a_body_sends_to_a_signing_hold_their_titles_there() -> None:
    found = _posts(
        "东江医管局的代表包括主席林晓峰及行政总裁周立平医生；东华医院发展中心的代表为主任陈思远。"
    )
    assert {
        ("林晓峰", "主席", "东江医管局"),
        ("周立平", "行政总裁", "东江医管局"),
        ("陈思远", "主任", "东华医院发展中心"),
    } <= found, found
