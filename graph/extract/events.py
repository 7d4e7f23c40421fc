"""Events: a named gathering (…培训班, …研讨会) with its dates, venue, organiser, head count and
the programme it belongs to, read from the sentence that names it.

Dates are resolved against the year in the event's name, else the year of the document's own
date (its header, dateline or 发布时间 line), else the year the text mentions most; relative days
(今日, 昨天, 25日) against the document's date.

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "3月5日至7日，由省教育厅主办的2021年教师培训班在某某大学举行，80名教师参加。"))
>>> e = find_events(seg)[0]
>>> (e.name, str(e.start), str(e.end), e.participants)
('2021年教师培训班', '2021-03-05', '2021-03-07', 80)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from graph.extract.eventnames import event_names
from graph.extract.meetings import meeting_names
from graph.extract.visits import visit_names
from graph.text.dates import (
    DateRange,
    document_year,
    find_range,
    latest_full_date_year,
    name_year,
)
from graph.text.docdate import Dateline, dateline, document_date, labelled_date, relative_day
from graph.text.narrative import narrative_month, year_of_day
from graph.text.numerals import number
from graph.types import Segmented, Sentence

_COUNT = re.compile(r"([0-9０-９]+)\s*(?:多)?(?:名|位|人)")
_ORGANISER = re.compile(r"由(?P<org>[^，,。；;由在]{2,30}?)(?:主办|承办|举办|组织|主持|牵头)")
_VENUE = re.compile(r"在(?P<venue>[^，,。；;在]{2,30}?)(?:举办|举行|召开|开幕|开班|开展|进行)")
_NEXT_DAY = re.compile(r"次日|翌日|第二天")
_SAME_DAY = ("上午", "下午", "晚上", "当天", "当日", "同日", "中午", "傍晚")
_PLAN = re.compile(r"(?:列入|纳入|作为)(?P<plan>[^，,。；;]{2,40}?计划)")


@dataclass(frozen=True, slots=True)
class EventRecord:
    name: str
    name_start: int
    name_end: int
    start: date | None
    end: date | None
    date_span: tuple[int, int] | None
    venue_span: tuple[int, int] | None
    organiser_span: tuple[int, int] | None
    plan_span: tuple[int, int] | None
    participants: int | None
    count_span: tuple[int, int] | None
    sentence: Sentence


def _relative(sentence: str, anchor: date) -> DateRange | None:
    """A relative day of the sentence (今日, 昨天, 25日) as a one-day range."""
    found = relative_day(sentence, anchor)
    if found is None:
        return None
    start, end, day = found
    return DateRange(start, end, sentence[start:end], day, day)


_EVENT_YEAR = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})(?=(?:年度?)?[\u4e00-\u9fff]{2,24}?(?:会|节|赛|展|论坛|典礼|仪式))"
)


def _lead_event_year(text: str, lead: int) -> int | None:
    """The year opening the name of an event in a dateline's paragraph (…讯 今日上午，2015
    某某洽谈会开幕): the story's year when no full date says it."""
    end = text.find("\n", lead)
    m = _EVENT_YEAR.search(text, lead, end if end >= 0 else len(text))
    return int(m.group(1)) if m else None


def _group_span(m: re.Match[str] | None, group: str, offset: int) -> tuple[int, int] | None:
    return (m.start(group) + offset, m.end(group) + offset) if m else None


