"""Named graphs written straight to N-Triples lines, without an rdflib ``Graph``.

The writers (``docwriter``, ``facts``, ``entities``) call ``g.add((s, p, o))`` on anything with
that method: an rdflib ``Graph`` (``writer.to_dataset``, used by tests and SHACL validation) or
an :class:`NTriplesSink`, which formats each triple as one N-Triples line at once and keeps a
set of lines.  A build serialises every named graph this way: an rdflib ``Graph`` costs a
memory store with three indexes per triple, and its serialisers dominated whole builds.

Lines are sorted, so a graph's bytes depend only on its triples.  Newlines in literals are
escaped, so a raw ``\\n`` byte only ever ends a line (``to_nquads`` relies on it).

>>> from rdflib import Literal, URIRef
>>> sink = NTriplesSink()
>>> s, p = URIRef("http://x.org/s"), URIRef("http://x.org/p")
>>> sink.add((s, p, Literal('说"好"\\n', lang="zh")))
>>> sink.add((s, p, Literal('说"好"\\n', lang="zh")))  # a set, as a Graph
>>> len(sink), sink.ntriples().decode()
(1, '<http://x.org/s> <http://x.org/p> "说\\\\"好\\\\"\\\\n"@zh .\\n')
>>> to_nquads(sink.ntriples(), "http://x.org/g").decode()
'<http://x.org/s> <http://x.org/p> "说\\\\"好\\\\"\\\\n"@zh <http://x.org/g> .\\n'
"""

from __future__ import annotations

from typing import Protocol

from rdflib import Literal, URIRef
from rdflib.term import Node


class TripleSink(Protocol):
    """What the writers add triples to: an rdflib ``Graph`` or an :class:`NTriplesSink`."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object: ...


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def term(node: Node) -> str:
    """The N-Triples form of an IRI or a literal (blank nodes are never written).

    >>> from rdflib.namespace import XSD
    >>> term(Literal("5", datatype=XSD.integer)), term(Literal("a\\\\b")), term(URIRef("http://a"))
    ('"5"^^<http://www.w3.org/2001/XMLSchema#integer>', '"a\\\\\\\\b"', '<http://a>')
    """
    if type(node) is URIRef:
        return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node)
        if '"' in text or "\\" in text or "\n" in text or "\r" in text:
            text = text.translate(_ESCAPES)
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
    """A set of N-Triples lines, filled through ``add`` like an rdflib ``Graph``."""

    __slots__ = ("_lines",)

    def __init__(self) -> None:
        self._lines: set[str] = set()

    def add(self, triple: tuple[Node, Node, Node], /) -> None:
        s, p, o = triple
        self._lines.add(f"{term(s)} {term(p)} {term(o)} .\n")

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
