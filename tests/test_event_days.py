"""Event days a copy writes in less usual ways (invented names and places): a header line with
its author after the date, a range whose first day leaves its 日 to the last, agreements
signed, and a title's event dated by the lead, not by the copy's own date."""

from __future__ import annotations

from datetime import date

import pytest

from graph.extract.document import extract_document
from graph.types import Document, EventFact


def _events(text: str) -> dict[str, tuple[date | None, date | None]]:
    x = extract_document(Document.from_text("e.txt", text))
    return {f.name: (f.start, f.end) for f in x.facts if isinstance(f, EventFact)}


def test_a_header_date_followed_by_its_author_dates_the_copy() -> None:
    events = _events(
        "东华大学来访\n2023-11-10 by 胡文成\n11月9日下午，东华大学校长张振华一行来我校调研。"
    )
    assert events == {"东华大学校长张振华一行来我校调研": (date(2023, 11, 9), date(2023, 11, 9))}


def test_a_range_whose_first_day_has_no_day_word() -> None:
    events = _events("发布时间：2008年07月01日\n6月18-24日，东江市政协委员赴西部考察。")
    assert events == {"东江市政协委员赴西部考察": (date(2008, 6, 18), date(2008, 6, 24))}


def test_an_agreement_signed_is_an_event() -> None:
    events = _events("发布时间：2022-05-17\n5月16日，东华银行与东江集团签署战略合作协议。")
    assert events == {"东华银行与东江集团签署战略合作协议": (date(2022, 5, 16), date(2022, 5, 16))}


def test_the_titles_event_takes_the_leads_day_not_the_copys_date() -> None:
    events = _events(
        "东江市政协委员考察西部\n发布时间：2008年07月01日 作者：东江市政协\n"
        "6月18日，东江市政协委员一行赴西部考察。"
    )
    assert events["东江市政协委员考察西部"] == (date(2008, 6, 18), date(2008, 6, 18))


def test_the_nth_holding_of_an_observance_dates_an_undated_story() -> None:
    events = _events(
        "东江市公安局举行升警旗仪式\n1月10日，在第二个中国人民警察节来临之际，东江市公安局举行升警旗仪式。"
    )
    assert events["升警旗仪式"] == (date(2022, 1, 10), date(2022, 1, 10)), events


def test_a_banquet_is_an_event() -> None:
    events = _events("2019-02-18\n2月18日，东江市议会举办新春午宴，东江市市长张振华出席。")
    assert events["新春午宴"] == (date(2019, 2, 18), date(2019, 2, 18)), events


def test_a_ceremony_held_after_a_long_modifier_is_named_by_its_clause() -> None:
    events = _events(
        "东华县举行重点项目集中开工仪式\n昨天上午，东华县举行2024年第一季度重点项目集中开工仪式。\n2024-03-06"
    )
    name = "东华县举行2024年第一季度重点项目集中开工仪式"
    assert events.get(name) == (date(2024, 3, 5), date(2024, 3, 5)), events


def test_an_adjectival_noun_stays_in_an_events_name() -> None:
    events = _events(
        "发布时间：2023-04-12\n4月11日下午，东江区区长张振华主持召开全区安全生产工作会议。"
    )
    assert "全区安全生产工作会议" in events, events


def test_a_european_date_stamp_dates_the_copy() -> None:
    events = _events(
        "东江市协会召开换届大会\n23.01.2018  13:58\n1月21日，东江市协会召开换届选举大会。"
    )
    assert events.get("换届选举大会") == (date(2018, 1, 21), date(2018, 1, 21)), events


def test_a_stamp_between_a_web_address_and_the_paper_dates_the_copy() -> None:
    events = _events(
        "东江市政协昨举行第五次会议\nhttp://www.example.com 2006年01月24日02:00 东江日报\n"
        "市政协第五次会议昨天上午举行。"
    )
    assert (date(2006, 1, 23), date(2006, 1, 23)) in events.values(), events


