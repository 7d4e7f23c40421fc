"""Appointment clauses beyond ``A为X副市长``: a further title for the same people
(``任命A为X副主任，并决定为代理主任``), delegates of a congress (``补选A为X人民代表大会代表``)
and the present posts of a short biography (``A，男，汉族，1965年生，现任X常委、Y部长``).

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "东江市人民代表大会代表"))
>>> e = delegate_element(seg, 0, 11)
>>> e.org.text, e.role.text
('东江市人民代表大会', '代表')
"""

from __future__ import annotations

import re

from graph.extract.acting import ACTING_VERBS
from graph.extract.names import BOUNDARY, Piece
from graph.extract.orglead import HONORIFICS
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement, parse_element, role_ending_at
from graph.text.segment import token_index
from graph.types import Segmented

_FURTHER = re.compile(r"[，,]\s*(?:并|同时)(?:决定|同意)?(?:任命)?(?:为|任)")
ELECTED = (
    *(
        f"{how}{verb}"
        for how in ("再次", "继续", "全票", "高票", "满票", "")
        for verb in (
            "当选为",
            "当选",
            "获选为",
            "获选",
            "连任",
            "担任",
            "出任",
            "接任",
            "兼任",
            "荣膺",
            "膺选为",
            "膺选",
            "荣任",
            "续任",
            "成为",
            "被选举为",
            "被选为",
            "被推选为",
            "被推举为",
            "被任命为",
            "被聘为",
            "被聘任为",
            "任命为",  # after 被 and its adverbs (已于3月上旬被正式任命为)
            "调任为",  # a transfer: the new post (原某局局长A调任某市副市长)
            "调任",
            "调升为",
            "调升",
            "升任为",
            "升任",
            "挂职",  # a secondment: the post is held (挂职某县副县长)
            "晋升为",
            "聘任为",
            "聘为",
            "选为",
        )
    ),
    *ACTING_VERBS,
    "为",
    "任",
)
"""Verbs after the names that give them the titles that follow (longest first); 代理 gives
them the acting title (决定A代理某市市长: 代理市长), as Hong Kong's 署理 and 署任 do (由副局长A
署任某局局长职务: 署理局长)."""


RESIGNING_LEAD = re.compile(
    r"(?:(?:因|由于)[^，,。；;\n]{1,12}?[，,]?)?(?:已|近日|日前)?(?:申请|提出|主动|书面)?"
    r"(?=请求辞去|辞去|不再担任)"
)
"""What may stand between a name and its resignation: the reason and how it was asked for
(A因工作调整申请辞去…职务)."""
_CONGRESS = ("代表大会",)
_DELEGATE = "代表"


def delegate_element(seg: Segmented, start: int, end: int) -> ChainElement | None:
    """``X代表大会代表``: a delegate (代表) of the congress X代表大会."""
    text = seg.doc.text
    org_end = end - len(_DELEGATE)
    if not text.startswith(_DELEGATE, org_end) or not text[:org_end].endswith(_CONGRESS):
        return None
    if org_end - start <= len(_CONGRESS[0]):
        return None
    org = Piece(start, org_end, text[start:org_end])
    return ChainElement(org, None, Piece(org_end, end, _DELEGATE))


def further_post(text: str, end: int) -> tuple[int, int] | None:
    """Where the further title of ``，并决定为…`` right after ``end`` starts and ends."""
    m = _FURTHER.match(text, end)
    if m is None:
        return None
    stop = m.end()
    while stop < len(text) and text[stop] not in BOUNDARY | {"\n", "的"}:
        stop += 1
    return (m.end(), stop) if stop > m.end() else None


def with_organisation(
    elements: tuple[ChainElement, ...], before: tuple[ChainElement, ...]
) -> tuple[ChainElement, ...]:
    """A further title without an organisation is at the organisation of the title before."""
    org = next((e.org for e in reversed(before) if e.org), None)
    if not elements or elements[0].org is not None or org is None:
        return elements
    first = elements[0]
    return (ChainElement(org, first.body, first.role, first.former), *elements[1:])


_CURRENTLY = re.compile(r"现任|现为|(?<=[年月])(?:起|至今)任|(?:目前|现|同时|还|并)(?:担任|兼任)")
_MEETING = (
    "会见",
    "会晤",
    "接见",
    "看望",
    "慰问",
    "拜会",
    "拜访",
    "陪同",
    "听取",
    "与",
    "和",
    "向",
    "对",
)
"""Words before a biography's verb that bring in another person (A会见B，B现任…)."""
_AND_ALSO = re.compile(r"[，,]?(?:以及|并)")
"""What joins the last title of a biography's list to the others (…理事长，以及某会副主席)."""
_AS_POSTS = re.compile(r"等(?:重要|领导)?职务?$")
"""What closes a biography's list of titles (…副主席等重要职务)."""
_BIO_NAME_END = ("，", ",", "（", "(")
_CLAUSE_END = frozenset("，,。；;\n")


