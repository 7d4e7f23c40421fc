"""Organisation names without a known suffix, confirmed by the shipped mention model (or
defined by the article as a short form, graph.extract.abbreviations).

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
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TypeAlias

from graph.extract.abbreviations import short_form_ending_at, short_name_ending_at
from graph.extract.names import Piece, is_surname_start, opens_surname
from graph.extract.orgnames import org_suffix_of
from graph.ner.tagger import tag_many
from graph.resources import load_lexicon
from graph.text.numerals import NUMERAL_CHARS
from graph.text.segment import word_tags
from graph.types import Segmented, Token

ModelSpan: TypeAlias = tuple[int, int, str]
"""``(start, end, type)`` of a model mention, offsets into the document."""


def tag_sentences(seg: Segmented) -> list[list[ModelSpan] | None]:
    """The model's mentions in each sentence that may name a person (one batched call);
    ``None`` for the sentences left untagged (no word there can be a name).

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "标题。会上，李明军讲话。天气很好。"))
    >>> [None if s is None else [t for _, _, t in s] for s in tag_sentences(seg)]
    [[], ['PERSON'], None]
    """
    todo = _name_sentences(seg)
    tagged = tag_many([seg.sentences[i].text for i in todo], scores=False)
    out: list[list[ModelSpan] | None] = [None] * len(seg.sentences)
    for i, spans in zip(todo, tagged, strict=True):
        start = seg.sentences[i].start
        out[i] = [(a + start, b + start, t) for a, b, t, _ in spans]
    return out


_LEAD = 2


def _name_sentences(seg: Segmented) -> list[int]:
    """Indices of the sentences holding a word that can be a person's name: two to four
    characters from a family name that the dictionary does not know as another word."""
    tags = word_tags()
    starts = [s.start for s in seg.sentences]
    found = set(range(min(_LEAD, len(starts))))  # the title and lead name the document's subject
    toks = seg.tokens
    sentence_end = -1  # the end of the sentence of the last token found (skip the rest)
    for j, tok in enumerate(toks):
        if tok.start < sentence_end:
            continue
        word = tok.text
        if 2 <= len(word) <= 4:
            tag = tags.get(word)
            if not ((tag is None or tag.startswith("nr")) and is_surname_start(word)):
                continue
        elif (
            len(word) != 1
            or not opens_surname(word)
            or not (_split_after_title(toks, j, tags) or _split_name(toks, j, tags))
        ):
            continue
        i = bisect.bisect_right(starts, tok.start) - 1
        found.add(i)
        if i >= 0:
            sentence_end = seg.sentences[i].end
    return sorted(i for i in found if i >= 0)


def _split_after_title(toks: Sequence[Token], j: int, tags: Mapping[str, str]) -> bool:
    """A family name the segmenter left alone right after a title, before a short word
    (新闻发言人 + 赵 + 立新: the dictionary reads 立新 as an adverb)."""
    return (
        j > 0
        and (tags.get(toks[j - 1].text) == "role" or toks[j - 1].text in load_lexicon("roles"))
        and toks[j - 1].end == toks[j].start
        and _split_off_given(toks, j)
    )


_NAME_TAGS = frozenset({"nr", "zg"})
"""Dictionary tags of family names that stand alone (王 nr, 孙 zg), not 于 (a preposition)."""


def _split_name(toks: Sequence[Token], j: int, tags: Mapping[str, str]) -> bool:
    """A family name the dictionary tags as one (王, 赵) left alone before a short word that
    the dictionary knows (王 + 海生, 赵 + 立新): a name split by the segmenter."""
    return tags.get(toks[j].text) in _NAME_TAGS and _split_off_given(toks, j)


def _split_off_given(toks: Sequence[Token], j: int) -> bool:
    """A one-character token that, with the one or two characters right after it, reads as a
    family name and a given name."""
    if j + 1 >= len(toks) or len(toks[j].text) != 1:
        return False
    given = toks[j + 1].text
    return (
        toks[j].end == toks[j + 1].start
        and 1 <= len(given) <= 2
        and all("\u4e00" <= ch <= "\u9fff" for ch in given)
        and is_surname_start(toks[j].text + given)
    )


_CLAUSE_WORDS = "由在从对向将把被据—－- \u3000"
_VISIT_VERBS = ("调研", "视察", "考察", "走访", "慰问", "看望", "莅临", "来到", "前往", "参观")
"""Verbs of a visit the model may tag with the organisation visited (调研 + 某学院)."""
_EVENT_VERBS = ("召开", "举行", "举办", "开展", "隆重")
"""Verbs a headline puts after the organisation that holds the meeting; never inside a name."""


def clean_org(text: str, a: int, b: int) -> Piece:
    """A model ORG span without the clause before a preposition inside it (会议由某集团).

    >>> clean_org("会议由东华集团主持", 0, 7).text
    '东华集团'
    >>> clean_org("东华书法家协会召开代表大会", 0, 13).text
    '东华书法家协会'
    >>> clean_org("49名镇人大代表", 2, 6).text
    '镇人大'
    >>> clean_org("书记调研环境学院", 2, 8).text
    '环境学院'
    """
    cut = max(text.rfind(c, a, b - 2) for c in _CLAUSE_WORDS)
    if cut >= a:
        a = cut + 1
    if (_WHOLE_PLACE.match(text, a) or _counted(text, a)) and b - a > 3:
        a += 1  # 全镇人大正式代表, 49名镇人大代表: the township's congress, not 全镇人大, 名镇人大
    if text.startswith(_VISIT_VERBS, a) and org_suffix_of(text[a + 2 : b]) is not None:
        a += 2  # 某某书记调研 + 环境学院: the visit's verb, tagged with the place visited
    verb = min((i for v in _EVENT_VERBS if (i := text.find(v, a + 2, b)) >= 0), default=-1)
    if verb > a and org_suffix_of(text[a:verb]) is not None:
        b = verb  # a headline tagged whole: 某某协会召开代表大会 -> 某某协会
    return Piece(a, b, text[a:b])


_WHOLE_PLACE = re.compile("全[省市县区镇乡村](?!委)")
"""全 before a level: the whole place (全镇人大代表), not part of a name (全总, 全市委)."""
_MEASURES = frozenset("名位个")


def _counted(text: str, a: int) -> bool:
    """A measure word after a number opens the span (49 + 名 + 镇人大代表): it counts the
    people after it and is no part of a name."""
    return text[a : a + 1] in _MEASURES and a > 0 and text[a - 1] in NUMERAL_CHARS


_INSTITUTIONS = (
    "人民政府",
    "政府",
    "人大常委会",
    "政协",
    "总工会",
    "人民法院",
    "人民检察院",
    "公安局",
    "妇联",
    "团委",
    "委",
)


def place_institutions(text: str, tagged: list[list[ModelSpan] | None]) -> tuple[Piece, ...]:
    """A place the model names followed by an institution of places (东江市 + 人民政府).

    >>> place_institutions("东江市人民政府召开会议", [[(0, 3, "PLACE")]])
    (Piece(start=0, end=7, text='东江市人民政府'),)
    """
    out = []
    for spans in tagged:
        for a, b, t in spans or ():
            if t == "PLACE":
                found = next((w for w in _INSTITUTIONS if text.startswith(w, b)), None)
                if found is not None:
                    out.append(Piece(a, b + len(found), text[a : b + len(found)]))
    return tuple(out)


_MEDIA = (
    "新闻网",
    "新闻中心",
    "新闻办",
    "电视台",
    "广播电台",
    "融媒体中心",
    "校报",
    "报社",
    "网站",
    "网",
    "报",
)
"""Endings of an institution's own news outlet (某大学新闻网讯)."""


