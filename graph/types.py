"""Frozen, typed records that flow between the pipeline stages.

Offsets are half-open ``[start, end)`` code-point indices into ``Document.text`` and
``doc.text[m.start:m.end] == m.text`` always holds.  Normalisation (NFKC, whitespace removal)
applies to *keys*, never to stored text.

>>> doc = Document.from_text("a.txt", "市总工会主席张三")
>>> m = Mention(0, 4, "ORG", "市总工会", 0.9, "rules")
>>> doc.text[m.start:m.end] == m.text
True
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, TypeAlias

MentionType: TypeAlias = Literal["PERSON", "ORG", "ROLE", "PLACE", "DATE", "CONCEPT", "EVENT"]
MENTION_TYPES: tuple[MentionType, ...] = (
    "PERSON",
    "ORG",
    "ROLE",
    "PLACE",
    "DATE",
    "CONCEPT",
    "EVENT",
)

EntityKind: TypeAlias = Literal["person", "org", "role", "place", "concept", "event"]
FactKind: TypeAlias = Literal["membership", "suborg", "event", "quote"]


def normalise_key(text: str) -> str:
    """The key form of a surface string: NFKC, no whitespace.

    >>> normalise_key("华东汽车\\n\\n有限公司")
    '华东汽车有限公司'
    """
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True, slots=True)
class Document:
    """A source document: its exact text and where it came from."""

    doc_id: str
    text: str
    sha256: str
    source: str = ""
    encoding: str = "utf-8"
    title: str = ""

    @staticmethod
    def from_text(doc_id: str, text: str, source: str = "", encoding: str = "utf-8") -> Document:
        """Build a document from text, computing its digest and title (first non-empty line).

        >>> Document.from_text("x.txt", "\\n\\n标题\\n正文").title
        '标题'
        """
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        return Document(doc_id, text, digest, source or doc_id, encoding, title)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Segmented:
    """A document cut into tokens (jieba) and sentences, offsets into ``doc.text``."""

    doc: Document
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed span of the text found by one extractor."""

    start: int
    end: int
    type: MentionType
    text: str
    score: float
    extractor: str


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: a span of one document plus the sentence that holds it."""

    doc_id: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True, order=True)
class EntityRef:
    """The identity of a canonical entity: its kind and its normalised key."""

    kind: EntityKind
    key: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one IRI, one preferred label, aliases and the spans that name it."""

    ref: EntityRef
    label: str
    aliases: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    link_rules: tuple[str, ...] = ()


FactValue: TypeAlias = "EntityRef | str | int | float | bool | date"


@dataclass(frozen=True, slots=True)
class Fact:
    """An extracted claim with its arguments, evidence and confidence.

    ``args`` are ``(name, value)`` pairs; by kind:

    - membership: person, org, role (EntityRef each)
    - suborg: child, parent (EntityRef)
    - event: event (EntityRef), name, start, end (date), venue, organiser, plan (EntityRef),
      participants (int)
    - quote: speaker (EntityRef), verb, text (str), direct (bool), concept (EntityRef, repeated)
    """

    kind: FactKind
    doc_id: str
    args: tuple[tuple[str, FactValue], ...]
    evidence: tuple[Span, ...]
    confidence: float
    extractor: str

    def arg(self, name: str) -> FactValue | None:
        """First value of argument ``name`` (None when absent)."""
        return next((v for k, v in self.args if k == name), None)

    def all_args(self, name: str) -> tuple[FactValue, ...]:
        """All values of a repeated argument."""
        return tuple(v for k, v in self.args if k == name)

    def ref(self, name: str) -> EntityRef:
        """The EntityRef argument ``name``; raises KeyError if it is missing or not a ref."""
        value = self.arg(name)
        if not isinstance(value, EntityRef):
            raise KeyError(f"fact {self.kind} has no entity argument {name!r}")
        return value


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document (the unit mapped by workers)."""

    doc: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class KnowledgeGraph:
    """All documents merged: canonical entities, facts and the documents they came from."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    sentences: dict[str, tuple[Sentence, ...]] = field(default_factory=dict, compare=False)


def join_entities(
    ref: EntityRef, group: list[Entity], rule: str | None = None, label: str | None = None
) -> Entity:
    """One entity from several records of the same key: the longest label (unless given),
    every other label as an alias, mentions, classes and link rules united; ``rule`` records
    why they were joined.  A single record without a rule comes back unchanged.

    >>> a = Entity(EntityRef("org", "某某大学"), "某某大学", ("某大",))
    >>> b = Entity(EntityRef("org", "某某大学"), "某某大学", ("某某大",))
    >>> join_entities(a.ref, [a, b], "merge:same-key").aliases
    ('某大', '某某大')
    """
    if len(group) == 1 and rule is None and label is None:
        return group[0]
    chosen = label or max((e.label for e in group), key=lambda s: (len(s), s))
    aliases = {a for e in group for a in (*e.aliases, e.label)} - {chosen}
    mentions = sorted(
        {m for e in group for m in e.mentions}, key=lambda m: (m.doc_id, m.start, m.end)
    )
    classes = next((e.classes for e in group if e.classes), ())
    rules = {r for e in group for r in e.link_rules} | ({rule} if rule else set())
    return Entity(
        ref, chosen, tuple(sorted(aliases)), classes, tuple(mentions), tuple(sorted(rules))
    )
