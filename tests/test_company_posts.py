"""Company announcements and résumés (invented names and companies): honorifics before an
aside, a résumé's current post, a successor named before 接替, titles joined by 及, and 公司
pointing at the group the article is about."""

from __future__ import annotations

from post_triples import posts as _posts

COMPANY = "东华种业集团股份有限公司（以下简称“公司”）"


def test_an_appointment_with_an_honorific_and_an_aside() -> None:
    posts = _posts(COMPANY + "董事会同意聘任张振华先生（简历附后）为公司总经理。")
    assert posts == {("张振华", "总经理", "东华种业集团股份有限公司")}


def test_a_resumes_post_held_since_a_date_is_current() -> None:
    posts = _posts(
        COMPANY + "召开会议。\n张振华先生，1963年5月出生，曾任东华种子集团公司副总经理。"
        "2013年12月—2017年1月任本公司总经理，2015年1月起任本公司董事长。"
    )
    assert posts == {("张振华", "董事长", "东华种业集团股份有限公司")}


def test_a_successor_takes_the_post_not_the_predecessor() -> None:
    posts = _posts("东华集团宣布张振华将接替李春芳出任东华云科技集团代理董事长兼首席执行官。")
    assert {(p, r) for p, r, _ in posts} == {("张振华", "代理董事长"), ("张振华", "首席执行官")}


def test_two_appointments_in_one_clause_and_titles_joined_by_ji() -> None:
    posts = _posts(
        "东华集团于6月20日宣布计划。公司已于今日完成交接，"
        "由张振华接任公司董事会主席及李春芳接任公司首席执行官及董事。"
    )
    assert ("李春芳", "首席执行官", "东华集团") in posts
    assert ("李春芳", "董事", "东华集团") in posts
    assert ("张振华", "主席", "东华集团董事会") in posts


def test_a_department_named_by_its_bare_kind() -> None:
    posts = _posts("东华省交通运输厅召开干部大会，宣布张振华同志任厅党委副书记。")
    assert ("张振华", "副书记", "东华省交通运输厅党委") in posts


def test_a_transliterated_name_in_a_list_shares_its_title() -> None:
    posts = _posts("全国政协副主席张振华、阿不来提・阿不都热西提、李春芳出席会议。")
    assert ("阿不来提・阿不都热西提", "副主席", "全国政协") in posts
    assert ("李春芳", "副主席", "全国政协") in posts


def test_a_bare_title_is_at_the_organisation_named_before_it_in_its_sentence() -> None:
    text = (
        "3月19日，东华集团董事长张振华前往上海调研。"
        "下午，张董事长一行察看了江苏森工公司，听取总经理李春芳专题汇报经营情况。"
    )
    assert ("李春芳", "总经理", "江苏森工公司") in _posts(text)


def test_a_bare_title_in_a_sentence_naming_no_organisation_is_at_the_articles() -> None:
    assert ("李春芳", "总经理", "东华集团") in _posts(
        "东华集团召开会议。会上，总经理李春芳作报告。"
    )


def test_a_post_kept_on_is_read_after_its_adverb() -> None:
    text = "上海东华俱乐部召开会议。领导班子保持不变，张振华依然出任俱乐部总经理。"
    assert ("张振华", "总经理", "上海东华俱乐部") in _posts(text)
    text = "东华公司召开董事会，李春芳继续担任公司董事长。"
    assert ("李春芳", "董事长", "东华公司") in _posts(text)


def test_a_passive_election_after_an_adverb_gives_the_post() -> None:
    text = "东华公司副总经理周立群先生荣幸地被选举为第一任东江华人商会会长。"
    assert ("周立群", "会长", "东江华人商会") in _posts(text)
    assert ("张振华", "总经理", "东华公司") in _posts("张振华被任命为东华公司总经理。")


def test_a_universitys_board_of_a_term_is_a_board_a_companys_is_the_company() -> None:
    found = _posts("东华大学第六届董事会副董事长林德远出席。")
    assert found == {("林德远", "副董事长", "东华大学董事会")}
    found = _posts("东华股份有限公司召开董事会，会议选举张振华为公司第七届董事会董事长。")
    assert found == {("张振华", "董事长", "东华股份有限公司")}


def test_a_bank_presidents_assistant() -> None:
    found = _posts("工行东江分行行长张立川、行长助理张德舟拜访了东江市政府。")
    assert ("张德舟", "行长助理", "工行东江分行") in found


