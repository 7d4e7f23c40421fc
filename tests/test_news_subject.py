"""Titles written without an organisation: the neighbour in a list, the document's subject
(invented names and organisations)."""

from __future__ import annotations

from graph.extract.document import extract_document
from graph.extract.orgcheck import clean_org
from graph.extract.subject import seats_of, subject_for
from graph.types import Document, Extraction, Membership


def _posts(text: str) -> set[tuple[str, str, str]]:
    x: Extraction = extract_document(Document.from_text("s.txt", text))
    label = {e.ref: e.label for e in x.entities}
    return {
        (label[f.person], f.role.key, label[f.org]) for f in x.facts if isinstance(f, Membership)
    }


def test_a_bare_title_is_at_the_organisation_the_document_is_about() -> None:
    posts = _posts(
        "东华市第一人民医院召开职工大会\n\n"
        "3月2日，东华市第一人民医院召开职工大会。院长周明远作报告，副院长李春芳主持会议。"
        "党委书记王海生讲话。"
    )
    assert ("周明远", "院长", "东华市第一人民医院") in posts
    assert ("李春芳", "副院长", "东华市第一人民医院") in posts
    assert ("王海生", "书记", "东华市第一人民医院党委") in posts


def test_a_bare_title_of_another_kind_gets_no_organisation() -> None:
    posts = _posts("南岭大学召开座谈会\n\n会上，局长周明远讲话。")
    assert not any(p[0] == "周明远" for p in posts)


def test_a_listed_title_is_at_the_organisation_of_the_chain_before_it() -> None:
    posts = _posts(
        "会议在礼堂举行。华盛科技有限公司董事长、总裁袁明山，监事会主席钱立本，"
        "青松学院院长孟凡，党委书记苏建军等出席会议。"
    )
    assert ("钱立本", "监事会主席", "华盛科技有限公司") in posts
    assert ("苏建军", "书记", "青松学院党委") in posts


def test_a_name_glued_to_a_verb_is_the_name_written_alone_elsewhere() -> None:
    text = "华盛科技有限公司监事会主席钱立本，副总裁孟凡出席。监事会主席钱立本为学院颁奖。"
    people = {
        e.label
        for e in extract_document(Document.from_text("s.txt", text)).entities
        if e.ref.kind == "person"
    }
    assert "钱立本为" not in people


def test_subject_prefers_the_title_line_then_the_most_named() -> None:
    named = [(0, 4, "东华医院"), (9, 13, "南山医院"), (20, 24, "南山医院")]
    assert subject_for(named, ("院",), 5) == "东华医院"
    assert subject_for(named, ("院",), 0) == "南山医院"
    assert subject_for(named, ("会",), 5) is None
    assert seats_of("副会长") == ("会", "工商联") and seats_of("常委") == ()


def test_a_model_organisation_loses_the_clause_before_it() -> None:
    assert clean_org("会议由东华集团主持", 0, 7).text == "东华集团"
    assert clean_org("新征程——东华集团", 0, 9).text == "东华集团"


def test_titles_before_a_colon_go_to_each_name_after_it() -> None:
    posts = _posts(
        "东江市书法家协会第三届理事会选举产生\n\n4月18日，东江市书法家协会召开会员代表大会。\n"
        "主席：周明远\n副主席：李春芳、孙红梅\n秘书长：王海生"
    )
    assert {
        ("周明远", "主席", "东江市书法家协会"),
        ("李春芳", "副主席", "东江市书法家协会"),
        ("孙红梅", "副主席", "东江市书法家协会"),
        ("王海生", "秘书长", "东江市书法家协会"),
    } <= posts


def test_a_letter_of_appointment_confers_its_title() -> None:
    posts = _posts(
        "东华医院聘请知名专家\n5月6日，东华医院举行仪式。"
        "院长王海生为周明远、李春芳及陈思远三位教授颁发了客座教授聘书。"
    )
    assert {
        ("周明远", "客座教授", "东华医院"),
        ("李春芳", "客座教授", "东华医院"),
        ("陈思远", "客座教授", "东华医院"),
    } <= posts


