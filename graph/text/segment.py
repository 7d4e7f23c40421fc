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
import os
import re
from collections.abc import Callable, Iterable, Iterator
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
    return _build_tokenizer()[0]


@cache
def _build_tokenizer() -> tuple[jieba.Tokenizer, int]:
    """The tokenizer, and the sum of the frequencies its user words replaced.

    jieba adds a re-added word's new frequency to its total without removing the old one;
    the sum lets a second implementation (rjieba) reach exactly the same total.
    """
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    replaced = 0
    for name in _USER_LEXICONS:
        for word in sorted(load_lexicon(name)):
            if len(word) > 1:
                replaced += int(tk.FREQ.get(word, 0))
                tk.add_word(word, freq=_user_freq(tk, word))
    log.debug(
        "jieba tokenizer ready with %d user words", sum(map(len, map(load_lexicon, _USER_LEXICONS)))
    )
    return tk, replaced


def _user_freq(tk: jieba.Tokenizer, word: str) -> int:
    """A frequency that makes jieba keep ``word`` whole without stealing from neighbours."""
    suggested: int = tk.suggest_freq(word, tune=False)
    return max(suggested, 10)


# jieba part-of-speech tags of function words (prepositions, conjunctions, pronouns,
# particles, interjections): never part of a name
FUNCTION_TAGS = frozenset({"p", "c", "r", "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e", "o"})


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


def tokens(text: str, *, offset: int = 0) -> Iterator[Token]:
    """jieba tokens of ``text`` with offsets shifted by ``offset``.

    With rjieba installed the same tokens come from jieba-rs loaded with the same user words,
    frequencies and total; the environment variable ``ZHKG_TOKENIZER=jieba`` forces jieba.

    >>> [t.text for t in tokens("市总工会主席讲话")]
    ['市', '总工会', '主席', '讲话']
    """
    yield from _token_list(text, offset)


def _token_list(text: str, offset: int = 0) -> list[Token]:
    fast = _fast_tokenize()
    spans = fast(text) if fast is not None else tokenizer().tokenize(text, HMM=True)
    if offset:
        return [Token(start + offset, end + offset, word) for word, start, end in spans]
    return [Token(start, end, word) for word, start, end in spans]


def backend() -> str:
    """The tokenizer implementation in use: ``"rjieba"`` or ``"jieba"``."""
    return "rjieba" if _fast_tokenize() is not None else "jieba"


# jieba's HMM fallback cuts unknown non-Chinese runs like this (jieba.finalseg.re_skip) ...
_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
# ... and words of jieba's Chinese block that mix alphanumerics with these signs are such runs
_JOINED = re.compile(
    r"[a-zA-Z0-9][^\u4e00-\u9fd5]*[.\-%_+#&]|[.\-%_+#&][^\u4e00-\u9fd5]*[a-zA-Z0-9]"
)
# a word no text contains (private-use characters) that carries the difference of the totals
_PAD_WORD = "\ue000\ue001\ue002"
_BACKEND_ENV = "ZHKG_TOKENIZER"

Spans = Iterable[tuple[str, int, int]]


def _split_unknown(word: str, start: int) -> list[tuple[str, int, int]]:
    """jieba's cut of an unknown run like ``f-22`` or ``3.5%``: alphanumeric pieces and signs."""
    out = []
    pos = start
    for piece in _SKIP.split(word):
        if piece:
            out.append((piece, pos, pos + len(piece)))
            pos += len(piece)
    return out


@cache
def _fast_tokenize() -> Callable[[str], Spans] | None:
    """rjieba with the project tokenizer's user words, frequencies and total (None: use jieba)."""
    if os.environ.get(_BACKEND_ENV, "").lower() == "jieba":
        return None
    try:
        import rjieba
    except ImportError:
        return None
    jt, replaced = _build_tokenizer()
    rs = rjieba.Jieba()
    for name in _USER_LEXICONS:
        for word in sorted(load_lexicon(name)):
            if len(word) > 1:
                rs.add_word(word, int(jt.FREQ[word]), None)
    if replaced:
        rs.add_word(_PAD_WORD, replaced, None)
    has_word = rs.has_word

    def cut(text: str) -> Spans:
        spans: list[tuple[str, int, int]] = rs.tokenize(text, "default", True)
        # only a token inside a match of _JOINED in the text can need jieba's re-splitting
        suspects = [m.span() for m in _JOINED.finditer(text)]
        if not suspects:
            return spans
        starts = [start for _, start, _ in spans]
        fixes: dict[int, list[tuple[str, int, int]]] = {}
        for a, b in suspects:
            for i in range(
                max(bisect.bisect_right(starts, a) - 1, 0), bisect.bisect_left(starts, b)
            ):
                word, start, end = spans[i]
                if end - start > 1 and _JOINED.search(word) and not has_word(word):
                    fixes[i] = _split_unknown(word, start)
        if not fixes:
            return spans
        out: list[tuple[str, int, int]] = []
        prev = 0
        for i in sorted(fixes):
            out += spans[prev:i]
            out += fixes[i]
            prev = i + 1
        return out + spans[prev:]

    return cut


