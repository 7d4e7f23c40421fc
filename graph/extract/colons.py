"""Titles before a colon and the names after it: ``主席：A``, ``副主席：A、B、C``,
``X协会秘书长：D``, and lists announced by a title (``X协会6名副主席当选名单，包括A、B、C``),
each name a chain of its own (its organisation, when the title names none, is found by
linking: the title stated before, or the document's subject).

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "名单如下。\\n副主席：林晓峰、陈思远\\n秘书长：赵一鸣"))
>>> [(c.person.text, c.elements[0].role.text) for c in colon_chains(seg, {})]
[('林晓峰', '副主席'), ('陈思远', '副主席'), ('赵一鸣', '秘书长')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from graph.extract.leadrosters import org_named_before
from graph.extract.listbase import People, name_at, skip_aside
from graph.extract.names import Piece
from graph.extract.rules import TitleChain, clause_titles
from graph.extract.titles import (
    ChainElement,
    OrgCheck,
    parse_element,
    role_ending_at,
    role_starting_at,
)
from graph.resources import load_lexicon
from graph.text.segment import token_index
from graph.types import Segmented

_COLON = re.compile(r"[：:]")
_BETWEEN_NAMES = frozenset("、，, \u3000")
_JOINING = ("以及", "和", "及", "与")  # 副主席：A、B和C
_MAX_TITLES = 30
_MAX_ASIDE = 16


def _before_aside(text: str, end: int) -> int:
    """Where the title before a colon ends, past a bracketed note (副主席（以姓氏笔画为序）：)."""
    if end == 0 or text[end - 1] not in "）)":
        return end
    opened = max(
        text.rfind("（", max(0, end - _MAX_ASIDE), end),
        text.rfind("(", max(0, end - _MAX_ASIDE), end),
    )
    return opened if opened > 0 and "\n" not in text[opened:end] else end


_ANNOUNCING = ("包括", "分别是", "分别为", "依次为", "有")


def _before_announcing(text: str, end: int) -> int:
    """Where the title before a colon ends, before a word announcing the list (非官守议员
    包括：A、B; 副会长分别是：C、D), when a title ends there.

    >>> t = "东华协会副会长包括："
    >>> _before_announcing(t, len(t) - 1), _before_announcing("入选者包括：", 5)
    (7, 5)
    """
    for word in _ANNOUNCING:
        if text.endswith(word, 0, end) and role_ending_at(text, end - len(word)) is not None:
            return end - len(word)
    return end


def _spaced_title(text: str, end: int) -> tuple[ChainElement, ...]:
    """A title spread out by spaces on a line of its own before the colon (主　席：); its role
    names the title without the spaces, its offsets are those written."""
    begin = text.rfind("\n", 0, end) + 1
    while begin < end and text[begin].isspace():
        begin += 1
    written = text[begin:end].rstrip()
    title = "".join(written.split())
    if title == written or title not in load_lexicon("roles"):
        return ()
    return (ChainElement(None, None, Piece(begin, begin + len(written), title)),)


_WERE = re.compile(r"的(?:还|则)?(?:有|是|分别是|分别为)[：:]?")
"""What announces the names after an elected title (当选为某省委常委的还有A、B)."""
_ELECTED = ("当选为", "当选", "被选为", "选为", "担任", "出任", "新任")


_COPULA = re.compile(r"(?:分别是|分别为|依次为|包括|为|是|有)(?![：:])")
"""A verb between a title and its holders without a colon (会长为A, 副会长有B、C)."""


def _list_openings(text: str) -> Iterator[tuple[int, int, str]]:
    """Where a title ends and its names begin, and how: after a colon (副主席：A、B), after a
    verb of election (当选为常委的还有A、B: ``elected``) or after a copula (副会长有A、B: the
    names must end their clause)."""
    for m in _COLON.finditer(text):
        yield _before_announcing(text, _before_aside(text, m.start())), m.end(), "colon"
    for m in _WERE.finditer(text):
        yield m.start(), m.end(), "elected"
    for m in _COPULA.finditer(text):
        if role_ending_at(text, m.start()) is not None:
            yield m.start(), m.end(), "copula"


def colon_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """A chain for each name listed after ``TITLE：`` or ``当选为TITLE的有``."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for end, pos, kind in _list_openings(text):
        elements = clause_titles(seg, starts, end, _MAX_TITLES) or _spaced_title(text, end)
        if not elements:
            continue
        first = elements[0]
        begin = (first.org or first.body or first.role).start
        if kind == "elected" and not text.endswith(_ELECTED, 0, begin):
            continue
        if first.org is None and (org := _heading_org(seg, starts, begin)) is not None:
            elements = tuple(replace(e, org=org) if e.org is None else e for e in elements)
        names = _listed_names(seg, starts, people, pos)
        if kind == "copula" and not (names and _ends_clause(text, skip_aside(text, names[-1].end))):
            continue  # 书记为林某颁奖: for whom, not who holds it
        for name in names:
            span = Piece(begin, name.end, text[begin : name.end])
            out.append(TitleChain(elements, name, span, False, "rules.colon-list"))
    return out


