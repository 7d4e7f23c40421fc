"""Project dictionaries shipped with the package (role titles, organisation suffixes, regions).

Files are UTF-8, one entry per line; ``#`` starts a comment; extra columns after a tab are ignored.

>>> "主席" in load_lexicon("roles")
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from graph.errors import ModelError


@cache
def load_lexicon(name: str) -> frozenset[str]:
    """The entries of ``graph/resources/{name}.txt``."""
    return frozenset(_entries(name))


@cache
def load_ordered(name: str) -> tuple[str, ...]:
    """The entries of ``graph/resources/{name}.txt`` in file order."""
    return tuple(_entries(name))


def resource_text(filename: str) -> str:
    """The text of a packaged resource file."""
    try:
        return resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ModelError(f"packaged resource {filename!r} is missing or unreadable: {e}") from e


def _entries(name: str) -> list[str]:
    out = []
    for line in resource_text(f"{name}.txt").splitlines():
        entry = line.split("#", 1)[0].split("\t", 1)[0].strip()
        if entry:
            out.append(entry)
    return out