def test_a_labelled_minguo_date_dates_the_copy() -> None:
    events = _events("東江協會新聞稿\n時間：113年2月16日\n東江協會今（16）日舉行春節聯誼會。")
    assert (date(2024, 2, 16), date(2024, 2, 16)) in events.values(), events


def test_a_day_and_a_half_ends_the_next_day() -> None:
    events = _events("发布时间：2007-07-05\n7月4日，为期一天半的东江市政法工作座谈会在东江开幕。")
    assert (date(2007, 7, 4), date(2007, 7, 5)) in events.values(), events


def test_the_year_a_meeting_reviews_is_not_the_year_it_is_held() -> None:
    events = _events(
        "东江市协会召开表彰大会\n2019-01-05 13:40:00 来源：东江网\n"
        "1月4日，东江市协会2018年度志愿者表彰大会在东江召开。"
    )
    assert (date(2019, 1, 4), date(2019, 1, 4)) in events.values(), events
    assert (date(2018, 1, 4), date(2018, 1, 4)) not in events.values(), events


def test_a_datelines_reporter_is_no_part_of_an_events_name() -> None:
    events = _events(
        "东江市人大常委会举行会议\n发布时间：2006-01-24\n"
        "东江网讯（张振华）市人大常委会第二十次会议昨天上午举行。"
    )
    assert "市人大常委会第二十次会议" in events, events


def test_a_length_ending_on_the_day_stated_starts_before_it() -> None:
    events = _events(
        "东江足协会员大会闭幕\n2003年08月30日09:33 东江日报\n"
        "东江8月29日电 2003年东江足协会员代表大会今天结束了为期一天半的议程。"
    )
    assert (date(2003, 8, 28), date(2003, 8, 29)) in events.values(), events


def test_yuanyue_is_january() -> None:
    events = _events(
        "东江县妇联换届选举工作会议召开\n发布日期：2013-01-08\n东江县妇联换届选举工作会议元月6日召开。"
    )
    assert (date(2013, 1, 6), date(2013, 1, 6)) in events.values(), events


def test_a_day_after_the_copys_date_with_no_plan_is_last_years() -> None:
    events = _events(
        "发布时间：2014/2/10\n3月21日上午，东江市教育局局长林晓峰率考察团一行到我校交流访问。"
    )
    assert (date(2013, 3, 21), date(2013, 3, 21)) in events.values(), events
    planned = _events("发布时间：2006-01-24\n会议决定东江市人大四次会议于2月21日召开。")
    assert (date(2006, 2, 21), date(2006, 2, 21)) in planned.values(), planned


def test_what_an_event_marks_stays_in_its_name() -> None:
    """成立, 就职: verbs inside a long name (a ceremony's), not where the name starts."""
    found = _events(
        "发布日期：2020-12-09\n12月8日，我市举行东江市商会成立二十周年暨第五届理事就职庆典大会，"
        "会员出席。"
    )
    name = "东江市商会成立二十周年暨第五届理事就职庆典大会"
    assert name in found and found[name][0] == date(2020, 12, 8), found


def test_a_minguo_year_in_an_event_name_is_no_two_digit_year() -> None:
    events = _events(
        "東華文化界聯誼\n東華新聞/ 2015.02.27 00:00\n"
        "東華縣文化局27日上午在美術館廣場舉行「東華縣104年文化界新春業務交流及聯誼」。"
    )
    assert (date(2015, 2, 27), date(2015, 2, 27)) in events.values()


def test_a_minguo_date_with_dots_ending_a_header_line_and_a_bracketed_today() -> None:
    events = _events(
        "東華縣農會會員代表大會\n東華縣政府新聞參考資料 104.03.17\n"
        "東華縣農會於本〈17〉日上午10時舉行104年度會員代表大會。"
    )
    assert set(events.values()) == {(date(2015, 3, 17), date(2015, 3, 17))}


def test_a_labelled_date_in_brackets_dates_the_copy() -> None:
    events = _events("林晓峰调研东华局\n发布日期：[2021-06-21]\n6月19日上午，林晓峰到东华局调研。")
    assert set(events.values()) == {(date(2021, 6, 19), date(2021, 6, 19))}