def _listed_names(seg: Segmented, starts: dict[int, int], people: People, pos: int) -> list[Piece]:
    """The names listed from ``pos`` (A（女）、B和C)."""
    text = seg.doc.text
    names: list[Piece] = []
    while pos < len(text):
        while pos < len(text) and text[pos] in " \u3000":
            pos += 1
        name = name_at(seg, starts, people, pos)
        if name is None:
            break
        names.append(name)
        pos = skip_aside(text, name.end)  # 副主席：A（女）、B
        joined = next((w for w in _JOINING if text.startswith(w, pos)), "")
        if pos >= len(text) or (text[pos] not in _BETWEEN_NAMES and not joined):
            break
        pos += len(joined) or 1
    return names


_CLAUSE_MARKS = frozenset("，,。；;！!？?\n")


def _ends_clause(text: str, pos: int) -> bool:
    """Whether a list of names ends its clause at ``pos`` (or before 等 that does)."""
    pos += text.startswith("等", pos)
    return pos >= len(text) or text[pos] in _CLAUSE_MARKS


_HEADING = re.compile(
    r"的?(?:具体)?(?:当选|新当选|选举产生的)?(?:领导成员|成员|组成人员|人员)?名单(?:如下|为|是)?[：:]\s*$"
)
_MAX_HEADED_LINES = 40


def _heading_org(seg: Segmented, starts: dict[int, int], line_start: int) -> Piece | None:
    """The organisation a list's heading names (某协会的具体当选名单为：) when the line at
    ``line_start`` is one of the ``TITLE：names`` lines under it.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "东华棋协的当选名单为：\\n会长：林晓峰\\n副会长：陈思远"))
    >>> _heading_org(seg, token_index(seg), 19)
    Piece(start=0, end=4, text='东华棋协')
    """
    text = seg.doc.text
    pos = text.rfind("\n", 0, line_start) + 1
    if text[pos:line_start].strip():
        return None  # the title does not open its line
    for _ in range(_MAX_HEADED_LINES):
        if pos == 0:
            return None
        above = text.rfind("\n", 0, pos - 1) + 1
        line = text[above : pos - 1]
        if heading := _HEADING.search(line):
            return org_named_before(seg, starts, above + heading.start())
        if not _COLON.search(line, 0, _MAX_ASIDE):
            return None  # the lines above are no list of titles
        pos = above
    return None


_ROSTER = re.compile(
    r"(?:当选|新当选|选举产生的)?(?:名单|人选)(?:如下|分别是|分别为)?[，,：:]?\s*(?:包括|为|是)?[：:]?"
)
_COUNT = re.compile(r"(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:名|位)$")
_NAME_SEPARATORS = ("以及", "还有", "、", "，", ",", "和", "及")


def roster_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """``[ORG][N名]ROLE当选名单，包括A、B，以及C``: each listed name holds the title.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "东华棋协3名副主席当选名单，包括林晓峰、陈思远。"))
    >>> [(c.person.text, c.elements[0].role.text) for c in roster_chains(seg, {})]
    [('林晓峰', '副主席'), ('陈思远', '副主席')]
    """
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for m in _ROSTER.finditer(text):
        title_end = m.start()
        role_start = role_ending_at(text, title_end)
        if role_start is None or role_start == title_end:
            continue
        element = _roster_title(seg, starts, role_start, title_end)
        pos = m.end()
        while pos < len(text) and (name := name_at(seg, starts, people, pos)) is not None:
            span = Piece(element.role.start, name.end, text[element.role.start : name.end])
            out.append(TitleChain((element,), name, span, False, "rules.roster"))
            pos = name.end
            sep = next((w for w in _NAME_SEPARATORS if text.startswith(w, pos)), None)
            if sep is None:
                break
            pos += len(sep)
            if sep in "，," and (
                more := next((w for w in ("以及", "还有") if text.startswith(w, pos)), None)
            ):
                pos += len(more)
    return out


