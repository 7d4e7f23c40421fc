"""Event dates in undated articles and reported visits (invented names and places)."""

from __future__ import annotations

from datetime import date

from graph.extract.document import extract_document
from graph.text.docdate import dateline
from graph.text.narrative import narrative_month, year_of_day
from graph.types import Document, EventFact


def _events(text: str) -> dict[str, tuple[date | None, date | None]]:
    x = extract_document(Document.from_text("e.txt", text))
    return {f.name: (f.start, f.end) for f in x.facts if isinstance(f, EventFact)}


def test_an_undated_article_is_told_after_the_months_it_reports_as_past() -> None:
    events = _events(
        "东华医院举行论坛\n\n8月8日，东华医院举行第二届微创外科高峰论坛。"
        "2016年11月，院长提出新的发展模式，半年多来成效明显。医院计划于2019年6月建成新楼。"
    )
    assert events["第二届微创外科高峰论坛"][0] == date(2017, 8, 8)


def test_plans_and_range_ends_do_not_date_the_story() -> None:
    assert narrative_month("预计到2030年6月完成。2021年5月已经开工。") == (2021, 5)
    assert narrative_month("活动将于2022年10月推出，2021年3月到2023年3月举行。") == (2021, 3)
    assert year_of_day(3, (2021, 3)) == 2021 and year_of_day(2, (2021, 3)) == 2022


def test_a_dated_article_keeps_its_own_year() -> None:
    events = _events(
        "发布时间：2019-05-02\n东华市召开表彰大会\n4月30日，东华市劳动模范表彰大会召开。"
        "2020年12月将建成新馆。"
    )
    assert events["东华市劳动模范表彰大会"][0] == date(2019, 4, 30)


def test_a_visit_is_an_event_dated_by_its_sentence_or_the_day_before_it() -> None:
    events = _events(
        "发布时间：2021-02-05\n东华社南岭5日电 今年春节前夕，市长陈思远到东华社区走访慰问困难群众。\n"
        "随后，陈思远前往南岭敬老院看望老人。"
    )
    assert set(events.values()) == {(date(2021, 2, 5), date(2021, 2, 5))}
    assert any(name.endswith("看望老人") for name in events)
    assert any(name.endswith("走访慰问困难群众") for name in events)


def test_a_visit_with_a_written_date() -> None:
    events = _events("2019年的工作\n2月3日，市长陈思远到东华社区走访慰问困难群众。")
    assert events == {"市长陈思远到东华社区走访慰问困难群众": (date(2019, 2, 3), date(2019, 2, 3))}


def test_the_event_of_the_title_takes_the_day_of_the_lead() -> None:
    events = _events(
        "东华集团召开2019年度民主生活会\n发布时间：2020-01-22\n"
        "1月20日，集团领导班子召开会议，党委书记林晓峰主持。"
    )
    assert events["2019年度民主生活会"][0] == date(2020, 1, 20)


def test_a_short_bracketed_word_inside_an_event_name() -> None:
    events = _events("2019年3月5日，东岭县委召开常委（扩大）会议，县委书记林晓峰主持。")
    assert events.get("常委（扩大）会议") == (date(2019, 3, 5), date(2019, 3, 5))


def test_weeks_and_months_relative_to_the_document_date() -> None:
    events = _events(
        "标题\n2019-03-05\n上周三，东江市召开水务工作座谈会。本月1日，东江市召开防汛工作会议。"
        "上月28日，南川区召开水利建设推进会。"
    )
    assert events["水务工作座谈会"] == (date(2019, 2, 27), date(2019, 2, 27))
    assert events["防汛工作会议"] == (date(2019, 3, 1), date(2019, 3, 1))
    assert events["水利建设推进会"] == (date(2019, 2, 28), date(2019, 2, 28))


def test_a_source_line_or_a_date_in_chinese_numerals_dates_the_copy() -> None:
    for header in (
        "来源：东江日报 2019-03-05",
        "东江日报 2019年3月5日 第2版",
        "二〇一九年三月五日",
    ):
        events = _events(f"标题\n{header}\n昨天，东江市召开水务工作会议。")
        assert events["水务工作会议"] == (date(2019, 3, 4), date(2019, 3, 4)), header


def test_a_quoted_event_name_keeps_its_verbs() -> None:
    events = _events(
        "标题\n2014.12.25\n东江县政府今天上午，举办「东江县第17届县长宣誓就职暨交接典礼」。"
    )
    assert events["东江县第17届县长宣誓就职暨交接典礼"] == (date(2014, 12, 25), date(2014, 12, 25))


