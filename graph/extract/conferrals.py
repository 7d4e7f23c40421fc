"""Titles conferred by handing over a letter of appointment: ``为A、B两位教授颁发了客座教授
聘书`` gives A and B the title before 聘书 (its organisation, unnamed here, found by linking).

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "院长为林晓峰、陈思远颁发了客座教授聘书。"))
>>> [(c.person.text, c.elements[0].role.text) for c in conferral_chains(seg, {})]
[('林晓峰', '客座教授'), ('陈思远', '客座教授')]
"""

from __future__ import annotations

import re

from graph.extract.listbase import People, name_at
from graph.extract.names import Piece
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement, role_ending_at
from graph.text.segment import token_index
from graph.types import Segmented

_LETTER = re.compile(r"(?:颁发|颁授|授予)了?(?P<role>[\u4e00-\u9fff]{2,8})(?:聘书|证书)")
_SEPARATORS = ("、", "及", "和", "与")
_REST = re.compile(r"(?:[一二两三四五六七八九十\d]{1,3}(?:位|名))?[\u4e00-\u9fff]{0,6}$")
_REACH = 80


def conferral_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """A chain for each name between ``为`` and ``颁发…聘书``."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for m in _LETTER.finditer(text):
        role_start = role_ending_at(text, m.end("role"), start_limit=m.start("role"))
        if role_start is None:
            continue
        role = Piece(role_start, m.end("role"), text[role_start : m.end("role")])
        lead = text.rfind("为", max(0, m.start() - _REACH), m.start())
        if lead < 0:
            continue
        names: list[Piece] = []
        pos = lead + 1
        while (name := name_at(seg, starts, people, pos)) is not None:
            names.append(name)
            pos = name.end
            sep = next((s for s in _SEPARATORS if text.startswith(s, pos)), None)
            if sep is None:
                break
            pos += len(sep)
        if not names or not _REST.fullmatch(text[pos : m.start()]):
            continue
        for name in names:
            span = Piece(name.start, m.end(), text[name.start : m.end()])
            element = ChainElement(None, None, role)
            out.append(TitleChain((element,), name, span, False, "rules.conferral"))
    return out
