"""Units, faculties and leading words around posts (invented names and organisations)."""

from __future__ import annotations

from graph.extract.document import extract_document
from graph.types import Document, Extraction, Membership


def _x(text: str) -> Extraction:
    return extract_document(Document.from_text("n.txt", text))


def _people(x: Extraction) -> set[str]:
    return {e.label for e in x.entities if e.ref.kind == "person"}


def _posts(x: Extraction) -> set[tuple[str, str, str]]:
    label = {e.ref: e.label for e in x.entities}
    return {
        (label[f.person], f.role.key, label[f.org]) for f in x.facts if isinstance(f, Membership)
    }


def test_a_unit_before_a_title_is_not_a_person() -> None:
    x = _x("东华大学经济学院金融系教授林晓峰表示，市场仍将回暖。")
    assert _people(x) == {"林晓峰"}
    assert all(person == "林晓峰" for person, _, _ in _posts(x))
    x = _x("江南师范大学商学院副教授陈思远博士说，银行之间竞争激烈。")
    assert _people(x) == {"陈思远"}
    assert ("陈思远", "副教授", "江南师范大学商学院") in _posts(x)


def test_a_universitys_department_holds_a_title_after_the_name() -> None:
    assert ("林晓峰", "教授", "东江大学金融系") in _posts(_x("东江大学金融系林晓峰教授出席会议。"))
    posts = _posts(_x("东江大学经济学院国际贸易系陈思远副教授作报告。"))
    assert ("陈思远", "副教授", "东江大学经济学院国际贸易系") in posts
    assert not _posts(_x("东江大学体系林晓峰教授出席。"))


def test_a_pronoun_and_a_preposition_written_together_start_no_organisation() -> None:
    posts = _posts(_x("另据东江市摄影协会理事、南州市摄影协会常务理事林晓峰称，市场有周期。"))
    assert ("林晓峰", "理事", "东江市摄影协会") in posts
    assert ("林晓峰", "常务理事", "南州市摄影协会") in posts


def test_a_committee_member_glued_to_the_next_title_is_two_posts() -> None:
    posts = _posts(_x("东江市委常委统战部部长林晓峰出席活动。"))
    assert ("林晓峰", "常委", "东江市委") in posts
    assert ("林晓峰", "部长", "东江市委统战部") in posts
    assert ("林晓峰", "副主任", "东江市委常委会") in _posts(_x("东江市委常委会副主任林晓峰出席。"))


def test_a_name_that_opens_the_next_chains_organisation_is_not_listed() -> None:
    x = _x("东华公司董事长林晓峰、金茂家具总经理陈思远出席。")
    assert _people(x) == {"林晓峰", "陈思远"}
    assert _posts(x) == {("林晓峰", "董事长", "东华公司"), ("陈思远", "总经理", "金茂家具")}
    posts = _posts(_x("东江市政协副主席林晓峰、陈思远及秘书长钱国栋出席会议。"))
    assert ("陈思远", "副主席", "东江市政协") in posts


def test_the_first_name_of_a_list_after_an_appointment_verb_is_read_by_the_rules() -> None:
    x = _x("会议表决通过了人事任免职名单，决定任命林家毫、孙舟、黄远盛为省政府副省长。")
    assert {"林家毫", "孙舟", "黄远盛"} <= _people(x)
    assert ("林家毫", "副省长", "省政府") in _posts(x)


def test_a_government_title_listed_after_a_party_secretary_is_at_the_government() -> None:
    posts = _posts(_x("东江县委书记林晓峰、县长陈思远出席。"))
    assert ("陈思远", "县长", "东江县人民政府") in posts
    assert ("林晓峰", "书记", "东江县委") in posts
    assert ("陈思远", "副书记", "东江县委") in _posts(_x("东江县委书记林晓峰、副书记陈思远出席。"))


def test_the_last_name_of_a_list_before_zai_is_read() -> None:
    x = _x("大会执行主席林晓峰、张川伦、刘远方、阳舟在主席台前排就座。")
    assert {"林晓峰", "张川伦", "刘远方", "阳舟"} <= _people(x)


def test_a_functions_director_is_a_title() -> None:
    posts = _posts(_x("东华集团公司总裁林晓峰，运营总监赵一鸣、技术总监钱国栋出席。"))
    assert ("赵一鸣", "运营总监", "东华集团公司") in posts
    assert ("钱国栋", "技术总监", "东华集团公司") in posts


def test_a_conjunction_inside_a_unit_after_a_long_name_keeps_it_whole() -> None:
    org = "东江市政策研究中心住宅与房地产研究处"
    assert ("林晓峰", "处长", org) in _posts(_x(f"{org}处长林晓峰表示。"))
    assert ("林晓峰", "局长", "东江市财政局") in _posts(
        _x("东江市教育局和东江市财政局局长林晓峰出席。")
    )


