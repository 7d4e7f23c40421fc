"""Tagging text with the shipped CRF: pieces, analysis script, features, spans.

Long texts are cut into lines and, within long lines, sentences; each piece is tagged on its own
and the spans are shifted back, so offsets always index the original text.

>>> pieces("第一行。\\n\\n第二行")
[(0, 4), (6, 9)]
"""

from __future__ import annotations

import logging
import re
import threading
from functools import cache
from importlib import resources
from pathlib import Path

from graph.mentions.crf import Items, Tagger, decode
from graph.mentions.features import char_features
from graph.mentions.script import analysis_text
from graph.mentions.wordseg import word_spans

log = logging.getLogger(__name__)

MODEL_FILE = "mentions.crfsuite"
_MAX_PIECE = 300
_LINE = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r".*?(?:[。！？!?；;]+[”’」』\"]?|$)", re.S)

Span = tuple[int, int, str, float]


def sentence_items(text: str) -> Items:
    """CRF items of one sentence (analysis script, word spans, features)."""
    simple = analysis_text(text)
    return char_features(simple, word_spans(simple))


def pieces(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the non-blank lines of ``text``; long lines cut after sentence ends."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        start, end = m.span()
        if end - start <= _MAX_PIECE:
            if not text[start:end].isspace():
                out.append((start, end))
            continue
        for s in _SENTENCE.finditer(text, start, end):
            if s.end() > s.start():
                # a sentence that is still too long is cut into fixed windows
                for a in range(s.start(), s.end(), _MAX_PIECE):
                    b = min(a + _MAX_PIECE, s.end())
                    if not text[a:b].isspace():
                        out.append((a, b))
    return out


def model_path() -> Path:
    """Where the shipped model lives inside the package."""
    return Path(str(resources.files("graph.mentions").joinpath("data", MODEL_FILE)))


_local = threading.local()


@cache
def _checked_model() -> Path:
    path = model_path()
    if not path.is_file():
        from graph.errors import ModelError

        raise ModelError(f"mention model {path} is missing; run python -m graph.mentions.train")
    return path


def _tagger() -> Tagger:
    tagger: Tagger | None = getattr(_local, "tagger", None)
    if tagger is None:
        tagger = Tagger(_checked_model())
        _local.tagger = tagger
    return tagger


def tag_spans(text: str) -> list[Span]:
    """``(start, end, type, score)`` of the model's mentions in ``text`` (original offsets)."""
    tagger = _tagger()
    out: list[Span] = []
    for start, end in pieces(text):
        labels = tagger.tag(sentence_items(text[start:end]))
        for a, b, typ in decode(labels):
            score = tagger.marginal("B-" + typ, a) if labels[a].startswith("B-") else 0.5
            out.append((start + a, start + b, typ, round(score, 3)))
    return out