def test_general_titles_of_the_dictionary() -> None:
    posts = _posts("南岭大学副调研员周明远、东华矿业公司副总工程师李春芳出席会议。")
    assert ("周明远", "副调研员", "南岭大学") in posts
    assert ("李春芳", "副总工程师", "东华矿业公司") in posts


def test_names_after_an_appointment_verb_that_the_model_misses() -> None:
    posts = _posts("会议决定任命傅文澜、孙舟为东江市人民政府副市长。")
    assert ("傅文澜", "副市长", "东江市人民政府") in posts


def test_a_further_title_for_the_same_appointee_and_congress_delegates() -> None:
    posts = _posts(
        "会议决定任命林晓峰为东江市监察委员会副主任，并决定为代理主任。"
        "会议补选陈思远、赵一鸣2名同志为省十三届人民代表大会代表。"
    )
    assert ("林晓峰", "副主任", "东江市监察委员会") in posts
    assert ("林晓峰", "代理主任", "东江市监察委员会") in posts
    # the congress of a term is the congress (its name with the term stays an alias)
    assert ("陈思远", "代表", "省人民代表大会") in posts
    assert ("赵一鸣", "代表", "省人民代表大会") in posts


def test_a_name_opening_a_doctrine_is_not_a_person() -> None:
    x = extract_document(Document.from_text("s.txt", "会议强调，要坚持以邓小平理论为指导。"))
    assert not [e for e in x.entities if e.ref.kind == "person"]


def test_a_region_in_brackets_inside_a_company_name() -> None:
    posts = _posts("会上，贺楠与运营公司华信（北京）科技有限公司董事长顾川签订协议。")
    assert ("顾川", "董事长", "华信（北京）科技有限公司") in posts


def test_a_county_meeting_the_gazetteer_does_not_know() -> None:
    posts = _posts(
        "东岭县召开县委常委会议\n3月5日，县委书记林晓峰主持召开县委常委会议。"
        "县委副书记、县长陈思远，县委常委、常务副县长赵一鸣出席会议，副县长周明远列席会议。"
    )
    assert {
        ("林晓峰", "书记", "东岭县委"),
        ("陈思远", "副书记", "东岭县委"),
        ("陈思远", "县长", "东岭县人民政府"),
        ("赵一鸣", "常务副县长", "东岭县人民政府"),
        ("周明远", "副县长", "东岭县人民政府"),
    } <= posts
    assert not any(org == "东岭县委" and role.endswith("县长") for _, role, org in posts)


def test_an_editor_credit_is_a_post_of_the_agency() -> None:
    posts = _posts("新华社东江5月3日电（记者林晓峰）东江市召开大会。\n（编辑：陈思远）")
    assert ("陈思远", "编辑", "新华社") in posts


def test_organisation_boundaries_of_captions_conjunctions_and_industry_words() -> None:
    assert ("陈思远", "副秘书长", "东江市园艺协会") in _posts(
        "图为东江市园艺协会副秘书长陈思远发言。"
    )
    assert ("林晓峰", "副局长", "东江市住房保障和房产管理局") in _posts(
        "在记者向东江市住房保障和房产管理局副局长林晓峰求证时，他说明了情况。"
    )
    assert ("赵一鸣", "研究员", "华东证券") in _posts("华东证券研究员赵一鸣表示，价格会上涨。")
    assert ("孙红梅", "分析师", "东岭咨询") in _posts("东岭咨询分析师孙红梅表示，市场回暖。")


def test_new_organisation_endings_and_titles() -> None:
    posts = _posts("东江市园艺研究会顾问林晓峰、东江市文联副主席陈思远出席。")
    assert ("林晓峰", "顾问", "东江市园艺研究会") in posts
    assert ("陈思远", "副主席", "东江市文联") in posts


