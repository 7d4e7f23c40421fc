"""Named queries rewritten for speed give what they gave before, and bound values written into
the query (graph.sparql.inline) give what the engine's substitutions give.

``tests/fixtures/reference_queries/`` holds each named query as it was before it was rewritten
for speed (the straightforward form).  Every named query runs through ``Store.query`` (bound
values written in), the reference runs in pyoxigraph with the values as ``substitutions``, on
the fixture dataset and on a build of the fixture corpus, unbound and bound to values taken
from the unbound answer: the rows must be the same.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.rdf.vocab import PREFIXES
from graph.sparql.inline import inline_bindings
from graph.sparql.query import named_queries, parse_bindings
from graph.sparql.results import from_ox, to_ox
from graph.sparql.store import Store, open_store, store_dir
from graph.sparql.terms import AskResult, GraphResult, QueryResult, SelectResult, Term

FIXTURE = Path(__file__).parent / "fixtures" / "sparql_small.trig"
REFERENCE = Path(__file__).parent / "fixtures" / "reference_queries"
Rows = list[tuple[str, ...]]


@pytest.fixture(scope="module", params=["dataset", "build"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path
) -> Iterator[Store]:
    """The fixture dataset, or a build of the fixture corpus, in a store opened read-only."""
    out = tmp_path_factory.mktemp("rewrites")
    if request.param == "dataset":
        with open_store(store_dir(out)) as writer:
            writer.load_dataset(FIXTURE.read_bytes())
    else:
        from graph.build.pipeline import BuildOptions, build_corpus

        seeds = out / "seeds"
        shutil.copytree(corpus_dir, seeds)
        build_corpus(seeds, out, options=BuildOptions())
    with open_store(store_dir(out), read_only=True) as opened:
        yield opened


def _rows(result: QueryResult) -> Rows:
    if isinstance(result, SelectResult):
        return sorted(tuple("" if t is None else t.n3() for t in row) for row in result.rows)
    if isinstance(result, GraphResult):
        return sorted(tuple(t.n3() for t in triple) for triple in result.triples)
    assert isinstance(result, AskResult)
    return [(str(result.value),)]


def _reference(store: Store, name: str, values: dict[str, Term]) -> Rows:
    """The reference query's rows, run by pyoxigraph with the values as substitutions."""
    raw = store._store.query(
        (REFERENCE / f"{name}.rq").read_text(encoding="utf-8"),
        use_default_graph_as_union=True,
        prefixes=dict(PREFIXES),
        substitutions={ox.Variable(k): to_ox(v) for k, v in values.items()} or None,
    )
    if isinstance(raw, ox.QueryTriples):
        return sorted(
            tuple(from_ox(x).n3() for x in (t.subject, t.predicate, t.object)) for t in raw
        )
    assert isinstance(raw, ox.QuerySolutions)
    width = range(len(raw.variables))
    return sorted(tuple("" if s[i] is None else from_ox(s[i]).n3() for i in width) for s in raw)


def _defaults(name: str) -> dict[str, Term]:
    nq = named_queries()[name]
    parsed = parse_bindings([f"{k}={v}" for k, v in nq.defaults.items()])
    return {k: v for k, v in parsed.items() if v is not None}


def _bindings_to_try(store: Store, name: str) -> Iterator[dict[str, Term]]:
    """The defaults, no binding at all, and each parameter bound to values of the answer."""
    nq = named_queries()[name]
    yield _defaults(name)
    yield {}
    unbound = store.query(nq.text)
    if not isinstance(unbound, SelectResult):  # CONSTRUCT: see the test of bound facts
        return
    for param in nq.params:
        if param not in unbound.variables:
            continue
        column = unbound.variables.index(param)
        seen = sorted({row[column] for row in unbound.rows if row[column] is not None}, key=str)
        for value in seen[:3]:
            yield {**_defaults(name), param: value}


def test_reference_queries_cover_every_named_query() -> None:
    assert {p.stem for p in REFERENCE.glob("*.rq")} == set(named_queries())


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_gives_the_reference_answer(store: Store, name: str) -> None:
    tried = 0
    for values in _bindings_to_try(store, name):
        got = _rows(store.query(named_queries()[name].text_for(values), values))
        assert got == _reference(store, name, values), (name, values)
        tried += 1
    assert tried >= 2


