"""Classes of news statements (invented names and organisations): each test can fail."""

from __future__ import annotations

from pathlib import Path

from graph.extract.document import extract_document
from graph.types import Document, Entity, Extraction, Membership


def _x(text: str) -> Extraction:
    return extract_document(Document.from_text("n.txt", text))


def _people(x: Extraction) -> dict[str, Entity]:
    return {e.label: e for e in x.entities if e.ref.kind == "person"}


def _posts(x: Extraction) -> set[tuple[str, str, str]]:
    label = {e.ref: e.label for e in x.entities}
    return {
        (label[f.person], f.role.key, label[f.org]) for f in x.facts if isinstance(f, Membership)
    }


def test_a_person_without_a_post_is_an_entity_with_its_spans() -> None:
    text = "会议由邱德川主持，谭立川出席会议。"
    people = _people(_x(text))
    assert {"邱德川", "谭立川"} <= set(people)
    span = people["谭立川"].mentions[0]
    assert text[span.start : span.end] == "谭立川"


def test_a_list_shares_the_title_and_the_organisation() -> None:
    posts = _posts(_x("东江市政协副主席林晓峰、陈思远、赵一鸣及秘书长钱国栋出席会议。"))
    assert {
        ("林晓峰", "副主席", "东江市政协"),
        ("陈思远", "副主席", "东江市政协"),
        ("赵一鸣", "副主席", "东江市政协"),
        ("钱国栋", "秘书长", "东江市政协"),
    } <= posts


def test_a_list_ending_with_a_verb_of_leading_a_group_shares_the_title() -> None:
    posts = _posts(
        _x("东江市总工会副主席林晓峰、陈思远带队调研，东江市妇联副主席赵一鸣、钱国栋率队参观。")
    )
    assert {
        ("陈思远", "副主席", "东江市总工会"),
        ("钱国栋", "副主席", "东江市妇联"),
    } <= posts


def test_a_verb_with_its_aspect_particle_after_a_name_is_not_its_third_character() -> None:
    posts = _posts(_x("区财政局副局长陈远谈了如何管理资金。"))
    assert {p for p, _, _ in posts} == {"陈远"}


def test_a_leader_s_name_and_verb_are_not_part_of_the_led_unit_s_name() -> None:
    posts = _posts(
        _x(
            "昨日上午，东华省科技厅副厅长林晓峰率领产学研处调研员陈思远、副处长赵一鸣，"
            "以及处长周立平等一行9人到校调研。"
        )
    )
    assert {("陈思远", "调研员", "产学研处"), ("赵一鸣", "副处长", "产学研处")} <= posts
    assert not any("，" in o or "林晓峰" in o for _, _, o in posts)


def test_a_title_without_organisation_takes_the_one_stated_before() -> None:
    text = "东江市人大常委会副主任林晓峰出席会议；副主任陈思远、赵一鸣分别主持会议。"
    posts = _posts(_x(text))
    assert ("陈思远", "副主任", "东江市人大常委会") in posts
    assert ("赵一鸣", "副主任", "东江市人大常委会") in posts


def test_appointments_give_each_name_the_post() -> None:
    text = "会议决定任命林晓峰、陈思远为东江市人民政府副市长，赵一鸣为东江市人民政府秘书长。"
    posts = _posts(_x(text))
    assert ("林晓峰", "副市长", "东江市人民政府") in posts
    assert ("陈思远", "副市长", "东江市人民政府") in posts
    assert ("赵一鸣", "秘书长", "东江市人民政府") in posts


def test_elected_with_asides_and_a_count() -> None:
    text = "林晓峰当选东江市总工会主席。陈思远、赵一鸣（女）等2名同志当选副主席。"
    posts = _posts(_x(text))
    assert ("赵一鸣", "副主席", "东江市总工会") in posts
    assert ("陈思远", "副主席", "东江市总工会") in posts


def test_a_title_after_the_name() -> None:
    posts = _posts(_x("东江医科大学附属医院林晓峰教授、南川大学陈思远、赵一鸣教授到会。"))
    assert ("林晓峰", "教授", "东江医科大学附属医院") in posts
    assert ("赵一鸣", "教授", "南川大学") in posts


