"""Names written before a title that follows them (某某医院胸外科王某主任医师, 某某大学李某教授):
the people the model missed there, and where such a title is held.
"""

from __future__ import annotations

from graph.extract.names import Piece
from graph.extract.orgnames import department_of, faculty_of, org_suffix_of
from graph.extract.people import looks_like_name
from graph.text.segment import token_index
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
