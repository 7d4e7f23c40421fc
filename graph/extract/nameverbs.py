"""Verbs inside an organisation's name: where the candidate before a title must not be cut
at a verb because the verb is a word of the name (某镇 + 关爱 + 服务中心, 省发改委 + 就业和收入分配处,
创新 + 及科技局, 上海 + 开放 + 大学, 警察 + 总局).  Read by :mod:`graph.extract.orglead`.
"""

from __future__ import annotations

from functools import cache

from graph.extract.orgnames import org_suffix_of, org_suffixes, places
from graph.resources import load_lexicon
from graph.text.segment import word_tags
from graph.types import Segmented


def verb_after_a_place_name(seg: Segmented, i: int, start: int, end: int) -> bool:
    """Whether the verb at token ``i`` is a word of a name that a place or a proper name
    opens and an organisation's ending closes (某区某镇 + 关爱 + 服务中心): no clause starts
    there."""
    if i == 0 or seg.tokens[i - 1].start < start or i + 1 >= len(seg.tokens):
        return False
    before = seg.tokens[i - 1].text
    tag = word_tags().get(before)
    named = before in places() or tag in _NAME_PART_TAGS or (tag is None and len(before) >= 2)
    if before in load_lexicon("roles"):
        return False  # 记者 + 采访 + 服务中心: a person's title opens a clause
    rest = seg.doc.text[seg.tokens[i].end : end]
    return (
        named
        and len(seg.tokens[i].text) == 2
        and seg.tokens[i].text not in _LEADING_VERBS
        and len(rest) <= 4
        and org_suffix_of(rest) is not None
    )


_UNIT_ENDS = ("处", "司", "室", "科")


def unit_of_named_org(text: str, start: int, at: int, end: int) -> bool:
    """Whether ``text[at:end]`` is the name of a unit (处, 司, 室, 科) of the organisation
    named before it (省发改委 + 就业和收入分配处): its verbs are the unit's name.

    >>> t = "省发改委就业和收入分配处"
    >>> unit_of_named_org(t, 0, 4, len(t)), unit_of_named_org("会议研究处", 0, 2, 5)
    (True, False)
    >>> unit_of_named_org("某厅副厅长林某视察产学研处", 0, 7, 13), unit_of_named_org("某集团派驻某某公司", 0, 3, 9)
    (False, False)
    """
    head, tail = text[start:at], text[at:end].removesuffix("公司")
    if not 2 <= len(tail) <= 10 or not tail.endswith(_UNIT_ENDS) or tail.startswith(_LEADING_VERBS):
        return False  # a company (某集团派驻 + 某钢铁股份公司) is no unit of 司
    if not all("\u4e00" <= ch <= "\u9fff" for ch in text[start:end]):
        return False
    named = next((k for k in range(2, len(head) + 1) if org_suffix_of(head[:k])), 0)
    between = head[named:]  # 某厅副厅长某某 + 率领: a person's title, then a clause
    return named > 0 and not any(r in between for r in load_lexicon("roles") if len(r) > 1)


def coordinated_noun(seg: Segmented, i: int, end: int, *, opening: bool = False) -> bool:
    """Whether the verb at token ``i`` is joined by 及/和/与 to a noun of the name that follows
    (创新 + 及 + 科技局: the bureau of innovation and technology), not to another verb; when the
    verb ``opening`` the candidate, a noun may stand between (推广 + 科技 + 及商贸局, not 包括 +
    商贸 + 及科技局 inside a clause)."""
    tags = word_tags()
    for k in (1, 2) if opening else (1,):
        if i + k + 1 >= len(seg.tokens) or seg.tokens[i + k + 1].end > end:
            return False
        joined, noun = seg.tokens[i + k].text, seg.tokens[i + k + 1].text
        if joined in ("及", "和", "与"):
            return tags.get(noun, "n") not in ("v", "vn", "p", "d")
        if tags.get(joined, "x") not in ("n", "vn"):
            return False
    return False


_LEADING_VERBS = (
    *("率领", "带领", "陪同", "会见", "接见", "看望", "慰问", "邀请", "接待"),
    *("包括", "还有", "来自", "出席", "参加"),
)
"""Verbs of leading, meeting or receiving a group, which open a clause after a person's name
(某某 + 率领 + 某处调研员…), and verbs listing or placing the people named after them (代表团成员
+ 包括 + 某局局长), never a word of an organisation's name."""


_NAME_PART_TAGS = frozenset({"ns", "nt", "nz", "n"})
"""Tags of words that can open an organisation's name before a verb of it."""


@cache
def short_suffixes() -> tuple[str, ...]:
    """Organisation endings of one or two characters (大学, 医院): a verb before one of them
    is part of the name (上海开放大学), as is one before a head office (警察 + 总局)."""
    short = tuple(x for x in org_suffixes() if len(x) <= 2)
    return (*short, *head_offices())


@cache
def head_offices() -> tuple[str, ...]:
    """A head office's ending (总局, 总署, 总会): the word before it names it (警察 + 总局)."""
    return tuple("总" + x for x in org_suffixes() if len(x) == 1)
