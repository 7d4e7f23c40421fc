"""Serialised named graphs ("fragments") and the export files assembled from them.

Each named graph is serialised once into Turtle (without prefixes), N-Triples and JSON-LD
nodes; ``graph.ttl``, ``graph.trig`` and ``graph.jsonld`` are concatenations in graph-IRI
order.  A document's fragment depends only on its extraction, so a rebuild re-serialises only
the documents that changed (plus the entities graph).

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(identifier=URIRef("http://x.org/g"))
>>> _ = g.add((URIRef("http://x.org/a"), URIRef("http://x.org/p"), Literal("文")))
>>> files = assemble([fragment_of(g)])
>>> sorted(files)
['json-ld', 'trig', 'turtle']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import Dataset, Graph

from graph.vocab import DEFAULT_BASE, PREFIXES


@dataclass(frozen=True, slots=True)
class Fragment:
    """One named graph, serialised."""

    iri: str
    turtle: str
    ntriples: bytes
    jsonld: str
    triples: int


def _context(base: str) -> dict[str, str]:
    return {p: (base if p == "kg" else ns) for p, ns in PREFIXES.items()}


def _prefix_block(base: str) -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in _context(base).items())


def _canonical(value: Any) -> Any:
    """Arrays sorted (JSON-LD arrays are unordered sets here), so output is byte-stable."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def fragment_of(g: Graph, base: str = DEFAULT_BASE) -> Fragment:
    """Serialise one named graph (its identifier is the graph IRI)."""
    body = g.serialize(format="turtle")
    lines = [line for line in body.splitlines() if not line.startswith("@prefix")]
    turtle = "\n".join(lines).strip("\n")  # never re-indent: literals may span lines
    data = json.loads(g.serialize(format="json-ld", context=_context(base)))
    nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
    for node in nodes:
        if isinstance(node, dict):
            node.pop("@context", None)
    nodes = sorted((_canonical(n) for n in nodes), key=lambda n: json.dumps(n, sort_keys=True))
    nt = g.serialize(format="nt", encoding="utf-8")
    named = json.dumps(
        {"@id": str(g.identifier), "@graph": nodes}, ensure_ascii=False, sort_keys=True
    )
    return Fragment(str(g.identifier), turtle, nt, named, len(g))


def assemble(fragments: Iterable[Fragment], base: str = DEFAULT_BASE) -> dict[str, bytes]:
    """``turtle`` (all triples), ``trig`` (named graphs) and ``json-ld`` documents."""
    ordered = sorted((f for f in fragments if f.triples), key=lambda f: f.iri)
    head = _prefix_block(base)
    turtle = head + "".join(f"\n{f.turtle}\n" for f in ordered)
    trig = head + "".join(f"\n<{f.iri}> {{\n{f.turtle}\n}}\n" for f in ordered)
    context = json.dumps(_context(base), ensure_ascii=False, indent=1)
    graphs = ",\n".join(f.jsonld for f in ordered)
    jsonld = '{"@context": ' + context + ',\n"@graph": [\n' + graphs + "\n]}\n"
    return {"turtle": turtle.encode(), "trig": trig.encode(), "json-ld": jsonld.encode()}


def dataset_fragments(ds: Dataset, base: str = DEFAULT_BASE) -> list[Fragment]:
    """Fragments of every non-empty named graph of a dataset."""
    out = []
    for ctx in ds.graphs():
        if len(ctx):
            g = Graph(bind_namespaces="none", identifier=ctx.identifier)
            for prefix, ns in _context(base).items():
                g.bind(prefix, ns, override=True, replace=True)
            for triple in ctx:
                g.add(triple)
            out.append(fragment_of(g, base))
    return out


def serialise(ds: Dataset, fmt: str, base: str = DEFAULT_BASE) -> bytes:
    """Bytes of a dataset as ``turtle``, ``trig``, ``json-ld`` or ``nquads``."""
    if fmt == "nquads":
        return ds.serialize(format="nquads", encoding="utf-8")
    return assemble(dataset_fragments(ds, base), base)[fmt]
