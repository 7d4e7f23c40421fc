"""Chinese date expressions normalised to ``datetime.date``, resolved against a reference year.

No maintained permissively-licensed library parses Chinese dates (jionlp pulls in GPLv3 code and
reads 三分校 as "3 minutes"), so the few forms news use are parsed here.

>>> parse_range("5月28日到6月1日", 2018)
(datetime.date(2018, 5, 28), datetime.date(2018, 6, 1))
>>> parse_range("2019年3月5日", None)
(datetime.date(2019, 3, 5), datetime.date(2019, 3, 5))
>>> parse_range("今年6月3日至5日", 2020)
(datetime.date(2020, 6, 3), datetime.date(2020, 6, 5))
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUM = r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"


def _one(p: str) -> str:
    """One date, optional year (or 今年/去年…) and month, named groups prefixed with ``p``."""
    year = rf"(?:(?P<{p}y>[0-9０-９]{{4}})年|(?P<{p}rel>今年|去年|明年|前年))?"
    return year + rf"(?:(?P<{p}m>{_NUM})月)?(?P<{p}d>{_NUM})[日号]"


RANGE = re.compile(_one("a") + r"(?:\s*(?:到|至|—|－|-|~|～)\s*" + _one("b") + ")?")
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
_RELATIVE = {"今年": 0, "去年": -1, "明年": 1, "前年": -2}


def number(text: str) -> int:
    """Arabic or Chinese numeral up to 99.

    >>> number("二十八"), number("１２")
    (28, 12)
    """
    text = text.translate(_DIGITS)
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN.get(tens, 1) if tens else 1) * 10 + (_CN.get(units, 0) if units else 0)
    return _CN[text]


def _year(match: re.Match[str], prefix: str, reference: int | None) -> int | None:
    if match.group(f"{prefix}y"):
        return int(match.group(f"{prefix}y").translate(_DIGITS))
    rel = match.group(f"{prefix}rel")
    if rel and reference is not None:
        return reference + _RELATIVE[rel]
    return reference


def _safe_date(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_range(text: str, reference_year: int | None) -> tuple[date, date] | None:
    """The first date or date range in ``text``; the end defaults to the start."""
    m = RANGE.search(text)
    if m is None or not m.group("am"):
        return None
    year = _year(m, "a", reference_year)
    month = number(m.group("am"))
    start = _safe_date(year, month, number(m.group("ad")))
    if start is None:
        return None
    if not m.group("bd"):
        return start, start
    end_year = _year(m, "b", year) if (m.group("by") or m.group("brel")) else year
    end_month = number(m.group("bm")) if m.group("bm") else month
    end = _safe_date(end_year, end_month, number(m.group("bd")))
    if end is None or end < start:
        return start, start
    return start, end


def document_year(*texts: str) -> int | None:
    """The year a document talks about: the most frequent four-digit year (earliest on ties).

    >>> document_year("2018年上海市培训班", "2017年和2018年")
    2018
    """
    counts: Counter[int] = Counter()
    for text in texts:
        counts.update(int(y) for y in YEAR.findall(text))
    if not counts:
        return None
    return min(counts, key=lambda y: (-counts[y], y))
