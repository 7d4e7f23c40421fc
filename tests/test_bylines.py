"""Bylines: reporters and correspondents are posts of the paper or site the copy names
(invented names and outlets)."""

from __future__ import annotations

from post_triples import posts

from graph.extract.bylines import byline_chains
from graph.text.segment import segment
from graph.types import Document


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
