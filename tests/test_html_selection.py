"""The page of a very large graph carries its best-connected entities and the edges among
them (``max_nodes``), with a note giving the whole graph's size; the selection reads the whole
network in its own order (invented graphs)."""

from __future__ import annotations

import networkx as nx
from html_sample import big_graph
from hypothesis import given, settings
from hypothesis import strategies as st
from test_html import page_data

from graph.network.html import render_html
from graph.network.selection import best_connected
from graph.network.source import as_network


def _rank(g: nx.MultiDiGraph, n: str) -> tuple[int, int]:
    kind = g.nodes[n].get("kind")
    return (kind == "document", -g.degree(n) * (2 if kind == "org" else 1))


def test_a_very_large_graph_page_carries_its_best_connected_entities() -> None:
    g = big_graph(600)
    page, report = render_html(g, max_nodes=150)
    data = page_data(page)
    carried = {info["iri"] for info in data["info"]["nodes"]}
    assert len(data["nodes"]) == len(carried) == 150 and report.left_out == 450
    worst_kept = max(_rank(g, n) for n in carried)
    assert all(_rank(g, n) >= worst_kept for n in g if n not in carried)
    inside = [(u, v) for u, v in g.edges() if u in carried and v in carried]
    assert report.total_edges == len(data["edges"]) == len(inside) < g.number_of_edges()
    assert "600" in data["note"] and "150" in data["note"]


def test_a_graph_within_the_limit_is_carried_whole() -> None:
    g = big_graph(200)
    page, report = render_html(g, max_nodes=200)
    assert report.left_out == 0 and len(page_data(page)["nodes"]) == 200


graphs = st.lists(
    st.tuples(st.integers(0, 11), st.integers(0, 11), st.sampled_from(["org", "person"])),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(edges=graphs, limit=st.integers(1, 12))
def test_the_selection_is_the_whole_network_filtered_in_order(
    edges: list[tuple[int, int, str]], limit: int
) -> None:
    g = nx.MultiDiGraph()
    for i in range(12):
        g.add_node(f"n{i}", kind="org" if i % 3 == 0 else "person")
    for u, v, _ in edges:
        g.add_edge(f"n{u}", f"n{v}", relation="memberOf", label="成员")
    whole = as_network(g)
    part = best_connected(whole, limit)
    kept = [n for n, _ in part.nodes()]
    assert len(kept) == min(limit, 12) and part.kinds() == [g.nodes[n]["kind"] for n in kept]
    number = {n: i for i, n in enumerate(kept)}
    expected = [(u, v, k) for u, v, k in g.edges(keys=True) if u in number and v in number]
    assert [(u, v, k) for u, v, k, _ in part.edges()] == expected
    assert list(part.ends()) == [(number[u], number[v]) for u, v, _ in expected]
    assert part.edge_count() == len(expected)
    worst_kept = max((_rank(g, n) for n in kept), default=(0, 0))
    assert all(_rank(g, n) >= worst_kept for n in g if n not in number)
