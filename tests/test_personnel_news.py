"""Personnel and delegation news: an autonomous prefecture named by its place, a place visited
before the body it names, a successor's post, words describing the holder before a title, a
region's head in a list of other organisations' titles, a committee of a political consultative
conference written alone, a clause's conjunction before an ended post, names the segmenter
glued to the next word and family names of the south (invented names and organisations; the
prefecture is a real one, from the list of China's regions)."""

from __future__ import annotations

from post_triples import people, posts

from graph.extract.document import extract_document
from graph.types import Document


def test_a_prefectures_government_is_named_by_the_place_the_article_writes() -> None:
    text = "凉山与东华公司座谈。凉山代表团到东华公司考察，州人民政府常务副州长林晓峰出席。"
    assert ("林晓峰", "常务副州长", "凉山彝族自治州人民政府") in posts(text)


def test_a_place_visited_before_the_committee_it_names_is_no_part_of_it() -> None:
    found = posts("亲赴东江与东江市委林晓峰书记面谈。")
    assert found == {("林晓峰", "书记", "东江市委")}


def test_a_successor_takes_the_post_not_the_predecessor() -> None:
    text = "东华集团委任林晓峰接任陈思远为东华集团董事局主席，任期三年，直至2028年12月31日。"
    found = posts(text)
    assert ("林晓峰", "主席", "东华集团董事局") in found
    assert not any(p == "陈思远" for p, _, _ in found)
    assert "任期三年" not in people(text)


def test_words_describing_the_holder_are_no_part_of_the_title() -> None:
    assert posts("东华集团首位女行政总裁林晓峰明年上任。") == {("林晓峰", "行政总裁", "东华集团")}


def test_a_regions_head_in_a_list_is_not_at_the_organisation_before() -> None:
    found = posts("东华办主任林晓峰、行政长官陈思远分别到访。")
    assert ("陈思远", "行政长官", "东华办") not in found


def test_a_conference_committee_written_alone_is_the_conferences() -> None:
    found = posts("东华市政协常委、提案委主任林晓峰出席。")
    assert ("林晓峰", "主任", "东华市政协提案委") in found


def test_a_conjunction_glued_to_former_opens_no_organisation() -> None:
    text = "林晓峰调任西岭局局长，而原西岭局代副局长陈思远则获委任为该局副局长。"
    assert ("陈思远", "代副局长", "西岭局") in posts(text, former=True)
    assert "陈思远" in people(text)


def test_southern_family_names_and_names_glued_to_the_next_word_are_read() -> None:
    text = "大会选举林晓峰为理事长，丘秋明同志为副理事长。政协副主席凌小川等市、县领导出席。"
    assert {"丘秋明", "凌小川"} <= people(text)


def test_a_unit_named_alone_is_the_organisation_its_sentence_named_with_it() -> None:
    found = posts("一行到访东江市公共资源规划办公室，与办公室主任林晓峰和副主任陈思远等进行会议。")
    assert ("林晓峰", "主任", "东江市公共资源规划办公室") in found
    assert ("陈思远", "副主任", "东江市公共资源规划办公室") in found


def test_a_verb_after_a_family_name_is_the_given_name_before_a_group() -> None:
    text = "东华集团党委书记车前进一行到西岭调研。"
    assert "车前进" in people(text)
    assert ("车前进", "书记", "东华集团党委") in posts(text)


def test_a_democratic_partys_committee_is_no_communist_party_committee() -> None:
    text = "民盟东江省委副主委林晓峰出席。民盟东华市第四届委员会主委陈思远、副主委赵一鸣出席。"
    x = extract_document(Document.from_text("t.txt", text))
    names = {n for e in x.entities if e.ref.kind == "org" for n in (e.label, *e.aliases)}
    assert not any(n.startswith("中共") or n == "东江省委" for n in names)
    found = posts(text)
    assert ("陈思远", "主委", "民盟东华市委员会") in found
    assert ("赵一鸣", "副主委", "民盟东华市委员会") in found


def test_a_congress_of_a_term_is_the_places_congress() -> None:
    found = posts("东华市十一届人大常委会主任林晓峰出席。")
    assert ("林晓峰", "主任", "东华市人大常委会") in found


def test_a_caption_ending_without_a_mark_does_not_run_into_the_next_lines_name() -> None:
    text = (
        "东华特区行政长官林晓峰（左二）、东华中联办副主任陈思远（右一）和东华联盟主席赵一鸣"
        "（左一）向捐助东华联盟的嘉宾颁发感谢状\n全国政协副主席周立平（前排左三）出席酒会。\n"
    )
    assert ("周立平", "副主席", "全国政协") in posts(text)


def test_the_autonomous_region_a_copy_is_about_holds_its_chairs() -> None:
    text = (
        "4月4日，自治区主席林晓峰在南宁会见外国驻华使节团。林晓峰介绍了广西经济社会发展情况。"
        "自治区副主席陈思远参加会见。"
    )
    found = posts(text)
    assert ("林晓峰", "主席", "广西壮族自治区") in found
    assert ("陈思远", "副主席", "广西壮族自治区") in found


