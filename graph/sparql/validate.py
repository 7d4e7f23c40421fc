"""``kg validate``: SHACL validation of an export with the project's shapes (pySHACL).

pySHACL is imported only here.  The shapes and the local ontology ship in
``graph/resources/shapes.ttl`` and ``graph/resources/kgo.ttl`` (copies of the shared RDF model).

>>> from pathlib import Path
>>> validate_export(Path("/nonexistent"))
Traceback (most recent call last):
...
graph.errors.ConfigError: no /nonexistent/graph.ttl: run kg build first
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import Graph
from rdflib.namespace import SH
from rdflib.term import BNode, Literal, Node, URIRef

from graph.errors import ConfigError, ValidationError, one_line
from graph.sparql.terms import Term, short_term, to_term

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEFAULT_SHAPES = RESOURCES / "shapes.ttl"
ONTOLOGY = RESOURCES / "kgo.ttl"
_MAX_LISTED = 50
_MAX_VALUE = 60  # characters of a value shown in a report line


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of a validation: ``conforms``, a readable ``text`` and counts."""

    conforms: bool
    text: str
    violations: int
    warnings: int
    triples: int


def _parse(path: Path) -> Graph:
    g = Graph(bind_namespaces="none")
    try:
        g.parse(path, format="turtle")
    except Exception as e:  # rdflib raises many parser exception types
        raise ValidationError(f"{path}: cannot parse Turtle: {one_line(e)}") from e
    return g


def _short(node: Node | None) -> str:
    """A node of the SHACL results as :func:`short_term` writes it (``-`` for none)."""
    if node is None:
        return "-"
    term = to_term(node) if isinstance(node, URIRef | Literal | BNode) else None
    return short_term(term or Term("literal", str(node)), limit=_MAX_VALUE)


def _describe(results: Graph) -> tuple[list[str], int, int]:
    lines: list[str] = []
    severities: Counter[str] = Counter()
    for r in results.subjects(SH.resultSeverity, None):
        severity = _short(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        severity = severity.removeprefix("<http://www.w3.org/ns/shacl").strip("<>")
        severities[severity] += 1
        message = one_line(results.value(r, SH.resultMessage) or "constraint failed")
        focus = _short(results.value(r, SH.focusNode))
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        where = focus + (f" {_short(path)}" if path is not None else "")
        what = f" (value {_short(value)})" if value is not None else ""
        lines.append(f"{severity}: {where}: {message}{what}")
    lines = sorted(set(lines))
    violations = severities.get("Violation", 0)
    warnings = sum(severities.values()) - violations
    return lines, violations, warnings


def validate_graph(data: Graph, *, shapes: Path | None = None) -> ValidationReport:
    """Validate an rdflib graph against the shapes (default: the packaged project shapes)."""
    shapes_path = Path(shapes) if shapes else DEFAULT_SHAPES
    if not shapes_path.is_file():
        raise ConfigError(f"no shapes file {shapes_path}")
    conforms, results, _ = pyshacl.validate(
        data,
        shacl_graph=_parse(shapes_path),
        ont_graph=_parse(ONTOLOGY),
        inference="none",
        allow_warnings=True,
    )
    assert isinstance(results, Graph)
    lines, violations, warnings = _describe(results)
    shown = lines[:_MAX_LISTED]
    if len(lines) > _MAX_LISTED:
        shown.append(f"… and {len(lines) - _MAX_LISTED} more")
    verdict = "conforms" if conforms else "does NOT conform"
    summary = (
        f"SHACL ({shapes_path.name}): {len(data)} triples {verdict}: "
        f"{violations} violation(s), {warnings} warning(s)"
    )
    log.debug(summary)
    return ValidationReport(
        bool(conforms), "\n".join([*shown, summary]), violations, warnings, len(data)
    )


def validate_export(graph_dir: Path, *, shapes: Path | None = None) -> ValidationReport:
    """Validate ``graph_dir/graph.ttl`` (or a Turtle file given directly) against SHACL shapes.

    Returns the report; ``conforms`` is False when any shape is violated (``kg validate`` then
    exits 1).  Warnings alone do not fail the validation.
    """
    graph_dir = Path(graph_dir)
    target = graph_dir if graph_dir.is_file() else graph_dir / "graph.ttl"
    if not target.is_file():
        raise ConfigError(f"no {target}: run kg build first")
    return validate_graph(_parse(target), shapes=shapes)
