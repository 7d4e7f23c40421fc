"""Chinese date expressions: found with exact offsets and normalised to ``datetime.date``.

One grammar serves both users. The mention tagger takes every date expression from
:func:`find_dates` (a year, a month or a day, with its offsets); the event extractor takes the
first day or range of days from :func:`find_range`, resolved against a default year.

- A year is four or two digits, Arabic, full-width or Chinese and read digit by digit
  (2018年, ２０１８年, 二〇一八年, 二零一八年, 98年); the event grammar also reads
  今年 / 去年 / 明年 / 前年 against the default year. A two-digit year takes the century that
  puts it nearest the default year.
- Months and days are Arabic, full-width or Chinese numerals (五月二十八日, 十二月三十一日);
  ISO-like dates (2020-01-02, 2020/1/2, 2020.1.2) are read too.
- A range joins two dates with 到, 至, —, －, -, ~ or ～; the second date borrows the year and
  month it leaves out from the first (5月28日到6月1日, 6月3日至5日, 2018年5月28日—6月1日).
  An end that is invalid or before the start is dropped (the range is the first date).
- A date that does not exist (2月30日, 13月) is neither found nor normalised.

No maintained permissively-licensed library parses Chinese dates (jionlp pulls in GPLv3 code and
reads 三分校 as "3 minutes"), so the few forms news use are parsed here.

>>> [text for _, _, text in find_dates("1998年1月1日和十二月三十一日上午，3月，2月30日")]
['1998年1月1日', '十二月三十一日', '3月']
>>> normalise("元月6日", 2013), [t for _, _, t in find_dates("月薪3000元月底发")]
((datetime.date(2013, 1, 6), datetime.date(2013, 1, 6)), [])
>>> normalise("二〇一八年五月二十八日", 2020)
(datetime.date(2018, 5, 28), datetime.date(2018, 5, 28))
>>> r = find_range("会议于今年6月3日至5日举行", 2020)
>>> r.text, r.start, r.end, str(r.first), str(r.last)
('今年6月3日至5日', 3, 12, '2020-06-03', '2020-06-05')
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from graph.text.anniversaries import anniversary_year
from graph.text.numerals import DIGITS as _DIGITS
from graph.text.numerals import number, year_number

_RELATIVE = {"今年": 0, "去年": -1, "明年": 1, "前年": -2}

# The grammar's words. A Chinese numeral starts where no Chinese numeral precedes it.
_AR = "[0-9０-９]"
_CD = "[〇零一二三四五六七八九]"
_FRESH = "(?<![〇零一二三四五六七八九十])"
_NUM = rf"{_AR}{{1,2}}|{_FRESH}[一二三四五六七八九十]{{1,3}}"
_MINGUO = "(?<![0-9０-９])1[01][0-9](?=[ \u3000]?年)"  # 104年: the Minguo year of Taiwan's copies
_YEAR = (
    rf"(?<![0-9０-９]){_AR}{{4}}|{_MINGUO}|(?<![0-9０-９]){_AR}{{2}}"
    rf"|{_FRESH}{_CD}{{4}}|{_FRESH}{_CD}{{2}}"
)
_REL = "|".join(_RELATIVE)
_SEP = r"\s*(?:到|至|—|－|-|~|～)\s*"

_ISO = rf"(?<!{_AR}){_AR}{{4}}[-/.]{_AR}{{1,2}}[-/.]{_AR}{{1,2}}(?![0-9])"
_S = "[ \u3000]?"  # a space a copy may put between the parts (2009年9月 21日, 12月1 日)
_FIRST = "(?<![0-9０-９一二三四五六七八九十百千万亿])元"  # 元月: January (not 3000元 + 月薪)
_MONTH = rf"{_NUM}|{_FIRST}"
_Y, _M, _D = rf"(?:{_YEAR}){_S}年", rf"(?:{_MONTH}){_S}月份?", rf"(?:{_NUM}){_S}[日号]"
_YR = rf"(?:{_Y}|{_REL})"

# One date, by use: a mention is a year or a month, with a day only after a month; an event
# date is a day, with or without year and month; "any" is whatever either of them finds.
_DATE = {
    "mention": rf"{_ISO}|{_Y}(?:{_S}{_M}(?:{_S}{_D})?)?|{_M}(?:{_S}{_D})?",
    "day": rf"{_ISO}|(?:{_YR}{_S})?(?:{_M}{_S})?{_D}",
    "any": rf"{_ISO}|{_YR}(?:{_S}{_M})?(?:{_S}{_D})?|{_M}(?:{_S}{_D})?|{_D}",
}
# The parts of one date found by any of the above.
_PARTS = re.compile(
    rf"(?P<iy>{_AR}{{4}})[-/.](?P<im>{_AR}{{1,2}})[-/.](?P<id>{_AR}{{1,2}})"
    rf"|(?:(?:(?P<y>{_YEAR}){_S}年|(?P<rel>{_REL})){_S})?(?:(?P<m>{_MONTH}){_S}月份?{_S})?"
    rf"(?:(?P<d>{_NUM}){_S}[日号])?"
)

# A missing year is checked against a leap year when finding dates (2月29日 exists).
_FINDER_YEAR = 2000


def _range(use: str, sep: str = _SEP) -> re.Pattern[str]:
    """A date, or two joined by a range separator, as groups ``a`` and ``b``."""
    return re.compile(rf"(?P<a>{_DATE[use]})(?:{sep}(?P<b>{_DATE[use]}))?")


_MENTION = re.compile(_DATE["mention"])
# An event's days may also be listed: 9月9日、9月10日 (its first and last day).
_EVENT = _range("day", r"\s*(?:到|至|—|－|-|~|～|、)\s*")
_EXPRESSION = _range("any")
# A range whose first day leaves its 日 to the last one (6月18-24日, 6月18至24日), and a
# cheap test for a sentence that may hold one.
_SHARED_HINT = re.compile(
    r"[0-9０-９一二三四五六七八九十]\s*(?:到|至|—|－|-|~|～)\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[日号]"
)
_SHARED_DAY = re.compile(
    rf"(?P<a>(?:{_YR}{_S})?{_M}{_S}(?:{_NUM}))\s*(?:到|至|—|－|-|~|～)\s*(?P<b>(?:{_NUM}){_S}[日号])"
)
_DOCUMENT_YEAR = re.compile(rf"(?:(?<!{_AR})({_AR}{{4}})|(?<!{_CD})({_CD}{{4}}))年")


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date expression at ``text[start:end]`` covering the days ``first`` to ``last``."""

    start: int
    end: int
    text: str
    first: date
    last: date


