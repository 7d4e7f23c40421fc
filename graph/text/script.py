"""Analysis form of a text: traditional → simplified and full-width → ASCII, one char for one char.

OpenCC is imported here and nowhere else.  Conversion is strictly character by character, so the
analysis text has the same length as the original and every offset found in it is an offset into
the original text (the original script is what callers report).

>>> analysis_text("國務院發言人說")
'国务院发言人说'
>>> analysis_text("１２月３１日")
'12月31日'
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

_lock = threading.Lock()
# code point -> single replacement character (only entries that change something)
_table: dict[int, str] = {}
_seen: set[str] = set()


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _fold(ch: str) -> str:
    """One character's analysis form (itself when there is no single-character form)."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII
        return chr(code - 0xFEE0)
    if code == 0x3000:  # ideographic space
        return " "
    if 0xD800 <= code <= 0xDFFF:  # a lone surrogate cannot be encoded for the tokenizer or CRF
        return "\ufffd"
    if code < 0x2E80:  # below the CJK blocks nothing needs converting
        return ch
    out = str(_converter().convert(ch))
    return out if len(out) == 1 else ch


def analysis_text(text: str) -> str:
    """``text`` in simplified script with ASCII digits/letters, same length as ``text``.

    >>> t = "臺灣大學教授"
    >>> len(analysis_text(t)) == len(t)
    True
    """
    new = set(text) - _seen
    if new:
        with _lock:
            for ch in new:
                folded = _fold(ch)
                if folded != ch:
                    _table[ord(ch)] = folded
            _seen.update(new)
    out = text.translate(_table)
    if len(out) != len(text):  # cannot happen with one-char values; keep the invariant anyway
        log.warning("script conversion changed the length; analysing the original text")
        return text
    return out


@cache
def _to_traditional() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def traditional_text(text: str) -> str:
    """``text`` in traditional script, for names the tool writes itself in a traditional-script
    document (某縣 + 议会); ``text`` itself when the conversion changes its length.

    >>> traditional_text("议会")
    '議會'
    """
    out = str(_to_traditional().convert(text))
    return out if len(out) == len(text) else text


@cache
def has_traditional_form(ch: str) -> bool:
    """Whether the simplified character ``ch`` is written otherwise in traditional script.

    >>> has_traditional_form("县"), has_traditional_form("人")
    (True, False)
    """
    return traditional_text(ch) != ch
