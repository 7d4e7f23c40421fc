"""Segmentation: one owned ``jieba.Tokenizer`` with the project dictionaries, and sentences.

jieba is imported here and nowhere else.  Tokens and sentences carry offsets into the original
text; every character of the text belongs to exactly one token.

>>> seg = segment(Document.from_text("d.txt", "市总工会主席讲话。他说好"))
>>> "".join(t.text for t in seg.tokens) == seg.doc.text
True
>>> [s.text for s in seg.sentences]
['市总工会主席讲话。', '他说好']
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator
from functools import cache

import jieba

from graph.resources import load_lexicon, resource_text
from graph.types import Document, Segmented, Sentence, Span, Token

log = logging.getLogger(__name__)

# sentence ends: 。！？!?； and a paragraph break; a closing quote right after an end belongs to it
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』\"]?|\n\s*\n|\n")
# jieba dictionaries whose entries the segmenter must keep whole
_USER_LEXICONS = ("roles", "regions", "org_suffixes")


@cache
def tokenizer() -> jieba.Tokenizer:
    """The project's own jieba tokenizer (built once per process, never the global one)."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for name in _USER_LEXICONS:
        for word in sorted(load_lexicon(name)):
            if len(word) > 1:
                tk.add_word(word, freq=_user_freq(tk, word))
    log.debug("jieba tokenizer ready with %d user words", sum(map(len, map(load_lexicon, _USER_LEXICONS))))
    return tk


def _user_freq(tk: jieba.Tokenizer, word: str) -> int:
    """A frequency that makes jieba keep ``word`` whole without stealing from neighbours."""
    suggested: int = tk.suggest_freq(word, tune=False)
    return max(suggested, 10)


@cache
def word_tags() -> dict[str, str]:
    """Part-of-speech tag of each word of jieba's dictionary (no HMM, a plain lookup)."""
    import jieba.posseg

    tags: dict[str, str] = dict(jieba.posseg.dt.word_tag_tab)
    for line in resource_text("roles.txt").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            tags.setdefault(word, "role")
    return tags


def tokens(text: str, offset: int = 0) -> Iterator[Token]:
    """jieba tokens of ``text`` with offsets shifted by ``offset``."""
    for word, start, end in tokenizer().tokenize(text, HMM=True):
        yield Token(start + offset, end + offset, word)


def sentences(text: str) -> tuple[Sentence, ...]:
    r"""Sentences and caption lines, without the surrounding whitespace.

    A line break inside a long paragraph line that does not end a sentence (a page break in the
    middle of a name or a quote) does not end the sentence:

    >>> [s.text for s in sentences("短标题\n\n" + "长" * 50 + "北京汽车\n\n有限公司工会。")][1][-13:]
    '北京汽车\n\n有限公司工会。'
    """
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().isspace() and _is_layout_break(text, m.start(), m.end()):
            continue
        _append_trimmed(out, text, start, m.end())
        start = m.end()
    _append_trimmed(out, text, start, len(text))
    return tuple(out)


_LAYOUT_LINE_MIN = 40
_CONTINUES = re.compile(r"[\u4e00-\u9fff\w“‘「『（(]")


def _is_layout_break(text: str, start: int, end: int) -> bool:
    """A newline run after a long line that stops mid-sentence and goes on with text."""
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start].rstrip()
    if len(line) < _LAYOUT_LINE_MIN or not line or not _CONTINUES.match(line[-1]):
        return False
    return end < len(text) and bool(_CONTINUES.match(text[end]))


def _append_trimmed(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))


def segment(doc: Document) -> Segmented:
    """Tokens and sentences of a document."""
    return Segmented(doc, tuple(tokens(doc.text)), sentences(doc.text))


def span_of(seg: Segmented, start: int, end: int) -> Span:
    """Evidence span ``[start, end)`` of the document with the sentence that holds it.

    >>> seg = segment(Document.from_text("d.txt", "第一句。第二句有人。"))
    >>> span_of(seg, 4, 6)
    Span(doc_id='d.txt', start=4, end=6, text='第二', sentence_start=4, sentence_end=10)
    """
    starts = [s.start for s in seg.sentences]
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and seg.sentences[i].start <= start and end <= seg.sentences[i].end:
        s_start, s_end = seg.sentences[i].start, seg.sentences[i].end
    else:
        s_start, s_end = start, end
    return Span(seg.doc.doc_id, start, end, seg.doc.text[start:end], s_start, s_end)