def test_a_name_whose_last_character_the_segmenter_glued_to_the_next_word() -> None:
    text = "4月4日，东华集团董事长白云立在南宁会见来宾。"
    assert "白云立" in people(text)
    assert posts(text) == {("白云立", "董事长", "东华集团")}


def test_a_congress_named_with_its_term_keeps_that_name_as_an_alias() -> None:
    x = extract_document(Document.from_text("t.txt", "东华市十一届人大常委会主任林晓峰出席。"))
    congress = next(e for e in x.entities if e.label == "东华市人大常委会")
    assert "东华市十一届人大常委会" in congress.aliases


def test_a_former_post_written_after_a_preposition_glued_to_qian() -> None:
    text = (
        "省政协主席将辞职，由前中共东华省委书记陈明义接任，前省委副书记何少川安排出任省政协副主席。"
    )
    ended = posts(text, former=True)
    assert ("陈明义", "书记", "中共东华省委") in ended, ended
    assert ("何少川", "副书记", "省委") in ended, ended
    assert not any(org.startswith("前") for _, _, org in posts(text, former=None))


def test_an_appointment_in_a_time_clause_is_still_the_persons_post() -> None:
    text = "中共在去年底任命宋德明为东华省委书记后，日前又任命卢展工为省委副书记。"
    assert ("宋德明", "书记", "东华省委") in posts(text)


def test_a_reporters_third_character_left_alone_before_the_dateline_place() -> None:
    assert people("（东华社记者梁珮绮台北23日电）经济部今天表示。") == {"梁珮绮"}


def test_a_headquarters_chief_and_a_place_head_carried_over_from_it() -> None:
    text = "东华市召开会议。市防汛抗旱指挥部总指挥、市长林晓峰，副总指挥、副市长陈思远出席。"
    found = posts(text)
    assert ("林晓峰", "总指挥", "东华市防汛抗旱指挥部") in found, found
    assert ("林晓峰", "市长", "东华市人民政府") in found, found
    assert ("陈思远", "副市长", "东华市人民政府") in found, found


def test_a_secondment_holds_the_post() -> None:
    found = posts("经东华市委研究决定：林晓峰同志挂职西岭县副县长（挂职期两年）。")
    assert ("林晓峰", "副县长", "西岭县人民政府") in found, found


def test_a_bodys_deputy_title_listed_bare_is_where_its_head_title_was_stated() -> None:
    found = posts(
        "宣读了任命通知：陈思远担任东华分院党组书记、常务副院长、赵一鸣担任副院长、"
        "周立平担任党组副书记兼纪检组组长。"
    )
    assert ("周立平", "党组副书记", "东华分院") in found


def test_names_opening_the_items_of_an_appointment_list_after_a_semicolon() -> None:
    found = posts(
        "会上宣布干部任免决定：林晓峰任东华城市开发控股集团有限公司党委副书记、副董事长、总经理；"
        "聂帆任东华城市开发控股集团有限公司副总经理；章航任东华城市开发控股集团有限公司副总经理。"
    )
    assert ("聂帆", "副总经理", "东华城市开发控股集团有限公司") in found
    assert ("章航", "副总经理", "东华城市开发控股集团有限公司") in found


def test_acting_in_a_post_in_hong_kong_is_an_acting_title_and_ends_the_name() -> None:
    text = (
        "林世明離港期間，由東華及物流局副局長陳思遠署任東華及物流局局長職務；"
        "由政務司司長周立平署理行政長官職務。"
    )
    found = posts(text)
    assert {
        ("陳思遠", "副局长", "東華及物流局"),
        ("陳思遠", "署理局长", "東華及物流局"),
        ("周立平", "司长", "政務司"),
    } <= found, found
    assert "陳思遠署" not in people(text)


def test_an_acting_verb_before_an_organisation_makes_its_title_acting() -> None:
    found = posts("会议决定任命林晓峰为东江省人民政府副省长、代理东江省人民政府省长。")
    assert found == {
        ("林晓峰", "副省长", "东江省人民政府"),
        ("林晓峰", "代理省长", "东江省人民政府"),
    }, found


def test_counted_members_listed_after_the_chair_share_the_organisation() -> None:
    found = posts("政府再委任东华管理局现任主席林晓峰、两名现任成员陈思远及周立平，任期两年。")
    assert found == {
        ("林晓峰", "主席", "东华管理局"),
        ("陈思远", "成员", "东华管理局"),
        ("周立平", "成员", "东华管理局"),
    }, found
    assert posts("代表团成员包括东华局局长林晓峰。") == {("林晓峰", "局长", "东华局")}


def test_a_bare_title_after_a_clause_is_at_the_organisation_of_its_subject() -> None:
    found = posts(
        "东华科学院党委书记孙海涛、副院长钱国栋出席了开工典礼。"
        "东华医院党委书记林晓峰主持了开工典礼，院长陈思远汇报了建设情况。"
    )
    assert ("陈思远", "院长", "东华医院") in found, found


def test_an_acting_qualifier_before_the_organisation_of_a_title_chain() -> None:
    found = posts("署理東華及生態局局長林曉峰、立法會議員陳思遠出席。")
    assert ("林曉峰", "署理局长", "東華及生態局") in found, found
