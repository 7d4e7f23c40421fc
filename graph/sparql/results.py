"""pyoxigraph terms and query results as the plain records of ``graph.sparql.terms``, and back.

A pyoxigraph result is bound to the thread that ran the query; :func:`materialise` reads it
there, completely (up to a cap), so nothing of pyoxigraph leaves ``graph.sparql.store``.

:func:`serialize_raw` writes a result as bytes with pyoxigraph's own serialisers instead
(what the endpoint's workers send).  pyoxigraph serialises a whole result or nothing; to keep
the endpoint's cap (``max_results``, ``X-KG-Truncated``), solutions are first written as SPARQL
TSV (lossless: one line per row, every term in N-Triples syntax) into a buffer that stops the
query once it holds one row more than the cap; the capped TSV is then parsed back and written
in the requested format.  A graph result (CONSTRUCT, DESCRIBE) is cut with ``islice``.

The other way: bound values become the engine's substitutions (:func:`substitutions`), plain
triples are written in an RDF format (:func:`serialize_triples`, :func:`rdf_format`).

>>> from_ox(to_ox(Term("literal", "主席", language="zh")))
Term(kind='literal', value='主席', datatype=None, language='zh')
"""

from __future__ import annotations

import io
import itertools
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError, QueryTimeout, StoreError, one_line
from graph.rdf.vocab import PREFIXES
from graph.sparql.scan import has_dataset
from graph.sparql.terms import XSD, AskResult, GraphResult, QueryResult, SelectResult, Term

_CHECK_EVERY = 256  # rows between two deadline checks


def from_ox(t: Any) -> Term:
    """The :class:`Term` of a pyoxigraph term (an RDF-star triple keeps its text).

    >>> from_ox(ox.NamedNode("http://schema.org/Person"))
    Term(kind='iri', value='http://schema.org/Person', datatype=None, language=None)
    """
    if isinstance(t, ox.NamedNode):
        return Term("iri", t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Term("literal", t.value, language=t.language)
        return Term("literal", t.value, datatype=t.datatype.value)
    if isinstance(t, ox.BlankNode):
        return Term("bnode", t.value)
    return Term("triple", str(t))


def to_ox(t: Term) -> Any:
    """The pyoxigraph term of a :class:`Term` (a plain literal is an ``xsd:string``).

    >>> to_ox(Term("literal", "94")).datatype.value
    'http://www.w3.org/2001/XMLSchema#string'
    """
    if t.kind == "iri":
        return ox.NamedNode(t.value)
    if t.kind == "bnode":
        return ox.BlankNode(t.value)
    if t.kind == "literal":
        if t.language:
            return ox.Literal(t.value, language=t.language)
        return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype or XSD + "string"))
    raise QueryError(f"cannot bind an RDF-star triple term: {t.value}")


def substitutions(terms: Mapping[str, Term]) -> dict[Any, Any]:
    """The engine's substitutions (``pyoxigraph.Store.query``) of bound values, by variable name.

    >>> [(v.value, t.value) for v, t in substitutions({"x": Term("iri", "http://a/")}).items()]
    [('x', 'http://a/')]
    """
    return {ox.Variable(k): to_ox(v) for k, v in terms.items()}


def rdf_format(fmt: str) -> ox.RdfFormat:
    """The pyoxigraph format of a media type or file extension (``text/turtle``, ``nt``).

    >>> rdf_format("nt"), rdf_format("text/turtle").name
    (<RdfFormat N-Triples>, 'Turtle')
    """
    found = ox.RdfFormat.from_media_type(fmt) or ox.RdfFormat.from_extension(fmt)
    if found is None:
        raise StoreError(f"unknown RDF format {fmt!r}")
    return found


def serialize_triples(triples: Iterable[tuple[Term, Term, Term]], *, fmt: str) -> bytes:
    """Serialise triples (e.g. a :class:`GraphResult`) as Turtle, N-Triples, JSON-LD or RDF/XML.

    ``fmt`` is a media type or a file extension (see :func:`rdf_format`).

    >>> a, p = Term("iri", "http://example.net/a"), Term("iri", "http://example.net/p")
    >>> serialize_triples([(a, p, Term("literal", "主席", language="zh"))], fmt="nt").decode()
    '<http://example.net/a> <http://example.net/p> "主席"@zh .\\n'
    """
    data = (ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples)
    out = ox.serialize(data, format=rdf_format(fmt), prefixes=PREFIXES)
    return out if isinstance(out, bytes) else b""


def materialise(
    raw: Any, *, max_results: int | None, deadline: float | None, timeout: float | None
) -> QueryResult:
    """Read a pyoxigraph query result into a plain record, in the calling thread.

    ``max_results`` caps rows or triples (the result is then ``truncated``); past ``deadline``
    (a ``time.monotonic()`` value) a :class:`QueryTimeout` says it timed out after ``timeout`` s.

    >>> solutions = ox.Store().query("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
    >>> result = materialise(solutions, max_results=2, deadline=None, timeout=None)
    >>> [row[0].value for row in result.rows], result.truncated
    (['1', '2'], True)
    """
    if isinstance(raw, ox.QueryBoolean):
        return AskResult(bool(raw))
    term = _memo_from_ox()
    if isinstance(raw, ox.QueryTriples):
        gen: Generator[Any, None, None] = (
            (term(t.subject), term(t.predicate), term(t.object)) for t in raw
        )
        try:
            triples, cut = _take(gen, max_results, deadline, timeout)
        finally:
            gen.close()
        return GraphResult(triples, cut)
    names = tuple(v.value for v in raw.variables)
    width = range(len(names))
    gen = (tuple(None if s[i] is None else term(s[i]) for i in width) for s in raw)
    try:
        rows, cut = _take(gen, max_results, deadline, timeout)
    finally:
        gen.close()
    return SelectResult(names, rows, cut)


