"""Numerals as news copy writes them: Arabic, full-width and Chinese (二十八, 二〇一八)."""

from __future__ import annotations

import re

DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
"""Full-width digits to ASCII (a ``str.translate`` table)."""
CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千两")
"""Characters numbers are written with (a count before a measure word: 49名, 一职)."""
_CN_NUMBER = re.compile(
    r"(?:(?P<tens>[一二三四五六七八九]?)(?P<ten>十))?(?P<units>[一二三四五六七八九]?)"
)


def number(text: str) -> int:
    """An Arabic, full-width or Chinese numeral up to 99.

    >>> number("二十八"), number("十二"), number("１２"), number("七")
    (28, 12, 12, 7)
    >>> number("十十")
    Traceback (most recent call last):
    ...
    ValueError: not a numeral: '十十'
    """
    arabic = text.translate(DIGITS)
    if re.fullmatch("[0-9]{1,2}", arabic):
        return int(arabic)
    m = _CN_NUMBER.fullmatch(text)
    if not text or m is None:
        raise ValueError(f"not a numeral: {text!r}")
    units = CN_DIGITS[m["units"]] if m["units"] else 0
    if not m["ten"]:
        return units
    return (CN_DIGITS[m["tens"]] if m["tens"] else 1) * 10 + units


def year_number(text: str) -> int:
    """A year written digit by digit (2018, ２０１８, 二〇一八, 九八)."""
    return int("".join(str(CN_DIGITS.get(c, c)) for c in text.translate(DIGITS)))
