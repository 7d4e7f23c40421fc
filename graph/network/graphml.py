"""GraphML export for Gephi, yEd and Cytoscape.

GraphML holds only scalar attributes, so lists are joined with ``"; "`` and ``evidence`` (a
list of span records) and any other dict-valued attribute become JSON strings.  Node ids are
the entity IRIs; edge ids are the fact keys; ``label`` is what Gephi shows.

>>> import tempfile, pathlib
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", kind="person", label="王小明", aliases=["小明", "王某"], evidence=[])
>>> g.add_node("o", kind="org", label="某某公司", aliases=[], evidence=[])
>>> _ = g.add_edge("p", "o", key="f1", relation="memberOf", label="经理", confidence=0.9)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
>>> write_graphml(g, path)
>>> back = nx.read_graphml(path, force_multigraph=True)
>>> back.nodes["p"]["aliases"], back.nodes["p"]["label"]
('小明; 王某', '王小明')
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.io.atomic import atomic_writer
from graph.network.source import Network, as_network

log = logging.getLogger(__name__)

LIST_SEPARATOR = "; "
# json.dumps(value, ensure_ascii=False, sort_keys=True, default=str), without a new encoder
# for every value
_DUMPS = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode


def flatten_value(value: Any) -> str | int | float | bool | None:
    """A GraphML-storable form of one attribute value (None means: leave it out).

    >>> flatten_value(["a", "b"]), flatten_value(3), flatten_value([{"doc": "d"}])
    ('a; b', 3, '[{"doc": "d"}]')
    """
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dict):
        return _DUMPS(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = list(value)
        if all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in items):
            return LIST_SEPARATOR.join(str(v) for v in items)
        return _DUMPS(items)
    return str(value)


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        flat = flatten_value(value)
        if flat is not None:
            out[str(key)] = flat
    return out


def flatten_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose node, edge and graph attributes are all GraphML scalars."""
    flat = nx.MultiDiGraph()
    flat.graph.update(_flat(dict(g.graph)))
    for n, data in g.nodes(data=True):
        flat.add_node(str(n), **_flat(data))
    for u, v, key, data in g.edges(keys=True, data=True):
        flat.add_edge(str(u), str(v), key=str(key), **_flat(data))
    return flat


_NS = nx.readwrite.graphml.GraphML
_ROOT = (
    f'<graphml xmlns="{_NS.NS_GRAPHML}" xmlns:xsi="{_NS.NS_XSI}" '
    f'xsi:schemaLocation="{_NS.SCHEMALOCATION}">'
)
_XML_TYPE = {bool: "boolean", int: "long", float: "double", str: "string"}  # as networkx
_FLUSH = 1 << 20  # characters buffered between writes


def _escape(text: str, *, attribute: bool = False) -> str:
    """XML escaping as ``xml.etree.ElementTree`` does it (what networkx's writer uses)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;")
        text = text.replace("\t", "&#09;")
    return text


def _flat_type(value: Any) -> type | None:
    """The type of ``flatten_value(value)``, without flattening it."""
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return type(value)
    return str


def _keys(g: Network) -> dict[tuple[str, str, str], str]:
    """(name, GraphML type, scope) -> key id, numbered as networkx numbers them: graph, then
    node, then edge attributes, in the order they are first met (a list's type is "string"
    whatever it holds, so the nodes' evidence need not be read)."""
    keys: dict[tuple[str, str, str], str] = {}
    scopes: list[tuple[str, Iterable[dict[str, Any]]]] = [
        ("graph", [_graph_attrs(g)]),
        ("node", (d for _, d in g.nodes(evidence=False))),
        ("edge", (d for *_, d in g.edges())),
    ]
    for scope, records in scopes:
        for data in records:
            for name, value in data.items():
                kind = _flat_type(value)
                if kind is not None:
                    keys.setdefault((str(name), _XML_TYPE.get(kind, "string"), scope), "")
    return {k: f"d{i}" for i, k in enumerate(keys)}


def _data(
    out: list[str], attrs: dict[str, Any], scope: str, keys: dict[tuple[str, str, str], str]
) -> None:
    for name, value in attrs.items():
        flat = flatten_value(value)
        if flat is None:
            continue
        kid = keys[(str(name), _XML_TYPE.get(type(flat), "string"), scope)]
        text = _escape(str(flat))
        out.append(f'<data key="{kid}">{text}</data>' if text else f'<data key="{kid}" />')


def _element(head: str, children: list[str], indent: str, tag: str) -> str:
    """An element and its children (one per line, one level deeper), as networkx indents."""
    if not children:
        return f"{indent}{head} />\n"
    inner = "".join(f"{indent}  {c}\n" for c in children)
    return f"{indent}{head}>\n{inner}{indent}</{tag}>\n"


def iter_graphml(graph: nx.MultiDiGraph | Network) -> Iterator[str]:
    """GraphML of ``graph`` (attributes flattened) in pieces, one node or edge at a time: the
    same text as ``networkx.write_graphml`` of :func:`flatten_graph` (``prettyprint``), without
    building the document in memory."""
    g = as_network(graph)
    keys = _keys(g)
    yield f"<?xml version='1.0' encoding='utf-8'?>\n{_ROOT}\n"
    for (name, kind, scope), kid in reversed(keys.items()):
        name = _escape(name, attribute=True)
        yield f'  <key id="{kid}" for="{scope}" attr.name="{name}" attr.type="{kind}" />\n'
    graph_data: list[str] = []
    _data(graph_data, _graph_attrs(g), "graph", keys)
    gid = flatten_value(g.graph_attrs().get("id"))
    head = f'<graph edgedefault="directed"{_id_attr(gid)}'
    if not g.node_count() and not graph_data:
        yield f"  {head} />\n</graphml>\n"
        return
    yield f"  {head}>\n"
    for n, attrs in g.nodes():
        children: list[str] = []
        _data(children, attrs, "node", keys)
        yield _element(f'<node id="{_escape(str(n), attribute=True)}"', children, "    ", "node")
    for u, v, k, attrs in g.edges():
        children = []
        _data(children, attrs, "edge", keys)
        ends = (
            f'source="{_escape(str(u), attribute=True)}" target="{_escape(str(v), attribute=True)}"'
        )
        head = f'<edge {ends} id="{_escape(str(k), attribute=True)}"'
        yield _element(head, children, "    ", "edge")
    yield "".join(f"    {c}\n" for c in graph_data)
    yield "  </graph>\n</graphml>\n"


def _graph_attrs(g: Network) -> dict[str, Any]:
    """The graph's own attributes as networkx writes them (its ``id`` is the element's)."""
    skip = ("id", "node_default", "edge_default")
    return {str(k): v for k, v in g.graph_attrs().items() if str(k) not in skip}


def _id_attr(gid: Any) -> str:
    return "" if gid is None else f' id="{_escape(str(gid), attribute=True)}"'


def write_graphml(graph: nx.MultiDiGraph | Network, path: Path) -> None:
    """Write ``graph`` as GraphML (UTF-8, attributes flattened) to ``path`` atomically,
    streamed."""
    g = as_network(graph)
    buffered: list[str] = []
    size = 0
    with atomic_writer(Path(path), mode="wb") as fh:
        for piece in iter_graphml(g):
            buffered.append(piece)
            size += len(piece)
            if size >= _FLUSH:
                fh.write("".join(buffered).encode("utf-8", "xmlcharrefreplace"))
                buffered, size = [], 0
        fh.write("".join(buffered).encode("utf-8", "xmlcharrefreplace"))
    log.info("wrote %s (%d nodes, %d edges)", path, g.node_count(), g.edge_count())
