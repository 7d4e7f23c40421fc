"""Organisations named by a place or by a pointing word, and the titles that go with them.

- ``北京市代市长``: a place before a government title is that place's government
  (北京市人民政府); before a party title (书记, 常委) its party committee (北京市委).
- ``贵阳市党委``, ``区团委``: a place (or an elided level 区, 市) before a sub-body names that body.
- ``我校``, ``本公司``, ``该院``: a pointing word names the organisation the document is about.

>>> is_place("黔东南州"), is_place("全市"), government_title("代理市长"), party_title("副书记")
(True, False, True, True)
"""

from __future__ import annotations

import re
from functools import cache

from graph.resources import load_lexicon
from graph.text.segment import word_tags

_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:自治州|自治县|地区|省|市|县|区|州|盟|旗|镇|乡)")
DEMOCRATIC_PARTIES = ("民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟")
"""The short names of the eight democratic parties, whose committees name their place after
them (民盟某省委, 民盟某市第四届委员会)."""
_NOT_PLACE_START = (*"全该本我各此每外其", "图为", *DEMOCRATIC_PARTIES)
"""Words that open no place's name: determiners, a caption's 图为 (图为 + 市委书记…), and the
democratic parties, whose committees are named after their place (民盟某省委 is no 某省委)."""
_GOVERNMENT = ("省长", "市长", "县长", "区长", "州长", "镇长", "乡长", "旗长", "盟长")
_PARTY = ("书记", "副书记", "常委")
LEVELS = frozenset("省市县区州旗盟镇乡")

DEICTIC_TYPES: dict[str, tuple[str, ...]] = {
    "校": ("大学", "学院", "学校", "中学", "小学", "党校"),
    "院": ("医院", "学院", "研究院", "法院", "检察院", "设计院", "科学院", "研究所"),
    "公司": ("公司", "集团"),
    "集团": ("集团", "集团公司", "集团有限公司", "集团股份有限公司"),
    "局": ("局",),
    "厅": ("厅",),
    "所": ("研究所", "所"),
    "会": ("协会", "学会", "商会", "联合会", "委员会", "会"),
    "厂": ("厂",),
    "馆": ("馆",),
    "俱乐部": ("俱乐部",),
}
"""Pointing word (without 我/本/该) -> endings of the organisation it can point to."""
_POINTERS = ("我", "本", "该", "")
_BARE_KINDS = frozenset({"校", "院", "公司", "集团", "局", "所", "厂", "厅"})
"""Kinds an article names by the bare word for the organisation it is about (院党组书记,
局党委副书记, 所长 of 所)."""
_GENERIC = {
    "学校": "校", "集团公司": "集团", "研究所": "所", "研究院": "院", "医院": "院",
    "协会": "会", "学会": "会", "商会": "会", "研究会": "会", "促进会": "会",
    "基金会": "会", "联谊会": "会", "同乡会": "会", "联合会": "会",
    "俱乐部": "俱乐部",
}  # fmt: skip
"""Generic names an article uses for the organisation it is about."""
_POINTING = re.compile(
    "[我本该](?:"
    + "|".join(k for k in sorted(DEICTIC_TYPES, key=len, reverse=True) if k not in "会所")
    + "|所(?![在有知说见做能想谓以属得需])|会(?![议在将把对继一也更再不很要用为能让和与])"
    + ")"
)
"""A pointing word in running text (我所 but not 我所在, 本会 but not 本会议 or 我会继续)."""


@cache
def _regions() -> frozenset[str]:
    return load_lexicon("regions")


def listed_region(name: str) -> bool:
    """A region of the packaged list (strict, unlike :func:`is_place`).

    >>> listed_region("贵州省"), listed_region("予贵州省")
    (True, False)
    """
    return name in _regions()


def is_place(name: str) -> bool:
    """A region name: in the packaged list, or a short name ending with an administrative level
    whose stem is no common word (党籍县, 代理县: a word before 县议员, 县长; counties only, the
    dictionary knows some townships as words), unless the dictionary knows the whole name as a
    place (a county whose stem it also tags as a word).

    >>> is_place("东江县"), is_place("党籍县"), is_place("理县"), is_place("图为市")
    (True, False, True, False)
    >>> is_place("民盟东江省")
    False
    """
    if name in _regions():
        return True
    if not _PLACE.fullmatch(name) or name.startswith(_NOT_PLACE_START) or "届" in name:
        return False  # 新一届 + 镇: a term, not a place
    stem = name[:-1]
    tags = word_tags()
    return tags.get(name) == "ns" or not (name[-1] == "县" and tags.get(stem) in _WORD_TAGS)


_WORD_TAGS = frozenset({"n", "v", "vn", "a", "d", "ad", "an"})
"""Dictionary tags of stems that are common words, not the names of places."""


def deictic_kind(name: str) -> str | None:
    """The kind a pointing organisation word names (我校 -> 校), else None.

    >>> deictic_kind("我校"), deictic_kind("本公司"), deictic_kind("学校"), deictic_kind("大学")
    ('校', '公司', '校', None)
    """
    if name in _GENERIC:
        return _GENERIC[name]  # 研究所所长A: the institute the document is about
    for pointer in _POINTERS:
        if name.startswith(pointer) and name[len(pointer) :] in DEICTIC_TYPES:
            kind = name[len(pointer) :]
            if pointer or kind in _BARE_KINDS:
                return kind
    return None


def pointing_words(text: str) -> list[tuple[int, int, str]]:
    """Pointing organisation words written in ``text`` (我院, 本公司, 该校): start, end, word.

    >>> pointing_words("我院举办义诊，本公司参加。")
    [(0, 2, '我院'), (7, 10, '本公司')]

    A generic word opening the document's title names the organisation it is by (学校召开…):

    >>> pointing_words("学校召开校务委员会会议\\n校长某某出席。")
    [(0, 2, '学校')]
    """
    found = [(m.start(), m.end(), m.group()) for m in _POINTING.finditer(text)]
    stripped = text.lstrip()
    at = len(text) - len(stripped)
    opening = next((w for w in _GENERIC_OPENERS if stripped.startswith(w)), None)
    if opening is not None and not stripped.startswith(_NOT_OPENING_AFTER, len(opening)):
        found.insert(0, (at, at + len(opening), opening))
    return found


_GENERIC_OPENERS = tuple(sorted(_GENERIC, key=len, reverse=True))
_NOT_OPENING_AFTER = ("的", "和", "与", "及", "、")
"""What makes a generic word opening the title part of a longer phrase (学校的…, 学校和…)."""


def government_title(role: str) -> bool:
    """A title held in a place's government (市长, 副县长, 代理省长)."""
    return role.endswith(_GOVERNMENT)


def party_title(role: str) -> bool:
    """A title held in a place's party committee (书记, 副书记, 常委)."""
    return role in _PARTY
