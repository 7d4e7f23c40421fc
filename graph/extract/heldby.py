"""A title held by someone named after 由: ``X新闻发言人由副主任A担任`` (A is X's 新闻发言人 and,
when the chain after 由 names no organisation, X's 副主任 too; 代理 gives the title to hold
for the time being), and the next item of such a list, naming only its organisation
(``甲会总干事由秘书A代理、乙会由秘书B代理``: B is 乙会's 总干事 and its 秘书).

>>> from graph.extract.rules import title_chains
>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "东江市水务局新闻发言人由副局长林晓峰担任。"))
>>> def read(text):
...     seg = segment(Document.from_text("d.txt", text))
...     return [(c.person.text, [(e.org.text if e.org else None, e.role.text) for e in c.elements])
...             for c in held_by(seg, title_chains(seg))]
>>> read("东江市水务局新闻发言人由副局长林晓峰担任。")
[('林晓峰', [('东江市水务局', '新闻发言人'), ('东江市水务局', '副局长')])]
>>> read("东江农会总干事由秘书林晓峰代理、西山农会由秘书陈思远代理。")[1]
('陈思远', [('西山农会', '总干事'), ('西山农会', '秘书')])
"""

from __future__ import annotations

from graph.extract.names import BOUNDARY, Piece, person_after
from graph.extract.orgnames import org_suffix_of
from graph.extract.places import government_title
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement, parse_element, role_ending_at
from graph.text.segment import token_index
from graph.types import Segmented

_BY = "由"
_TAKES = ("担任", "出任", "兼任", "接任", "擔任", "代理", "代任", "署理", "暂代")


def held_by(seg: Segmented, chains: tuple[TitleChain, ...]) -> tuple[TitleChain, ...]:
    """``chains`` with the titles ``ORG ROLE 由 [ORG]ROLE NAME 担任``: the chain after 由 gets
    the title before it first (and that organisation where it names none); a chain the title
    rules read across 由 is replaced."""
    text = seg.doc.text
    starts = token_index(seg)
    found: list[TitleChain] = []
    for at in _by_positions(text):
        item = _item_after(text, found[-1], at) if found else None
        listed = (found[-1], item) if item is not None else None
        chain = _held_chain(seg, starts, at, listed)
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


def _item_after(text: str, chain: TitleChain, by: int) -> int | None:
    """Where the clause before 由 at ``by`` starts when it is the next item of the list that
    ``chain`` ends (…A代理、乙会由…: right after that chain's verb and 、 or ，)."""
    verb = chain.person.end
    after = verb + next((len(t) for t in _TAKES if text.startswith(t, verb)), 0)
    if text[after : after + 1] in ("、", "，") and by - after < 16:
        return after + 1
    return None


def _held_chain(
    seg: Segmented,
    starts: dict[int, int],
    by: int,
    listed: tuple[TitleChain, int] | None = None,
) -> TitleChain | None:
    """The chain ``由 [ORG]ROLE NAME 担任`` at ``by`` with the title before 由 first (or, when
    only an organisation stands there in a list, from its item's start, the title of the
    list's chain before: ``listed``)."""
    text = seg.doc.text
    element = _title_before(seg, starts, by) or _org_in_list(text, by, listed)
    if element is None or element.org is None:
        return None
    for k in range(by + 3, min(len(text), by + 1 + _MAX_HOLDER)):
        role = role_ending_at(text, k, start_limit=by + 1)
        if role is None:
            continue
        person = person_after(seg, starts, k)
        if person is None or not text.startswith(_TAKES, person[0].end):
            continue
        own = parse_element(seg, starts, by + 1, k) or _qualified_title(text, by + 1, role, k)
        if own is None:
            return None
        if own.org is None and own.body is None and not government_title(own.role.text):
            own = ChainElement(element.org, None, own.role, own.former)  # 秘书A: the 会's
        org = element.org
        span = Piece(org.start, person[0].end, text[org.start : person[0].end])
        return TitleChain((element, own), person[0], span, False, "rules.held-by")
    return None


def _qualified_title(text: str, start: int, role: int, end: int) -> ChainElement | None:
    """``text[start:end]`` as one title when a qualifier that names no organisation stands
    before the title (由会务主任A代理: 会务主任)."""
    qualifier = text[start:role]
    if len(qualifier) > 3 or not all("\u4e00" <= ch <= "\u9fff" for ch in qualifier):
        return None
    return ChainElement(None, None, Piece(start, end, text[start:end]), False)


def _title_before(seg: Segmented, starts: dict[int, int], end: int) -> ChainElement | None:
    """``[ORG]ROLE`` from the start of the clause up to ``end``."""
    begin = _clause_start(seg.doc.text, end)
    if seg.doc.text.endswith(("一职", "职务"), begin, end):
        end -= 2  # 某局局长一职由副局长A代任
    return parse_element(seg, starts, begin, end) if end - begin > 2 else None


def _clause_start(text: str, end: int) -> int:
    begin = end
    while begin > 0 and text[begin - 1] not in BOUNDARY and text[begin - 1] != "\n":
        begin -= 1
    return begin


def _org_in_list(text: str, by: int, listed: tuple[TitleChain, int] | None) -> ChainElement | None:
    """An organisation alone before 由 in a list whose first item named the title: that
    organisation's element with the list's title (乙会由秘书B代理: 乙会's 总干事)."""
    if listed is None:
        return None
    before, begin = listed
    name = text[begin:by]
    if not 2 < len(name) <= 12 or org_suffix_of(name) is None:
        return None
    title = before.elements[0]
    return ChainElement(Piece(begin, by, name), None, title.role, title.former)
