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

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass

from graph.extract.acting import acting_at_organisation
from graph.extract.chainparts import glued_government, glued_member
from graph.extract.names import BOUNDARY as _BOUNDARY
from graph.extract.names import Piece, is_surname_start, person_after
from graph.extract.orglead import trim_leading
from graph.extract.orgnames import (
    org_suffix_of,
    region_aside,
    second_name_after,
    short_name_aside,
)
from graph.extract.orgs import starts_org
from graph.extract.titles import (
    ChainElement,
    OrgCheck,
    parse_element,
    role_end_char,
    role_ending_at,
    without_leading_title,
)
from graph.text.segment import token_index, word_tags
from graph.types import Segmented

_MAX_ORG = 40


@dataclass(frozen=True, slots=True)
class TitleChain:
    """Posts stated together for one person, e.g. ``A副主席、B党组书记、主席NAME``."""

    elements: tuple[ChainElement, ...]
    person: Piece
    span: Piece
    caption: bool
    rule: str = "rules.title-chain"  # the extractor that read it (kgo: provenance of the post)


_TITLED_UNITS = ("杂志社", "编辑部", "报社", "杂志", "周刊", "月刊", "栏目组", "剧组", "出版社")
"""Units named after a publication or a programme in book-title marks (《某某》杂志社)."""


def _titled_unit(text: str, after: int, sentence_start: int) -> int | None:
    """Where ``《…》`` closing just before ``after`` opens, when a unit named after it follows."""
    if not text.startswith(_TITLED_UNITS, after):
        return None
    opened = text.rfind("《", max(sentence_start, after - 20), after - 1)
    return opened if opened >= 0 and "》" not in text[opened : after - 1] else None


def _chain_start(text: str, role_start: int, sentence_start: int) -> int:
    """Where the title chain that ends with the role at ``role_start`` begins."""
    i = role_start
    while i > sentence_start:
        ch = text[i - 1]
        if ch in "）)" and (opened := region_aside(text, i - 1, sentence_start)) is not None:
            i = opened  # 某某（上海）体育发展有限公司: a region in brackets after the brand
            if text[i - 1 : i] != "、":
                break
            continue  # a title before 、 goes on: X执行会长、某某（集团）公司总裁A
        if ch in "）)" and (opened := _committee_aside(text, i - 1, sentence_start)) is not None:
            i = opened  # 港澳台侨（外事）委员会: the bracket is part of the committee's name
            continue
        if ch in "）)" and (opened := short_name_aside(text, i - 1, sentence_start)) is not None:
            i = opened  # 东华大学（东大）校长: the short name the article gives it
            continue
        if ch == "》" and (opened := _titled_unit(text, i, sentence_start)) is not None:
            i = opened  # 《某某》杂志社: the publication's title is part of the unit's name
            continue
        if ch in _BOUNDARY:
            break
        if ch in "和与及" and role_ending_at(text, i - 1, start_limit=sentence_start) is not None:
            break  # …六位校长和台湾大学副校长A: the title before 和 ends another clause
        if ch in "和与及" and _listed_name_before(text, i - 1, sentence_start):
            break  # 会董A、B及某委员会主席C: the list of names ends at 及
        if ch in "和与及" and text.endswith(_PARTY_ENDS, sentence_start, i - 1):
            break  # 某会行政人员一行与某办主任A: the visitors end at 与
        if ch in "\n\r":
            # a layout break inside a name (华东汽车⏎⏎有限公司) is crossed, a real line end is not
            j = i - 1
            while j > sentence_start and text[j - 1].isspace():
                j -= 1
            if j == sentence_start or text[j - 1] in _BOUNDARY or role_start - i > _MAX_ORG:
                break
            if starts_org(text, i):
                break  # …颁发感谢状⏎全国政协副主席A: a caption's end, then a name of its own
            i = j
            continue
        i -= 1
    return i


_PARTY_ENDS = ("一行", "等人")
"""Words closing a visiting party, before the 与 that brings in its hosts."""


def _listed_name_before(text: str, conjunction: int, lower: int) -> bool:
    """Whether a name of two or three characters, listed after 、, ends right before the
    conjunction at ``conjunction`` (…、罗某某及…).

    >>> _listed_name_before("会董林晓峰、罗台秦及玩具业委员会", 9, 0)
    True
    >>> _listed_name_before("东华市住房和城乡建设局", 5, 0), _listed_name_before("、国际和地区处", 3, 0)
    (False, False)
    """
    for k in (3, 2):
        a = conjunction - k
        name = text[a:conjunction]
        if a - 1 >= lower and text[a - 1] == "、" and is_surname_start(name):
            tag = word_tags().get(name)  # 、国际和地区关系处: a word, not a name
            named = tag is None or tag.startswith("nr")
            return named and all("\u4e00" <= ch <= "\u9fff" for ch in name)
    return False


