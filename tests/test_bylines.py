"""Bylines: reporters and correspondents are posts of the paper or site the copy names
(invented names and outlets)."""

from __future__ import annotations

from post_triples import people, posts

from graph.extract.bylines import byline_chains
from graph.extract.document import extract_document
from graph.text.segment import segment
from graph.types import Document, Membership


def test_a_dispatch_after_a_dash_holds_its_correspondent() -> None:
    text = "长风网客户端—长风网消息（通讯员 林晓峰）1月24日，东江市公安局召开会议。"
    seg = segment(Document.from_text("d.txt", text))
    chains = byline_chains(seg, {})
    assert [(c.person.text, c.elements[0].org and c.elements[0].org.text) for c in chains] == [
        ("林晓峰", "长风网")
    ]
    assert ("林晓峰", "通讯员", "长风网") in posts(text)


def test_a_reporter_of_a_local_station_is_the_sites_reporter() -> None:
    found = posts("东江网东华讯（分站记者 林晓峰） 12月22日上午，东华县召开会议。")
    assert found == {("林晓峰", "记者", "东江网")}, found


def test_an_author_line_beside_the_source_gives_the_papers_reporters() -> None:
    found = posts(
        "东江英模载誉归来\n东华网  发布时间：2017-05-21 10:55\n本报东江5月20日讯 20日，英模代表回到东江。\n"
        "来源：东江日报  作者：记者 林晓峰 实习生 周立平 通讯员 陈思远"
    )
    assert found == {
        ("林晓峰", "记者", "东江日报"),
        ("周立平", "实习生", "东江日报"),
        ("陈思远", "通讯员", "东江日报"),
    }, found


def test_the_paper_a_header_line_names_is_what_a_bracketed_own_dispatch_stands_for() -> None:
    found = posts(
        "东江市政协会议开幕\n2009年02月12日07:09 东江商报\n"
        "【本报讯】（记者 林晓峰 通讯员 周立平）昨天上午，东江市政协会议开幕。"
    )
    assert {("林晓峰", "记者", "东江商报"), ("周立平", "通讯员", "东江商报")} <= found, found


def test_an_unbracketed_own_dispatch_is_the_header_papers_too() -> None:
    found = posts(
        "东江市政协会议开幕\n2009年02月12日07:09 东江商报\n本报讯（记者 林晓峰）昨天上午，东江市政协会议开幕。"
    )
    assert ("林晓峰", "记者", "东江商报") in found, found


def test_a_portals_copy_of_a_papers_dispatch_is_the_papers() -> None:
    found = posts(
        "东江新闻网-东江日报东华讯（记者林晓峰 周立平 实习生陈思远）1月24日，东华县召开会议。"
    )
    assert {
        ("林晓峰", "记者", "东江日报"),
        ("周立平", "记者", "东江日报"),
        ("陈思远", "实习生", "东江日报"),
    } <= found, found
    assert not any(org == "东江新闻网" for _, _, org in found), found


def test_a_header_line_names_the_paper_of_an_opening_byline_with_a_source_tag() -> None:
    text = (
        "东华县发放警车\n2006年06月20日06:23 东江新闻网-东江晚报\n"
        "（区宣 记者 林晓峰 周立平）昨日上午，东华县公安局举行仪式。"
    )
    x = extract_document(Document.from_text("t.txt", text))
    label = {e.ref: e.label for e in x.entities}
    read = {
        (label[f.person], f.role.key, label[f.org])
        for f in x.facts
        if isinstance(f, Membership) and f.extractor == "rules.byline"
    }
    assert read == {("林晓峰", "记者", "东江晚报"), ("周立平", "记者", "东江晚报")}, read


def test_a_county_media_centres_dispatch_gives_its_reporters() -> None:
    found = posts("东江融媒3月29日讯（记者 林晓峰 周立平）3月29日上午，东江县召开会议。")
    assert found == {("林晓峰", "记者", "东江融媒"), ("周立平", "记者", "东江融媒")}, found


def test_a_name_set_off_by_spaces_in_a_byline_is_read_whole() -> None:
    found = posts("东江日报3月29日讯（记者 林晓峰 武进远）3月29日上午，东江县召开会议。")
    assert found == {("林晓峰", "记者", "东江日报"), ("武进远", "记者", "东江日报")}, found


def test_an_agencys_dispatch_before_a_place_and_a_day_holds_its_reporter() -> None:
    found = posts("长风体育北京3月2日电（记者 林晓峰）东江市棋协昨日召开会议。")
    assert ("林晓峰", "记者", "长风体育") in found


