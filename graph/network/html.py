"""The offline HTML view of the graph: vis-network (shipped by pyvis) in-lined into one page.

This module turns the graph into the page's data: nodes and edges for the canvas, details
(aliases, roles, evidence) for the side panel, the document list and the legend.  The page
itself, kept free of remote resources and safe for untrusted labels, is ``graph.network.page``.

Large graphs stay usable: above ``max_nodes`` the view keeps the ``max_nodes`` nodes of highest
degree and says so in a visible note; physics runs for a bounded number of iterations from a
seeded layout and is frozen once stabilised (or is off when positions are given).

>>> import tempfile, pathlib
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", kind="person", label="王小明", aliases=[], docs=["a.txt"], evidence=[])
>>> g.add_node("o", kind="org", label="某某公司", aliases=[], docs=["a.txt"], evidence=[])
>>> _ = g.add_edge("p", "o", key="f", relation="memberOf", label="经理", docs=["a.txt"])
>>> out = pathlib.Path(tempfile.mkdtemp()) / "g.html"
>>> report = write_html(g, out, title="示例")
>>> (report.shown_nodes, report.shown_edges, report.capped)
(2, 1, False)
>>> "王小明" in out.read_text(encoding="utf-8")
True
"""

from __future__ import annotations

import logging
import math
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from graph.io.atomic import atomic_write_text
from graph.network.page import KIND_STYLE, RELATION_COLOUR, fill_page, short_label, vis_options

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
DEFAULT_MAX_NODES = 2000
EDGE_LABEL_LIMIT = 600  # draw edge labels on the canvas only for views this small
PHYSICS_LIMIT = 5000  # bigger views (max_nodes raised) are drawn statically from seeded positions


@dataclass(frozen=True, slots=True)
class HtmlReport:
    """What a written page shows."""

    path: Path
    total_nodes: int
    total_edges: int
    shown_nodes: int
    shown_edges: int
    capped: bool
    physics: bool


def select_view(g: nx.MultiDiGraph, *, max_nodes: int) -> tuple[nx.MultiDiGraph, bool]:
    """The subgraph drawn by default: all of ``g``, or its ``max_nodes`` best-connected nodes.

    >>> g = nx.MultiDiGraph([(0, 1), (0, 2), (0, 3), (1, 2)])
    >>> sub, capped = select_view(g, max_nodes=2)
    >>> sorted(sub.nodes), capped
    ([0, 1], True)
    """
    if g.number_of_nodes() <= max_nodes:
        return g, False
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), str(n)))
    return g.subgraph(ranked[:max_nodes]), True


def _str_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple | set):
        return [str(v) for v in value]
    return [str(value)]


def _evidence(value: object) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if not isinstance(value, list | tuple):
        return out
    for ev in value:
        if not isinstance(ev, dict):
            continue
        out.append(
            {
                "doc": str(ev.get("doc", "")),
                "start": int(ev.get("start", 0)),
                "end": int(ev.get("end", 0)),
                "text": str(ev.get("text", "")),
                "sentence": str(ev.get("sentence", "")),
                "sentence_start": int(ev.get("sentence_start", 0)),
            }
        )
    return out


def _seed_positions(g: nx.MultiDiGraph, order: list[Any]) -> dict[Any, tuple[float, float]]:
    """Starting positions: a sunflower spiral in breadth-first order from the hubs.

    Neighbours land near each other, so bounded physics converges in far fewer iterations
    than from vis-network's random start.  O(nodes + edges), pure Python.
    """
    seen: set[Any] = set()
    bfs: list[Any] = []
    und = g.to_undirected(as_view=True)
    # neighbours in the graph's own order: the undirected view yields them in set order,
    # which changes with the hash seed (and so would the page of an identical build)
    rank = {n: i for i, n in enumerate(g)}
    for root in order:
        if root in seen:
            continue
        seen.add(root)
        queue = [root]
        while queue:
            bfs.extend(queue)
            nxt: list[Any] = []
            for u in queue:
                for v in sorted(und.neighbors(u), key=rank.__getitem__):
                    if v not in seen:
                        seen.add(v)
                        nxt.append(v)
            queue = nxt
    golden = math.pi * (3.0 - math.sqrt(5.0))
    spacing = 45.0
    return {
        n: (
            spacing * math.sqrt(i) * math.cos(i * golden),
            spacing * math.sqrt(i) * math.sin(i * golden),
        )
        for i, n in enumerate(bfs)
    }


