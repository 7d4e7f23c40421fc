"""The W3C SPARQL query-evaluation tests (vendored under ``tests/w3c/sparql``), run against the
engine of ``kg query``: :meth:`graph.sparql.store.Store.query` over an on-disk store.

Every data file of every test is loaded once, as a named graph whose IRI is the file's
``file://`` URL; a test's dataset is then chosen as the protocol does it: its ``qt:data`` files
are the default graph (``default_graphs``) and its ``qt:graphData`` files the named graphs
(``named_graphs``), unless the query names its own dataset with ``FROM`` / ``FROM NAMED`` (the
dataset tests), which then holds.  The query's base IRI is its file's URL, so ``FROM
<data-g1.ttl>`` finds that graph.

Results are compared as the test suite says: solutions as a multiset, blank nodes up to a
consistent renaming (and in order when the query has ``ORDER BY``); CONSTRUCT results as
isomorphic graphs; the CSV tests compare the CSV text that pyoxigraph writes.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection
from rdflib.term import Node

from graph.errors import KGError
from graph.sparql.results import from_ox
from graph.sparql.scan import scan
from graph.sparql.store import Store, open_store
from graph.sparql.terms import AskResult, GraphResult, SelectResult, Term

SUITE = Path(__file__).resolve().parent / "sparql"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
DAWGT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#")
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"

# the query-evaluation manifests (the protocol's is read by tests/w3c/protocol.py)
EVALUATION = (
    "sparql11/aggregates",
    "sparql11/bind",
    "sparql11/bindings",
    "sparql11/cast",
    "sparql11/construct",
    "sparql11/csv-tsv-res",
    "sparql11/exists",
    "sparql11/functions",
    "sparql11/grouping",
    "sparql11/json-res",
    "sparql11/negation",
    "sparql11/project-expression",
    "sparql11/property-path",
    "sparql11/subquery",
    "sparql10/dataset",
)
_KINDS: dict[Node, str] = {
    MF.QueryEvaluationTest: "evaluation",
    MF.CSVResultFormatTest: "csv",
    MF.NegativeSyntaxTest11: "negative-syntax",
    MF.PositiveSyntaxTest11: "positive-syntax",
}
ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)

Key = tuple[str, str, str | None, str | None]  # kind, value, datatype, language
Row = tuple[Key | None, ...]


@dataclass(frozen=True, slots=True)
class EvalTest:
    """One test of a manifest: ``id`` is ``folder#name`` (e.g. ``sparql11/bind#bind01``)."""

    id: str
    kind: str
    query: Path
    data: tuple[Path, ...]
    graph_data: tuple[Path, ...]
    result: Path | None


@dataclass(frozen=True, slots=True)
class Outcome:
    passed: bool
    reason: str = ""


def required(node: Node | None) -> Node:
    assert node is not None, "the manifest lacks a required node"
    return node


def _path(node: Any) -> Path:
    return Path(str(node).removeprefix("file://"))


def eval_tests(folders: Iterable[str] = EVALUATION) -> list[EvalTest]:
    """The tests of the given manifest folders, in manifest order (withdrawn ones left out)."""
    out = []
    for folder in folders:
        manifest = SUITE / folder / "manifest.ttl"
        g = Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
        root = next(iter(g.subjects(RDF.type, MF.Manifest)))
        for test in Collection(g, required(g.value(root, MF.entries))):
            kind = next((_KINDS[t] for t in g.objects(test, RDF.type) if t in _KINDS), None)
            if kind is None or g.value(test, DAWGT.approval) == DAWGT.Withdrawn:
                continue
            action = g.value(test, MF.action)
            data: tuple[Path, ...] = ()
            named: tuple[Path, ...] = ()
            if kind.endswith("syntax"):
                query = _path(action)
            else:
                query = _path(g.value(action, QT.query))
                data = tuple(sorted(_path(d) for d in g.objects(action, QT.data)))
                named = tuple(sorted(_path(d) for d in g.objects(action, QT.graphData)))
            result = g.value(test, MF.result)
            name = str(test).rsplit("#", 1)[-1]
            out.append(
                EvalTest(
                    f"{folder}#{name}",
                    kind,
                    query,
                    data,
                    named,
                    None if result is None else _path(result),
                )
            )
    return out


