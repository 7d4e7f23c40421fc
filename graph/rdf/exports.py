"""The RDF export files, streamed by pyoxigraph's Rust parsers and serialisers.

A build writes every named graph once as sorted N-Triples (``graph.rdf.ntriples``) into two
spool files on disk: N-Quads (every graph, for TriG, JSON-LD and the store's bulk loader) and
N-Triples (the union, for Turtle).  The exports are serialised from the spools, quad by quad,
so memory does not grow with the corpus, and their bytes depend only on the spools' bytes:

- ``graph.ttl``: Turtle of all triples (a triple stated in two graphs appears twice);
- ``graph.trig``: TriG, one block per named graph;
- ``graph.jsonld``: JSON-LD 1.1 in expanded form (full IRIs), one ``@graph`` per named graph.

Prefixes are those of ``graph.rdf.vocab.PREFIXES`` (``kg:`` is the build's base IRI).

>>> import io, tempfile
>>> from pathlib import Path
>>> nq = Path(tempfile.mkdtemp()) / "g.nq"
>>> quad = '<https://kg.example.org/id/a> <http://schema.org/name> "文"@zh '
>>> _ = nq.write_bytes((quad + '<https://kg.example.org/id/graph-1> .\\n').encode())
>>> buf = io.BytesIO()
>>> write_export("trig", nq, buf)
>>> buf.getvalue().decode().splitlines()[-3:]
['kg:graph-1 {', '\\tkg:a schema:name "文"@zh .', '}']
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from graph.rdf.iris import DEFAULT_BASE, document_graph_iri, entities_graph_iri
from graph.rdf.ntriples import to_nquads
from graph.rdf.vocab import PREFIXES
from graph.rdf.writer import document_ntriples, document_parts, iter_entities_ntriples
from graph.types import KnowledgeGraph

EXPORT_FORMATS = ("turtle", "trig", "json-ld")
_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
}


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes of the exports (``kg:`` is ``base``)."""
    return {p: (base if p == "kg" else ns) for p, ns in PREFIXES.items()}


def write_export(fmt: str, source: Path, out: IO[bytes], base: str = DEFAULT_BASE) -> None:
    """Serialise a spool as ``turtle`` (``source`` is N-Triples), or ``trig`` or ``json-ld``
    (``source`` is N-Quads), into the binary file ``out``."""
    if fmt not in _FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    kind = ox.RdfFormat.N_TRIPLES if fmt == "turtle" else ox.RdfFormat.N_QUADS
    _serialise(ox.parse(path=source, format=kind), fmt, out, base)


def _serialise(
    data: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: str, out: IO[bytes], base: str
) -> None:
    ox.serialize(data, out, _FORMATS[fmt], prefixes=None if fmt == "json-ld" else prefixes(base))


def export_bytes(kg: KnowledgeGraph, fmt: str, base: str = DEFAULT_BASE) -> bytes:
    """One export of a small in-memory graph, as the build writes it (``turtle``, ``trig``
    or ``json-ld``): the entities graph, then each document's graph, in N-Triples
    (:mod:`graph.rdf.writer`), serialised by :func:`write_export`'s serialiser.

    >>> from graph.types import Document, KnowledgeGraph
    >>> kg = KnowledgeGraph((Document.from_text("d.txt", "正文"),), (), ())
    >>> b"nif:isString" in export_bytes(kg, "turtle")
    True
    """
    if fmt not in _FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    labels = {e.ref: e.label for e in kg.entities}
    graphs = [(entities_graph_iri(base), b"".join(iter_entities_ntriples(kg, base)))]
    parts = document_parts(kg)
    for doc in kg.documents:
        facts, linked = parts[doc.doc_id]
        sentences = kg.sentences.get(doc.doc_id, ())
        data = document_ntriples(doc, facts, linked, labels, sentences, base)
        graphs.append((document_graph_iri(doc.doc_id, base), data))
    if fmt == "turtle":
        source, kind = b"".join(nt for _, nt in graphs), ox.RdfFormat.N_TRIPLES
    else:
        source, kind = b"".join(to_nquads(nt, iri) for iri, nt in graphs), ox.RdfFormat.N_QUADS
    out = io.BytesIO()
    _serialise(ox.parse(source, format=kind), fmt, out, base)
    return out.getvalue()
