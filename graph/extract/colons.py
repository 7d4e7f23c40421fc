"""Titles before a colon and the names after it: ``主席：A``, ``副主席：A、B、C``,
``X协会秘书长：D``, each name a chain of its own (its organisation, when the title names
none, is found by linking: the title stated before, or the document's subject).

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "名单如下。\\n副主席：林晓峰、陈思远\\n秘书长：赵一鸣"))
>>> [(c.person.text, c.elements[0].role.text) for c in colon_chains(seg, {})]
[('林晓峰', '副主席'), ('陈思远', '副主席'), ('赵一鸣', '秘书长')]
"""

from __future__ import annotations

import re

from graph.extract.lists import People, name_at
from graph.extract.names import BOUNDARY, Piece
from graph.extract.rules import ChainElement, TitleChain, parse_element
from graph.text.segment import token_index
from graph.types import Segmented

_COLON = re.compile(r"[：:]")
_BETWEEN_NAMES = frozenset("、，, \u3000")
_MAX_TITLES = 30


def _titles(seg: Segmented, starts: dict[int, int], colon: int) -> tuple[ChainElement, ...]:
    """``[ORG]ROLE(、[ORG]ROLE)*`` from the clause start up to the colon (else none)."""
    text = seg.doc.text
    begin = colon
    while begin > 0 and text[begin - 1] not in BOUNDARY and text[begin - 1] != "\n":
        begin -= 1
    while begin < colon and text[begin].isspace():
        begin += 1
    if begin == colon or colon - begin > _MAX_TITLES:
        return ()
    elements: list[ChainElement] = []
    cursor = begin
    for part_end in [i for i in range(begin, colon) if text[i] == "、"] + [colon]:
        element = parse_element(seg, starts, cursor, part_end)
        if element is None:
            return ()
        elements.append(element)
        cursor = part_end + 1
    return tuple(elements)


def colon_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """A chain for each name listed after ``TITLE：``."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for m in _COLON.finditer(text):
        elements = _titles(seg, starts, m.start())
        if not elements:
            continue
        first = elements[0]
        begin = (first.org or first.body or first.role).start
        pos = m.end()
        while pos < len(text):
            while pos < len(text) and text[pos] in " \u3000":
                pos += 1
            name = name_at(seg, starts, people, pos)
            if name is None:
                break
            span = Piece(begin, name.end, text[begin : name.end])
            out.append(TitleChain(elements, name, span, False, "rules.colon-list"))
            pos = name.end
            if pos >= len(text) or text[pos] not in _BETWEEN_NAMES:
                break
            pos += 1
    return out
