"""Organisation names without a known suffix, confirmed by the shipped mention model.

Title chains accept ``ORG ROLE NAME`` only when ORG ends like an organisation (…公司, …大学);
names such as 某某时空 or 某某快递 are confirmed by the CRF instead.  The model runs only on the
sentences where such a candidate occurs, so the cost stays small.

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "完美时空董事长池宇峰获奖。"))
>>> ModelOrgs(seg)(0, 4)
0
"""

from __future__ import annotations

import bisect
from typing import TypeAlias

from graph.ner.tagger import tag_many
from graph.types import Segmented

ModelSpan: TypeAlias = tuple[int, int, str]
"""``(start, end, type)`` of a model mention, offsets into the document."""


def tag_sentences(seg: Segmented) -> list[list[ModelSpan]]:
    """The model's mentions in each sentence of the document (one batched call).

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "会上，李明军讲话。"))
    >>> [t for _, _, t in tag_sentences(seg)[0]]
    ['PERSON']
    """
    tagged = tag_many([s.text for s in seg.sentences], scores=False)
    return [
        [(a + s.start, b + s.start, t) for a, b, t, _ in spans]
        for s, spans in zip(seg.sentences, tagged, strict=True)
    ]


class ModelOrgs:
    """Callable ``(start, end) -> start of a model ORG ending at end | None`` for one document.

    ``tagged`` holds the model's spans of every sentence when they were computed already
    (:func:`tag_sentences`); otherwise each sentence is tagged on first use.
    """

    def __init__(self, seg: Segmented, tagged: list[list[ModelSpan]] | None = None) -> None:
        self.seg = seg
        self._starts = [s.start for s in seg.sentences]
        self._orgs: dict[int, list[tuple[int, int]]] = {}
        if tagged is not None:
            for i, spans in enumerate(tagged):
                self._orgs[i] = [(a, b) for a, b, t in spans if t == "ORG"]

    def _model_orgs(self, pos: int) -> list[tuple[int, int]]:
        """``(start, end)`` of the model's ORG mentions in the sentence at ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return []
        if i not in self._orgs:
            sentence = self.seg.sentences[i]
            spans = tag_many([sentence.text], scores=False)[0]
            self._orgs[i] = [
                (a + sentence.start, b + sentence.start) for a, b, t, _ in spans if t == "ORG"
            ]
        return self._orgs[i]

    def __call__(self, start: int, end: int) -> int | None:
        for a, b in self._model_orgs(start):
            if b == end and a >= start:
                return a
        return None
