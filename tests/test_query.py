"""`kg query` / `kg stats`: named queries, bindings, formats, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli, main
from graph.errors import ConfigError, QueryError
from graph.sparql.query import graph_stats, named_queries, run_cli_query
from graph.sparql.store import open_store, store_dir

FIXTURE = Path(__file__).parent / "fixtures" / "sparql_small.trig"
SHARED_NAMES = {
    "q1_union_chairs", "q2_who_talked_about", "q3_suborganisations", "q4_provenance_membership",
    "q5_provenance_triple", "q6_events", "q7_conflicting_roles", "q8_claims_asserted",
    "q9_offset_check", "q10_docs_mentioning", "x_export_web_annotation",
}  # fmt: skip


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    with open_store(store_dir(out)) as store:
        store.load_dataset(FIXTURE.read_bytes())
    return out


def test_every_named_query_runs(graph_dir: Path) -> None:
    names = set(named_queries())
    assert SHARED_NAMES | {"memberships", "people", "organisations"} <= names
    for name in names:
        for fmt in ("table", "csv", "tsv", "json"):
            assert run_cli_query(graph_dir, None, name=name, fmt=fmt)


def test_memberships_count_and_defaults(graph_dir: Path) -> None:
    out = json.loads(run_cli_query(graph_dir, None, name="memberships_count", fmt="json"))
    assert out["results"]["bindings"][0]["memberships"]["value"] == "2"
    chairs = run_cli_query(graph_dir, None, name="q1_union_chairs", fmt="csv")
    rows = list(csv.DictReader(io.StringIO(chairs)))
    assert [r["person"] for r in rows] == ["张三"]  # default role 主席, type 工会 (narrower too)
    deputies = run_cli_query(
        graph_dir, None, name="q1_union_chairs", bindings=("role=副主席",), fmt="csv"
    )
    assert [r["person"] for r in csv.DictReader(io.StringIO(deputies))] == ["李四"]


def test_bindings_and_unbinding(graph_dir: Path) -> None:
    all_people = run_cli_query(graph_dir, None, name="memberships", fmt="csv")
    assert all_people.count("\n") == 3  # header + 2 rows
    one = run_cli_query(graph_dir, None, name="memberships", bindings=("person=张三",), fmt="csv")
    assert "张三" in one and "李四" not in one
    talked = run_cli_query(graph_dir, None, name="q2_who_talked_about", bindings=("concept=",))
    assert "张三" in talked


def test_follow_fact_to_sentence(graph_dir: Path) -> None:
    fact = "fact=kg:membership-" + "4" * 20
    out = run_cli_query(graph_dir, None, name="fact_evidence", bindings=(fact,), fmt="json")
    rows = json.loads(out)["results"]["bindings"]
    assert rows and rows[0]["sentence"]["value"] == "某市总工会主席张三出席会议。"


def test_query_file_and_text(graph_dir: Path, tmp_path: Path) -> None:
    rq = tmp_path / "people.rq"
    rq.write_text("SELECT ?n WHERE { ?p a foaf:Person ; rdfs:label ?n } ORDER BY ?n", "utf-8")
    assert run_cli_query(graph_dir, str(rq), fmt="tsv") == '?n\n"张三"@zh\n"李四"@zh\n'
    table = run_cli_query(graph_dir, "ASK { ?s a org:Membership }")
    assert table == "true\n"


def test_errors(graph_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="malformed query"):
        run_cli_query(graph_dir, "SELEC broken")
    with pytest.raises(QueryError, match="unknown named query"):
        run_cli_query(graph_dir, None, name="nope")
    with pytest.raises(ConfigError):
        run_cli_query(graph_dir, None)
    with pytest.raises(ConfigError, match="bad binding"):
        run_cli_query(graph_dir, "SELECT * {}", bindings=("novalue",))


def test_stats(graph_dir: Path) -> None:
    stats = graph_stats(graph_dir)
    assert stats == {
        "documents": 2, "people": 2, "organisations": 3, "memberships": 2, "events": 0,
        "quotations": 1, "concepts": 1, "triples": stats["triples"],
    }  # fmt: skip
    assert stats["triples"] > 200


def test_cli_one_line_errors(
    graph_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as e:
        main(["query", "--graph", str(graph_dir), "SELEC broken"])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: malformed query") and err.count("\n") == 1
    with pytest.raises(SystemExit):
        main(["query", "--graph", str(tmp_path / "none"), "SELECT * {}"])
    assert "run kg build first" in capsys.readouterr().err
    result = CliRunner().invoke(cli, ["stats", "--graph", str(graph_dir)])
    assert result.exit_code == 0 and "memberships" in result.output