MINGUO_EPOCH = 1911


def _nearest(two_digits: int, default_year: int | None) -> int | None:
    """The year ending in ``two_digits`` nearest ``default_year`` (the earlier on a tie)."""
    if default_year is None:
        return None
    century = default_year - default_year % 100
    years = (century + d + two_digits for d in (-100, 0, 100))
    return min(years, key=lambda y: (abs(y - default_year), y))


def _year(written: str | None, relative: str | None, default_year: int | None) -> int | None:
    if written:
        year = year_number(written)
        if len(written) == 3:
            return year + MINGUO_EPOCH  # 104年 = 2015
        return year if len(written) == 4 else _nearest(year, default_year)
    if relative:
        return None if default_year is None else default_year + _RELATIVE[relative]
    return default_year


def _optional_number(text: str | None) -> int | None:
    """``number(text)``; ``None`` if there is no text, 0 (which no month or day is) if it is not
    a numeral."""
    if text is None:
        return None
    if text == "元":
        return 1  # 元月
    try:
        return number(text)
    except ValueError:
        return 0


_Parts = tuple[int | None, int | None, int | None]


def _parts(text: str, default_year: int | None) -> _Parts:
    """Year, month and day of one date found by the grammar (``None`` where absent)."""
    m = _PARTS.fullmatch(text)
    if m is None:  # pragma: no cover - every date of the grammar matches
        raise ValueError(f"not a date: {text!r}")
    if m["iy"]:
        return (
            int(m["iy"].translate(_DIGITS)),
            int(m["im"].translate(_DIGITS)),
            int(m["id"].translate(_DIGITS)),
        )
    year = _year(m["y"], m["rel"], default_year)
    return year, _optional_number(m["m"]), _optional_number(m["d"])