def _roster_title(
    seg: Segmented, starts: dict[int, int], role_start: int, end: int
) -> ChainElement:
    """The title of a roster, with the organisation written before it (and before a count)."""
    text = seg.doc.text
    role = Piece(role_start, end, text[role_start:end])
    before = role_start
    if count := _COUNT.search(text, max(0, before - 4), before):
        before = count.start()
    return ChainElement(org_named_before(seg, starts, before), None, role)


_COUNTED = re.compile(_COUNT.pattern.removesuffix("$"))
_ANNOUNCED = re.compile(
    r"中?(?:[，,][^，,。；;：:\n]{1,14})?[，,：:]?(?:分别是|分别为|包括|依次为|依次是)[：:]?"
)
"""What follows a counted title before its names (5名副主席中，3人是新当选，分别是…)."""
_HAVING = re.compile(
    r"(?:(?:第[一二三四五六七八九十百零〇0-9]{1,4}|新一|本)届(?:理事会|董事会|委员会)?)?"
    r"(?:共有|现有|设有|有|的)?$"
)
"""What may stand between an organisation and its counted title (某公会第九届共有七位常务理事)."""
_MAX_HAVING = 12
_ITEM_SEPARATORS = ("以及", "、", "和", "及")
_MAX_ITEM = 30


def counted_chains(
    seg: Segmented, people: People, org_check: OrgCheck | None = None
) -> list[TitleChain]:
    """``[ORG的]N名ROLE，分别是A、B和C``: each listed name holds the title, also when the list
    describes it first (分别是东华大学教授A、西岭公司董事长B: the name ending each item).

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "东华棋协选出5名副主席，分别是林晓峰、陈思远。"))
    >>> [(c.person.text, c.elements[0].role.text) for c in counted_chains(seg, {})]
    [('林晓峰', '副主席'), ('陈思远', '副主席')]
    """
    text = seg.doc.text
    starts = token_index(seg)
    by_start = sorted(people.values(), key=lambda p: p.start)
    out: list[TitleChain] = []
    for m in _COUNTED.finditer(text):
        role_end = role_starting_at(text, m.end())
        if role_end is None:
            role_end, element = _counted_org_title(seg, starts, m.end(), org_check)
        else:
            role = Piece(m.end(), role_end, text[m.end() : role_end])
            having = _HAVING.search(text, max(0, m.start() - _MAX_HAVING), m.start())
            before = having.start() if having else m.start()
            element = ChainElement(org_named_before(seg, starts, before), None, role)
        announced = _ANNOUNCED.match(text, role_end) if role_end else None
        if element is None or announced is None or text[announced.end() - 1] in "：:":
            continue  # 3位发言人分别是：A；B: each item's titles (graph.extract.leadrosters)
        for name in _item_names(seg, starts, people, by_start, announced.end()):
            span = Piece(m.start(), name.end, text[m.start() : name.end])
            out.append(TitleChain((element,), name, span, False, "rules.counted-list"))
    return out


def _counted_org_title(
    seg: Segmented, starts: dict[int, int], start: int, org_check: OrgCheck | None
) -> tuple[int | None, ChainElement | None]:
    """Where a counted title naming its organisation ends and its element (3名立法会议员，包括…:
    立法会 + 议员), else ``(None, None)``; ``org_check`` confirms a name without a suffix."""
    text = seg.doc.text
    for end in range(start + 3, min(len(text), start + _MAX_COUNTED_TITLE) + 1):
        if _ANNOUNCED.match(text, end) and role_ending_at(text, end, start_limit=start + 2):
            element = parse_element(seg, starts, start, end, org_check)
            if element is not None and element.org is not None:
                return end, element
    return None, None


_MAX_COUNTED_TITLE = 14


def _item_names(
    seg: Segmented, starts: dict[int, int], people: People, by_start: list[Piece], pos: int
) -> list[Piece]:
    """The names ending the items of a list from ``pos`` (A、某某公司董事长B及C): in each item,
    the first name followed by a separator or the end of the clause."""
    text = seg.doc.text
    names: list[Piece] = []
    while pos < len(text):
        name = name_at(seg, starts, people, pos) or next(
            (
                p
                for p in by_start
                if pos < p.start <= pos + _MAX_ITEM
                and not any(c in text[pos : p.start] for c in "。；;！？\n")
                and _ends_item(text, skip_aside(text, p.end))
            ),
            None,
        )
        if name is None:
            break
        names.append(name)
        pos = skip_aside(text, name.end)
        sep = next((w for w in _ITEM_SEPARATORS if text.startswith(w, pos)), None)
        if sep is None:
            break
        pos += len(sep)
    return names


def _ends_item(text: str, at: int) -> bool:
    return at >= len(text) or text[at] in _CLAUSE_MARKS or text.startswith(_ITEM_SEPARATORS, at)
