"""The date of a document: from its header, dateline, byline or 发布时间 line.

Only a date the copy itself carries as its own date counts: a labelled line (发布时间, 发表时间,
出版日期, 日期), a line holding nothing but a date (and a clock time, a source), a newswire
dateline with its year (新华社某地2019年3月5日电), or a
Minguo-calendar stamp closing an agency story (1120123 = 2023-01-23).  The first year written
somewhere in the text is never taken for it (a history paragraph, a plan for 2035).

A header line that names the copy's source, author, editor or page (来源：某报 2019-03-05,
某日报 2019年3月5日 第2版) carries its date too, and a date in Chinese numerals standing alone
(二〇一九年三月五日) is read by the same grammar as the text's dates.

Relative days (今日, 昨天, 前天, 今（26）日, 昨晚, 上周三, 本月1日, 上月28日, a bare 25日 in a
dateline) are resolved against it.  日前 and 近日 say only "recently": they are read as the
document's own date, the nearest day the copy states (a deadline such as 9月30日前 is no 日前).

>>> document_date("标题\\n来源：某网 发布时间：2018-12-26 00:00\\n正文2029年规划。")
datetime.date(2018, 12, 26)
>>> document_date("标题\\n2011年06月21日15:18\\n正文"), document_date("正文1955年。")
(datetime.date(2011, 6, 21), None)
>>> document_date("正文。（编辑：某某）1120123")
datetime.date(2023, 1, 23)
>>> relative_day("今（26）日，会议召开。", date(2018, 12, 26))
(0, 6, datetime.date(2018, 12, 26))
>>> relative_day("昨天上午，会议召开。", date(2008, 10, 15))[2], relative_day("某会昨举行会议", date(2008, 10, 15))[2]
(datetime.date(2008, 10, 14), datetime.date(2008, 10, 14))
>>> relative_day("昨午，典礼举行。", date(2008, 10, 15))[2]
datetime.date(2008, 10, 14)
>>> [relative_day(s, date(2019, 3, 5))[2].isoformat() for s in ("上周三召开", "本月1日召开")]
['2019-02-27', '2019-03-01']
>>> relative_day("日前，会议召开。", date(2019, 3, 5)), relative_day("9月30日前完成", date(2019, 3, 5))
((0, 2, datetime.date(2019, 3, 5)), None)
>>> document_date("标题\\n来源：某日报 2019-03-05\\n正文")
datetime.date(2019, 3, 5)
>>> document_date("标题\\n二〇一九年三月五日\\n正文")
datetime.date(2019, 3, 5)
>>> document_date("标题\\n某某国际 www.example.com 2006年12月06日 21:07\\n正文")
datetime.date(2006, 12, 6)
>>> document_date("标题\\n更新时间：12年05月04日\\n正文")
datetime.date(2012, 5, 4)
>>> document_date("标题\\n2017/11/6 17:46（11/6 18:05 更新）\\n正文")
datetime.date(2017, 11, 6)
>>> document_date("标题\\nDateTime:2018-04-20\\n正文"), document_date("标题\\n发布时间： 星期四，2012-08-16\\n正文")
(datetime.date(2018, 4, 20), datetime.date(2012, 8, 16))
>>> document_date("标题\\n23.01.2018  13:58\\n正文"), document_date("标题\\n時間：113年2月16日\\n正文")
(datetime.date(2018, 1, 23), datetime.date(2024, 2, 16))
>>> document_date("标题\\nhttp://www.example.com 2006年01月24日02:00 某某日报\\n正文")
datetime.date(2006, 1, 24)
>>> document_date("标题\\n某县政府新闻参考资料 104.03.17\\n正文"), document_date("标题\\n发布日期：[2021-06-21]")
(datetime.date(2015, 3, 17), datetime.date(2021, 6, 21))
>>> document_date("标题\\n2023-11-10 by 某某某\\n正文"), document_date("标题\\n2023-11-10 供稿：某某学院\\n正文")
(datetime.date(2023, 11, 10), datetime.date(2023, 11, 10))
>>> document_date("标题\\n10月19日，会见。\\n信息来源：\\n2023-10-24")
datetime.date(2023, 10, 24)
>>> document_date("标题\\n2010-01-23 某某日报 记者 某某某\\n正文"), document_date("标题\\n4月. 09, 2024\\n正文")
(datetime.date(2010, 1, 23), datetime.date(2024, 4, 9))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from graph.text.dates import MINGUO_EPOCH, normalise

_D = "[0-9０-９]"
_ISO = rf"(?P<y>{_D}{{4}})\s*[-/.年]\s*(?P<m>{_D}{{1,2}})\s*[-/.月]\s*(?P<d>{_D}{{1,2}})日?"
_US = rf"(?P<m2>{_D}{{1,2}})/(?P<d2>{_D}{{1,2}})/(?P<y2>{_D}{{4}})"
_EU = rf"(?<![0-9０-９.])(?P<d3>{_D}{{1,2}})\.(?P<m3>{_D}{{1,2}})\.(?P<y3>{_D}{{4}})"
_MONTH_FIRST = rf"(?P<m4>{_D}{{1,2}})月\.?\s*(?P<d4>{_D}{{1,2}}),\s*(?P<y4>{_D}{{4}})"
"""A month, its day and the year in the English order (4月. 09, 2024), as some sites print."""
_DATE = rf"(?:{_ISO}|{_US}|{_EU}|{_MONTH_FIRST})"
_WEEKDAY = r"(?:星期|礼拜|周)[一二三四五六日天][，,、\s]*"
_LABEL = re.compile(
    r"(?:发布时间|发表时间|发布日期|出版日期|发稿时间|更新时间|日期|时间|DateTime|Date|Time)"
    rf"\s*[:：]?\s*(?:{_WEEKDAY})?[\[【（(]?{_DATE}",
    re.IGNORECASE,
)
_SHORT_YEAR = re.compile(
    r"(?:发布时间|发表时间|发布日期|更新时间|日期|时间)\s*[:：]?\s*"
    r"(?<![0-9])(?P<y>[0-4][0-9])年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日"
)
"""A labelled date whose year is written with two digits (更新时间：12年05月04日: 2012)."""
_ALONE = re.compile(
    rf"^[\s【\[（(]*{_DATE}(?:\s*{_D}{{1,2}}[:：]{_D}{{2}}(?:[:：]{_D}{{2}})?)?[\s】\]）)]*"
    r"(?:\S{0,12}|[（(][^（）()]{0,24}[）)]"
    r"|(?:\s+[^\s，,。；;：:]{1,12})?"  # the source (某日报) before its reporter
    r"\s+(?:来源|作者|编辑|稿件来源|供稿|撰稿|记者|通讯员|发布者?|[Bb]y)\S*(?:\s+\S+){0,3})?\s*$"
)
# A header line naming the copy's source, author, editor, page or counters, with a full date.
_SOURCE_LINE = re.compile(
    r"来源|作者|编辑|责编|第\s*[A-Za-z]?[0-9０-９一二三四五六七八九十]+\s*版|浏览|点击|阅读(?:量|数|次数|[:：])"
)
_MINGUO_LABEL = re.compile(
    r"(?:(?:发布|发表|更新)?(?:时间|日期)|時間|日期)\s*[:：]?\s*(?:民国|民國)?"
    r"(?<![0-9])(?P<y>1[0-4][0-9])年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日"
    r"|(?:民国|民國)(?P<y2>1[0-4][0-9])年(?P<m2>[0-9]{1,2})月(?P<d2>[0-9]{1,2})日"
)
"""A labelled date in the Minguo calendar of Taiwan's copies (時間：113年2月16日: 2024)."""
_STAMP = re.compile(rf"{_DATE}\s*{_D}{{1,2}}[:：]{_D}{{2}}")
"""A full date with its clock time: a publishing stamp when its line says nothing else."""
_CN_ALONE = re.compile(
    r"^[\s【\[（(]*[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[\s】\]）)]*$"
)
_MINGUO = re.compile(r"(?<!\d)(1[0-4]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$")
_MINGUO_DOTTED = re.compile(
    r"(?<![\d.])(?P<y>1[0-4]\d)[./](?P<m>0?[1-9]|1[0-2])[./](?P<d>0?[1-9]|[12]\d|3[01])\s*$"
)
"""A header line ending with a Minguo date written with dots (某县政府新闻参考资料 104.03.17)."""
_HEADER_LINES = 6
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