def _from_clauses(test: EvalTest) -> list[Path]:
    """The files a query names in FROM / FROM NAMED (relative to the query's folder)."""
    text = test.query.read_text(encoding="utf-8")
    return [test.query.parent / m for m in re.findall(r"FROM\s+(?:NAMED\s+)?<([^>:]+)>", text)]


def load_store(folder: Path, tests: Sequence[EvalTest]) -> Store:
    """A new store in ``folder`` holding every data file of ``tests`` as a named graph."""
    files = sorted(
        {p for t in tests for p in (*t.data, *t.graph_data, *_from_clauses(t)) if p.is_file()}
    )
    graphs: dict[str, bytes] = {}
    for path in files:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
        triples = ox.parse(path=str(path), format=fmt, base_iri=path.as_uri())
        graphs[path.as_uri()] = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    store = open_store(folder)
    store.replace_graphs(graphs)
    return store


# ------------------------------------------------------------------ running one test


def run(store: Store, test: EvalTest) -> Outcome:
    """Run one test against ``store`` (made by :func:`load_store` with it among its tests)."""
    sparql = f"BASE <{test.query.as_uri()}>\n" + test.query.read_text(encoding="utf-8")
    if test.kind.endswith("syntax"):
        try:
            store.query(sparql)
        except KGError as e:
            if test.kind == "negative-syntax" and "malformed" in str(e):
                return Outcome(True)
            if test.kind == "negative-syntax":
                return Outcome(False, f"refused, but not as a syntax error: {e}")
            return Outcome(False, f"refused: {e}")
        ok = test.kind == "positive-syntax"
        return Outcome(ok, "" if ok else "accepted a malformed query")
    own = scan(sparql).has_dataset
    default = None if own else tuple(p.as_uri() for p in test.data)
    named = None if own else tuple(p.as_uri() for p in test.graph_data)
    if test.kind == "csv":
        return _run_csv(store, test, sparql, default, named)
    try:
        actual = store.query(sparql, default_graphs=default, named_graphs=named)
    except KGError as e:
        return Outcome(False, f"error: {e}")
    assert test.result is not None
    try:
        expected = expected_result(test.result)
    except (SyntaxError, ValueError, OSError) as e:
        return Outcome(False, f"cannot read the expected result: {e}")
    return compare(actual, expected, ordered=bool(ORDER_BY.search(sparql)))


def _run_csv(
    store: Store,
    test: EvalTest,
    sparql: str,
    default: tuple[str, ...] | None,
    named: tuple[str, ...] | None,
) -> Outcome:
    assert test.result is not None
    try:
        _, body, _ = store.query_bytes(
            sparql, results="csv", graph=None, default_graphs=default, named_graphs=named
        )
    except KGError as e:
        return Outcome(False, f"error: {e}")
    want = _csv_rows(test.result.read_text(encoding="utf-8"))
    got = _csv_rows((body or b"").decode("utf-8"))
    if want[:1] == got[:1] and _match(want[1:], got[1:], ordered=False):
        return Outcome(True)
    return Outcome(False, f"CSV differs: expected {want}, got {got}")


def _csv_rows(text: str) -> list[tuple[Key | None, ...]]:
    """CSV rows as keys: ``_:x`` cells are blank nodes (renamed 1:1 when compared)."""
    rows = list(csv.reader(io.StringIO(text)))
    head = [tuple(("literal", c, None, None) for c in rows[0])] if rows else []
    body = [
        tuple(
            ("bnode", c[2:], None, None) if c.startswith("_:") else ("literal", c, None, None)
            for c in row
        )
        for row in rows[1:]
    ]
    return [*head, *body]


