"""pyoxigraph terms and query results as the plain records of ``graph.sparql.terms``.

A pyoxigraph result is bound to the thread that ran the query; :func:`materialise` reads it
there, completely (up to a cap), so nothing of pyoxigraph leaves ``graph.sparql.store``.

>>> from_ox(to_ox(Term("literal", "主席", language="zh")))
Term(kind='literal', value='主席', datatype=None, language='zh')
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError, QueryTimeout
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
    if isinstance(raw, ox.QueryTriples):
        gen: Generator[Any, None, None] = (
            (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in raw
        )
        try:
            triples, cut = _take(gen, max_results, deadline, timeout)
        finally:
            gen.close()
        return GraphResult(triples, cut)
    names = tuple(v.value for v in raw.variables)
    width = range(len(names))
    gen = (tuple(None if s[i] is None else from_ox(s[i]) for i in width) for s in raw)
    try:
        rows, cut = _take(gen, max_results, deadline, timeout)
    finally:
        gen.close()
    return SelectResult(names, rows, cut)


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
