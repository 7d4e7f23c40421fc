"""The parts of the SPARQL 1.1 Protocol that need no socket: media types, negotiation, checks.

:mod:`graph.sparql.server` reads a request, asks this module what it means (which result and
graph formats the client accepts, which dataset it names, whether its headers are sane) and
answers an :class:`HttpError` with its status: a bad request is a 4xx, never a 500.

>>> negotiate("", {"format": ["xml"]})
(('application/sparql-results+xml', 'xml'), 'application/rdf+xml')
>>> content_length("-5", limit=100)
Traceback (most recent call last):
...
graph.sparql.protocol.HttpError: bad Content-Length '-5'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "text/plain",
)
# ?format= / ?output= short names: (media type for SELECT/ASK, media type for CONSTRUCT/DESCRIBE)
SHORT_FORMATS: dict[str, tuple[str | None, str | None]] = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "ntriples": (None, "application/n-triples"),
    "nt": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"),
    "json-ld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"),
    "rdf": (None, "application/rdf+xml"),
}
BASE_ALLOWED_HEADERS = ("Accept", "Content-Type", "X-Requested-With")
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


@dataclass(frozen=True, slots=True)
class ServerOptions:
    """How ``kg serve`` listens and what it accepts (port 0 picks a free port).

    ``workers`` query processes serve a read-only store; with ``allow_update`` one process owns
    the store and queries run one at a time.  ``allow_service``: URL prefixes that ``SERVICE``
    may call (none by default); ``max_memory``: MB of address space a query worker may use
    (``RLIMIT_AS``; its RSS stays below it; None: no cap).
    """

    host: str = "127.0.0.1"
    port: int = 7878
    allow_update: bool = False
    timeout: float = 30.0
    max_results: int = 100_000
    max_request_bytes: int = 1_000_000
    workers: int = 4
    allow_service: tuple[str, ...] = ()
    max_memory: int | None = 2048


class HttpError(Exception):
    """A request the endpoint answers with ``status`` and a one-paragraph message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def accepted(header: str) -> list[str]:
    """Media types of an Accept header, best first (stable for equal q).

    >>> accepted("text/csv;q=0.5, application/json")
    ['application/json', 'text/csv']
    """
    items = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            items.append((-q, i, fields[0].lower()))
    return [t for _, _, t in sorted(items)]


def choose(accept: str, offered: list[str] | tuple[str, ...]) -> str | None:
    """The first offered media type the Accept header allows (any, if the header is empty)."""
    if not accept.strip():
        return offered[0]
    for media in accepted(accept):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            kind = media.split("/")[0]
            return next((o for o in offered if kind == "*" or o.startswith(kind + "/")), None)
    return None


def negotiate(
    accept: str, params: dict[str, list[str]]
) -> tuple[tuple[str, str] | None, str | None]:
    """The (media, format) for SELECT/ASK results and the media type for a graph result.

    ``format`` / ``output`` parameters win over Accept; a short name means a results format
    or its graph counterpart (``xml``: RDF/XML for CONSTRUCT, as SPARQLWrapper expects).
    """
    result_accept = graph_accept = accept
    for key in ("format", "output"):
        short = params.get(key, [""])[0].strip().lower()
        if short in SHORT_FORMATS:
            result_accept, graph_accept = (m or "none/none" for m in SHORT_FORMATS[short])
        elif "/" in short:
            result_accept = graph_accept = short
    results = choose(result_accept, list(RESULT_TYPES))
    graph = choose(graph_accept, GRAPH_TYPES)
    return (None if results is None else (results, RESULT_TYPES[results])), graph


def content_length(header: str | None, *, limit: int) -> int:
    """The body length a request announces; 411, 400 (not a number) or 413 (over ``limit``).

    >>> content_length("99999999999999999999", limit=100)
    Traceback (most recent call last):
    ...
    graph.sparql.protocol.HttpError: request body of 99999999999999999999 bytes exceeds the limit of 100
    """
    if header is None:
        raise HttpError(411, "Content-Length required")
    text = header.strip()
    if not text.isascii() or not text.isdigit():
        raise HttpError(400, f"bad Content-Length {header[:40]!r}")
    if len(text) > 18 or int(text) > limit:
        raise HttpError(413, f"request body of {text[:40]} bytes exceeds the limit of {limit}")
    return int(text)


def dataset(params: dict[str, list[str]]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """The default and named graphs of ``default-graph-uri`` / ``named-graph-uri`` (400 if bad).

    Given either, the dataset is exactly what they name (the other part is empty); given
    neither, ``(None, None)``: the query's own ``FROM`` clauses, or the union of all graphs.

    >>> dataset({"named-graph-uri": ["http://g/1"]})
    ((), ('http://g/1',))
    """
    default = tuple(params.get("default-graph-uri", ()))
    named = tuple(params.get("named-graph-uri", ()))
    for key, iris in (("default-graph-uri", default), ("named-graph-uri", named)):
        for iri in iris:
            if not _ABSOLUTE_IRI.fullmatch(iri):
                raise HttpError(400, f"bad {key} {iri[:200]!r}: not an absolute IRI")
    if not default and not named:
        return None, None
    return default, named


def query_timeout(params: dict[str, list[str]], limit: float) -> float:
    """The seconds a query may run: its ``timeout`` parameter (seconds, as Fuseki reads it),
    never above the server's ``limit``; 400 if it is not a positive number.

    >>> query_timeout({"timeout": ["0.2"]}, 30.0), query_timeout({"timeout": ["90"]}, 30.0)
    (0.2, 30.0)
    >>> query_timeout({}, 30.0)
    30.0
    """
    given = params.get("timeout", [""])[-1].strip()
    if not given:
        return limit
    try:
        seconds = float(given)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise HttpError(400, f"bad timeout {given[:40]!r}: give a positive number of seconds")
    return min(seconds, limit)


def allowed_headers(requested: str) -> str:
    """The Access-Control-Allow-Headers of a CORS preflight: ours plus any well-formed requested.

    >>> allowed_headers("x-requested-with, X-Custom, bad header")
    'Accept, Content-Type, X-Requested-With, X-Custom'
    """
    names = list(BASE_ALLOWED_HEADERS)
    seen = {n.lower() for n in names}
    for name in (n.strip() for n in requested.split(",")):
        if _HEADER_NAME.fullmatch(name) and name.lower() not in seen:
            names.append(name)
            seen.add(name.lower())
    return ", ".join(names)