_ASIDE_COMMITTEE = re.compile(
    r"[（(][\u4e00-\u9fff]{1,4}[）)](?:委员会|工作委员会|专门委员会|办公室|办(?!法|理|事|好))"
)
"""A bracket inside a committee's or an office's name (港澳台侨（外事）委员会, 外事（侨务）办)."""


def _committee_aside(text: str, close: int, lower: int) -> int | None:
    """Where ``（外事）`` opens when it closes at ``close`` right before 委员会, inside a
    committee's name (省政协港澳台侨（外事）委员会), or where an organisation's second name
    in brackets opens after its first (某博物馆（某纪念馆）党委书记, 某司（科技司）司长).

    >>> t = "东华博物馆（东华纪念馆）馆长"
    >>> _committee_aside(t, 11, 0), _committee_aside("东华博物馆（摄影）馆长", 8, 0)
    (5, None)
    """
    opened = max(text.rfind("（", lower, close), text.rfind("(", lower, close))
    if opened <= lower:
        return None
    if _ASIDE_COMMITTEE.match(text, opened):
        return opened
    named = second_name_after(text[max(lower, opened - 12) : close + 1])
    return opened if named else None


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
    role_end = role_end_char()
    known = _Names(names or {})
    for sentence in seg.sentences:
        pos = floor = sentence.start
        while pos < sentence.end:
            # jump to the next position right after a character that can end a role
            m = role_end.search(text, max(pos - 1, sentence.start), sentence.end - 1)
            if m is None:
                break
            pos = m.end()
            chain = _chain_ending_at(seg, starts, sentence.start, pos, org_check, known, floor)
            if chain is None:
                pos += 1
                continue
            chains.append(chain)
            pos = chain.person.end
            pos += next((len(w) for w in _ADDRESS if text.startswith(w, pos)), 0)  # A同志以及
            conj = next(
                (w for w in ("以及", "和", "与", "及", "同", "跟") if text.startswith(w, pos)), ""
            )
            if conj:
                floor = pos + len(conj)  # the next chain starts after this name (…局长A和X局长B)
    return tuple(chains)


_HOLDS = ("任", "为", "担任", "出任", "兼任")
"""Verbs after a name that give it the titles that follow (A任某省委书记)."""
_ADDRESS = ("同志", "先生", "女士")
"""Forms of address after a name, before a conjunction (not the conjunction 同 of 同志)."""
_QUALIFIER = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]")
"""A qualifier between a title and the name (（兼职）, （挂职）, （正处级）)."""


def _chain_ending_at(
    seg: Segmented,
    starts: dict[int, int],
    sentence_start: int,
    pos: int,
    org_check: OrgCheck | None,
    names: _Names,
    floor: int,
) -> TitleChain | None:
    text = seg.doc.text
    if role_ending_at(text, pos, start_limit=sentence_start) is None:
        return None
    role_end = pos
    aside = _QUALIFIER.match(text, pos)
    pos = aside.end() if aside else pos  # 副主席（兼职）某某: the name after the qualifier
    found = person_after(seg, starts, pos)
    if found is None:
        j = pos
        while j < len(text) and text[j] in " \u3000" and j - pos < 3:
            j += 1
        found = (names.by_start[j], False) if j in names.by_start else None
    if found is None:
        return None
    person, caption = found
    role_start = role_ending_at(text, role_end, start_limit=sentence_start) or role_end
    begin = _after_other_names(
        text, _chain_start(text, role_start, max(sentence_start, floor)), role_start, names
    )
    elements: list[ChainElement] = []
    sharing: list[Piece] = []  # organisations named alone before a shared title
    cursor = begin
    for part_end in _element_ends(text, begin, role_end):
        element = parse_element(seg, starts, cursor, part_end, org_check)
        if element is not None and _holds_a_name(element, names):
            element = None  # 副所长A研究员、所长助理B: another person's name is no title of B
        if element is not None and _a_group(text, element):
            element = None  # 某委员会全体委员、主任A: all the members, no title of A's
        if element is not None and _opens_a_clause(element, cursor, names):
            elements.clear()  # 书记A在苏州会见了以总书记B: B's title opens a clause of its own
            sharing = []
        if element is not None:
            elements += _shared_title(sharing, element)
            elements += without_leading_title(text, element)
            sharing = []
        elif (bare := _bare_org(seg, starts, cursor, part_end)) is not None and not (
            names.starting_in(bare.start, bare.end)  # 局长A代表某公司、县长B: no shared title
        ):
            sharing.append(bare)
        elif part_end == role_end and _qualified_title(text, cursor, part_end):
            pass  # …常委、国家副主席A: the last title names no organisation; the others hold
        else:
            elements.clear()  # a broken link in the chain: keep only what follows it
            sharing = []
        cursor = part_end + (text[part_end] in "、兼暨")
    if not elements:
        return None  # a chain without any organisation is kept: linking may find one for it
    first = elements[0].org.start if elements[0].org else elements[0].role.start
    span = Piece(first, person.end, text[first : person.end])
    return TitleChain(acting_at_organisation(tuple(elements), text), person, span, caption)