def _roles(g: nx.MultiDiGraph, n: Any) -> list[str]:
    roles = []
    for _, org, data in g.out_edges(n, data=True):
        if data.get("relation") == "memberOf":
            org_label = str(g.nodes[org].get("label", org))
            roles.append(f"{data.get('label', '')} · {org_label}")
    return sorted(set(roles))


def _build_network(
    g: nx.MultiDiGraph, view: nx.MultiDiGraph, positions: dict[Any, tuple[float, float]] | None
) -> tuple[Network, dict[str, Any]]:
    """Fill a pyvis ``Network`` (directly: ``add_node`` is quadratic) plus the details data."""
    net = Network(directed=True, cdn_resources="in_line")
    index = {n: i for i, n in enumerate(view.nodes)}
    nodes = [_node(g, view, n, i, positions) for n, i in index.items()]
    labelled = view.number_of_edges() <= EDGE_LABEL_LIMIT
    parallel: dict[tuple[int, int], int] = {}
    edges = [
        _edge(j, edge, index, parallel, labelled=labelled)
        for j, edge in enumerate(view.edges(keys=True, data=True))
    ]
    net.nodes.extend(drawn for drawn, _ in nodes)
    net.edges.extend(drawn for drawn, _ in edges)
    return net, {"nodes": [info for _, info in nodes], "edges": [info for _, info in edges]}


