"""The date grammar: what the finder finds, what the normaliser makes of it, and that they agree."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.extract.events import find_events
from graph.text.dates import document_year, find_dates, find_range, normalise, parse_range
from graph.text.docdate import document_date
from graph.text.numerals import number
from graph.text.segment import segment
from graph.types import Document

_CN = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    """1..99 in Chinese numerals, written independently of the code under test."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _CN[tens] + "十"
    return head + (_CN[units] if units else "")


def _cn_year(y: int, zero: str) -> str:
    return "".join(_CN[int(c)] for c in str(y)).replace("〇", zero)


def _full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


def _render(d: date, style: str) -> str:
    if style == "arabic":
        return f"{d.year}年{d.month}月{d.day}日"
    if style == "full":
        return _full_width(f"{d.year}年{d.month}月{d.day}号")
    zero = "零" if style == "cn-ling" else "〇"
    return f"{_cn_year(d.year, zero)}年{_cn_number(d.month)}月{_cn_number(d.day)}日"


_STYLES = st.sampled_from(["arabic", "full", "cn", "cn-ling"])
_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
# Text around a date that cannot extend it: no digits, numerals or date words.
_FILLER = st.text(alphabet="会议在北京举行，。的ab \n", max_size=8)
# Text full of date material, to shake the grammar.
_DATE_SOUP = st.text(
    alphabet="0123456789０１２〇零一二三五九十年月日号份到至—-~今去/. 会", max_size=30
)


def test_chinese_numeral_year_is_kept_not_replaced_by_the_default() -> None:
    day = (date(2018, 5, 28), date(2018, 5, 28))
    assert parse_range("二〇一八年五月二十八日在京举行", 2020) == day
    assert parse_range("二零一八年五月二十八日", 2020) == day
    assert normalise("二〇一八年五月二十八日", 2020) == day
    assert find_dates("于二〇一八年五月二十八日") == [(1, 12, "二〇一八年五月二十八日")]


def test_event_dates_keep_a_chinese_numeral_year() -> None:
    text = "二〇一八年五月二十八日至六月一日，由省教育厅主办的2020年教师培训班在某某大学举行。"
    (event,) = find_events(segment(Document.from_text("d.txt", text)))
    assert (event.start, event.end) == (date(2018, 5, 28), date(2018, 6, 1))
    assert event.date_span is not None
    assert text[event.date_span[0] : event.date_span[1]] == "二〇一八年五月二十八日至六月一日"


@pytest.mark.parametrize(
    ("text", "year", "first", "last"),
    [
        ("5月28日到6月1日", 2018, date(2018, 5, 28), date(2018, 6, 1)),
        ("5月28日至6月1日", 2018, date(2018, 5, 28), date(2018, 6, 1)),
        ("2018年5月28日—6月1日", 2020, date(2018, 5, 28), date(2018, 6, 1)),
        ("五月二十八日至六月一日", 2018, date(2018, 5, 28), date(2018, 6, 1)),
        ("十二月三十日至三十一日", 2019, date(2019, 12, 30), date(2019, 12, 31)),
        ("2020年12月30日至2021年1月2日", None, date(2020, 12, 30), date(2021, 1, 2)),
        ("２０１８年１月３１日～２月２日", None, date(2018, 1, 31), date(2018, 2, 2)),
        ("去年2月28日 到 3月1日", 2021, date(2020, 2, 28), date(2020, 3, 1)),
    ],
)
def test_ranges_across_months(text: str, year: int | None, first: date, last: date) -> None:
    assert parse_range(text, year) == (first, last)
    assert normalise(text, year) == (first, last)
    found = find_range(f"会议于{text}举行", year)
    assert found is not None
    assert (found.start, found.end, found.text) == (3, 3 + len(text), text)


def test_periods_of_years_and_months() -> None:
    assert normalise("2月", 2020) == (date(2020, 2, 1), date(2020, 2, 29))
    assert normalise("2019年2月份", None) == (date(2019, 2, 1), date(2019, 2, 28))
    assert normalise("二〇一八年", None) == (date(2018, 1, 1), date(2018, 12, 31))
    assert normalise("98年", 2018) == (date(1998, 1, 1), date(1998, 12, 31))
    assert normalise("18年5月", 2020) == (date(2018, 5, 1), date(2018, 5, 31))


@pytest.mark.parametrize(
    "text", ["2月30日", "2019年2月29日", "4月31日", "13月1日", "5月32日", "零月五日", "十十月"]
)
def test_invalid_dates_are_neither_found_nor_normalised(text: str) -> None:
    assert find_dates(f"会议{text}举行") == []
    assert normalise(text, 2019) is None
    assert parse_range(text, 2019) is None


