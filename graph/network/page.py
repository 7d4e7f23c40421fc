"""The page of the HTML view: our template, in-lined assets and JSON, and the look of the graph.

The page needs no network: vis-network's JS/CSS (shipped by pyvis), our viewer script and the
graph data are all in-line (pyvis's own template links Bootstrap from a CDN and prints the
heading twice, so the page is our template, ``assets/page.html``).  Labels are untrusted: they
reach the page as JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&``
escaped, and the viewer writes them with ``textContent`` only.

The look: a colour and vis shape per node kind (with its legend name), a colour per relation,
CJK fonts, and vis-network options with bounded physics.

>>> KIND_STYLE["person"]
('人物 person', '#4e79a7', 'dot')
>>> script_json({"label": "A&B"})
'{"label": "A\\\\u0026B"}'
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pyvis

FONT_STACK = (
    "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', "
    "'Hiragino Sans GB', 'Microsoft YaHei', 'SimHei', sans-serif"
)

# kind -> (legend name, colour, vis shape); roles are edge labels, kept for foreign graphs
KIND_STYLE: dict[str, tuple[str, str, str]] = {
    "person": ("人物 person", "#4e79a7", "dot"),
    "org": ("机构 organisation", "#f28e2b", "square"),
    "place": ("地点 place", "#59a14f", "triangle"),
    "concept": ("概念 concept", "#b07aa1", "diamond"),
    "event": ("事件 event", "#e15759", "star"),
    "document": ("文档 document", "#9c755f", "hexagon"),
    "role": ("职务 role", "#76b7b2", "triangleDown"),
    "other": ("其他 other", "#bab0ac", "dot"),
}
RELATION_COLOUR: dict[str, str] = {
    "memberOf": "#4e79a7",
    "subOrganizationOf": "#f28e2b",
    "organizer": "#e15759",
    "location": "#59a14f",
    "partOf": "#edc948",
    "mentions": "#b07aa1",
    "about": "#9c755f",
}
LABEL_LIMIT = 30  # longer labels (document titles) are shortened on the canvas only
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def vis_options(n_nodes: int, *, physics: bool) -> dict[str, Any]:
    """vis-network options for a view of ``n_nodes`` drawn nodes: fonts, arrows, bounded physics.

    vis-network draws no label (the page draws them by level of detail, ``assets/labels.js``).
    Views of more than 300 nodes hide edges while dragging or zooming.

    >>> small, big = vis_options(50, physics=True), vis_options(2000, physics=False)
    >>> [o["physics"]["stabilization"]["iterations"] for o in (small, big)]
    [200, 50]
    >>> big["physics"]["enabled"], big["interaction"]["hideEdgesOnDrag"]
    (False, True)
    """
    big = n_nodes > 300
    # bounded work: about 100k node-iterations (200 for small graphs, 50 at 2,000 nodes)
    iterations = max(40, min(200, 100_000 // max(n_nodes, 1)))
    no_labels = {"label": {"enabled": False, "drawThreshold": 1_000_000}}
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {"font": {"face": FONT_STACK, "size": 14}, "borderWidth": 1, "scaling": no_labels},
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"face": FONT_STACK, "size": 10, "align": "middle"},
            "width": 1,
            "scaling": no_labels,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -4000,
                "springLength": 110,
                "springConstant": 0.04,
                "damping": 0.4,
                "avoidOverlap": 0.1,
            },
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50},
        },
        "interaction": {
            "hover": True,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "tooltipDelay": 300,
        },
    }


def short_label(text: str, *, limit: int = LABEL_LIMIT) -> str:
    """``text`` shortened with an ellipsis to at most ``limit`` characters (canvas labels).

    >>> short_label("某某市交通运输局", limit=5), short_label("某某公司", limit=5)
    ('某某市交…', '某某公司')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _asset(name: str) -> str:
    return resources.files("graph.network").joinpath("assets", name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text(
        encoding="utf-8"
    )


def script_json(value: object) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&`` and line separators escaped.

    >>> script_json({"label": "</script><img src=x onerror=alert(1)>"})
    '{"label": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    return _script_safe(json.dumps(value, ensure_ascii=False))


def _script_safe(text: str) -> str:
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(ch, esc)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def fill_page(title: str, data: object, info: object) -> str:
    """Our page template with vis-network, the viewer, ``data`` and the details ``info`` (both
    as safe JSON; the page parses ``info`` only when first needed) in-lined.

    >>> page = fill_page("示例 <图>", {"label": "</script><img src=x>"}, {})
    >>> "<title>示例 &lt;图&gt;</title>" in page, "<img src=x" in page, page.count("</script>")
    (True, False, 6)
    """
    dumped = (json.dumps(value, ensure_ascii=False) for value in (data, info))
    return "".join(iter_page(title, [next(dumped)], [next(dumped)]))


def json_pieces(data: dict[str, Any]) -> Iterator[str]:
    """The text of ``json.dumps(data, ensure_ascii=False)`` in pieces, a value that is an
    iterator written as a list, item by item (never the whole text, nor the whole list).

    >>> "".join(json_pieces({"a": iter([1, {"b": "文"}]), "c": []})) == json.dumps(
    ...     {"a": [1, {"b": "文"}], "c": []}, ensure_ascii=False)
    True
    """
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    yield "{"
    for i, (key, value) in enumerate(data.items()):
        yield f"{', ' if i else ''}{dumps(key)}: "
        if isinstance(value, Iterator):
            yield "["
            for j, item in enumerate(value):
                yield (", " if j else "") + dumps(item)
            yield "]"
        else:
            yield dumps(value)
    yield "}"


def iter_page(title: str, data_json: Iterable[str], info_json: Iterable[str]) -> Iterator[str]:
    """:func:`fill_page` in pieces, ``data`` and ``info`` given as pieces of their JSON text
    (each made safe inside ``<script>`` as it passes), so that a big graph's page is never one
    string."""
    parts = {
        "TITLE": html.escape(title),
        "VIS_CSS": _vis_asset("vis-network.css"),
        "VIS_JS": _vis_asset("vis-network.min.js"),
        "APP_CSS": _asset("view.css"),
        "LABELS_JS": _asset("labels.js"),
        "CLUSTERS_JS": _asset("clusters.js"),
        "APP_JS": _asset("view.js"),
    }
    template = _asset("page.html")
    at = 0
    for m in _PLACEHOLDER.finditer(template):
        yield template[at : m.start()]
        if m.group(1) in ("DATA", "INFO"):
            yield from map(_script_safe, data_json if m.group(1) == "DATA" else info_json)
        else:
            yield parts[m.group(1)]
        at = m.end()
    yield template[at:]


def page_note(nodes: int, clusters: int, whole: tuple[int, int]) -> str:
    """The note the page opens with: an empty graph, a page carrying part of a very large
    graph (``whole``: its nodes and edges), a graph opened on ``clusters`` super-nodes."""
    if nodes == 0:
        return "空图：没有可显示的节点。 Empty graph: nothing to draw."
    if nodes < whole[0]:
        return (
            f"超大图：本页收录连接最多的 {nodes:,} 个节点"
            f"（全图 {whole[0]:,} 个节点、{whole[1]:,} 条边），完整网络见 GraphML、"
            "node-link JSON 与 SPARQL。"
            f" Very large graph: this page carries the {nodes:,} best-connected"
            f" of {whole[0]:,} nodes ({whole[1]:,} edges); the GraphML and node-link JSON"
            " files and the SPARQL store hold them all."
        )
    if clusters:
        return (
            f"大图已聚合：{nodes:,} 个节点分为 {clusters:,} 个群组，"
            "点击群组展开，搜索可找到每个节点。"
            f" Large graph: {nodes:,} nodes in {clusters:,} clusters;"
            " click a cluster to expand it, double-click a member to fold it; search finds"
            " every node."
        )
    return ""