def test_a_byline_after_the_dispatch_is_a_post_of_the_paper() -> None:
    posts = _posts(_x("东江日报讯 （记者林晓峰、通讯员陈思远、赵一鸣）3月5日，会议召开。"))
    assert ("林晓峰", "记者", "东江日报") in posts
    assert ("赵一鸣", "通讯员", "东江日报") in posts


def test_place_titles_are_held_in_the_place_government_or_party_committee() -> None:
    posts = _posts(_x("东江市代市长林晓峰、中共南川区委副书记、区长陈思远出席。"))
    assert ("林晓峰", "代市长", "东江市人民政府") in posts
    assert ("陈思远", "区长", "南川区人民政府") in posts
    assert ("陈思远", "副书记", "中共南川区委") in posts


def test_a_pointing_word_is_the_organisation_the_document_names() -> None:
    text = "东江大学召开校庆大会。校党委书记林晓峰、校长陈思远、副校长赵一鸣出席。"
    posts = _posts(_x(text))
    assert ("陈思远", "校长", "东江大学") in posts
    assert ("赵一鸣", "副校长", "东江大学") in posts
    assert ("林晓峰", "书记", "东江大学党委") in posts


def test_a_title_sharing_its_head_with_the_name() -> None:
    assert ("林晓峰", "局长", "东江市财政局") in _posts(_x("东江市财政局长林晓峰出席。"))


def _event_days(x: Extraction) -> set[tuple[str, str]]:
    from graph.types import EventFact

    return {(str(f.start), str(f.end)) for f in x.facts if isinstance(f, EventFact)}


def test_a_bare_date_takes_the_year_of_the_document_date_not_of_the_text() -> None:
    text = "标题\n发布时间：2018-07-23 13:42\n7月20日，东江区召开第六次妇女代表大会。规划到2035年。"
    assert ("2018-07-20", "2018-07-20") in _event_days(_x(text))


def test_a_relative_day_is_resolved_against_the_document_date() -> None:
    text = "标题\n来源：某网 发布时间：2018-12-26 00:00\n今（26）日，东江市七届人大常委会第二十三次会议召开。"
    assert ("2018-12-26", "2018-12-26") in _event_days(_x(text))


def _former(x: Extraction) -> set[tuple[str, str, str]]:
    label = {e.ref: e.label for e in x.entities}
    return {
        (label[f.person], f.role.key, label[f.org])
        for f in x.facts
        if isinstance(f, Membership) and f.former
    }


def test_removals_and_former_titles_are_former_posts() -> None:
    text = (
        "会议决定免去林晓峰东江市人民政府秘书长职务，接受陈思远辞去东江市人民政府副市长职务的请求。"
        "东江市人大常委会原主任赵一鸣出席。"
    )
    x = _x(text)
    former = _former(x)
    assert ("林晓峰", "秘书长", "东江市人民政府") in former
    assert ("陈思远", "副市长", "东江市人民政府") in former
    assert ("赵一鸣", "主任", "东江市人大常委会") in former
    assert not (former & {p for p in _posts(x) if p not in former})


def test_varied_news_documents_build_into_a_graph_that_validates(tmp_path: Path) -> None:
    from graph.build.pipeline import BuildOptions, build_corpus
    from graph.sparql.validate import validate_export

    docs = {
        "removal.txt": "会议决定免去林晓峰东江市人民政府秘书长职务，任命陈思远为东江市人民政府副市长。",
        "trad.txt": "（中央社記者林曉峰台中23日電）經濟部長陳思遠出席座談會。（編輯：趙一鳴）1120123",
        "undated.txt": "东江市总工会第十四次代表大会在东江会堂召开。东江大学党委书记赵一鸣出席。",
        "byline.txt": "东江日报讯 （记者林晓峰、通讯员陈思远）昨天上午，东江市召开工作会议。",
        "list.txt": "标题\n2019-03-05\n东江市政协副主席林晓峰、陈思远及秘书长赵一鸣出席。",
        "seat.txt": "新华社东江3月5日电 东江市第三次代表大会今天开幕。\n"
        "“我们要把工作做好。”东江市市长林晓峰说。他表示，今年将继续推进改革。",
    }
    src = tmp_path / "src"
    src.mkdir()
    for name, text in docs.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    report = build_corpus(src, out, options=BuildOptions())
    assert not report.failures
    result = validate_export(out)
    assert result.conforms, result.text


