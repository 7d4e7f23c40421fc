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
from pathlib import Path
from typing import Any

import networkx as nx

from graph.io.atomic import atomic_writer

log = logging.getLogger(__name__)

LIST_SEPARATOR = "; "


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
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, list | tuple | set | frozenset):
        items = list(value)
        if all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in items):
            return LIST_SEPARATOR.join(str(v) for v in items)
        return json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
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


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """Write ``g`` as GraphML (UTF-8, attributes flattened) to ``path`` atomically."""
    flat = flatten_graph(g)
    with atomic_writer(Path(path), mode="wb") as fh:
        nx.write_graphml(flat, fh, encoding="utf-8", prettyprint=True)
    log.info("wrote %s (%d nodes, %d edges)", path, flat.number_of_nodes(), flat.number_of_edges())
