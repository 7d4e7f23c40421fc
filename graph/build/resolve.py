"""Entity resolution across documents.

Organisations: one IRI per canonical name.  Names are compared after
``canonical_org_name`` (南京总工会 → 南京市总工会: a city's short name before a government
body gets its level word back); the variants stay as ``skos:altLabel``.  People are keyed by
name + anchor organisation, so two people with the same name in different organisations stay
two people; they merge only when their anchors resolve to the same organisation.  Every merge
adds its rule to ``Entity.link_rules``.

>>> canonical_org_name("南京总工会"), canonical_org_name("北京大学")
('南京市总工会', '北京大学')
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from graph.extract.document import fact_order
from graph.extract.orgs import WORD_STEMS, regions
from graph.types import Entity, EntityRef, KnowledgeGraph, join_entities

_GOV_HEADS = (
    "总工会",
    "政协",
    "人大",
    "人民政府",
    "政府",
    "市委",
    "区委",
    "县委",
    "省委",
    "团委",
    "妇联",
    "纪委",
    "人民法院",
    "人民检察院",
    "公安局",
    "教育局",
    "财政局",
)


@cache
def _short_names() -> dict[str, str]:
    """Short region name -> full name (北京 -> 北京市) when unambiguous."""
    out: dict[str, set[str]] = defaultdict(set)
    for name in regions():
        for level in ("市", "省", "区", "县"):
            if name.endswith(level) and len(name) >= 3 and name[:-1] not in WORD_STEMS:
                out[name[: -len(level)]].add(name)
    return {short: next(iter(full)) for short, full in out.items() if len(full) == 1}


def canonical_org_name(name: str) -> str:
    """The canonical spelling of an organisation name (region level restored, a region's
    政府 named in full as its 人民政府).

    >>> canonical_org_name("苏州市政府"), canonical_org_name("苏州政府")
    ('苏州市人民政府', '苏州市人民政府')
    >>> canonical_org_name("香港特别行政区政府")
    '香港特别行政区政府'
    """
    shorts = _short_names()
    for size in (4, 3, 2):
        short = name[:size]
        full = shorts.get(short)
        if full and not name.startswith(full) and name[size:].startswith(_GOV_HEADS):
            name = full + name[size:]
            break
    region = name[:-2]
    if name.endswith("政府") and not name.endswith("人民政府") and region in regions():
        # a special administrative region's government is its 政府 (香港特别行政区政府)
        return name if region.endswith(_SPECIAL_REGIONS) else region + "人民政府"
    return name


_SPECIAL_REGIONS = ("特别行政区", "特區", "特区", "特別行政區")


def canonical_ref(ref: EntityRef) -> EntityRef:
    if ref.kind == "org":
        return EntityRef("org", canonical_org_name(ref.key))
    if ref.kind == "person" and "|" in ref.key:
        name, _, anchor = ref.key.partition("|")
        return EntityRef("person", f"{name}|{canonical_org_name(anchor)}")
    return ref


def _merge(ref: EntityRef, group: list[Entity]) -> Entity:
    renamed = any(e.ref != ref for e in group)
    if len(group) == 1 and not renamed:
        return group[0]
    label = ref.key if ref.kind == "org" and renamed else None
    return join_entities(ref, group, "resolve:canonical-name", label)


def resolve(kg: KnowledgeGraph) -> KnowledgeGraph:
    """The graph with entities that name the same organisation (or person) merged."""
    groups: dict[EntityRef, list[Entity]] = defaultdict(list)
    for e in kg.entities:
        groups[canonical_ref(e.ref)].append(e)
    if all(len(g) == 1 and g[0].ref == ref for ref, g in groups.items()):
        return kg
    entities = tuple(_merge(ref, g) for ref, g in sorted(groups.items()))
    facts = {f.map_refs(canonical_ref) for f in kg.facts}
    unique = sorted(facts, key=fact_order)
    return KnowledgeGraph(kg.documents, entities, tuple(unique), kg.sentences)