def test_listed_days_and_a_lead_with_only_a_part_of_the_day() -> None:
    events = _events(
        "标题\n2021年9月29日是第22个世界心脏病日。上午，东江医院心脏中心在门诊大厅举办了"
        "心脏健康义诊科普活动。"
    )
    assert events["心脏健康义诊科普活动"][0] == date(2021, 9, 29)
    events = _events("标题\n2021年10月9日、10月10日，东江市秋季大型义诊活动在广场开展。")
    assert events["东江市秋季大型义诊活动"] == (date(2021, 10, 9), date(2021, 10, 10))


def test_an_event_told_as_recent_takes_the_documents_date() -> None:
    events = _events(
        "东江市总工会召开代表大会\n2019-03-05\n日前，东江市总工会第五次代表大会在会议中心召开。"
        "近日，东江市妇联第三次代表大会开幕。各单位须于3月30日前完成总结。"
    )
    assert events["东江市总工会第五次代表大会"] == (date(2019, 3, 5), date(2019, 3, 5))
    assert events["东江市妇联第三次代表大会"][0] == date(2019, 3, 5)


def test_a_recent_event_is_less_certain_than_a_dated_one() -> None:
    x = extract_document(
        Document.from_text("e.txt", "标题\n2019-03-05\n日前，东江市总工会第五次代表大会召开。")
    )
    assert [f.confidence for f in x.facts if isinstance(f, EventFact)] == [0.6]


def test_a_dateline_without_a_year_takes_the_document_year_and_dates_the_lead() -> None:
    events = _events(
        "东江日报\n2019-03-06\n新华社东江3月5日电（记者 林某）东江市第三次代表大会今天在会议中心开幕。"
    )
    assert events["东江市第三次代表大会"] == (date(2019, 3, 5), date(2019, 3, 5))
    events = _events(
        "中新网南岭3月5日电 南岭市第三次代表大会4日在会议中心开幕。\n发布时间：2019-03-06 10:00"
    )
    assert events["南岭市第三次代表大会"] == (date(2019, 3, 4), date(2019, 3, 4))


def test_a_dateline_at_the_turn_of_the_year() -> None:
    events = _events("标题\n2020-01-02\n本报东江12月31日讯 东江市第三次代表大会昨天闭幕。")
    assert events["东江市第三次代表大会"] == (date(2019, 12, 30), date(2019, 12, 30))


def test_a_dateline_with_its_year_dates_the_document() -> None:
    events = _events("新华社东江2019年3月5日电 东江市第三次代表大会昨日在会议中心开幕。")
    assert events["东江市第三次代表大会"] == (date(2019, 3, 4), date(2019, 3, 4))


def test_an_undated_dateline_story_leaves_the_year_unknown() -> None:
    """No header date and a dateline without a year: no year is guessed from the text."""
    events = _events(
        "新华社东江3月5日电 东江市第三次代表大会今天在会议中心开幕。会议审议2035年远景目标，"
        "2035年基本建成新城。"
    )
    assert events["东江市第三次代表大会"] == (None, None)


def test_a_meeting_named_only_by_its_noun_is_dated_in_its_clause() -> None:
    events = _events("标题\n2019-03-06\n3月5日上午，东江市委召开常委会议，研究部署春耕工作。")
    assert events == {"东江市委召开常委会议": (date(2019, 3, 5), date(2019, 3, 5))}
    assert _events("标题\n2019-03-06\n3月5日，东江县举行揭牌仪式。") == {
        "东江县举行揭牌仪式": (date(2019, 3, 5), date(2019, 3, 5))
    }
    # the day is not in its clause nor the one before it: no event, the visit is kept
    assert (
        _events("标题\n2019-03-06\n东江市委召开常委会议，研究部署春耕工作。会议时间为3月5日。")
        == {}
    )
    events = _events("标题\n2019-03-06\n3月5日，东江市领导到基层调研，在座谈中指出，要召开会议。")
    assert events == {"东江市领导到基层调研": (date(2019, 3, 5), date(2019, 3, 5))}


def test_an_event_takes_the_day_that_opens_the_sentence_before_it() -> None:
    text = "3月5日上午，代表们步入会场。东江市第三次代表大会在国歌声中开幕。"
    events = _events(f"标题\n2019-03-06\n{text}")
    assert events["东江市第三次代表大会"] == (date(2019, 3, 5), date(2019, 3, 5))
    # not from another paragraph, nor from a day inside the sentence before
    apart = text.replace("。", "。\n", 1)
    events = _events(f"标题\n2019-03-06\n{apart}")
    assert events["东江市第三次代表大会"] == (None, None)
    events = _events("标题\n2019-03-06\n代表们3月5日步入会场。东江市第三次代表大会在国歌声中开幕。")
    assert events["东江市第三次代表大会"] == (None, None)


