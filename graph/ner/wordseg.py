"""Word boundaries for the mention features: the project's tokenizer, optionally via rjieba.

The mention layer needs jieba's tokens (``graph.text.segment.tokens``) for every sentence it tags.
rjieba (jieba-rs) produces the same tokens much faster once it is given the same user words with
the same frequencies, the same dictionary total and jieba's splitting of unknown alphanumeric
runs; it is used when it is installed, and ``tests/test_mentions_wordseg.py`` checks on a large
text that it cuts exactly like ``graph.text.segment.tokenizer()``.  Without rjieba the project
tokenizer itself is used.  rjieba is imported here and nowhere else.

>>> [w for w, _, _ in word_spans("上海市总工会主席讲话")][-1]
'讲话'
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

WordSpans = list[tuple[str, int, int]]

# jieba's HMM fallback cuts unknown non-Chinese runs like this (jieba.finalseg.re_skip)
_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_JOINED = re.compile(
    r"[a-zA-Z0-9][^\u4e00-\u9fd5]*[.\-%_+#&]|[.\-%_+#&][^\u4e00-\u9fd5]*[a-zA-Z0-9]"
)
# a key no text contains (private-use characters) that carries the total's difference
_PAD_WORD = "\ue000\ue001\ue002"


@cache
def _rjieba() -> Any | None:
    """An rjieba tokenizer loaded like the project tokenizer, or None without rjieba."""
    try:
        import rjieba
    except ImportError:
        log.info("rjieba not installed; mention features use the project's jieba tokenizer")
        return None
    from graph.resources import load_lexicon
    from graph.text.segment import _USER_LEXICONS, tokenizer

    jt = tokenizer()
    freq = jt.FREQ
    tk = rjieba.Jieba()
    replaced = 0
    for name in _USER_LEXICONS:
        for word in sorted(load_lexicon(name)):
            if len(word) > 1 and word in freq:
                if tk.has_word(word):
                    # jieba adds a re-added word's frequency to its total, jieba-rs replaces it
                    replaced += int(tk.suggest_freq(word))
                tk.add_word(word, int(freq[word]), None)
    if replaced:
        tk.add_word(_PAD_WORD, replaced, None)
    return tk


_ALNUM = re.compile(r"[a-zA-Z0-9]")


def _jieba_like(tk: Any, text: str) -> WordSpans:
    if not _ALNUM.search(text):  # nothing for jieba's alphanumeric splitting to change
        tokens: WordSpans = tk.tokenize(text)
        return tokens
    out: WordSpans = []
    for word, start, end in tk.tokenize(text):
        if end - start > 1 and _JOINED.search(word) and not tk.has_word(word):
            pos = start
            for piece in _SKIP.split(word):
                if piece:
                    out.append((piece, pos, pos + len(piece)))
                    pos += len(piece)
        else:
            out.append((word, start, end))
    return out


@cache
def _cutter() -> Callable[[str], WordSpans]:
    tk = _rjieba()
    if tk is not None:
        return lambda text: _jieba_like(tk, text)
    from graph.text.segment import tokenizer

    jt = tokenizer()

    def cut(text: str) -> WordSpans:
        return list(jt.tokenize(text, HMM=True))

    return cut


def word_spans(text: str) -> WordSpans:
    """``(word, start, end)`` for each token of ``text``, as ``graph.text.segment.tokens`` cuts it."""
    if not text:
        return []
    return _cutter()(text)


def backend() -> str:
    """Which tokenizer is in use: ``"rjieba"`` or ``"jieba"``."""
    return "rjieba" if _rjieba() is not None else "jieba"
