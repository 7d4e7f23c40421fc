"""Rule-based mentions: title chains ``ORG ROLE、ORG ROLE NAME``, bylines, region-anchored orgs.

The rules rely only on general dictionaries (role titles, organisation suffixes, body prefixes,
regions, family names) and the owned jieba tokenizer; no names of particular people.

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "据悉，河北省农业厅副厅长、党组成员王小明表示同意。"))
>>> chain = title_chains(seg)[0]
>>> chain.person.text, [(e.org.text if e.org else None, e.role.text) for e in chain.elements]
('王小明', [('河北省农业厅', '副厅长'), (None, '党组成员')])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeAlias

from graph.extract.chainparts import glued_member, head_unit
from graph.extract.elision import PLACE_BODIES
from graph.extract.names import BOUNDARY as _BOUNDARY
from graph.extract.names import Piece, person_after
from graph.extract.orgnames import (
    company_suffix,
    hospital_department,
    modifier_after_known_name,
    org_suffix_of,
    org_suffixes,
    region_aside,
    role_modifier,
    trim_leading,
)
from graph.extract.places import LEVELS, deictic_kind, government_title, is_place, party_title
from graph.resources import load_lexicon
from graph.text.segment import token_index
from graph.types import Segmented

_MAX_ORG = 40
_MAX_ROLE = 8


@dataclass(frozen=True, slots=True)
class ChainElement:
    """One ``[ORG][BODY]ROLE`` of a title chain; ``org`` None means 'same as before';
    ``former`` when the text says the post has ended (原主任, 免去…职务)."""

    org: Piece | None
    body: Piece | None
    role: Piece
    former: bool = False


@dataclass(frozen=True, slots=True)
class TitleChain:
    """Posts stated together for one person, e.g. ``A副主席、B党组书记、主席NAME``."""

    elements: tuple[ChainElement, ...]
    person: Piece
    span: Piece
    caption: bool
    rule: str = "rules.title-chain"  # the extractor that read it (kgo: provenance of the post)


@cache
def _roles() -> frozenset[str]:
    return load_lexicon("roles")


@cache
def _bodies() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon("body_prefixes"), key=len, reverse=True))


@cache
def _role_index() -> tuple[tuple[int, ...], frozenset[str]]:
    """Role lengths (1.._MAX_ROLE, ascending) that occur, and the last characters of roles."""
    roles = _roles()
    lengths = tuple(k for k in range(1, _MAX_ROLE + 1) if any(len(r) == k for r in roles))
    return lengths, frozenset(r[-1] for r in roles)


def role_ending_at(text: str, end: int, *, start_limit: int = 0) -> int | None:
    """Start of the longest role title that ends at ``end`` (None if no title ends there).

    >>> role_ending_at("工会常务副主席", 7)
    2
    """
    lengths, last_chars = _role_index()
    ks: Iterable[int] = lengths
    if 0 < end <= len(text) and start_limit >= 0:
        if text[end - 1] not in last_chars:
            return None  # every role ends with one of these characters
    else:
        ks = range(1, _MAX_ROLE + 1)  # slices are shorter than k here: test every length
    roles = _roles()
    best = None
    for k in ks:
        s = end - k
        if s < start_limit:
            break
        if text[s:end] in roles:
            best = s
    if best is not None and best - 2 >= start_limit and text[best - 2 : best] in ("代理", "常务"):
        best -= 2  # an acting or executive title: 代理市长, 常务副县长
    elif best is not None and best - 2 >= start_limit and text[best - 2 : best - 1] in _ACTING:
        best -= text[best - 1] == "代"  # 某市代市长, 某局代局长
    return best


_PORTFOLIO = ("分管", "主管", "协管")
_REGION_HEAD = "行政长官"
_LEVELS = frozenset("省市县区州旗盟镇乡")
_TENURE = frozenset({"新任", "现任", "首任"})
_ACTING = _LEVELS | frozenset("局院会所部厅委处司行校署办")
"""Ends of names before which 代 opens an acting title (某局代局长), not a name (时代, 现代)."""


def _chain_start(text: str, role_start: int, sentence_start: int) -> int:
    """Where the title chain that ends with the role at ``role_start`` begins."""
    i = role_start
    while i > sentence_start:
        ch = text[i - 1]
        if ch in "）)" and (opened := region_aside(text, i - 1, sentence_start)) is not None:
            i = opened  # 某某（上海）体育发展有限公司: a region in brackets after the brand
            break
        if ch in _BOUNDARY:
            break
        if ch in "\n\r":
            # a layout break inside a name (华东汽车⏎⏎有限公司) is crossed, a real line end is not
            j = i - 1
            while j > sentence_start and text[j - 1].isspace():
                j -= 1
            if j == sentence_start or text[j - 1] in _BOUNDARY or role_start - i > _MAX_ORG:
                break
            i = j
            continue
        i -= 1
    return i


def _listed_body(text: str, start: int, name: str) -> bool:
    """A place's body named alone after another title (、政协主席, 委常委总工会主席), which
    orgkeys.place_body completes."""
    return name in PLACE_BODIES and (
        text[start - 1 : start] == "、" or text[max(0, start - 2) : start] == "常委"
    )


def _named_by_place_or_pointer(name: str, body: Piece | None, role: str) -> bool:
    """北京市 before 市长 or 党委, 区 before 团委, 某县 before 议员 (its council), 我校 before
    anything (graph.extract.places)."""
    if deictic_kind(name):
        return True
    if body is not None and (name in LEVELS or is_place(name)):
        return True
    if role.endswith(_REGION_HEAD) and name.endswith(("特别行政区", "特区")):
        return True  # 某某特别行政区行政长官: the head of the region itself
    return is_place(name) and (government_title(role) or party_title(role) or role == "议员")


def _shared_head(role: Piece) -> bool:
    """A title whose first character can also end the organisation (部长, 局长, 厅长) or the
    place (乡长, 镇长, 县长: 某某乡长 is the head of 某某乡)."""
    return role.text[:1] in "部局厅处司署乡镇县市区省州旗" and role.text[1:2] == "长"


OrgCheck: TypeAlias = Callable[[int, int], "int | None"]


def clause_titles(
    seg: Segmented, starts: dict[int, int], end: int, max_chars: int
) -> tuple[ChainElement, ...]:
    """``[ORG]ROLE(、[ORG]ROLE)*`` from the start of the clause (after a boundary or a line
    break, leading spaces skipped) up to ``end``; none when any part is not a title or the
    clause is longer than ``max_chars``.  Used before a colon (``主席：A``) and a comma."""
    text = seg.doc.text
    begin = end
    while begin > 0 and text[begin - 1] not in _BOUNDARY and text[begin - 1] != "\n":
        begin -= 1
    while begin < end and text[begin].isspace():
        begin += 1
    if begin == end or end - begin > max_chars:
        return ()
    elements: list[ChainElement] = []
    cursor = begin
    for part_end in [i for i in range(begin, end) if text[i] == "、"] + [end]:
        element = parse_element(seg, starts, cursor, part_end)
        if element is None:
            return ()
        elements.append(element)
        cursor = part_end + 1
    return tuple(elements)


def parse_element(
    seg: Segmented,
    starts: dict[int, int],
    start: int,
    end: int,
    org_check: OrgCheck | None = None,
) -> ChainElement | None:
    """``[ORG][BODY]ROLE`` of ``text[start:end]`` (None unless it ends with a role title and
    its organisation, if any, ends like one or is confirmed by ``org_check``).

    ``starts`` maps token start offsets to token indices.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "华北电力大学工会副主席"))
    >>> e = parse_element(seg, {t.start: i for i, t in enumerate(seg.tokens)}, 0, 11)
    >>> e.org.text, e.body.text, e.role.text
    ('华北电力大学', '工会', '副主席')
    """
    text = seg.doc.text
    role_start = role_ending_at(text, end, start_limit=start)
    if role_start is None:
        return None
    role = Piece(role_start, end, text[role_start:end])
    rest_end = role_start
    if rest_end - 1 > start and text[rest_end - 1] == "的":
        rest_end -= 1  # 某某大学的副校长
    former = rest_end - 1 >= start and text[rest_end - 1] == "原"
    rest_end -= former  # 某局原局长: a post that has ended
    if not former and text[max(start, rest_end - 2) : rest_end] in _TENURE:
        rest_end -= 2  # 某局新任局长: the tenure is not part of the title
    body = None
    for prefix in _bodies():
        b = rest_end - len(prefix)
        if b >= start and text[b:rest_end] == prefix:
            whole = text[start:rest_end]
            suffix = org_suffix_of("".join(whole.split()))
            if (suffix is None or len(suffix) <= len(prefix)) and not _listed_body(
                text, start, whole
            ):
                body = Piece(b, rest_end, prefix)
                rest_end = b
            break
    org_start = trim_leading(seg, starts, start, rest_end)
    portfolio = [at for w in _PORTFOLIO if (at := text.find(w, org_start, rest_end)) >= 0]
    if portfolio:  # 某市分管科技的副市长: a portfolio, not part of the organisation
        rest_end = min(portfolio)
    if text.startswith("原", org_start) and rest_end - org_start > 2:
        org_start, former = org_start + 1, True  # 原建设部总工程师: a post that has ended
    org = None
    if org_start < rest_end:
        name = "".join(text[org_start:rest_end].split())
        if body is None and role.text[:1] == "科" and hospital_department(name + "科", text):
            # a department before 科主任/科长: 康复医学科主任 = 主任 of 康复医学科
            role = Piece(role.start + 1, end, role.text[1:])
            return ChainElement(Piece(org_start, role.start, name + "科"), None, role, former)
        if (
            body is None
            and _shared_head(role)
            and org_suffix_of(name) is None
            and not is_place(name)
            and not name.endswith(org_suffixes())
            and (org_suffix_of(name + role.text[0]) is not None or is_place(name + role.text[0]))
        ):
            # the title's head character ends the name: 外交部长 = 外交部 + 部长
            return ChainElement(Piece(org_start, role.start + 1, name + role.text[0]), None, role)
        split = role_modifier(text, org_start, rest_end) if body is None else None
        if split is not None and head_unit(name, role.text):  # 某公司安源煤矿 + 矿长
            return ChainElement(Piece(org_start, rest_end, text[org_start:rest_end]), None, role)
        if split is not None and org_suffix_of(name) is None and not company_suffix(name):
            # 某某地产营销总监: a function word before the title belongs to the title
            role = Piece(split, end, text[split:end])
            rest_end, name = split, "".join(text[org_start:split].split())
        if (
            org_suffix_of(name) is None
            and not company_suffix(name)
            and not _named_by_place_or_pointer(name, body, role.text)
            and not _listed_body(text, start, name)  # 某县委常委、政协主席
            and not hospital_department(name, text)
        ):
            found = org_check(org_start, rest_end) if org_check else None
            if found is None and org_check is not None and org_start > start:
                found = org_check(start, rest_end)  # words trimmed as verbs (澎湃) start it
            if found is None and org_check is not None and body is None:
                known = modifier_after_known_name(text, org_start, rest_end, org_check)
                if known is not None:  # 某某 (the model's ORG) + 创意 + 总监
                    found, rest_end = known
                    role = Piece(rest_end, end, text[rest_end:end])
            if found is None:
                return None
            org_start = found  # a name without a suffix that the mention model knows
        org = Piece(org_start, rest_end, text[org_start:rest_end])
    return ChainElement(org, body, role, former)


def title_chains(
    seg: Segmented,
    org_check: OrgCheck | None = None,
    names: dict[int, Piece] | None = None,
) -> tuple[TitleChain, ...]:
    """Every ``[ORG][BODY]ROLE(、[ORG][BODY]ROLE)* NAME`` of the document.

    ``org_check(start, end)`` may accept an organisation name without a known suffix ending at
    ``end`` (returning where the name starts, not before ``start``) or refuse it (None).
    ``names`` are person names by start offset (the model's) for titles the rules cannot read a
    name after (主任何某: the segmenter reads 任何).
    """
    text = seg.doc.text
    starts = token_index(seg)
    chains: list[TitleChain] = []
    role_end = _role_end_char()
    for sentence in seg.sentences:
        pos = floor = sentence.start
        while pos < sentence.end:
            # jump to the next position right after a character that can end a role
            m = role_end.search(text, max(pos - 1, sentence.start), sentence.end - 1)
            if m is None:
                break
            pos = m.end()
            chain = _chain_ending_at(seg, starts, sentence.start, pos, org_check, names, floor)
            if chain is None:
                pos += 1
                continue
            chains.append(chain)
            pos = chain.person.end
            if text.startswith(("和", "与", "及", "以及", "同", "跟"), pos):
                floor = pos  # the next chain starts after this name (…局长A和X局长B)
    return tuple(chains)


@cache
def _role_end_char() -> re.Pattern[str]:
    """A character that ends some role title."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(_role_index()[1])) + "]")


