"""Bound parameters written into a query as constants: SEP-0007 substitution, done on the text.

pyoxigraph takes bound values (``substitutions``) apart from the query and joins them with the
evaluated pattern: ``memberships`` with one person bound took 0.87 s at 1M quads where the
same query with the person's label written in took under a millisecond, because the engine
then starts from the constant.  So :func:`inline_bindings` writes each bound value into the
query text, as SEP-0007 defines substitution: every occurrence of the variable is replaced by
the value, and a projected variable ``?v`` becomes ``(value AS ?v)``, so the solutions still
carry it.  In ``GROUP BY`` and ``ORDER BY`` a bare constant is not allowed, so it is
bracketed: ``(value)``.  No text is pasted: the query is cut into tokens by the lexer of
:mod:`graph.sparql.scan` (strings, IRIs and comments whole), and a value is written in its
N-Triples form only when it is a well-formed IRI or literal.

When the rewrite could mean something else, :func:`inline_bindings` returns None and the caller
keeps the engine's substitutions: a blank node or triple value (``_:b`` in a query is a fresh
variable, not a constant), a variable that the SELECT does not project (the engine
refuses it), a variable that is assigned (``AS ?v``: ``BIND``, a projection
expression), a ``VALUES``, ``MINUS`` or ``SERVICE`` clause, ``SELECT *``, or a sub-query that
mentions the variable without projecting it (it is then another variable).  A literal where
SPARQL allows only an IRI (a predicate, ``GRAPH``) is a syntax error that the caller catches.

>>> q = 'SELECT ?p ?label WHERE { ?p rdfs:label ?label } ORDER BY ?label'
>>> print(inline_bindings(q, {"label": Term("literal", "张三", language="zh")}))
SELECT ?p ("张三"@zh AS ?label) WHERE { ?p rdfs:label "张三"@zh } ORDER BY ("张三"@zh)
>>> inline_bindings('SELECT * { ?s ?p ?o }', {"o": Term("literal", "x")}) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from graph.sparql.scan import lex
from graph.sparql.terms import Term

_IRI_RE = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
_LANG_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_REFUSED = frozenset({"VALUES", "MINUS", "SERVICE"})
_FORMS = frozenset({"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"})
_CLAUSE_END = frozenset({"HAVING", "ORDER", "GROUP", "LIMIT", "OFFSET", "VALUES"})


class _Refused(Exception):
    """The rewrite might not mean what the substitution means."""


@dataclass(slots=True)
class _Select:
    """A ``SELECT`` (the query or a sub-query) while its tokens are read."""

    braces: int  # brace depth of the SELECT keyword
    parens: int  # paren depth of the SELECT keyword
    projecting: bool = True
    star: bool = False
    projected: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _State:
    """The position of the token being read: depths, open SELECTs, GROUP/ORDER BY clause."""

    braces: int = 0
    parens: int = 0
    selects: list[_Select] = field(default_factory=list)
    by_parens: int | None = None  # paren depth of an open GROUP BY / ORDER BY clause


def constant(term: Term) -> str | None:
    """The SPARQL text of a bound value, or None when it is not a well-formed IRI or literal.

    >>> constant(Term("iri", "https://kg.example.org/id/p-1")), constant(Term("iri", "a> ?x <b"))
    ('<https://kg.example.org/id/p-1>', None)
    """
    if term.kind == "iri":
        return term.n3() if _IRI_RE.fullmatch(term.value) else None
    if term.kind != "literal":
        return None
    if term.language is not None and not _LANG_RE.fullmatch(term.language):
        return None
    if term.datatype is not None and not _IRI_RE.fullmatch(term.datatype):
        return None
    return term.n3()


def inline_bindings(text: str, values: Mapping[str, Term]) -> str | None:
    """``text`` with the bound variables written in as constants, or None (see the module)."""
    constants: dict[str, str] = {}
    for name, term in values.items():
        value = constant(term)
        if value is None:
            return None
        constants[name.lstrip("?$")] = value
    if not constants:
        return text
    try:
        return _rewrite(text, tuple(sorted(constants.items())))
    except _Refused:
        return None


@lru_cache(maxsize=512)
def _rewrite(text: str, constants: tuple[tuple[str, str], ...]) -> str:
    bound = dict(constants)
    tokens = lex(text)
    out: list[str] = []
    last = 0
    state = _State()
    forms = [v.upper() for k, v, _, _ in tokens if k == "word" and v.upper() in _FORMS]
    if forms and forms[0] != "SELECT":  # CONSTRUCT, ASK, DESCRIBE: no projection to keep
        state.selects.append(_Select(0, 0, projecting=False, projected=set(bound)))
    for i, (kind, value, start, end) in enumerate(tokens):
        previous = tokens[i - 1][1].upper() if i else ""
        if kind == "var" and value[1:] in bound:
            replacement = _replacement(state, value, bound[value[1:]], previous)
            out += [text[last:start], replacement]
            last = end
        _advance(state, kind, value, previous)
    top = state.selects[0] if state.selects else None
    if top is not None and not bound.keys() <= top.projected:
        raise _Refused  # the engine refuses a bound variable that a SELECT does not project
    return "".join(out) + text[last:]


def _replacement(state: _State, var: str, value: str, previous: str) -> str:
    """What one occurrence of a bound variable becomes where it stands."""
    if previous == "AS":
        raise _Refused  # an assignment: BIND (… AS ?v) or (… AS ?v) in a projection
    current = state.selects[-1] if state.selects else None
    bare = current is not None and current.projecting and state.parens == current.parens
    for select in state.selects[1:]:
        if select.star or not (var[1:] in select.projected or (select is current and bare)):
            raise _Refused  # in a sub-query that does not project it: another variable
    if state.selects and state.selects[0].star:
        raise _Refused
    if current is not None and current.projecting:
        if bare:
            current.projected.add(var[1:])
            return f"({value} AS {var})"
        return value
    if state.by_parens is not None and state.parens == state.by_parens:
        return f"({value})"
    return value


def _advance(state: _State, kind: str, value: str, previous: str) -> None:
    """Update ``state`` past one token."""
    word = value.upper() if kind == "word" else ""
    if word in _REFUSED:
        raise _Refused
    current = state.selects[-1] if state.selects else None
    if word == "SELECT":
        state.selects.append(_Select(state.braces, state.parens))
        return
    if current is not None and current.projecting:
        _advance_projection(state, current, kind, value, previous)
    if word == "BY" and previous in ("GROUP", "ORDER"):
        state.by_parens = state.parens
    elif word in _CLAUSE_END or value in ("{", "}"):
        state.by_parens = None
    if kind == "other":
        _nest(state, value)


def _advance_projection(
    state: _State, current: _Select, kind: str, value: str, previous: str
) -> None:
    """Inside a SELECT clause: note ``*`` and ``AS ?v``; the clause ends at WHERE, FROM or ``{``."""
    at_top = state.parens == current.parens
    if at_top and (value == "{" or value.upper() in ("WHERE", "FROM")):
        current.projecting = False
    elif at_top and value == "*":
        current.star = True
    elif kind == "var" and (at_top or previous == "AS"):
        current.projected.add(value[1:])


def _nest(state: _State, value: str) -> None:
    """Brackets: depths, and the end of a sub-query at the brace that closes it."""
    if value == "(":
        state.parens += 1
    elif value == ")":
        state.parens -= 1
    elif value == "{":
        state.braces += 1
    elif value == "}":
        state.braces -= 1
        while len(state.selects) > 1 and state.braces < state.selects[-1].braces:
            state.selects.pop()
