"""The embedded store: atomic per-graph replace, queries with bindings, caps, export."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.errors import QueryError, QueryTimeout, StoreError
from graph.sparql.dump import export_dump, export_shards, shard_name
from graph.sparql.store import create_store, open_store, store_dir
from graph.sparql.terms import AskResult, GraphResult, SelectResult, Term, parse_term

FIXTURE = Path(__file__).parent / "fixtures" / "sparql_small.trig"
G1 = "https://kg.example.org/id/graph-a"
NT_A = '<https://kg.example.org/id/p1> <http://www.w3.org/2000/01/rdf-schema#label> "甲"@zh .\n'
NT_B = '<https://kg.example.org/id/p2> <http://www.w3.org/2000/01/rdf-schema#label> "乙"@zh .\n'


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    with open_store(store_dir(tmp_path)) as store:
        graphs = store.load_dataset(FIXTURE.read_bytes())
        assert len(graphs) == 3
    return tmp_path


def test_replace_graph_replaces_not_duplicates(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        store.replace_graph(G1, NT_A.encode())
        store.replace_graph(G1, NT_A.encode())
        assert len(store) == 1
        store.replace_graph(G1, NT_B.encode())
        result = store.query("SELECT ?l WHERE { ?s rdfs:label ?l }")
        assert isinstance(result, SelectResult)
        assert [r[0].value for r in result.rows if r[0]] == ["乙"]
        assert store.named_graphs() == {G1}
        store.drop_graph(G1)
        assert store.named_graphs() == set() and len(store) == 0


def test_replace_is_atomic_on_bad_data(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        store.replace_graph(G1, NT_A.encode())
        with pytest.raises(StoreError, match="cannot parse"):
            store.replace_graphs({G1: b"not n-triples", "https://x.org/g2": NT_B.encode()})
        assert len(store) == 1  # previous content intact


def test_turtle_and_bnodes_kept_apart(tmp_path: Path) -> None:
    ttl = b"@prefix s: <http://schema.org/> . [] s:name 'x' ."
    with open_store(tmp_path / "store") as store:
        store.replace_graphs({"https://x.org/g1": ttl, "https://x.org/g2": ttl}, fmt="text/turtle")
        result = store.query("SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b ?p ?o }")
        assert isinstance(result, SelectResult) and result.rows[0][0] is not None
        assert result.rows[0][0].value == "2"


def test_persistence_and_read_only(loaded: Path) -> None:
    with open_store(store_dir(loaded), read_only=True) as store:
        assert len(store) > 200
        with pytest.raises(StoreError, match="read-only"):
            store.drop_graph(G1)


def test_missing_store_message(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no store at .*run kg build first"):
        open_store(tmp_path / "store", read_only=True)


def test_second_writer_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "store"), pytest.raises(StoreError, match="cannot open store"):
        open_store(tmp_path / "store")


def test_bindings_through_the_engine(loaded: Path) -> None:
    q = "SELECT ?p ?name WHERE { ?p a foaf:Person ; rdfs:label ?name }"
    with open_store(store_dir(loaded), read_only=True) as store:
        result = store.query(q, {"name": "李四"})
        assert isinstance(result, SelectResult) and len(result.rows) == 1
        # a hostile value is a literal, not query text
        result = store.query(q, {"name": '"} ?x ?y ?z {"'})
        assert isinstance(result, SelectResult) and result.rows == []
        with pytest.raises(QueryError):
            store.query("SELECT ?p WHERE { ?p ?q ?name }", {"name": "x"})  # not projected


def test_result_kinds_cap_and_errors(loaded: Path) -> None:
    with open_store(store_dir(loaded), read_only=True) as store:
        assert store.query("ASK { ?s a org:Membership }") == AskResult(True)
        graph = store.query("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c }", max_results=3)
        assert isinstance(graph, GraphResult) and graph.truncated and len(graph.triples) == 3
        sel = store.query("SELECT * WHERE { ?s ?p ?o }", max_results=10)
        assert isinstance(sel, SelectResult) and sel.truncated and len(sel.rows) == 10
        with pytest.raises(QueryError, match=r"malformed query: .*1:"):
            store.query("SELEC broken")
        one_graph = store.query(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            default_graphs=["https://kg.example.org/id/graph-entities"],
        )
        assert isinstance(one_graph, SelectResult) and one_graph.rows[0][0] is not None
        assert 0 < int(one_graph.rows[0][0].value) < len(store)


def test_timeout_stops_a_streaming_query(loaded: Path) -> None:
    """Store.query checks its timeout while rows stream: a query that would stream for over a
    minute stops after the timeout.  (An aggregate streams nothing before it is done: kg serve
    stops those by killing its worker process, see test_server.)"""
    q = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with open_store(store_dir(loaded), read_only=True) as store:
        assert len(store) ** 3 > 10**7  # rows, at well under a million rows/s in Python
        started = time.monotonic()
        # the cap only bounds the memory of a broken timeout (it would return 10**6 rows)
        with pytest.raises(QueryTimeout, match=r"timed out after 0\.3 s"):
            store.query(q, timeout=0.3, max_results=10**6)
        assert time.monotonic() - started < 10


def test_parse_term_syntax() -> None:
    assert parse_term("张三") == Term("literal", "张三", language="zh")
    assert parse_term('"a.txt"').datatype and parse_term('"x"@en').language == "en"
    assert parse_term("<http://a.org/x>") == Term("iri", "http://a.org/x")
    assert parse_term('"2018-06-01"^^xsd:date').datatype == "http://www.w3.org/2001/XMLSchema#date"
    assert parse_term("0.5").datatype == "http://www.w3.org/2001/XMLSchema#decimal"
    assert parse_term("true").datatype == "http://www.w3.org/2001/XMLSchema#boolean"


def test_export_dump(loaded: Path, tmp_path: Path) -> None:
    nq, nt = tmp_path / "all.nq", tmp_path / "all.nt"
    quads = export_dump(loaded, nq, fmt="nquads")
    triples = export_dump(loaded, nt, fmt="ntriples")
    assert quads == len(nq.read_text(encoding="utf-8").splitlines())
    assert triples == len(nt.read_text(encoding="utf-8").splitlines())
    assert 0 < triples <= quads
    with pytest.raises(StoreError):
        export_dump(loaded, nt, fmt="turtle")


def _graph_of(line: str) -> str:
    return line.rsplit(" ", 2)[-2]


def test_export_shards_hold_each_graph_whole_once(loaded: Path, tmp_path: Path) -> None:
    whole = tmp_path / "all.nq"
    export_dump(loaded, whole, fmt="nquads")
    out = tmp_path / "shards"
    counts = export_shards(loaded, out, shards=2)
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [shard_name(0), shard_name(1)]
    lines = [f.read_text(encoding="utf-8").splitlines() for f in files]
    assert counts == [len(part) for part in lines]
    assert sorted(line for part in lines for line in part) == sorted(
        whole.read_text(encoding="utf-8").splitlines()
    )
    graphs = [{_graph_of(line) for line in part} for part in lines]
    assert not graphs[0] & graphs[1] and len(graphs[0] | graphs[1]) == 3


def test_export_shards_are_stable_and_replace_the_folder(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "shards"
    export_shards(loaded, out, shards=3)
    first = {f.name: f.read_bytes() for f in out.iterdir()}
    export_shards(loaded, out, shards=3)
    assert {f.name: f.read_bytes() for f in out.iterdir()} == first
    export_shards(loaded, out, shards=1)
    assert [f.name for f in out.iterdir()] == [shard_name(0)]
    assert not [f for f in tmp_path.iterdir() if f.name.startswith(".")]
    with pytest.raises(StoreError, match="at least 1"):
        export_shards(loaded, out, shards=0)
    with pytest.raises(StoreError, match="is a file"):
        export_shards(loaded, out / shard_name(0), shards=2)


def _contents(path: Path) -> tuple[int, set[str], list[tuple[str, ...]], int]:
    with open_store(path, read_only=True) as store:
        rows = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(rows, SelectResult)
        terms = [tuple(t for t in r if t is not None) for r in rows.rows]
        plain = sorted(tuple(map(str, r)) for r in terms if all(t.kind != "bnode" for t in r))
        bnodes = len({t.value for r in terms for t in r if t.kind == "bnode"})
        return len(store), store.named_graphs(), plain, bnodes


def test_bulk_created_store_equals_transactional_one(tmp_path: Path) -> None:
    ttl = b"@prefix s: <http://schema.org/> . [] s:name 'x' . <http://x.org/a> s:knows [] ."
    graphs = {"https://x.org/g1": ttl, "https://x.org/g2": ttl, G1: NT_A.encode() + NT_B.encode()}
    assert create_store(tmp_path / "bulk", graphs, fmt="text/turtle") == 6
    with open_store(tmp_path / "txn") as store:
        store.replace_graphs(graphs, fmt="text/turtle")
    bulk, txn = _contents(tmp_path / "bulk"), _contents(tmp_path / "txn")
    assert bulk == txn and bulk[0] == 6 and bulk[3] == 4  # blank nodes kept apart per graph
    assert not list(tmp_path.glob(".*.tmp"))


def test_bulk_create_refuses_an_existing_store_and_bad_data(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        store.replace_graph(G1, NT_A.encode())
    with pytest.raises(StoreError, match="already exists"):
        create_store(tmp_path / "store", {G1: NT_B.encode()})
    with pytest.raises(StoreError, match="cannot parse"):
        create_store(tmp_path / "new", {G1: NT_A.encode(), "https://x.org/g2": b"not n-triples"})
    assert not (tmp_path / "new").exists() and not list(tmp_path.glob(".*.tmp"))
