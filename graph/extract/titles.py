"""One title of a chain: where a role title ends, and ``[ORG][BODY]ROLE`` read before it.

:func:`role_ending_at` finds the role titles of the packaged dictionary; :func:`parse_element`
reads the organisation and body named before one (``华北电力大学`` + ``工会`` + ``副主席``).
The title chains that hold these elements are read by :mod:`graph.extract.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import TypeAlias

from graph.extract.chainparts import (
    after_congress_word,
    head_unit,
    named_by_place_or_pointer,
    org_glued_to_title,
    place_before_government_title,
)
from graph.extract.elision import PLACE_BODIES
from graph.extract.namechars import STATE_FORMS
from graph.extract.names import Piece
from graph.extract.orgforms import federation_short_name, mission_name
from graph.extract.orglead import trim_leading
from graph.extract.orgnames import (
    UNITS_NAMED_ALONE,
    company_suffix,
    hospital_department,
    modifier_after_known_name,
    org_suffix_of,
    org_suffixes,
    paper_with_its_title,
    role_modifier,
    second_name_after,
    short_name_aside,
)
from graph.extract.places import (
    LEVELS,
)
from graph.extract.terms import (
    TERM,
    after_past_term,
    after_present_term,
    before_council,
    before_title_words,
    board_of_a_term,
    former_word_at,
)
from graph.resources import load_lexicon
from graph.types import Segmented

_MAX_ROLE = 8


@dataclass(frozen=True, slots=True)
class ChainElement:
    """One ``[ORG][BODY]ROLE`` of a title chain; ``org`` None means 'same as before';
    ``former`` when the text says the post has ended (原主任, 免去…职务)."""

    org: Piece | None
    body: Piece | None
    role: Piece
    former: bool = False


@cache
def _roles() -> frozenset[str]:
    return load_lexicon("roles") | load_lexicon("rule_roles")


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
    if text.endswith(_ASSISTANT, 0, end) and end - 2 > start_limit:
        head = role_ending_at(text, end - 2, start_limit=start_limit)
        if head is not None and text[head : end - 2].endswith("长"):
            return head  # 行长助理, 局长助理: the assistant to a head (not in the lexicon, whose
            # words the segmenter also reads: 分行 + 行长助理 would cut the branch's name)
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
    if best is not None and best - 2 >= start_limit and text[best - 2 : best] in _QUALIFIED:
        # acting, executive, honorary, graded: 代理市长, 常务副县长, 名誉副会长, 四级调研员
        best -= 2
    elif best is not None and best - 2 >= start_limit and text[best - 2 : best - 1] in _ACTING:
        best -= text[best - 1] == "代"  # 某市代市长, 某局代局长
    elif best is not None and best - 1 >= start_limit and text[best - 1] == "代":
        opening = best - 1 == start_limit or text[best - 2] in _OPENS_TITLE
        best -= opening  # 市委书记A、代市长B: the acting title opens the element
    return best


_ASSISTANT = "助理"
_QUALIFIED = (
    *("代理", "署理", "常务", "名誉", "荣誉", "特邀", "轮值", "三级", "四级", "助理"),
    *("省级", "市级", "县级", "区级", "乡级", "镇级", "村级"),
)


def role_starting_at(text: str, start: int) -> int | None:
    """End of the longest role title written at ``start`` (None if none starts there).

    >>> role_starting_at("副院长林某", 0), role_starting_at("助理院长林某", 0), role_starting_at("林某", 0)
    (3, 4, None)
    """
    roles = _roles()
    for k in range(min(_MAX_ROLE, len(text) - start), 1, -1):
        if text[start : start + k] in roles:
            return start + k
    if text[start : start + 2] in _QUALIFIED and text[start + 2 : start + 4] not in _QUALIFIED:
        return role_starting_at(text, start + 2)  # 助理院长, 署理局长, 县级林长
    return None


_PORTFOLIO = ("分管", "主管", "协管")
_OPENS_TITLE = frozenset("、，,；; \u3000\n（(：:")
"""Characters before which an element (and an acting title: 、代市长) starts."""
_ACTING = LEVELS | frozenset("局院会所部厅委处司行校署办府")
"""Ends of names before which 代 opens an acting title (某局代局长, 某区政府代区长), not a name (时代,
现代)."""


def _listed_body(text: str, start: int, name: str) -> bool:
    """A place's body named alone after another title (、政协主席, 委常委总工会主席), which
    orgkeys.place_body completes."""
    return name in PLACE_BODIES and (
        text[start - 1 : start] == "、" or text[max(0, start - 2) : start] == "常委"
    )


OrgCheck: TypeAlias = Callable[[int, int], "int | None"]


@cache
def role_end_char() -> re.Pattern[str]:
    """A character that ends some role title.

    >>> bool(role_end_char().match("长")), role_end_char().match("的")
    (True, None)
    """
    return re.compile("[" + "".join(re.escape(c) for c in sorted(_role_index()[1])) + "]")


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
    role_start = after_congress_word(text, start, role_ending_at(text, end, start_limit=start), end)
    if role_start is None:
        return None
    if role_start - 2 >= start and text[role_start - 2 : role_start] in _QUALIFYING:
        role_start -= 2  # 某协会专职副主席: the qualifier is the title's, not the name's
    role = Piece(role_start, end, text[role_start:end])
    rest_end, former = before_title_words(text, start, role_start)
    rest_end = before_council(text, start, rest_end, role.text)
    body = _body_before(text, start, rest_end) or board_of_a_term(text, start, role_start)
    if body is not None:
        rest_end = body.start
        if (term := TERM.search(text, start, rest_end)) is not None:
            rest_end = term.start()  # 某大学第六届 + 董事会: the board, whatever its term
    org_start = trim_leading(seg, starts, start, rest_end)
    rest_end = _before_portfolio(text, org_start, rest_end)
    if text.startswith("原", org_start) and rest_end - org_start > 2:
        org_start, former = org_start + 1, True  # 原建设部总工程师: a post that has ended
    elif text.startswith(_AT_THE_TIME, org_start) and rest_end - org_start > 3:
        org_start, former = org_start + 2, True  # 时任某县联社理事长: held then, not now
    elif (past := after_past_term(text, org_start, rest_end)) > org_start:
        org_start, former = past, True  # 上届书协副主席: the last term's post
    elif (present := after_present_term(text, org_start, rest_end)) > org_start:
        org_start = present  # 新一届某协会主席: the association's
    elif rest_end - org_start > 2 and former_word_at(seg, starts, org_start):
        org_start, former = org_start + 1, True  # 前民政事务局局长 (not 前海, a word)
    elif text[org_start:rest_end] in ("前", "原"):
        org_start, former = rest_end, True  # 颁发 + 前县长A: the county is the article's
    if org_start >= rest_end:
        return ChainElement(None, body, role, former)
    return _element_with_org(text, start, org_start, rest_end, body, role, former, org_check)


_AT_THE_TIME, _QUALIFYING = ("时任", "曾任"), ("兼职", "专职", "挂职")


def without_leading_title(text: str, element: ChainElement) -> tuple[ChainElement, ...]:
    """An element whose organisation opens with another title (兼职副会长 + 某某公司 +
    总经理): the rest, without that title, whose organisation the text leaves to the reader
    (a list's, the article's: too uncertain to guess).

    >>> from graph.extract.names import Piece
    >>> t = "副会长东华化工有限公司总经理"
    >>> e = ChainElement(Piece(0, 11, t[:11]), None, Piece(11, 14, "总经理"))
    >>> [(x.org.text if x.org else None, x.role.text) for x in without_leading_title(t, e)]
    [('东华化工有限公司', '总经理')]
    """
    org = element.org
    if org is None:
        return (element,)
    start = org.start + next((len(q) for q in _QUALIFYING if text.startswith(q, org.start)), 0)
    end = role_starting_at(text, start)
    if end is None or end > org.end - 3 or org_suffix_of(text[end : org.end]) is None:
        return (element,)
    rest = ChainElement(Piece(end, org.end, text[end : org.end]), element.body, element.role)
    return (replace(rest, former=element.former),)


def _body_before(text: str, start: int, rest_end: int) -> Piece | None:
    """The body prefix (工会, 党委) ending at ``rest_end``, unless the whole name before it
    ends with a longer organisation suffix or is a place's body named alone."""
    for prefix in _bodies():
        b = rest_end - len(prefix)
        if b >= start and text[b:rest_end] == prefix:
            whole = text[start:rest_end]
            suffix = org_suffix_of("".join(whole.split()))
            if (suffix is None or len(suffix) <= len(prefix)) and not _listed_body(
                text, start, whole
            ):
                return Piece(b, rest_end, prefix)
            return None
    return None