def test_a_place_opens_a_company_whose_brand_reads_as_function_words() -> None:
    found = _posts(
        "签约仪式上，杭州久其软件股份有限公司副总裁张振华，南京致远互联软件有限公司总经理胡文成致辞。"
    )
    assert found == {
        ("张振华", "副总裁", "杭州久其软件股份有限公司"),
        ("胡文成", "总经理", "南京致远互联软件有限公司"),
    }, found


def test_a_resignation_for_a_stated_reason_ends_the_post_the_article_names() -> None:
    text = "东华银行股份有限公司发布公告称，公司董事长林晓峰因工作调整辞去公司董事长职务。"
    assert _posts(text, former=None) == {("林晓峰", "董事长", "东华银行股份有限公司")}
    assert _posts(text) == set()


def test_the_clauses_time_word_and_verb_are_no_part_of_a_title() -> None:
    text = "东华银行股份有限公司董事会近日收到副行长林晓峰的辞职报告。"
    assert not any("近日" in role for _, role, _ in _posts(text, former=None))


def test_a_board_after_a_name_the_model_reads_with_it() -> None:
    found = _posts("东华铁路董事局主席林晓峰出席。")
    assert ("林晓峰", "主席", "东华铁路董事局") in found, found


def test_a_successor_named_before_a_time_phrase_and_jieti() -> None:
    found = _posts("林晓峰明年元旦起接替陈思远任东华铁路董事局主席。")
    assert {p for p, _, _ in found} == {"林晓峰"}, found


def test_describing_words_before_a_title_after_a_name_the_model_knows() -> None:
    found = _posts("東華鐵首位女行政總裁林曉峰明年元旦上任。")
    assert {role for _, role, _ in found} == {"行政总裁"}, found


def test_a_level_or_a_former_marker_before_a_body_the_model_reads_is_no_organisation() -> None:
    found = _posts("东华乡红堡村曾经负债累累。村党支部书记林晓峰上任后，积极推销产品。")
    assert not any(org in ("村", "村党支部") for _, _, org in found), found
    found = _posts("荣誉曾被授予东华村原党委书记陈思远。")
    assert not any(org.endswith("原党委") for _, _, org in found), found


def test_a_company_giving_an_area_in_brackets_is_named_whole() -> None:
    found = _posts(
        "东华保险（中国）有限公司总经理林晓峰表示，东华人寿（亚洲）有限公司董事陈思远出席。"
    )
    assert ("林晓峰", "总经理", "东华保险（中国）有限公司") in found, found
    assert ("陈思远", "董事", "东华人寿（亚洲）有限公司") in found, found


def test_a_bank_appointing_a_chief_or_a_president_by_title_alone() -> None:
    found = _posts("东华银行委任新行政总裁\n东华银行董事会宣布，委任林晓峰为行政总裁，即时生效。")
    assert ("林晓峰", "行政总裁", "东华银行") in found, found
    found = _posts("东华银行股份有限公司召开董事会。会议同意聘任林晓峰为行长。")
    assert ("林晓峰", "行长", "东华银行股份有限公司") in found, found


def test_directors_elected_or_appointed_by_title_alone() -> None:
    found = _posts("东华银行召开股东大会。会议选举陈思远为独立董事。")
    assert ("陈思远", "独立董事", "东华银行") in found, found
    found = _posts("东华控股有限公司宣布，委任林晓峰为独立非执行董事。")
    assert ("林晓峰", "独立非执行董事", "东华控股有限公司") in found, found


def test_a_brand_longer_than_four_characters_before_a_bracketed_area() -> None:
    found = _posts("会见了东华人寿保险（亚洲）有限公司总经理林晓峰。")
    assert found == {("林晓峰", "总经理", "东华人寿保险（亚洲）有限公司")}, found
    found = _posts("东华人寿保险（上海）有限公司董事陈思远出席。")
    assert found == {("陈思远", "董事", "东华人寿保险（上海）有限公司")}, found


def test_finance_titles() -> None:
    found = _posts("東華台灣商會聯合總會總會長林曉峰致辭，东华基金公司基金经理陈思远出席。")
    assert ("林曉峰", "总会长", "東華台灣商會聯合總會") in found, found
    assert ("陈思远", "基金经理", "东华基金公司") in found, found


def test_the_predecessor_named_after_the_successors_verb_takes_no_post() -> None:
    posts = _posts("东华集团宣布，陈思远接替林晓峰出任集团总裁。")
    assert posts == {("陈思远", "总裁", "东华集团")}