def test_a_planned_day_is_no_day_of_the_events_told_after_it() -> None:
    events = _events(
        "东华商会接待代表团\n日期： 2013/03/22\n东华商会日前（3月21日）会见东江省代表团。"
        "副省长林晓峰表示，第三届活动计划于5月21日在东华举行。"
        "最后，东华商会与东江省政府签署合作协议。"
    )
    signing = [d for name, d in events.items() if "签署合作协议" in name]
    assert signing == [(date(2013, 3, 21), date(2013, 3, 21))]


def test_a_reception_and_an_inspection_on_the_spot_are_events() -> None:
    events = _events(
        "东华部次长接见商会代表\n2025/10/22 18:37\n东华部次长林晓峰22日接见东华商会会长陈思远等6人。"
    )
    assert (date(2025, 10, 22), date(2025, 10, 22)) in events.values()
    events = _events(
        "东华保税区通过验收\n2010-7-1 11:36:00\n验收组6月30日对东华保税区进行实地验收。"
    )
    assert (date(2010, 6, 30), date(2010, 6, 30)) in events.values()


def test_a_project_started_or_opened_is_an_event_of_its_day() -> None:
    events = _events(
        "东江物流中心开工\n2011-12-30 12:18:00\n"
        "29日上午，东江粮食物流中心在工业园区内开工。东华大桥明年将通车。"
    )
    assert events["东江粮食物流中心在工业园区内开工"] == (date(2011, 12, 29), date(2011, 12, 29))
    assert not any("通车" in name for name in events)


def test_a_verb_naming_the_work_of_a_meeting_is_part_of_its_name() -> None:
    events = _events(
        "时间：2014-01-27 来源：东华协会\n"
        "2011年东华协会创新奖终审工作会议于2011年10月12-15日在北京顺利召开。"
    )
    assert events["2011年东华协会创新奖终审工作会议"] == (date(2011, 10, 12), date(2011, 10, 15))


def test_a_long_header_line_ending_in_its_author_ends_there() -> None:
    events = _events(
        "东华集团召开年度工作会议\n"
        "发布时间：2020.01.23     来源：东华报         作者：林晓峰\n"
        "本报讯 （记者林晓峰）1月16—17日，东华集团2020年度工作会议在京召开。"
    )
    assert set(events.values()) == {(date(2020, 1, 16), date(2020, 1, 17))}


def test_a_call_paid_is_a_visit_dated_by_a_stamp_closing_the_copy() -> None:
    events = _events(
        "东华公司领导会见西岭区客人\n10月19日，东华公司领导林晓峰会见西岭区委书记陈思远一行，"
        "围绕区域发展座谈交流。西岭区领导赵一鸣等参加座谈交流。\n信息来源：\n2023-10-24"
    )
    day = (date(2023, 10, 19), date(2023, 10, 19))
    assert events["东华公司领导林晓峰会见西岭区委书记陈思远一行"] == day
    assert not any("参加" in name for name in events)  # who else took part: the same visit


def test_a_visit_paid_by_a_delegation_is_an_event() -> None:
    for verb in ("拜访", "到访"):
        events = _events(
            f"发布日期：2020-08-28\n8月26日，东江省政府副秘书长林晓峰带队{verb}东华集团。"
        )
        assert events == {
            f"东江省政府副秘书长林晓峰带队{verb}东华集团": (date(2020, 8, 26), date(2020, 8, 26))
        }


def test_a_length_in_days_written_with_ri_sets_the_last_day() -> None:
    events = _events(
        "发布日期：2008-07-19\n林晓峰今日（七月十九日）率领东华工商考察团前往东北作为期八日访问。"
    )
    assert (date(2008, 7, 19), date(2008, 7, 26)) in events.values()


def test_a_header_line_with_its_paper_and_reporter_after_the_date_dates_the_copy() -> None:
    events = _events(
        "东江市人大常委会召开会议\n2010-01-23 东江日报 记者 林晓峰\n"
        "东江市人大常委会第二十八次会议于昨天上午召开。"
    )
    assert events["东江市人大常委会第二十八次会议"] == (date(2010, 1, 22), date(2010, 1, 22))