@dataclass(frozen=True, slots=True)
class _Clock:
    """What dates a document's sentences: its text with the dateline blanked out (a dateline's
    day is no event's own date), the default year (``None``: unknown), the day relative days
    count from (the dateline's, else the document's date), the month an undated story is told
    in, and the dateline."""

    text: str
    year: int | None
    anchor: date | None
    told: tuple[int, int] | None
    line: Dateline | None

    @staticmethod
    def of(seg: Segmented) -> _Clock:
        text = seg.doc.text
        published = document_date(text)
        line = dateline(text, published)
        if line is not None:
            text = text[: line.start] + " " * (line.end - line.start) + text[line.end :]
        if published is not None:
            year: int | None = published.year
            told = None
        elif line is not None:  # a newswire story whose year nobody wrote: the latest full
            told = None  # date it writes tells it (会议将于2018年8月9日召开), else left unknown
            year = latest_full_date_year(text) or _lead_event_year(text, line.end)
            if line.day is None and year is not None:
                line = dateline(seg.doc.text, date(year, 12, 31)) or line
        else:
            told = narrative_month(text)
            year = told[0] if told else document_year(seg.doc.title, text)
        anchor = line.day if line is not None and line.day else published
        return _Clock(text, year, anchor, told, line)

    def day(self, sentence: Sentence, year: int | None = None) -> DateRange | None:
        """The sentence's own day (sentence offsets); the lead of a dateline story without
        one is told on the dateline's day."""
        s = self.text[sentence.start : sentence.end]
        found = _day(s, year or self.year, self.anchor, self.told)
        line = self.line
        if found is None and line and line.day and sentence.start <= line.start < sentence.end:
            at = line.start - sentence.start
            return DateRange(
                at,
                at + line.end - line.start,
                sentence.text[at : at + line.end - line.start],
                line.day,
                line.day,
            )
        return found


def find_events(seg: Segmented) -> list[EventRecord]:
    """Events named in the document (and visits it reports), with whatever attributes their
    sentence states; a visit whose sentence has no date takes the last day stated before it,
    the event of the title the day of the lead."""
    text = seg.doc.text
    clock = _Clock.of(seg)
    out = []
    starts = [t.start for t in seg.tokens]
    title_end = text.find(seg.doc.title) + len(seg.doc.title) if seg.doc.title else 0
    named: set[int] = set()  # the sentences that name an event
    visited: set[date] = set()  # the days of the visits the body reports
    for i, sentence in enumerate(seg.sentences):
        s = sentence.text
        kind, spans = _named_in(seg, starts, sentence, clock)
        if spans:
            named.add(i)
        for start, end in spans:
            name = text[start:end]
            dates, off = _clause_day(sentence, start, clock, name_year(name)), sentence.start
            if dates is None:
                dates, off = _event_day(seg, i, clock, kind, name_year(name), named)
                if _told_on(kind, dates, visited, name):
                    continue  # 某某等参加座谈交流: the day's visit, told on
            if kind == "visit" and dates is not None and sentence.start >= title_end:
                visited.add(dates.first)
            if dates is None and sentence.start < title_end:  # the title's: the lead's day
                dates, off = _first_day(seg.sentences[i + 1 : i + 5], clock), 0
            dates = _lasting(s, dates)
            count = _COUNT.search(s, end - sentence.start)
            out.append(
                EventRecord(
                    name,
                    start,
                    end,
                    dates.first if dates else None,
                    dates.last if dates else None,
                    (dates.start + off, dates.end + off) if dates else None,
                    _group_span(_VENUE.search(s), "venue", sentence.start),
                    _group_span(_ORGANISER.search(s), "org", sentence.start),
                    _group_span(_PLAN.search(s), "plan", sentence.start),
                    int(count.group(1)) if count else None,
                    (count.start() + sentence.start, count.end() + sentence.start)
                    if count
                    else None,
                    sentence,
                )
            )
    kept = [e for e in out if e.start or e.venue_span or e.organiser_span]
    return [e for e in kept if not _told_again(e, kept, title_end)]


_JOINING = ("参加", "陪同", "出席", "参与")
"""Words of a clause telling who else took part in a visit (某某等参加座谈交流)."""


def _told_on(kind: str, dates: DateRange | None, visited: set[date], name: str) -> bool:
    """Whether a visit without a day of its own tells who else took part in the visit of the
    day it takes (某某等参加座谈交流 after the lead's visit)."""
    return (
        kind == "visit"
        and dates is not None
        and dates.first in visited
        and any(w in name for w in _JOINING)
    )


_LASTING = re.compile(
    r"(?:会期|为期|历时)([0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})[天日](半)?"
)


