"""Named graphs written straight to N-Triples lines, without rdflib terms or ``Graph``.

The writers (``docwriter``, ``facts``, ``entities``) call ``g.add(s, p, o)`` with terms already
in their N-Triples form (``iri``, ``plain``, ``zh``, ``typed``, …), on an :class:`NTriplesSink`,
which joins them into one line and keeps a set of lines.  A build serialises every named graph
this way: rdflib terms cost a few microseconds each to build and to format, an rdflib ``Graph``
a memory store with three indexes per triple, and both dominated whole builds.  Where an rdflib
``Graph`` is wanted (tests, SHACL validation), the lines are parsed (``graph.rdf.writer``).

Lines are sorted, so a graph's bytes depend only on its triples.  Newlines in literals are
escaped, so a raw ``\\n`` byte only ever ends a line (``to_nquads`` relies on it).

>>> sink = NTriplesSink()
>>> s, p = iri("http://x.org/s"), iri("http://x.org/p")
>>> sink.add(s, p, zh('说"好"\\n'))
>>> sink.add(s, p, zh('说"好"\\n'))  # a set, as a Graph
>>> len(sink), sink.ntriples().decode()
(1, '<http://x.org/s> <http://x.org/p> "说\\\\"好\\\\"\\\\n"@zh .\\n')
>>> to_nquads(sink.ntriples(), "http://x.org/g").decode()
'<http://x.org/s> <http://x.org/p> "说\\\\"好\\\\"\\\\n"@zh <http://x.org/g> .\\n'
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Protocol

from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.rdf.vocab import XSD


class TripleSink(Protocol):
    """What the writers add triples to, each term in its N-Triples form."""

    def add(self, s: str, p: str, o: str, /) -> object: ...


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NNI = f"<{XSD.nonNegativeInteger}>"


def iri(value: str) -> str:
    """An IRI term.

    >>> iri("http://a")
    '<http://a>'
    """
    return f"<{value}>"


def _escaped(text: str) -> str:
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        return text.translate(_ESCAPES)
    return text


def plain(text: str) -> str:
    """A plain (xsd:string) literal.

    >>> plain('a"b')
    '"a\\\\"b"'
    """
    return f'"{_escaped(text)}"'


def lang(text: str, tag: str) -> str:
    """A language-tagged literal."""
    return f'"{_escaped(text)}"@{tag}'


def zh(text: str) -> str:
    """A Chinese-language literal.

    >>> zh("文")
    '"文"@zh'
    """
    return f'"{_escaped(text)}"@zh'


def typed(lexical: str, datatype: str) -> str:
    """A literal of ``datatype`` (an IRI string) whose lexical form needs no escaping.

    >>> typed("2018-05-31", str(XSD.date))
    '"2018-05-31"^^<http://www.w3.org/2001/XMLSchema#date>'
    """
    return f'"{lexical}"^^<{datatype}>'


@lru_cache(maxsize=2)
def boolean(value: bool) -> str:
    """An xsd:boolean literal, as rdflib writes ``Literal(value)``."""
    return term(Literal(value))


@lru_cache(maxsize=1 << 16)
def nni(value: int) -> str:
    """An xsd:nonNegativeInteger (offsets repeat across spans and documents: each is built
    once).

    >>> nni(7)
    '"7"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>'
    """
    return f'"{value}"^^{_NNI}'


@lru_cache(maxsize=4096, typed=True)  # typed: decimal(1) is "1", decimal(1.0) "1.0"
def decimal(value: float) -> str:
    """An xsd:decimal rounded to three places (stable bytes).

    >>> decimal(0.91234)
    '"0.912"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    return term(Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal))


def term(node: Node) -> str:
    """The N-Triples form of an rdflib IRI or literal (blank nodes are never written).

    >>> term(Literal("5", datatype=XSD.integer)), term(Literal("a\\\\b")), term(URIRef("http://a"))
    ('"5"^^<http://www.w3.org/2001/XMLSchema#integer>', '"a\\\\\\\\b"', '<http://a>')
    """
    if type(node) is URIRef:
        return f"<{node}>"
    if isinstance(node, Literal):
        text = _escaped(str(node))
        if node.language:
            return f'"{text}"@{node.language}'
        datatype = node.datatype
        if datatype is None or datatype == _XSD_STRING:
            return f'"{text}"'
        return f'"{text}"^^<{datatype}>'
    if isinstance(node, URIRef):
        return f"<{node}>"
    raise TypeError(f"cannot write {node!r} as N-Triples (no blank nodes in exports)")


class NTriplesSink:
    """A set of N-Triples lines, filled through ``add(s, p, o)``."""

    __slots__ = ("_lines",)

    def __init__(self) -> None:
        self._lines: set[str] = set()

    def add(self, s: str, p: str, o: str, /) -> None:
        self._lines.add(f"{s} {p} {o} .\n")

    def __len__(self) -> int:
        return len(self._lines)

    def lines(self) -> list[str]:
        """The graph's N-Triples lines, sorted."""
        return sorted(self._lines)

    def ntriples(self) -> bytes:
        """The graph as sorted N-Triples (UTF-8)."""
        return "".join(sorted(self._lines)).encode("utf-8")


def to_nquads(ntriples: bytes, graph_iri: str) -> bytes:
    """N-Triples lines moved into the named graph ``graph_iri`` (N-Quads)."""
    return ntriples.replace(b" .\n", f" <{graph_iri}> .\n".encode())


def count_lines(ntriples: bytes) -> int:
    """Triples of an N-Triples text written here (one per line)."""
    return ntriples.count(b"\n")
