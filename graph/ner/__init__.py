"""The mention layer: typed spans (PERSON ORG ROLE PLACE DATE) from a shipped character CRF.

The CRF (trained with python-crfsuite by ``python -m graph.ner.training.train``, which needs the
``zhkg[train]`` extra; shipped as numpy tables and decoded in batches without crfsuite, see
``compiled``) sees characters, jieba word boundaries and the project dictionaries; dates come
from regular expressions.  Traditional Chinese is analysed in simplified form, character by
character, and reported in the original script.  Everything loads lazily on first use.

>>> ms = tag_text("昨天，国务院总理李强在北京会见了来访的客人。")
>>> all(m.text == "昨天，国务院总理李强在北京会见了来访的客人。"[m.start:m.end] for m in ms)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from graph.types import Mention, Segmented

__all__ = ["annotate_jsonl", "extract_mentions", "release", "tag_text"]


def tag_text(text: str) -> list[Mention]:
    """The model and date mentions of ``text``, in text order, offsets into ``text``.

    >>> [(m.type, m.text) for m in tag_text("1月3日") if m.type == "DATE"]
    [('DATE', '1月3日')]
    """
    from graph.ner.layer import tag_text as _tag_text

    return _tag_text(text)


def extract_mentions(seg: Segmented) -> tuple[Mention, ...]:
    """The model and date mentions of a segmented document (offsets into ``seg.doc.text``).

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "第一段。\\n\\n2018年5月28日开幕。"))
    >>> [m.text for m in extract_mentions(seg) if m.type == "DATE"]
    ['2018年5月28日']
    """
    from graph.ner.layer import extract_mentions as _extract

    return _extract(seg)


def annotate_jsonl(src: TextIO, dst: TextIO, *, batch: int = 500) -> int:
    """Tag JSONL ``{"id", "text"}`` lines of ``src``; write ``{"id", "mentions"}`` lines to ``dst``.

    Records are tagged ``batch`` at a time (faster; ``batch=1`` answers line by line).
    Returns the number of records tagged.  A line that is not such a JSON object (or not UTF-8)
    gets an error line ``{"id", "line", "error"}`` in its place and the others go on; then
    ``graph.ner.jsonl.BadInput`` (a ``ConfigError``) names the bad lines.

    >>> import io, json
    >>> out = io.StringIO()
    >>> annotate_jsonl(io.StringIO('{"id": "a", "text": "2020年"}\\n'), out)
    1
    >>> json.loads(out.getvalue())["mentions"][0]["text"]
    '2020年'
    """
    from graph.ner.jsonl import annotate_jsonl as _annotate

    return _annotate(src, dst, batch=batch)


def release() -> None:
    """Drop the loaded model and word cutter (about 35 MB); the next use loads them again."""
    from graph.ner.tagger import _model
    from graph.ner.wordseg import _cutter, _rjieba

    for loaded in (_model, _rjieba, _cutter):
        loaded.cache_clear()
