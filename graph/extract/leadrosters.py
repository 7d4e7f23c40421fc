"""Rosters announced by their organisation: ``X第13届理监事会成员包括：理事长A；会长B；副会长C、
D``. Each title is the announced organisation's (its council's term and name left out), each
name after a title holds it.

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "东江同乡会理事会成员包括：理事长林晓峰；副会长陈思远、赵一鸣。"))
>>> [(c.person.text, c.elements[0].org.text, c.elements[0].role.text) for c in lead_rosters(seg, {})]
[('林晓峰', '东江同乡会', '理事长'), ('陈思远', '东江同乡会', '副会长'), ('赵一鸣', '东江同乡会', '副会长')]
"""

from __future__ import annotations

import re

from graph.extract.listbase import People, name_at
from graph.extract.names import BOUNDARY, FORMS_OF_ADDRESS, Piece
from graph.extract.orglead import trim_leading
from graph.extract.orgnames import org_suffix_of
from graph.extract.places import LEVELS, is_place
from graph.extract.rules import TitleChain
from graph.extract.terms import after_present_term
from graph.extract.titles import ChainElement, role_starting_at
from graph.text.segment import token_index
from graph.types import Segmented

_LEAD = re.compile(
    r"(?:第[0-9一二三四五六七八九十]{1,3}届)?"
    r"(?:理监事会|理事会|监事会|董事会|委员会|领导班子|主席团)?"
    r"(?:成员|组成人员|领导成员)(?:名单)?(?:包括|如下|为|是|有)?[：:]"
    r"|的代表(?:包括|为|是|有)[：:]?"  # 某局的代表包括主席A及行政总裁B: its people at a signing
    r"|(?:成员|委员)包括(?=[\u4e00-\u9fff])"  # 某会委员包括会长A、副会长B: its officers
)
_QUALIFIERS = ("当然", "新任", "荣誉")
_OF_THE_TITLE = ("义务",)
"""Words before a title in a roster that are part of it (义务秘书长: an honorary secretary)."""
"""Words before a title in a roster that are not part of the organisation (当然常务副理事长)."""
_BETWEEN_PAIRS = "；;，,、 \u3000及和"


def lead_rosters(seg: Segmented, people: People) -> list[TitleChain]:
    """A chain for each name after a title in a roster its organisation announces."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for m in _LEAD.finditer(text):
        org = org_named_before(seg, starts, m.start())
        if org is None:
            continue
        pos = m.end()
        while pos < len(text):
            role = _title_at(text, pos)
            if role is None:
                break
            element = ChainElement(org, None, role)
            pos = role.end
            while (name := name_at(seg, starts, people, pos)) is not None:
                span = Piece(role.start, name.end, text[role.start : name.end])
                out.append(TitleChain((element,), name, span, False, "rules.roster"))
                pos = name.end + next(
                    (len(h) for h in FORMS_OF_ADDRESS if text.startswith(h, name.end)), 0
                )
                if not text.startswith("、", pos):
                    break
                pos += 1
            while pos < len(text) and text[pos] in _BETWEEN_PAIRS:
                pos += 1
    return out


def org_named_before(seg: Segmented, starts: dict[int, int], end: int) -> Piece | None:
    """The organisation named from the start of the clause to ``end`` (its leading verbs and
    function words left out: 大会公布了 + 某协会), when its name ends like one."""
    text = seg.doc.text
    begin = end
    while begin > 0 and text[begin - 1] not in BOUNDARY and text[begin - 1] != "\n":
        begin -= 1
    begin = after_present_term(text, begin, end)  # 新一届 + 某协会: the association
    begin = trim_leading(seg, starts, begin, end)
    name = text[begin:end]
    if not name or name.strip() != name or org_suffix_of(name) is None:
        return None
    return Piece(begin, end, name)


def _title_at(text: str, pos: int) -> Piece | None:
    """The title written at ``pos`` (after a qualifier such as 当然), else None.

    >>> [_title_at(t, 0).text for t in ("荣誉会长A", "当然常务副理事长A")]
    ['荣誉会长', '常务副理事长']
    """
    kept = next((w for w in _OF_THE_TITLE if text.startswith(w, pos)), "")
    if kept and (end := role_starting_at(text, pos + len(kept))) is not None:
        return Piece(pos, end, text[pos:end])
    if role_starting_at(text, pos) is None:
        for qualifier in _QUALIFIERS:
            if text.startswith(qualifier, pos) and role_starting_at(text, pos + len(qualifier)):
                pos += len(qualifier)
                break
    end = role_starting_at(text, pos)
    return None if end is None else Piece(pos, end, text[pos:end])


_TITLED_LEAD = re.compile(
    r"(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:位|名)(?P<role>[\u4e00-\u9fff]{2,6}?)"
    r"(?:分别是|分别为|依次是|依次为)[：:]"
)


def titled_rosters(seg: Segmented, chains: tuple[TitleChain, ...]) -> list[TitleChain]:
    """``13位新闻发言人分别是：某部副部长A；某局局长B``: each person listed with a chain of
    their own also holds the announced title, in the organisation of their first title.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> text = "2位新闻发言人分别是：东江局副局长林晓峰；东华局局长陈思远。"
    >>> seg = segment(Document.from_text("d.txt", text))
    >>> listed = (TitleChain((ChainElement(Piece(11, 14, "东江局"), None, Piece(14, 17, "副局长")),),
    ...     Piece(17, 20, "林晓峰"), Piece(11, 20, text[11:20]), False),)
    >>> [(c.person.text, c.elements[0].org.text, c.elements[0].role.text)
    ...  for c in titled_rosters(seg, listed)]
    [('林晓峰', '东江局', '新闻发言人')]
    """
    text = seg.doc.text
    out: list[TitleChain] = []
    for m in _TITLED_LEAD.finditer(text):
        if role_starting_at(text, m.start("role")) != m.end("role"):
            continue
        role = Piece(m.start("role"), m.end("role"), m["role"])
        stop = min(
            (i for i in (text.find("。", m.end()), text.find("\n", m.end())) if i >= 0),
            default=len(text),
        )
        for chain in chains:
            first = chain.elements[0]
            if m.end() <= chain.span.start < stop and first.org is not None:
                # 市 + 纪委 + 常委: the place's body; 某部 + 机关党委 + 书记: the department
                body = first.body if first.org.text in LEVELS or is_place(first.org.text) else None
                element = ChainElement(first.org, body, role)
                out.append(TitleChain((element,), chain.person, chain.span, False, "rules.roster"))
    return out