def media_owners(text: str, tagged: list[list[ModelSpan] | None]) -> tuple[Piece, ...]:
    """The institution that owns a news outlet the model names (东华大学 of 东华大学新闻网):
    the organisation an article from that outlet is about.

    >>> media_owners("东华大学新闻网讯 3月5日", [[(0, 7, "ORG")]])
    (Piece(start=0, end=4, text='东华大学'),)
    """
    out = []
    for spans in tagged:
        for a, b, t in spans or ():
            name = text[a:b]
            media = next((m for m in _MEDIA if name.endswith(m)), None)
            if t == "ORG" and media is not None:
                owner = name[: -len(media)]
                if len(owner) > 2 and org_suffix_of(owner) is not None:
                    out.append(Piece(a, a + len(owner), owner))
    return tuple(out)


@cache
def _roles() -> frozenset[str]:
    return load_lexicon("roles")


def _swallowed(text: str, a: int, end: int, b: int) -> bool:
    """Whether the model's ORG ``text[a:b]`` holds a name ``text[a:end]`` and then a title or
    a body (某某新闻 + 记者, 某铁路 + 董事局), not a level alone or a post that has ended (村 +
    党支部, 某村原 + 党委)."""
    after = text[end:b]
    if after in load_lexicon("roles"):
        return True
    return after in load_lexicon("body_prefixes") and end - a >= 2 and text[end - 1] not in "原前"


class ModelOrgs:
    """Callable ``(start, end) -> start of a model ORG ending at end | None`` for one document.

    ``tagged`` holds the model's spans of every sentence when they were computed already
    (:func:`tag_sentences`); otherwise each sentence is tagged on first use.
    """

    def __init__(self, seg: Segmented, tagged: list[list[ModelSpan] | None] | None = None) -> None:
        self.seg = seg
        self._starts = [s.start for s in seg.sentences]
        self._orgs: dict[int, list[tuple[int, int]]] = {}
        self._word_starts: frozenset[int] | None = None
        for i, spans in enumerate(tagged or ()):
            if spans is not None:
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
        short = short_form_ending_at(self.seg.doc.text, start, end)
        if short is not None:
            return short  # a short form the article defined (以下简称“某电”)
        if self._word_starts is None:
            self._word_starts = frozenset(t.start for t in self.seg.tokens)
        short = short_name_ending_at(self.seg.doc.text, self._word_starts, start, end)
        if short is not None:
            return short  # a short name the article also writes in full (某电 … 某电公司)
        text = self.seg.doc.text
        for a, b in self._model_orgs(start):
            a = clean_org(text, a, b).start
            if a >= start and (b == end or (b > end and _swallowed(text, a, end, b))):
                return a  # the model's ORG, which may swallow the title or body after it
        return None
