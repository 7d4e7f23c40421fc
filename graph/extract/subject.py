"""The organisation a document is about, for titles written without one (副院长某某).

A title that the text gives no organisation, neither next to it nor earlier in the document
(:func:`graph.extract.implied.orgs_by_role`), is held at the organisation the document is about:
of the organisations whose name ends like a seat of that title (院长 -> …院, 会长 -> …会;
``role_seats.txt``), the one named in the title line, else the one named most often, else the
first named. A sub-body title (党委书记, 工会主席) is at the document's main organisation.

>>> seats_of("常务副院长"), seats_of("党委书记"), seats_of("所长助理")
(('院',), (), ('所',))
>>> subject_for([(0, 4, "东华医院"), (9, 13, "南山大学"), (20, 24, "南山大学")], ("院",), 5)
'东华医院'
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache

from graph.extract.implied import role_base
from graph.extract.orgnames import org_suffix_of
from graph.extract.places import DEICTIC_TYPES, deictic_kind, government_title, is_place
from graph.extract.rules import TitleChain
from graph.resources import resource_text

Named = tuple[int, int, str]
"""An organisation named in the document: start, end and canonical key."""

_HOSTS = (
    "公司", "集团", "大学", "学院", "学校", "中学", "小学", "医院", "院", "所", "局", "中心",
    "会", "厂", "社", "银行", "行", "馆", "台", "站", "队",
)  # fmt: skip
"""Organisations whose sub-bodies (党委, 工会) a bare 党委书记 or 工会主席 can be of."""


@cache
def _seats() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in resource_text("role_seats.txt").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if "\t" in line:
            role, endings = line.split("\t", 1)
            out[role.strip()] = tuple(endings.split())
    return out


def seats_of(role: str) -> tuple[str, ...]:
    """Endings of the organisations a title can be held in (empty: unknown, not guessed)."""
    seats = _seats()
    if role.endswith("助理") and len(role) > 3:
        role = role.removesuffix("助理")  # 所长助理: at the seat of the 所长
    return seats.get(role) or seats.get(role_base(role)) or ()


def subject_for(named: Sequence[Named], endings: tuple[str, ...], title_end: int) -> str | None:
    """The organisation the document is about among those ending with one of ``endings``
    (any organisation that can hold a sub-body when ``endings`` is empty)."""
    fits = [
        (start, key)
        for start, _, key in named
        if (not key.startswith(("我", "本", "该")) or key in endings)
        and not is_place(key)
        and org_suffix_of(key) is not None
        and key.endswith(endings or _HOSTS)
    ]
    if not fits:
        fits = _pointing_fits(named, endings, title_end)
    if not fits:
        return None
    counts = Counter(key for _, key in fits)
    first: dict[str, int] = {}
    for start, key in sorted(fits):
        first.setdefault(key, start)
    in_title = {key for start, key in fits if start < title_end}
    return max(counts, key=lambda k: (k in in_title, counts[k], -first[k]))


def _pointer_fits(key: str, endings: tuple[str, ...]) -> bool:
    """Whether a pointing word (我校) can name an organisation ending with ``endings``."""
    kind = deictic_kind(key)
    return kind is not None and any(t.endswith(endings or _HOSTS) for t in DEICTIC_TYPES[kind])


def _pointing_fits(
    named: Sequence[Named], endings: tuple[str, ...], title_end: int = 0
) -> list[tuple[int, str]]:
    """Pointing words (我院, 本公司; a generic word in the title: 学校召开…) that can name an
    organisation ending with one of ``endings``: the seat when the document names no
    organisation of that kind at all."""
    out = []
    for start, _, key in named:
        kind = deictic_kind(key)
        if (
            kind is not None
            and (key[0] in "我本该" or start < title_end)
            and any(t.endswith(endings or _HOSTS) for t in DEICTIC_TYPES[kind])
        ):
            out.append((start, key))
    return out


def fits(role: str, key: str) -> bool:
    """Whether an organisation can hold a title: its seats (role_seats.txt) end the name, a
    government title is at a party committee's place (县委 -> 县人民政府), an unlisted title
    anywhere.

    >>> fits("副院长", "东华医院"), fits("副市长", "东华公司"), fits("县长", "东岭县委")
    (True, False, True)
    """
    endings = seats_of(role)
    if not endings or key.endswith(endings):
        return True
    return government_title(role) and key.endswith(("委", "委员会"))


def orgs_in_sentence(
    text: str,
    sentence_starts: Sequence[int],
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    people_at: dict[str, set[str]],
    named: Sequence[Named],
) -> None:
    """A title without an organisation is at the organisation visited or electing before it
    in its sentence, when that one can hold it (察看了某某公司，听取总经理A汇报; 在某某公司，…总经理A;
    选举产生了某某协会第一届领导班子，A当选主席)."""
    for chain, keys in zip(chains, base_of_chain, strict=True):
        start = chain.span.start
        sentence = sentence_starts[bisect.bisect_right(sentence_starts, start) - 1]
        for i, e in enumerate(chain.elements):
            endings = seats_of(e.role.text)
            if keys[i] is not None or e.org is not None or e.body is not None or not endings:
                continue
            elected = chain.rule == "rules.appointment"
            visited = [
                (s, key)
                for s, end, key in named
                if sentence <= s
                and end <= start
                and key.endswith(endings)
                and (
                    _VISITED.search(text, max(sentence, s - 4), s)
                    or (elected and s == sentence)  # 某会进行改选，由A当选理事长: its own
                )
                and not is_place(key)
            ]
            if not visited and i == 0:
                visited = _clause_before(text, sentence, chain, chains, base_of_chain, endings)
            if visited:
                key = max(visited)[1]
                keys[i] = key
                people_at[key].add(chain.person.text)


def _clause_before(
    text: str,
    sentence: int,
    chain: TitleChain,
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    endings: tuple[str, ...],
) -> list[tuple[int, str]]:
    """The organisation of the person whose clause the sentence told just before (某医院党委书记A
    主持了典礼，院长B汇报: the hospital's), when it can hold the bare title."""
    before = [
        (c.span.start, keys[-1])
        for c, keys in zip(chains, base_of_chain, strict=True)
        if sentence <= c.span.start
        and c.span.end < chain.span.start
        and keys[-1] is not None
        and keys[-1].endswith(endings)
        and not is_place(keys[-1])
    ]
    if not before:
        return []
    return [max(before)] if text[chain.span.start - 1] in "，," else []


_VISITED = re.compile(
    r"(?:在|到|赴|来到|走进|走访|察看|查看|考察|调研|参观|视察|选举产生|选出|产生)了?$"
)
"""Words before an organisation a visit goes to, or whose leaders an election gives."""


def orgs_by_subject(
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    people_at: dict[str, set[str]],
    named: Sequence[Named],
    title_end: int,
    own: Mapping[str, set[str]] | None = None,
) -> set[str]:
    """Fill each element still without an organisation with the document's subject of the
    title's kind; returns the keys used.  ``own`` maps the pointing words the document calls
    itself by and names no organisation for to the organisations named beside them: such a
    pointing word wins over one of those (我校 hosting X大学: 校长A is 我校's, not X's)."""
    used: set[str] = set()
    for chain, keys in zip(chains, base_of_chain, strict=True):
        for i, (e, key) in enumerate(zip(chain.elements, keys, strict=True)):
            if key is not None:
                continue
            if i > 0 and keys[i - 1] is not None:
                keys[i] = keys[i - 1]  # 副院长、党委委员: the same organisation
                continue
            endings = seats_of(e.role.text)
            if not endings and e.body is None:
                continue
            seats = endings if e.body is None else ()
            subject = subject_for(named, seats, title_end)
            for pointer, others in (own or {}).items():
                if _pointer_fits(pointer, seats) and (subject is None or subject in others):
                    subject = pointer  # 我校 hosting X大学: 校长A is 我校's, not X's
                    break
            if subject is not None:
                keys[i] = subject
                used.add(subject)
                people_at[subject].add(chain.person.text)
        for i in range(len(keys) - 2, -1, -1):
            if keys[i] is None and keys[i + 1] is not None and _party_role(chain, i):
                keys[i] = keys[i + 1]  # 党组副书记、总经理: the party group of that company
    return used


_PARTY_ROLE_PREFIXES = ("党组", "党委", "纪委", "党总支", "党支部")


def _party_role(chain: TitleChain, i: int) -> bool:
    """A party title written without an organisation (党组副书记, 党委委员) before a title
    that has one in the same chain."""
    e = chain.elements[i]
    return e.org is None and e.body is None and e.role.text.startswith(_PARTY_ROLE_PREFIXES)


_LIST_SEPARATORS = ("、", "，", ",", "和", "及", "以及", "与")
_ASIDE_END = re.compile(r"(?:[（(][^（）()]{1,8}[）)])?(?:同志)?")


def listed_after(text: str, before: TitleChain, chain: TitleChain) -> bool:
    """Whether ``chain`` is listed right after ``before``'s person (A、B; A，B; A和B)."""
    m = _ASIDE_END.match(text, before.person.end)
    gap = m.end() if m else before.person.end
    first = chain.elements[0]
    start = (first.org or first.body or first.role).start
    sep = next((w for w in _LIST_SEPARATORS if text.startswith(w, gap)), "")
    return bool(sep) and gap + len(sep) == start


def orgs_by_neighbour(
    text: str,
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    people_at: dict[str, set[str]],
) -> None:
    """A chain listed right after another one (``学院院长A、党委书记B``, ``X公司总裁A，监事会
    主席B``, ``X所所长A和党委副书记B``) whose titles name no organisation is at the organisation
    of the chain before it."""
    for i in range(1, len(chains)):
        chain, keys = chains[i], base_of_chain[i]
        before, before_keys = chains[i - 1], base_of_chain[i - 1]
        if keys[0] is None and _listed_with(before, chain) and before_keys[-1] is not None:
            base_of_chain[i] = list(before_keys)  # 副会长A、B，理事C: B is where A is, and so
            people_at[before_keys[-1]].add(chain.person.text)  # C is listed after B
            continue
        if keys[0] is not None or before_keys[-1] is None or not listed_after(text, before, chain):
            continue
        first = chain.elements[0]
        target = before_keys[-1]
        for e, key in zip(before.elements, before_keys, strict=True):
            if key is not None and e.role.text == first.role.text:
                target = key  # X外办党组成员、Y会长A，党组成员B: the title where A holds it
                break
        last = before.elements[-1]
        if (
            target == before_keys[-1]
            and last.body is not None
            and first.org is None
            and first.body is None
            and role_base(first.role.text) == role_base(last.role.text)
        ):
            target += last.body.text  # X团委书记A、副书记B: the deputy of the same 团委
        elif (
            target == before_keys[-1]
            and (opening := before.elements[0]).body is not None
            and last.org is None
            and last.body is None
            and first.org is None
            and first.body is None
            and role_base(first.role.text) == role_base(last.role.text)
            and fits(last.role.text, str(target) + opening.body.text)
        ):
            target += opening.body.text  # 市妇联党组书记、主席A，副主席B: the 妇联's deputy
        if not fits(first.role.text, str(target)) and first.body is None:
            continue  # X公司董事长A，副市长B: not the company's
        for j, key in enumerate(keys):
            if key is not None:
                break
            keys[j] = target
        people_at[str(target)].add(chain.person.text)


def _listed_with(before: TitleChain, chain: TitleChain) -> bool:
    """Whether ``chain`` is a name listed after ``before``'s with the same titles (副会长A、B)."""
    roles = [e.role for e in chain.elements]
    return chain.rule == "rules.list" and roles == [e.role for e in before.elements]


def held_above(keys: list[str | None], role: str, current: str) -> str | None:
    """The organisation earlier in a chain that a title carried over from a unit it cannot
    be held at belongs to (某协会党组书记、书记处第一书记、副主席A: no 书记处 has a 副主席)."""
    if fits(role, current) or not seats_of(role):
        return None
    return next((k for k in reversed(keys) if k and k != current and fits(role, k)), None)


def unit_cannot_hold(role: str, unit: str, org: str) -> bool:
    """Whether a title carried over from a unit's title is at ``org`` rather than at that
    unit, which cannot hold it (书记处第一书记、副主席: the association's 副主席).

    >>> unit_cannot_hold("副主席", "书记处", "东江省作协"), unit_cannot_hold("教授", "某学院", "某大学")
    (True, False)
    """
    return unit != org and not fits(role, unit) and fits(role, org)
