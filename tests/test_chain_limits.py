"""Where a chain of titles or a list of names ends, and the organisation behind a delegation
(invented names and organisations)."""

from __future__ import annotations

from post_triples import posts

from graph.extract.people import looks_like_name


def test_a_list_of_names_ends_at_a_conjunction_before_an_organisation() -> None:
    found = posts("市政协主席胡文成，副主席周立平、寿永春、马林涛及市政协常委在主席台就座。")
    deputies = {p for p, r, o in found if (r, o) == ("副主席", "市政协")}
    assert deputies == {"周立平", "寿永春", "马林涛"}
    assert not any("主席台" in o or "及" in o or p.startswith("常委") for p, _, o in found)


def test_a_title_followed_by_a_word_it_opens_is_no_title() -> None:
    assert not any(r == "主席" for _, r, _ in posts("东华公司张振华主席台就座。"))


def test_a_name_does_not_open_with_a_title() -> None:
    assert not looks_like_name("常委在")
    assert looks_like_name("常建国")


def test_a_title_opening_a_clause_does_not_take_the_chain_before_it() -> None:
    text = (
        "省委常委、副省长、南京市委书记张振华在南京会见了以总书记李春芳为团长的东江工人党代表团。"
    )
    found = posts(text)
    assert {(r, o) for p, r, o in found if p == "张振华"} == {
        ("常委", "江苏省委"),
        ("副省长", "江苏省人民政府"),
        ("书记", "南京市委"),
    }
    assert {(r, o) for p, r, o in found if p == "李春芳"} == {("总书记", "东江工人党")}


def test_the_leader_of_a_delegation_holds_the_title_at_the_organisation_sending_it() -> None:
    found = posts("市长会见了以主席张振华为团长的东江省人民对外友好协会代表团。")
    assert ("张振华", "主席", "东江省人民对外友好协会") in found
    assert not any(r == "团长" for _, r, _ in found)


def test_a_meetings_presidium_gives_no_posts() -> None:
    assert posts("大会由主席团常务主席、执行主席张振华主持。", former=None) == set()
    assert ("张振华", "主席团委员", "中国作家协会") in posts("中国作家协会主席团委员张振华出席。")


def test_a_committee_name_with_a_bracketed_qualifier_is_kept_whole() -> None:
    found = posts("东江省侨联主席张振华，东江省政协港澳台侨（外事）委员会副主任李春芳出席。")
    orgs = {o for p, r, o in found if (p, r) == ("李春芳", "副主任")}
    assert orgs and all(o.startswith("东江省政协港澳台侨") and "委员会" in o for o in orgs)


def test_a_chain_after_a_name_and_a_conjunction_starts_after_them() -> None:
    found = posts("东华体育会召开大会。永远会长胡顺谦及东华体育会理事长黄文象等出席。")
    assert ("黄文象", "理事长", "东华体育会") in found
    assert ("胡顺谦", "永远会长", "东华体育会") in found


def test_a_chain_goes_on_before_a_company_with_a_bracketed_form() -> None:
    text = (
        "东华区工商联副主席、东江市商会执行会长、东华益中（集团）股份有限公司总裁张振华应邀参加。"
    )
    found = posts(text)
    assert ("张振华", "副主席", "东华区工商联") in found
    assert ("张振华", "执行会长", "东江市商会") in found
    assert ("张振华", "总裁", "东华益中（集团）股份有限公司") in found


def test_an_academician_is_an_honour_not_a_post() -> None:
    found = posts("东江办副主任、中科院院士张振华率团来访。东江研究所副所长李春芳参加。")
    assert found == {("张振华", "副主任", "东江办"), ("李春芳", "副所长", "东江研究所")}


def test_a_chain_ends_at_a_clause_holding_another_persons_name() -> None:
    found = posts(
        "东江大学教育基金会理事长、校党委书记张振华首先代表学校向东江澳海控股有限公司董事长"
        "李春芳一行的到来表示了热烈的欢迎。"
    )
    assert {(r, o) for p, r, o in found if p == "李春芳"} == {("董事长", "东江澳海控股有限公司")}


def test_a_form_of_address_before_a_conjunction_and_a_builders_descriptor() -> None:
    found = posts(
        "东江市卫生局局长贺舟同志以及承建单位东华建设集团总经理柏德川先生、县委书记岑立山出席。"
    )
    assert ("柏德川", "总经理", "东华建设集团") in found
    assert ("贺舟", "局长", "东江市卫生局") in found


def test_a_comma_after_a_titled_name_opens_the_next_item_not_an_apposition() -> None:
    found = posts("区人民检察院副检察长邱立川，焦店镇人大主席团主席，各街道人大工委主任列席会议。")
    assert found == {("邱立川", "副检察长", "区人民检察院")}


def test_the_whole_township_is_no_organisation() -> None:
    found = posts(
        "5月29日，三市镇召开人民代表大会。全镇人大正式代表出席了会议。会议听取了镇长韦明远的报告。"
    )
    assert found == {("韦明远", "镇长", "三市镇人民政府")}
