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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import NamespaceManager

from graph.rdf.iris import DEFAULT_BASE
from graph.rdf.vocab import PREFIXES


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


def _without_prefixes(turtle: str) -> str:
    r"""The statements of rdflib's Turtle without its leading ``@prefix`` block.

    Only ``\n`` separates lines here: a literal may hold U+2028, U+0085 or a form feed, which
    ``str.splitlines`` would also cut (and a literal's line may begin with ``@prefix``).

    >>> _without_prefixes('@prefix a: <x> .\n\na:s a:p "l1\u2028@prefix" .\n')
    'a:s a:p "l1\u2028@prefix" .'
    """
    lines = turtle.split("\n")
    start = 0
    while start < len(lines) and (lines[start].startswith("@prefix") or not lines[start]):
        start += 1
    return "\n".join(lines[start:]).strip("\n")  # never re-indent: literals may span lines


class LinearNamespaces(NamespaceManager):
    """rdflib's namespace manager without its quadratic cost on many distinct IRIs.

    rdflib files the namespace part of every subject and object IRI it shortens in a trie whose
    insertion scans all siblings, so a huge document (one ``#char=a,b`` span IRI per mention,
    each a namespace ``…#char=a,`` of its own) costs time quadratic in its size.  An IRI under
    no bound namespace never gets a prefix when none may be generated (subjects and objects),
    so it is refused at once without touching the trie: the output is the same, byte for byte.

    >>> g = Graph(bind_namespaces="none")
    >>> g.bind("ex", "http://x.org/")
    >>> g.namespace_manager = LinearNamespaces(g)
    >>> g.namespace_manager.compute_qname("http://x.org/a", generate=False)
    ('ex', rdflib.term.URIRef('http://x.org/'), 'a')
    >>> g.namespace_manager.compute_qname("http://y.org/t#char=0,1", generate=False)
    Traceback (most recent call last):
    ...
    KeyError: 'No known prefix for http://y.org/t#char=0,1 and generate=False'
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph, bind_namespaces="none")
        self.reset()  # the trie of the namespaces already bound in the graph's store
        self._bound: tuple[str, ...] | None = None

    def bind(self, prefix: str | None, namespace: Any, *args: Any, **kwargs: Any) -> None:
        self._bound = None
        super().bind(prefix, namespace, *args, **kwargs)

    def compute_qname(self, uri: str, generate: bool = True) -> tuple[str, URIRef, str]:
        if not generate:
            if self._bound is None:
                self._bound = tuple(str(ns) for _, ns in self.namespaces())
            if not str.startswith(uri, self._bound):  # URIRef.startswith takes no tuple
                raise KeyError(f"No known prefix for {uri} and generate=False")
        return super().compute_qname(uri, generate)


def fragment_of(g: Graph, base: str = DEFAULT_BASE) -> Fragment:
    """Serialise one named graph (its identifier is the graph IRI)."""
    g.namespace_manager = LinearNamespaces(g)
    turtle = _without_prefixes(g.serialize(format="turtle"))
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


EXPORT_FORMATS = ("turtle", "trig", "json-ld")


def export_chunks(
    fmt: str, fragments: Iterable[Fragment], base: str = DEFAULT_BASE
) -> Iterator[str]:
    """The text of the ``turtle``, ``trig`` or ``json-ld`` export, piece by piece.

    Writing the pieces as they come keeps only the fragments in memory, not the whole file.

    >>> json.loads("".join(export_chunks("json-ld", [])))["@graph"]
    []
    """
    ordered = sorted((f for f in fragments if f.triples), key=lambda f: f.iri)
    if fmt == "json-ld":
        context = json.dumps(_context(base), ensure_ascii=False, indent=1)
        yield '{"@context": ' + context + ',\n"@graph": [\n'
        for i, f in enumerate(ordered):
            yield (",\n" if i else "") + f.jsonld
        yield "\n]}\n"
        return
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    yield _prefix_block(base)
    for f in ordered:
        yield f"\n{f.turtle}\n" if fmt == "turtle" else f"\n<{f.iri}> {{\n{f.turtle}\n}}\n"


def assemble(fragments: Iterable[Fragment], base: str = DEFAULT_BASE) -> dict[str, bytes]:
    """``turtle`` (all triples), ``trig`` (named graphs) and ``json-ld`` documents."""
    frags = list(fragments)
    return {fmt: "".join(export_chunks(fmt, frags, base)).encode() for fmt in EXPORT_FORMATS}


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
