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

import re

from graph.extract.abbreviations import (
    alias_targets,
    bare_bodies,
    federation_short_forms,
    is_short_form,
    short_form_aliases,
)
from graph.extract.chaindepts import OrgName
from graph.extract.elision import dominant_regions, official_forms, place_body, without_names
from graph.extract.hierarchy import branch_parent, upper_level
from graph.extract.implied import deictic_targets, seat_of
from graph.extract.linked import EntityBuilder as _Builder
from graph.extract.linked import Linking
from graph.extract.names import NAME_DOTS, Piece
from graph.extract.orgkeys import (
    BARE_GOVERNMENTS,
    RANKS,
    chain_org_keys,
    resolve_org_names,
    subject_orgs,
)
from graph.extract.orgtypes import org_classes
from graph.extract.places import deictic_kind, is_place
from graph.extract.rules import TitleChain
from graph.extract.subject import fits, seats_of, unit_cannot_hold
from graph.extract.titles import ChainElement
from graph.resources import load_lexicon
from graph.text.segment import MAX_SENTENCE_CHARS, span_of
from graph.types import EntityRef, Segmented, Span, normalise_key


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
    doc_regions = dominant_regions(without_names(seg.doc.text, people))
    resolved = resolve_org_names(seg, chains, org_pieces, doc_regions)
    base_of_chain, people_at = chain_org_keys(seg, chains, resolved, orgs, doc_regions)
    subject_orgs(seg, chains, resolved, orgs, base_of_chain, people_at, doc_regions)
    alias_to = alias_targets({o.key: o.label for o in resolved.values()}, people_at)
    named = [(start, o.key) for (start, _), o in resolved.items()]
    pointing = named + [(p.start, normalise_key(p.text)) for p in orgs]
    alias_to.update(deictic_targets(pointing, seg.doc.text))
    alias_to.update(
        short_form_aliases(
            seg.doc.text,
            [(s, e, o.key) for (s, e), o in resolved.items()]
            + [(p.start, p.end, normalise_key(p.text)) for p in orgs],
            [(o.surface, o.key) for o in resolved.values()],
        )
    )
    keys = [o.key for o in resolved.values()] + [normalise_key(p.text) for p in orgs]
    for short, full in (federation_short_forms(keys, keys) | bare_bodies(keys)).items():
        alias_to.setdefault(short, full)  # 书协 is the article's 某市书法家协会, 人大 its 某镇人大
    builders: dict[EntityRef, _Builder] = {}
    org_at = _org_entities(seg, builders, resolved, alias_to)
    person_of, element_orgs = _people(seg, builders, chains, base_of_chain, alias_to)
    credited = _credits(seg, builders, credits, chains, element_orgs, person_of)
    _named_people(seg, builders, person_of, people)
    _join_name_tails(builders, person_of)
    _drop_emptied(builders, org_at, {o for orgs in element_orgs for o in orgs if o})
    parents = _parents(seg, builders)
    for ref, b in builders.items():
        if ref.kind == "org":
            b.aliases.update(official_forms(ref.key))  # 中共某县委, 某县政府
    entities = {ref: b.freeze(ref) for ref, b in builders.items()}
    return Linking(entities, org_at, person_of, tuple(element_orgs), parents, credited)


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
        b.aliases.update({o.surface, o.key, *o.aliases})
        if not o.rule.startswith("region:government"):  # named by its region: no alias
            b.aliases.add("".join(seg.doc.text[start:end].split()))
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
            org = _org_ref(seg, builders, base_key, alias_to, e)
            own = place_body(_PLACE_BODY.get(e.body.text, ""), org.key) if e.body else None
            if e.body and e.org is None and own:  # 县委常委、妇联主席: the county's 妇联
                org = _seat(seg, builders, org, own, (e.body.start, e.body.end))
            elif e.body:
                where = (e.org.start if e.org else e.body.start, e.body.end)
                org = _sub_body(seg, builders, org, e.body.text, where)
            elif e.org is None and orgs and not e.role.text.endswith(RANKS):
                before = chain.elements[len(orgs) - 1]
                held = orgs[-1]
                above = held is not None and unit_cannot_hold(e.role.text, held.key, org.key)
                if not above and (
                    before.body is None or e.role.text in _BODY_ROLES or _heads(held, e.role.text)
                ):
                    org = held or org  # 党委书记、副书记: the same committee
                # else 党委书记、主任: the organisation itself, not its committee
            # an organisation carried over from the chain before (委书记A、县长B) is inherited
            inherited = (
                e.org is None
                or e.org.start < chain.span.start
                or e.org.text in BARE_GOVERNMENTS  # 、政府副市长B: the city's, as before
            )
            seat = None if e.body else seat_of(org.key, e.role.text, inherited=inherited)
            if seat is not None:
                where = (e.org.start, e.org.end) if e.org else (e.role.start, e.role.end)
                org = _seat(seg, builders, org, seat, where)
            orgs.append(org)
        element_orgs.append(tuple(orgs))
    return person_of, element_orgs


