"""Titles split from the name by a comma: ``X党委书记、副主任，Y副主席NAME`` and
``X党组书记、检察长，二级大检察官NAME``.

The titles before the comma belong to the name after it when they end right at the comma (no
name of their own) and what stands between the comma and the name is either more titles (a title
chain of that name) or a rank (二级大检察官, 一级警监).

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> text = "会上，东江市人民检察院党组书记、检察长，二级大检察官林晓峰讲话。"
>>> seg = segment(Document.from_text("d.txt", text))
>>> name = Piece(26, 29, "林晓峰")
>>> [(c.person.text, [e.role.text for e in c.elements]) for c in comma_chains(seg, (), {26: name})]
[('林晓峰', ['党组书记', '检察长'])]
"""

from __future__ import annotations

import re

from graph.extract.listbase import People
from graph.extract.names import BOUNDARY, Piece
from graph.extract.rules import TitleChain, clause_titles
from graph.text.segment import token_index
from graph.types import Segmented

_RANK = re.compile(
    r"(?:[一二三四五六七八九十]级|首席|高级)?[\u4e00-\u9fff]{0,4}(?:检察官|法官|警监|警督|警司|警员)"
)
_MAX_GAP = 30
_ELECTING = re.compile("选举|产生了|选出")


def comma_chains(
    seg: Segmented, chains: tuple[TitleChain, ...], people: People
) -> list[TitleChain]:
    """Chains for the titles before a comma that belong to the name after it."""
    text = seg.doc.text
    starts = token_index(seg)
    by_person = {c.person.start: c for c in chains}
    held = {c.span.end for c in chains}  # 选举A为X主席，B…: the title before the comma is A's
    out: list[TitleChain] = []
    for start in sorted(people):
        lo = max(0, start - _MAX_GAP)
        comma = max(text.rfind("，", lo, start), text.rfind(",", lo, start))  # either width
        if comma <= 0 or comma in held:
            continue
        between = text[comma + 1 : start]
        chain = by_person.get(start)
        own = chain is not None and chain.span.start == comma + 1
        if not (own or _RANK.fullmatch(between)):
            continue
        elements = clause_titles(seg, starts, comma, _MAX_GAP * 2)
        if not elements or elements[0].org is None:  # a bare title before a comma is not enough
            continue
        name = people[start]
        begin = comma
        while begin > 0 and text[begin - 1] not in BOUNDARY and text[begin - 1] != "\n":
            begin -= 1
        if _ELECTING.search(text, begin, elements[0].org.start):
            continue  # 会议选举产生了X理事会理事，A当选主席: the council elected, not A's titles
        span = Piece(begin, name.end, text[begin : name.end])
        out.append(TitleChain(elements, name, span, False, "rules.comma-chain"))
    return out
