"""DATE mentions by regular expression (years, months, days, with Arabic or Chinese numerals).

>>> [text for _, _, text in find_dates("1998年1月1日和十二月三十一日上午，3月")]
['1998年1月1日', '十二月三十一日', '3月']
"""

from __future__ import annotations

import re

_N = r"[0-9０-９]"
_C = r"[〇零一二三四五六七八九十]"
_YEAR = rf"(?:{_N}{{4}}|{_N}{{2}}|{_C}{{2,4}})年"
_MONTH = rf"(?:{_N}{{1,2}}|{_C}{{1,3}})月(?:份)?"
_DAY = rf"(?:{_N}{{1,2}}|{_C}{{1,3}})[日号]"
_DATE = re.compile(
    rf"{_YEAR}(?:{_MONTH}(?:{_DAY})?)?|{_MONTH}(?:{_DAY})?|(?<![{_N[1:-1]}])"
    rf"{_N}{{4}}[-/.]{_N}{{1,2}}[-/.]{_N}{{1,2}}(?![0-9])"
)


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each date expression in ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _DATE.finditer(text)]
