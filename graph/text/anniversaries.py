"""Years that anniversaries of well-known foundings and the n-th holdings of observances name
(庆祝人民政协成立75周年: 2024; 第一个中国人民警察节: 2021): an undated story's year."""

from __future__ import annotations

import re

from graph.text.numerals import DIGITS, number

_AR = "[0-9０-９]"

_FOUNDED = {
    "新中国": 1949,
    "中华人民共和国": 1949,
    "国庆": 1949,
    "人民政协": 1949,
    "中国人民政治协商会议": 1949,
    "中国共产党": 1921,
    "建党": 1921,
    "中国人民解放军": 1927,
    "人民军队": 1927,
    "建军": 1927,
    "共青团": 1922,
    "中国共产主义青年团": 1922,
    "改革开放": 1978,
    "香港回归": 1997,
    "澳门回归": 1999,
    "抗日战争胜利": 1945,
    "抗战胜利": 1945,
    "五四运动": 1919,
    "辛亥革命": 1911,
    "全国人民代表大会": 1954,
}
"""Foundings whose anniversaries date an article (庆祝新中国成立75周年: 2024)."""
_ANNIVERSARY = re.compile(
    rf"({'|'.join(sorted(_FOUNDED, key=len, reverse=True))})"
    rf"(?:成立|建立|诞生|召开|爆发|胜利)?({_AR}{{1,3}}|[一二三四五六七八九十]{{1,3}})周年"
)


_FIRST_OBSERVED = {
    "中国人民警察节": 2021,
    "人民警察节": 2021,
    "警察节": 2021,
    "中国农民丰收节": 2018,
    "农民丰收节": 2018,
    "中国医师节": 2018,
    "医师节": 2018,
    "全民国家安全教育日": 2016,
    "中国航天日": 2016,
    "国家宪法日": 2014,
    "烈士纪念日": 2014,
    "国家扶贫日": 2014,
    "国家公祭日": 2014,
    "全国科技工作者日": 2017,
    "中国品牌日": 2017,
    "中国旅游日": 2011,
    "全民健身日": 2009,
    "全国防灾减灾日": 2009,
    "中国记者节": 2000,
    "记者节": 2000,
    "全国消防日": 1992,
    "全国助残日": 1991,
    "教师节": 1985,
}
"""Observances and the year each was first held (在第一个中国人民警察节来临之际: 2021)."""
_OBSERVANCE = re.compile(
    rf"第({_AR}{{1,3}}|[一二三四五六七八九十百]{{1,4}})个"
    rf"({'|'.join(sorted(_FIRST_OBSERVED, key=len, reverse=True))})"
)


def anniversary_year(texts: tuple[str, ...]) -> int | None:
    """The year an anniversary of a founding (人民政协成立75周年) or the n-th holding of an
    observance (第二个中国人民警察节) names.

    >>> anniversary_year(("庆祝人民政协成立75周年",)), anniversary_year(("第二个中国人民警察节",))
    (2024, 2022)
    """
    for text in texts:
        for m in _ANNIVERSARY.finditer(text):
            if (n := _count(m[2])) is not None:
                return _FOUNDED[m[1]] + n
        for m in _OBSERVANCE.finditer(text):
            if (n := _count(m[1])) is not None and n > 0:
                return _FIRST_OBSERVED[m[2]] + n - 1
    return None


def _count(written: str) -> int | None:
    """An ordinal or a count in Arabic or Chinese numerals (None: no numeral, 十十)."""
    written = written.translate(DIGITS)
    try:
        return int(written) if written.isdigit() else number(written)
    except ValueError:
        return None
