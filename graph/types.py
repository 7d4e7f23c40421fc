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
from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import date
from typing import ClassVar, Literal, TypeAlias

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
class DroppedBytes:
    """Bytes of a source file that no encoding could read, left out of the document's text.

    ``[start, end)`` are byte offsets in the file; ``at`` is the character offset in the
    decoded text where they were (before markup removal for HTML and Markdown).
    """

    start: int
    end: int
    at: int
    reason: str

    def __str__(self) -> str:
        return f"bytes {self.start}-{self.end} ({self.reason}) dropped before character {self.at}"


@dataclass(frozen=True, slots=True)
class Document:
    """A source document: its exact text and where it came from."""

    doc_id: str
    text: str
    sha256: str
    source: str = ""
    encoding: str = "utf-8"
    title: str = ""
    dropped: tuple[DroppedBytes, ...] = ()  # undecodable bytes left out (graph.io.repair)

    @staticmethod
    def from_text(
        doc_id: str,
        text: str,
        source: str = "",
        encoding: str = "utf-8",
        dropped: tuple[DroppedBytes, ...] = (),
    ) -> Document:
        """Build a document from text, computing its digest and title (first non-empty line).

        >>> Document.from_text("x.txt", "\\n\\n标题\\n正文").title
        '标题'
        """
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        return Document(doc_id, text, digest, source or doc_id, encoding, title, dropped)


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

    def __reduce__(self) -> tuple[type[Sentence], tuple[int, int, str]]:
        return (Sentence, (self.start, self.end, self.text))  # as Span.__reduce__


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

    def __reduce__(self) -> tuple[type[Span], tuple[str, int, int, str, int, int]]:
        # pickled by its fields (the dataclass's per-field __setstate__ is twice as slow to
        # load, and the build reads every document's spans back from the cache)
        return (
            Span,
            (self.doc_id, self.start, self.end, self.text, self.sentence_start, self.sentence_end),
        )