def test_titles_before_a_comma_belong_to_the_name_after_a_rank() -> None:
    posts = _posts(_x("会上，东江市人民检察院党组书记、检察长，二级大检察官林晓峰讲话。"))
    assert ("林晓峰", "党组书记", "东江市人民检察院") in posts
    assert ("林晓峰", "检察长", "东江市人民检察院") in posts


def test_titles_before_a_comma_belong_to_the_name_after_more_titles() -> None:
    text = "东江市田径运动管理中心党委书记、副主任，东江市田径协会副主席林晓峰致辞。"
    posts = _posts(_x(text))
    assert ("林晓峰", "副主任", "东江市田径运动管理中心") in posts
    assert ("林晓峰", "副主席", "东江市田径协会") in posts
    assert ("林晓峰", "书记", "东江市田径运动管理中心党委") in posts


def test_organisation_names_keep_inner_conjunctions_and_drop_leading_times() -> None:
    posts = _posts(
        _x("2月初，东江省住房和城乡建设厅副厅长林晓峰赴南川调研。3月初东江市商务局局长陈思远出席。")
    )
    assert ("林晓峰", "副厅长", "东江省住房和城乡建设厅") in posts
    assert ("陈思远", "局长", "东江市商务局") in posts


def test_a_modifier_before_the_title_belongs_to_the_title() -> None:
    assert ("林晓峰", "营销总监", "东江置业有限公司") in _posts(
        _x("东江置业有限公司营销总监林晓峰说。")
    )


def test_a_short_form_the_article_defines_is_the_full_organisation() -> None:
    text = (
        "东江电力股份有限公司（以下简称“东电”）今日举行会议。东电董事长林晓峰出席。"
        "南川省水利科学研究院（简称省水科院）成立于1958年，省水科院副院长陈思远主持。"
    )
    x = _x(text)
    posts = _posts(x)
    assert ("林晓峰", "董事长", "东江电力股份有限公司") in posts
    assert ("陈思远", "副院长", "南川省水利科学研究院") in posts
    org = next(e for e in x.entities if e.label == "东江电力股份有限公司")
    assert "东电" in org.aliases


def test_a_short_form_of_something_else_is_no_organisation() -> None:
    text = "东江市推行义务教育阶段“双减”政策（简称“双减”）。双减主任林晓峰介绍。"
    assert not any(org == "双减" for _, _, org in _posts(_x(text)))


def test_hospital_departments_belong_to_the_title_or_are_the_organisation() -> None:
    posts = _posts(
        _x(
            "东江市人民医院呼吸内科副主任医师陈思远说。"
            "南川省肿瘤医院赵一鸣教授及我院胸外科钱国栋主任医师进行了手术演示。"
        )
    )
    assert ("陈思远", "呼吸内科副主任医师", "东江市人民医院") in posts
    assert ("赵一鸣", "教授", "南川省肿瘤医院") in posts
    assert ("钱国栋", "主任医师", "我院胸外科") in posts


def test_a_committee_department_written_alone_after_its_standing_member_title() -> None:
    posts = _posts(_x("东江市委常委、宣传部部长林晓峰，东江大学党委常委、组织部部长陈思远出席。"))
    assert ("林晓峰", "部长", "东江市委宣传部") in posts
    assert ("陈思远", "部长", "东江大学党委组织部") in posts


def test_an_acting_head_and_a_general_association() -> None:
    posts = _posts(_x("東江市治安警察局代局長林曉峰、東江工會聯合總會副理事長陳思遠出席。"))
    assert ("林曉峰", "代局长", "東江市治安警察局") in posts
    assert ("陳思遠", "副理事长", "東江工會聯合總會") in posts


def test_we_stays_unresolved_when_only_other_schools_are_named() -> None:
    x = _x(
        "由东江市关工委和我校联合举办的研讨会在我校开幕。我校党委书记石秀和，党委副书记、"
        "校长林晓峰，以及东江农业大学、南川大学等25所高校的代表参加。石秀和致辞。"
    )
    posts = _posts(x)
    assert ("林晓峰", "校长", "我校") in posts
    assert ("石秀和", "书记", "我校党委") in posts
    assert "石秀" not in _people(x)


