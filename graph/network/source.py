"""What the network writers read: a graph's nodes and edges in a fixed order, one at a time.

The GraphML, node-link JSON and HTML writers take a :class:`Network`: an in-memory networkx
``MultiDiGraph`` (wrapped by :func:`as_network`, for views and tests) or the build's network
on disk (``graph.network.ondisk.DiskNetwork``, which never holds the corpus's graph in memory).
Both give the same items in the same order, so the files are the same bytes.

Nodes come in graph order, each with its attributes; edges in networkx's order (by source node,
then by the order each target was first linked from it, then by key); ``ends`` gives the same
edges as node numbers (graph order), which is all the page's layout needs.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", kind="person", label="王小明")
>>> g.add_node("o", kind="org", label="某某公司")
>>> _ = g.add_edge("p", "o", key="f", relation="memberOf", label="经理")
>>> net = as_network(g)
>>> net.node_count(), list(net.ends()), list(net.roles())
(2, [(0, 1)], [['经理 · 某某公司'], []])
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any, Protocol

import networkx as nx

Attrs = dict[str, Any]
EdgeItem = tuple[Hashable, Hashable, Hashable, Attrs]  # source, target, key, attributes


class Network(Protocol):
    """A graph as the network writers read it (see the module's docstring)."""

    def graph_attrs(self) -> Attrs:
        """The graph's own attributes."""
        ...

    def node_count(self) -> int: ...

    def edge_count(self) -> int: ...

    def nodes(
        self, *, evidence: bool = True, evidence_limit: int | None = None
    ) -> Iterator[tuple[Hashable, Attrs]]:
        """Every node and its attributes, in graph order (``evidence=False``: the
        ``evidence`` list may be left empty, for passes that do not read it; with an
        ``evidence_limit``, it holds at most that many records, and ``evidence_total`` says
        how many the node has: a node named in thousands of documents is not read whole)."""
        ...

    def kinds(self) -> list[str]:
        """Each node's ``kind`` attribute ("other" when it has none), in graph order."""
        ...

    def edges(self) -> Iterator[EdgeItem]:
        """Every edge with its key and attributes, in networkx's order (grouped by source in
        graph order, each source's edges by target: the page's parallel-edge count relies on
        it)."""
        ...

    def ends(self) -> Iterator[tuple[int, int]]:
        """Every edge's source and target as node numbers (graph order), in edge order."""
        ...

    def roles(self) -> Iterator[list[str]]:
        """For each node in graph order, the sorted ``"role · organisation"`` labels of its
        ``memberOf`` edges."""
        ...

    def positions(self) -> list[tuple[float, float]] | None:
        """Each node's given ``x``/``y`` (rounded to 0.1) when every node has them, else None."""
        ...


class NxNetwork:
    """A networkx ``MultiDiGraph`` as a :class:`Network`."""

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.g = g

    def graph_attrs(self) -> Attrs:
        return dict(self.g.graph)

    def node_count(self) -> int:
        return int(self.g.number_of_nodes())

    def edge_count(self) -> int:
        return int(self.g.number_of_edges())

    def nodes(
        self, *, evidence: bool = True, evidence_limit: int | None = None
    ) -> Iterator[tuple[Hashable, Attrs]]:
        if evidence_limit is None:
            yield from self.g.nodes(data=True)
            return
        for n, d in self.g.nodes(data=True):
            found = d.get("evidence")
            if isinstance(found, list | tuple) and len(found) > evidence_limit:
                d = {**d, "evidence": list(found[:evidence_limit]), "evidence_total": len(found)}
            yield n, d

    def kinds(self) -> list[str]:
        return [str(d.get("kind", "other")) for _, d in self.g.nodes(data=True)]

    def edges(self) -> Iterator[EdgeItem]:
        yield from self.g.edges(keys=True, data=True)

    def ends(self) -> Iterator[tuple[int, int]]:
        index = {n: i for i, n in enumerate(self.g)}
        for u, v in self.g.edges():
            yield index[u], index[v]

    def roles(self) -> Iterator[list[str]]:
        g = self.g
        for n in g:
            roles = []
            for _, org, data in g.out_edges(n, data=True):
                if data.get("relation") == "memberOf":
                    org_label = str(g.nodes[org].get("label", org))
                    roles.append(f"{data.get('label', '')} · {org_label}")
            yield sorted(set(roles))

    def positions(self) -> list[tuple[float, float]] | None:
        data = [d for _, d in self.g.nodes(data=True)]
        if not data or not all("x" in d and "y" in d for d in data):
            return None
        return [(round(float(d["x"]), 1), round(float(d["y"]), 1)) for d in data]


def as_network(g: nx.MultiDiGraph | Network) -> Network:
    """``g`` as a :class:`Network` (a networkx graph is wrapped, a Network is kept)."""
    if isinstance(g, nx.Graph):
        return NxNetwork(g)
    return g


__all__ = ["Attrs", "EdgeItem", "Network", "NxNetwork", "as_network"]