@dataclass(frozen=True, slots=True, order=True)
class EntityRef:
    """The identity of a canonical entity: its kind and its normalised key."""

    kind: EntityKind
    key: str

    def __reduce__(self) -> tuple[type[EntityRef], tuple[EntityKind, str]]:
        return (EntityRef, (self.kind, self.key))  # as Span.__reduce__


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one IRI, one preferred label, aliases and the spans that name it."""

    ref: EntityRef
    label: str
    aliases: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    link_rules: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[Entity], tuple[object, ...]]:
        fields = (self.ref, self.label, self.aliases, self.classes, self.mentions, self.link_rules)
        return (Entity, fields)  # as Span.__reduce__


FactValue: TypeAlias = "EntityRef | str | int | float | bool | date"


@dataclass(frozen=True, slots=True, kw_only=True)
class FactBase:
    """What every fact carries: its document, evidence, confidence and extractor.

    The kinds of fact are the subclasses (:data:`Fact` is their union).  The common fields
    are keyword-only, after each kind's own fields.  ``kind`` is the kind's name (a class
    constant), ``key_fields()`` its claim as ``(name, value)`` pairs in a fixed order (fact IRIs
    and fact order are read from it) and ``map_refs(fn)`` a copy with every EntityRef replaced.
    """

    kind: ClassVar[FactKind]
    doc_id: str
    evidence: tuple[Span, ...]
    confidence: float
    extractor: str

    def key_fields(self) -> tuple[tuple[str, FactValue], ...]:
        """The claim as ``(name, value)`` pairs, in the order that names and sorts facts."""
        raise NotImplementedError(f"{type(self).__name__} does not define key_fields")


RefMap: TypeAlias = Callable[[EntityRef], EntityRef]


@dataclass(frozen=True, slots=True)
class Membership(FactBase):
    """A post: ``person`` holds ``role`` in ``org`` (org:Membership).

    >>> m = Membership(EntityRef("person", "张三|某局"), EntityRef("org", "某局"),
    ...     EntityRef("role", "局长"), doc_id="d.txt", evidence=(), confidence=0.9, extractor="t")
    >>> [name for name, _ in m.key_fields()], m.kind
    (['person', 'org', 'role'], 'membership')
    """

    kind: ClassVar[FactKind] = "membership"
    person: EntityRef
    org: EntityRef
    role: EntityRef
    _: KW_ONLY
    former: bool = False  # the text states the post has ended (免去, 辞去, 原…)

    def key_fields(self) -> tuple[tuple[str, FactValue], ...]:
        claim: tuple[tuple[str, FactValue], ...] = (
            ("person", self.person),
            ("org", self.org),
            ("role", self.role),
        )
        return claim + ((("former", True),) if self.former else ())

    def map_refs(self, fn: RefMap) -> Membership:
        """A copy with every entity reference replaced by ``fn(ref)``."""
        return replace(self, person=fn(self.person), org=fn(self.org), role=fn(self.role))


@dataclass(frozen=True, slots=True)
class SubOrganisation(FactBase):
    """``child`` is a sub-organisation of ``parent`` (org:subOrganizationOf).

    >>> s = SubOrganisation(EntityRef("org", "某局工会"), EntityRef("org", "某局"),
    ...     doc_id="d.txt", evidence=(), confidence=0.9, extractor="t")
    >>> s.map_refs(lambda r: EntityRef(r.kind, r.key + "!")).parent.key
    '某局!'
    """

    kind: ClassVar[FactKind] = "suborg"
    child: EntityRef
    parent: EntityRef

    def key_fields(self) -> tuple[tuple[str, FactValue], ...]:
        return (("child", self.child), ("parent", self.parent))

    def map_refs(self, fn: RefMap) -> SubOrganisation:
        """A copy with every entity reference replaced by ``fn(ref)``."""
        return replace(self, child=fn(self.child), parent=fn(self.parent))


@dataclass(frozen=True, slots=True)
class EventFact(FactBase):
    """An event (schema:Event): its entity, name, dates, venue, organiser, the plan that funds
    it, the number of participants and whether it is an education event (a class, a lecture).

    >>> e = EventFact(EntityRef("event", "d.txt\\x1f培训班"), "培训班", participants=30,
    ...     education=True, doc_id="d.txt", evidence=(), confidence=0.85, extractor="t")
    >>> [name for name, _ in e.key_fields()]
    ['event', 'name', 'participants', 'education']
    """

    kind: ClassVar[FactKind] = "event"
    event: EntityRef
    name: str
    _: KW_ONLY
    start: date | None = None
    end: date | None = None
    venue: EntityRef | None = None
    organiser: EntityRef | None = None
    plan: EntityRef | None = None
    participants: int | None = None
    education: bool = False

    def key_fields(self) -> tuple[tuple[str, FactValue], ...]:
        optional: tuple[tuple[str, FactValue | None], ...] = (
            ("start", self.start),
            ("end", self.end),
            ("venue", self.venue),
            ("organiser", self.organiser),
            ("plan", self.plan),
            ("participants", self.participants),
            ("education", True if self.education else None),
        )
        present = tuple((k, v) for k, v in optional if v is not None)
        return (("event", self.event), ("name", self.name), *present)

    def map_refs(self, fn: RefMap) -> EventFact:
        """A copy with every entity reference replaced by ``fn(ref)``."""
        return replace(
            self,
            event=fn(self.event),
            venue=None if self.venue is None else fn(self.venue),
            organiser=None if self.organiser is None else fn(self.organiser),
            plan=None if self.plan is None else fn(self.plan),
        )


@dataclass(frozen=True, slots=True)
class Quotation(FactBase):
    """A statement (schema:Quotation): who said it, the reporting verb, the words, whether they
    are quoted directly, and the concepts they mention.

    >>> q = Quotation(EntityRef("person", "王建民|"), "表示", "要弘扬工匠精神。", direct=True,
    ...     concepts=(EntityRef("concept", "工匠精神"),), doc_id="d.txt", evidence=(),
    ...     confidence=0.9, extractor="t")
    >>> [name for name, _ in q.key_fields()]
    ['speaker', 'verb', 'text', 'direct', 'concept']
    """

    kind: ClassVar[FactKind] = "quote"
    speaker: EntityRef
    verb: str
    text: str
    _: KW_ONLY
    direct: bool
    concepts: tuple[EntityRef, ...] = ()

    def key_fields(self) -> tuple[tuple[str, FactValue], ...]:
        claim: tuple[tuple[str, FactValue], ...] = (
            ("speaker", self.speaker),
            ("verb", self.verb),
            ("text", self.text),
            ("direct", self.direct),
        )
        return claim + tuple(("concept", c) for c in self.concepts)

    def map_refs(self, fn: RefMap) -> Quotation:
        """A copy with every entity reference replaced by ``fn(ref)``."""
        concepts = tuple(fn(c) for c in self.concepts)
        return replace(self, speaker=fn(self.speaker), concepts=concepts)


Fact: TypeAlias = Membership | SubOrganisation | EventFact | Quotation
"""An extracted claim with its evidence and confidence: one of the four kinds."""


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
    """One entity from several records of the same key: the longest label (unless given; the
    key's own writing on a tie), every other label as an alias, mentions, classes and link
    rules united; ``rule`` records why they were joined.  A single record without a rule comes
    back unchanged.

    >>> a = Entity(EntityRef("org", "某某大学"), "某某大学", ("某大",))
    >>> b = Entity(EntityRef("org", "某某大学"), "某某大学", ("某某大",))
    >>> join_entities(a.ref, [a, b], "merge:same-key").aliases
    ('某大', '某某大')
    >>> p = EntityRef("person", "林晓峰|")
    >>> join_entities(p, [Entity(p, "林曉峰"), Entity(p, "林晓峰")], "merge:same-key").label
    '林晓峰'
    """
    if len(group) == 1 and rule is None and label is None:
        return group[0]
    named = ref.key.split("|", 1)[0]  # the key's own writing wins a tie (习近平 over 習近平)
    chosen = label or max((e.label for e in group), key=lambda s: (len(s), s == named, s))
    aliases = {a for e in group for a in (*e.aliases, e.label)} - {chosen}
    mentions = sorted(
        {m for e in group for m in e.mentions}, key=lambda m: (m.doc_id, m.start, m.end)
    )
    classes = next((e.classes for e in group if e.classes), ())
    rules = {r for e in group for r in e.link_rules} | ({rule} if rule else set())
    return Entity(
        ref, chosen, tuple(sorted(aliases)), classes, tuple(mentions), tuple(sorted(rules))
    )