def test_facts_bound_in_the_construct_and_evidence_queries(store: Store) -> None:
    facts = store.query("SELECT DISTINCT ?f WHERE { ?f a kgo:Fact } ORDER BY ?f LIMIT 4")
    assert isinstance(facts, SelectResult) and facts.rows
    for (fact,) in facts.rows:
        assert fact is not None
        for name in ("fact_evidence", "x_export_web_annotation"):
            got = _rows(store.query(named_queries()[name].text_for(["fact"]), {"fact": fact}))
            assert got and got == _reference(store, name, {"fact": fact}), (name, fact)


CASES = [  # (query, bindings): each written in, then compared with the engine's substitution
    ("SELECT ?x (COUNT(?y) AS ?n) WHERE { ?y ?p ?x } GROUP BY ?x ORDER BY DESC(?n) ?x", "x"),
    ("SELECT ?x ?y WHERE { ?x ?p ?y FILTER NOT EXISTS { ?y ?q ?x } }", "x"),
    ("SELECT ?p ?x WHERE { { SELECT ?p ?x { ?p rdfs:label ?x } } ?p a foaf:Person }", "x"),
    ("ASK { ?p rdfs:label ?x }", "x"),
    ("CONSTRUCT { ?p rdfs:label ?x } WHERE { ?p rdfs:label ?x }", "x"),
    ("SELECT ?x ?g WHERE { GRAPH ?g { ?p rdfs:label ?x } }", "x"),
    ("SELECT DISTINCT ?x ?p ?o WHERE { ?x ?p ?o . FILTER (?o != '?x') }", "p"),
]


@pytest.mark.parametrize(("query", "var"), CASES)
def test_written_in_values_equal_substitutions(store: Store, query: str, var: str) -> None:
    label = store.query("SELECT ?l WHERE { ?p a foaf:Person ; rdfs:label ?l } LIMIT 1")
    assert isinstance(label, SelectResult) and label.rows and label.rows[0][0] is not None
    values = {"x": label.rows[0][0], "p": Term("iri", "http://www.w3.org/2000/01/rdf-schema#label")}
    bound = {var: values[var]}
    want = store._store.query(
        query,
        use_default_graph_as_union=True,
        prefixes=dict(PREFIXES),
        substitutions={ox.Variable(var): to_ox(bound[var])},
    )
    want_rows = (
        [(str(bool(want)),)]
        if isinstance(want, ox.QueryBoolean)
        else sorted(
            tuple(from_ox(x).n3() for x in (t.subject, t.predicate, t.object)) for t in want
        )
        if isinstance(want, ox.QueryTriples)
        else sorted(
            tuple("" if s[i] is None else from_ox(s[i]).n3() for i in range(len(want.variables)))
            for s in want
        )
    )
    rewritten = inline_bindings(query, bound)
    assert rewritten is not None and "?" + var not in rewritten.replace(f"AS ?{var})", "")
    assert _rows(store.query(query, bound)) == want_rows


@pytest.mark.parametrize(
    ("query", "value"),
    [
        ("SELECT ?x WHERE { BIND (1 AS ?x) }", Term("literal", "1")),  # assigned
        ("SELECT * WHERE { ?s ?p ?x }", Term("literal", "1")),  # SELECT *
        ("SELECT ?s WHERE { ?s ?p ?x }", Term("literal", "1")),  # not projected
        ("SELECT ?x WHERE { ?s ?p ?x } VALUES ?s { 1 }", Term("literal", "1")),
        ("SELECT ?x ?n WHERE { { SELECT (COUNT(?x) AS ?n) { ?s ?p ?x } } }", Term("literal", "1")),
        ("SELECT ?x WHERE { ?s ?p ?x }", Term("bnode", "b0")),  # _:b is a variable in a query
        ("SELECT ?x WHERE { ?s ?p ?x }", Term("iri", "http://a> . ?s ?p <http://b")),
        ("SELECT ?x WHERE { ?s ?p ?x }", Term("literal", "x", language="zh} ?s ?p ?o {")),
    ],
)
def test_not_written_in_where_it_could_mean_otherwise(query: str, value: Term) -> None:
    assert inline_bindings(query, {"x": value}) is None


def test_hostile_literal_is_written_as_one_literal(store: Store) -> None:
    value = Term("literal", '"} ?x ?y ?z {\n\\')
    query = "SELECT ?p ?x WHERE { ?p rdfs:label ?x }"
    assert inline_bindings(query, {"x": value}) is not None
    result = store.query(query, {"x": value})
    assert isinstance(result, SelectResult) and result.rows == []