def test_departments_named_alone_in_a_hospital_story() -> None:
    posts = _posts(
        _x(
            "东江医院心内科主任林晓峰，康复医学科主任陈思远，推拿科副主任医师赵一鸣以及"
            "心胸外科副主任医师钱国栋、医师孙立平参加义诊。"
        )
    )
    assert ("陈思远", "主任", "康复医学科") in posts
    assert ("赵一鸣", "副主任医师", "推拿科") in posts
    assert ("钱国栋", "副主任医师", "心胸外科") in posts
    assert ("孙立平", "医师", "心胸外科") in posts


def test_a_discipline_is_no_department() -> None:
    assert not _posts(_x("东江大学计算机学科带头人林晓峰说。"))


def test_a_title_held_by_someone_named_after_by() -> None:
    x = _x(
        "其中，东江市台湾工作办公室新闻发言人由副主任林晓峰担任。"
        "东江市深化改革委员会新任新闻发言人由秘书局局长陈思远出任。"
    )
    posts = _posts(x)
    assert ("林晓峰", "新闻发言人", "东江市台湾工作办公室") in posts
    assert ("林晓峰", "副主任", "东江市台湾工作办公室") in posts
    assert ("陈思远", "新闻发言人", "东江市深化改革委员会") in posts
    assert ("陈思远", "局长", "秘书局") in posts
    assert "由秘书" not in _people(x)


def test_a_meeting_chaired_by_a_title_without_organisation() -> None:
    posts = _posts(
        _x("东江地质研究所召开座谈会。会议由党委书记、副所长林晓峰主持，人事处负责人参加。")
    )
    assert ("林晓峰", "书记", "东江地质研究所党委") in posts
    assert ("林晓峰", "副所长", "东江地质研究所") in posts


def test_traditional_place_titles_and_councillors() -> None:
    x = _x("東江縣議員王远舟、林滄川服務處執行長林远川、線西鄉長蔡麗舟出席。")
    label_sets = {e.ref: {e.label, *e.aliases} for e in x.entities}
    posts = {
        (
            next(e.label for e in x.entities if e.ref == f.person),
            f.role.key,
            frozenset(label_sets[f.org]),
        )
        for f in x.facts
        if isinstance(f, Membership)
    }
    assert any(p == "王远舟" and r == "议员" and "東江縣議會" in o for p, r, o in posts)
    assert any(p == "蔡麗舟" and r == "乡长" and "線西鄉" in o for p, r, o in posts)
    assert not any(p == "林滄川" for p, _, _ in posts)


def test_a_list_names_a_unit_and_a_title_once() -> None:
    text = (
        "东江市关工委副主任王茂根、秘书长原永堂，南川省关工委副主任宋陵生、办公室主任董从信，"
        "南川省教育厅关工委常务副主任郝运福、顾问柏守逊、秘书长吴益东出席。"
    )
    posts = _posts(_x(text))
    assert ("董从信", "主任", "南川省关工委办公室") in posts
    assert {o for p, r, o in posts if p == "原永堂"} == {"东江市关工委"}
    assert {o for p, r, o in posts if p == "吴益东"} == {"南川省教育厅关工委"}


def test_a_byline_sets_names_off_by_spaces() -> None:
    posts = _posts(_x("标题\n本报讯 （记者 余家希 通讯员 郑青） 11月30日，东江商会召开大会。"))
    assert ("余家希", "记者", "本报") in posts
    assert ("郑青", "通讯员", "本报") in posts


def test_more_titles_and_a_provincial_government_written_short() -> None:
    posts = _posts(
        _x(
            "國家商務部部長助理林曉峰、外交部駐東江特派員公署副特派員陳思遠、"
            "東江縣後備軍人指揮部指揮官趙一鳴出席，省府秘書長錢國棟代表出席。"
        )
    )
    assert ("林曉峰", "部长助理", "國家商務部") in posts
    assert ("陳思遠", "副特派员", "外交部駐東江特派員公署") in posts
    assert ("趙一鳴", "指挥官", "東江縣後備軍人指揮部") in posts
    assert any(p == "錢國棟" and r == "秘书长" for p, r, _ in posts)


def test_names_are_not_glued_to_a_day_or_cut_before_their_last_character() -> None:
    people = _people(
        _x(
            "東江特區行政長官崔明远今（8）日出席論壇。行政院政務委員兼東江省政府主席林政則，一向關心地方。"
        )
    )
    assert "崔明远" in people and "崔明远今" not in people
    assert "林政" not in people