def _org_ref(
    seg: Segmented,
    builders: dict[EntityRef, _Builder],
    key: str,
    alias_to: dict[str, str],
    e: ChainElement,
) -> EntityRef:
    """The organisation a chain element's key names: one of the document's, or a body of one
    written after its owner's key (校党委, where 校 stands for the article's university)."""
    ref = EntityRef("org", alias_to.get(key, key))
    if ref in builders:
        return ref
    for k in range(len(key) - 1, 0, -1):
        owner = EntityRef("org", alias_to.get(key[:k], key[:k]))
        if owner in builders:
            piece = e.org or e.body or e.role
            return _sub_body(seg, builders, owner, key[k:], (piece.start, piece.end))
    return ref


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


def _join_name_tails(builders: dict[EntityRef, _Builder], person_of: dict[str, EntityRef]) -> None:
    """A transliterated name's last part written alone (韦某德总书记 after 鲁某·乌某·韦某德) is the
    same person: its spans and posts go to the whole name's entity."""
    whole: dict[str, str] = {}
    for name in sorted(person_of):
        parts = re.split(f"[{re.escape(NAME_DOTS)}]", name)
        if len(parts) > 1 and len(parts[-1]) >= 2:
            whole.setdefault(parts[-1], name)
    for tail, name in whole.items():
        short, full = person_of.get(tail), person_of[name]
        if short is None or short == full or short not in builders or full not in builders:
            continue
        joined = builders.pop(short)
        builders[full].mentions += joined.mentions
        builders[full].aliases.add(tail)
        builders[full].rules.add("merge:name-tail")
        person_of[tail] = full


_PLACE_BODY = {"妇联": "妇联", "工会": "总工会"}
"""Bodies written alone after a title at a place's committee that are the place's own."""


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
    named = builders.get(place)  # none when the place is named only inside another name
    aliases = [a for a in named.aliases if a] if named else []
    if tail:
        b.aliases.update(a + tail for a in aliases)
        if tail == "人民政府":  # 某县政府, and the place itself (某县长 is the head of 某县)
            b.aliases.update(a + "政府" for a in aliases)
            b.aliases.update(aliases)
    b.rules.add("place+title")
    span = span_of(seg, *where)
    b.mentions.append(span)
    mentions = named.mentions if named else []
    if is_place(place.key) and normalise_key(span.text) == place.key and span in mentions:
        mentions.remove(span)  # one entity per span: the seat, not the place too
    return ref


def _drop_emptied(
    builders: dict[EntityRef, _Builder],
    org_at: dict[tuple[int, int], EntityRef],
    held: set[EntityRef],
) -> None:
    """Forget the places whose every span a seat took over (东江市 of 东江市市长) and that hold
    no post: the span is the seat's, and so is the organisation read there."""
    emptied = {ref for ref, b in builders.items() if ref.kind == "org" and not b.mentions} - held
    if not emptied:
        return
    holder = {
        (m.start, m.end): ref
        for ref, b in builders.items()
        if ref.kind == "org"
        for m in b.mentions
    }
    for where, ref in list(org_at.items()):
        if ref in emptied:
            if where in holder:
                org_at[where] = holder[where]
            else:
                del org_at[where]
    for ref in emptied:
        del builders[ref]


def _sub_body(
    seg: Segmented,
    builders: dict[EntityRef, _Builder],
    parent: EntityRef,
    body: str,
    where: tuple[int, int],
) -> EntityRef:
    """The sub-body ``parent + body`` (X工会 of X), created on first use (``parent`` itself
    when it is that body already: a list's key carried over with the body)."""
    if parent.key.endswith(body) and parent in builders:
        return parent
    key = parent.key + body
    if parent.key.endswith("委") and body.endswith("委") and is_place(parent.key[:-1]):
        key = parent.key[:-1] + body  # 区委常委、纪委书记: the district's 纪委, not 区委纪委
    child = EntityRef("org", key)
    cb = builders.setdefault(child, _Builder(child.key, classes=org_classes(child.key)))
    if parent in builders:  # a body whose owner the text names only with it (某某高新区团委)
        cb.aliases.update(a + body for a in builders[parent].aliases)
    cb.rules.add("sub-body:name")
    cb.mentions.append(span_of(seg, *where))
    return child


_BODY_ROLES = frozenset({"书记", "副书记", "常务副书记", "委员", "常委", "成员"})


def _heads(body: EntityRef | None, role: str) -> bool:
    """Whether a title is the head of the body named before it (妇联党组书记、主席: 主席 of the
    妇联 itself, 工会主席、副主席), not of the organisation the body belongs to (党委书记、院长)."""
    return body is not None and bool(seats_of(role)) and fits(role, body.key)


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
    text, out = seg.doc.text, []
    told = {(c.person.text, o) for c, orgs in zip(chains, element_orgs, strict=True) for o in orgs}
    for piece in credits:
        line_start = max(text.rfind("\n", 0, piece.start) + 1, piece.end + 2 - MAX_SENTENCE_CHARS)
        org = None
        for chain, orgs in zip(chains, element_orgs, strict=True):
            if line_start <= chain.span.start < piece.start and orgs and orgs[0]:
                org = orgs[0]
        if org is None or (piece.text, org) in told:
            continue  # 某报记者 A B 摄: B's title at the paper is told already
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
        if not b.mentions:
            continue
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
