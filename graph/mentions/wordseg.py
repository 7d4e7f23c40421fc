"""Word boundaries for the mention features: the project's tokenizer, optionally via rjieba.

The mention layer needs jieba's tokens (``graph.segment.tokens``) for every sentence it tags.
rjieba (jieba-rs) produces the same tokens much faster when it is given the same user words with
the same frequencies; it is used when it is installed, and ``tests/test_mentions_wordseg.py``
checks on a large text that it cuts exactly like ``graph.segment.tokenizer()``.  Without rjieba
the project tokenizer itself is used.  rjieba is imported here and nowhere else.

>>> [w for w, _, _ in word_spans("北京市总工会主席讲话")][-1]
'讲话'
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

WordSpans = list[tuple[str, int, int]]


@cache
def _rjieba() -> Any | None:
    """An rjieba tokenizer loaded with the project's user words, or None without rjieba."""
    try:
        import rjieba
    except ImportError:
        log.info("rjieba not installed; mention features use the project's jieba tokenizer")
        return None
    from graph.resources import load_lexicon
    from graph.segment import _USER_LEXICONS, tokenizer

    # the frequencies the project tokenizer gave its user words, added in the same order
    # (rjieba's own suggest_freq rounds differently, which changes a few cuts)
    freq = tokenizer().FREQ
    tk = rjieba.Jieba()
    for name in _USER_LEXICONS:
        for word in sorted(load_lexicon(name)):
            if len(word) > 1 and word in freq:
                tk.add_word(word, int(freq[word]), None)
    return tk


@cache
def _cutter() -> Callable[[str], WordSpans]:
    tk = _rjieba()
    if tk is not None:
        tokenize: Callable[[str], WordSpans] = tk.tokenize
        return tokenize
    from graph.segment import tokenizer

    jt = tokenizer()

    def cut(text: str) -> WordSpans:
        return list(jt.tokenize(text, HMM=True))

    return cut


def word_spans(text: str) -> WordSpans:
    """``(word, start, end)`` for each token of ``text``, as ``graph.segment.tokens`` cuts it."""
    if not text:
        return []
    return _cutter()(text)


def backend() -> str:
    """Which tokenizer is in use: ``"rjieba"`` or ``"jieba"``."""
    return "rjieba" if _rjieba() is not None else "jieba"