def _period(year: int | None, month: int | None, day: int | None) -> tuple[date, date] | None:
    """The days a date names: one day, a whole month or a whole year; ``None`` if impossible."""
    if year is None or (month is None and day is not None):
        return None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def _resolve(m: re.Match[str], default_year: int | None) -> tuple[date, date] | None:
    """The days a match of a range pattern covers."""
    return _resolve_ends(m["a"], m["b"], default_year)


def _resolve_ends(a: str, b: str | None, default_year: int | None) -> tuple[date, date] | None:
    """The days from the date ``a`` to the date ``b`` (to the end of ``a`` without one)."""
    year, month, day = _parts(a, default_year)
    first = _period(year, month, day)
    if first is None or b is None:
        return first
    end_year, end_month, end_day = _parts(b, year)
    if end_month is None and end_day is not None:
        end_month = month
    last = _period(end_year, end_month, end_day)
    if last is None or last[1] < first[0]:
        return first
    return first[0], last[1]


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each date expression in ``text``: a year, a month or a day.

    The two ends of a range are two expressions. Every expression found is a date that
    exists: ``normalise(found, 2000)`` is never ``None`` (a missing year is taken to be a
    leap year, so 2月29日 is found).

    >>> find_dates("二〇一八年五月二十八日到6月1日，2020-01-02")
    [(0, 11, '二〇一八年五月二十八日'), (12, 16, '6月1日'), (17, 27, '2020-01-02')]
    """
    return [
        (m.start(), m.end(), m.group())
        for m in _MENTION.finditer(text)
        if _period(*_parts(m.group(), _FINDER_YEAR)) is not None
    ]


def normalise(expression: str, default_year: int | None) -> tuple[date, date] | None:
    """First and last day of a whole date expression (a date or a range); ``None`` if it is not one.

    A missing year is ``default_year``; without one such a date does not normalise.

    >>> normalise("5月28日到6月1日", 2018)
    (datetime.date(2018, 5, 28), datetime.date(2018, 6, 1))
    >>> normalise("2019年3月", None)
    (datetime.date(2019, 3, 1), datetime.date(2019, 3, 31))
    >>> normalise("2月30日", 2018), normalise("5月28日", None), normalise("5月28日上午", 2018)
    (None, None, None)
    """
    m = _EXPRESSION.fullmatch(expression)
    return None if m is None else _resolve(m, default_year)


def find_range(text: str, default_year: int | None) -> DateRange | None:
    """The first day or range of days in ``text`` (``None`` if that one does not resolve).

    >>> r = find_range("2020年12月30日至2021年1月2日", None)
    >>> str(r.first), str(r.last), r.end
    ('2020-12-30', '2021-01-02', 21)
    >>> r = find_range("2017年9月9日、9月10日，义诊活动开展", None)
    >>> str(r.first), str(r.last)
    ('2017-09-09', '2017-09-10')
    >>> r = find_range("6月18-24日，考察团赴西部考察", 2008)
    >>> str(r.first), str(r.last), r.text
    ('2008-06-18', '2008-06-24', '6月18-24日')
    """
    m = _EVENT.search(text)
    end = m.end() if m else len(text)
    shared = _SHARED_DAY.search(text, 0, end) if _SHARED_HINT.search(text, 0, end) else None
    if shared is not None and (m is None or shared.start() <= m.start()):
        days = _resolve_ends(shared["a"] + "日", shared["b"], default_year)
        m = shared
    else:
        days = None if m is None else _resolve(m, default_year)
    if m is None or days is None:
        return None
    return DateRange(m.start(), m.end(), m.group(), days[0], days[1])


def parse_range(text: str, default_year: int | None) -> tuple[date, date] | None:
    """First and last day of :func:`find_range` (the last is the first for a single day).

    >>> parse_range("今年三月五日", 2021)
    (datetime.date(2021, 3, 5), datetime.date(2021, 3, 5))
    """
    r = find_range(text, default_year)
    return None if r is None else (r.first, r.last)


_NAMED_YEAR = re.compile(
    r"(?<![0-9０-９第])((?:19|20)[0-9]{2})(?=[\u4e00-\u9fff])(?![年月日号次届期名个人元万亿件项条家所位])"
)


_REVIEWED_YEAR = re.compile(r"(?:19|20)[0-9]{2}年?(?:度|终|年终|终了|年末)")


def name_year(name: str) -> int | None:
    """The year an event's name carries, with 年 or before its words (2008新春联谊会).

    >>> name_year("协会会员大会暨2008新春联谊会"), name_year("2019年年会"), name_year("第2008号")
    (2008, 2019, None)

    A year whose work the event reviews (2018年度表彰大会, 2008年终总结会) is no year it is
    held in: such meetings are held in that year or early in the next.

    >>> name_year("某协会2018年度义工表彰大会"), name_year("公司2008年终工作总结会")
    (None, None)
    """
    if _REVIEWED_YEAR.search(name):
        return None
    if (year := document_year(name)) is not None:
        return year
    m = _NAMED_YEAR.search(name)
    return int(m.group(1)) if m else None


def document_year(*texts: str) -> int | None:
    """The year a document talks about: the most frequent four-digit year from 1900 to 2099
    (the earliest on ties), in Arabic, full-width or Chinese numerals.

    >>> document_year("2018年上海市培训班", "2017年和二〇一八年")
    2018
    >>> document_year("无年份", "12018年") is None
    True

    A year's final accounts are reviewed the year after it (审议2013年度财政决算: 2014), and
    without any year written, an anniversary of a founding everybody knows gives it:

    >>> document_year("审议2013年度财政决算、2013年度预算执行和2014年计划的报告")
    2014
    >>> document_year("庆祝人民政协成立75周年"), document_year("庆祝国庆七十四周年酒会")
    (2024, 2023)
    >>> document_year("在第一个中国人民警察节来临之际"), document_year("第三个中国农民丰收节")
    (2021, 2020)
    """
    counts: Counter[int] = Counter()
    for text in texts:
        for m in _DOCUMENT_YEAR.finditer(text):
            year = year_number(m[1] or m[2]) + bool(_ACCOUNTS.match(text, m.end()))
            if 1900 <= year <= 2099:
                counts[year] += 1
    if not counts:
        return anniversary_year(texts)
    return min(counts, key=lambda y: (-counts[y], y))


_FULL_DATE = re.compile(
    rf"(?<!{_AR})({_AR}{{4}}){_S}年{_S}(?:{_NUM}){_S}月{_S}(?:{_NUM}){_S}[日号](?!前|之前|以前)"
)


def latest_full_date_year(text: str) -> int | None:
    """The latest year written in a full date (年, 月 and 日) that is no deadline (…日前).

    >>> latest_full_date_year("1949年10月1日成立。会议将于2018年8月9日召开。2035年建成。")
    2018
    >>> latest_full_date_year("2035年基本建成，2030年12月31日前完成。") is None
    True
    """
    years = [int(m[1].translate(_DIGITS)) for m in _FULL_DATE.finditer(text)]
    return max((y for y in years if 1900 <= y <= 2099), default=None)


_ACCOUNTS = re.compile(r"度[^，,。；;]{0,8}?(?:决算|预算执行)")
"""After 某年: that year's final accounts or budget execution, reviewed the year after."""
