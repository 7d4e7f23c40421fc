"""Organisation names without a known suffix, confirmed by the shipped mention model.

Title chains accept ``ORG ROLE NAME`` only when ORG ends like an organisation (…公司, …大学);
names such as 某某时空 or 某某快递 are confirmed by the CRF instead.  The model runs only on the
sentences where such a candidate occurs, so the cost stays small.

>>> from graph.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "完美时空董事长池宇峰获奖。"))
>>> ModelOrgs(seg)(0, 4)
0
"""

from __future__ import annotations

import bisect

from graph.mentions import tag_text
from graph.types import Mention, Segmented


class ModelOrgs:
    """Callable ``(start, end) -> start of a model ORG ending at end | None`` for one document."""

    def __init__(self, seg: Segmented) -> None:
        self.seg = seg
        self._starts = [s.start for s in seg.sentences]
        self._tagged: dict[int, list[Mention]] = {}

    def _mentions(self, pos: int) -> list[Mention]:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return []
        if i not in self._tagged:
            sentence = self.seg.sentences[i]
            self._tagged[i] = [
                Mention(
                    m.start + sentence.start,
                    m.end + sentence.start,
                    m.type,
                    m.text,
                    m.score,
                    m.extractor,
                )
                for m in tag_text(sentence.text)
            ]
        return self._tagged[i]

    def __call__(self, start: int, end: int) -> int | None:
        for m in self._mentions(start):
            if m.type == "ORG" and m.end == end and m.start >= start:
                return m.start
        return None
