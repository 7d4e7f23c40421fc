"""One count everywhere: the build summary, ``kg stats`` and SPARQL give the same numbers.

The corpus has triples that two documents both state (the extractor's description, an
``org:memberOf`` shortcut) and one event reported twice in one document: the two ways a
sum over graphs or over extracted facts used to overcount.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from graph.build.pipeline import BuildOptions, build_corpus
from graph.cli import cli
from graph.sparql.query import run_query
from graph.sparql.stats import COUNT_KEYS, graph_stats
from graph.sparql.terms import SelectResult

MULTIDOC = Path(__file__).parent / "fixtures" / "multidoc"
TWICE = """北京市劳模表彰会在京举行

4月28日，由市总工会主办的2019年北京市劳模表彰会在北京展览馆举行，300名劳模参加。

4月29日，由市总工会主办的2019年北京市劳模表彰会在北京展览馆举行，200名劳模参加。
"""


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    seeds = tmp_path_factory.mktemp("seeds")
    for path in MULTIDOC.iterdir():
        shutil.copy(path, seeds / path.name)
    (seeds / "d4.txt").write_text(TWICE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    report = build_corpus(seeds, out, options=BuildOptions())
    return out, report.counts


def _count(out: Path, sparql: str) -> int:
    result = run_query(out, sparql)
    assert isinstance(result, SelectResult) and result.rows[0][0] is not None
    return int(result.rows[0][0].value)


def test_build_summary_equals_kg_stats(build: tuple[Path, dict[str, int]]) -> None:
    out, counts = build
    assert tuple(counts) == COUNT_KEYS
    assert counts == graph_stats(out)
    printed = CliRunner().invoke(cli, ["stats", "--graph", str(out)])
    assert printed.exit_code == 0, printed.output
    shown = {k: int(v) for k, v in (line.split() for line in printed.output.splitlines())}
    assert shown == counts


def test_counts_equal_sparql_and_the_export(build: tuple[Path, dict[str, int]]) -> None:
    out, counts = build
    # the distinct triples of the union, counted outside the store: rdflib over graph.trig
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    union = {t for g in ds.graphs() for t in g}
    assert counts["triples"] == len(union)
    assert counts["quads"] == sum(len(g) for g in ds.graphs()) > counts["triples"]
    events = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a schema:Event }"
    people = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a foaf:Person }"
    assert counts["events"] == _count(out, events) == 2  # d2's event and d4's (stated twice)
    assert counts["people"] == _count(out, people)


def test_an_event_label_is_in_one_graph_only(build: tuple[Path, dict[str, int]]) -> None:
    out, _ = build
    twice = """SELECT (COUNT(*) AS ?n) WHERE {
      SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s a schema:Event } GRAPH ?h { ?s ?p ?o } }
      GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?h) > 1) }"""
    assert _count(out, twice) == 0
    labelled = "SELECT (COUNT(*) AS ?n) WHERE { ?e a schema:Event ; rdfs:label ?l }"
    assert _count(out, labelled) == 2


def test_the_streamed_counter_has_the_definitions_of_kg_stats() -> None:
    from graph.build.counts import CLASSES, KEYS
    from graph.sparql import stats

    assert KEYS == COUNT_KEYS
    assert CLASSES == stats._CLASSES


@settings(max_examples=80, deadline=None)
@given(
    hashes=st.lists(st.integers(0, 2**64 - 1) | st.integers(0, 200), max_size=300),
    limit=st.integers(1, 50),
)
def test_distinct_hashes_spilled_to_disk_count_as_a_set(hashes: list[int], limit: int) -> None:
    """However often the buckets go to the temporary file, the count is the set's size."""
    from graph.build.counts import DistinctHashes

    counter = DistinctHashes(limit=limit)
    for h in hashes:
        counter.add(h)
    assert counter.count() == len(set(hashes))
    assert set().union(*counter.sets()) == set(hashes)
