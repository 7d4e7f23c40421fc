"""Small readings of the parts of a title chain (``graph.extract.rules``): a committee's 常委
glued to the next title, and a unit named by the head of its head's title."""

from __future__ import annotations

import re

from graph.extract.names import Piece
from graph.extract.orgnames import hospital_department, org_suffix_of, org_suffixes
from graph.extract.places import (
    LEVELS,
    deictic_kind,
    government_title,
    is_place,
    listed_region,
    party_title,
)

_MEMBER = "常委"


def glued_member(text: str, begin: int, at: int) -> bool:
    """Whether the 常委 of a party committee (某某市委常委) ends at ``at``, with another title
    written right after it (某某市委常委统战部部长): not 常委会, the standing committee.

    >>> glued_member("东江市委常委统战部部长", 0, 6), glued_member("东江市委常委会主任", 0, 6)
    (True, False)
    """
    return (
        text.startswith("委" + _MEMBER, at - 3)
        and at - 3 > begin
        and text[at] not in "会、，,兼"
        and "\u4e00" <= text[at] <= "\u9fff"
    )


_HEAD_OF_GOVERNMENT = re.compile(r"(?:常务副|副|代理|代)?[省市县区州旗盟镇乡]长")


def glued_government(text: str, begin: int, at: int) -> bool:
    """Whether a party committee's 书记 or 副书记 ends at ``at`` with the head of the
    government written right after it (县委副书记县长: 县委副书记 and 县长).

    >>> glued_government("县委副书记县长王某", 0, 5), glued_government("县委书记处书记", 0, 4)
    (True, False)
    """
    return (
        text.endswith("书记", begin, at)
        and at - 2 > begin
        and _HEAD_OF_GOVERNMENT.match(text, at) is not None
    )


def head_unit(name: str, role: str) -> bool:
    """A unit named by the first character of its head's title (安源煤矿 + 矿长, 第一分厂 + 厂长)."""
    return len(role) == 2 and role[1] == "长" and name.endswith(role[0])


_CONGRESS_TITLES = ("政协", "人大")


def after_congress_word(text: str, start: int, role_start: int | None, end: int) -> int | None:
    """Where the title starts in a congress title written after its level (市政协委员: 委员 of
    市政协; 全国人大代表: 代表 of 全国人大), else ``role_start``.

    >>> after_congress_word("市政协委员", 0, 1, 5), after_congress_word("政协委员", 0, 0, 4)
    (3, 0)
    """
    if role_start is None or not text.startswith(_CONGRESS_TITLES, role_start):
        return role_start
    if end - role_start <= 2:
        return role_start
    level = (role_start > start and text[role_start - 1] in "省市县区州") or (
        role_start - 2 >= start and text[role_start - 2 : role_start] == "全国"
    )
    return role_start + 2 if level else role_start


def place_before_government_title(text: str, start: int, end: int, role: str) -> int:
    """Where the place a government title is held in starts when words of the clause precede
    it (致送纪念品予 + 贵州省 + 副省长), else ``start``.

    >>> t = "致送纪念品予贵州省副省长"
    >>> place_before_government_title(t, 0, 9, "副省长"), place_before_government_title(t, 6, 9, "副省长")
    (6, 6)
    """
    if not government_title(role) or listed_region(text[start:end]):
        return start
    for k in range(start + 1, end - 1):
        if listed_region(text[k:end]):
            return start if text[k - 1] in LEVELS or is_place(text[start:k]) else k
    return start


_REGION_HEAD = "行政长官"
_VILLAGES = ("村", "社区", "嘎查")
_VILLAGE_TITLES = ("党支部", "党总支", "党委", "村", "支部", "书记", "副书记", "主任", "副主任")
"""Titles a village or a residents' community holds (主任: of its committee)."""


def named_by_place_or_pointer(name: str, body: Piece | None, role: str) -> bool:
    """北京市 before 市长 or 党委, 区 before 团委, 某县 before 议员 (its council), 我校 before
    anything (graph.extract.places)."""
    if deictic_kind(name):
        return True
    if body is not None and (name in LEVELS or is_place(name)):
        return True
    if name.endswith(_VILLAGES) and len(name) > 2 and (body or role.startswith(_VILLAGE_TITLES)):
        return True  # 某某村党支部书记: the village's party branch
    if role.endswith(_REGION_HEAD) and name.endswith(("特别行政区", "特区")):
        return True  # 某某特别行政区行政长官: the head of the region itself
    if role.endswith("主席") and name.endswith("自治区"):
        return True  # 自治区主席, 某某自治区副主席: the head of its government
    return is_place(name) and (government_title(role) or party_title(role) or role == "议员")


def org_glued_to_title(
    text: str, name: str, org_start: int, role: Piece
) -> tuple[Piece, None, Piece] | None:
    """The organisation, no body and the title of an organisation whose last character opens
    the title: a department before 科主任/科长, or a title's head character that ends the name
    (外交部长 = 外交部 + 部长, 研究所长 = 研究所 + 所长)."""
    if role.text[:1] == "科" and hospital_department(name + "科", text):
        # a department before 科主任/科长: 康复医学科主任 = 主任 of 康复医学科
        role = Piece(role.start + 1, role.end, role.text[1:])
        return Piece(org_start, role.start, name + "科"), None, role
    if role.text == "会长" and (name + "会").endswith(_ASSOCIATIONS_BEFORE_HEAD):
        return Piece(org_start, role.start + 1, name + "会"), None, role  # 某水利会长
    if (
        _shared_head(role)
        and org_suffix_of(name) is None
        and not is_place(name)
        and not name.endswith(org_suffixes())
        and (org_suffix_of(name + role.text[0]) is not None or is_place(name + role.text[0]))
    ):
        # the title's head character ends the name: 外交部长 = 外交部 + 部长 (原… : ended)
        org = Piece(org_start, role.start + 1, name + role.text[0])
        if name.endswith("分") and role.text == "局长":  # 某某分局长: the 分局长 of 某某分局
            role = Piece(role.start - 1, role.end, "分局长")
        return org, None, role
    return None


_ASSOCIATIONS_BEFORE_HEAD = ("水利会", "农会", "渔会")
"""Farmers', fishermen's and irrigation associations, whose 会 their head's 会长 shares (某水利会长
= 某水利会 + 会长; not 某协会长, the 会长 of 某协)."""


def _shared_head(role: Piece) -> bool:
    """A title whose first character can also end the organisation (部长, 局长, 院长, 所长) or
    the place (乡长, 镇长, 县长: 某某乡长 is the head of 某某乡)."""
    return role.text[:1] in "部局厅处司署院所馆站厂乡镇县市区省州旗" and role.text[1:2] == "长"
