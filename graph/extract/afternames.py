"""Names written before a title that follows them (某某医院胸外科王某主任医师, 某某大学李某教授):
the people the model missed there (:func:`names_between_org_and_title`), the title read after a
name (:func:`role_after_name`) and where such a title is held.
"""

from __future__ import annotations

import re
from functools import cache

from graph.extract.listbase import People
from graph.extract.names import Piece, is_surname_start
from graph.extract.orgforms import federation_short_name
from graph.extract.orgnames import department_of, faculty_of, org_suffix_of, org_suffixes
from graph.extract.people import looks_like_name
from graph.extract.titles import role_ending_at, role_starting_at
from graph.text.segment import token_index, word_tags
from graph.types import Segmented

AFTER_NAME_ROLES = ("主任医师", "副主任医师", "副教授", "教授", "副研究员", "研究员")
"""Titles written after the name (某某医院王某教授); 院士 is an honour, not a post."""
_AFTER_NAME_SEATS = ("大学", "学院", "院", "中心", "所", "科", "室", "校")
"""Endings of organisations (and of the seats of a title before the name) that hold them."""


def after_name_seat(org: str | None, seats: tuple[str, ...]) -> bool:
    """Whether a title after the name (教授) is at the organisation ``org`` of the title before
    it, or, when that title names none, at the seat of that title (``seats``, its endings).

    >>> after_name_seat("东华医院", ()), after_name_seat(None, ("院",)), after_name_seat("某某公司", ())
    (True, True, False)
    """
    if org is not None:
        return "".join(org.split()).endswith(_AFTER_NAME_SEATS)
    return any(s.endswith(_AFTER_NAME_SEATS) for s in seats)


_UNIT_ENDINGS = ("系", "院", "所", "科", "室", "处", "部", "中心")
"""Endings of a university's or an institute's units (金融系, 商学院): such a word between an
organisation and a title is a unit, never a name (某某大学金融系教授)."""


def _unit_word(name: str) -> bool:
    """Whether a would-be name is a unit of the organisation before it.

    >>> _unit_word("金融系"), _unit_word("商学院"), _unit_word("林晓峰")
    (True, True, False)
    """
    return len(name) >= 3 and name.endswith(_UNIT_ENDINGS)


def after_name_people(seg: Segmented, people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """``people`` and the names the model missed between an organisation or a department and
    a title after the name (某某医院胸外科王某主任医师, 某某大学李某教授)."""
    text = seg.doc.text
    starts = token_index(seg)
    found = {p.start: p for p in people}
    for role in AFTER_NAME_ROLES:
        at = text.find(role)
        while at >= 0:
            for k in (3, 2):
                a = at - k
                name = text[a:at]
                before = "".join(text[max(0, a - 12) : a].split())
                if (
                    a in starts
                    and a not in found
                    and looks_like_name(name)
                    and not _unit_word(name)
                    and not looks_like_name(text[at + len(role) : at + len(role) + 3])
                    and before
                    and (
                        org_suffix_of(before) is not None
                        or department_of(before) is not None
                        or faculty_of(before) is not None
                    )
                ):
                    found[a] = Piece(a, at, name)
                    break
            at = text.find(role, at + len(role))
    return tuple(sorted(found.values(), key=lambda p: p.start))


def role_after_name(text: str, start: int) -> str | None:
    """The longest role title written at ``start`` and ending a word there."""
    end = role_starting_at(text, start)
    body = next((b for b in _OWN_BODIES if text.startswith(b, start)), "")
    if end is None and body:
        end = role_starting_at(text, start + len(body))  # A党委书记, A党组副书记
    if end is not None and text[end - 1] == "长" and text.startswith("助理", end):
        end += 2  # 局长助理: the head's assistant
    if end is None or _TITLE_GOES_ON.match(text, end):
        return None
    return text[start:end]


_OWN_BODIES = ("党委", "党组", "党工委", "党总支", "纪委", "团委")
"""Bodies written with the title after a name (某大学A党委书记): the organisation's own."""
_TITLE_GOES_ON = re.compile(r"[助级人员台团]")
"""Characters that make a longer word of a title (院长助理, 处长级, 主持人, 主席台, 主席团)."""


def names_between_org_and_title(seg: Segmented, people: People) -> People:
    """Names the model missed between an organisation and a title (政协A副主席): two or
    three characters from a family name, no word of the dictionary, right after a name that
    ends like an organisation and right before a title.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "市人大张振华副主任出席。"))
    >>> sorted(p.text for p in names_between_org_and_title(seg, {}).values())
    ['张振华']
    """
    text, words = seg.doc.text, token_index(seg)
    tags = word_tags()
    taken = {i for p in people.values() for i in range(p.start, p.end)}
    found: People = {}
    for m in _after_org_ending().finditer(text):
        p = m.start()
        glued = p - 1 in words and seg.tokens[words[p - 1]].end in (p + 2, p + 3)  # 处 + 孟某
        if p in taken or (p not in words and not glued) or not is_surname_start(text[p : p + 2]):
            continue
        window = text[max(0, p - _MAX_OWNER) : p]
        if org_suffix_of(window) is None and not federation_short_name(window[-2:]):
            continue
        for n in (3, 2):
            name = text[p : p + n]
            tag = tags.get(name)
            role = role_after_name(text, p + n)
            if (
                role is not None
                and p + n in words  # 部门主要负责人: the segmenter's words are not cut
                and (tag is None or tag.startswith("nr"))
                and looks_like_name(name)
                and org_suffix_of("某" + name) is None  # 宣传部部长: a department
                and not name.endswith(_SHORT_ORG_ENDINGS)  # 某部 + 江委会 + 主任
                # 党委副书记, 部门主要负责人: the title read from its end takes the name in
                and (role_ending_at(text, p + n + len(role)) or 0) >= p + n
            ):
                found[p] = Piece(p, p + n, name)
                break
    return found


_MAX_OWNER = 12
_SHORT_ORG_ENDINGS = ("委会", "协会", "学会", "公司")
"""Endings of organisations' short names (某委会, 某协会), never of a personal name."""


@cache
def _after_org_ending() -> re.Pattern[str]:
    """A Chinese character right after the last character of an organisation ending."""
    last = sorted({s[-1] for s in org_suffixes()} | {"协", "联"})
    return re.compile("(?<=[" + "".join(last) + "])[\u4e00-\u9fff]")