def _lasting(sentence: str, dates: DateRange | None) -> DateRange | None:
    """A single day extended by the length the sentence gives (3月5日开幕，会期两天: to 3月6日);
    back from it when the day is the last (5日结束为期三天的访问: from 3日).

    >>> d = DateRange(0, 4, "3月5日", date(2019, 3, 5), date(2019, 3, 5))
    >>> str(_lasting("3月5日开幕，会期两天。", d).last), str(_lasting("为期一天半的会议", d).last)
    ('2019-03-06', '2019-03-06')
    >>> str(_lasting("代表团5日结束为期三天的访问。", d).first)
    '2019-03-03'
    >>> str(_lasting("今日率团前往东北作为期八日访问。", d).last)
    '2019-03-12'
    """
    m = _LASTING.search(sentence)
    if dates is None or m is None or dates.first != dates.last:
        return dates
    days = number(m.group(1).replace("两", "二")) + bool(m.group(2))  # 一天半: two days
    if not 1 < days <= 31:
        return dates
    if _ENDED.search(sentence):
        return DateRange(
            dates.start, dates.end, dates.text, dates.first - timedelta(days - 1), dates.first
        )
    return DateRange(
        dates.start, dates.end, dates.text, dates.first, dates.first + timedelta(days - 1)
    )


_ENDED = re.compile(r"结束|闭幕|落幕|圆满落下帷幕")
"""Words saying the sentence's day is the last of the event's length."""


def _named_in(
    seg: Segmented, starts: list[int], sentence: Sentence, clock: _Clock
) -> tuple[str, list[tuple[int, int]]]:
    """The events a sentence names (``named``), else the meeting it reports held (召开会议:
    ``meeting``) on a day written in its clause or the one before, else the visit it reports
    (``visit``)."""
    own = clock.day(sentence)
    at = sentence.start
    meetings = [m for m in meeting_names(sentence) if _held_on(sentence.text, own, m, at)]
    if names := event_names(seg, starts, sentence):
        # 某某大会主席团第二次会议 names one event, not also 某某大会
        named = [
            n for n in names if not any(o != n and o[0] <= n[0] and n[1] <= o[1] for o in names)
        ]
        # 某会8月25日举行会议，决定9月28日举办某酒会: the meeting of another clause is one too
        return "named", named + [m for m in meetings if not any(_overlap(m, n) for n in named)]
    if meetings:
        return "meeting", meetings
    return "visit", visit_names(sentence)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _event_day(
    seg: Segmented, i: int, clock: _Clock, kind: str, year: int | None, named: set[int]
) -> tuple[DateRange | None, int]:
    """The day of an event of sentence ``i`` and the offset its span is relative to: its own,
    else for a visit or a sentence opening with a part of the day (上午，…) the last day
    stated before it (the day after it for 次日, 翌日), else the day that opens the sentence before it in its paragraph when
    that sentence names no event (3月5日上午，代表们步入会场。大会…开幕。)."""
    sentence = seg.sentences[i]
    if own := clock.day(sentence, year):
        return own, sentence.start
    if (m := _NEXT_DAY.search(sentence.text)) and (
        last := _first_day(reversed(seg.sentences[:i]), clock)
    ):
        after = last.last + timedelta(days=1)
        return DateRange(m.start(), m.end(), m.group(), after, after), sentence.start
    if kind == "visit" and _OTHER_TIME.search(sentence.text):
        return None, 0  # 上世纪五十年代某专家来某地考察: not on the day told before
    if kind == "visit" or sentence.text.lstrip().startswith(_SAME_DAY):
        return _first_day(reversed(seg.sentences[:i]), clock), 0
    if i == 0 or i - 1 in named:
        return None, 0
    before = seg.sentences[i - 1]
    if "\n" in seg.doc.text[before.start : sentence.start].strip(" \u3000") or "\n" in before.text:
        return None, 0
    day = clock.day(before)
    if day is None or "日" not in day.text or before.text[: day.start].strip():
        return None, 0
    return day, before.start


_CLAUSE_MARKS = "，,；;"
_OTHER_TIME = re.compile(r"年代|世纪")
"""An era a visit belongs to (上世纪五十年代), not the day told before it."""