# ------------------------------------------------------------------ expected results


Expected = tuple[str, Any]  # ("boolean", bool) | ("solutions", (vars, rows)) | ("graph", rows)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_DECIMALS = {_XSD + n for n in ("decimal", "integer", "int", "long", "short", "byte")}
_DECIMALS |= {_XSD + n for n in ("nonNegativeInteger", "positiveInteger", "unsignedInt")}
_DECIMALS |= {_XSD + n for n in ("negativeInteger", "nonPositiveInteger", "unsignedLong")}
_DECIMALS |= {_XSD + n for n in ("unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + "double", _XSD + "float"}
XSD_STRING = _XSD + "string"


def _key(term: Any) -> Key:
    """A comparable term; numbers and booleans by value (``"1.0"`` and ``"1"`` as xsd:decimal
    are equal, so are ``"0"`` and ``"false"`` as xsd:boolean), as result-set comparison in Jena
    treats them: Oxigraph keeps such literals in a value encoding, not their lexical form."""
    t: Term = term if isinstance(term, Term) else from_ox(term)
    value = t.value
    try:
        if t.datatype in _DECIMALS:
            value = str(Decimal(value.strip()).normalize())
        elif t.datatype in _FLOATS:
            value = repr(float(value.strip()))
        elif t.datatype == _XSD + "boolean":
            value = {"1": "true", "0": "false"}.get(value.strip(), value.strip())
    except (InvalidOperation, ValueError):
        pass  # an ill-typed literal keeps its text
    return (t.kind, value, t.datatype, t.language)


def expected_result(path: Path) -> Expected:
    """The expected result of a test: a boolean, solutions (variables, rows) or triples."""
    suffix = path.suffix.lstrip(".")
    results = {"srx": "xml", "srj": "json", "tsv": "tsv"}.get(suffix)
    if results is not None:
        parsed = ox.parse_query_results(
            path=str(path), format=ox.QueryResultsFormat.from_extension(results)
        )
        if isinstance(parsed, ox.QueryBoolean):
            return ("boolean", bool(parsed))
        names = [v.value for v in parsed.variables]
        rows = [
            tuple(None if s[i] is None else _key(s[i]) for i in range(len(names))) for s in parsed
        ]
        return ("solutions", (names, rows))
    fmt = ox.RdfFormat.from_extension(suffix) or ox.RdfFormat.TURTLE
    triples = list(ox.parse(path=str(path), format=fmt, base_iri=path.as_uri()))
    if any(t.object == ox.NamedNode(RS + "ResultSet") for t in triples):
        return _result_set(triples)
    return ("graph", [(_key(t.subject), _key(t.predicate), _key(t.object)) for t in triples])


def _result_set(triples: list[Any]) -> Expected:
    """A result set written in RDF (the ``rs:`` vocabulary of the SPARQL 1.0 tests)."""
    by_subject: dict[Any, list[Any]] = {}
    for t in triples:
        by_subject.setdefault(t.subject, []).append(t)

    def values(s: Any, p: str) -> list[Any]:
        return [t.object for t in by_subject.get(s, []) if t.predicate.value == RS + p]

    root = next(t.subject for t in triples if t.object == ox.NamedNode(RS + "ResultSet"))
    boolean = values(root, "boolean")
    if boolean:
        return ("boolean", boolean[0].value == "true")
    names = sorted(v.value for v in values(root, "resultVariable"))
    rows = []
    for solution in values(root, "solution"):
        row: dict[str, Key] = {}
        for binding in values(solution, "binding"):
            row[values(binding, "variable")[0].value] = _key(values(binding, "value")[0])
        rows.append(tuple(row.get(n) for n in names))
    return ("solutions", (names, rows))


# ------------------------------------------------------------------ comparison


def compare(actual: Any, expected: Expected, *, ordered: bool) -> Outcome:
    kind, want = expected
    if kind == "boolean":
        if not isinstance(actual, AskResult):
            return Outcome(False, f"expected a boolean, got {type(actual).__name__}")
        ok = actual.value == want
        return Outcome(ok, "" if ok else f"expected {want}, got {actual.value}")
    if kind == "graph":
        if not isinstance(actual, GraphResult):
            return Outcome(False, f"expected a graph, got {type(actual).__name__}")
        got = [tuple(_key(t) for t in triple) for triple in actual.triples]
        got = list(dict.fromkeys(got))  # a graph is a set
        ok = len(got) == len(set(want)) and _match(list(set(want)), got, ordered=False)
        return Outcome(ok, "" if ok else f"graphs differ: expected {want}, got {got}")
    if not isinstance(actual, SelectResult):
        return Outcome(False, f"expected solutions, got {type(actual).__name__}")
    names, rows = want
    if set(names) != set(actual.variables) and rows:
        return Outcome(False, f"variables differ: expected {names}, got {actual.variables}")
    index = [actual.variables.index(n) if n in actual.variables else -1 for n in names]
    got_rows = [
        tuple(None if i < 0 or r[i] is None else _key(r[i]) for i in index) for r in actual.rows
    ]
    if len(got_rows) != len(rows):
        return Outcome(False, f"expected {len(rows)} rows, got {len(got_rows)}: {got_rows[:8]}")
    if not _match(rows, got_rows, ordered=False):
        return Outcome(False, f"solutions differ: expected {rows[:8]}, got {got_rows[:8]}")
    if ordered and not _match(rows, got_rows, ordered=True):
        return Outcome(False, "solutions in another order")
    return Outcome(True)


def _has_bnode(row: Sequence[Key | None]) -> bool:
    return any(k is not None and k[0] == "bnode" for k in row)


def _match(want: list[Any], got: list[Any], *, ordered: bool) -> bool:
    """Whether the rows are equal as multisets (or lists) with blank nodes renamed 1:1."""
    if not any(_has_bnode(r) for r in (*want, *got)):
        return want == got if ordered else Counter(want) == Counter(got)
    if ordered:
        return _bijection(want, got, list(range(len(got))), {}, {}, strict_order=True)
    return _bijection(want, got, list(range(len(got))), {}, {}, strict_order=False)


def _bijection(
    want: list[Any],
    got: list[Any],
    free: list[int],
    fwd: dict[str, str],
    back: dict[str, str],
    *,
    strict_order: bool,
    depth: int = 0,
) -> bool:
    if depth == len(want):
        return True
    row = want[depth]
    candidates = [free[0]] if strict_order else free
    for j in candidates:
        added = _unify(row, got[j], fwd, back)
        if added is None:
            continue
        rest = [k for k in free if k != j]
        if _bijection(want, got, rest, fwd, back, strict_order=strict_order, depth=depth + 1):
            return True
        for a, b in added:
            del fwd[a], back[b]
    return False


def _unify(
    a: Sequence[Key | None], b: Sequence[Key | None], fwd: dict[str, str], back: dict[str, str]
) -> list[tuple[str, str]] | None:
    """Extend the bnode mapping so that row ``a`` equals row ``b``; the pairs added, or None."""
    if len(a) != len(b):
        return None
    added: list[tuple[str, str]] = []
    for x, y in zip(a, b, strict=True):
        if x is None or y is None or x[0] != "bnode" or y[0] != "bnode":
            if x != y:
                break
            continue
        if fwd.get(x[1], y[1]) != y[1] or back.get(y[1], x[1]) != x[1]:
            break
        if x[1] not in fwd:
            fwd[x[1]], back[y[1]] = y[1], x[1]
            added.append((x[1], y[1]))
    else:
        return added
    for p, q in added:
        del fwd[p], back[q]
    return None
