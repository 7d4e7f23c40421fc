"""Posts stated for several people at once, as title chains of their own.

- **Lists sharing a title**: ``X副主任A、B、C及秘书长D`` gives A, B and C the title of the chain
  before them and D the new title at the same organisation.
- Appointments, elections and removals (:mod:`graph.extract.changes`), titles after the name
  and bylines (:mod:`graph.extract.bylines`), the present posts of a biography
  (:mod:`graph.extract.appointments`) are read here too.

Names are the shipped model's PERSON spans or the rule names of :mod:`graph.extract.names`.

>>> from graph.extract.rules import title_chains
>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "华东市政协副主席林晓峰、陈思远及秘书长赵一鸣出席。"))
>>> chains = title_chains(seg)
>>> [(c.person.text, c.elements[-1].role.text) for c in list_chains(seg, chains, {})]
[('陈思远', '副主席'), ('赵一鸣', '秘书长')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from graph.extract.afternames import names_between_org_and_title, role_after_name
from graph.extract.appointments import (
    biography_chains,
)
from graph.extract.bylines import after_name_title_chains, byline_chains
from graph.extract.changes import appointment_chains, removal_chains
from graph.extract.implied import role_base
from graph.extract.listbase import (
    People,
    name_at,
    skip_aside,
    unique_chains,
)
from graph.extract.names import BOUNDARY, NAME_DOTS, Piece
from graph.extract.orgnames import UNITS_NAMED_ALONE, org_suffix_of
from graph.extract.people import is_transliteration, looks_like_name
from graph.extract.rules import TitleChain
from graph.extract.subject import fits
from graph.extract.titles import ChainElement, OrgCheck, role_starting_at
from graph.extract.transliterated import transliterated_end
from graph.resources import load_lexicon
from graph.text.segment import token_index
from graph.types import Segmented

_AND = ("以及", "、", "及", "和", "与", " ")  # 副理事长　A　B (a space in the analysis text)
_JOINING = ("以及", "及", "和", "与")  # conjunctions, which may join people of other posts


@cache
def _roles() -> frozenset[str]:
    return load_lexicon("roles")


def list_chains(seg: Segmented, chains: tuple[TitleChain, ...], people: People) -> list[TitleChain]:
    """Further people of a chain's title (``、B、C``) and further titles at its organisation
    (``及秘书长D``), each as a chain of its own."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    own_orgs = {e.org.start for c in chains for e in c.elements if e.org}
    titled_elsewhere = {c.person.text for c in chains if any(e.org for e in c.elements)}
    for chain in chains:
        if chain.span.start == chain.person.start:
            continue  # A（X局局长）、B: the title after A's name is A's alone
        elements = chain.elements
        base = next((e.org for e in reversed(elements) if e.org), None)
        # X局A局长、B副局长: after a title written after the name, the list goes on after it
        pos = _after_honour(text, skip_aside(text, max(chain.person.end, chain.span.end)))
        while pos < len(text):
            sep = next((a for a in _AND if text.startswith(a, pos)), None)
            if sep is None:
                break
            q = pos + len(sep)
            counted = _COUNTED_TITLE.match(text, q)  # 、两名现任成员B及C: the count and tenure
            if counted and role_starting_at(text, counted.end()) is not None:
                q = counted.end()
            unit = _unit_at(seg, starts, q) if base and q not in own_orgs else ""
            role_end = role_starting_at(text, q + len(unit))
            name = name_at(seg, starts, people, role_end) if role_end else None
            if role_end is not None and name is not None:
                role = Piece(q + len(unit), role_end, text[q + len(unit) : role_end])
                if unit:
                    elements = (ChainElement(base, Piece(q, q + len(unit), unit), role),)
                else:  # 、办公室主任D: X办公室; 、副书记D after X团委书记C: X团委
                    elements = (_listed_element(chain, base, role),)
            else:
                name = name_at(seg, starts, people, q) or _transliterated_at(seg, starts, q)
                if name is None or q in own_orgs:
                    break
                after = role_after_name(text, name.end)
                after = None if after in _SHARING_HONOURS else after  # 、B院士: the same title
                if after is None and not _ends_listed_name(text, name.end):
                    break  # 、某某服务处执行长…: the name opens an organisation's name
                if after is None and sep in _JOINING and name.text in titled_elsewhere:
                    break  # 省长A和B出席: B, with a post of its own, does not share A's titles
                if after is not None:  # 、B副所长: B's own title there (or linking finds one)
                    role = Piece(name.end, name.end + len(after), after)
                    span = Piece(q, role.end, text[q : role.end])
                    out.append(
                        TitleChain(
                            (ChainElement(base, None, role),), name, span, False, "rules.list"
                        )
                    )
                    pos = _after_honour(text, skip_aside(text, role.end))
                    continue
            span = Piece(q, name.end, text[q : name.end])
            out.append(TitleChain(elements, name, span, False, "rules.list"))
            pos = _after_honour(text, skip_aside(text, name.end))
    return out


_COUNTED_TITLE = re.compile(r"(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})[名位](?:现任|新任|新)?")


