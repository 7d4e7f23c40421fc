"""Tagging text with the shipped CRF: pieces, analysis script, features, spans.

Long texts are cut into lines and, within long lines, sentences; each piece is tagged on its own
and the spans are shifted back, so offsets always index the original text.  The pieces of many
texts are tagged together (``tag_many``): the features and the decoding are array operations
over a whole batch.  ``sentence_items`` gives the same features as strings (what training
feeds crfsuite); nothing here imports crfsuite or the training code.

>>> pieces("第一行。\\n\\n第二行")
[(0, 4), (6, 9)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from graph.errors import ModelError
from graph.ner.compiled import CompiledCRF, Span, decode_batch, label_spans, load
from graph.ner.encode import emissions
from graph.ner.features import Items, char_features
from graph.ner.persons import refine
from graph.ner.wordseg import word_spans
from graph.text.script import analysis_text

MODEL_FILE = "mentions.npz"
BATCH_CHARS = 50_000
_MAX_PIECE = 300
_LINE = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r".*?(?:[。！？!?；;]+[”’」』\"]?|$)", re.S)


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
    return Path(str(resources.files("graph.ner").joinpath("data", MODEL_FILE)))


@cache
def _model() -> CompiledCRF:
    path = model_path()
    if not path.is_file():
        raise ModelError(
            f"mention model {path} is missing; reinstall zhkg, or train one with"
            " pip install 'zhkg[train]' && python -m graph.ner.training.train"
        )
    return load(path)


def _tag_pieces(model: CompiledCRF, sentences: list[str], *, scores: bool) -> list[list[Span]]:
    words = [word_spans(s) for s in sentences]
    lens = [len(s) for s in sentences]
    em = emissions(model, sentences, words)
    labels, probs = decode_batch(model, em, lens, marginals=scores)
    return label_spans(model, labels, probs, lens)


def tag_many(texts: Sequence[str], *, scores: bool = True) -> list[list[Span]]:
    """``(start, end, type, score)`` of the model's mentions in each of ``texts``.

    Sentences of all texts are tagged together in batches of about ``BATCH_CHARS`` characters.
    The score is the marginal probability of the mention's first label; ``scores=False`` skips
    computing it (every score is then 0.5), which halves the decoding work.  PERSON boundaries
    are then fixed over each text by ``graph.ner.persons.refine`` (王某 + 和 → 王某和).

    >>> [[t for _, _, t, _ in spans] for spans in tag_many(["", "张伟东现任深圳华信电子股份有限公司董事长。"])]
    [[], ['PERSON', 'ORG', 'ROLE']]
    """
    model = _model()
    out: list[list[Span]] = [[] for _ in texts]
    jobs: list[tuple[int, int]] = []
    sentences: list[str] = []
    size = 0

    def flush() -> None:
        for (i, base), spans in zip(
            jobs, _tag_pieces(model, sentences, scores=scores), strict=True
        ):
            out[i].extend((base + a, base + b, t, score) for a, b, t, score in spans)
        jobs.clear()
        sentences.clear()

    simples = [analysis_text(text) for text in texts]
    for i, (text, simple) in enumerate(zip(texts, simples, strict=True)):
        for start, end in pieces(text):
            jobs.append((i, start))
            sentences.append(simple[start:end])
            size += end - start
            if size >= BATCH_CHARS:
                flush()
                size = 0
    if sentences:
        flush()
    return [
        refine(simple, spans) if any(t == "PERSON" for _, _, t, _ in spans) else spans
        for simple, spans in zip(simples, out, strict=True)
    ]
