"""The RDF export files, streamed by pyoxigraph's Rust parsers and serialisers.

A build writes every named graph once as sorted N-Triples (``graph.rdf.ntriples``) into a
spool file of N-Quads on disk (for TriG, JSON-LD and the store's bulk loader).  The exports are
serialised from the spool, quad by quad, so memory does not grow with the corpus, and their
bytes depend only on the spool's bytes:

- ``graph.trig``: TriG, one block per named graph;
- ``graph.ttl``: Turtle of all triples (a triple stated in two graphs appears twice), the
  TriG text without its graph blocks (:func:`turtle_from_trig`: pyoxigraph writes the triples
  of a block as it writes Turtle, one tab deeper, so this is the text its Turtle serialiser
  gives for the union, without a second pass over the quads);
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
    """Serialise an N-Quads spool as ``trig`` or ``json-ld`` into the binary file ``out``
    (Turtle is cut from the TriG text: :func:`turtle_from_trig`)."""
    if fmt not in ("trig", "json-ld"):
        raise ValueError(f"unknown export format {fmt!r} (Turtle comes from TriG)")
    _serialise(ox.parse(path=source, format=ox.RdfFormat.N_QUADS), fmt, out, base)


def turtle_from_trig(trig: IO[bytes], out: IO[bytes]) -> None:
    """Turtle of every triple of a TriG text written by :func:`write_export`: its lines less
    the graph blocks' first and last lines and their indentation (the serialiser escapes line
    breaks inside literals, so every line of a block is a line of Turtle).

    >>> trig = b"@prefix kg: <https://kg.example.org/id/> .\\nkg:g1 {\\n\\tkg:a kg:p kg:b .\\n}\\n"
    >>> buf = io.BytesIO()
    >>> turtle_from_trig(io.BytesIO(trig), buf)
    >>> buf.getvalue().decode().splitlines()
    ['@prefix kg: <https://kg.example.org/id/> .', 'kg:a kg:p kg:b .']
    """
    block: list[bytes] = []
    for line in trig:
        if line.startswith(b"\t"):
            block.append(line[1:])
        elif line == b"}\n" or line.endswith(b" {\n"):
            continue
        else:
            block.append(line)
        if len(block) >= 4096:
            out.write(b"".join(block))
            block.clear()
    out.write(b"".join(block))


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
    source = b"".join(to_nquads(nt, iri) for iri, nt in graphs)
    trig = io.BytesIO()
    quads = ox.parse(source, format=ox.RdfFormat.N_QUADS)
    _serialise(quads, "json-ld" if fmt == "json-ld" else "trig", trig, base)
    if fmt != "turtle":
        return trig.getvalue()
    trig.seek(0)
    out = io.BytesIO()
    turtle_from_trig(trig, out)
    return out.getvalue()