def _listed_element(chain: TitleChain, base: Piece | None, role: Piece) -> ChainElement:
    """A title listed after a chain's person: at the chain's last organisation, or at the
    body of its last title when the listed title is a degree of it (X团委书记A、副书记B: B is
    at the same 团委; 部长兼团委书记A、副书记B: at that 团委, wherever it is)."""
    last = chain.elements[-1]
    if last.body is None or role_base(role.text) != role_base(last.role.text):
        if (
            base is not None
            and (role_base(role.text) in _KIND_TITLES or role.text in _SEAT_TITLES)
            and not fits(role.text, base.text)
        ):
            return ChainElement(None, None, role)  # 某委员会主任A、校长B: no 校长 of a 委员会
        return ChainElement(base, None, role)
    return ChainElement(last.org, last.body, role)


_SEAT_TITLES = frozenset({"行政长官", "特首", "省长", "市长", "县长", "区长", "州长"})
"""Titles of a region's head, held at the region's government whatever the list before them
names (某办主任A、行政长官B: B heads the region)."""
_KIND_TITLES = frozenset(
    {"校长", "院长", "所长", "局长", "厅长", "厂长", "行长", "馆长", "站长", "台长", "检察长"}
)
"""Titles that name the kind of organisation holding them (校长 of a school, 局长 of a bureau):
a list does not carry them over to an organisation of another kind."""


def _transliterated_at(seg: Segmented, starts: dict[int, int], q: int) -> Piece | None:
    """A transliterated name listed at ``q`` that the model did not read (阿不来提・阿不都热西提)."""
    end = transliterated_end(seg, starts, q)
    name = seg.doc.text[q:end]
    return Piece(q, end, name) if end > q and is_transliteration(name) else None


_HONOURS = ("院士", "同志", "教授", "研究员")
_SHARING_HONOURS = ("院士", "同志")
"""Words after a listed name that leave it the title of the list (A委员B院士、C院士)."""


def _after_honour(text: str, pos: int) -> int:
    """Past an honour or an academic title written after a listed name (A院士、B副所长)."""
    return pos + next((len(h) for h in _HONOURS if text.startswith(h, pos)), 0)


_UNIT_ENDS = ("会", "室", "处", "科", "部", "办", "组")
_MEETINGS = frozenset({"大会", "会议", "年会", "全会", "例会"})


def _unit_at(seg: Segmented, starts: dict[int, int], q: int) -> str:
    """A unit of the organisation that a list names alone before a title (、办公室主任B,
    、经审会主任C): a listed unit, or one word ending like a unit (…会, …室, …处) that no
    title chain reads as an organisation of its own (、立法会主席C)."""
    text = seg.doc.text
    unit = next((u for u in UNITS_NAMED_ALONE if text.startswith(u, q)), "")
    i = starts.get(q)
    if unit or i is None:
        return unit
    word = seg.tokens[i].text
    if (
        2 <= len(word) <= 5
        and word.endswith(_UNIT_ENDS)
        and word not in _roles()
        and word not in _MEETINGS  # 、大会秘书长C: the session's, not a unit's
        and org_suffix_of(word) is None  # 财务部主任: a chain of its own
        and role_starting_at(text, q + len(word)) is not None
    ):
        return word
    return ""


_LEADING = ("带队", "率队", "领队", "带团", "率团")


_TAKING = ("担任", "出任", "兼任", "分别担任", "共同担任")


def _ends_listed_name(text: str, end: int) -> bool:
    """Whether a listed name ends at ``end``, not opening an organisation's name (某某服务处);
    a conjunction after it ends the list there (A、B及市政协常委), and so does a verb of
    leading a group, whose object ends like a name (A、B带队调研: not a 队)."""
    if text.startswith(("及", "和", "与", "以及", "等", *_LEADING, *_TAKING), end):
        return True  # A、B担任某集团轮值董事长: the verb, not a name's end
    for k in range(2, 5):
        after = text[end : end + k]
        if (
            len(after) == k
            and all("\u4e00" <= ch <= "\u9fff" for ch in after)
            and org_suffix_of(text[end - 2 : end] + after) is not None
        ):
            return False
    return True


def several_people_chains(
    seg: Segmented,
    chains: tuple[TitleChain, ...],
    names: tuple[Piece, ...],
    org_check: OrgCheck | None = None,
) -> tuple[TitleChain, ...]:
    """Every chain of this module, given the document's title chains and model names
    (``org_check`` confirms organisations without a known ending in appointments)."""
    people = people_index(chains, names)
    people.update(_named_after_triggers(seg, people))
    people.update(_named_before_election(seg.doc.text, people))
    people.update(names_between_org_and_title(seg, people))
    after_name = after_name_title_chains(seg, people)
    found = (  # the first of two chains for the same person and title is kept
        byline_chains(seg, people)
        + removal_chains(seg, people)
        + appointment_chains(seg, people, org_check)
        + biography_chains(seg, people)
        + after_name
        + list_chains(seg, chains + tuple(after_name), people)
    )
    return tuple(unique_chains(found))


_TRIGGERS = re.compile(r"(?:决定|同意|任命|委任|派任|提名|聘任|聘请|补选|选举|推选|免去|接受)")