def test_a_short_name_the_article_also_writes_in_full_is_an_organisation() -> None:
    posts = _posts(_x("东电公司召开会议。东电代理董事长林晓峰出席。"))
    assert ("林晓峰", "代理董事长", "东电") in posts
    # 台 alone is a measure word: the name is kept whole when 台电公司 is written too
    posts = _posts(_x("听取台电公司简报。经济部长王云帆、台电代理董事长林晓峰出席。"))
    assert ("林晓峰", "代理董事长", "台电") in posts


def test_a_short_name_never_written_in_full_or_a_pronoun_is_no_organisation() -> None:
    assert not _posts(_x("东电代理董事长林晓峰出席。"))
    assert not _posts(_x("我们公司发展很快。我们董事长林晓峰出席。"))


def test_names_before_comrade_in_a_long_decision_hold_their_posts() -> None:
    x = _x(
        "经研究决定：张明远同志任泉州市发展和改革委员会主任；李春芳同志任泉州市财政局局长，"
        "免去其泉州市审计局局长职务；王海生同志任泉州市卫生健康委员会副主任（试用期一年）。"
    )
    assert ("王海生", "副主任", "泉州市卫生健康委员会") in _posts(x)


def test_the_present_posts_of_a_biography_belong_to_the_name_opening_it() -> None:
    posts = _posts(_x("林晓峰，男，汉族，1965年8月生，大学学历，现任东江市财政局局长、党组书记。"))
    assert ("林晓峰", "局长", "东江市财政局") in posts
    assert not _posts(_x("林晓峰说，现任东江市财政局局长的人很忙。"))


def test_a_name_the_model_cuts_after_its_family_name_is_whole() -> None:
    posts = _posts(_x("市总工会主席赵立新汇报了工作。"))
    assert ("赵立新", "主席", "市总工会") in posts


def test_a_qualifier_between_the_title_and_the_name() -> None:
    posts = _posts(_x("东华市总工会副主席（兼职）李春芳出席。"))
    assert ("李春芳", "副主席", "东华市总工会") in posts


def test_a_unit_a_list_names_alone_is_a_body_of_the_chains_organisation() -> None:
    posts = _posts(_x("东华市总工会副主席李春芳、经审会主任王海生出席。"))
    assert ("王海生", "主任", "东华市总工会经审会") in posts


def test_a_regions_head_and_a_court_of_final_appeal() -> None:
    posts = _posts(_x("东海特别行政区行政长官林晓峰、立法会主席陈思远、终审法院院长赵一鸣出席。"))
    assert ("林晓峰", "行政长官", "东海特别行政区") in posts
    assert ("赵一鸣", "院长", "终审法院") in posts
    assert ("陈思远", "主席", "立法会") in posts
    assert not any(p[0] == "陈思远" and p[2] != "立法会" for p in posts)


def test_a_family_name_left_alone_after_a_title_is_read_with_its_given_name() -> None:
    x = _x(
        "东华市召开发布会\n2021-05-13\n东华市政府新闻办举行发布会。会议介绍了情况。"
        "东华市政府新闻办副主任、新闻发言人赵立新主持发布会。"
    )
    assert ("赵立新", "新闻发言人", "东华市政府新闻办") in _posts(x)


def test_a_verb_before_a_verb_of_organisation_names_stays_in_the_name() -> None:
    posts = _posts(_x("东华市召开会议。人力资源社会保障部就业促进司副司长王海生出席。"))
    assert ("王海生", "副司长", "人力资源社会保障部就业促进司") in posts


def test_a_generic_name_is_the_institute_the_document_is_about() -> None:
    x = _x("东华研究所召开学术年会\n\n11月18日，东华研究所召开学术年会。研究所所长张明远出席。")
    assert ("张明远", "所长", "东华研究所") in _posts(x)


def test_a_place_before_a_government_title_is_one_entity_at_that_span() -> None:
    """东江市 of 东江市市长 is the seat (东江市人民政府), not also an organisation 东江市."""
    x = _x("东江市第三次代表大会今天开幕。“我们要把工作做好。”东江市市长林晓峰说。")
    owners: dict[tuple[int, int], set[str]] = {}
    for e in x.entities:
        for m in e.mentions:
            owners.setdefault((m.start, m.end), set()).add(e.label)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    assert ("林晓峰", "市长", "东江市人民政府") in _posts(x)


