"""Compiling a trained crfsuite model's weights into the numpy tables that ship.

crfsuite keeps a weight per (attribute, label); tagging (``graph.ner.compiled``) wants one row
of label weights per attribute and, per feature template (``graph.ner.templates``), a table from
the template's value (a character id, a pair of them, a word id, …) to that row.  Compiling is
four steps: collect the weight rows (``_state_rows``), number the characters, words and word
classes the attributes mention (``_Vocabulary``), place each row in its template's table
(``_Tables``), and add the transitions.  Only numpy is needed; reading a crfsuite model file
(``graph.ner.training.crf.read_weights``) is what needs python-crfsuite.

>>> m = compile_weights(["B-PERSON", "I-PERSON", "O"], {("c张", "B-PERSON"): 2.0}, {})
>>> m.weights[m.unigram[2, m.char_id("张")]].tolist()
[2.0, 0.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from graph.ner.compiled import CompiledCRF, FloatArray
from graph.ner.templates import (
    BIGRAM_CODES,
    CONTEXT,
    MAX_WORD_TAG,
    NOT_SURNAME,
    POSITIONS,
    SURNAME,
    TYPES,
    UNIGRAM_CODES,
    WORD,
    WORD_CLASS,
    WORD_LENGTH,
    check_attribute,
)


def compile_weights(
    labels: Sequence[str],
    state: Mapping[tuple[str, str], float],
    transitions: Mapping[tuple[str, str], float],
) -> CompiledCRF:
    """Tables of a crfsuite model given its labels, state and transition weights.

    >>> m = compile_weights(["A", "B"], {}, {("A", "B"): -5.0})
    >>> m.transitions.tolist()
    [[0.0, -5.0], [0.0, 0.0]]
    """
    rows = _state_rows(labels, state)
    tables = _Tables(_Vocabulary.of(rows.by_attr))
    for attr, row in rows.by_attr.items():
        tables.put(attr, row)
    return tables.model(labels, np.array(rows.vectors), _transition_matrix(labels, transitions))


class _Rows:
    """Assigns weight rows to attributes (row 0 stays all zeros: an unknown attribute)."""

    def __init__(self, n_labels: int) -> None:
        self.vectors: list[FloatArray] = [np.zeros(n_labels)]
        self.by_attr: dict[str, int] = {}

    def add(self, attr: str, label: int, weight: float) -> None:
        row = self.by_attr.get(attr)
        if row is None:
            row = self.by_attr[attr] = len(self.vectors)
            self.vectors.append(np.zeros(len(self.vectors[0])))
        self.vectors[row][label] += weight


def _state_rows(labels: Sequence[str], state: Mapping[tuple[str, str], float]) -> _Rows:
    """One row of label weights per attribute, in sorted attribute order."""
    label_id = {lab: i for i, lab in enumerate(labels)}
    rows = _Rows(len(labels))
    for (attr, label), weight in sorted(state.items()):
        check_attribute(attr)
        if attr[0] == WORD and "\n" in attr:
            continue  # tagged text is cut at line breaks: a word with one never occurs
        rows.add(attr, label_id[label], weight)
    return rows


def _transition_matrix(
    labels: Sequence[str], transitions: Mapping[tuple[str, str], float]
) -> FloatArray:
    """Transition weights as a (previous label, next label) matrix."""
    label_id = {lab: i for i, lab in enumerate(labels)}
    trans = np.zeros((len(labels), len(labels)))
    for (a, b), weight in transitions.items():
        trans[label_id[a], label_id[b]] = weight
    return trans


def _ids(items: Iterable[str]) -> dict[str, int]:
    return {item: i + 1 for i, item in enumerate(items)}


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """The characters, words and word classes the attributes mention (id 0: none of them)."""

    chars: str
    words: tuple[str, ...]
    classes: tuple[str, ...]  # those of the class template first, then the context-only ones

    @classmethod
    def of(cls, attrs: Iterable[str]) -> _Vocabulary:
        attrs = list(attrs)
        char_codes = UNIGRAM_CODES + BIGRAM_CODES
        chars = "".join(sorted({c for a in attrs if a[0] in char_codes for c in a[1:]}))
        words = tuple(sorted({a[2:] for a in attrs if a[0] == WORD}))
        classes = sorted({a[2:] for a in attrs if a[0] == WORD_CLASS})
        context = {c for a in attrs if a[0] == CONTEXT for c in a[1:].split("|")}
        classes += sorted(context - set(classes))
        return cls(chars, words, tuple(classes))


class _Tables:
    """The per-template tables of weight rows, filled one attribute at a time."""

    def __init__(self, vocab: _Vocabulary) -> None:
        self.vocab = vocab
        self.char_id, self.word_id = _ids(vocab.chars), _ids(vocab.words)
        self.class_id = _ids(vocab.classes)
        width = len(vocab.chars) + 1
        self.unigram = np.zeros((len(UNIGRAM_CODES), width), dtype=np.int64)
        self.bigrams: list[dict[int, int]] = [{} for _ in BIGRAM_CODES]
        self.word_rows = np.zeros((len(POSITIONS), len(vocab.words) + 1), dtype=np.int64)
        self.length_rows = np.zeros((len(POSITIONS), MAX_WORD_TAG + 1), dtype=np.int64)
        n_classes = len(vocab.classes) + 1
        self.class_rows = np.zeros((len(POSITIONS), n_classes), dtype=np.int64)
        self.context_rows = np.zeros((n_classes, n_classes), dtype=np.int64)
        self.surname_rows = np.zeros((len(POSITIONS), 2), dtype=np.int64)
        self.type_rows = np.zeros(len(TYPES) ** 3, dtype=np.int64)

    def put(self, attr: str, row: int) -> None:
        """Place the weight row of one (checked) attribute in its template's table."""
        kind, rest = attr[0], attr[1:]
        if kind in UNIGRAM_CODES:
            self.unigram[UNIGRAM_CODES.index(kind), self.char_id[rest]] = row
        elif kind in BIGRAM_CODES:
            key = self.char_id[rest[0]] * (len(self.vocab.chars) + 1) + self.char_id[rest[1]]
            self.bigrams[BIGRAM_CODES.index(kind)][key] = row
        elif kind == WORD_LENGTH:
            self.length_rows[POSITIONS.index(rest[0]), int(rest[1])] = row
        elif kind == WORD:
            self.word_rows[POSITIONS.index(rest[0]), self.word_id[rest[1:]]] = row
        elif kind == WORD_CLASS:
            self.class_rows[POSITIONS.index(rest[0]), self.class_id[rest[1:]]] = row
        elif kind == CONTEXT:
            prev, nxt = rest.split("|", 1)
            self.context_rows[self.class_id[prev], self.class_id[nxt]] = row
        elif kind == SURNAME and rest == NOT_SURNAME:
            self.surname_rows[:, 0] = row
        elif kind == SURNAME:
            self.surname_rows[POSITIONS.index(rest), 1] = row
        else:
            t1, t2, t3 = (TYPES.index(ch) for ch in rest)
            self.type_rows[(t1 * len(TYPES) + t2) * len(TYPES) + t3] = row

    def model(
        self, labels: Sequence[str], weights: FloatArray, transitions: FloatArray
    ) -> CompiledCRF:
        """The compiled model of these tables."""
        ordered = [sorted(b.items()) for b in self.bigrams]
        return CompiledCRF(
            labels=tuple(labels),
            weights=weights,
            transitions=transitions,
            chars=self.vocab.chars,
            unigram=self.unigram,
            bigram_keys=tuple(np.array([k for k, _ in o], dtype=np.int64) for o in ordered),
            bigram_rows=tuple(np.array([r for _, r in o], dtype=np.int64) for o in ordered),
            words=self.vocab.words,
            word_rows=self.word_rows,
            length_rows=self.length_rows,
            classes=self.vocab.classes,
            class_rows=self.class_rows,
            context_rows=self.context_rows,
            surname_rows=self.surname_rows,
            type_rows=self.type_rows,
        )
