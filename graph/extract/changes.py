"""Posts that begin or end with the article: appointments and elections (``任命A、B为X副市长``,
``A当选为X主席``, ``A等11名同志当选副主席``, ``A接替B出任X``), transfers (``X局长A调任Y``: Y
begins, X ends) and removals (``免去A某局局长职务``, ``A辞去…职务``, ``A不再担任…``,
``免去其…职务``).

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> from graph.extract.names import Piece
>>> seg = segment(Document.from_text("d.txt", "任命林晓峰为东江市财政局局长。"))
>>> [(c.person.text, c.elements[0].org.text, c.elements[0].role.text)
...  for c in appointment_chains(seg, {2: Piece(2, 5, "林晓峰")})]
[('林晓峰', '东江市财政局', '局长')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.acting import ACTING_VERBS, acting_at_organisation, acting_title
from graph.extract.appointments import (
    ACTING_AFTER,
    ELECTED,
    POST_WORDS,
    RESIGNING_LEAD,
    before_next_holder,
    before_next_verb,
    before_time_clause,
    delegate_element,
    further_post,
    post_end_at,
    with_organisation,
)
from graph.extract.listbase import (
    People,
    name_at,
    name_list,
    skip_aside,
    titled_name_list,
    unique_chains,
)
from graph.extract.names import BOUNDARY, Piece
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement, OrgCheck, parse_element, role_starting_at
from graph.text.segment import token_index
from graph.types import Segmented

_MANY = re.compile(
    r"等?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})(?:名|位|人)(?:同志|代表|委员)?"
    r"|以[0-9０-９一二两三四五六七八九十百千]{1,5}票的?(?:高票|全票|满票)?"
    r"|以(?=全票|高票|满票)"  # A以全票当选X镇长
)
"""What stands between the names and the verb: their count (等20名代表), their votes."""
_STANDS_FOR = re.compile(r"(?<=[定命意名并])其(?=为|任|担任|出任)")
"""其 as the object of an appointment (任命A为X，并决定其为代理市长): the person just named."""
_NEW_TERM = re.compile(r"(?:新任|首任|新一届|第[0-9一二三四五六七八九十]{1,3}[届任])")


def appointment_chains(
    seg: Segmented, people: People, org_check: OrgCheck | None = None
) -> list[TitleChain]:
    """``[任命]A、B为X副市长``, ``A当选为X主席``: each name holds every title of the clause;
    ``org_check`` confirms organisations without a known ending (the model's: 书协第七届主席团)."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    people = {**people, **_pronouns(text, people)}
    for p in sorted(people.values(), key=lambda p: p.start):
        pos = skip_aside(text, p.end)
        m = _MANY.match(text, pos)
        pos = m.end() if m else pos
        respectively = text.startswith(_RESPECTIVELY, pos)
        pos += len(_RESPECTIVELY) * respectively
        adverbs = _ALREADY.match(text, pos)  # A已正式出任X: the verb after its adverbs
        after = adverbs.end() if adverbs else pos
        held = role_starting_at(text, after)
        if held is not None and text.startswith(tuple(ACTING_VERBS), held):
            after = held  # A副区长代理某区区长职务: the title A holds, then the verb
        verb = next((v for v in ELECTED if text.startswith(v, after)), None)
        if verb == "成为" and after == p.end and _listed_appointment(text, p):
            p, verb = Piece(p.start, p.end + 1, text[p.start : p.end + 1]), "为"
            after = pos = p.end  # 任命A为X；某文成为Y: 某文成 + 为, as the list reads
        if verb is None or (after > pos and verb in ("为", "任")):
            continue
        pos = after
        post_start = pos + len(verb)
        post_end = post_start
        while post_end < len(text) and text[post_end] not in BOUNDARY | {"\n", "的"}:
            if text[post_end] in "及和" and post_end + 1 in people:
                break  # A接任X主席及B接任Y: the next name's clause
            if text[post_end] == "、" and _opens_appointment(text, people, post_end + 1):
                break  # 选举A为X镇长、B为Y主席: B's clause, not a second title of A
            post_end += 1
        post_end = before_next_holder(text, people, post_start, post_end)
        post_end -= next((len(w) for w in POST_WORDS if text.endswith(w, 0, post_end)), 0)
        post_end = before_next_verb(text, post_start, before_time_clause(text, post_end))
        lead = _NEW_TERM.match(text, post_start, post_end)  # 当选新任X主席, 第五届X会长
        elements = (
            lead and titles_filling(seg, starts, lead.end(), post_end, org_check=org_check)
        ) or titles_filling(seg, starts, post_start, post_end, org_check=org_check)
        if not elements:
            continue
        if verb in ACTING_VERBS:
            elements = acting_title(elements, ACTING_VERBS[verb])
        elements = acting_at_organisation(elements)
        successor = _successor(text, people, p)
        names = [successor] if successor else _names(seg, starts, people, p)
        if respectively:
            out += _respective_chains(text, names, elements, post_end)
            continue
        for name in names:
            span = Piece(name.start, post_end, text[name.start : post_end])
            out.append(TitleChain(elements, name, span, False, "rules.appointment"))
        out += _further_chains(seg, starts, post_end, elements, names)
    return unique_chains(out)


def _further_chains(
    seg: Segmented,
    starts: dict[int, int],
    post_end: int,
    elements: tuple[ChainElement, ...],
    names: list[Piece],
) -> list[TitleChain]:
    """The names' further post right after theirs (，并决定为代理主任; 任命A为某市副市长，代理某市
    市长职务: the acting title too), at the organisation of the post before when it names none."""
    text = seg.doc.text
    further = further_post(text, post_end)
    acting = ACTING_AFTER.match(text, post_end) if further is None else None
    if acting is not None:
        further = (acting.end(), post_end_at(text, acting.end()))
    if further is None or not (more := titles_filling(seg, starts, *further)):
        return []
    more = with_organisation(acting_title(more) if acting is not None else more, elements)
    spans = (Piece(n.start, further[1], text[n.start : further[1]]) for n in names)
    return [
        TitleChain(more, name, span, False, "rules.appointment")
        for name, span in zip(names, spans, strict=True)
    ]


def _listed_appointment(text: str, p: Piece) -> bool:
    """Whether the two-character name ``p`` opens an item of a list of appointments (after
    ；or ，in a sentence that appoints: 任命A为X；某文 + 成为Y), where a third character 成
    and 为 read better than 成为.

    >>> t = "任命林晓峰为东华局局长；孙文成为东华委主任。"
    >>> _listed_appointment(t, Piece(12, 14, "孙文")), _listed_appointment("李志成为校长", Piece(0, 2, "李志"))
    (True, False)
    """
    sentence = max(text.rfind(c, 0, p.start) for c in "。！？\n") + 1
    return (
        len(p.text) == 2
        and text[p.start - 1 : p.start] in ("；", ";", "，", ",")
        and "任命" in text[sentence : p.start]
    )


def _pronouns(text: str, people: People) -> People:
    """其 standing for the person named last before it in its sentence, where an appointment
    takes it as its object: a piece at 其 holding that person's name."""
    out: People = {}
    by_start = sorted(people.values(), key=lambda p: p.start)
    for m in _STANDS_FOR.finditer(text):
        sentence = max(text.rfind(c, 0, m.start()) for c in "。！？\n") + 1
        before = [p for p in by_start if sentence <= p.start and p.end <= m.start()]
        if before:
            out[m.start()] = Piece(m.start(), m.end(), before[-1].text)
    return out


def _names(seg: Segmented, starts: dict[int, int], people: People, last: Piece) -> list[Piece]:
    """The names a clause's verb follows: a list of bare names (A、B和C为…), else of names
    each with its own titles (聘请某局局长A、某会主席B为…), else the one name."""
    listed = name_list(seg, starts, people, last.end) or [last]
    if len(listed) > 1:
        return listed
    return titled_name_list(seg.doc.text, people, last) or listed


def _opens_appointment(text: str, people: People, at: int) -> bool:
    """Whether a name at ``at`` is followed by 为 or 任 (the next clause of a list of
    appointments), or opens a list of names followed by an election's verb (A当选X秘书长、
    B、C当选Y副秘书长)."""
    name = people.get(at)
    if name is not None and text.startswith(("为", "任"), name.end):
        return True
    if _titled_transfer(text, people, at):
        return True
    while name is not None and text[name.end : name.end + 1] == "、":
        name = people.get(name.end + 1)
    if name is None:
        return False
    m = _MANY.match(text, skip_aside(text, name.end))
    pos = m.end() if m else skip_aside(text, name.end)
    return text.startswith(_ELECTION_VERBS, pos)


def _titled_transfer(text: str, people: People, at: int) -> bool:
    """Whether ``text[at:]`` is a title and a name followed by a transfer's verb (原A局局长林某调任
    X、B局局长周某调升Y: the second clause), within the same clause."""
    for pos in range(at, min(len(text), at + _TITLED_REACH)):
        if text[pos] in BOUNDARY or text[pos] in "、\n":
            return False
        name = people.get(pos)
        if name is not None and pos > at:
            after = skip_aside(text, name.end)  # (a given name's last character may be missed)
            return any(text.startswith(_TRANSFER_VERBS, i) for i in (after, after + 1))
    return False


def left_by_transfer(text: str, chains: tuple[TitleChain, ...]) -> tuple[TitleChain, ...]:
    """``chains`` with the titles before a name that a transfer's verb follows marked ended:
    ``东华分局局长林某调任某市公安局副局长`` leaves the 分局 (the new post is
    :func:`appointment_chains`')."""
    out = []
    for chain in chains:
        if chain.span.end == chain.person.end and text.startswith(
            _TRANSFER_VERBS, skip_aside(text, chain.person.end)
        ):
            ended = tuple(replace(e, former=True) for e in chain.elements)
            chain = replace(chain, elements=ended)
        out.append(chain)
    return tuple(out)


_TITLED_REACH = 24  # characters of a title before the name
_TRANSFER_VERBS = tuple(v for v in ELECTED if v.startswith(("调任", "调升", "升任", "晋升")))
_ELECTION_VERBS = tuple(v for v in ELECTED if v.startswith(("当选", "再次当选", "全票当选")))
"""The verbs of an election that open a clause of their own after a list's 、."""


_RESPECTIVELY = "分别"


def _respective_chains(
    text: str, names: list[Piece], elements: tuple[ChainElement, ...], post_end: int
) -> list[TitleChain]:
    """``A、B及C分别当选为会长、理事长及监事长``: the n-th name holds the n-th title (none
    when the counts differ); an organisation named only before the first title is each one's."""
    if len(names) != len(elements) or len(names) < 2:
        return []
    org = elements[0].org
    chains = []
    for name, element in zip(names, elements, strict=True):
        if element.org is None and org is not None:
            element = replace(element, org=org)
        span = Piece(name.start, post_end, text[name.start : post_end])
        chains.append(TitleChain((element,), name, span, False, "rules.appointment"))
    return chains


_ALREADY = re.compile(
    r"(?:已经|已|正式|将|即将|于近日|近日|依然|仍然|仍|继续|再次|还"
    r"|于[0-9０-９一二三四五六七八九十〇零年月日号上中下旬初底末]{2,12}|被"
    r"|在[\u4e00-\u9fff]{2,10}?(?:内|期间))*"
    r"(?:[\u4e00-\u9fff]{2}地)?"
)
"""Adverbs and a time (已于3月上旬被正式, 在未来一段时间内仍) between the names and the verb."""
_SUCCEEDING = re.compile(
    r"(?:(?:将|已|正式)?(?:于|自|从)?[^，,。；;、\n]{0,14}?起)?(?:将|已|正式)?(?:接替|替代|代替|接棒|接任)"
)


_SUCCEEDING_VERBS = ("接替", "替代", "代替", "接棒", "接任")


def _successor(text: str, people: People, p: Piece) -> Piece | None:
    """The name before ``A接替B出任X`` (or ``A明年元旦起接替B任X``): A takes the post that
    follows B's name, not B."""
    if not text.endswith(_SUCCEEDING_VERBS, 0, p.start):
        return None
    return next(
        (
            q
            for q in people.values()
            if p.start - 24 <= q.end < p.start and _SUCCEEDING.fullmatch(text, q.end, p.start)
        ),
        None,
    )


def titles_filling(
    seg: Segmented,
    starts: dict[int, int],
    start: int,
    end: int,
    *,
    former: bool = False,
    org_check: OrgCheck | None = None,
) -> tuple[ChainElement, ...]:
    """The titles ``[ORG]ROLE(、|兼[ORG]ROLE)*`` filling ``text[start:end]`` exactly (else none;
    titles joined by 及 when the whole is no title: 首席执行官及董事)."""
    for separators in ("、兼", "、兼及"):
        elements = _titles(seg, starts, start, end, separators, former, org_check)
        if elements:
            return elements
    return ()


def _titles(
    seg: Segmented,
    starts: dict[int, int],
    start: int,
    end: int,
    separators: str,
    former: bool,
    org_check: OrgCheck | None = None,
) -> tuple[ChainElement, ...]:
    text = seg.doc.text
    elements: list[ChainElement] = []
    cursor = start
    for part_end in [i for i in range(start, end) if text[i] in separators] + [end]:
        element = parse_element(seg, starts, cursor, part_end, org_check) or delegate_element(
            seg, cursor, part_end
        )
        if element is None:
            return ()
        if former:
            element = ChainElement(element.org, element.body, element.role, True)
        elements.append(element)
        cursor = part_end + 1
    return tuple(elements)


_REMOVED_BEFORE = ("免去",)
_REMOVED_AFTER = ("请求辞去", "辞去", "不再担任", "被免去")
_POST_END = re.compile(r"职务|职|[，,。；;\n]|的")


def removal_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """Posts that end: ``免去A某局局长职务``, ``A辞去某局局长职务``, ``A不再担任某局局长``."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    named = dict(people)
    for word in _REMOVED_BEFORE:
        for hit in re.finditer(word, text):
            name = name_at(seg, starts, {}, hit.end())
            if name is not None:
                named[name.start] = name
    removed: list[tuple[Piece, int]] = []
    for p in sorted(named.values(), key=lambda p: p.start):
        pos = skip_aside(text, p.end)
        pos = m.end() if (m := RESIGNING_LEAD.match(text, pos)) else pos  # A因…辞去
        after = next((w for w in _REMOVED_AFTER if text.startswith(w, pos)), None)
        if after is not None:
            removed.append((p, pos + len(after)))
        elif text[: p.start].endswith(_REMOVED_BEFORE):
            removed.append((p, pos + text.startswith("的", pos)))  # 免去A的X职务
    for m in _REMOVED_THEIR.finditer(text):
        their = _person_before(text, named, m.start())
        if their is not None:
            removed.append((their, m.end()))  # 任命A为X，免去其Y职务: A's Y
    for p, post_start in removed:
        stop = _POST_END.search(text, post_start)
        post_end = stop.start() if stop else len(text)
        elements = titles_filling(seg, starts, post_start, post_end, former=True)
        if elements:
            span = Piece(p.start, post_end, text[p.start : post_end])
            out.append(TitleChain(elements, p, span, False, "rules.removal"))
    return out


_REMOVED_THEIR = re.compile(r"免去(?:其|他|她)(?:的)?")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _person_before(text: str, named: People, end: int) -> Piece | None:
    """The last name before ``end`` in the same sentence (the 其 of 免去其…职务)."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, end - 80), end)), default=0)
    before = [p for p in named.values() if begin <= p.start and p.end <= end]
    return max(before, key=lambda p: p.start) if before else None
