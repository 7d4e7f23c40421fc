"""Appointment clauses beyond ``A为X副市长``: a further title for the same people
(``任命A为X副主任，并决定为代理主任``) and delegates of a congress (``补选A为X人民代表大会代表``).

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "东江市人民代表大会代表"))
>>> e = delegate_element(seg, 0, 11)
>>> e.org.text, e.role.text
('东江市人民代表大会', '代表')
"""

from __future__ import annotations

import re

from graph.extract.names import BOUNDARY, Piece
from graph.extract.rules import ChainElement
from graph.types import Segmented

_FURTHER = re.compile(r"[，,]\s*(?:并|同时)(?:决定|同意)?(?:任命)?(?:为|任)")
_CONGRESS = ("代表大会",)
_DELEGATE = "代表"


def delegate_element(seg: Segmented, start: int, end: int) -> ChainElement | None:
    """``X代表大会代表``: a delegate (代表) of the congress X代表大会."""
    text = seg.doc.text
    org_end = end - len(_DELEGATE)
    if not text.startswith(_DELEGATE, org_end) or not text[:org_end].endswith(_CONGRESS):
        return None
    if org_end - start <= len(_CONGRESS[0]):
        return None
    org = Piece(start, org_end, text[start:org_end])
    return ChainElement(org, None, Piece(org_end, end, _DELEGATE))


def further_post(text: str, end: int) -> tuple[int, int] | None:
    """Where the further title of ``，并决定为…`` right after ``end`` starts and ends."""
    m = _FURTHER.match(text, end)
    if m is None:
        return None
    stop = m.end()
    while stop < len(text) and text[stop] not in BOUNDARY | {"\n", "的"}:
        stop += 1
    return (m.end(), stop) if stop > m.end() else None


def with_organisation(
    elements: tuple[ChainElement, ...], before: tuple[ChainElement, ...]
) -> tuple[ChainElement, ...]:
    """A further title without an organisation is at the organisation of the title before."""
    org = next((e.org for e in reversed(before) if e.org), None)
    if not elements or elements[0].org is not None or org is None:
        return elements
    first = elements[0]
    return (ChainElement(org, first.body, first.role, first.former), *elements[1:])