def test_titles_in_brackets_after_the_name_with_a_copula_and_joined_by_jian() -> None:
    posts = _posts(
        "林晓峰（东江市园艺协会会长）出席会议。南岭医院党委书记兼院长赵一鸣主持。"
        "王海生是东岭公司董事长。东江大学的副校长钱立本也参加了。"
    )
    assert {
        ("林晓峰", "会长", "东江市园艺协会"),
        ("赵一鸣", "书记", "南岭医院党委"),
        ("赵一鸣", "院长", "南岭医院"),
        ("王海生", "董事长", "东岭公司"),
        ("钱立本", "副校长", "东江大学"),
    } <= posts


def test_a_bare_government_title_is_at_the_government_the_document_names() -> None:
    posts = _posts(
        "东江市人民政府召开常务会议\n5月2日，东江市人民政府召开常务会议。"
        "市长林晓峰主持会议，副市长陈思远、赵一鸣出席。"
    )
    assert {
        ("林晓峰", "市长", "东江市人民政府"),
        ("陈思远", "副市长", "东江市人民政府"),
        ("赵一鸣", "副市长", "东江市人民政府"),
    } <= posts


def test_names_listed_with_known_names_are_people() -> None:
    x = extract_document(Document.from_text("s.txt", "出席会议的有林晓峰、傅文澜、陈思远。"))
    people = {e.label for e in x.entities if e.ref.kind == "person"}
    assert {"林晓峰", "傅文澜", "陈思远"} <= people


def test_a_name_the_segmenter_splits_before_a_list_mark() -> None:
    posts = _posts("东江市委新闻发言人黄远忠、南岭市委新闻发言人田帆出席。")
    assert ("黄远忠", "新闻发言人", "东江市委") in posts


def test_an_adverb_before_he_makes_it_a_clause_conjunction() -> None:
    posts = _posts("会上，王立新还和东江大学校长黄秀林交流了意见。")
    assert ("黄秀林", "校长", "东江大学") in posts


def test_two_chains_joined_by_he_in_one_clause() -> None:
    posts = _posts("近期，东江证监局副局长林晓峰和南岭市外汇管理局副局长陈思远透露了消息。")
    assert ("陈思远", "副局长", "南岭市外汇管理局") in posts
    assert ("林晓峰", "副局长", "东江证监局") in posts


def test_honorific_repeating_the_family_name_and_host_words() -> None:
    posts = _posts("下面请出本次活动的承办方东岭集团董事长王晨王总讲话。")
    assert ("王晨", "董事长", "东岭集团") in posts


def test_offices_and_groups_as_organisations() -> None:
    posts = _posts("东江市扶贫办主任林晓峰、东江市城市化工作领导小组组长陈思远出席。")
    assert ("林晓峰", "主任", "东江市扶贫办") in posts
    assert ("陈思远", "组长", "东江市城市化工作领导小组") in posts


def test_a_verb_that_is_a_word_of_the_name_is_kept() -> None:
    assert ("林晓峰", "所长", "应用经济研究所") in _posts("应用经济研究所所长林晓峰日前表示同意。")


def test_a_dispatch_glued_to_the_name_and_military_and_sports_titles() -> None:
    assert ("林晓峰", "行政总裁", "东华银行集团") in _posts(
        "东江网4月13日电东华银行集团行政总裁林晓峰去年获得最高薪。"
    )
    posts = _posts("东江队主帅陈思远公布了名单。南岭军区司令赵一鸣出席。")
    assert ("陈思远", "主帅", "东江队") in posts
    assert ("赵一鸣", "司令", "南岭军区") in posts


def test_the_leaders_before_an_organisation_are_not_part_of_its_name() -> None:
    posts = _posts("开幕式由主管领导东江市委常委、组织部部长林晓峰主持。")
    assert ("林晓峰", "常委", "东江市委") in posts
    assert not any(org.startswith("主管") for _, _, org in posts)


def test_a_listed_title_of_another_kind_is_not_at_the_chain_before() -> None:
    posts = _posts("华盛科技有限公司董事长袁明山，副市长钱立本，东江市总工会主席孟凡出席。")
    assert not any(p[0] == "钱立本" and p[2] == "华盛科技有限公司" for p in posts)
    assert ("袁明山", "董事长", "华盛科技有限公司") in posts


