"""Linking: surface names to canonical entities within one document.

- Elided region prefixes are resolved from context (``graph.extract.elision``): ``区总工会`` takes the
  nearest district named before it in the sentence, ``市总工会`` the document's dominant city
  (``南京市总工会``).
- A name broken by layout (``华东汽车⏎⏎有限公司``) is a key without whitespace; a shortened or
  repaired name is merged as an alias of a longer name when the same person holds posts at
  both and one is a character subsequence of the other (same suffix, same first characters).
- Organisations get types from their name's ending, and parents read off names: sub-bodies
  (X工会 ⊂ X), branches (X某分公司 ⊂ X) and districts (区X ⊂ 市X).
- Every merge records its rule in ``Entity.link_rules``.

>>> org_classes("某某大学")
('高等学校', '学校')
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from graph.extract.abbreviations import is_short_form, short_form_aliases
from graph.extract.elision import committee_department, dominant_regions, resolve_elided
from graph.extract.hierarchy import branch_parent, upper_level
from graph.extract.implied import deictic_targets, orgs_by_role, seat_of
from graph.extract.names import Piece
from graph.extract.orgnames import org_suffix_of
from graph.extract.places import deictic_kind
from graph.extract.rules import TitleChain
from graph.extract.subject import orgs_by_neighbour, orgs_by_subject
from graph.resources import load_lexicon, resource_text
from graph.text.segment import MAX_SENTENCE_CHARS, span_of
from graph.types import Entity, EntityRef, Segmented, Span, normalise_key


@dataclass(frozen=True, slots=True)
class OrgName:
    """A resolved organisation name: canonical key and label, and the rule that made it."""

    key: str
    label: str
    surface: str
    rule: str


@dataclass(slots=True)
class _Builder:
    label: str
    aliases: set[str] = field(default_factory=set)
    classes: tuple[str, ...] = ()
    mentions: list[Span] = field(default_factory=list)
    rules: set[str] = field(default_factory=set)

    def freeze(self, ref: EntityRef) -> Entity:
        return Entity(
            ref,
            self.label,
            tuple(sorted(self.aliases - {self.label})),
            self.classes,
            tuple(sorted(set(self.mentions), key=lambda s: (s.start, s.end))),
            tuple(sorted(self.rules)),
        )


@dataclass(frozen=True, slots=True)
class Linking:
    """The entities of one document and which entity each name span refers to."""

    entities: dict[EntityRef, Entity]
    org_at: dict[tuple[int, int], EntityRef]
    person_of: dict[str, EntityRef]
    element_orgs: tuple[tuple[EntityRef | None, ...], ...]
    parents: tuple[tuple[EntityRef, EntityRef, str, Span], ...]
    credits: tuple[tuple[EntityRef, EntityRef, Span], ...]


@cache
def _orgtypes() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for line in resource_text("orgtypes.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            parts = ([*line.split("\t"), "", ""])[:3]
            rows.append((parts[0], parts[1], parts[2]))
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def org_classes(label: str) -> tuple[str, ...]:
    """Organisation type (and its broader type) read off the name's ending.

    >>> org_classes("某区总工会")
    ('总工会', '工会')
    """
    for suffix, kind, broader in _orgtypes():
        if label.endswith(suffix):
            return (kind, broader) if broader else (kind,)
    return ()


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _alias_targets(names: dict[str, str], people_at: dict[str, set[str]]) -> dict[str, str]:
    """Map a shortened/broken name key to the full name key it stands for."""
    out: dict[str, str] = {}
    for a in names:
        for b in names:
            if (
                len(a) < len(b)
                and a[:2] == b[:2]
                and org_suffix_of(a) == org_suffix_of(b)
                and _is_subsequence(a, b)
                and people_at.get(a, set()) & people_at.get(b, set())
            ):
                out[a] = b
    return out


def link_document(
    seg: Segmented,
    chains: tuple[TitleChain, ...],
    org_pieces: tuple[Piece, ...],
    credits: tuple[Piece, ...] = (),
    people: tuple[Piece, ...] = (),
    orgs: tuple[Piece, ...] = (),
) -> Linking:
    """Canonical organisations, sub-bodies and people of one document.

    Four phases: resolve elided organisation names, read which organisation each title-chain
    element is at, merge shortened names into organisation entities, then link the people.
    """
    doc_regions = dominant_regions(seg.doc.text)
    resolved = _resolve_org_names(seg, chains, org_pieces, doc_regions)
    base_of_chain, people_at = _chain_org_keys(seg.doc.text, chains, resolved)
    _subject_orgs(seg, chains, resolved, orgs, base_of_chain, people_at, doc_regions)
    alias_to = _alias_targets({o.key: o.label for o in resolved.values()}, people_at)
    named = [(start, o.key) for (start, _), o in resolved.items()]
    alias_to.update(deictic_targets(named + [(p.start, normalise_key(p.text)) for p in orgs]))
    alias_to.update(
        short_form_aliases(
            seg.doc.text,
            [(s, e, o.key) for (s, e), o in resolved.items()]
            + [(p.start, p.end, normalise_key(p.text)) for p in orgs],
            [(o.surface, o.key) for o in resolved.values()],
        )
    )
    builders: dict[EntityRef, _Builder] = {}
    org_at = _org_entities(seg, builders, resolved, alias_to)
    person_of, element_orgs = _people(seg, builders, chains, base_of_chain, alias_to)
    credited = _credits(seg, builders, credits, chains, element_orgs, person_of)
    _named_people(seg, builders, person_of, people)
    parents = _parents(seg, builders)
    entities = {ref: b.freeze(ref) for ref, b in builders.items()}
    return Linking(entities, org_at, person_of, tuple(element_orgs), parents, credited)


def _resolve_org_names(
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
        surface = normalise_key(p.text)
        full, rule = resolve_elided(surface, before, doc_regions)
        resolved[(p.start, p.end)] = OrgName(full, full, surface, rule)
    for chain in chains:
        committee = None
        for e in chain.elements:
            if e.org is None:
                continue
            o = resolved[(e.org.start, e.org.end)]
            if committee and (dept := committee_department(o.surface, committee)):
                resolved[(e.org.start, e.org.end)] = OrgName(
                    dept, dept, o.surface, "committee:chain"
                )
            committee = o.key + (e.body.text if e.body else "")
    return resolved


def _subject_orgs(
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
        for span, o in _resolve_org_names(seg, (), orgs, doc_regions).items()
        if span not in resolved
    }
    named = [(s, e, o.key) for (s, e), o in (resolved | model).items()]
    title = seg.doc.text.find(seg.doc.title) + len(seg.doc.title) if seg.doc.title else 0
    used = orgs_by_subject(chains, base_of_chain, people_at, named, title)
    for span, o in model.items():
        if o.key in used:
            resolved[span] = o


def _chain_org_keys(
    text: str, chains: tuple[TitleChain, ...], resolved: dict[tuple[int, int], OrgName]
) -> tuple[list[list[str | None]], dict[str, set[str]]]:
    """The organisation key of each chain element (carried over from the element before it
    when it names none) and the people named at each organisation."""
    base_of_chain: list[list[str | None]] = []
    people_at: dict[str, set[str]] = defaultdict(set)
    for chain in chains:
        keys: list[str | None] = []
        current: str | None = None
        for e in chain.elements:
            if e.org:
                current = resolved[(e.org.start, e.org.end)].key
            keys.append(current)
            if current:
                people_at[current].add(chain.person.text)
        base_of_chain.append(keys)
    orgs_by_neighbour(text, chains, base_of_chain, people_at)
    orgs_by_role(chains, base_of_chain, people_at)
    return base_of_chain, people_at


def _org_entities(
    seg: Segmented,
    builders: dict[EntityRef, _Builder],
    resolved: dict[tuple[int, int], OrgName],
    alias_to: dict[str, str],
) -> dict[tuple[int, int], EntityRef]:
    """One organisation entity per canonical name (aliases merged); the entity at each span."""
    org_at: dict[tuple[int, int], EntityRef] = {}
    for (start, end), o in sorted(resolved.items()):
        key = alias_to.get(o.key, o.key)
        ref = EntityRef("org", key)
        b = builders.setdefault(ref, _Builder(key, classes=org_classes(key)))
        b.aliases.update({o.surface, o.key, "".join(seg.doc.text[start:end].split())})
        b.rules.add(o.rule)
        if key != o.key:
            b.rules.add(
                "deictic:document-org"
                if deictic_kind(o.key)
                else "alias:defined-short-form"
                if is_short_form(seg.doc.text, o.surface)
                else "alias:subsequence+shared-person"
            )
        b.mentions.append(span_of(seg, start, end))
        org_at[(start, end)] = ref
    return org_at


def _people(
    seg: Segmented,
    builders: dict[EntityRef, _Builder],
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    alias_to: dict[str, str],
) -> tuple[dict[str, EntityRef], list[tuple[EntityRef | None, ...]]]:
    """The person of each chain (one per name, keyed by the first organisation) and the
    organisation or sub-body each chain element is at."""
    person_of: dict[str, EntityRef] = {}
    element_orgs: list[tuple[EntityRef | None, ...]] = []
    for chain, keys in zip(chains, base_of_chain, strict=True):
        anchor: str = next((k for k in keys if k), "")
        name = chain.person.text
        pref = person_of.setdefault(
            name, EntityRef("person", f"{name}|{alias_to.get(anchor, anchor)}")
        )
        pb = builders.setdefault(pref, _Builder(name))
        pb.mentions.append(span_of(seg, chain.person.start, chain.person.end))
        orgs: list[EntityRef | None] = []
        for e, base_key in zip(chain.elements, keys, strict=True):
            if base_key is None:
                orgs.append(None)
                continue
            org = EntityRef("org", alias_to.get(base_key, base_key))
            if e.body:
                where = (e.org.start if e.org else e.body.start, e.body.end)
                org = _sub_body(seg, builders, org, e.body.text, where)
            elif e.org is None and orgs:
                before = chain.elements[len(orgs) - 1]
                if before.body is None or e.role.text in _BODY_ROLES:
                    org = orgs[-1] or org  # 党委书记、副书记: the same committee
                # else 党委书记、主任: the organisation itself, not its committee
            seat = None if e.body else seat_of(org.key, e.role.text, inherited=e.org is None)
            if seat is not None:
                where = (e.org.start, e.org.end) if e.org else (e.role.start, e.role.end)
                org = _seat(seg, builders, org, seat, where)
            orgs.append(org)
        element_orgs.append(tuple(orgs))
    return person_of, element_orgs


def _named_people(
    seg: Segmented,
    builders: dict[EntityRef, _Builder],
    person_of: dict[str, EntityRef],
    people: tuple[Piece, ...],
) -> None:
    """People named without a post (the model's PERSON spans): an entity each, with its spans;
    a name already linked gains the span; a span cut short of a name a rule read at the same
    place (林某 of 林某则) is left out."""
    longer = {
        m.start: m.end for ref, b in builders.items() if ref.kind == "person" for m in b.mentions
    }
    for piece in people:
        if longer.get(piece.start, piece.end) > piece.end:
            continue
        ref = person_of.setdefault(piece.text, EntityRef("person", f"{piece.text}|"))
        b = builders.setdefault(ref, _Builder(piece.text))
        b.rules.add("person:model")
        b.mentions.append(span_of(seg, piece.start, piece.end))


def _seat(
    seg: Segmented,
    builders: dict[EntityRef, _Builder],
    place: EntityRef,
    seat: str,
    where: tuple[int, int],
) -> EntityRef:
    """The government or party committee of a place (北京市人民政府), created on first use."""
    ref = EntityRef("org", seat)
    b = builders.setdefault(ref, _Builder(seat, classes=org_classes(seat)))
    tail = seat[len(place.key) :] if seat.startswith(place.key) else ""
    if tail:
        b.aliases.update(a + tail for a in builders[place].aliases if a)
        if tail == "人民政府":  # 某县政府, and the place itself (某县长 is the head of 某县)
            b.aliases.update(a + "政府" for a in builders[place].aliases if a)
            b.aliases.update(a for a in builders[place].aliases if a)
    b.rules.add("place+title")
    b.mentions.append(span_of(seg, *where))
    return ref


def _sub_body(
    seg: Segmented,
    builders: dict[EntityRef, _Builder],
    parent: EntityRef,
    body: str,
    where: tuple[int, int],
) -> EntityRef:
    """The sub-body ``parent + body`` (X工会 of X), created on first use."""
    child = EntityRef("org", parent.key + body)
    cb = builders.setdefault(child, _Builder(child.key, classes=org_classes(child.key)))
    cb.aliases.update(a + body for a in builders[parent].aliases)
    cb.rules.add("sub-body:name")
    cb.mentions.append(span_of(seg, *where))
    return child


_BODY_ROLES = frozenset({"书记", "副书记", "常务副书记", "委员", "常委", "成员"})


def _credits(
    seg: Segmented,
    builders: dict[EntityRef, _Builder],
    credits: tuple[Piece, ...],
    chains: tuple[TitleChain, ...],
    element_orgs: list[tuple[EntityRef | None, ...]],
    person_of: dict[str, EntityRef],
) -> tuple[tuple[EntityRef, EntityRef, Span], ...]:
    """Photo credits (NAME/摄) belong to the organisation of the byline on the same line (its
    last MAX_SENTENCE_CHARS characters: the evidence of a line without breaks stays short)."""
    text = seg.doc.text
    out = []
    for piece in credits:
        line_start = max(text.rfind("\n", 0, piece.start) + 1, piece.end + 2 - MAX_SENTENCE_CHARS)
        org = None
        for chain, orgs in zip(chains, element_orgs, strict=True):
            if line_start <= chain.span.start < piece.start and orgs and orgs[0]:
                org = orgs[0]
        if org is None:
            continue
        pref = person_of.setdefault(piece.text, EntityRef("person", f"{piece.text}|{org.key}"))
        builders.setdefault(pref, _Builder(piece.text)).mentions.append(
            span_of(seg, piece.start, piece.end)
        )
        out.append((pref, org, span_of(seg, line_start, piece.end + 2)))
    return tuple(out)


def _parents(
    seg: Segmented, builders: dict[EntityRef, _Builder]
) -> tuple[tuple[EntityRef, EntityRef, str, Span], ...]:
    """Sub-organisation links read off names: X工会 ⊂ X, X某分公司 ⊂ X, 区X ⊂ 市X."""
    out = []
    orgs = {ref.key: ref for ref in builders if ref.kind == "org"}
    for ref in sorted(list(orgs.values())):
        b = builders[ref]
        evidence = b.mentions[0]
        if "sub-body:name" in b.rules:
            for body in sorted(load_lexicon("body_prefixes"), key=len, reverse=True):
                if ref.key.endswith(body) and ref.key[: -len(body)] in orgs:
                    out.append((ref, orgs[ref.key[: -len(body)]], "sub-body:name", evidence))
                    break
        parent = branch_parent(ref.key)
        if parent:
            pref = EntityRef("org", parent)
            pb = builders.setdefault(pref, _Builder(parent, classes=org_classes(parent)))
            pb.rules.add("branch-parent:name")
            if not pb.mentions:
                start = (
                    evidence.start + evidence.text.find(parent) if parent in evidence.text else -1
                )
                if start >= evidence.start:
                    pb.mentions.append(span_of(seg, start, start + len(parent)))
            out.append((ref, pref, "branch:name", evidence))
        upper = upper_level(ref.key, orgs)
        if upper:
            out.append((ref, upper, "region-hierarchy", evidence))
    return tuple(out)
