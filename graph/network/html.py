"""The offline HTML view of the graph: vis-network (shipped by pyvis) in-lined into one page.

This module turns the graph into the page's data: every entity and edge for the canvas, their
details (aliases, roles, evidence) for the side panel, the communities, the document list and
the legend.  The page itself, kept free of remote resources and safe for untrusted labels, is
``graph.network.page``; the communities and their layout are ``graph.network.overview``.

Large graphs stay whole: above ``aggregate_above`` entities the page opens on one super-node per
community (labelled with its seed and member count) and a click expands one in place; search
finds every entity and expands its community.  Smaller graphs are drawn in full, physics running
for a bounded number of iterations from the community layout and frozen once stabilised (off when
positions are given or above ``PHYSICS_LIMIT`` nodes).  The details block is parsed by the page
only when first needed.

>>> import tempfile, pathlib
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", kind="person", label="王小明", aliases=[], docs=["a.txt"], evidence=[])
>>> g.add_node("o", kind="org", label="某某公司", aliases=[], docs=["a.txt"], evidence=[])
>>> _ = g.add_edge("p", "o", key="f", relation="memberOf", label="经理", docs=["a.txt"])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "g.html"
>>> report = write_html(g, out, title="示例")
>>> (report.shown_nodes, report.shown_edges, report.clusters)
(2, 1, 0)
>>> "王小明" in out.read_text(encoding="utf-8")
True
"""

from __future__ import annotations

import logging
import math
from array import array
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import networkx as nx

from graph.io.atomic import atomic_writer
from graph.network.details import details_json, document_names, str_list
from graph.network.overview import Communities, communities, disc_radius, layout
from graph.network.page import (
    KIND_STYLE,
    RELATION_COLOUR,
    iter_page,
    json_pieces,
    page_note,
    short_label,
    vis_options,
)
from graph.network.selection import best_connected
from graph.network.source import Network, as_network

log = logging.getLogger(__name__)

# How the tests, the benchmark and the screenshot script open pages: Debian's chromium,
# headless, background networking off (the page must work with no network at all).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

DEFAULT_TITLE = "知识图谱 Knowledge graph"
DEFAULT_AGGREGATE_ABOVE = 1000  # bigger graphs open on one super-node per community
DEFAULT_MAX_NODES = 50_000  # bigger graphs: the page carries the best-connected entities
PHYSICS_LIMIT = 500  # bigger views are drawn from the community layout, not simulated


@dataclass(frozen=True, slots=True)
class HtmlReport:
    """What a written page shows: all entities and edges, and what is drawn when it opens
    (``clusters`` super-nodes stand for the rest; 0 when the graph is drawn in full)."""

    path: Path
    total_nodes: int
    total_edges: int
    shown_nodes: int
    shown_edges: int
    clusters: int
    physics: bool
    left_out: int = 0  # entities of the graph the page does not carry (see ``max_nodes``)


