"""The organisation of each title: resolved names and the organisation key of every element.

- Every organisation name span, with elided region prefixes filled in from context
  (:func:`resolve_org_names`), and a party committee's department after its title in a chain.
- The key of each chain element: carried over from the element before it, from a neighbour in
  a list, from where the document states the title, from the title line, or from the
  organisation the document is about (:func:`chain_org_keys`, :func:`subject_orgs`).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from graph.extract.chaindepts import OrgName, chain_departments
from graph.extract.elision import dominant_regions, resolve_elided
from graph.extract.implied import deictic_targets, named_beside, orgs_by_role, visitors
from graph.extract.names import Piece
from graph.extract.orgforms import group_sender
from graph.extract.orgnames import UNITS_NAMED_ALONE, org_suffix_of
from graph.extract.orgs import region_stem
from graph.extract.places import deictic_kind, government_title, is_place, pointing_words
from graph.extract.rules import TitleChain
from graph.extract.subject import (
    held_above,
    listed_after,
    orgs_by_neighbour,
    orgs_by_subject,
    orgs_in_sentence,
    seats_of,
    subject_for,
)
from graph.extract.terms import without_term
from graph.types import Segmented, normalise_key

_LEVEL_TWICE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})([县市区旗])\1(?=委$|纪委$|人民政府$|政府$|人大|政协$)"
)
"""A level written twice before a place's institution (普安县县委: the county's 县委)."""


def resolve_org_names(
    seg: Segmented,
    chains: tuple[TitleChain, ...],
    org_pieces: tuple[Piece, ...],
    doc_regions: dict[str, str] | None = None,
) -> dict[tuple[int, int], OrgName]:
    """Every organisation name span, with elided region prefixes filled in from context."""
    text = seg.doc.text
    if doc_regions is None:
        doc_regions = dominant_regions(text)
    resolved: dict[tuple[int, int], OrgName] = {}
    pieces = list(org_pieces) + [e.org for c in chains for e in c.elements if e.org]
    sentence_starts = [s.start for s in seg.sentences]
    for p in pieces:
        i = bisect.bisect_right(sentence_starts, p.start) - 1
        sentence = seg.sentences[i] if i >= 0 and p.start < seg.sentences[i].end else None
        before = text[sentence.start : p.start] if sentence else ""
        surface = _LEVEL_TWICE.sub(r"\1", normalise_key(p.text))  # 某县县委: 某县委
        if surface.endswith("常委") and is_place(surface[:-2]):
            surface = surface[:-2] + "委"  # 某市常委常委: the city's party committee
        termed, surface = surface, without_term(surface)
        full, rule = resolve_elided(surface, before, doc_regions)
        kept = (termed,) if termed != surface and termed.endswith(_CONGRESSES) else ()
        resolved[(p.start, p.end)] = OrgName(full, full, surface, rule, kept)
    chain_departments(text, chains, resolved)
    return resolved


_CONGRESSES = ("人大", "人民代表大会", "政协", "常委会", "常务委员会")
"""A congress named with its term keeps that name as an alias (某市十一届人大常委会)."""


def subject_orgs(
    seg: Segmented,
    chains: tuple[TitleChain, ...],
    resolved: dict[tuple[int, int], OrgName],
    orgs: tuple[Piece, ...],
    base_of_chain: list[list[str | None]],
    people_at: dict[str, set[str]],
    doc_regions: dict[str, str],
) -> None:
    """Titles still without an organisation are at the document's subject of their kind
    (graph.extract.subject); a subject only the model names becomes an organisation name."""
    if all(k is not None for keys in base_of_chain for k in keys):
        return
    model = {
        span: o
        for span, o in resolve_org_names(seg, (), orgs, doc_regions).items()
        if span not in resolved
    }
    named_at = {(s, e) for s, e in resolved} | set(model)
    for s, e, word in pointing_words(seg.doc.text):
        if not any(a <= s and e <= b for a, b in named_at):
            model[(s, e)] = OrgName(word, word, word, "deictic:pointing-word")
    named = [(s, e, o.key) for (s, e), o in (resolved | model).items()]
    title = seg.doc.text.find(seg.doc.title) + len(seg.doc.title) if seg.doc.title else 0
    # a school calling itself 我校 beside a visiting one (X大学代表团访问我校); 本院, 我院 name
    # the organisation beside them as often as another one (X学院在本院报告厅召开…)
    pointers = [k for _, _, k in named if k[:1] in "我本" and deictic_kind(k) == "校"]
    targets = deictic_targets([(s, k) for s, _, k in named], seg.doc.text)
    pairs = sorted((s, k) for s, _, k in named)
    own = {k: named_beside(pairs, k, seg.doc.text) for k in pointers if k not in targets}
    used = orgs_by_subject(chains, base_of_chain, people_at, named, title, own)
    for span, o in model.items():
        if o.key in used:
            resolved[span] = o
    region_governments(seg.doc.text, chains, base_of_chain, resolved, people_at, doc_regions)


def region_governments(
    text: str,
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    resolved: dict[tuple[int, int], OrgName],
    people_at: dict[str, set[str]],
    doc_regions: dict[str, str],
) -> None:
    """A government title still without an organisation (副市长A in an article about a city
    that names no institution of it) is at the government of the document's region of that
    level, named where the text first names the region."""
    for chain, keys in zip(chains, base_of_chain, strict=True):
        for i, e in enumerate(chain.elements):
            role = e.role.text
            if keys[i] is None and e.body is None and role.endswith(_SAR_CHIEF):
                keys[i] = _region_of_chief(text, resolved)  # 行政长官A in a Hong Kong copy
            if keys[i] is not None or e.body is not None or not government_title(role):
                continue
            region = doc_regions.get(role[-2])
            at = _first_named(text, region) if region else None
            if region is None or at is None:
                continue
            key = region + "人民政府"
            if resolved.setdefault(at, OrgName(key, key, key, "region:government")).key != key:
                continue  # the region's words already name another organisation there
            keys[i] = key
            people_at[key].add(chain.person.text)


_SAR_CHIEF = "行政长官"
_SARS = ("香港", "澳门")


def _region_of_chief(text: str, resolved: dict[tuple[int, int], OrgName]) -> str | None:
    """The special administrative region whose chief executive a bare 行政长官 is: the one of
    香港 and 澳门 the text names more often (named where it first names it), if any."""
    counts = {sar: text.count(sar) for sar in _SARS}
    sar = max(_SARS, key=lambda k: counts[k])
    if counts[sar] == 0:
        return None
    at = text.find(sar)
    key = sar + "特别行政区"
    return resolved.setdefault((at, at + 2), OrgName(key, key, sar, "region:sar")).key


def _first_named(text: str, region: str) -> tuple[int, int] | None:
    """Where ``text`` first names ``region`` (or a city's stem)."""
    for name in (region, region_stem(region)):
        at = text.find(name)
        if at >= 0:
            return at, at + len(name)
    return None


BARE_GOVERNMENTS = ("政府", "人民政府")
RANKS = ("巡视员", "调研员")
"""Civil-service ranks: held in the organisation, not in the unit named before them."""
_UNITS = ("部", "办公室", "办", "处", "科", "室")
_MAX_UNIT = 6


def unit_parent(key: str) -> str | None:
    """The organisation an internal unit belongs to (公司办公室 → 公司), ``None`` when the
    text names the unit alone (投资部); ``key`` itself when it is no unit (某某医院).

    >>> unit_parent("东华公司办公室"), unit_parent("投资部"), unit_parent("东华医院")
    ('东华公司', None, '东华医院')
    """
    unit = next((u for u in _UNITS if key.endswith(u)), None)
    if unit is None:
        return key
    for cut in range(len(key) - len(unit), 0, -1):
        if org_suffix_of(key[:cut]) is not None:
            return key[:cut] if len(key) - cut <= _MAX_UNIT else key
    return None if len(key) <= _MAX_UNIT else key


def _body_owner(resolved: dict[tuple[int, int], OrgName], body: str) -> str | None:
    """The organisation whose ``body`` the document names, when it names one alone
    (紫竹高新区团委 → 紫竹高新区, which becomes an organisation name where it is written)."""
    owners = {
        (start, end - len(body)): o.key[: -len(body)]
        for (start, end), o in resolved.items()
        if o.key.endswith(body) and len(o.key) > len(body) and o.key == o.surface
    }
    if len(set(owners.values())) != 1:
        return None
    span, key = next(iter(owners.items()))
    resolved.setdefault(span, OrgName(key, key, key, "body:owner"))
    return resolved[span].key


def _sent_by(
    text: str,
    chain: TitleChain,
    keys: list[str | None],
    resolved: dict[tuple[int, int], OrgName],
) -> list[str | None]:
    """Titles without an organisation of a delegation's leader are at the organisation that
    sends it (以总书记A为团长的某某党代表团; 某大学参观团一行，在董事长A的带领下)."""
    if all(k is not None for k in keys):
        return keys
    span = group_sender(text, chain.person.end)
    if span is None:
        return keys
    name = text[span[0] : span[1]]
    resolved.setdefault(span, OrgName(name, name, name, "delegation:sender"))
    key = resolved[span].key
    return [
        k if k is not None or e.role.text in _LEADS else key
        for e, k in zip(chain.elements, keys, strict=True)
    ]


_LEADS = ("团长", "副团长", "组长", "领队")
"""Titles in the delegation itself (为团长的): not posts at the organisation that sends it."""


def _units_by_neighbour(
    text: str,
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    resolved: dict[tuple[int, int], OrgName],
) -> None:
    """A unit named alone opening a chain listed after another one is that organisation's
    (X副主席A，办公室主任B: X的办公室)."""
    for i in range(1, len(chains)):
        chain, keys = chains[i], base_of_chain[i]
        first, owner = chain.elements[0].org, base_of_chain[i - 1][-1]
        if first is None or owner is None or first.text not in UNITS_NAMED_ALONE:
            continue
        span = (first.start, first.end)
        if resolved[span].key != first.text or not listed_after(text, chains[i - 1], chain):
            continue
        unit = owner + first.text
        resolved[span] = OrgName(unit, unit, first.text, "neighbour:unit")
        base_of_chain[i] = [
            (owner if e.role.text.endswith(RANKS) else unit) if k == first.text else k
            for e, k in zip(chain.elements, keys, strict=True)
        ]


def _units_named_before(
    sentence_starts: list[int],
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    people_at: dict[str, set[str]],
    named: list[tuple[int, int, str]],
) -> None:
    """A unit named alone (办公室) after an organisation of its sentence whose name ends with it
    is that organisation (到访某某规划办公室，与办公室主任A…), when no chain before it owns it."""
    for chain, keys in zip(chains, base_of_chain, strict=True):
        for k, (element, key) in enumerate(zip(chain.elements, keys, strict=True)):
            if element.org is None or key != element.org.text or key not in UNITS_NAMED_ALONE:
                continue
            at = element.org.start
            floor = sentence_starts[max(0, bisect.bisect_right(sentence_starts, at) - 1)]
            before = [
                (b, other)
                for a, b, other in named
                if floor <= a and b <= at and len(other) > len(key) and other.endswith(key)
            ]
            if before:
                owner = max(before)[1]
                keys[k] = owner
                people_at[owner].add(chain.person.text)


def _listed_like_before(
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    people_at: dict[str, set[str]],
) -> None:
    """A name listed after another with the same titles (副书记A、B) is where A is, when A's
    organisation was found only from the chain before it."""
    for i in range(1, len(chains)):
        chain, before = chains[i], chains[i - 1]
        if chain.rule != "rules.list" or any(k is not None for k in base_of_chain[i]):
            continue
        if [e.role for e in chain.elements] == [e.role for e in before.elements]:
            base_of_chain[i] = list(base_of_chain[i - 1])
            for key in base_of_chain[i]:
                if key is not None:
                    people_at[key].add(chain.person.text)


def _mentioned(
    seg: Segmented,
    orgs: tuple[Piece, ...],
    doc_regions: dict[str, str] | None,
    resolved: dict[tuple[int, int], OrgName],
    base_of_chain: list[list[str | None]],
) -> dict[tuple[int, int], OrgName]:
    """The model's organisations no chain names, while a title still lacks one (选举产生了
    某会…，A当选主席: 某会 is only the model's)."""
    if all(k is not None for keys in base_of_chain for k in keys):
        return {}
    found = resolve_org_names(seg, (), orgs, doc_regions)
    return {span: o for span, o in found.items() if span not in resolved}


def _element_keys(
    text: str, chain: TitleChain, resolved: dict[tuple[int, int], OrgName]
) -> list[str | None]:
    """The organisation key each element of a chain names, or carries over from the element
    before it."""
    keys: list[str | None] = []
    current: str | None = None
    for e in chain.elements:
        if e.org:
            current = resolved[(e.org.start, e.org.end)].key
            if current in BARE_GOVERNMENTS and government_title(e.role.text):
                current = None  # 、政府副市长B: the government of the article's city
        elif (
            e.body
            and current
            and text[e.body.start - 1 : e.body.start] == "兼"
            and not e.body.text.startswith("党")
        ):  # 投资部部长兼团委书记: not the department's 团委 (外交部部长兼党组书记: its 党组)
            current = unit_parent(current) or _body_owner(resolved, e.body.text) or current
        elif e.body is None and current and e.role.text.endswith(RANKS):
            keys.append(unit_parent(current) or current)  # 办公室主任、二级巡视员: a rank
            continue  # of the organisation, not of its unit
        elif e.body is None and current and (held := held_above(keys, e.role.text, current)):
            keys.append(held)  # 某协会书记处第一书记、副主席: the association's 副主席
            continue
        keys.append(current)
    return keys


def chain_org_keys(
    seg: Segmented,
    chains: tuple[TitleChain, ...],
    resolved: dict[tuple[int, int], OrgName],
    orgs: tuple[Piece, ...] = (),
    doc_regions: dict[str, str] | None = None,
) -> tuple[list[list[str | None]], dict[str, set[str]]]:
    """The organisation key of each chain element (carried over from the element before it
    when it names none) and the people named at each organisation."""
    base_of_chain: list[list[str | None]] = []
    people_at: dict[str, set[str]] = defaultdict(set)
    for chain in chains:
        keys = _element_keys(seg.doc.text, chain, resolved)
        for key in keys:
            if key:
                people_at[key].add(chain.person.text)
        base_of_chain.append(_sent_by(seg.doc.text, chain, keys, resolved))
    _units_by_neighbour(seg.doc.text, chains, base_of_chain, resolved)
    orgs_by_neighbour(seg.doc.text, chains, base_of_chain, people_at)
    _listed_like_before(chains, base_of_chain, people_at)
    named = [(s, e, o.key) for (s, e), o in resolved.items()]
    sentence_starts = [s.start for s in seg.sentences]
    mentioned = _mentioned(seg, orgs, doc_regions, resolved, base_of_chain)
    named_too = named + [(s, e, o.key) for (s, e), o in mentioned.items()]
    model_named: dict[tuple[int, int], OrgName] = {}
    if any(k in UNITS_NAMED_ALONE for keys in base_of_chain for k in keys):
        if not mentioned:
            model_named = resolve_org_names(seg, (), orgs, doc_regions)
            model_named = {span: o for span, o in model_named.items() if span not in resolved}
        everything = named_too + [(s, e, o.key) for (s, e), o in model_named.items()]
        _units_named_before(sentence_starts, chains, base_of_chain, people_at, everything)
    orgs_in_sentence(seg.doc.text, sentence_starts, chains, base_of_chain, people_at, named_too)
    title = seg.doc.text.find(seg.doc.title) + len(seg.doc.title) if seg.doc.title else 0
    in_title_orgs = tuple(p for p in orgs if p.end <= title)
    model = {
        span: o
        for span, o in resolve_org_names(seg, (), in_title_orgs, doc_regions).items()
        if span not in resolved
    }
    in_title = [(s, e, o.key) for (s, e), o in (resolved | model).items() if e <= title]
    orgs_by_role(
        chains,
        base_of_chain,
        people_at,
        lambda role: subject_for(in_title, seats_of(role), title),
        visitors(seg.doc.text, named_too),
    )
    used = {k for keys in base_of_chain for k in keys}
    found = mentioned | model_named | model
    resolved.update((span, o) for span, o in found.items() if o.key in used)
    return base_of_chain, people_at
