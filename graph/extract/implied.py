"""Organisations a title is at when the text does not name one next to it.

- A deputy or acting title without an organisation (``副主任邱德川``) is at the organisation where
  the document last stated that title or a degree of it (``省人大常委会副主任柏云舟``).

- A place before a government title is its government, before a party title its party
  committee; a government title after a party committee's titles is at that place's government
  (``中共某区委副书记、区长``).
- A pointing word (我校, 本公司, 该院) is the organisation of that kind the document names first.

>>> role_base("副主任")
'主任'
>>> seat_of("北京市", "代市长", inherited=False), seat_of("中共渝中区委", "区长", inherited=True)
('北京市人民政府', '渝中区人民政府')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import replace

from graph.extract.places import (
    DEICTIC_TYPES,
    LEVELS,
    deictic_kind,
    government_title,
    is_place,
    party_title,
    pointing_words,
)
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement
from graph.text.segment import word_tags

_ROLE_PREFIXES = (
    "常务副",
    "代理",
    "副",
    "代",
    "执行",
    "永远名誉",
    "永远荣誉",
    "永远",
    "名誉",
    "荣誉",
)


_DEPUTY_BODIES = frozenset({"党组", "党委", "党工委", "纪委", "纪工委", "团委", "党总支", "党支部"})


def role_base(role: str) -> str:
    """The title a deputy or acting title is a degree of (副主任 -> 主任, 代理市长 -> 市长,
    党组副书记 -> 党组书记).

    >>> role_base("常务副校长"), role_base("代理省长"), role_base("秘书长"), role_base("党组副书记")
    ('校长', '省长', '秘书长', '党组书记')
    """
    for prefix in _ROLE_PREFIXES:
        if role.startswith(prefix) and len(role) > len(prefix) + 1:
            return role[len(prefix) :]
    at = role.find("副", 1)
    if at > 0 and role[:at] in _DEPUTY_BODIES and len(role) > at + 2:
        return role[:at] + role[at + 1 :]  # a body's deputy: 党委副书记 of 党委书记
    return role


def orgs_by_role(
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    people_at: dict[str, set[str]],
    in_title: Callable[[str], str | None] = lambda role: None,
    visitors: Collection[str] = (),
) -> None:
    """A title written without an organisation (副主任邱德川) is at the organisation where the
    document last stated that title or a degree of it (主任, 副主任) before; failing that, at
    the organisation of its kind that the title line names (``in_title``: 某集团召开… 总经理A,
    though a subsidiary's 总经理 is named later), else at the one organisation where it states
    it later.  An organisation named beside the document's own pointing word (某大学访问团来
    我校: ``visitors``) is another's, whose titles are not the document's people's."""
    where: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for chain, keys in zip(chains, base_of_chain, strict=True):
        for e, key in zip(chain.elements, keys, strict=True):
            if key is not None:
                where[_stated(e)].append((e.role.start, key, chain.person.text))
    for chain, keys in zip(chains, base_of_chain, strict=True):
        for i, (e, key) in enumerate(zip(chain.elements, keys, strict=True)):
            if key is not None:
                continue
            name = chain.person.text
            # 党委书记A: only where A's own 党委书记 was stated before
            stated = [
                s
                for s in where.get(_stated(e), [])
                if (e.body is None or s[2] == name) and (s[1] not in visitors or s[2] == name)
            ]
            before = [(at, k) for at, k, _ in stated if at < e.role.start]
            later = {k for at, k, _ in stated if at > e.role.start}
            if before:
                keys[i] = max(before)[1]
            elif len(later) == 1 and e.body is None:
                keys[i] = in_title(e.role.text) or next(iter(later))
            if keys[i] is not None:
                people_at[str(keys[i])].add(chain.person.text)


def _stated(e: ChainElement) -> tuple[str, str]:
    return (e.body.text if e.body else "", role_base(e.role.text))


_COUNCILLOR = "议员"
_PARTY_PREFIXES = ("中国共产党", "中共")