def test_february_29_without_a_year_is_found_and_resolves_only_in_leap_years() -> None:
    assert find_dates("2月29日") == [(0, 5, "2月29日")]
    assert normalise("2月29日", 2020) == (date(2020, 2, 29), date(2020, 2, 29))
    assert normalise("2月29日", 2019) is None


def test_an_invalid_end_leaves_the_start() -> None:
    assert parse_range("2月27日至2月30日", 2019) == (date(2019, 2, 27), date(2019, 2, 27))
    assert parse_range("6月5日至6月3日", 2019) == (date(2019, 6, 5), date(2019, 6, 5))


def test_numbers() -> None:
    assert [number(s) for s in ("一", "十", "十一", "二十", "三十一", "９", "12")] == [
        1,
        10,
        11,
        20,
        31,
        9,
        12,
    ]
    for bad in ("", "十十", "一二三", "零", "123", "a"):
        with pytest.raises(ValueError, match="not a numeral"):
            number(bad)


def test_document_year_reads_every_numeral() -> None:
    assert document_year("二〇一八年和二零一八年", "2019年") == 2018
    assert document_year("２０１７年", "2017年", "2018年") == 2017
    assert document_year("12018年", "3018年") is None


@given(_DATES, _STYLES, _FILLER, _FILLER)
def test_a_written_date_is_found_at_its_offsets_and_normalised(
    d: date, style: str, before: str, after: str
) -> None:
    written = _render(d, style)
    text = before + written + after
    assert find_dates(text) == [(len(before), len(before) + len(written), written)]
    assert normalise(written, 1950) == (d, d)
    found = find_range(text, None)
    assert found is not None
    assert (found.first, found.last, text[found.start : found.end]) == (d, d, written)


@given(_DATES, st.integers(0, 40), _STYLES, st.sampled_from(["到", "至", "—", "～"]))
def test_a_written_range_normalises(d: date, days: int, style: str, sep: str) -> None:
    end = d + timedelta(days=days)
    text = _render(d, style) + sep + _render(end, style)
    assert normalise(text, None) == (d, end)


@given(_DATE_SOUP)
def test_offsets_are_exact_and_every_found_date_normalises(text: str) -> None:
    found = find_dates(text)
    ends = [0]
    for start, end, span in found:
        assert text[start:end] == span
        assert start >= ends[-1]
        ends.append(end)
        first, last = normalise(span, 2000) or (None, None)
        assert first is not None and last is not None and first <= last
    r = find_range(text, 2000)
    if r is not None:
        assert text[r.start : r.end] == r.text
        assert normalise(r.text, 2000) == (r.first, r.last)


@pytest.mark.parametrize("written", ["2009年9月 21日", "2009年 9月21日", "2009年\u30009月21日"])
def test_a_space_between_the_parts_of_a_date_is_read_over(written: str) -> None:
    found = find_range(f"{written}，东华公司举行投产剪彩庆典。", None)
    assert found is not None and found.text == written
    assert found.first == date(2009, 9, 21)


def test_a_celebration_is_an_event_with_its_day() -> None:
    seg = segment(
        Document.from_text("d.txt", "2009年9月 21日，东华公司举行了简单而隆重的投产剪彩庆典。")
    )
    assert [(e.name, e.start) for e in find_events(seg)] == [("投产剪彩庆典", date(2009, 9, 21))]


def test_an_event_named_with_its_year_is_dated_in_an_undated_article() -> None:
    text = "1月29日，东江市港务协会第二次会员代表大会暨2008新春联谊会在东江大酒店隆重召开。"
    events = find_events(segment(Document.from_text("d.txt", text)))
    assert [(e.name, e.start) for e in events] == [
        ("东江市港务协会第二次会员代表大会暨2008新春联谊会", date(2008, 1, 29))
    ]


def test_an_organisation_named_with_a_place_word_is_part_of_the_event_name() -> None:
    text = "2008年1月29日，宁波市口岸协会第二次会员代表大会召开。"
    events = find_events(segment(Document.from_text("d.txt", text)))
    assert [e.name for e in events] == ["宁波市口岸协会第二次会员代表大会"]


def test_a_header_line_with_the_paper_its_date_and_a_lettered_page() -> None:
    assert document_date("标题\n东华日报 2021年3月5日 第A01版\n正文") == date(2021, 3, 5)
