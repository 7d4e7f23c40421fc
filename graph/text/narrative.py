"""The time an undated article is written in, read from the months it reports as past.

An article without its own date (no header, dateline or 发布时间 line) still tells when it is:
its story comes after every month it reports as past (2014年11月…提出, 在2018年1月已经公布).
A month in a plan or a forecast (将于2020年10月, 预计到2025年6月, the end of a range
…到2020年3月) says nothing about it. A bare day (8月8日) is then in the year of the latest such
month, or the year after when it falls before that month.

>>> narrative_month("2014年11月，院长提出新模式。半年多来，科室发展迅速。")
(2014, 11)
>>> narrative_month("在2018年1月已经公布。协会将于2020年10月推出活动，2018年3月到2020年3月举行。")
(2018, 3)
>>> narrative_month("无日期。") is None
True
>>> year_of_day(8, (2014, 11)), year_of_day(12, (2014, 11))
(2015, 2014)
"""

from __future__ import annotations

import re

_MONTH = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年([0-9]{1,2})月")
_PLAN_WORDS = ("将", "预计", "计划", "力争", "争取", "目标")
_RANGE_END = ("到", "至", "－", "-", "—", "~", "～")
_BY = ("前", "底前")
_CLAUSE = "，,。；;！？\n"
_REACH = 8


def _future(text: str, start: int, end: int) -> bool:
    """A month written in a plan, a forecast or as the end of a range."""
    lo = start
    while lo > 0 and start - lo < _REACH and text[lo - 1] not in _CLAUSE:
        lo -= 1
    before = text[lo:start].strip()
    return (
        before.endswith(_RANGE_END)
        or any(w in before for w in _PLAN_WORDS)
        or text.startswith(_BY, end)
    )


def narrative_month(text: str) -> tuple[int, int] | None:
    """(year, month) of the latest month the text reports as past, or None."""
    found = [
        (int(m[1]), int(m[2]))
        for m in _MONTH.finditer(text)
        if 1 <= int(m[2]) <= 12 and not _future(text, m.start(), m.end())
    ]
    return max(found) if found else None


def year_of_day(month: int, latest: tuple[int, int]) -> int:
    """The year of a bare day in ``month`` told after the month ``latest``."""
    year, last_month = latest
    return year + 1 if month < last_month else year