def _clause_day(
    sentence: Sentence, name_start: int, clock: _Clock, year: int | None
) -> DateRange | None:
    """The day written in the clause of a name that a later clause of its sentence holds
    (8月25日举行会议，决定9月28日举办某酒会: 9月28日), sentence offsets; None when the name
    is in the first clause or its clause writes no day."""
    at = name_start - sentence.start
    opened = max(sentence.text.rfind(c, 0, at) for c in _CLAUSE_MARKS) + 1
    if opened == 0:
        return None
    clause = Sentence(sentence.start + opened, name_start, sentence.text[opened:at])
    found = clock.day(clause, year)
    if found is None or not found.text.endswith(("日", "号")):
        return None
    return replace(found, start=found.start + opened, end=found.end + opened)


def _held_on(s: str, own: DateRange | None, span: tuple[int, int], at: int) -> bool:
    """A meeting named by its clause (``span``, ``at`` the sentence's offset) whose own date
    ``own`` (sentence offsets) is written in that clause or the one before it."""
    start, end = span[0] - at, span[1] - at
    if own is None or own.start >= end:
        return False
    between = re.split(r"[，,；;]", s[own.end : start])
    return sum(not _VENUE_CLAUSE.fullmatch(c) for c in between[1:-1]) == 0 and len(between) <= 3


_VENUE_CLAUSE = re.compile(r"在[^，,；;]{2,20}|随着[^，,；;]{2,30}(?:宣布|令下)")
"""A clause naming only where (…上午，在某乡某村，某校举行揭牌仪式) or on whose word (随着某书记一声
宣布，某工程开工): no clause of its own."""


def _told_again(e: EventRecord, events: list[EventRecord], title_end: int) -> bool:
    """An event of the title that the body names too (劳模表彰会 and 2019年劳模表彰会), with a
    day when the title's has one."""
    if e.name_start >= title_end:
        return False
    return any(
        o.name_start >= title_end
        and (e.name in o.name or o.name in e.name)
        and (o.start or not e.start)
        for o in events
    )


def _first_day(sentences: Iterable[Sentence], clock: _Clock) -> DateRange | None:
    """The day stated in the first of ``sentences`` that states one (document offsets), not
    the copy's own date on a header line (发布时间：…)."""
    for sentence in sentences:
        if labelled_date(sentence.text):
            continue
        found = clock.day(sentence)
        if found is not None and "日" in found.text and not _planned(sentence.text, found.start):
            off = sentence.start
            return DateRange(
                found.start + off, found.end + off, found.text, found.first, found.last
            )
    return None


_PLANNED = ("将于", "拟于", "计划于", "定于", "预计于", "将在", "计划在", "拟在")


def _planned(s: str, at: int) -> bool:
    """Whether the day written at ``at`` is a plan (计划于5月21日再次举行): no day of the
    events told after it."""
    return s.endswith(_PLANNED, max(0, at - 4), at)


def _day(
    s: str, year: int | None, anchor: date | None, told: tuple[int, int] | None
) -> DateRange | None:
    """The day (or days) a sentence states: written, relative to the document's date, or in
    an undated article the year its story is told in (graph.text.narrative)."""
    dates = find_range(s, year)
    if dates is None and anchor is not None:
        return _relative(s, anchor)
    if dates and anchor and year and "年" not in dates.text and _after_the_copy(s, dates, anchor):
        return find_range(s, year - 1)  # 12月27日 told on 2020-01-02: last year's December
    if dates is not None and told is not None and "年" not in dates.text:
        later = year_of_day(dates.first.month, told)
        if later != year:
            return find_range(s, later)
    return dates


_HALF_YEAR = timedelta(days=180)
_A_WEEK = timedelta(days=7)
_FUTURE = re.compile(r"将|拟|定于|计划|预计|届时|决定|通知|安排|前完成|之前|以前|截至|截止")
"""Words that make a day after the copy's date a plan, a deadline or an announcement."""


def _after_the_copy(s: str, dates: DateRange, anchor: date) -> bool:
    """Whether a day written without its year falls after the copy's date by more than a
    week (half a year when the sentence plans or announces it): last year's day, told late
    (3月21日, 到我校交流访问, in a copy dated 2014-02-10: 2013)."""
    ahead = dates.first - anchor
    return ahead > _HALF_YEAR or (ahead > _A_WEEK and not _FUTURE.search(s))
