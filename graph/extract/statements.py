"""Attributed statements: speaker + reporting verb + quoted or reported text.

Speakers are people named in the document (or a name right before the verb); a 她 or 他 that
is the verb's subject is the one person named in the nearest stretch of its paragraph before it
that names anyone (none when that stretch names two people).  A quote right after the verb (quotes may span line breaks) is direct
speech; otherwise the rest of the sentence is reported speech.  A quote that closes right before
the speaker's name (“…”某某说) is attributed too.

>>> from graph.text.segment import segment
>>> from graph.types import Document, EntityRef
>>> seg = segment(Document.from_text("d.txt", "王建民表示，“要做好春耕工作。”她说，明年继续。"))
>>> found = find_statements(seg, {"王建民": EntityRef("person", "王建民|")})
>>> [(s.speaker.key, s.verb, s.text, s.direct) for s in found]
[('王建民|', '表示', '要做好春耕工作。', True), ('王建民|', '说', '明年继续', False)]
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache

from graph.extract.names import NAME_DOTS, is_surname_start
from graph.resources import resource_text
from graph.text.segment import word_tags
from graph.types import EntityRef, Segmented

_PRONOUNS = ("她", "他")
_OPEN, _CLOSE = '“「『"', '”」』"'
_AFTER_VERB = "，,：:"
_NOT_AFTER = ("的", "了", "过", "着", "起", "出", "明", "服", "话")
_SENTENCE_END = "。！？!?"
_MAX_GAP = 40


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: EntityRef
    speaker_name: str
    verb: str
    text: str
    text_start: int
    text_end: int
    cue_start: int
    cue_end: int
    direct: bool
    confidence: float


@cache
def reporting_verbs() -> dict[str, bool]:
    """Verb -> whether it may take its clause without punctuation (建议市总工会…)."""
    out = {}
    for line in resource_text("reporting_verbs.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            verb, _, kind = line.partition("\t")
            out[verb.strip()] = kind.strip() == "clause"
    return out


@cache
def _verb_pattern() -> re.Pattern[str]:
    verbs = sorted(reporting_verbs(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, verbs)))


def _name_occurrences(text: str, people: dict[str, EntityRef]) -> list[tuple[int, int, str]]:
    out = []
    for name in people:
        start = 0
        while (i := text.find(name, start)) >= 0:
            out.append((i, i + len(name), name))
            start = i + 1
    return sorted(out)


def _verb_ok(seg: Segmented, token_at: dict[int, str], m: re.Match[str]) -> bool:
    text, verb = seg.doc.text, m.group()
    if token_at.get(m.start()) != verb:
        return False
    nxt = text[m.end() : m.end() + 1]
    if not nxt or nxt.startswith(_NOT_AFTER):
        return False
    return (
        nxt in _AFTER_VERB
        or nxt in _OPEN
        or (reporting_verbs()[verb] and "\u4e00" <= nxt <= "\u9fff")
    )


@dataclass(frozen=True, slots=True)
class _Names:
    """Occurrences of the known people's names, indexed for the speaker search."""

    by_end: dict[int, tuple[int, str]]
    ends: list[int]
    ordered: list[tuple[int, int, str]]

    @staticmethod
    def of(occurrences: list[tuple[int, int, str]]) -> _Names:
        by_end: dict[int, tuple[int, str]] = {}
        for start, end, name in occurrences:
            if end not in by_end or end - start > end - by_end[end][0]:
                by_end[end] = (start, name)
        ordered = sorted(occurrences, key=lambda n: n[1])
        return _Names(by_end, [n[1] for n in ordered], ordered)


def _speaker(
    text: str, names: _Names, verb_start: int, people: dict[str, EntityRef]
) -> tuple[int, str, bool] | None:
    """(start, name, via pronoun) of the speaker of the verb at ``verb_start``."""
    lower = max(0, verb_start - _MAX_GAP)
    for end in range(verb_start, lower - 1, -1):
        if end < verb_start and text[end] in _SENTENCE_END + "\n":
            break
        if text[end - 1 : end] in _PRONOUNS and _subject(text, end - 1, verb_start):
            found = _antecedent(text, names, end - 1, people)
            return (end - 1, found, True) if found else None
        hit = names.by_end.get(end)
        if hit and (end == verb_start or _plain_gap(text[end:verb_start])):
            return hit[0], hit[1], False
    return None


