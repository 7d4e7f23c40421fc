"""End-to-end build of the fixture corpus: outputs, determinism, offline HTML, incremental."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from rdflib import Graph

from graph.build.pipeline import OUTPUTS, BuildOptions, build_corpus

MEMBERS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?p WHERE { ?m a org:Membership ; org:member/rdfs:label ?p }"""


def test_every_output_is_written(built: Path) -> None:
    for name in OUTPUTS:
        assert (built / name).stat().st_size > 0, name
    assert (built / "store").is_dir()


def test_people_of_every_document_are_in_the_turtle(built: Path) -> None:
    g = Graph().parse(built / "graph.ttl")
    people = {str(r[0]) for r in g.query(MEMBERS)}
    assert {"王建民", "李红梅", "陈国华", "周明远", "孙立新", "冯晓东"} <= people


def test_two_builds_give_identical_turtle(corpus_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    build_corpus(corpus_dir, a, options=BuildOptions())
    build_corpus(corpus_dir, b, options=BuildOptions(force=True))
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()
    assert (a / "graph.trig").read_bytes() == (b / "graph.trig").read_bytes()
    assert (a / "graph.jsonld").read_bytes() == (b / "graph.jsonld").read_bytes()


def test_html_has_no_network_script(built: Path) -> None:
    html = (built / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']?(https?:)?//", html)
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", html)


def test_rebuild_reuses_unchanged_documents(corpus_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build_corpus(corpus_copy, out, options=BuildOptions())
    assert first.extracted == 2
    (corpus_copy / "b.txt").write_text("新闻\n\n某某县教育局局长 吴天明\n", encoding="utf-8")
    second = build_corpus(corpus_copy, out, options=BuildOptions())
    assert (second.extracted, second.reused) == (1, 1)
    people = {str(r[0]) for r in Graph().parse(out / "graph.ttl").query(MEMBERS)}
    assert "吴天明" in people and "周明远" not in people


def test_base_iri_is_configurable(corpus_dir: Path, tmp_path: Path) -> None:
    build_corpus(corpus_dir, tmp_path, options=BuildOptions(base_iri="http://example.net/kg/"))
    g = Graph().parse(tmp_path / "graph.ttl")
    subjects = {str(s) for s in g.subjects()}
    assert any(s.startswith("http://example.net/kg/person-") for s in subjects)
    assert not any(s.startswith("https://kg.example.org/id/") for s in subjects)


def test_cli_build_prints_a_summary(corpus_dir: Path, tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "graph", "build", str(corpus_dir), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "people" in run.stdout and "posts" in run.stdout
