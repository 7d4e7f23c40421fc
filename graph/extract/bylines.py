"""Posts read around a name rather than before it: titles after the name and bylines.

- **Titles after the name**: ``X医院A教授``, ``X研究所的A研究员``, ``X医院A、B教授``; after a
  titled name (``X医院副院长A教授``) the second title is at the same organisation.
- **Bylines**: ``湖北日报讯（记者A、通讯员B、C）`` and ``中广网贵阳6月21日消息（记者A B）`` are
  posts of the paper or agency named before 讯/消息/电.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.listbase import People, name_at, name_list, unique_chains
from graph.extract.names import BOUNDARY, Piece
from graph.extract.orgnames import (
    department_of,
    faculty_of,
    hospital_department,
    org_suffix_of,
    trim_leading,
)
from graph.extract.people import AFTER_NAME_ROLES, after_name_seat, looks_like_name
from graph.extract.rules import TitleChain
from graph.extract.subject import seats_of
from graph.extract.titles import ChainElement, parse_element, role_starting_at
from graph.text.segment import token_index
from graph.types import Segmented

_BYLINE_ROLES = ("特约记者", "首席记者", "记者", "通讯员", "实习生", "编辑", "摄影")
_DISPATCH_CUE = re.compile(r"(?:讯|消息|电)\s*[（(【]")
_DISPATCH = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{0,10}?(?:日报|晚报|晨报|时报|商报|新闻网|网|报|社|台))"
    r"[\u4e00-\u9fff]{0,6}(?:\d{1,2}月\d{1,2}日)?(?:讯|消息|电)\s*[（(【]"
)


def _after_titled(text: str, start: int, end: int) -> int:
    """Where an organisation before a name starts after another titled name (某某教授及我院…)."""
    for role in AFTER_NAME_ROLES:
        at = text.rfind(role, start, end)
        if at >= 0 and text[at + len(role) : at + len(role) + 1] in ("及", "和", "与"):
            start = at + len(role) + 1
    return start


def _role_after(text: str, start: int) -> str | None:
    """The longest role title written at ``start`` and ending a word there."""
    end = role_starting_at(text, start)
    if end is None or _TITLE_GOES_ON.match(text, end):
        return None
    return text[start:end]


_TITLE_GOES_ON = re.compile(r"[助级人员]")
"""Characters that make a longer word of a title (院长助理, 处长级, 主持人)."""


def after_name_title_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """``X医院A教授`` and ``X医院A、B教授``: the organisation, names, then the title."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for p in sorted(people.values(), key=lambda p: p.start):
        role = next((r for r in AFTER_NAME_ROLES if text.startswith(r, p.end)), None)
        if role is None and text[p.start - 1 : p.start] == "的":
            role = _role_after(text, p.end)  # X大学的A校长: any title after an owned name
        if role is None:
            continue
        names = name_list(seg, starts, people, p.end) or [p]
        first = names[0].start
        org_end = first - 1 if text[first - 1 : first] == "的" else first
        org_start = org_end
        while org_start > 0 and text[org_start - 1] not in BOUNDARY | {"\n", "、"}:
            org_start -= 1
        if org_start == org_end:
            continue
        role_piece = Piece(p.end, p.end + len(role), role)
        element = parse_element(seg, starts, org_start, org_end)
        if element is not None:  # ORG ROLE NAME ROLE: the second title at the same place
            after = ChainElement(None, None, role_piece)
            span = Piece(org_start, role_piece.end, text[org_start : role_piece.end])
            seat = element.org.text if element.org else None
            if names != [p] or (seat is not None and not after_name_seat(seat, ())):
                continue
            if after_name_seat(seat, seats_of(element.role.text)):
                out.append(TitleChain((element, after), p, span, False, "rules.title-after-name"))
            else:  # 组长A研究员: 研究员 at the document's institute, on its own
                out.append(TitleChain((after,), p, span, False, "rules.title-after-name"))
            continue
        org_start = trim_leading(seg, starts, _after_titled(text, org_start, org_end), org_end)
        name_text = "".join(text[org_start:org_end].split())
        if (
            org_suffix_of(name_text) is None
            and department_of(name_text) is None
            and faculty_of(name_text) is None
            and not hospital_department(name_text, text)
        ):
            continue  # an organisation, or a department of one (某某医院胸外科, 我院胸外科, 胸外科)
        org = Piece(org_start, org_end, text[org_start:org_end])
        for name in names:
            span = Piece(org_start, p.end + len(role), text[org_start : p.end + len(role)])
            chain = TitleChain((ChainElement(org, None, role_piece),), name, span, False)
            out.append(replace(chain, rule="rules.title-after-name"))
    return unique_chains(out)


def byline_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """Reporters and correspondents in the parenthesis after ``PAPER讯`` / ``PAPER…消息``."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for cue in _DISPATCH_CUE.finditer(text):
        line_start = text.rfind("\n", 0, cue.start()) + 1
        while line_start < cue.start() and text[line_start].isspace():
            line_start += 1
        m = _DISPATCH.match(text, line_start, cue.end())
        if m is None or m.end() != cue.end():
            continue  # the dispatch opens its line
        org = Piece(m.start("org"), m.end("org"), m.group("org"))
        pos, role = m.end(), None
        close = min((i for i in (text.find(c, pos) for c in "）)】") if i >= 0), default=-1)
        while 0 <= pos < close:
            while pos < close and text[pos] in " \u3000、，,":
                pos += 1
            found = next((r for r in _BYLINE_ROLES if text.startswith(r, pos)), None)
            if found:
                role = Piece(pos, pos + len(found), found)
                pos = role.end
                while pos < close and text[pos] in " \u3000":
                    pos += 1
            name = name_at(seg, starts, people, pos) or _delimited_name(text, pos, close)
            if name is None or role is None or name.end > close:
                break
            span = Piece(org.start, name.end, text[org.start : name.end])
            chain = TitleChain((ChainElement(org, None, role),), name, span, False, "rules.byline")
            out.append(chain)
            pos = name.end
    return out


_DELIMITED = re.compile(r"[\u4e00-\u9fff]{2,4}(?=[ \u3000、，,）)】])")


def _delimited_name(text: str, pos: int, close: int) -> Piece | None:
    """A name a byline sets off by spaces or separators (（记者 某某某 通讯员 …）)."""
    m = _DELIMITED.match(text, pos, close + 1)
    if m is None or not looks_like_name(m.group()):
        return None
    return Piece(m.start(), m.end(), m.group())