def _list_end(text: str, start: int) -> int:
    """Where a biography's list of titles opened at ``start`` ends: at its clause's end, or at
    the next one when 以及 joins a last title (…理事长，以及某会副主席等重要职务)."""
    end = start
    while end < len(text) and text[end] not in _CLAUSE_END:
        end += 1
    if _AND_ALSO.match(text, end) and text[end : end + 1] in "，,":
        end += 1
        while end < len(text) and text[end] not in _CLAUSE_END:
            end += 1
    return end


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The titles of a biography's list between 、 and 以及, less the closing 等职务."""
    if (closing := _AS_POSTS.search(text, start, end)) is not None:
        end = closing.start()
    out, cursor = [], start
    for m in re.finditer(r"、|[，,]?以及", text[start:end]):
        out.append((cursor, start + m.start()))
        cursor = start + m.end()
    return [*out, (cursor, end)]


def _subject_of(text: str, people: dict[int, Piece], at: int) -> Piece | None:
    """The name that opens the sentence of ``at``, else its paragraph (a résumé: ``A先生，
    1963年出生。…2015年起任本公司董事长``), followed by a comma or a bracket."""
    for stops in ("。\n", "\n"):
        begin = max(text.rfind(c, 0, at) for c in stops) + 1
        while begin < at and text[begin].isspace():
            begin += 1
        name = people.get(begin)
        if name is not None:
            end = name.end + next((len(h) for h in HONORIFICS if text.startswith(h, name.end)), 0)
            if text.startswith(_BIO_NAME_END, end):
                return name
            # A毕业于…，现为…: the sentence's subject, unless it opens a list or meets another
            verbs = text[end:at]
            return (
                None
                if text[end : end + 1] in "、和与及同" or any(v in verbs for v in _MEETING)
                else name
            )
    return None


def biography_chains(seg: Segmented, people: dict[int, Piece]) -> list[TitleChain]:
    """``A，男，汉族，…，现任X常委、Y部长。``: the titles after 现任 belong to the name that
    opens the sentence, when every part between 、 is a title.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "林晓峰，男，1965年生，现任东江市财政局局长。"))
    >>> [(c.person.text, c.elements[0].role.text) for c in biography_chains(seg, {0: Piece(0, 3, "林晓峰")})]
    [('林晓峰', '局长')]
    """
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    by_end = {p.end: p for p in people.values()}
    for m in _CURRENTLY.finditer(text):
        name = by_end.get(m.start()) or _subject_of(text, people, m.start())
        if name is None:
            continue
        end = _list_end(text, m.end())
        parts = _parts(text, m.end(), end)
        elements: list[ChainElement] = []
        for start, part_end in parts:
            element = parse_element(seg, starts, start, part_end)
            if element is None:
                break
            elements.append(element)
        if elements and len(elements) == len(parts):
            span = Piece(name.start, end, text[name.start : end])
            out.append(TitleChain(tuple(elements), name, span, False, "rules.biography"))
    return out


POST_WORDS = ("一职", "职务")
"""Words after a post that name it as a post (连任X主席一职)."""


ACTING_AFTER = re.compile(r"[，,]\s*(?:并)?代理")


def post_end_at(text: str, start: int) -> int:
    """Where a post read from ``start`` ends: at the clause's end, before 职务 or 一职."""
    end = start
    while end < len(text) and text[end] not in BOUNDARY | {"\n", "的"}:
        end += 1
    return before_time_clause(
        text, end - next((len(w) for w in POST_WORDS if text.endswith(w, 0, end)), 0)
    )


def before_time_clause(text: str, end: int) -> int:
    """Where a post ending at ``end`` ends before the word making its clause a time clause
    (任命A为某省委书记后，…: after the appointment).

    >>> before_time_clause("任命林晓峰为东江省委书记后", 13), before_time_clause("任命林晓峰为东江市长", 10)
    (12, 10)
    """
    word = next((w for w in _TIME_CLAUSE_ENDS if text.endswith(w, 0, end)), "")
    if word and role_ending_at(text, end - len(word)) is not None:
        return end - len(word)
    return end


_TIME_CLAUSE_ENDS = ("之后", "以后", "以来", "后")


def before_next_verb(text: str, start: int, end: int) -> int:
    """Where a post read from ``start`` to ``end`` ends before 并 and the next verb of its
    clause (A当选会长并发表讲话), when a title ends there.

    >>> t = "当选东华商会会长并发表讲话"
    >>> before_next_verb(t, 2, len(t)), before_next_verb("当选东华商会会长", 2, 8)
    (8, 8)
    """
    at = text.find("并", start, end)
    if at > start and role_ending_at(text, at, start_limit=start) is not None:
        return at
    return end


def before_next_holder(text: str, people: dict[int, Piece], start: int, end: int) -> int:
    """Where a post read from ``start`` to ``end`` ends before the titles of another person
    named in it (A任某省委书记、原书记B…: A's post ends at 、).

    >>> t = "宣布林晓峰任东江省委书记、原书记陈思远另有任用"
    >>> before_next_holder(t, {17: Piece(17, 20, "陈思远")}, 6, len(t))
    12
    """
    inside = [p.start for p in people.values() if start < p.start < end]
    if not inside:
        return end
    listed = text.rfind("、", start, min(inside))
    return listed if listed >= 0 else end
