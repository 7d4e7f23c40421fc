"""The posts one text gives, as (person, role, organisation) labels: the shared reading of the
extraction-class tests."""

from __future__ import annotations

from graph.extract.document import extract_document
from graph.types import Document, Membership


def posts(text: str, *, former: bool | None = False) -> set[tuple[str, str, str]]:
    """(person, role key, organisation label) of the current posts (``former=True``: the ended
    ones, ``None``: all)."""
    x = extract_document(Document.from_text("t.txt", text))
    label = {e.ref: e.label for e in x.entities}
    return {
        (label[f.person], f.role.key, label[f.org])
        for f in x.facts
        if isinstance(f, Membership) and former in (None, f.former)
    }


def people(text: str) -> set[str]:
    """The labels of the people one text names."""
    x = extract_document(Document.from_text("t.txt", text))
    return {e.label for e in x.entities if e.ref.kind == "person"}