_MAX_LEAD = 4
"""Words before a title without an organisation that a chain may skip (现任, 兼职, 原)."""


@dataclass(frozen=True)
class _Names:
    """The model's person names by start offset, and their starts in order."""

    by_start: Mapping[int, Piece]
    starts: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(sorted(self.by_start)))

    def starting_in(self, lo: int, hi: int) -> list[Piece]:
        """The names that start at ``lo`` or after it and before ``hi``."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [self.by_start[s] for s in self.starts[i:j]]


def _a_group(text: str, element: ChainElement) -> bool:
    """Whether the element's title names a whole group (全体委员, 全体党员), not a post."""
    role = element.role
    return role.text.startswith("全体") or text[max(0, role.start - 2) : role.start] == "全体"


def _opens_a_clause(element: ChainElement, start: int, names: _Names) -> bool:
    """Whether the words skipped before an element are a clause rather than a qualifier of
    its title: long before an element without an organisation, or holding a person's name
    (书记A首先代表学校向 + 某公司董事长B: B's chain starts at the company)."""
    if element.org is None:
        return (element.body or element.role).start - start > _MAX_LEAD
    return bool(names.starting_in(start, element.org.start))


def _after_other_names(text: str, begin: int, role_start: int, names: _Names) -> int:
    """Where a chain starts after the names inside it and what is theirs (会长A及某某会理事长B:
    after A's name; A任某省委书记、原书记B: after A's titles)."""
    for n in names.starting_in(begin, role_start):
        if n.end < role_start and text[n.end] in "及和与在由向随":
            begin = n.end + 1  # 书记A在 + 区长B的陪同下: B's chain starts after the preposition
        elif n.end < role_start and text.startswith("代表", n.end):
            listed = text.rfind("、", n.end, role_start)  # 局长A代表某公司、县长B: B's own
            begin = listed + 1 if listed >= 0 else n.end + 2  # 总编辑A代表 + 某集团社长B
        elif n.end < role_start and text.startswith(_HOLDS, n.end):
            listed = text.rfind("、", n.end, role_start)
            begin = listed + 1 if listed >= 0 else begin
    return begin


def _holds_a_name(element: ChainElement, names: _Names) -> bool:
    """Whether a name starts inside the element's organisation or title."""
    start = element.org.start if element.org else element.role.start
    return bool(names.starting_in(start + 1, element.role.end))


def _qualified_title(text: str, start: int, end: int) -> bool:
    """A title after a short qualifier that names no organisation (国家副主席, 全国劳模)."""
    role_start = role_ending_at(text, end, start_limit=start)
    return (
        role_start is not None
        and 0 < role_start - start <= 2
        and text[start:role_start] in _QUALIFIERS
    )


_QUALIFIERS = frozenset({"国家", "全国", "名誉", "荣誉", "终身", "首席"})


def _bare_org(seg: Segmented, starts: dict[int, int], start: int, end: int) -> Piece | None:
    """An organisation named alone in a chain, before a 、 (市委、市政府副秘书长)."""
    text = seg.doc.text
    start = trim_leading(seg, starts, start, end)
    name = text[start:end]
    if text[end : end + 1] != "、" or not 2 <= len(name) <= _MAX_ORG or name.startswith("原"):
        return None
    if org_suffix_of(name) is None or role_ending_at(text, end, start_limit=start) is not None:
        return None
    return Piece(start, end, name)


def _shared_title(sharing: list[Piece], element: ChainElement) -> list[ChainElement]:
    """The organisations named alone before ``element`` hold its title too (市委、市政府副秘书长:
    副秘书长 of both), when ``element`` names its own organisation."""
    if element.org is None or element.former:
        return []
    return [ChainElement(org, element.body, element.role) for org in sharing]


def _element_ends(text: str, begin: int, end: int) -> list[int]:
    """Where the titles of a chain end: at each 、, at 兼 or 暨 after a title (书记兼院长), after a
    committee's 常委 glued to the next title (市委常委统战部部长), at ``end``."""
    return [
        i
        for i in range(begin, end)
        if text[i] == "、"
        or (text[i] in "兼暨" and role_ending_at(text, i, start_limit=begin))
        or glued_member(text, begin, i)
        or glued_government(text, begin, i)
    ] + [end]