def test_a_header_date_with_its_month_first_and_the_year_last() -> None:
    events = _events("西岭区长宣誓就职\n4月. 09, 2024\n西岭市政府今（9）日举行新任区长宣誓典礼。")
    assert date(2024, 4, 9) in {start for start, _ in events.values()}, events


def test_a_dateline_told_as_news_leaves_the_lead_its_own_day() -> None:
    events = _events(
        "部长视察东华医院\n2006年09月20日11:11 东华网\n"
        "东华网西岭9月20日消息（记者林晓峰） 19日下午，部长陈思远在西岭市市长赵一鸣的陪同下，"
        "视察了东华医院。"
    )
    assert events["部长视察东华医院"] == (date(2006, 9, 19), date(2006, 9, 19)), events
    assert {start for start, _ in events.values()} == {date(2006, 9, 19)}, events


def test_works_opened_and_inspections_led_are_dated_events() -> None:
    events = _events(
        "东华市污水处理厂投入运行\n2015-11-02\n10月30日，东华市第二污水处理厂正式投运，副市长林晓峰出席。"
    )
    assert date(2015, 10, 30) in {start for start, _ in events.values()}, events
    events = _events(
        "西岭县水利局检查水库\n2011年7月5日 西岭县人民政府网\n"
        "7月4日，县水利局局长林晓峰深入水库除险加固工地检查工程进度。"
    )
    assert date(2011, 7, 4) in {start for start, _ in events.values()}, events
    events = _events(
        "东华市应急管理局开展大检查\n2020年5月12日\n5月11日至12日，东华市应急管理局局长林晓峰带队开展安全生产大检查。"
    )
    assert (date(2020, 5, 11), date(2020, 5, 12)) in events.values(), events


def test_a_groups_study_session_is_an_event() -> None:
    events = _events(
        "东华市委中心组学习\n2018-03-12\n3月9日，市委理论学习中心组举行2018年第一次集体学习会。"
    )
    assert date(2018, 3, 9) in {start for start, _ in events.values()}, events


def test_an_activity_held_is_an_event_named_by_its_clause() -> None:
    events = _events(
        "东华县重大项目集中开工\n东华融媒3月29日讯（记者 林晓峰 陈思远）3月29日上午，"
        "东华县2024年第一季度重大项目集中开工活动在东华高新区举行。"
    )
    assert date(2024, 3, 29) in {start for start, _ in events.values()}, events
    events = _events("标题\n2021-03-11\n3月11日，东华县各套班子领导参加义务植树活动。")
    assert date(2021, 3, 11) in {start for start, _ in events.values()}, events


def test_a_bare_reception_held_is_named_by_its_clause() -> None:
    events = _events("标题\n2009-07-01\n特区政府1日在东华会展中心举行酒会，欢庆这个特别的节日。")
    assert date(2009, 7, 1) in {start for start, _ in events.values()}, events


def test_zuowu_is_yesterday_afternoon() -> None:
    events = _events("标题\n2022-10-20\n昨午，东华特区新一年度司法年度开幕典礼在文化中心举行。")
    assert date(2022, 10, 19) in {start for start, _ in events.values()}, events


def test_a_reception_whose_name_the_segmenter_cuts_is_named_by_its_clause() -> None:
    events = _events(
        "标题\n2022-07-05\n7月5日，东华联于东华会展中心举行庆祝东华联成立30周年会庆酒会，现场嘉宾云集。"
    )
    assert date(2022, 7, 5) in {start for start, _ in events.values()}, events


def test_signing_a_document_is_an_event() -> None:
    events = _events(
        "标题\n2004年02月26日15:00 东华网-东华晚报\n"
        "本报讯昨天下午，东华局局长林晓峰与东华省省长陈思远在东华机场移交书上签字。"
    )
    assert date(2004, 2, 25) in {start for start, _ in events.values()}, events