def _memo_from_ox() -> Callable[[Any], Term]:
    """:func:`from_ox` remembering the terms it has made (a result repeats its predicates,
    classes and entities; a pyoxigraph term hashes in Rust, a new Term costs more)."""
    memo: dict[Any, Term] = {}

    def term(t: Any) -> Term:
        found = memo.get(t)
        if found is None:
            found = memo[t] = from_ox(t)
        return found

    return term


def _take(
    items: Iterator[Any], cap: int | None, deadline: float | None, timeout: float | None
) -> tuple[list[Any], bool]:
    out: list[Any] = []
    for n, item in enumerate(items):
        if cap is not None and n >= cap:
            return out, True
        if deadline is not None and n % _CHECK_EVERY == 0 and time.monotonic() > deadline:
            raise QueryTimeout(f"query timed out after {timeout:g} s")
        out.append(item)
    if deadline is not None and time.monotonic() > deadline:
        raise QueryTimeout(f"query timed out after {timeout:g} s")
    return out, False


def dataset_arguments(
    sparql: str, default_graphs: Iterable[str] | None, named_graphs: Iterable[str] | None
) -> dict[str, Any]:
    """The dataset arguments of ``pyoxigraph.Store.query`` (see ``Store.query`` in store.py).

    Per SPARQL 1.1: given graphs (either kind) are the whole dataset; else the query's own
    ``FROM`` / ``FROM NAMED``; else the union of all graphs is the default graph.

    >>> dataset_arguments("SELECT * FROM <http://g/1> {}", None, None)
    {}
    >>> dataset_arguments("SELECT * {}", None, ["http://g/1"])["default_graph"]
    []
    """
    if default_graphs is None and named_graphs is None:
        if has_dataset(sparql):
            return {}  # FROM / FROM NAMED: the engine builds the dataset the query names
        return {"use_default_graph_as_union": True}
    try:
        return {
            "default_graph": [ox.NamedNode(g) for g in default_graphs or ()],
            "named_graphs": [ox.NamedNode(g) for g in named_graphs or ()],
        }
    except ValueError as e:
        raise QueryError(f"bad graph IRI in the dataset: {one_line(e)}") from None


RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


class _Enough(Exception):
    """Raised by :class:`_LineBuffer` to stop a serialiser (and the query behind it)."""


class _LineBuffer(io.RawIOBase):
    """A binary sink that stops the writer once it holds ``lines`` complete lines."""

    def __init__(self, lines: int | None) -> None:
        super().__init__()
        self.data = bytearray()
        self.lines = lines
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        chunk = bytes(b)
        self.data += chunk
        self.count += chunk.count(b"\n")
        if self.lines is not None and self.count >= self.lines:
            raise _Enough
        return len(chunk)


def _capped_tsv(raw: Any, cap: int | None) -> tuple[bytes, bool]:
    """The header and at most ``cap`` rows of solutions as TSV; whether rows were left out."""
    sink = _LineBuffer(None if cap is None else cap + 2)  # header + cap rows + one more
    try:
        raw.serialize(sink, format=ox.QueryResultsFormat.TSV)
    except _Enough:
        pass
    except OSError as e:  # pyoxigraph may wrap the sink's exception
        if not isinstance(e.__cause__ or e.__context__, _Enough) and "_Enough" not in repr(e):
            raise
    data = bytes(sink.data)
    if cap is None:
        return data, False
    lines = data.split(b"\n")
    if len(lines) - 1 <= cap + 1:  # every row fitted (the last element is after the last \n)
        return data, False
    return b"\n".join(lines[: cap + 1]) + b"\n", True


def serialize_raw(
    raw: Any, *, results: str | None, graph: str | None, max_results: int | None
) -> tuple[str, bytes | None, bool]:
    """``(kind, body, truncated)`` of a pyoxigraph query result.

    ``kind`` is ``"results"`` (SELECT, ASK) or ``"graph"``; ``results`` is a short results
    format (json, xml, csv, tsv), ``graph`` a media type of an RDF format; ``body`` is None
    when the format for the result's kind is None (the client accepts none: a 406).
    Call it in the thread that ran the query (pyoxigraph results are thread-bound).

    >>> raw = ox.Store().query("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
    >>> serialize_raw(raw, results="csv", graph=None, max_results=2)
    ('results', b'x\\r\\n1\\r\\n2\\r\\n', True)
    """
    if isinstance(raw, ox.QueryTriples):
        if graph is None:
            return "graph", None, False
        fmt = ox.RdfFormat.from_media_type(graph) or ox.RdfFormat.N_TRIPLES
        triples = list(itertools.islice(raw, None if max_results is None else max_results + 1))
        cut = max_results is not None and len(triples) > max_results
        body = ox.serialize(
            triples[:max_results] if cut else triples, format=fmt, prefixes=PREFIXES
        )
        return "graph", body if isinstance(body, bytes) else b"", cut
    if results is None:
        return "results", None, False
    wanted = RESULTS_FORMATS[results]
    if isinstance(raw, ox.QueryBoolean):
        return "results", raw.serialize(format=wanted), False
    tsv, cut = _capped_tsv(raw, max_results)
    if results == "tsv":
        return "results", tsv, cut
    parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    return "results", parsed.serialize(format=wanted), cut