def test_a_portals_tag_naming_the_paper_before_the_byline() -> None:
    text = (
        "东江棋协召开会议\n2011年3月2日07:25 长风网-东江都市报\n"
        "长风网（东江都市报）（记者林晓峰 实习生陈思远）昨日，东江市棋协召开会议。"
    )
    found = posts(text)
    assert ("林晓峰", "记者", "东江都市报") in found
    assert ("陈思远", "实习生", "东江都市报") in found


def test_a_reporter_line_with_the_place_reported_from_under_a_paper_and_date_header() -> None:
    text = (
        "东江棋界交流联谊\n东华新闻/ 2015.02.27 00:00\n记者林晓峰/东江报导\n"
        "东江市文化局27日上午举行联谊，陈思远等人与会。"
    )
    assert ("林晓峰", "记者", "东华新闻") in posts(text)


def test_a_byline_closing_a_paragraph_names_the_source_lines_reporters() -> None:
    text = (
        "东华市长当选\n2013年03月30日 来源：东华晚报\n"
        "本报3月29日讯 林晓峰全票当选东华市人民政府市长。（记者 陈思远 实习生 赵一鸣）\n"
    )
    found = posts(text)
    assert {("陈思远", "记者", "东华晚报"), ("赵一鸣", "实习生", "东华晚报")} <= found


def test_a_dispatch_with_its_reporters_set_off_by_spaces() -> None:
    found = posts("南都讯 记者林晓峰 发自北京 东华省委常委班子近日进行职务调整。")
    assert found == {("林晓峰", "记者", "南都")}
    found = posts("东华日报讯 记者林晓峰 陈思远 东华省委常委班子近日进行职务调整。")
    assert found == {("林晓峰", "记者", "东华日报"), ("陈思远", "记者", "东华日报")}


def test_an_all_media_reporter_in_a_dispatch_and_a_caption() -> None:
    text = (
        "东华集团发布公告\n（东华日报全媒体记者 田超 傅聪 摄）\n"
        "东华日报5月15日讯（全媒体记者 林晓峰）东华集团15日晚间发布公告称，公司将扩产。"
    )
    found = posts(text)
    assert ("林晓峰", "全媒体记者", "东华日报") in found
    assert {("田超", "全媒体记者", "东华日报"), ("傅聪", "全媒体记者", "东华日报")} <= found
    assert not any(p == "全媒体" for p, _, _ in found)
    assert not any(r == "摄影" for _, r, _ in found)  # their title at the paper is told already


def test_a_name_set_off_after_a_byline_title_whatever_its_family_name() -> None:
    text = (
        "标题\n2004年09月16日 08:54 东华商报\n"
        "本报讯（见习记者 凯林 实习生 周博）9月15日，东华矿业商会在东华成立。"
    )
    found = posts(text)
    assert {("凯林", "见习记者", "东华商报"), ("周博", "实习生", "东华商报")} <= found


def test_an_outlet_named_inside_a_portals_byline_employs_its_reporter() -> None:
    text = "东华网西岭11月26日讯（时刻新闻记者 林晓峰）今日上午，东华经济合作洽谈会正式开幕。"
    assert posts(text) == {("林晓峰", "记者", "时刻新闻")}


def test_a_dispatch_of_a_site_and_its_news_app() -> None:
    text = "东华网·海报新闻西岭5月20日讯（记者 林晓峰）5月20日，西岭县司法局举办开放日活动。"
    assert posts(text) == {("林晓峰", "记者", "东华网·海报新闻")}


def test_a_dispatch_dated_in_words_holds_its_reporters_glued_together() -> None:
    text = "东华社西岭七月十八日电 （记者林晓峰周立平）规模最大的农业展今天在西岭开幕。"
    assert posts(text) == {("林晓峰", "记者", "东华社"), ("周立平", "记者", "东华社")}


def test_a_dated_header_line_with_the_paper_and_its_reporter() -> None:
    text = "東華農田水利會改善排水\n2017-12-07 21:25東華報 記者林曉峰╱即時報導\n工程今天開工。"
    assert posts(text) == {("林曉峰", "记者", "東華報")}  # the role key is simplified


def test_a_correspondent_credited_on_the_last_lines_is_the_units() -> None:
    text = "东华医院门诊楼开工\n东华医院举行了开工典礼，大家终于盼到了这一刻。\n东华医院通讯员\n周立平\n"
    assert ("周立平", "通讯员", "东华医院") in posts(text)


def test_an_authors_credit_names_people_without_a_post() -> None:
    text = "标题\n2004-10-28 00:00:00 作者：沐晓峰 来源：东华日报\n正文说了一件事。（文 龚立平 雷思远）"
    assert {"沐晓峰", "龚立平", "雷思远"} <= people(text)
    assert not posts(text)