def test_a_party_congress_and_an_evening_gala_are_events() -> None:
    events = _events("标题\n2019-05-10\n5月8日至9日，东华市第十五次党代会召开。")
    assert events.get("东华市第十五次党代会") == (date(2019, 5, 8), date(2019, 5, 9)), events
    events = _events("标题\n2019-05-10\n9日晚，东华市举行文艺晚会。")
    assert events.get("文艺晚会") == (date(2019, 5, 9), date(2019, 5, 9)), events


def test_a_leaders_call_an_activity_carried_out_a_fair_and_a_signing_are_events() -> None:
    for text in (
        "5月9日，省委书记林晓峰莅临东华公司指导工作。",
        "5月9日，东华市领导来到西岭村开展帮扶活动。",
        "5月9日，第五届东华国际茶博会在东华会展中心开幕。",
        "5月9日上午，东华市人民政府与西岭集团举行项目签约。",
    ):
        events = _events("标题\n2019-05-10\n" + text)
        assert date(2019, 5, 9) in {start for start, _ in events.values()}, (text, events)


def test_an_election_of_new_leaders_is_an_event() -> None:
    events = _events("2020年10月19日，东华市总商会选出第52届会长及副会长。")
    assert events == {
        "东华市总商会选出第52届会长及副会长": (date(2020, 10, 19), date(2020, 10, 19))
    }


def test_a_clause_naming_only_the_venue_between_the_day_and_the_ceremony() -> None:
    events = _events("2014年4月1日上午，在东华县下坪村，东华基金会希望小学举行揭牌仪式。")
    assert events == {"东华基金会希望小学举行揭牌仪式": (date(2014, 4, 1), date(2014, 4, 1))}


def test_a_schools_anniversary_held_is_an_event() -> None:
    events = _events(
        "东华一中庆祝90周年\n发表于：2013-11-03 09:40\n"
        "10月3日，东华市第一中学在东华文化艺术中心隆重举行90周年校庆，新老校友济济一堂。"
    )
    assert events == {
        "东华市第一中学在东华文化艺术中心隆重举行90周年校庆": (date(2013, 10, 3), date(2013, 10, 3))
    }


def test_a_quoted_announcement_and_the_word_it_gives_do_not_hide_the_works_start() -> None:
    events = _events(
        "东华水库开工\n来源：东华网 2009年11月30日12:15\n"
        "“我宣布，东华水库工程开工!”11月25日上午，随着东华省委书记林晓峰一声宣布，"
        "总投资9亿元的东华水库工程在西岭县顺利开工建设。"
        "从上世纪五十年代专家来西岭考察，到今天正式开工，无数人为它奔走。"
    )
    assert events == {
        "总投资9亿元的东华水库工程在西岭县顺利开工建设": (date(2009, 11, 25), date(2009, 11, 25))
    }


def test_a_dispatch_without_a_year_takes_the_year_of_its_leads_event() -> None:
    events = _events(
        "东华网西岭11月26日讯（记者 林晓峰）弘扬东华精神，凝聚东华力量。"
        "今日上午，2015东华经济合作洽谈会暨第七届东商大会正式开幕。\n"
        "第七届东商大会由东华省人民政府主办，共包括开幕式、招商推介活动等。"
    )
    assert events["2015东华经济合作洽谈会暨第七届东商大会"] == (
        date(2015, 11, 26),
        date(2015, 11, 26),
    )


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        (
            "5月18日晚，大型舞剧《东华之恋》在东华大剧院首演。",
            "大型舞剧《东华之恋》在东华大剧院首演",
        ),
        ("5月18日，东华图书馆新馆正式开馆。", "东华图书馆新馆正式开馆"),
        ("5月18日，2019东华马拉松鸣枪开跑。", "2019东华马拉松鸣枪开跑"),
        ("5月18日，东华市委理论学习中心组举行集体学习。", "东华市委理论学习中心组举行集体学习"),
    ],
)
def test_a_premiere_an_opening_a_race_and_a_study_session_are_events(lead: str, name: str) -> None:
    events = _events("标题\n2019-05-20 来源：东华日报\n" + lead)
    assert events == {name: (date(2019, 5, 18), date(2019, 5, 18))}