_NOT_SUBJECT = frozenset("对向给为和与跟同让请使被把叫令将其")
_PRONOUN_GAP = 10


def _subject(text: str, at: int, verb_start: int) -> bool:
    """A 他 or 她 at ``at`` that is the subject of the verb: right before it, or before a short
    adverbial (他在讲话中强调), and no object of a preposition (对他表示感谢)."""
    if at and text[at - 1] in _NOT_SUBJECT:
        return False
    gap = text[at + 1 : verb_start]
    if gap.startswith(("们", "們", "人")):  # 他们, 他人: not one person
        return False
    return not gap or (len(gap) <= _PRONOUN_GAP and _plain_gap(gap) and "，" not in gap)


def _antecedent(text: str, names: _Names, at: int, people: dict[str, EntityRef]) -> str | None:
    """The person a pronoun at ``at`` stands for: the one person named in the nearest stretch
    before it, in its own paragraph, that names anyone (its sentence, else the sentence before,
    and so on); ``None`` when that stretch names two people or the paragraph none."""
    paragraph = text.rfind("\n", 0, at) + 1
    end = at
    while end > paragraph:
        start = end - 1
        while start > paragraph and text[start - 1] not in _SENTENCE_END:
            start -= 1
        inside = [n for n in names.ordered if start <= n[0] and n[1] <= end]
        outer = [
            n for n in inside if not any(o != n and o[0] <= n[0] and n[1] <= o[1] for o in inside)
        ]
        refs = {people[n[2]] for n in outer}
        if len(refs) == 1:
            return outer[-1][2]
        if refs:
            return None
        end = start
    return None


def _plain_gap(gap: str) -> bool:
    """Words between a speaker and the verb (在分组讨论中, 作为企业代表, 根据…，)."""
    return not any(ch in gap for ch in _OPEN + _CLOSE + _SENTENCE_END) and len(gap) <= _MAX_GAP


def _reported(text: str, start: int, sentence_end: int) -> tuple[int, int, bool] | None:
    """Span of the quoted (direct) or reported text that follows a verb ending at ``start``; of
    a quote that is never closed, its first sentence as reported text."""
    i = start
    while i < len(text) and text[i] in _AFTER_VERB + " ":
        i += 1
    if i < len(text) and text[i] in _OPEN:
        close = _closing(text, i)
        if close:
            return i + 1, close, True
        i += 1  # a quote mark is missing: its first sentence, as reported speech
    end = sentence_end
    while end > i and text[end - 1] in _SENTENCE_END + '”"':
        end -= 1
    return (i, end, False) if end - i >= 4 else None


_QUOTE_REACH = 2000


def _closing(text: str, open_at: int) -> int | None:
    """Where the quote opening at ``open_at`` closes: quotes inside it are matched (“…“某某”…”),
    a paragraph that opens with a quote mark continues it (“…。\n“…。”), a line broken inside a
    sentence does not end it, and a paragraph that ends a sentence with the quote still open
    leaves it unclosed (``None``: a quote mark is missing)."""
    opening = text[open_at]
    if opening != "“":
        close = text.find(_CLOSE[_OPEN.index(opening)], open_at + 1)
        return close if close > open_at + 1 else None
    depth = 1
    for i in range(open_at + 1, min(len(text), open_at + _QUOTE_REACH)):
        ch = text[i]
        if ch == "“" and not (depth == 1 and text[i - 1] == "\n"):
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth == 0:
                return i if i > open_at + 1 else None
        elif ch == "\n" and _paragraph_end(text, i) and text[i + 1 : i + 2] != "“":
            return None
    return None


def _paragraph_end(text: str, at: int) -> bool:
    """A line break at ``at`` after a finished sentence (not a hard wrap inside one); the
    blank lines after it belong to it."""
    before = text[:at].rstrip()
    if not before or before[-1] not in _SENTENCE_END + "”":
        return False
    after = text[at:].lstrip("\n \u3000")
    return not after.startswith("“")


_TITLE_GAP = 20
_QUOTE_ENDS = "。！？!?，,…"


