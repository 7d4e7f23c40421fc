"""Every IRI the project mints: deterministic, opaque, no Chinese in them.

IRIs are ``{base}{kind}-{sha256(kind US key)[:20]}`` (US = the unit separator U+001F), so two
builds of the same input give the same IRIs and ``--base-iri`` changes only the prefix.

>>> mint("org", "南京市总工会")
'https://kg.example.org/id/org-8789d3ffe2b64604ce64'
>>> mint("org", "南京市总工会", base="http://x.org/").startswith("http://x.org/org-")
True
>>> document_iri("a.txt") == mint("doc", "a.txt")
True
"""

from __future__ import annotations

import hashlib

from graph.types import EntityRef, EventFact, Fact, FactBase, Membership, Quotation, SubOrganisation

DEFAULT_BASE = "https://kg.example.org/id/"

_FACT_PREFIX: dict[type[FactBase], str] = {
    Membership: "membership",
    SubOrganisation: "stmt",
    EventFact: "event",
    Quotation: "quote",
}


def digest20(*parts: str) -> str:
    """First 20 hex digits of sha256 over the parts joined by the unit separator U+001F.

    >>> digest20("a", "b") == digest20("a\\x1fb")
    True
    """
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def mint(kind: str, key: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of an entity or fact of ``kind`` with normalised ``key``."""
    return f"{base}{kind}-{digest20(kind, key)}"


def entity_iri(ref: EntityRef, base: str = DEFAULT_BASE) -> str:
    """The IRI of a canonical entity.

    >>> entity_iri(EntityRef("org", "南京市总工会")) == mint("org", "南京市总工会")
    True
    """
    return mint(ref.kind, ref.key, base)


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of a source document: stable while its file name is unchanged (a changed text
    replaces the document's named graph instead of adding a second document)."""
    return mint("doc", doc_id, base)


def document_graph_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    """The named graph of one document."""
    return mint("graph", doc_id, base)


def entities_graph_iri(base: str = DEFAULT_BASE) -> str:
    """The named graph that holds canonical entity descriptions."""
    return f"{base}graph-entities"


def fact_iri(fact: Fact, base: str = DEFAULT_BASE) -> str:
    """Deterministic IRI of a fact: its kind, document and claim (``key_fields``, without the
    quoted words; a statement adds where it starts instead).

    >>> from graph.types import SubOrganisation
    >>> child, parent = EntityRef("org", "某局工会"), EntityRef("org", "某局")
    >>> fact = SubOrganisation(child, parent, doc_id="d.txt", evidence=(), confidence=0.9,
    ...     extractor="t")
    >>> claim = "d.txt\\x1echild=org:某局工会\\x1eparent=org:某局"
    >>> fact_iri(fact) == mint("stmt", claim)
    True
    """
    parts = [fact.doc_id] + [f"{k}={_arg_key(v)}" for k, v in fact.key_fields() if k != "text"]
    if isinstance(fact, Quotation):
        parts.append(f"at={fact.evidence[0].start}" if fact.evidence else "")
    return mint(_FACT_PREFIX[type(fact)], "\x1e".join(parts), base)


def _arg_key(value: object) -> str:
    if isinstance(value, EntityRef):
        return f"{value.kind}:{value.key}"
    return str(value)
