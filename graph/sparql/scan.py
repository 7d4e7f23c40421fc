"""A small SPARQL lexer: the ``SERVICE`` targets and the dataset clauses of a query, without running it.

pyoxigraph parses and runs a query in one call, so what the endpoint must know beforehand
(does the query federate, and to where? does it name its own dataset with ``FROM``?) is read
here from the tokens: strings, IRIs and comments are skipped whole, so a ``SERVICE`` inside a
literal or a comment is not a keyword and a keyword cannot hide inside one.  ``\\u`` escapes in
IRIs are decoded, prefixed names are expanded with the query's ``PREFIX`` declarations (and the
default prefixes), relative IRIs are resolved against ``BASE``, as the engine does.

>>> scan("PREFIX ex: <http://ex.org/> SELECT * { SERVICE SILENT ex:sparql { ?s ?p ?o } }").services
('http://ex.org/sparql',)
>>> scan('SELECT * { ?s ?p "SERVICE <http://a/>" } # SERVICE <http://b/>').services
()
>>> scan("SELECT * FROM <http://g/1> { ?s ?p ?o }").has_dataset
True
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from graph.errors import QueryError, ServiceRefused

_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''|\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
      |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|"""
    + _UCHAR
    + r""")*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<bnode>_:[\w.\-]*)
  | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:\\[_~.\-!$&'()*+,;=/?\#@%]|%[0-9A-Fa-f]{2}|[\w:\-]|\.(?=[\w:\-%\\]))*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

VARIABLE = "?"  # the target of ``SERVICE ?var``: not known before the query runs


@dataclass(frozen=True, slots=True)
class Scan:
    """What the endpoint checks before running a query.

    ``services``: the absolute IRI of each ``SERVICE`` (``"?"`` for a variable, the raw text
    of a name that cannot be expanded); ``has_dataset``: the query has ``FROM`` or ``FROM NAMED``.
    """

    services: tuple[str, ...]
    has_dataset: bool


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind not in ("ws", "comment"):
            yield kind, m.group()


def _iri(token: str, base: str | None) -> str:
    inner = re.sub(_UCHAR, lambda m: chr(int(m.group()[2:], 16)), token[1:-1])
    return urllib.parse.urljoin(base, inner) if base else inner


def _expand(pname: str, prefixes: Mapping[str, str]) -> str:
    prefix, _, local = pname.partition(":")
    if prefix not in prefixes:
        return pname  # not an IRI: never on an allow-list, and the engine refuses it anyway
    return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)


def scan(text: str, *, prefixes: Mapping[str, str] | None = None) -> Scan:
    """The ``SERVICE`` targets and dataset clauses of a query or update (see :class:`Scan`)."""
    known = dict(prefixes or {})
    base: str | None = None
    services: list[str] = []
    has_dataset = False
    tokens = list(_tokens(text))
    for i, (kind, value) in enumerate(tokens):
        if kind != "word":
            continue
        word = value.upper()
        after = tokens[i + 1 : i + 3]
        if word == "BASE" and after and after[0][0] == "iri":
            base = _iri(after[0][1], base)
        elif word == "PREFIX" and len(after) == 2 and after[0][0] == "pname":
            if after[1][0] == "iri":
                known[after[0][1].rstrip(":")] = _iri(after[1][1], base)
        elif word == "FROM":
            has_dataset = True
        elif word == "SERVICE":
            target = tokens[i + 1 : i + 3]
            if target and target[0][0] == "word" and target[0][1].upper() == "SILENT":
                target = target[1:]
            services.append(_target(target[0] if target else ("other", ""), known, base))
    return Scan(tuple(services), has_dataset)


def add_using(update: str, default: Sequence[str], named: Sequence[str]) -> str:
    """The update with ``USING`` / ``USING NAMED`` clauses for the protocol's
    ``using-graph-uri`` / ``using-named-graph-uri``: before the ``WHERE`` of each
    ``DELETE``/``INSERT`` operation.  An update that names its own (``USING``, ``WITH``) and
    is also given graphs is refused (QueryError), as the protocol says.

    >>> add_using("INSERT DATA { <a> <b> <c> } ; INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", ["http://g/1"], [])
    'INSERT DATA { <a> <b> <c> } ; INSERT { ?s ?p 1 } USING <http://g/1> WHERE { ?s ?p ?o }'
    """
    if not default and not named:
        return update
    clauses = " ".join([f"USING <{g}>" for g in default] + [f"USING NAMED <{g}>" for g in named])
    out, last, depth, previous = [], 0, 0, ""
    modify = False
    for m in _TOKEN.finditer(update):
        kind, value = m.lastgroup or "other", m.group()
        if kind in ("ws", "comment"):
            continue
        if kind == "other":
            depth += {"{": 1, "}": -1}.get(value, 0)
            modify = modify and value != ";"
        elif kind == "word" and depth == 0:
            word = value.upper()
            if word in ("USING", "WITH"):
                raise QueryError(
                    f"the update has its own {word} clause: give it no using-graph-uri or "
                    "using-named-graph-uri parameters"
                )
            if word in ("DELETE", "INSERT"):
                modify = True
            elif word == "DATA" or (word == "WHERE" and previous == "DELETE"):
                modify = False
            elif word == "WHERE" and modify:
                out += [update[last : m.start()], clauses, " "]
                last, modify = m.start(), False
            previous = word
    return "".join(out) + update[last:]


def _target(token: tuple[str, str], prefixes: Mapping[str, str], base: str | None) -> str:
    kind, value = token
    if kind == "iri":
        return _iri(value, base)
    if kind == "pname":
        return _expand(value, prefixes)
    return VARIABLE if kind == "var" else value


def allowed_service(iri: str, allowed: Iterable[str]) -> bool:
    """Whether ``iri`` starts with one of the ``allowed`` URL prefixes, at a boundary.

    >>> allowed_service("http://a.org/sparql", ["http://a.org"])
    True
    >>> allowed_service("http://a.org.evil.net/sparql", ["http://a.org"])
    False
    """
    for prefix in allowed:
        if iri == prefix or (
            iri.startswith(prefix) and (prefix[-1:] in "/?#=" or iri[len(prefix)] in "/?#")
        ):
            return True
    return False


def is_own_address(iri: str, host: str, port: int) -> bool:
    """Whether ``iri`` names an endpoint listening on this machine at ``port`` (ourselves).

    >>> is_own_address("http://localhost:7878/sparql", "127.0.0.1", 7878)
    True
    """
    try:
        url = urllib.parse.urlsplit(iri)
        their_port = url.port or (443 if url.scheme == "https" else 80)
    except ValueError:
        return False
    name = (url.hostname or "").rstrip(".").lower()
    if their_port != port:
        return False
    if name in ("localhost", host.lower()) or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def check_services(
    text: str,
    *,
    allowed: Iterable[str],
    own: tuple[str, int] | None = None,
    nested: bool = False,
    prefixes: Mapping[str, str] | None = None,
) -> None:
    """Raise :class:`ServiceRefused` unless every ``SERVICE`` of ``text`` may be called.

    A target must start with one of the ``allowed`` prefixes and must not be this endpoint
    (``own`` is its host and port), and a ``nested`` request (one sent by a federating engine)
    may not federate further, so federation never recurses.

    >>> check_services("SELECT * { SERVICE <http://127.0.0.1:9/x> {} }", allowed=[])
    Traceback (most recent call last):
    ...
    graph.errors.ServiceRefused: SERVICE <http://127.0.0.1:9/x> refused: federated queries are off (start kg serve with --allow-service URL_PREFIX)
    """
    allowed = list(allowed)
    for target in scan(text, prefixes=prefixes).services:
        shown = "?variable" if target == VARIABLE else f"<{target}>"
        if nested:
            reason = "a federated subquery may not federate further"
        elif target == VARIABLE:
            reason = "its endpoint must be an IRI written in the query"
        elif own is not None and is_own_address(target, *own):
            reason = "it is this endpoint itself (query the graph directly)"
        elif not allowed:
            reason = "federated queries are off (start kg serve with --allow-service URL_PREFIX)"
        elif not allowed_service(target, allowed):
            reason = "not on the allow-list (--allow-service): " + ", ".join(allowed)
        else:
            continue
        raise ServiceRefused(f"SERVICE {shown} refused: {reason}")


Token = tuple[str, str, int, int]  # kind, text, start, end


@lru_cache(maxsize=512)
def lex(text: str) -> tuple[Token, ...]:
    """The tokens of a query (kind, text, start and end offsets), without spaces and comments.

    >>> [t[:2] for t in lex('SELECT ?x { ?x <http://a/#?y> "?z" } # ?w')]
    [('word', 'SELECT'), ('var', '?x'), ('other', '{'), ('var', '?x'), ('iri', '<http://a/#?y>'), ('string', '"?z"'), ('other', '}')]
    """
    return tuple(
        (m.lastgroup or "other", m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text)
        if m.lastgroup not in ("ws", "comment")
    )


@lru_cache(maxsize=512)
def has_dataset(text: str) -> bool:
    """Whether a query names its own dataset (``FROM``, ``FROM NAMED``): :attr:`Scan.has_dataset`.

    >>> has_dataset("SELECT * FROM <http://g/1> { ?s ?p ?o }"), has_dataset("SELECT * {}")
    (True, False)
    """
    return any(kind == "word" and value.upper() == "FROM" for kind, value, _, _ in lex(text))