def test_the_head_of_a_body_named_before_its_party_group() -> None:
    posts = _posts(_x("东江市妇联召开执委会议。市妇联党组书记、主席林晓峰作工作报告。"))
    assert ("林晓峰", "主席", "市妇联") in posts
    assert not any(p[0] == "林晓峰" and p[2] == "市" for p in posts)


def test_a_department_after_the_standing_member_title_of_an_elided_committee() -> None:
    posts = _posts(_x("会议召开。市委常委、组织部部长林晓峰出席会议并讲话。"))
    assert ("林晓峰", "部长", "市委组织部") in posts


def test_a_bare_bureau_word_before_its_committee_is_the_bureau_of_the_article() -> None:
    posts = _posts(
        _x("东江市公安局召开会议。市公安局局长林晓峰主持会议。局党委副书记、政委陈思远参加会议。")
    )
    assert ("陈思远", "副书记", "东江市公安局党委") in posts
    assert ("陈思远", "政委", "东江市公安局") in posts


def test_a_city_department_that_opens_like_a_word_is_still_elided() -> None:
    posts = _posts(_x("东江市召开会议\n\n市民政局局长林晓峰、市教育局局长陈思远出席。"))
    assert ("林晓峰", "局长", "东江市民政局") in posts
    assert ("陈思远", "局长", "东江市教育局") in posts


def test_hong_kong_appointments_and_a_bare_chief_executive() -> None:
    posts = _posts(_x("香港特区政府公布任命\n\n委任王海生为劳工及福利局副局长。"))
    assert ("王海生", "副局长", "劳工及福利局") in posts
    posts = _posts(_x("澳門特區政府舉行典禮\n\n行政長官林曉峰出席典禮。"))
    assert ("林曉峰", "行政长官", "澳門特區政府") in posts


def test_a_unit_named_alone_after_a_title_at_its_organisation_in_one_chain() -> None:
    posts = _posts(
        _x("东江省公安厅召开新闻发布会。东江省公安厅新闻发言人、办公室副主任林晓峰出席。")
    )
    assert ("林晓峰", "副主任", "东江省公安厅办公室") in posts


def test_a_subsidiary_introduced_by_its_owner_word() -> None:
    posts = _posts(_x("南岭能源集团召开会议。所属东华电力公司总经理林晓峰作交流发言。"))
    assert ("林晓峰", "总经理", "东华电力公司") in posts


def test_a_bare_government_title_is_at_the_place_of_the_institution_the_article_is_about() -> None:
    posts = _posts(
        _x("东岭县人大常委会召开会议\n\n县人大常委会主任林晓峰主持会议，县长陈思远列席。")
    )
    assert ("陈思远", "县长", "东岭县人民政府") in posts


def test_an_organisation_named_without_its_region_is_the_one_named_with_it() -> None:
    x = _x("交通局原局长林晓峰被开除党籍\n6月17日，东江市交通局原局长林晓峰被开除党籍。")
    orgs = {e.label for e in x.entities if e.ref.kind == "org"}
    assert orgs == {"东江市交通局"}


def test_a_day_numbered_zero_is_no_date_and_does_not_stop_the_document() -> None:
    text = (
        "标题\n2017-07-10 00:00:00 来源：东江日报\n"
        "l0日下午，东江区农业园区签约仪式隆重举行。区委书记林晓峰出席仪式。"
    )
    x = _x(text)
    assert any(isinstance(f, Membership) for f in x.facts)


def test_a_former_title_after_a_verb_names_no_organisation_of_its_own() -> None:
    x = _x("东江县长今天抵达。县长陈思远将至机场迎接。院长当年前来颁发前县长林晓峰褒扬令。")
    labels = {e.label for e in x.entities if e.ref.kind == "org"}
    assert not any(label.startswith("前县") for label in labels)


def test_words_before_a_county_are_no_county_of_their_own() -> None:
    x = _x(
        "县委召开常委会议\n县委书记林晓峰主持会议。在县内的县委常委参加会议。副市长陈思远来我县视察。"
    )
    labels = {e.label for e in x.entities if e.ref.kind == "org"}
    assert not any(label.startswith(("内的县", "来我县")) for label in labels)