def _before_portfolio(text: str, org_start: int, rest_end: int) -> int:
    """Where the organisation ends before a portfolio (某市分管科技的副市长), else ``rest_end``."""
    portfolio = [at for w in _PORTFOLIO if (at := text.find(w, org_start, rest_end)) >= 0]
    if portfolio:  # 某市分管科技的副市长: a portfolio, not part of the organisation
        rest_end = min(portfolio)
    return rest_end


def _element_with_org(
    text: str,
    start: int,
    org_start: int,
    rest_end: int,
    body: Piece | None,
    role: Piece,
    former: bool,
    org_check: OrgCheck | None,
) -> ChainElement | None:
    """The element whose organisation is named in ``text[org_start:rest_end]``: a department
    or an organisation the title shares a character with, a head unit, or a name that ends like
    an organisation, is a place, or is confirmed by ``org_check``."""
    if text[rest_end - 1] in "）)" and (opened := short_name_aside(text, rest_end - 1, org_start)):
        return ChainElement(Piece(org_start, opened, text[org_start:opened]), body, role, former)
    org_start = place_before_government_title(text, org_start, rest_end, role.text)
    name = "".join(text[org_start:rest_end].split())
    whole = Piece(org_start, rest_end, text[org_start:rest_end])
    if second_name_after(name):  # 某博物馆（某纪念馆）: named whole, with its second name
        return ChainElement(whole, body, role, former)
    adjoining = rest_end == role.start  # no tenure between them (某局新任 + 局长)
    glued = org_glued_to_title(text, name, org_start, role) if body is None else None
    if glued is not None and adjoining:
        return ChainElement(*glued, former)
    if body is None:
        split = role_modifier(text, org_start, rest_end) if adjoining else None
        if split is not None and head_unit(name, role.text):  # 某公司安源煤矿 + 矿长
            return ChainElement(whole, None, role)
        if (
            split is not None
            and org_suffix_of(name) is None
            and not company_suffix(name)
            and name not in org_suffixes()  # 执委会 + 委员: a body named alone, not 执委 + 会委员
        ):
            # 某某地产营销总监: a function word before the title belongs to the title
            if not _DESCRIBING.fullmatch(text, split, role.start):  # 首位女 + 校长: not a title's
                role = Piece(split, role.end, text[split : role.end])
            rest_end, name = split, "".join(text[org_start:split].split())
    if _needs_confirmation(text, start, name, body, role.text):
        confirmed = _confirmed_org(text, start, org_start, rest_end, body, role, org_check)
        if confirmed is None:
            return None
        org_start, rest_end, role = confirmed  # a name without a suffix that the model knows
    return ChainElement(Piece(org_start, rest_end, text[org_start:rest_end]), body, role, former)


