"""The shipped CRF as numpy tables: loaded, saved, and decoded in batches.

python-crfsuite trains the model and ``graph.ner.training.compile`` lays its weights out as one
lookup table per feature template (``graph.ner.templates``), saved as a compressed ``.npz``.
Tagging needs neither crfsuite nor attribute strings: ``graph.ner.encode`` turns characters and
words into table rows with array operations, and this module runs Viterbi and forward–backward
over many sentences at once.  The scores are those of crfsuite's first-order CRF (state and
transition weights, no start or end weights).  numpy is imported here and in ``encode`` only
(and in the training code).

>>> from graph.ner.training.compile import compile_weights
>>> m = compile_weights(["B-PERSON", "I-PERSON", "O"], {("c张", "B-PERSON"): 2.0}, {})
>>> m.weights[m.unigram[2, m.char_id("张")]].tolist()
[2.0, 0.0, 0.0]
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import numpy.typing as npt

from graph.errors import ModelError
from graph.ner.templates import BIGRAM_CODES

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Span = tuple[int, int, str, float]  # start, end, type, score

_CODE_SPACE = 0x110000


@dataclass(frozen=True)
class CompiledCRF:
    """Weights (row 0 is all zeros: a feature the model does not know) and per-template rows."""

    labels: tuple[str, ...]
    weights: FloatArray  # (rows, labels)
    transitions: FloatArray  # (labels, labels): previous → next
    chars: str  # character i has id i + 1 (0: unknown)
    unigram: IntArray  # (unigram templates, chars + 1)
    bigram_keys: tuple[IntArray, ...]  # per template: sorted id1 * (chars + 1) + id2
    bigram_rows: tuple[IntArray, ...]
    words: tuple[str, ...]  # word i has id i + 1
    word_rows: IntArray  # (4 positions, words + 1)
    length_rows: IntArray  # (4 positions, templates.MAX_WORD_TAG + 1)
    classes: tuple[str, ...]  # class i has id i + 1
    class_rows: IntArray  # (4 positions, classes + 1)
    context_rows: IntArray  # (classes + 1, classes + 1): previous word's class, next word's
    surname_rows: IntArray  # (4 positions, 2): not a surname character / a surname character
    type_rows: IntArray  # (7 ** 3,): types at -1, 0, +1

    def char_id(self, ch: str) -> int:
        """Id of one character (0 when the model has no feature for it)."""
        return self._char_index.get(ch, 0)

    @cached_property
    def _char_index(self) -> dict[str, int]:
        return {c: i + 1 for i, c in enumerate(self.chars)}

    @cached_property
    def char_table(self) -> IntArray:
        """Code point → character id, for every code point."""
        table = np.zeros(_CODE_SPACE, dtype=np.int64)
        if self.chars:
            codes = np.frombuffer(self.chars.encode("utf-32-le"), dtype=np.uint32)
            table[codes] = np.arange(1, len(self.chars) + 1)
        return table

    @cached_property
    def word_index(self) -> dict[str, int]:
        """Word → word id."""
        return {w: i + 1 for i, w in enumerate(self.words)}

    @cached_property
    def word_memo(self) -> dict[str, tuple[int, int]]:
        """Word → (word id, class id), filled by ``graph.ner.encode`` as words are met."""
        return {}

    @cached_property
    def class_index(self) -> dict[str, int]:
        """Word class → class id."""
        return {c: i + 1 for i, c in enumerate(self.classes)}


_ARRAYS = (
    *("weights", "transitions", "unigram", "word_rows", "length_rows", "class_rows"),
    *("context_rows", "surname_rows", "type_rows"),
)


def _text_array(items: Sequence[str]) -> npt.NDArray[np.uint8]:
    for item in items:
        if "\n" in item:
            raise ModelError(f"cannot save a model feature containing a line break: {item!r}")
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def _texts(array: npt.NDArray[np.uint8]) -> tuple[str, ...]:
    text = array.tobytes().decode("utf-8")
    return tuple(text.split("\n")) if text else ()


def to_bytes(model: CompiledCRF) -> bytes:
    """The ``.npz`` file content of ``model`` (weights stored as float32)."""
    arrays: dict[str, npt.NDArray[np.generic]] = {k: getattr(model, k) for k in _ARRAYS}
    arrays["weights"] = model.weights.astype(np.float32)
    arrays["transitions"] = model.transitions.astype(np.float32)
    arrays["labels"] = _text_array(model.labels)
    arrays["chars"] = np.frombuffer(model.chars.encode("utf-32-le"), dtype=np.uint32)
    arrays["words"] = _text_array(model.words)
    arrays["classes"] = _text_array(model.classes)
    for i, (keys, rows) in enumerate(zip(model.bigram_keys, model.bigram_rows, strict=True)):
        arrays[f"bigram_keys{i}"] = keys
        arrays[f"bigram_rows{i}"] = rows
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
    return buf.getvalue()


def load(path: Path) -> CompiledCRF:
    """Read a compiled model (``ModelError`` when it is missing or not such a file)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
        return CompiledCRF(
            labels=_texts(data["labels"]),
            weights=data["weights"].astype(np.float64),
            transitions=data["transitions"].astype(np.float64),
            chars=data["chars"].astype("<u4").tobytes().decode("utf-32-le"),
            unigram=data["unigram"],
            bigram_keys=tuple(data[f"bigram_keys{i}"] for i in range(len(BIGRAM_CODES))),
            bigram_rows=tuple(data[f"bigram_rows{i}"] for i in range(len(BIGRAM_CODES))),
            words=_texts(data["words"]),
            word_rows=data["word_rows"],
            length_rows=data["length_rows"],
            classes=_texts(data["classes"]),
            class_rows=data["class_rows"],
            context_rows=data["context_rows"],
            surname_rows=data["surname_rows"],
            type_rows=data["type_rows"],
        )
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as e:
        raise ModelError(f"mention model {path} is missing or unreadable: {e}") from e