_OFFSETS = {"今": 0, "本": 0, "昨": -1, "前": -2}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKS = {"上": -1, "本": 0, "这": 0}
_RELATIVE = re.compile(
    r"(?<![到至迄])(?P<w>今|昨|前|本(?=\s*[（(〈]))(?:\s*[（(〈](?P<n>\d{1,2})[）)〉]\s*)?(?:日|天|晚|晨|早|夜|午)(?!前|后)"
    r"|(?<![至迄如现当而古于])(?P<w2>今|昨)(?=举行|召开|开幕|闭幕|举办|开班|启动|揭牌|签约|签署|会见|落幕|成立|调研|考察|视察|走访|慰问|看望|出席)"
    r"|(?P<wk>上|本|这)周(?P<wd>[一二三四五六日天])"
    r"|(?P<mo>本|上)月(?P<md>[0-9]{1,2})[日号]"
    r"|(?<![0-9０-９月年\-/.])(?P<d>0?[1-9]|[12][0-9]|3[01])日(?![0-9])"
)

_RECENTLY = re.compile(r"(?<![0-9０-９一二三四五六七八九十月号])日前|近日")
"""日前, 近日: recently, told on the document's date (not 30日前, a deadline)."""


def _from_match(m: re.Match[str]) -> date | None:
    if m["y"]:
        y, mo, d = m["y"], m["m"], m["d"]
    elif m["y2"]:
        y, mo, d = m["y2"], m["m2"], m["d2"]
    elif m["y4"]:
        y, mo, d = m["y4"], m["m4"], m["d4"]
    else:
        y, mo, d = m["y3"], m["m3"], m["d3"]
    try:
        return date(
            int(y.translate(_DIGITS)), int(mo.translate(_DIGITS)), int(d.translate(_DIGITS))
        )
    except ValueError:
        return None


