"""`kg validate`: SHACL on a good fixture passes, a broken one fails readably."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from graph.errors import ConfigError
from graph.sparql.validate import DEFAULT_SHAPES, validate_export

FIXTURES = Path(__file__).parent / "fixtures"


def _export(tmp_path: Path) -> Path:
    ds = rdflib.Dataset()
    ds.parse(FIXTURES / "sparql_small.trig", format="trig")
    g = rdflib.Graph(bind_namespaces="none")
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    return tmp_path


def test_good_fixture_conforms(tmp_path: Path) -> None:
    report = validate_export(_export(tmp_path))
    assert report.conforms, report.text
    assert report.violations == 0 and report.triples > 200
    assert "conforms" in report.text


def test_broken_fixture_fails_readably() -> None:
    report = validate_export(FIXTURES / "sparql_broken.ttl")
    assert not report.conforms
    assert report.violations >= 3
    text = report.text
    assert "does NOT conform" in text.splitlines()[-1]
    assert "kg:membership-" in text and "org:role" in text  # membership without a role
    assert "nif:anchorOf differs" in text  # evidence offsets do not match the text
    assert "kgo:confidence" in text  # confidence 1.5 out of range


def test_explicit_shapes_and_missing_export(tmp_path: Path) -> None:
    report = validate_export(_export(tmp_path), shapes=DEFAULT_SHAPES)
    assert report.conforms
    with pytest.raises(ConfigError, match="run kg build first"):
        validate_export(tmp_path / "nothing")
