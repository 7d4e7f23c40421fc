"""Emission scores of many sentences at once: the feature templates as array lookups.

``graph.ner.features.char_features`` writes each character's attributes as strings, which is
what crfsuite trains on.  This module computes the *same* attributes as rows of the compiled
tables (``graph.ner.compiled``) with array operations over all sentences of a batch, laid
end to end with two padding characters on each side, and sums their weights.  The tests check
that both give the same attributes.

>>> from graph.ner.training.compile import compile_weights
>>> m = compile_weights(["B-PERSON", "O"], {("c张", "B-PERSON"): 2.0, ("c是", "O"): 1.0}, {})
>>> emissions(m, ["张是"], [[("张", 0, 1), ("是", 1, 2)]]).tolist()
[[2.0, 0.0], [0.0, 1.0]]
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

from graph.ner.compiled import CompiledCRF, FloatArray, IntArray
from graph.ner.features import char_type, surname_chars, word_class
from graph.ner.templates import (
    BIGRAMS,
    MAX_WORD_TAG,
    PAD,
    PAD_LEFT,
    PAD_RIGHT,
    POSITIONS,
    SENTENCE_END,
    SENTENCE_START,
    TYPES,
    UNIGRAMS,
)

WordSpans = Sequence[tuple[str, int, int]]

_UNKNOWN_TYPE = 255
_CARET, _DOLLAR = TYPES.index(SENTENCE_START), TYPES.index(SENTENCE_END)
_lock = threading.Lock()


@cache
def _type_table() -> npt.NDArray[np.uint8]:
    return np.full(0x110000, _UNKNOWN_TYPE, dtype=np.uint8)


@cache
def _surname_table() -> npt.NDArray[np.uint8]:
    table = np.zeros(0x110000, dtype=np.uint8)
    table[[ord(c) for c in surname_chars()]] = 1
    return table


_WORD_CACHE_LIMIT = 500_000


def _word_ids(model: CompiledCRF) -> dict[str, tuple[int, int]]:
    """Word → (word id, class id) of ``model``, filled as words are met (bounded)."""
    cache = model.word_memo
    if len(cache) > _WORD_CACHE_LIMIT:
        cache.clear()
    return cache


def _types(codes: npt.NDArray[np.uint32]) -> IntArray:
    table = _type_table()
    types = table[codes]
    unknown = np.unique(codes[types == _UNKNOWN_TYPE])
    if len(unknown):
        with _lock:
            for code in unknown.tolist():
                table[code] = TYPES.index(char_type(chr(code)))
        types = table[codes]
    return types.astype(np.int64)


def _layout(texts: Sequence[str]) -> tuple[npt.NDArray[np.uint32], IntArray, IntArray]:
    """Code points of the padded batch, positions of the real characters, sentence lengths."""
    padded = "".join(PAD_LEFT * PAD + t + PAD_RIGHT * PAD for t in texts)
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32)
    lens = np.array([len(t) for t in texts], dtype=np.int64)
    block_start = np.concatenate(([0], np.cumsum(lens + 2 * PAD)[:-1]))
    first = np.repeat(np.cumsum(lens) - lens, lens)
    positions = np.repeat(block_start + PAD, lens) + np.arange(int(lens.sum())) - first
    return codes, positions, lens


def _bigram_rows(model: CompiledCRF, template: int, key: IntArray) -> IntArray:
    keys = model.bigram_keys[template]
    if len(keys) == 0:
        return np.zeros(len(key), dtype=np.int64)
    idx = np.minimum(np.searchsorted(keys, key), len(keys) - 1)
    return np.where(keys[idx] == key, model.bigram_rows[template][idx], 0)


def _char_rows(model: CompiledCRF, codes: npt.NDArray[np.uint32], pos: IntArray) -> list[IntArray]:
    ids = model.char_table[codes]
    width = len(model.chars) + 1
    rows = [model.unigram[k, ids[pos + o]] for k, (_, o) in enumerate(UNIGRAMS)]
    for k, (_, a, b) in enumerate(BIGRAMS):
        rows.append(_bigram_rows(model, k, ids[pos + a] * width + ids[pos + b]))
    types = _types(codes)
    real = np.zeros(len(codes), dtype=bool)
    real[pos] = True
    before = np.where(real[pos - 1], types[pos - 1], _CARET)
    after = np.where(real[pos + 1], types[pos + 1], _DOLLAR)
    n_types = len(TYPES)
    rows.append(model.type_rows[(before * n_types + types[pos]) * n_types + after])
    return rows


def _word_rows(
    model: CompiledCRF, words: Sequence[WordSpans], codes: npt.NDArray[np.uint32], pos: IntArray
) -> list[IntArray]:
    class_index = model.class_index
    known = _word_ids(model)
    lengths: list[int] = []
    word_ids: list[int] = []
    class_ids: list[int] = []
    firsts: list[int] = []
    for sentence in words:
        firsts.append(len(lengths))
        for word, start, end in sentence:
            lengths.append(end - start)
            ids = known.get(word)
            if ids is None:
                ids = known[word] = (
                    model.word_index.get(word, 0),
                    class_index.get(word_class(word), 0),
                )
            word_ids.append(ids[0])
            class_ids.append(ids[1])
    wlen = np.array(lengths, dtype=np.int64)
    cls = np.array(class_ids, dtype=np.int64)
    first = np.zeros(len(wlen), dtype=bool)
    first[firsts] = True
    last = np.roll(first, -1)
    last[-1] = True
    prev = np.where(first, class_index.get(SENTENCE_START, 0), np.roll(cls, 1))
    nxt = np.where(last, class_index.get(SENTENCE_END, 0), np.roll(cls, -1))
    at = np.repeat(wlen, wlen)
    offset = np.arange(len(pos)) - np.repeat(np.cumsum(wlen) - wlen, wlen)
    b, m, e, single = (POSITIONS.index(c) for c in "BMES")
    place = np.where(at == 1, single, np.where(offset == 0, b, np.where(offset == at - 1, e, m)))
    return [
        model.length_rows[place, np.minimum(at, MAX_WORD_TAG)],
        model.word_rows[place, np.repeat(np.array(word_ids, dtype=np.int64), wlen)],
        model.class_rows[place, np.repeat(cls, wlen)],
        np.repeat(model.context_rows[prev, nxt], wlen),
        model.surname_rows[place, _surname_table()[codes[pos]]],
    ]


def feature_rows(
    model: CompiledCRF, texts: Sequence[str], words: Sequence[WordSpans]
) -> list[IntArray]:
    """Per template, the weight row of every character of ``texts`` (0: no such feature).

    ``texts`` are analysis-form sentences (no empty ones) and ``words`` their tokens, which tile
    each sentence.
    """
    codes, pos, _ = _layout(texts)
    if sum(end - start for sentence in words for _, start, end in sentence) != len(pos):
        raise ValueError("the words do not tile the sentences")
    return _char_rows(model, codes, pos) + _word_rows(model, words, codes, pos)


def emissions(model: CompiledCRF, texts: Sequence[str], words: Sequence[WordSpans]) -> FloatArray:
    """Label scores (characters, labels) of every character of ``texts``, end to end."""
    rows = feature_rows(model, texts, words)
    out: FloatArray = model.weights[rows[0]].copy()
    for r in rows[1:]:
        out += model.weights[r]
    return out