def _edge(j: int, ends: tuple[int, int], data: dict[str, Any], k: int) -> dict[str, Any]:
    """Edge number ``j`` between node numbers ``ends``, as drawn on the canvas (its details are
    :func:`graph.network.details.edge_info`); ``k`` edges between the same two nodes come
    before it."""
    u, v = ends
    rel = str(data.get("relation", ""))
    drawn: dict[str, Any] = {
        "id": j,
        "from": u,
        "to": v,
        "color": RELATION_COLOUR.get(rel, "#999999"),
        "label": str(data.get("label", "") or rel),  # drawn by the page on hover or selection
    }
    if k:  # parallel edges (two posts at one organisation) curve apart instead of overlapping
        side = "curvedCW" if k % 2 else "curvedCCW"
        drawn["smooth"] = {"enabled": True, "type": side, "roundness": 0.25 * ((k + 1) // 2)}
    return drawn


def _node(
    n: Any, data: dict[str, Any], i: int, xy: tuple[float, float], c: int, degree: int
) -> dict[str, Any]:
    """Node ``n`` (number ``i``, community ``c``) as drawn on the canvas."""
    kind = str(data.get("kind", "other"))
    style = KIND_STYLE.get(kind, KIND_STYLE["other"])
    return {
        "id": i,
        "label": short_label(str(data.get("label", n))),
        "kind": kind if kind in KIND_STYLE else "other",
        "shape": style[2],
        "color": style[1],
        "size": round(min(40.0, 8.0 + 3.0 * math.sqrt(degree)), 1),
        "x": xy[0],
        "y": xy[1],
        "c": c,
    }


def _clusters(
    g: Network, members: Sequence[Sequence[int]], centres: list[tuple[float, float]]
) -> Iterator[dict[str, Any]]:
    """One super-node per community: its seed's label and look, its member count."""
    seeds = {group[0]: c for c, group in enumerate(members)}
    found: dict[int, dict[str, Any]] = {}
    for i, (n, data) in enumerate(g.nodes(evidence=False)):
        if i in seeds:
            found[seeds[i]] = _node(n, data, i, centres[seeds[i]], seeds[i], 0)
    for c, group in enumerate(members):
        seed = found[c]
        yield {
            "id": f"c{c}",
            "label": f"{short_label(seed['label'], limit=16)} ({len(group):,})",
            "kind": seed["kind"],
            "shape": "dot",
            "color": seed["color"],
            "size": round(0.45 * disc_radius(len(group)), 1),
            "borderWidth": 3,
            "x": centres[c][0],
            "y": centres[c][1],
            "count": len(group),
            "seed": group[0],
        }


def _positions(
    g: Network, comm: Communities
) -> tuple[Sequence[tuple[float, float]], list[tuple[float, float]], bool]:
    """Node positions and community centres: the given ``x``/``y`` when every node has them
    (then ``True``), else the community layout."""
    xy = g.positions()
    if xy is None:
        return *layout(comm), False
    centres = [
        (
            round(sum(xy[i][0] for i in m) / len(m), 1),
            round(sum(xy[i][1] for i in m) / len(m), 1),
        )
        for m in comm.members
    ]
    return xy, centres, True


STRONGEST = 6  # merged edges drawn per super-node between super-nodes (as assets/clusters.js)


def _drawn_counts(g: Network, of: Sequence[int], collapsed: set[int]) -> tuple[int, int]:
    """Nodes and edges drawn when the page opens: super-nodes, merged edges counted once and,
    between two super-nodes, only each one's ``STRONGEST`` heaviest (as the page draws them)."""
    merged: dict[tuple[str, str], int] = {}
    real = 0
    for a, b in g.ends():
        ka = f"c{of[a]}" if of[a] in collapsed else str(a)
        kb = f"c{of[b]}" if of[b] in collapsed else str(b)
        if of[a] not in collapsed and of[b] not in collapsed:
            real += 1
        elif ka != kb:
            key = (min(ka, kb), max(ka, kb))
            merged[key] = merged.get(key, 0) + 1
    by_end: dict[str, list[tuple[int, str]]] = {}
    for (ka, kb), count in merged.items():
        if ka.startswith("c") and kb.startswith("c"):
            for k in (ka, kb):
                by_end.setdefault(k, []).append((-count, f"m{ka}|{kb}"))
    kept = {m for ranked in by_end.values() for _, m in sorted(ranked)[:STRONGEST]}
    drawn = sum(1 for ka, kb in merged if not (ka.startswith("c") and kb.startswith("c")))
    shown = sum(1 for c in of if c not in collapsed) + len(collapsed)
    return shown, real + drawn + len(kept)


def _kinds(g: Network) -> list[dict[str, Any]]:
    """The legend: each kind present, with its look and count."""
    counts = Counter(k if k in KIND_STYLE else "other" for k in g.kinds())
    kinds = []
    for kind, (name, colour, shape) in KIND_STYLE.items():
        count = counts[kind]
        if count:
            kinds.append(
                {"kind": kind, "name": name, "color": colour, "shape": shape, "count": count}
            )
    return kinds


def _community_sizes(n: int, *, aggregate: bool) -> tuple[int, int]:
    """(max, min) community size: about 250 super-nodes at most on a big page."""
    biggest = max(100, n // 250) if aggregate else max(8, round(2 * math.sqrt(n)))
    return biggest, max(2, biggest // 4)


def render_html(
    g: nx.MultiDiGraph | Network,
    *,
    title: str = DEFAULT_TITLE,
    aggregate_above: int = DEFAULT_AGGREGATE_ABOVE,
    physics: bool | None = None,
    focus: Hashable | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> tuple[str, HtmlReport]:
    """The page as a string plus its report (``path`` is empty).  See :func:`write_html`."""
    pieces, report = _page(
        as_network(g),
        title=title,
        aggregate_above=aggregate_above,
        physics=physics,
        focus=focus,
        max_nodes=max_nodes,
    )
    return "".join(pieces), report


def _page(
    g: Network,
    *,
    title: str,
    aggregate_above: int,
    physics: bool | None,
    focus: Hashable | None,
    max_nodes: int,
) -> tuple[Iterator[str], HtmlReport]:
    """The page in pieces (the details streamed, see ``graph.network.page.iter_page``)."""
    if aggregate_above < 1:
        raise ValueError("aggregate_above must be positive")
    whole = (g.node_count(), g.edge_count())
    g = best_connected(g, max_nodes)
    total = g.node_count()
    aggregate = total > aggregate_above
    biggest, smallest = _community_sizes(total, aggregate=aggregate)
    comm = communities(g, max_size=biggest, min_size=smallest)
    xy, centres, given = _positions(g, comm)
    collapsed = {c for c, m in enumerate(comm.members) if aggregate and len(m) > 1}
    shown_nodes, shown_edges = _drawn_counts(g, comm.of, collapsed)
    free = not given and not collapsed and shown_nodes <= PHYSICS_LIMIT
    use_physics = free if physics is None else physics
    nodes, edges, names = _canvas(g, comm, xy)
    edge_total = g.edge_count()
    report = HtmlReport(
        Path(),
        total,
        edge_total,
        shown_nodes,
        shown_edges,
        len(collapsed),
        use_physics,
        whole[0] - total,
    )
    docs = document_names(g)
    data = {
        "title": title,
        "stats": {"total_nodes": total, "total_edges": edge_total},
        "note": page_note(total, len(collapsed), whole),
        "kinds": _kinds(g),
        "nodes": nodes,  # (iterators are written item by item, see page.json_pieces)
        "names": names,
        "edges": edges,
        "clusters": _clusters(g, comm.members, centres),
        "collapsed": sorted(collapsed),
        "options": vis_options(shown_nodes, physics=use_physics),
        "focus": _number(g, focus),
        "docs": [{"id": d, "name": name} for d, name in sorted(docs.items())],
        "docNames": docs,
    }
    return iter_page(title, json_pieces(data), details_json(g)), report


def _canvas(
    g: Network, comm: Communities, xy: Sequence[tuple[float, float]]
) -> tuple[Iterator[dict[str, Any]], Iterator[dict[str, Any]], Iterator[list[str]]]:
    """The canvas's nodes and edges and each node's names for search, as iterators (the page
    writes them item by item)."""
    degree = _degrees(g)
    nodes = (
        _node(n, d, i, xy[i], comm.of[i], degree[i])
        for i, (n, d) in enumerate(g.nodes(evidence=False))
    )
    before = _parallel_before(g)
    pairs = enumerate(zip(g.ends(), g.edges(), strict=True))
    edges = (_edge(j, ends, e[3], before[j]) for j, (ends, e) in pairs)
    names = (
        [str(d.get("label", n)), *str_list(d.get("aliases"))] for n, d in g.nodes(evidence=False)
    )
    return nodes, edges, names


def _parallel_before(g: Network) -> array[int]:
    """For each edge (edge order), how many edges between the same two nodes come before it.

    Edges come grouped by source in graph order, each source's by target, so the edges of one
    direction of a pair are consecutive and those of the other direction all come before them
    (source numbers only grow) or all after.  An edge ``u → v`` with ``v < u`` is preceded by
    every ``v → u`` edge; those are counted only for the pairs a bitmap of the forward pairs
    says may have one (compact arrays and a small dictionary: a big page has millions of edges,
    and a dictionary of every pair was its peak).
    """
    bits = bytearray(_BITMAP_BYTES)
    mask = 8 * _BITMAP_BYTES - 1
    for u, v in g.ends():
        if u < v:
            h = hash((u, v)) & mask
            bits[h >> 3] |= 1 << (h & 7)
    wanted: dict[tuple[int, int], int] = {}
    for u, v in g.ends():
        if v < u and bits[(h := hash((v, u)) & mask) >> 3] & (1 << (h & 7)):
            wanted[(v, u)] = 0  # maybe preceded by the other direction's edges
    del bits
    for u, v in g.ends():
        if u < v and (u, v) in wanted:
            wanted[(u, v)] += 1
    before = array("i")
    run, last = 0, (-1, -1)
    for u, v in g.ends():
        run = run + 1 if (u, v) == last else 0
        last = (u, v)
        before.append(run + (wanted.get((v, u), 0) if v < u else 0))
    return before


_BITMAP_BYTES = 1 << 22  # 32 Mbit: few false candidates below some millions of forward pairs


def _degrees(g: Network) -> array[int]:
    """Each node's degree (edges in and out, a loop counted twice), in graph order."""
    degree = array("i", bytes(4 * g.node_count()))
    for u, v in g.ends():
        degree[u] += 1
        degree[v] += 1
    return degree


def _number(g: Network, node: Hashable | None) -> int | None:
    """The number (graph order) of ``node``, None when it is None or not in ``g``."""
    if node is None:
        return None
    return next((i for i, (n, _) in enumerate(g.nodes(evidence=False)) if n == node), None)


def write_html(
    g: nx.MultiDiGraph | Network,
    path: Path,
    *,
    title: str = DEFAULT_TITLE,
    aggregate_above: int = DEFAULT_AGGREGATE_ABOVE,
    physics: bool | None = None,
    focus: Hashable | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> HtmlReport:
    """Write the interactive offline view of ``g`` to ``path`` (atomically).

    Above ``aggregate_above`` nodes the page opens on one super-node per community (a note
    says so).  ``physics`` defaults to on unless every node has ``x``/``y`` attributes or more
    than ``PHYSICS_LIMIT`` nodes are drawn at the opening (then the layout is drawn as is).
    ``focus`` (a node id) is selected, with its details shown, once the page is ready.
    Above ``max_nodes`` entities the page carries the ``max_nodes`` best-connected ones and
    the edges among them (``graph.network.selection``; a note says so).
    """
    pieces, report = _page(
        as_network(g),
        title=title,
        aggregate_above=aggregate_above,
        physics=physics,
        focus=focus,
        max_nodes=max_nodes,
    )
    with atomic_writer(Path(path)) as fh:
        fh.writelines(pieces)
    log.info("wrote %s (%d of %d nodes drawn)", path, report.shown_nodes, report.total_nodes)
    return replace(report, path=Path(path))
