"""The part of a big network that the HTML view carries: its best-connected entities.

A page of a corpus's whole network (hundreds of thousands of entities) is hundreds of
megabytes that no browser opens, and writing it costs a build most of its time and memory.
Above a limit, the page carries the ``limit`` entities a reader looks for first: organisations
and the best-connected entities (documents last, as the page's communities rank them), with
the edges among them.  GraphML, node-link JSON and the SPARQL store keep everything.

:func:`best_connected` reads the network twice (its edge ends, then its nodes) and keeps two
compact arrays, whatever the network's size; the :class:`Selection` it returns is a
:class:`~graph.network.source.Network` read through from the whole one, in the same order.

>>> import networkx as nx
>>> from graph.network.source import as_network
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("o", {"kind": "org"}), ("a", {"kind": "person"}), ("b", {"kind": "person"})])
>>> _ = g.add_edges_from([("a", "o"), ("b", "o"), ("a", "b")])
>>> g.add_node("lone", kind="person")
>>> part = best_connected(as_network(g), 3)
>>> [n for n, _ in part.nodes()], list(part.ends()), part.left_out
(['o', 'a', 'b'], [(1, 0), (1, 2), (2, 0)], 1)
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Hashable, Iterator

from graph.network.source import Attrs, EdgeItem, Network


def best_connected(g: Network, limit: int) -> Network:
    """``g`` itself when it has at most ``limit`` entities, else a :class:`Selection` of its
    ``limit`` first-ranked ones (organisations count their edges twice; documents come last;
    ties in graph order)."""
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    n = g.node_count()
    if n <= limit:
        return g
    degree = array("i", bytes(4 * n))
    for u, v in g.ends():
        degree[u] += 1
        degree[v] += 1
    kinds = g.kinds()
    top = 2 * max(degree, default=0) + 1
    ranked = (
        ((kind == "document") * top + top - degree[i] * (2 if kind == "org" else 1), i)
        for i, kind in enumerate(kinds)
    )
    del kinds
    kept = sorted(i for _, i in heapq.nsmallest(limit, ranked))
    number = array("i", [-1]) * n
    for new, old in enumerate(kept):
        number[old] = new
    return Selection(g, number, len(kept))


class Selection:
    """The entities of a network that ``number`` maps to 0, 1, … (the others map to -1) and
    the edges among them, in the network's order: a :class:`~graph.network.source.Network`."""

    def __init__(self, whole: Network, number: array[int], count: int) -> None:
        self._whole, self._number, self._count = whole, number, count
        self._edges: int | None = None

    @property
    def left_out(self) -> int:
        """How many entities of the whole network the selection leaves out."""
        return self._whole.node_count() - self._count

    @property
    def whole(self) -> Network:
        return self._whole

    def graph_attrs(self) -> Attrs:
        return self._whole.graph_attrs()

    def node_count(self) -> int:
        return self._count

    def edge_count(self) -> int:
        if self._edges is None:
            self._edges = sum(1 for _ in self.ends())
        return self._edges

    def nodes(
        self, *, evidence: bool = True, evidence_limit: int | None = None
    ) -> Iterator[tuple[Hashable, Attrs]]:
        items = self._whole.nodes(evidence=evidence, evidence_limit=evidence_limit)
        for i, item in enumerate(items):
            if self._number[i] >= 0:
                yield item

    def kinds(self) -> list[str]:
        return [k for i, k in enumerate(self._whole.kinds()) if self._number[i] >= 0]

    def edges(self) -> Iterator[EdgeItem]:
        for (u, v), edge in zip(self._whole.ends(), self._whole.edges(), strict=True):
            if self._number[u] >= 0 and self._number[v] >= 0:
                yield edge

    def ends(self) -> Iterator[tuple[int, int]]:
        number = self._number
        for u, v in self._whole.ends():
            if number[u] >= 0 and number[v] >= 0:
                yield number[u], number[v]

    def roles(self) -> Iterator[list[str]]:
        for i, roles in enumerate(self._whole.roles()):
            if self._number[i] >= 0:
                yield roles

    def positions(self) -> list[tuple[float, float]] | None:
        xy = self._whole.positions()
        if xy is None:
            return None
        return [p for i, p in enumerate(xy) if self._number[i] >= 0]


__all__ = ["Selection", "best_connected"]