def test_a_bare_party_secretary_is_not_put_in_a_government() -> None:
    posts = _posts("东岭县人民政府召开会议\n会上，党委书记林晓峰讲话。")
    assert not any(p[0] == "林晓峰" for p in posts)


def test_police_titles_and_an_academician_which_is_an_honour() -> None:
    posts = _posts("中国科学院院士林晓峰、东江市公安局南山派出所民警陈思远出席。")
    assert posts == {("陈思远", "民警", "东江市公安局南山派出所")}  # 院士: an honour


def test_a_chain_after_and_takes_the_organisation_of_the_chain_before() -> None:
    from graph.extract.document import extract_document
    from graph.types import Document, Membership

    x = extract_document(
        Document.from_text(
            "s.txt",
            "在东江地质研究所党委书记、副所长林晓峰和党委副书记、纪委书记陈思远的陪同下，"
            "南川省科技局局长赵一鸣参观了实验室。",
        )
    )
    label = {e.ref: e.label for e in x.entities}
    posts = {
        (label[f.person], f.role.key, label[f.org]) for f in x.facts if isinstance(f, Membership)
    }
    assert ("陈思远", "副书记", "东江地质研究所党委") in posts
    assert ("陈思远", "书记", "东江地质研究所纪委") in posts


def test_a_bare_title_is_at_the_pointing_word_when_no_organisation_of_its_kind_is_named() -> None:
    posts = _posts(
        "3月2日，我院在东江广场举办义诊活动。我院专家为群众答疑。副院长周明远主持论坛后赶往现场。"
    )
    assert ("周明远", "副院长", "我院") in posts


def test_a_pointing_word_is_no_seat_of_a_title_of_another_kind() -> None:
    posts = _posts("我院举办义诊活动。总经理周明远到场。")
    assert not any(p[0] == "周明远" for p in posts)


def test_a_title_after_a_titled_name_is_at_the_same_organisation() -> None:
    posts = _posts("东华医院副院长周明远教授出席。东岭集团董事长李春芳教授致辞。")
    assert ("周明远", "教授", "东华医院") in posts
    assert ("王海生", "教授", "我院") in _posts("我院举办义诊。副院长王海生教授到场。")
    assert not any(p[0] == "李春芳" and p[1] == "教授" for p in posts)


def test_a_department_named_alone_holds_a_title_after_the_name() -> None:
    posts = _posts("东华医院举办义诊。下午，心血管内科周明远教授为群众答疑。")
    assert ("周明远", "教授", "心血管内科") in posts


def test_a_bare_title_is_at_the_title_lines_organisation_before_one_named_later() -> None:
    posts = _posts(
        "华岭集团召开工作会议\n\n1月14日，华岭集团召开工作会议。集团公司董事长张明远作报告，"
        "总经理李春芳主持会议。下属华岭化工有限公司总经理周晓东发言。"
    )
    assert ("李春芳", "总经理", "华岭集团") in posts
    assert ("周晓东", "总经理", "华岭化工有限公司") in posts


def test_a_title_after_the_name_of_another_kind_is_at_the_documents_institute() -> None:
    posts = _posts(
        "东华研究所召开学术年会\n\n11月18日，东华研究所召开学术年会。所长张明远主持会议，"
        "首席科学家钱国栋研究员作报告。"
    )
    assert ("钱国栋", "研究员", "东华研究所") in posts


def test_a_bare_professor_in_a_hospital_story_is_at_the_hospital() -> None:
    assert ("周明远", "教授", "东华医院") in _posts("东华医院举办义诊活动。教授周明远为群众答疑。")


def test_a_party_title_without_organisation_before_a_placed_title_shares_its_organisation() -> None:
    posts = _posts(
        "东岭集团有限公司召开职工代表大会\n\n3月19日，东岭集团有限公司召开职工代表大会。"
        "党组副书记、总经理李春芳作工作报告。"
    )
    assert ("李春芳", "总经理", "东岭集团有限公司") in posts
    assert ("李春芳", "党组副书记", "东岭集团有限公司") in posts