def sentences(text: str) -> tuple[Sentence, ...]:
    r"""Sentences and caption lines, without the surrounding whitespace.

    A line break inside a long paragraph line that does not end a sentence (a page break in the
    middle of a name or a quote) does not end the sentence:

    >>> [s.text for s in sentences("短标题\n\n" + "长" * 50 + "华东汽车\n\n有限公司工会。")][1][-13:]
    '华东汽车\n\n有限公司工会。'

    A header line that ends in its date or time ends there, however long:

    >>> len(sentences("来源：某某网 作者：" + "某" * 30 + " 2021-12-02 15:42:49\n\n12月1日，会议召开。"))
    2
    >>> len(sentences("发布时间：2020.01.23" + " " * 30 + "作者：林某\n本报讯 1月16日，会议召开。"))
    2

    However long a text without punctuation, no sentence is longer than MAX_SENTENCE_CHARS:

    >>> [len(s.text) for s in sentences("字" * 2500)]
    [1000, 1000, 500]
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
_STAMP_END = re.compile(
    r"(?:[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?|[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?)$"
)
_HEADER_FIELD = re.compile(r"(?:来源|作者|发布时间|发布日期|编辑|责任编辑|稿源)\s*[:：]")
_CONTINUES = re.compile(r"[\u4e00-\u9fff\w“‘「『（(]")


def _is_layout_break(text: str, start: int, end: int) -> bool:
    """A newline run after a long line that stops mid-sentence and goes on with text."""
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start].rstrip()
    if len(line) < _LAYOUT_LINE_MIN or not line or not _CONTINUES.match(line[-1]):
        return False
    if _ends_whole(line) or _STAMP_END.search(line) or _HEADER_FIELD.search(line):
        return False  # a caption ending in a verb or an organisation's name (…参观考察某某大学)
        # or a header line ending in its date or time (来源：某网 作者：某某 2021-12-02 15:42)
        # or in one of its fields (发布时间：… 来源：某报 作者：某某)
    return end < len(text) and bool(_CONTINUES.match(text[end]))


NOUN_TAGGED_VERBS = frozenset(
    {"产生", "参观", "会见", "命名", "隆重举行", "隆重召开", "隆重开幕", "圆满结束", "领会", "汇报",
     "指派", "委派", "选派"}
)  # fmt: skip
"""Verbs jieba's dictionary tags as nouns or names (选举产生, 在某馆参观, 隆重举行, 学习领会,
指派 + 某处副处长)."""


def _ends_whole(line: str) -> bool:
    """Whether a line ends with a verb or a whole organisation name (a caption or headline
    line), not in the middle of a name.

    >>> _ends_whole("代表团参观考察东华大学"), _ends_whole("代表团在纪念馆参观"), _ends_whole("来到华东汽车")
    (True, True, False)
    """
    tags = word_tags()
    suffixes = _line_end_suffixes()
    for k in (4, 3, 2):
        word = line[-k:]
        verb = tags.get(word) == "v" or word in NOUN_TAGGED_VERBS
        if verb or (word in suffixes and len(line) > k + 1):
            return True
    return False


@cache
def _line_end_suffixes() -> frozenset[str]:
    """Organisation endings of two or more characters (大学, 委员会)."""
    return frozenset(w for w in load_lexicon("org_suffixes") if len(w) >= 2)


MAX_SENTENCE_CHARS = 1000
"""A longer run without a sentence end (a text without punctuation) is cut into pieces of at
most this many characters, at a comma or a space when there is one: evidence records carry
their sentence, so an unbounded sentence would make every export quadratic in its length."""
_SOFT_BREAK = re.compile(r"[，,、：:\s]+")


def _append_trimmed(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = _soft_cut(text, start, start + MAX_SENTENCE_CHARS)
        _append_trimmed(out, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))


def _soft_cut(text: str, start: int, limit: int) -> int:
    """The end of the last comma or space run in the second half of ``[start, limit)``, else
    ``limit``.

    >>> _soft_cut("甲" * 8 + "，" + "乙" * 8, 0, 12)
    9
    """
    best = limit
    for m in _SOFT_BREAK.finditer(text, start + (limit - start) // 2, limit):
        best = m.end()
    return best


def segment(doc: Document) -> Segmented:
    """Tokens and sentences of a document."""
    return Segmented(doc, tuple(_token_list(doc.text)), sentences(doc.text))


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


_INDEX: list[tuple[Segmented, dict[int, int]]] = []


def token_index(seg: Segmented) -> dict[int, int]:
    """Token start offset -> token index, computed once per segmented document (the last one
    asked for is kept: extraction asks for it from every stage of one document in turn)."""
    if _INDEX and _INDEX[0][0] is seg:
        return _INDEX[0][1]
    index = {t.start: i for i, t in enumerate(seg.tokens)}
    _INDEX[:] = [(seg, index)]
    return index


def release() -> None:
    """Drop this process's tokenizers and tag table (about 80 MB); the next use builds them
    again.  A build calls it once its extraction is done."""
    for built in (tokenizer, _build_tokenizer, word_tags, _fast_tokenize):
        built.cache_clear()
    _INDEX.clear()
