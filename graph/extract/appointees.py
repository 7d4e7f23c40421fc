"""Appointees listed one per line under the notice that appoints them, as government press
releases print them (行政长官已委任以下人士……为某某委员会委员，任期两年：), each name with its
honorific, its honours' letters and, in brackets, a further title (（副主席）).

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> text = "政府宣布已委任以下人士为东华委员会委员：\\n林晓峰博士， JP（副主席）\\n陈思远女士\\n"
>>> [(c.person.text, [e.role.text for e in c.elements]) for c in appointee_lines(segment(Document.from_text("d.txt", text)), {})]
[('林晓峰', ['委员', '副主席']), ('陈思远', ['委员'])]
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.changes import titles_filling
from graph.extract.listbase import People
from graph.extract.names import FORMS_OF_ADDRESS, Piece
from graph.extract.people import looks_like_name
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement, role_starting_at
from graph.text.segment import token_index
from graph.types import Segmented

_NOTICE = re.compile(
    r"(?:委任|任命|聘任|委派|聘请|委聘|重新委任)了?以下(?:人士|人员|成员|各人|人)?"
    r"[^。：:\n]*?[为為](?P<post>[^，,。：:\n]{3,30}?)(?:[，,][^。：:\n]{0,20})?[：:][ \t\u3000]*\n"
)
_HONORIFICS = (*FORMS_OF_ADDRESS, "太平绅士", "议员", "法官", "律师", "工程师")
_LINE = re.compile(
    r"[ \t\u3000]*(?P<name>[\u4e00-\u9fff]{2,4}?)(?P<honorific>" + "|".join(_HONORIFICS) + ")?"
    r"(?:[，,]\s*[A-Z][A-Za-z()（）]*)*\s*(?:[（(](?P<role>[^（）()\n]{2,10})[）)])?[ \t\u3000]*$"
)
_MAX_LINES = 60


def appointee_lines(seg: Segmented, people: People) -> list[TitleChain]:
    """A chain for each person listed on the lines after an appointing notice: the notice's
    post, and the title in brackets after the name at the same organisation."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for notice in _NOTICE.finditer(text):
        elements = titles_filling(seg, starts, notice.start("post"), notice.end("post"))
        if not elements or elements[-1].org is None:
            continue
        pos = notice.end()
        for _ in range(_MAX_LINES):
            eol = text.find("\n", pos)
            eol = len(text) if eol < 0 else eol
            line = text[pos:eol]
            if not line.strip() or "。" in line or len(line) > 40:
                break
            if (m := _LINE.fullmatch(line)) and (
                chain := _appointee(seg, people, pos, m, elements)
            ):
                out.append(chain)
            pos = eol + 1
    return out


def _appointee(
    seg: Segmented,
    people: People,
    line_start: int,
    m: re.Match[str],
    elements: tuple[ChainElement, ...],
) -> TitleChain | None:
    """The chain of the person a listed line names, None when it names a title, not a person
    (政务司司长（主席）)."""
    text = seg.doc.text
    a, b = line_start + m.start("name"), line_start + m.end("name")
    name = people.get(a) or Piece(a, b, text[a:b])
    if name.end != b or not (m["honorific"] or a in people) or not looks_like_name(name.text):
        return None
    if m["role"]:
        r = line_start + m.start("role")
        if role_starting_at(text, r) == line_start + m.end("role"):
            role = Piece(r, line_start + m.end("role"), m["role"])
            elements = (*elements, replace(elements[-1], role=role, body=None))
    span = Piece(a, line_start + m.end(), text[a : line_start + m.end()])
    return TitleChain(elements, name, span, False, "rules.appointee-lines")
