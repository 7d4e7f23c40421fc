"""The character CRF: python-crfsuite is imported here and nowhere else.

python-crfsuite is an optional dependency (the ``zhkg[train]`` extra): importing this module
without it raises ``ModuleNotFoundError`` naming the extra.  Tagging never imports it.

Labels are BIO over the mention types (``B-PERSON``, ``I-ORG``, …, ``O``).

>>> bio_labels(5, [(0, 2, "PERSON"), (3, 5, "ROLE")])
['B-PERSON', 'I-PERSON', 'O', 'B-ROLE', 'I-ROLE']
>>> decode(['B-PERSON', 'I-PERSON', 'O', 'I-ROLE', 'I-ROLE'])
[(0, 2, 'PERSON'), (3, 5, 'ROLE')]
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from graph.errors import ModelError
from graph.ner.features import Items

try:
    import pycrfsuite
except ImportError as e:
    raise ModuleNotFoundError(
        "python-crfsuite is not installed; training the mention model needs the train extra:"
        " pip install 'zhkg[train]'",
        name="pycrfsuite",
    ) from e

log = logging.getLogger(__name__)


def bio_labels(n: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO labels of ``n`` characters with the given non-overlapping spans."""
    labels = ["O"] * n
    for start, end, typ in spans:
        labels[start] = "B-" + typ
        for i in range(start + 1, end):
            labels[i] = "I-" + typ
    return labels


def decode(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Spans of a BIO label sequence (a stray ``I-`` starts a span)."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate(labels):
        if lab == "O" or lab.startswith("B-") or lab[2:] != typ:
            if start >= 0:
                out.append((start, i, typ))
                start, typ = -1, ""
            if lab != "O":
                start, typ = i, lab[2:]
    if start >= 0:
        out.append((start, len(labels), typ))
    return out


class Tagger:
    """A loaded CRF model (one per thread; crfsuite taggers are not thread-safe)."""

    def __init__(self, path: Path) -> None:
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
        except (OSError, ValueError) as e:
            raise ModelError(f"CRF model {path} is missing or unreadable: {e}") from e

    def tag(self, items: Items) -> list[str]:
        """The best label sequence of one sentence."""
        labels: list[str] = self._tagger.tag(pycrfsuite.ItemSequence(items))
        return labels

    def marginal(self, label: str, position: int) -> float:
        """Marginal probability of ``label`` at ``position`` of the last tagged sentence."""
        return float(self._tagger.marginal(label, position))


def read_weights(
    path: Path,
) -> tuple[list[str], dict[tuple[str, str], float], dict[tuple[str, str], float]]:
    """Labels, state weights ``{(attribute, label): w}`` and transitions of a crfsuite model."""
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as e:
        raise ModelError(f"CRF model {path} is missing or unreadable: {e}") from e
    info = tagger.info()
    return list(tagger.labels()), dict(info.state_features), dict(info.transitions)


class Trainer:
    """A crfsuite L-BFGS trainer (used by ``graph.ner.training.train`` only)."""

    def __init__(self, params: dict[str, Any], on_message: Callable[[str], None]) -> None:
        outer = on_message

        class _T(pycrfsuite.Trainer):  # type: ignore[misc]
            def message(self, message: str) -> None:
                outer(message)

        self._trainer = _T(algorithm="lbfgs", verbose=False)
        self._trainer.set_params(params)
        self.n = 0

    def append(self, items: Items, labels: list[str]) -> None:
        """Add one sentence."""
        self._trainer.append(pycrfsuite.ItemSequence(items), labels)
        self.n += 1

    def train(self, path: Path) -> None:
        """Train and write the model file."""
        self._trainer.train(str(path))