def test_village_and_neighbourhood_committees_are_organisations() -> None:
    assert ("林晓峰", "主任", "东江村村委会") in _posts(_x("东江村村委会主任林晓峰说。"))
    assert ("林晓峰", "主任", "东江社区居委会") in _posts(_x("东江社区居委会主任林晓峰说。"))
    assert ("林晓峰", "主任", "东江社区") in _posts(_x("东江社区主任林晓峰说。"))


def test_a_portfolio_before_a_title_is_not_an_organisation() -> None:
    posts = _posts(_x("东江市主管文化副市长林晓峰出席。"))
    assert posts == {("林晓峰", "副市长", "东江市人民政府")}
    posts = _posts(_x("东华公司主管财务的副总经理林晓峰出席。"))
    assert posts == {("林晓峰", "副总经理", "东华公司")}
    assert not _posts(_x("分管科技副市长林晓峰出席。"))


def test_industry_endings_name_companies_before_a_title_and_a_name() -> None:
    posts = _posts(_x("出席的有东华家私董事长林晓峰、华信医药总裁陈思远、三华重工董事长赵一鸣。"))
    assert ("林晓峰", "董事长", "东华家私") in posts
    assert ("陈思远", "总裁", "华信医药") in posts
    assert ("赵一鸣", "董事长", "三华重工") in posts
    assert not _posts(_x("绿色环保理念倡导者林晓峰表示。"))


def test_a_group_form_in_brackets_stays_inside_the_company_name() -> None:
    org = "中国东方航运（集团）有限公司"
    assert ("林晓峰", "总经理", org) in _posts(_x(f"{org}总经理林晓峰表示。"))
    org = "东华（集团）股份有限公司"
    assert ("林晓峰", "董事长", org) in _posts(_x(f"{org}董事长林晓峰表示。"))


def test_a_places_body_written_alone_after_its_committee_takes_the_place() -> None:
    posts = _posts(_x("东江县纪委书记、监委主任林晓峰出席。"))
    assert ("林晓峰", "主任", "东江县监委") in posts
    posts = _posts(_x("东江县委常委、人大常委会主任林晓峰出席。"))
    assert ("林晓峰", "主任", "东江县人大常委会") in posts


def test_a_unit_named_by_its_heads_title_is_part_of_the_organisation() -> None:
    posts = _posts(_x("东华矿业公司安源煤矿矿长林晓峰出席。"))
    assert ("林晓峰", "矿长", "东华矿业公司安源煤矿") in posts
    posts = _posts(_x("东江电力公司第一分厂厂长林晓峰出席。"))
    assert ("林晓峰", "厂长", "东江电力公司第一分厂") in posts
    assert ("林晓峰", "营销总监", "东华地产") in _posts(_x("东华地产营销总监林晓峰表示。"))


def test_a_union_or_womens_federation_after_a_place_committee_title_is_the_places() -> None:
    posts = _posts(_x("东江县委常委、妇联主席林晓峰出席。"))
    assert ("林晓峰", "主席", "东江县妇联") in posts
    posts = _posts(_x("东江县委常委、工会主席林晓峰出席。"))
    assert ("林晓峰", "主席", "东江县总工会") in posts
    posts = _posts(_x("东华大学党委书记、工会主席林晓峰出席。"))
    assert ("林晓峰", "主席", "东华大学工会") in posts


def test_a_places_body_listed_alone_after_a_committee_title_keeps_both_posts() -> None:
    posts = _posts(_x("东江县委常委、政协主席林晓峰出席。"))
    assert {("林晓峰", "常委", "东江县委"), ("林晓峰", "主席", "东江县政协")} <= posts
    posts = _posts(_x("东江市委常委总工会主席林晓峰出席。"))
    assert {("林晓峰", "常委", "东江市委"), ("林晓峰", "主席", "东江市总工会")} <= posts
    assert not _posts(_x("总工会主席林晓峰出席。"))


def test_a_unit_opening_a_chain_after_a_comma_is_the_organisation_of_the_chain_before() -> None:
    posts = _posts(_x("省侨联副主席张振华、李春芳，办公室主任王建国出席。"))
    assert ("王建国", "主任", "省侨联办公室") in posts


def test_a_unit_nobody_resolved_gives_no_post() -> None:
    assert _posts(_x("会议召开，办公室主任王建国主持。")) == set()


def test_a_rank_after_a_units_title_is_held_in_the_organisation() -> None:
    posts = _posts(_x("市财政局办公室主任、二级调研员王建国出席。"))
    assert ("王建国", "主任", "市财政局办公室") in posts
    assert ("王建国", "二级调研员", "市财政局") in posts
    posts = _posts(_x("省侨联副主席张振华，办公室主任、二级巡视员王建国出席。"))
    assert ("王建国", "二级巡视员", "省侨联") in posts
