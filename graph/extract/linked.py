"""What linking makes of one document: the entities being built and the finished linking."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.types import Entity, EntityRef, Span


@dataclass(slots=True)
class EntityBuilder:
    """An entity of one document while linking gathers its labels, mentions and rules."""

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