def _steps(lengths: Sequence[int]) -> tuple[IntArray, IntArray, IntArray]:
    """Time-major packing of sentences laid end to end (longest first, no padding).

    Returns, for each step ``t``, how many sentences are still running (``count[t]``) and where
    that step starts in the packed order (``offset[t]``), and for each packed position the index
    of its character in the end-to-end order.
    """
    lens = np.asarray(lengths, dtype=np.int64)
    order = np.argsort(-lens, kind="stable")
    starts = (np.cumsum(lens) - lens)[order]
    steps = int(lens.max())
    count = np.searchsorted(-lens[order], -np.arange(steps), side="left").astype(np.int64)
    offset = np.cumsum(count) - count
    source = np.concatenate([starts[:k] + t for t, k in enumerate(count.tolist())])
    return count, offset, source


_GATHER_FROM = 16  # sentences running at a step from which a gather beats a second max()


def _viterbi(
    trans: FloatArray, score: FloatArray, counts: list[int], offsets: list[int], lengths: IntArray
) -> IntArray:
    """Best label of every packed position (see ``_steps``; ``lengths`` longest first)."""
    back = np.zeros(score.shape, dtype=np.int64)
    delta = score.copy()
    for t in range(1, len(counts)):
        k, here, prev = counts[t], offsets[t], offsets[t - 1]
        cand = delta[prev : prev + k, :, None] + trans  # (sentence, previous label, next label)
        best_prev = cand.argmax(axis=1)
        back[here : here + k] = best_prev
        if k < _GATHER_FROM:  # the same value: max() has less overhead, a gather less work
            delta[here : here + k] += cand.max(axis=1)
        else:
            delta[here : here + k] += np.take_along_axis(cand, best_prev[:, None, :], axis=1)[:, 0]
    best = np.zeros(len(score), dtype=np.int64)
    # the last step of the sentence of rank r is (its length - 1); it sits at offset + r
    ends = np.asarray(offsets)[lengths - 1] + np.arange(len(lengths))
    best[ends] = delta[ends].argmax(axis=1)
    for t in range(len(counts) - 2, -1, -1):
        k, here, nxt = counts[t + 1], offsets[t], offsets[t + 1]
        best[here : here + k] = back[np.arange(nxt, nxt + k), best[nxt : nxt + k]]
    return best


def _posteriors(
    trans: FloatArray, score: FloatArray, counts: list[int], offsets: list[int]
) -> FloatArray:
    """Marginal label probabilities of every packed position (forward–backward).

    Computed in probability space with every step rescaled; the marginals are ratios, so the
    scale cancels.
    """
    expt = np.exp(trans - trans.max())
    odds = np.exp(score - score.max(axis=1, keepdims=True))
    alpha = odds / odds.sum(axis=1, keepdims=True)
    for t in range(1, len(counts)):
        k, here, prev = counts[t], offsets[t], offsets[t - 1]
        step = (alpha[prev : prev + k] @ expt) * odds[here : here + k]
        step /= step.sum(axis=1, keepdims=True)
        alpha[here : here + k] = step
    beta = np.ones(score.shape)
    for t in range(len(counts) - 2, -1, -1):
        k, here, nxt = counts[t + 1], offsets[t], offsets[t + 1]
        step = (odds[nxt : nxt + k] * beta[nxt : nxt + k]) @ expt.T
        step /= step.sum(axis=1, keepdims=True)
        beta[here : here + k] = step
    posterior = alpha * beta
    out: FloatArray = posterior / posterior.sum(axis=1, keepdims=True)
    return out