def test_the_event_of_an_earlier_sentence_keeps_its_day_to_itself() -> None:
    events = _events(
        "标题\n2019-03-06\n3月5日上午，东江市委召开会议。会议传达学习了东江市第三次代表大会精神。"
    )
    assert events == {"东江市委召开会议": (date(2019, 3, 5), date(2019, 3, 5))}


def test_a_bracketed_agency_dateline() -> None:
    events = _events(
        "标题\n2023-01-24\n（东江社记者林某南岭23日电）市长陈思远今天到东华社区走访慰问困难群众。"
    )
    assert set(events.values()) == {(date(2023, 1, 23), date(2023, 1, 23))}


def test_the_next_day_counts_from_the_day_stated_before() -> None:
    events = _events(
        "标题\n2019-03-06\n3月4日，东江市第三次代表大会开幕。"
        "次日，东江市第三次代表大会主席团第二次会议召开。"
    )
    assert events == {
        "东江市第三次代表大会": (date(2019, 3, 4), date(2019, 3, 4)),
        "东江市第三次代表大会主席团第二次会议": (date(2019, 3, 5), date(2019, 3, 5)),
    }
    events = _events("标题\n2019-03-06\n3月4日，代表们报到。东江市第三次代表大会于次日开幕。")
    assert events == {"东江市第三次代表大会": (date(2019, 3, 5), date(2019, 3, 5))}


def test_a_dateline_with_only_a_day_and_one_in_traditional_script() -> None:
    events = _events("标题\n2019-03-06\n新华社东江5日电 东江市第三次代表大会今天开幕。")
    assert events["东江市第三次代表大会"] == (date(2019, 3, 5), date(2019, 3, 5))
    events = _events("標題\n2019-03-06\n（東江社記者林某南嶺5日電）東江市第三次代表大會今天開幕。")
    assert set(events.values()) == {(date(2019, 3, 5), date(2019, 3, 5))}


def test_a_dateline_with_spaces_and_lines_that_are_no_datelines() -> None:
    published = date(2019, 3, 6)
    found = dateline("标题\n中新网 3月5日电 正文", published)
    assert found is not None and found.day == date(2019, 3, 5)
    for line in (
        "东江日报 2019年3月5日 第2版",
        "本报讯（记者 林某）3月5日，会议召开。",
        "东江市委3月5日电话会议",
    ):
        assert dateline(line, published) is None, line


def test_a_stated_length_gives_the_last_day() -> None:
    events = _events(
        "东华市总工会召开代表大会\n\n2019年3月5日，东华市总工会第五次代表大会开幕，会期两天。"
        "5月8日，东华市职工运动会开幕，为期3天。"
    )
    assert events["东华市总工会第五次代表大会"] == (date(2019, 3, 5), date(2019, 3, 6))
    assert events["东华市职工运动会"] == (date(2019, 5, 8), date(2019, 5, 10))


def test_a_board_meeting_dated_by_a_source_line_with_a_web_address() -> None:
    events = _events(
        "东华队主教练留任\n东华网 www.example.com 2006年12月06日 21:07\n"
        "晚报消息：昨天，东华俱乐部召开董事会，会上决定张振华继续出任主教练。"
    )
    assert (date(2006, 12, 5), date(2006, 12, 5)) in events.values()


def test_a_december_day_told_in_january_is_last_years() -> None:
    events = _events("日期：2020-01-02\n12月27日上午，东华医院召开职能科长会议。")
    assert (date(2019, 12, 27), date(2019, 12, 27)) in events.values()


def test_a_labelled_date_with_a_two_digit_year_dates_the_document() -> None:
    events = _events(
        "东华县召开表彰大会\n更新时间：12年05月04日\n5月3日，东华县隆重召开了建团90周年表彰大会。"
    )
    assert (date(2012, 5, 3), date(2012, 5, 3)) in events.values()


def test_a_header_date_with_an_update_time_in_brackets() -> None:
    events = _events(
        "东华县府宣誓典礼\n2017/11/6 17:46（11/6 18:05 更新）\n东华县府今天举行宣誓典礼。"
    )
    assert (date(2017, 11, 6), date(2017, 11, 6)) in events.values()


def test_a_ceremony_attended_is_an_event_named_after_the_verb() -> None:
    events = _events("2021年11月11日，董事长张振华在京出席东华集团与南京市合作集中签约仪式。")
    assert events == {"东华集团与南京市合作集中签约仪式": (date(2021, 11, 11), date(2021, 11, 11))}