def seat_of(key: str, role: str, *, inherited: bool) -> str | None:
    """The organisation a place title is held in, when ``key`` names a place (or, for a title
    carried over from the element before or written right after it, a place's party committee:
    县委常委、副县长, 县委常务副县长 — no committee has a county head)."""
    if _GRADED_CHIEF.fullmatch(role):
        return _region_at_level(key, role[0])  # 某市政协副主席、市级林长: the city's
    if key in LEVELS or is_place(key):
        key = _one_level(key)
        if role.endswith(_COUNCILLOR):
            return key + "议会"  # 某县议员: a member of the county council
        if government_title(role):
            return key + "人民政府"
        if party_title(role):
            return key + "委"
        return None
    written_at_committee = key.endswith("委") and not key.endswith("委员会")  # 县委常务副县长
    if (
        (inherited or written_at_committee)
        and government_title(role)
        and key.endswith(_PLACE_INSTITUTIONS)
    ):
        region = key
        for prefix in _PARTY_PREFIXES:
            region = region.removeprefix(prefix)
        for suffix in _PLACE_INSTITUTIONS:
            region = region.removesuffix(suffix)
        region = region.removesuffix("党")
        if is_place(region) or region in LEVELS:
            return _one_level(region) + "人民政府"
    if inherited and government_title(role):
        return _region_opening(key, role)
    return None


_GRADED_CHIEF = re.compile(r"[省市县区乡镇村]级(?:副?总)?[河湖林田]长")


def _region_at_level(key: str, level: str) -> str | None:
    """The region of ``level`` that opens ``key`` (a river or forest chief's place).

    >>> _region_at_level("东华市政协", "市"), _region_at_level("东华市西岭县政府", "县")
    ('东华市', '东华市西岭县')
    """
    for k in range(min(len(key), 10), 1, -1):
        region = _one_level(key[:k])
        if key[:k].endswith(level) and is_place(region):
            return region
    return None


def _region_opening(key: str, role: str) -> str | None:
    """The government of the region that opens the organisation ``key`` a place head's title is
    carried over from, when the title is that region's (某市防汛指挥部总指挥、市长: 某市人民政府).

    >>> _region_opening("东华市防汛抗旱指挥部", "市长"), _region_opening("东华公司", "市长")
    ('东华市人民政府', None)
    """
    level = role.removesuffix("长")[-1:]
    for k in range(min(len(key) - 1, 8), 0, -1):
        region = key[:k]
        if region.endswith(level) and (region in LEVELS or is_place(region)):
            return _one_level(region) + "人民政府"
    return None


def _one_level(region: str) -> str:
    """A region written with its level twice (岚县县委: 岚县; 某省东江县县委: 某省东江县) named once.

    >>> _one_level("岚县县"), _one_level("东江县"), _one_level("贵州省东江县县")
    ('岚县', '东江县', '贵州省东江县')
    """
    if len(region) >= 3 and region[-2] == region[-1] and region[-1] in "县市区旗":
        return region[:-1]
    return region


_PLACE_INSTITUTIONS = ("人大常委会", "人大", "政协", "委员会", "委")
"""A place's institutions other than its government, whose place a government title carried
over or taken from the article's subject (县人大常委会主任A，县长B) is at."""


def deictic_targets(named: list[tuple[int, str]], text: str = "") -> dict[str, str]:
    """Pointing organisation words -> the organisation of that kind named first in the document,
    before the pointing word is first used; when none is named before it, the only one of that
    kind named later (我校 before a list of other universities stays 我校).  An organisation
    named in a sentence of ``text`` that also uses the pointing word is another one (某某医院
    一行来我院).

    >>> deictic_targets([(0, "同济大学"), (9, "校"), (20, "某某医院")])
    {'校': '同济大学'}
    >>> deictic_targets([(0, "我校"), (9, "某某大学"), (20, "东江大学")])
    {}
    >>> deictic_targets([(0, "东江医院"), (9, "我院")], "东江医院一行来到我院。")
    {}
    """
    out: dict[str, str] = {}
    ordered = sorted(named)
    for at, key in ordered:
        kind = deictic_kind(key)
        if kind is None or key in out:
            continue
        beside = named_beside(ordered, key, text)
        of_kind = [
            (a, k)
            for a, k in ordered
            if not deictic_kind(k)
            and k.endswith(DEICTIC_TYPES[kind])
            and k not in beside
            and not (kind == "校" and _a_faculty(k))  # 我校 is no 外语学院; 本院 may be one
        ]
        before = [k for a, k in of_kind if a < at]
        later = {k for _, k in of_kind}
        if before:
            out[key] = before[0]
        elif len(later) == 1:
            out[key] = next(iter(later))
    return out