def _preceding_quote(text: str, speaker_start: int, opens: bool) -> tuple[int, int] | None:
    """The quote a speaker closes (“……”某某说): right before the name, or before a title
    (“……。”市长某某说。) when the quotation ends a sentence or a clause and the verb, right
    after the name, ends the clause (not ``opens`` one: “……。”市长某某根据…建议…)."""
    close = speaker_start - 1
    while close >= 0 and speaker_start - close <= _TITLE_GAP and text[close] != "”":
        if not "\u4e00" <= text[close] <= "\u9fff":
            return None
        close -= 1
    if close < 0 or text[close] != "”":
        return None
    if close < speaker_start - 1 and (opens or text[close - 1 : close] not in tuple(_QUOTE_ENDS)):
        return None
    open_at = _opening(text, close)
    return (open_at + 1, close) if open_at is not None and close > open_at + 1 else None


def _opening(text: str, close: int) -> int | None:
    """Where the quote closing at ``close`` opens (the mirror of :func:`_closing`)."""
    depth = 1
    for i in range(close - 1, max(-1, close - _QUOTE_REACH), -1):
        ch = text[i]
        if ch == "”":
            depth += 1
        elif ch == "“":
            depth -= 1
            if depth == 0:
                return _continued(text, i)
        elif ch == "\n" and _paragraph_end(text, i):
            return None
    return None


def _continued(text: str, open_at: int) -> int:
    """The opening of a quote that runs over paragraphs (each opens with “, only the last
    closes): where the first paragraph's still-open quote opens."""
    while open_at > 0 and text[open_at - 1] == "\n":
        line_end = len(text[:open_at].rstrip("\n \u3000"))
        line_start = text.rfind("\n", 0, line_end) + 1
        unmatched = _unmatched_open(text, line_start, line_end)
        if unmatched is None:
            break
        open_at = unmatched
    return open_at


def _unmatched_open(text: str, start: int, end: int) -> int | None:
    """The last “ in ``text[start:end]`` that no ” after it closes."""
    depth = 0
    for i in range(end - 1, start - 1, -1):
        if text[i] == "”":
            depth += 1
        elif text[i] == "“":
            if depth == 0:
                return i
            depth -= 1
    return None


_AFTER_ATTRIBUTION = "。，,；;！!？?"


def find_statements(seg: Segmented, people: dict[str, EntityRef]) -> list[Statement]:
    """Statements of the document whose speaker is one of ``people`` (name -> entity)."""
    text = seg.doc.text
    names = _Names.of(_name_occurrences(text, people))
    token_at = {t.start: t.text for t in seg.tokens}
    ends = [s.end for s in seg.sentences]
    out: list[Statement] = []
    quoted: set[tuple[int, int]] = set()  # a quote is attributed once
    for m in _verb_pattern().finditer(text):
        ok = _verb_ok(seg, token_at, m)
        if not ok and not _closing_attribution(seg, token_at, m):
            continue
        who = _speaker(text, names, m.start(), people)
        if who is None:
            continue
        speaker_start, name, pronoun = who
        sentence_end = ends[min(bisect.bisect_left(ends, m.end()), len(ends) - 1)]
        span = _reported(text, m.end(), sentence_end) if ok else None
        cue = (speaker_start, m.end())
        if span:
            start, end, direct = span
            score = (0.9 if direct else 0.8) - (0.1 if pronoun else 0.0)
            out.append(Statement(people[name], name, m.group(), text[start:end], start, end,
                                 *cue, direct, score))  # fmt: skip
            quoted.add((start, end))
        before = _preceding_quote(text, speaker_start, ok)
        if before and not pronoun and before not in quoted:
            start, end = before
            out.append(Statement(people[name], name, m.group(), text[start:end], start, end,
                                 *cue, True, 0.8))  # fmt: skip
    return out


def _closing_attribution(seg: Segmented, token_at: dict[int, str], m: re.Match[str]) -> bool:
    """A verb that ends its clause (“……”某某说。), which only a quote before it can complete."""
    return token_at.get(m.start()) == m.group() and seg.doc.text[m.end() : m.end() + 1] in tuple(
        _AFTER_ATTRIBUTION
    )


def speaker_candidates(seg: Segmented, known: set[str]) -> set[str]:
    """Names right before a reporting verb that jieba keeps as one unknown word (张某某说)."""
    tags = word_tags()
    verbs = reporting_verbs()
    out = set()
    toks = seg.tokens
    for prev, tok in itertools.pairwise(toks):
        if (
            tok.text in verbs
            and prev.text not in known
            and 2 <= len(prev.text) <= 3
            and is_surname_start(prev.text)
            and prev.text not in tags
            and not (prev.start and seg.doc.text[prev.start - 1] in NAME_DOTS)  # 约翰·史某说
        ):
            out.add(prev.text)
    return out
