"""A title held by someone named after 由: ``X新闻发言人由副主任A担任`` (A is X's 新闻发言人 and,
when the chain after 由 names no organisation, X's 副主任 too).

>>> from graph.extract.rules import title_chains
>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "东江市水务局新闻发言人由副局长林晓峰担任。"))
>>> [(c.person.text, [(e.org.text if e.org else None, e.role.text) for e in c.elements])
...  for c in held_by(seg, title_chains(seg))]
[('林晓峰', [('东江市水务局', '新闻发言人'), ('东江市水务局', '副局长')])]
"""

from __future__ import annotations

from graph.extract.names import BOUNDARY, Piece, person_after
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement, parse_element, role_ending_at
from graph.text.segment import token_index
from graph.types import Segmented

_BY = "由"
_TAKES = ("担任", "出任", "兼任", "接任", "擔任")


def held_by(seg: Segmented, chains: tuple[TitleChain, ...]) -> tuple[TitleChain, ...]:
    """``chains`` with the titles ``ORG ROLE 由 [ORG]ROLE NAME 担任``: the chain after 由 gets
    the title before it first (and that organisation where it names none); a chain the title
    rules read across 由 is replaced."""
    text = seg.doc.text
    starts = token_index(seg)
    found = []
    for at in _by_positions(text):
        chain = _held_chain(seg, starts, at)
        if chain is not None:
            found.append(chain)
    if not found:
        return chains
    covered = [(c.span.start, c.person.end) for c in found]
    kept = tuple(
        c for c in chains if not any(a <= c.person.start < b for a, b in covered)
    )  # 新闻发言人由秘书…: 由 read as a family name
    return tuple(sorted(kept + tuple(found), key=lambda c: c.span.start))


def _by_positions(text: str) -> list[int]:
    """Where 由 opens a clause ending with 担任/出任 within a short distance."""
    out = []
    at = text.find(_BY)
    while at >= 0:
        window = text[at + 1 : at + 1 + _MAX_HOLDER]
        if any(t in window for t in _TAKES):
            out.append(at)
        at = text.find(_BY, at + 1)
    return out


_MAX_HOLDER = 30


def _held_chain(seg: Segmented, starts: dict[int, int], by: int) -> TitleChain | None:
    """The chain ``由 [ORG]ROLE NAME 担任`` at ``by`` with the title before 由 first."""
    text = seg.doc.text
    element = _title_before(seg, starts, by)
    if element is None or element.org is None:
        return None
    for k in range(by + 3, min(len(text), by + 1 + _MAX_HOLDER)):
        if role_ending_at(text, k, start_limit=by + 1) is None:
            continue
        person = person_after(seg, starts, k)
        if person is None or not text.startswith(_TAKES, person[0].end):
            continue
        own = parse_element(seg, starts, by + 1, k)
        if own is None:
            return None
        if own.org is None and own.body is None:
            own = ChainElement(element.org, None, own.role, own.former)
        org = element.org
        span = Piece(org.start, person[0].end, text[org.start : person[0].end])
        return TitleChain((element, own), person[0], span, False, "rules.held-by")
    return None


def _title_before(seg: Segmented, starts: dict[int, int], end: int) -> ChainElement | None:
    """``[ORG]ROLE`` from the start of the clause up to ``end``."""
    text = seg.doc.text
    begin = end
    while begin > 0 and text[begin - 1] not in BOUNDARY and text[begin - 1] != "\n":
        begin -= 1
    return parse_element(seg, starts, begin, end) if end - begin > 2 else None
