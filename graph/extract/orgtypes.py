"""An organisation's type, read off its name's ending (orgtypes.txt: 总工会 is a 工会)."""

from __future__ import annotations

from functools import cache

from graph.resources import resource_text


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