def test_talks_and_forums_reported_are_events_of_their_day() -> None:
    events = _events("2025年7月25日，东华集团董事长张振华与南京市副市长李春芳举行会谈。")
    assert list(events.values()) == [(date(2025, 7, 25), date(2025, 7, 25))]


def test_an_ending_whose_verb_the_segmenter_split_off_names_the_event() -> None:
    text = "东江华人商会成立大会在莫斯科隆重开幕\n\n2012年4月28日，东江华人商会在莫斯科正式成立。"
    events = _events(text)
    assert events.get("东江华人商会成立大会") == (date(2012, 4, 28), date(2012, 4, 28))


def test_an_undated_dateline_story_takes_the_year_of_the_latest_full_date_it_writes() -> None:
    events = _events(
        "东江网7月24日讯（林某）23日，东江市十六届人大常委会召开第十三次会议。"
        "会议决定，东江市第十六届人民代表大会第三次会议于2018年8月9日至10日召开。"
    )
    assert events["东江市十六届人大常委会召开第十三次会议"] == (
        date(2018, 7, 23),
        date(2018, 7, 23),
    )


def test_a_meeting_named_by_its_number_takes_its_holder_into_its_name() -> None:
    events = _events("标题\n2019-03-06\n3月5日，东江县人大常委会召开第十三次会议。")
    assert list(events) == ["东江县人大常委会召开第十三次会议"]


def test_a_day_written_with_a_space_before_its_unit() -> None:
    events = _events("标题\n2021-12-02\n12月1 日上午，东江市体育总会第四届会员代表大会召开。")
    assert events["东江市体育总会第四届会员代表大会"][0] == date(2021, 12, 1)


def test_a_header_line_ending_in_its_time_is_no_part_of_the_lead() -> None:
    events = _events(
        "标题\n\n来源：东江网 作者：林某 周某 编辑：赵某某某某 2021-12-02 15:42:49\n\n"
        "东江网12月2日讯（记者 林某）12月1日上午，东江市体育总会第四届会员代表大会召开。"
    )
    assert events["东江市体育总会第四届会员代表大会"][0] == date(2021, 12, 1)


def test_last_years_final_accounts_date_an_undated_story_a_year_later() -> None:
    events = _events(
        "7月2日，东江县第十七届人大常委会第十八次会议召开。会议审议了《关于2013年度财政决算"
        "情况的报告》、《关于2013年度财政预算执行情况的审计报告》和调整2014年计划的议案。"
    )
    assert [start for start, _ in events.values()] == [date(2014, 7, 2)]


def test_an_anniversary_of_a_well_known_founding_dates_an_undated_story() -> None:
    events = _events("9月20日，东江县政协开展庆祝人民政协成立75周年集体观摩活动。")
    assert [start for start, _ in events.values()] == [date(2024, 9, 20)]


def test_an_event_in_a_later_clause_takes_the_day_of_its_own_clause() -> None:
    events = _events(
        "标题\n2023-08-26\n东江新闻界筹备委员会8月25日举行会议，决定9月28日在东江举办"
        "庆祝国庆74周年酒会。"
    )
    assert [start for name, (start, _) in events.items() if name.endswith("酒会")] == [
        date(2023, 9, 28)
    ]


def test_a_farewell_ceremony_is_an_event() -> None:
    events = _events("东江日报东江1月19日讯 林某某同志遗体送别仪式，2024年1月19日上午在东江举行。")
    assert date(2024, 1, 19) in {start for start, _ in events.values()}


def test_an_enlarged_meeting_is_an_event() -> None:
    events = _events(
        "2023年2月17日下午，东江银行公告称，在东江银行召开的党委扩大会议上宣布了决定。"
    )
    assert list(events.values()) == [(date(2023, 2, 17), date(2023, 2, 17))]


def test_a_meeting_held_and_an_event_it_decides_on_are_two_events() -> None:
    events = _events(
        "标题\n2023-08-26\n东江新闻界筹备委员会8月25日举行会议，决定9月28日在东江举办"
        "庆祝国庆74周年酒会。"
    )
    assert sorted(start for start, _ in events.values()) == [date(2023, 8, 25), date(2023, 9, 28)]


def test_an_on_site_check_in_the_headline_is_an_event_of_the_leads_day() -> None:
    events = _events(
        "东华县配合省环保督察工作组现场核查\n"
        "2018年7月12日，省环保厅副厅长林晓峰率队深入东华县西河流域、县城东坡、垃圾填埋场、"
        "污水处理厂、东华纸业等点位进行现场核查。"
    )
    assert events.get("东华县配合省环保督察工作组现场核查") == (
        date(2018, 7, 12),
        date(2018, 7, 12),
    )