_QUALIFIER = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]")
"""A qualifier between a title and the name (（兼职）, （挂职）, （正处级）)."""


def _chain_ending_at(
    seg: Segmented,
    starts: dict[int, int],
    sentence_start: int,
    pos: int,
    org_check: OrgCheck | None = None,
    names: dict[int, Piece] | None = None,
    floor: int = 0,
) -> TitleChain | None:
    text = seg.doc.text
    if role_ending_at(text, pos, start_limit=sentence_start) is None:
        return None
    role_end = pos
    aside = _QUALIFIER.match(text, pos)
    pos = aside.end() if aside else pos  # 副主席（兼职）某某: the name after the qualifier
    found = person_after(seg, starts, pos)
    if found is None and names:
        j = pos
        while j < len(text) and text[j] in " \u3000" and j - pos < 3:
            j += 1
        found = (names[j], False) if j in names else None
    if found is None:
        return None
    person, caption = found
    begin = _chain_start(
        text,
        role_ending_at(text, role_end, start_limit=sentence_start) or role_end,
        max(sentence_start, floor),
    )
    elements: list[ChainElement] = []
    cursor = begin
    for part_end in _element_ends(text, begin, role_end):
        element = parse_element(seg, starts, cursor, part_end, org_check)
        if element is not None:
            elements.append(element)
        elif elements:
            elements.clear()  # a broken link in the chain: keep only what follows it
        cursor = part_end + (text[part_end] in "、兼")
    if not elements:
        return None  # a chain without any organisation is kept: linking may find one for it
    first = elements[0].org.start if elements[0].org else elements[0].role.start
    span = Piece(first, person.end, text[first : person.end])
    return TitleChain(tuple(elements), person, span, caption)


def _element_ends(text: str, begin: int, end: int) -> list[int]:
    """Where the titles of a chain end: at each 、, at 兼 after a title (书记兼院长), after a
    committee's 常委 glued to the next title (市委常委统战部部长), at ``end``."""
    return [
        i
        for i in range(begin, end)
        if text[i] == "、"
        or (text[i] == "兼" and role_ending_at(text, i, start_limit=begin))
        or glued_member(text, begin, i)
    ] + [end]