def document_date(text: str) -> date | None:
    """The document's own date, or None when its copy states none."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:_HEADER_LINES]:
        if found := _header_date(line):
            return found
    told = dateline(text, None)
    if told is not None and told.day is not None:
        return told.day
    for line in lines[-3:]:
        m = _LABEL.search(line)
        if m and (found := _from_match(m)):
            return found
    for line in lines[-2:]:
        m = _ALONE.search(line)  # a copy signed or stamped with its date on a line of its own
        if m and (found := _from_match(m)):
            return found
    m = _MINGUO.search(lines[-1]) if lines else None
    return _minguo_day(m[1], m[2], m[3]) if m else None


def labelled_date(line: str) -> bool:
    """Whether ``line`` gives the copy's date, with a label (发布时间：…) or as a header line
    does (a date beside its source and reporter): a line that states no event's day.

    >>> labelled_date("发布时间： 2008年07月01日    作者：某某"), labelled_date("6月18日，出发。")
    (True, False)
    >>> labelled_date("2006年09月20日11:11 某某网"), labelled_date("2006年9月20日，某会召开。")
    (True, False)
    """
    if _LABEL.search(line) is not None:
        return True
    return not _PROSE.search(line) and _header_date(line.strip()) is not None


def _header_date(line: str) -> date | None:
    """The date a header line gives the copy: labelled, alone, or beside its source."""
    for pattern in (_LABEL, _ALONE):
        m = pattern.search(line)
        if m and (found := _from_match(m)):
            return found
    if m := _SHORT_YEAR.search(line):  # 更新时间：12年05月04日
        try:
            return date(2000 + int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    if _CN_ALONE.match(line) and (days := normalise(line.strip(" 　【】[]（）()"), None)):
        return days[0]
    if len(line) <= 60 and _SOURCE_LINE.search(line):
        for m in re.finditer(_DATE, line):
            if found := _from_match(m):
                return found
    m = _AFTER_SOURCE.search(line)
    if len(line) <= 60 and m and (found := _from_match(m)):
        return found  # 某某网 www.example.com 2006年12月06日 21:07
    m = _STAMP.search(line)
    if len(line) <= 60 and m and not _PROSE.search(line) and (found := _from_match(m)):
        return found  # http://www.example.com 2006年01月24日02:00 某某日报
    return _minguo_label(line)


_PROSE = re.compile("[，,。；;！？]")


def _minguo_label(line: str) -> date | None:
    if len(line) <= 60 and (m := _MINGUO_DOTTED.search(line)):
        return _minguo_day(m["y"], m["m"], m["d"])
    if (m := _MINGUO_LABEL.search(line)) is None:
        return None
    return _minguo_day(*((m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])))


def _minguo_day(year: str, month: str, day: str) -> date | None:
    """The day of a Minguo date (year 1 = 1912), None when it does not exist."""
    try:
        return date(int(year) + MINGUO_EPOCH, int(month), int(day))
    except ValueError:
        return None


_AFTER_SOURCE = re.compile(
    rf"^\S{{1,20}}(?:\s+\S{{1,30}})?\s+{_DATE}(?:\s*{_D}{{1,2}}[:：]{_D}{{2}}(?:[:：]{_D}{{2}})?)?\s*$"
)
"""A header line naming its source (and a web address), then the date and time."""


_DATELINE = re.compile(
    r"^[\s【\[（(]*(?:本报|本刊|本台|本网|[\u4e00-\u9fff]{1,8}?(?:社|网|網|报|報|台|臺))"
    r"\s?[\u4e00-\u9fff]{0,10}?\s?"
    r"(?P<date>(?:[0-9０-９]{4}年)?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日)(?:[电電](?![视視话話力影器子脑腦报報梯商信站厂廠池源缆纜线線网網台车車])|[讯訊]|消息)"
)
_DATELINE_LINES = 8


@dataclass(frozen=True, slots=True)
class Dateline:
    """A newswire dateline (新华社某地3月5日电, 本报某地5日讯) at ``text[start:end]``: the day
    the story is told, ``None`` when its year (or month) is not known."""

    start: int
    end: int
    day: date | None


def dateline(text: str, published: date | None) -> Dateline | None:
    """The dateline opening one of the first lines, its day resolved against the document's
    date ``published``; without one a dateline that gives no year leaves the day unknown.

    >>> dateline("标题\\n新华社某地3月5日电（记者 某某）正文", date(2019, 3, 6)).day
    datetime.date(2019, 3, 5)
    >>> dateline("新华社某地3月5日电 正文", None).day is None
    True
    >>> dateline("本报某地12月31日讯 正文", date(2020, 1, 2)).day
    datetime.date(2019, 12, 31)
    """
    offset = 0
    for n, line in enumerate(text.split("\n")):
        m = _DATELINE.match(line)
        if m:
            day = _dateline_day(m["date"], published)
            return Dateline(offset + m.start("date"), offset + m.end(), day)
        offset += len(line) + 1
        if n >= _DATELINE_LINES:
            break
    return None


def _dateline_day(written: str, published: date | None) -> date | None:
    if "年" in written:
        days = normalise(written, None)
        return days[0] if days else None
    if published is None:
        return None
    if "月" not in written:
        found = relative_day(written, published)
        return found[2] if found else None
    days = normalise(written, published.year)
    if days and days[0] > published + timedelta(days=1):
        days = normalise(written, published.year - 1)
    return days[0] if days else None


def _shifted(m: re.Match[str], anchor: date) -> date | None:
    """The day a week or month phrase names (上周三, 本月1日, 上月28日) against ``anchor``."""
    if m["wk"]:
        monday = anchor - timedelta(days=anchor.weekday() + 7 * -_WEEKS[m["wk"]])
        return monday + timedelta(days=_WEEKDAYS[m["wd"]])
    month = anchor if m["mo"] == "本" else anchor.replace(day=1) - timedelta(days=1)
    try:
        return month.replace(day=int(m["md"]))
    except ValueError:
        return None


def relative_day(text: str, anchor: date) -> tuple[int, int, date] | None:
    """The first relative day in ``text`` (今日, 昨天, 今（26）日, a bare 25日) resolved against
    the document date ``anchor``: ``(start, end, day)``."""
    for m in _RELATIVE.finditer(text):
        if m["wk"] or m["mo"]:
            if (day := _shifted(m, anchor)) is not None:
                return m.start(), m.end(), day
            continue
        if m["w"] or m["w2"]:  # 昨天, 今（26）日; a headline's 昨举行
            day = anchor + timedelta(days=_OFFSETS[m["w"] or m["w2"]])
            if m["n"] and int(m["n"]) != day.day:
                continue
            return m.start(), m.end(), day
        n = int(m["d"])
        if n <= anchor.day:
            return m.start(), m.end(), anchor.replace(day=n)
        previous = anchor.replace(day=1) - timedelta(days=1)
        if n <= previous.day:
            return m.start(), m.end(), previous.replace(day=n)
    recent = _RECENTLY.search(text)
    return (recent.start(), recent.end(), anchor) if recent else None