def decode_batch(
    model: CompiledCRF, emissions: FloatArray, lengths: Sequence[int], *, marginals: bool = True
) -> tuple[IntArray, FloatArray | None]:
    """Best label ids and their marginal probabilities, for sentences laid end to end.

    ``emissions`` has one row of label scores per character of all sentences; ``lengths`` are the
    sentences' lengths (each at least 1).  Both results have one entry per character; without
    ``marginals`` (Viterbi only, about half the work) the probabilities are None.

    >>> from graph.ner.training.compile import compile_weights
    >>> m = compile_weights(["A", "B"], {}, {("A", "B"): -5.0})
    >>> labels, probs = decode_batch(m, np.array([[2.0, 0.0], [0.0, 1.0], [0.0, 1.0]]), [2, 1])
    >>> labels.tolist()
    [0, 0, 1]
    """
    n = emissions.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.int64), (np.zeros(0) if marginals else None)
    count, offset, source = _steps(lengths)
    score = emissions[source]
    counts, offsets = count.tolist(), offset.tolist()
    longest_first = np.sort(np.asarray(lengths, dtype=np.int64))[::-1]
    best = _viterbi(model.transitions, score, counts, offsets, longest_first)
    labels = np.empty(n, dtype=np.int64)
    labels[source] = best
    if not marginals:
        return labels, None
    posterior = _posteriors(model.transitions, score, counts, offsets)
    probs = np.empty(n)
    probs[source] = posterior[np.arange(n), best]
    return labels, probs


def _label_properties(model: CompiledCRF) -> tuple[IntArray, IntArray, IntArray, list[str]]:
    types = sorted({lab[2:] for lab in model.labels if lab != "O"})
    inside = np.array([lab != "O" for lab in model.labels], dtype=np.int64)
    begin = np.array([lab.startswith("B-") for lab in model.labels], dtype=np.int64)
    type_id = np.array([types.index(lab[2:]) if lab != "O" else -1 for lab in model.labels])
    return inside, begin, type_id, types


def label_spans(
    model: CompiledCRF, labels: IntArray, probs: FloatArray | None, lens: list[int]
) -> list[list[Span]]:
    """BIO spans of each sentence (a stray ``I-`` starts a span), with the B label's marginal
    (0.5 for a stray ``I-`` or when ``probs`` is None).

    >>> from graph.ner.training.compile import compile_weights
    >>> m = compile_weights(["B-X", "I-X", "O"], {}, {})
    >>> label_spans(m, np.array([0, 1, 2, 1, 1]), np.full(5, 0.9), [3, 2])
    [[(0, 2, 'X', 0.9)], [(0, 2, 'X', 0.5)]]
    """
    inside_of, begin_of, type_of, types = _label_properties(model)
    inside, begin, typ = inside_of[labels], begin_of[labels], type_of[labels]
    offsets = np.cumsum(lens) - lens
    first = np.zeros(len(labels), dtype=bool)
    first[offsets] = True
    last = np.roll(first, -1)
    last[-1] = True
    changed = np.roll(typ, 1) != typ
    starts = np.flatnonzero(inside & (begin | first | (np.roll(inside, 1) == 0) | changed))
    closes = inside & (
        last | (np.roll(inside, -1) == 0) | np.roll(begin, -1) | np.roll(changed, -1)
    )
    ends = np.flatnonzero(closes) + 1
    sentence = np.searchsorted(offsets, starts, side="right") - 1
    if probs is None:
        scores = np.full(len(starts), 0.5)
    else:
        scores = np.where(begin[starts] == 1, probs[starts], 0.5).round(3)
    out: list[list[Span]] = [[] for _ in lens]
    for s, a, b, t, score in zip(
        sentence.tolist(),
        starts.tolist(),
        ends.tolist(),
        typ[starts].tolist(),
        scores.tolist(),
        strict=True,
    ):
        base = int(offsets[s])
        out[s].append((a - base, b - base, types[t], score))
    return out