def _named_after_triggers(seg: Segmented, people: People) -> People:
    """Names the model missed in ``任命A、B为…``, ``决定A为…``: the rules' names after the
    verb, separated by 、."""
    text = seg.doc.text
    starts = token_index(seg)
    found: People = {}
    for m in _TRIGGERS.finditer(text):
        pos = m.end()
        names = _names_from(seg, starts, people, pos)
        while names:  # 任命A为X副区长，B为Y局长: the verb governs the clauses after it too
            found.update((n.start, n) for n in names)
            comma = _next_clause(text, names[-1].end)
            names = _names_from(seg, starts, people, comma, before="为") if comma else []
    return found


def _names_from(
    seg: Segmented, starts: dict[int, int], people: People, pos: int, before: str = ""
) -> list[Piece]:
    """The names listed from ``pos`` on, separated by 、 (none unless ``before`` follows them)."""
    text = seg.doc.text
    names = []
    while (name := name_at(seg, starts, people, pos)) is not None:
        if len(name.text) == 2 and text.startswith("成为", name.end):
            longer = text[name.start : name.end + 1]  # 任命胡某成 + 为: not 胡某 + 成为
            if looks_like_name(longer):
                name = Piece(name.start, name.end + 1, longer)
        names.append(name)
        pos = skip_aside(text, name.end)
        if not text.startswith("、", pos):
            break
        pos += 1
    return names if names and text.startswith(before, skip_aside(text, names[-1].end)) else []


def _next_clause(text: str, pos: int) -> int | None:
    """Where the clause (or the item of a list of clauses: A为X、B为Y) after the one holding
    ``pos`` starts, within the sentence (None at its end)."""
    while pos < len(text) and text[pos] not in "，,、。；;！？\n":
        pos += 1
    return pos + 1 if text[pos : pos + 1] in ("，", ",", "、") else None


_ELECTION = re.compile(r"(?:再次|继续|全票|高票)?(?:当选|连任|荣膺|荣任|出任|接任)")
_CLAUSE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:同志|先生|女士)?$")


def _named_before_election(text: str, people: People) -> People:
    """Names the model missed that open a clause before an election verb (A荣膺新一届主席)."""
    found: People = {}
    for m in _ELECTION.finditer(text):
        begin = m.start()
        while begin > 0 and text[begin - 1] not in BOUNDARY and text[begin - 1] != "\n":
            begin -= 1
        clause = _CLAUSE_NAME.match(text, begin, m.start())
        if clause is None or begin in people:
            continue
        name = re.sub("(?:同志|先生|女士)$", "", clause.group())
        if looks_like_name(name):
            found[begin] = Piece(begin, begin + len(name), name)
    return found


def _named_elsewhere(person: Piece, texts: set[str], text: str) -> Piece | None:
    """The model's name, read elsewhere, one character longer than ``person`` and written
    at its place."""
    whole = text[person.start : person.end + 1]
    if len(whole) > len(person.text) and whole in texts:
        return Piece(person.start, person.end + 1, whole)
    return None


def people_index(chains: tuple[TitleChain, ...], names: tuple[Piece, ...]) -> People:
    """Person names by start: the model's, then the title chains' own."""
    people: People = {p.start: p for p in names}
    for c in chains:
        people.setdefault(c.person.start, c.person)
    return people


def _dotted_tail(longer: str, name: str) -> bool:
    """The model's name goes on past a middle dot (路易斯 + ·卡尔沃)."""
    return longer.startswith(name) and any(d in longer[len(name) :] for d in NAME_DOTS)


_JOINING_WORDS = frozenset("和与及")


def with_model_names(
    chains: tuple[TitleChain, ...], names: tuple[Piece, ...], text: str
) -> tuple[TitleChain, ...]:
    """Chains whose name the rules cut short (袁某 + 一) take the model's longer name, read
    there or elsewhere in the document ``text`` (a headline's 郭某 + 淳 where the body names
    郭某淳)."""
    longer = {p.start: p for p in names}
    texts = {p.text for p in names}
    out = []
    for c in chains:
        m = longer.get(c.person.start) or _named_elsewhere(c.person, texts, text)
        if m is not None and m.text[len(c.person.text) :] in _JOINING_WORDS:
            m = None  # 主任曹某泰 + 和 + 助理处长A: the model read the conjunction as the name's
        if m is not None and (
            c.person.end < m.end <= c.person.end + 1 or _dotted_tail(m.text, c.person.text)
        ):
            span = c.span
            if span.end == c.person.end:
                span = Piece(span.start, m.end, span.text + m.text[len(c.person.text) :])
            c = replace(c, person=m, span=span)
        elif len(c.person.text) == 3 and c.person.text[:2] in texts and c.person.text[2] in _GOING:
            short = Piece(c.person.start, c.person.end - 1, c.person.text[:2])
            c = replace(c, person=short)  # a headline's 某某来 + 某镇 where the body names 某某
        out.append(c)
    return tuple(out)


_GOING = frozenset("来到赴")
"""Verbs of going the rules may read as a name's last character (某某来 + 某镇调研)."""
