"""Query results as pandas DataFrames (typed columns) and ``kg query --format parquet``.

The store is built here from a few hand-written triples: every expected value below is read off
``DATA``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from graph.cli import main
from graph.errors import ConfigError
from graph.sparql.frames import to_pandas
from graph.sparql.query import run_cli_query, run_query
from graph.sparql.store import open_store, store_dir

DATA = """
@prefix kg: <https://kg.example.org/id/> .
@prefix schema: <http://schema.org/> .
@prefix kgo: <https://kg.example.org/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
kg:graph-1 {
  kg:event-1 a schema:Event ; rdfs:label "培训班"@zh, "Training"@en ;
      schema:startDate "2018-05-28"^^xsd:date ; kgo:participantCount 94 ;
      kgo:confidence 0.95 ; kgo:score "1.5E0"^^xsd:double ;
      kgo:checked "2018-06-01T09:30:00+08:00"^^xsd:dateTime ; kgo:public true ;
      kgo:offset "7"^^xsd:nonNegativeInteger ; kgo:code "x1"^^xsd:integer .
  kg:event-2 a schema:Event ; rdfs:label "座谈会"@zh ;
      kgo:participantCount 12 ; kgo:confidence 1 ; kgo:public false ;
      kgo:checked "2019-01-01T00:00:00Z"^^xsd:dateTime ; kgo:code 3 .
}
"""
SELECT = """
SELECT ?event ?label ?start ?n ?confidence ?score ?checked ?public ?offset ?code WHERE {
  ?event a schema:Event ; rdfs:label ?label ; kgo:participantCount ?n ; kgo:confidence ?confidence ;
         kgo:checked ?checked ; kgo:public ?public ; kgo:code ?code .
  FILTER (LANG(?label) = "zh")
  OPTIONAL { ?event schema:startDate ?start }
  OPTIONAL { ?event kgo:score ?score }
  OPTIONAL { ?event kgo:offset ?offset }
} ORDER BY ?event
"""
EVENT = "https://kg.example.org/id/event-"


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    with open_store(store_dir(out)) as store:
        store.load_dataset(DATA.encode("utf-8"))
    return out


@pytest.fixture(scope="module")
def frame(graph_dir: Path) -> pd.DataFrame:
    return to_pandas(run_query(graph_dir, SELECT))


def test_columns_follow_the_query(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == [
        "event", "label", "start", "n", "confidence", "score", "checked", "public", "offset",
        "code",
    ]  # fmt: skip
    assert len(frame) == 2


def test_numbers_are_typed(frame: pd.DataFrame) -> None:
    assert str(frame["n"].dtype) == "Int64"
    assert frame["n"].tolist() == [94, 12]
    # 0.95 (decimal) and 1 (integer) in one column: float
    assert frame["confidence"].dtype == "float64"
    assert frame["confidence"].tolist() == [0.95, 1.0]
    assert frame["score"].dtype == "float64"
    assert frame["score"][0] == 1.5 and pd.isna(frame["score"][1])
    # a type derived from xsd:integer, unbound in the second row: a nullable integer
    assert str(frame["offset"].dtype) == "Int64"
    assert frame["offset"][0] == 7 and frame["offset"][1] is pd.NA


def test_a_value_that_does_not_parse_keeps_the_column_text(frame: pd.DataFrame) -> None:
    assert frame["code"].dtype == "str"
    assert frame["code"].tolist() == ["x1", "3"]


def test_dates_are_datetimes(frame: pd.DataFrame) -> None:
    assert str(frame["start"].dtype).startswith("datetime64")
    assert frame["start"][0] == pd.Timestamp("2018-05-28") and pd.isna(frame["start"][1])
    # dateTimes with a time zone: converted to UTC
    assert str(frame["checked"].dtype).startswith("datetime64") and "UTC" in str(
        frame["checked"].dtype
    )
    assert frame["checked"].tolist() == [
        pd.Timestamp("2018-06-01T01:30:00Z"),
        pd.Timestamp("2019-01-01T00:00:00Z"),
    ]


def test_booleans_iris_and_strings(frame: pd.DataFrame) -> None:
    assert str(frame["public"].dtype) == "boolean"
    assert frame["public"].tolist() == [True, False]
    assert frame["event"].dtype == "str" and frame["label"].dtype == "str"
    assert frame["event"].tolist() == [EVENT + "1", EVENT + "2"]
    assert frame["label"].tolist() == ["培训班", "座谈会"]


def test_language_tags_in_a_side_column(graph_dir: Path) -> None:
    q = "SELECT ?label WHERE { kg:event-1 rdfs:label ?label } ORDER BY ?label"
    result = run_query(graph_dir, q)
    assert list(to_pandas(result).columns) == ["label"]
    tagged = to_pandas(result, languages=True)
    assert list(tagged.columns) == ["label", "label@lang"]
    assert tagged.to_dict("list") == {"label": ["Training", "培训班"], "label@lang": ["en", "zh"]}


def test_short_iris(graph_dir: Path) -> None:
    q = "SELECT ?e ?t WHERE { ?e a ?t } ORDER BY ?e"
    frame = to_pandas(run_query(graph_dir, q), short_iris=True)
    assert frame["t"].tolist() == ["schema:Event", "schema:Event"]
    assert frame["e"].tolist() == ["kg:event-1", "kg:event-2"]


def test_ask_and_construct(graph_dir: Path) -> None:
    ask = to_pandas(run_query(graph_dir, "ASK { kg:event-1 kgo:participantCount 94 }"))
    assert ask["ask"].tolist() == [True]
    q = "CONSTRUCT { ?e kgo:participantCount ?n } WHERE { ?e kgo:participantCount ?n }"
    triples = to_pandas(run_query(graph_dir, q)).sort_values("subject")
    assert list(triples.columns) == ["subject", "predicate", "object"]
    assert str(triples["object"].dtype) == "Int64"
    assert triples["object"].tolist() == [94, 12]


def test_parquet_round_trip(graph_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    main(["query", "--graph", str(graph_dir), "--format", "parquet", "--out", str(out), SELECT])
    schema = pq.read_schema(out)
    assert str(schema.field("n").type) == "int64"
    assert str(schema.field("start").type).startswith("timestamp")
    assert str(schema.field("confidence").type) == "double"
    back = pd.read_parquet(out)
    assert back["n"].tolist() == [94, 12]
    assert back["label"].tolist() == ["培训班", "座谈会"]
    assert back["start"][0] == pd.Timestamp("2018-05-28")


def test_out_writes_the_printed_text(
    graph_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "events.csv"
    main(["query", "--graph", str(graph_dir), "--format", "csv", "--out", str(out), SELECT])
    assert capsys.readouterr().out == ""
    assert out.read_bytes() == run_cli_query(graph_dir, SELECT, fmt="csv").encode("utf-8")


def test_parquet_needs_out(graph_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["query", "--graph", str(graph_dir), "--format", "parquet", SELECT])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert "--out" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("missing", ["pandas", "pyarrow"])
def test_a_missing_package_names_the_extra(
    missing: str,
    graph_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # import now raises ImportError
    out = tmp_path / "x.parquet"
    with pytest.raises(SystemExit):
        main(["query", "--graph", str(graph_dir), "--format", "parquet", "--out", str(out), SELECT])
    err = capsys.readouterr().err
    assert f"{missing} is not installed" in err and "'.[notebook]'" in err
    assert not out.exists()
    if missing == "pandas":
        with pytest.raises(ConfigError, match=r"notebook extra"):
            to_pandas(run_query(graph_dir, SELECT))


def test_the_core_does_not_import_pandas() -> None:
    code = (
        "import sys, graph.cli, graph.sparql.query, graph.sparql.frames;"
        "assert not {'pandas', 'pyarrow', 'matplotlib'} & set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_column_edge_cases() -> None:
    from graph.sparql.frames import XSD, column
    from graph.sparql.terms import Term

    def lit(value: str, datatype: str) -> Term:
        return Term("literal", value, datatype=XSD + datatype)

    # Python's int() takes "1_000"; xsd:integer does not: the column stays text
    assert column([lit("1_000", "integer"), lit("2", "integer")]).tolist() == ["1_000", "2"]
    # a date is a day: its time zone is dropped, the column stays naive
    days = column([lit("2018-05-28+08:00", "date"), lit("2018-05-29Z", "date"), None])
    assert str(days.dtype).startswith("datetime64") and "UTC" not in str(days.dtype)
    assert days[:2].tolist() == [pd.Timestamp("2018-05-28"), pd.Timestamp("2018-05-29")]
    # a blank node and a literal share a text column
    mixed = column([Term("bnode", "b0"), lit("x", "string")])
    assert mixed.tolist() == ["_:b0", "x"]
