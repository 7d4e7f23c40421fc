"""The page's compact structures agree with their plain readings: the count of parallel edges
before each edge, and each node's neighbours (Hypothesis draws the multigraphs)."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.network.html import _parallel_before
from graph.network.overview import neighbour_lists
from graph.network.source import as_network

_EDGES = st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=40)


def _graph(edges: list[tuple[int, int]]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_nodes_from(range(8))
    g.add_edges_from(edges)
    return g


@given(_EDGES)
@settings(max_examples=60, deadline=None)
def test_parallel_edges_before_each_edge_are_counted_per_pair(edges: list[tuple[int, int]]) -> None:
    net = as_network(_graph(edges))
    seen: dict[tuple[int, int], int] = {}
    expected = []
    for u, v in net.ends():
        pair = (min(u, v), max(u, v))
        expected.append(seen.get(pair, 0))
        seen[pair] = seen.get(pair, 0) + 1
    assert list(_parallel_before(net)) == expected


@given(_EDGES)
@settings(max_examples=60, deadline=None)
def test_neighbours_are_each_nodes_sorted_distinct_others(edges: list[tuple[int, int]]) -> None:
    net = as_network(_graph(edges))
    adj = neighbour_lists(net)
    plain: list[set[int]] = [set() for _ in range(net.node_count())]
    for u, v in net.ends():
        if u != v:
            plain[u].add(v)
            plain[v].add(u)
    assert [list(adj[i]) for i in range(len(adj))] == [sorted(s) for s in plain]
