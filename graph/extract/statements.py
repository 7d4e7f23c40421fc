"""Attributed statements: speaker + reporting verb + quoted or reported text.

Speakers are people named in the document (or a name right before the verb); 她/他 is the last
person named before it.  A quote right after the verb (quotes may span line breaks) is direct
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


def _speaker(text: str, names: _Names, verb_start: int) -> tuple[int, str, bool] | None:
    """(start, name, via pronoun) of the speaker of the verb at ``verb_start``."""
    lower = max(0, verb_start - _MAX_GAP)
    for end in range(verb_start, lower - 1, -1):
        if end < verb_start and text[end] in _SENTENCE_END + "\n":
            break
        if text[end - 1 : end] in _PRONOUNS and end == verb_start:
            i = bisect.bisect_right(names.ends, end - 1)
            return (end - 1, names.ordered[i - 1][2], True) if i else None
        hit = names.by_end.get(end)
        if hit and (end == verb_start or _plain_gap(text[end:verb_start])):
            return hit[0], hit[1], False
    return None


def _plain_gap(gap: str) -> bool:
    """Words between a speaker and the verb (在分组讨论中, 作为企业代表, 根据…，)."""
    return not any(ch in gap for ch in _OPEN + _CLOSE + _SENTENCE_END) and len(gap) <= _MAX_GAP


def _reported(text: str, start: int, sentence_end: int) -> tuple[int, int, bool] | None:
    """Span of the quoted (direct) or reported text that follows a verb ending at ``start``."""
    i = start
    while i < len(text) and text[i] in _AFTER_VERB + " ":
        i += 1
    if i < len(text) and text[i] in _OPEN:
        close = _closing(text, i)
        return (i + 1, close, True) if close else None
    end = sentence_end
    while end > i and text[end - 1] in _SENTENCE_END + '”"':
        end -= 1
    return (i, end, False) if end - i >= 4 else None


def _closing(text: str, open_at: int) -> int | None:
    close = text.find(
        "”" if text[open_at] == "“" else _CLOSE[_OPEN.index(text[open_at])], open_at + 1
    )
    return close if close > open_at + 1 else None


def _preceding_quote(text: str, speaker_start: int) -> tuple[int, int] | None:
    if speaker_start == 0 or text[speaker_start - 1] != "”":
        return None
    open_at = text.rfind("“", 0, speaker_start - 1)
    return (open_at + 1, speaker_start - 1) if open_at >= 0 else None


def find_statements(seg: Segmented, people: dict[str, EntityRef]) -> list[Statement]:
    """Statements of the document whose speaker is one of ``people`` (name -> entity)."""
    text = seg.doc.text
    names = _Names.of(_name_occurrences(text, people))
    token_at = {t.start: t.text for t in seg.tokens}
    ends = [s.end for s in seg.sentences]
    out: list[Statement] = []
    for m in _verb_pattern().finditer(text):
        if not _verb_ok(seg, token_at, m):
            continue
        who = _speaker(text, names, m.start())
        if who is None:
            continue
        speaker_start, name, pronoun = who
        sentence_end = ends[min(bisect.bisect_left(ends, m.end()), len(ends) - 1)]
        span = _reported(text, m.end(), sentence_end)
        penalty = 0.1 if pronoun else 0.0
        if span:
            start, end, direct = span
            out.append(
                Statement(
                    people[name],
                    name,
                    m.group(),
                    text[start:end],
                    start,
                    end,
                    speaker_start,
                    m.end(),
                    direct,
                    (0.9 if direct else 0.8) - penalty,
                )
            )
        before = _preceding_quote(text, speaker_start)
        if before and not pronoun:
            out.append(
                Statement(
                    people[name],
                    name,
                    m.group(),
                    text[before[0] : before[1]],
                    before[0],
                    before[1],
                    speaker_start,
                    m.end(),
                    True,
                    0.8,
                )
            )
    return out


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