def _a_faculty(key: str) -> bool:
    """A faculty named by its subject alone (外语学院, 经济学院): a unit of the article's school,
    not the school 我校 stands for.

    >>> _a_faculty("外语学院"), _a_faculty("东华学院"), _a_faculty("南京大学")
    (True, False, False)
    """
    subject = key.removesuffix("学院")
    return subject != key and word_tags().get(subject) in ("n", "vn")


def named_beside(named: list[tuple[int, str]], pointer: str, text: str) -> set[str]:
    """The organisations named in a sentence of ``text`` where ``pointer`` is used, and those
    named inside them elsewhere.  A bare word (校 of 校党委书记) is no sign of another
    organisation, but it stands for what 我校 or 本校 stands for where the text uses them
    (某大学一行来我校调研。校党委书记A…: 校 is not 某大学)."""
    if text and pointer[:1] not in "我本该":
        owned = [w + pointer for w in "我本" if w + pointer in text]
        return set().union(*(named_beside(named, p, text) for p in owned))
    if not text:
        return set()
    inside = [(a, a + len(k)) for a, k in named if k != pointer]
    uses = [  # the word itself, not inside a name (协会 of 某某协会)
        m.start()
        for m in re.finditer(re.escape(pointer), text)
        if not any(a <= m.start() < b for a, b in inside)
    ]
    sentences = {_sentence_of(text, a) for a in uses + [a for a, k in named if k == pointer]}
    beside = {k for a, k in named if k != pointer and _sentence_of(text, a) in sentences}
    # an organisation whose delegation is named there is another one too (某大学访问团 + 某大学),
    # and so is the fuller name of one named there (美国某某大学 there, 某某大学 elsewhere)
    return beside | {
        k
        for _, k in named
        if k != pointer and any(k in b or (len(b) >= 4 and b in k) for b in beside)
    }


def _sentence_of(text: str, at: int) -> int:
    """The start of the sentence holding ``at``."""
    return max(text.rfind(c, 0, at) for c in "。！？!?\n") + 1


def without_read_twice(chains: tuple[TitleChain, ...]) -> tuple[TitleChain, ...]:
    """``chains`` less the chains naming no organisation whose titles another chain of the same
    name span reads with one (``X副主任A、秘书长B``: the list rule gives 秘书长 its X), and
    less the title and list chains of a byline's names, which the byline reads with its paper
    (某网讯（分站记者A）: 记者 of 某网, not of a 分站; （记者 A B）: B whole)."""
    placed = {
        (c.person.start, c.person.end, e.role.start, e.role.end)
        for c in chains
        for e in c.elements
        if e.org is not None
    }
    bylined = {c.person.start for c in chains if c.rule == _BYLINE}
    return tuple(
        c
        for c in chains
        if (
            any(e.org is not None or e.body is not None for e in c.elements)
            or not all(
                (c.person.start, c.person.end, e.role.start, e.role.end) in placed
                for e in c.elements
            )
        )
        and not (c.rule in _READ_BY_BYLINES and c.person.start in bylined)
    )


_BYLINE = "rules.byline"
_READ_BY_BYLINES = ("rules.title-chain", "rules.list")
"""Rules whose chains of a byline's name the byline reads instead (with its whole name)."""


def without_taken_titles(chains: tuple[TitleChain, ...]) -> tuple[TitleChain, ...]:
    """``chains`` less the titles read before a name that a name before them holds already
    (``A当选X主席 B当选…`` in a headline: 主席 is A's, not B's)."""
    taken = {
        (e.role.start, e.role.end)
        for c in chains
        for e in c.elements
        if c.person.end <= e.role.start
    }
    out = []
    for c in chains:
        kept = tuple(
            e
            for e in c.elements
            if e.role.end > c.person.start or (e.role.start, e.role.end) not in taken
        )
        if kept == c.elements:
            out.append(c)
        elif kept:
            out.append(replace(c, elements=kept))
    return tuple(out)


def visitors(text: str, named: list[tuple[int, int, str]]) -> set[str]:
    """The organisations named beside the pointing words a document calls itself by (某大学
    访问团来我校): others, whose titles a title written without an organisation is not."""
    pairs = sorted((s, k) for s, _, k in named)
    own = {word for _, _, word in pointing_words(text) if word[:1] in "我本"}
    return set().union(*(named_beside(pairs, word, text) for word in own))
