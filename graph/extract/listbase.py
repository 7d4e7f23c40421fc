"""Names in lists of people, shared by the rules that read several people at once.

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "林晓峰、陈思远同志"))
>>> people = {0: Piece(0, 3, "林晓峰"), 4: Piece(4, 7, "陈思远")}
>>> [p.text for p in name_list(seg, token_index(seg), people, 9) or []]
['林晓峰', '陈思远']
"""

from __future__ import annotations

import bisect
import re

from graph.extract.names import Piece, person_after
from graph.extract.people import looks_like_name
from graph.extract.places import is_place
from graph.extract.rules import TitleChain
from graph.text.segment import word_tags
from graph.types import Segmented

People = dict[int, Piece]
"""Person names by start offset (model spans and rule names)."""

ASIDE = re.compile(r"(?:同志|先生|女士)?(?:[（(][^（）()]{1,8}[）)])?(?:同志|先生|女士)?")


def name_at(seg: Segmented, starts: dict[int, int], people: People, pos: int) -> Piece | None:
    """A person name starting at ``pos``: the model's span, else the rules' name."""
    if pos in people:
        return people[pos]
    if padded := _padded_name(seg.doc.text, pos):
        return padded
    found = person_after(seg, starts, pos)
    if found is None or found[0].start != pos or not looks_like_name(found[0].text):
        return None
    return found[0]


_PADDED_END = frozenset(" \u3000、，,；;。\n）)】")


def _padded_name(text: str, pos: int) -> Piece | None:
    """A two-character name padded to three in a roster (王　刚; the analysis text has an
    ASCII space there): its offsets as written, its text without the space."""
    written = text[pos : pos + 3]
    if (
        len(written) < 3
        or written[1] not in " \u3000"
        or text[pos + 3 : pos + 4] not in _PADDED_END
    ):
        return None
    name = written[0] + written[2]
    if not looks_like_name(name):
        return None
    return Piece(pos, pos + 3, name)


def skip_aside(text: str, pos: int) -> int:
    m = ASIDE.match(text, pos)
    return m.end() if m else pos


def name_list(
    seg: Segmented, starts: dict[int, int], people: People, end: int
) -> list[Piece] | None:
    """Names separated by 、 (the last one also by 和, 及 or 与) that end right before ``end``
    (asides and 同志 allowed); inside a list, a name the model missed is taken when it looks
    like one and a separator or a clause's start is on both sides of it (A、张工、B)."""
    text = seg.doc.text
    by_end = sorted(people.values(), key=lambda p: p.end)
    ends = [p.end for p in by_end]
    names: list[Piece] = []
    cursor = end
    while True:
        i = bisect.bisect_right(ends, cursor) - 1  # the name ending last before the cursor
        p = by_end[i] if i >= 0 and ASIDE.fullmatch(text[by_end[i].end : cursor]) else None
        if p is None and names:
            p = _unlisted_name(text, cursor)
        if p is None:
            break
        names.insert(0, p)
        before = p.start
        while before > 0 and text[before - 1] in " \u3000":
            before -= 1  # 、 郭某: a space after the comma
        if before > 0 and text[before - 1] in ("、" if len(names) > 1 else "、和及与"):
            cursor = before - 1
            continue
        break
    return names or None


_APPOINTING = re.compile(r"(?:聘请|聘任|特聘|任命|选举|补选|增补|推选|推举|邀请)了?")
"""Verbs whose object is a list of people, each with their own titles (聘请A局长某某、B主席
某某为名誉会长)."""
_TITLED_ITEM = 40
"""The longest titles and name of one item of such a list."""


def titled_name_list(text: str, people: People, last: Piece) -> list[Piece] | None:
    """The names of a list ending with ``last`` whose items each give a person's titles
    before the name (聘请市文联党组书记某某、原某区政协主席某某和市车务段工会主席某某为…),
    opened by a verb of appointing; None unless two or more names are listed so.

    >>> text = "还聘请市文联主席林晓峰、市车务段工会主席陈思远为名誉会长"
    >>> people = {8: Piece(8, 11, "林晓峰"), 20: Piece(20, 23, "陈思远")}
    >>> [p.text for p in titled_name_list(text, people, people[20]) or []]
    ['林晓峰', '陈思远']
    """
    by_end = {p.end: p for p in people.values()}
    names = [last]
    while True:
        opened = _item_opening(text, names[0].start, first=len(names) == 1)
        if opened is None:
            return None
        separator, at = opened
        if separator is None:
            return names if len(names) > 1 else None
        previous = by_end.get(at)
        if previous is None:
            return None
        names.insert(0, previous)


def _item_opening(text: str, name_start: int, *, first: bool) -> tuple[str | None, int] | None:
    """What opens the list item holding the name at ``name_start``: ``(separator, offset
    the previous item ends at)``, ``(None, verb's end)`` for the verb opening the list, None
    when neither is within reach."""
    lo = max(0, name_start - _TITLED_ITEM)
    for at in range(name_start - 1, lo - 1, -1):
        ch = text[at]
        if ch == "、" or (first and ch in "和及与" and at > 0 and text[at - 1] != "参"):
            return ch, at
        if ch in "，,。；;：:\n（）()":
            break
        if m := _APPOINTING.match(text, at):
            return None, m.end()
    return None


_LIST_OPENERS = frozenset("、，,。；;：:\n")


def _unlisted_name(text: str, end: int) -> Piece | None:
    """The name between a list's separators ending at ``end``, when it looks like one."""
    start = end
    while start > 0 and end - start < 3 and text[start - 1] not in _LIST_OPENERS:
        start -= 1
    name = text[start:end]
    if (start == 0 or text[start - 1] in _LIST_OPENERS) and (
        looks_like_name(name) or _unknown_three(name)
    ):
        return Piece(start, end, name)
    return None


def _unknown_three(name: str) -> bool:
    """Three Chinese characters no dictionary knows as a word, a title or a place: in a list
    of names, a name with a rare family name (巨某某; 代 + 明道, a given name the dictionary
    reads as a verb or an adjective, not as a noun like 政协)."""
    tags = word_tags()
    return (
        len(name) == 3
        and all("\u4e00" <= ch <= "\u9fff" for ch in name)
        and name not in tags
        and tags.get(name[1:], "v") in _GIVEN_LIKE_TAGS
        and not is_place(name)
    )


_GIVEN_LIKE_TAGS = frozenset({"v", "a", "d"})


def unique_chains(chains: list[TitleChain]) -> list[TitleChain]:
    seen: set[tuple[int, int, tuple[tuple[int, int], ...]]] = set()
    out = []
    for c in chains:
        key = (c.person.start, c.person.end, tuple((e.role.start, e.role.end) for e in c.elements))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