_DESCRIBING = re.compile(r"(?:首位|首名|第一位|第一个|唯一的?)?(?:女性?|华人|本土)?")
"""Words that describe the holder before a title (首位女校长, 首位华人院长): no part of it."""


def _needs_confirmation(text: str, start: int, name: str, body: Piece | None, role: str) -> bool:
    """A name before a title that neither ends like an organisation nor is a place, a place's
    body named alone (某县委常委、政协主席) or a hospital department."""
    return (
        org_suffix_of(name) is None
        and not company_suffix(name)
        and name not in org_suffixes()  # 基金会秘书长: the article's foundation's
        and not federation_short_name(name)
        and mission_name(name, role) is None  # 某国驻某地 + 总领事
        and not named_by_place_or_pointer(name, body, role)
        and not _listed_body(text, start, name)  # 某县委常委、政协主席
        and not _unit_in_chain(text, start, name)
        and not hospital_department(name, text)
        and not paper_with_its_title(name, role)
        and not name.endswith(STATE_FORMS)  # 某某共和国 + 总理
    )


def _unit_in_chain(text: str, start: int, name: str) -> bool:
    """A unit named alone after another title of the same chain (X部新闻发言人、办公厅副主任)
    or after a comma (X副主席A，办公室主任B), not after a listed name (、办公室主任B:
    graph.extract.lists)."""
    return name in UNITS_NAMED_ALONE and (
        (text[start - 1 : start] == "、" and role_ending_at(text, start - 1) is not None)
        or text[start - 1 : start] in ("，", ",")  # X副主席A，办公室主任B: graph.extract.orgkeys
    )


def _confirmed_org(
    text: str,
    start: int,
    org_start: int,
    rest_end: int,
    body: Piece | None,
    role: Piece,
    org_check: OrgCheck | None,
) -> tuple[int, int, Piece] | None:
    """``(org_start, rest_end, role)`` of an organisation name without a suffix that
    ``org_check`` (the mention model) accepts, else None."""
    end = role.end
    found = org_check(org_start, rest_end) if org_check else None
    if found is None and org_check is not None and org_start > start:
        found = org_check(start, rest_end)  # words trimmed as verbs (澎湃) start it
    if found is None and org_check is not None and body is None and rest_end == role.start:
        known = modifier_after_known_name(text, org_start, rest_end, org_check)
        if known is not None:  # 某某 (the model's ORG) + 创意 + 总监, not + 首位女 + 总裁
            found, rest_end = known
            if not _DESCRIBING.fullmatch(text, rest_end, role.start):
                role = Piece(rest_end, end, text[rest_end:end])
    if found is None:
        return None
    return found, rest_end, role