def _node(
    g: nx.MultiDiGraph,
    view: nx.MultiDiGraph,
    n: Any,
    i: int,
    positions: dict[Any, tuple[float, float]] | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Node ``n`` (number ``i``) as drawn on the canvas, and its details for the side panel."""
    data = view.nodes[n]
    kind = str(data.get("kind", "other"))
    style = KIND_STYLE.get(kind, KIND_STYLE["other"])
    node: dict[str, Any] = {
        "id": i,
        "label": short_label(str(data.get("label", n))),
        "kind": kind if kind in KIND_STYLE else "other",
        "shape": style[2],
        "color": style[1],
        "size": round(min(40.0, 8.0 + 3.0 * math.sqrt(g.degree(n))), 1),
    }
    if positions is not None and n in positions:
        node["x"], node["y"] = (round(c, 1) for c in positions[n])
    return node, {
        "label": str(data.get("label", n)),
        "iri": str(n),
        "aliases": _str_list(data.get("aliases")),
        "docs": _str_list(data.get("docs")),
        "roles": _roles(g, n),
        "evidence": _evidence(data.get("evidence")),
    }


def _edge(
    j: int,
    edge: tuple[Any, Any, Any, dict[str, Any]],
    index: dict[Any, int],
    parallel: dict[tuple[int, int], int],
    *,
    labelled: bool,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Edge number ``j`` as drawn on the canvas, and its details for the side panel.

    ``parallel`` counts the edges drawn so far between each pair of nodes (updated here).
    """
    u, v, key, data = edge
    rel = str(data.get("relation", ""))
    label = str(data.get("label", "") or rel)
    drawn: dict[str, Any] = {
        "id": j,
        "from": index[u],
        "to": index[v],
        "color": RELATION_COLOUR.get(rel, "#999999"),
    }
    if labelled:
        drawn["label"] = label
    pair = (min(index[u], index[v]), max(index[u], index[v]))
    k = parallel[pair] = parallel.get(pair, -1) + 1
    if k:  # parallel edges (two posts at one organisation) curve apart instead of overlapping
        side = "curvedCW" if k % 2 else "curvedCCW"
        drawn["smooth"] = {"enabled": True, "type": side, "roundness": 0.25 * ((k + 1) // 2)}
    conf = data.get("confidence")
    return drawn, {
        "key": str(key),
        "relation": rel,
        "label": label,
        "confidence": float(conf) if isinstance(conf, int | float) else None,
        "docs": _str_list(data.get("docs")),
        "evidence": _evidence(data.get("evidence")),
    }


def _doc_names(g: nx.MultiDiGraph) -> dict[str, str]:
    """Document id -> display name: the id (file name), then its title when it has one."""
    names: dict[str, str] = {}
    for _, data in g.nodes(data=True):
        if data.get("kind") == "document":
            for doc in _str_list(data.get("docs")):
                title = str(data.get("label", doc))
                names[doc] = doc if title == doc else f"{doc} · {short_label(title)}"
    for _, data in g.nodes(data=True):
        for doc in _str_list(data.get("docs")):
            names.setdefault(doc, doc)
    return names


def render_html(
    g: nx.MultiDiGraph,
    *,
    title: str = DEFAULT_TITLE,
    max_nodes: int = DEFAULT_MAX_NODES,
    physics: bool | None = None,
    focus: Hashable | None = None,
) -> tuple[str, HtmlReport]:
    """The page as a string plus its report (``path`` is empty).  See :func:`write_html`."""
    if max_nodes < 1:
        raise ValueError("max_nodes must be positive")
    view, capped = select_view(g, max_nodes=max_nodes)
    has_xy = all("x" in d and "y" in d for _, d in view.nodes(data=True)) and len(view) > 0
    use_physics = (not has_xy and len(view) <= PHYSICS_LIMIT) if physics is None else physics
    if has_xy:
        positions = {n: (float(d["x"]), float(d["y"])) for n, d in view.nodes(data=True)}
    elif len(view) > 100:
        positions = _seed_positions(view, sorted(view.nodes, key=lambda n: -view.degree(n)))
    else:
        positions = None
    net, info = _build_network(g, view, positions)
    docs = _doc_names(g)
    kinds = []
    for kind, (name, colour, shape) in KIND_STYLE.items():
        count = sum(1 for n in net.nodes if n["kind"] == kind)
        if count:
            kinds.append(
                {"kind": kind, "name": name, "color": colour, "shape": shape, "count": count}
            )
    note = "空图：没有可显示的节点。 Empty graph: nothing to draw." if len(g) == 0 else ""
    if capped:
        note = (
            f"大图已截取：显示连接最多的 {len(view):,} 个节点（共 {len(g):,} 个）。"
            f" Large graph: showing the {len(view):,} most connected of {len(g):,} nodes;"
            " use `kg view --focus LABEL --hops K` for a neighbourhood."
        )
    report = HtmlReport(
        Path(), len(g), g.number_of_edges(), len(view), view.number_of_edges(), capped, use_physics
    )
    data = {
        "title": title,
        "stats": {
            "total_nodes": report.total_nodes,
            "total_edges": report.total_edges,
            "shown_nodes": report.shown_nodes,
            "shown_edges": report.shown_edges,
        },
        "note": note,
        "kinds": kinds,
        "docs": [{"id": d, "name": name} for d, name in sorted(docs.items())],
        "docNames": docs,
        "nodes": net.nodes,
        "edges": net.edges,
        "info": info,
        "options": vis_options(len(view), physics=use_physics),
        "focus": list(view.nodes).index(focus) if focus is not None and focus in view else None,
    }
    page = fill_page(title, data)
    return page, report


def write_html(
    g: nx.MultiDiGraph,
    path: Path,
    *,
    title: str = DEFAULT_TITLE,
    max_nodes: int = DEFAULT_MAX_NODES,
    physics: bool | None = None,
    focus: Hashable | None = None,
) -> HtmlReport:
    """Write the interactive offline view of ``g`` to ``path`` (atomically).

    ``max_nodes`` caps the default view to the best-connected nodes (a note on the page says
    so).  ``physics`` defaults to on unless every drawn node has ``x``/``y`` attributes or more
    than ``PHYSICS_LIMIT`` nodes are drawn (then positions are seeded, drawn once, not simulated).
    ``focus`` (a node id) is selected, with its details shown, once the page is ready.
    """
    page, report = render_html(g, title=title, max_nodes=max_nodes, physics=physics, focus=focus)
    atomic_write_text(Path(path), page)
    log.info("wrote %s (%d of %d nodes)", path, report.shown_nodes, report.total_nodes)
    return HtmlReport(
        Path(path),
        report.total_nodes,
        report.total_edges,
        report.shown_nodes,
        report.shown_edges,
        report.capped,
        report.physics,
    )
