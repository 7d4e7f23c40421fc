"""One query run on the engine: which form of it runs first, and the errors it may raise.

A query with bound values has two equivalent forms (text, arguments of
``pyoxigraph.Store.query``): the values written in as constants (:mod:`graph.sparql.inline`),
which lets the engine start from them, and the engine's own substitutions, which hold where
writing them in does not.  :func:`run_first_parsed` runs the first form that parses and hands
its result to a consumer in the calling thread; a pyoxigraph result cannot cross threads, so
it is released there even when consuming it fails.  pyoxigraph itself is not imported here:
the engine's ``query`` method is passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from graph.errors import QueryError, StoreError, one_line
from graph.sparql.inline import inline_bindings
from graph.sparql.results import substitutions
from graph.sparql.terms import Term

R = TypeVar("R")
Attempt = tuple[str, dict[str, Any]]  # a query's text and its arguments to the engine


def query_attempts(sparql: str, terms: Mapping[str, Term], kwargs: dict[str, Any]) -> list[Attempt]:
    """The query with its bound values written in (see :mod:`graph.sparql.inline`), then the
    query with the engine's substitutions, which hold where writing them in does not.

    >>> [q for q, _ in query_attempts("SELECT ?x {}", {}, {})]
    ['SELECT ?x {}']
    >>> [q for q, _ in query_attempts("SELECT ?x {}", {"x": Term("literal", "1")}, {})]
    ['SELECT ("1" AS ?x) {}', 'SELECT ?x {}']
    """
    fallback = (sparql, {**kwargs, "substitutions": substitutions(terms) or None})
    if not terms:
        return [fallback]
    inlined = inline_bindings(sparql, terms)
    return [fallback] if inlined is None else [(inlined, kwargs), fallback]


def run_first_parsed(
    engine_query: Callable[..., Any],
    attempts: Sequence[Attempt],
    consume: Callable[[Any], R],
    path: Path,
) -> R:
    """Run a query and ``consume`` its pyoxigraph result in this thread; errors translated.

    ``attempts`` are equivalent forms of the query (text, arguments): the first that
    parses runs; the last one's syntax error is the one reported.  ``path`` (the store's
    folder) names the store in a :class:`StoreError`.

    >>> run_first_parsed(lambda sparql, **kwargs: sparql.upper(), [("ask {}", {})], len, Path("s"))
    6
    >>> def refusing(sparql: str, **kwargs: Any) -> None:
    ...     raise SyntaxError("unexpected end")
    >>> run_first_parsed(refusing, [("ASK {", {})], len, Path("s"))
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: malformed query: unexpected end
    """
    raw: Any = None
    try:
        raw = _first_parsed(engine_query, attempts)
        return consume(raw)
    except (SyntaxError, RuntimeError, OSError, QueryError) as e:
        # Drop the traceback: its frames reference the thread-bound pyoxigraph result,
        # which must be released in this thread, not wherever the error is handled.
        error = _translate(e, path)
        e.with_traceback(None)
    finally:
        raw = None
    raise error from None


def _first_parsed(engine_query: Callable[..., Any], attempts: Sequence[Attempt]) -> Any:
    """The pyoxigraph result of the first attempt that parses (evaluation is lazy)."""
    for sparql, kwargs in attempts[:-1]:
        try:
            return engine_query(sparql, **kwargs)
        except SyntaxError:
            continue
    sparql, kwargs = attempts[-1]
    return engine_query(sparql, **kwargs)


def _translate(e: BaseException, path: Path) -> StoreError | QueryError:
    if isinstance(e, QueryError):
        return type(e)(str(e))  # QueryError or QueryTimeout
    if isinstance(e, SyntaxError):
        return QueryError(f"malformed query: {one_line(e)}")
    if isinstance(e, RuntimeError):
        return QueryError(f"query failed: {one_line(e)}")
    return StoreError(f"{path}: query failed: {one_line(e)}")
