"""Lossless JSON node-link form of the graph (``exports/graph.json``).

Views are regenerated from it without re-extraction: ``read_nodelink(write_nodelink(g))`` gives
back the same nodes, edges, keys and attributes (tuples come back as lists).

>>> import tempfile, pathlib
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", kind="person", label="王小明", aliases=["小明"])
>>> _ = g.add_edge("p", "p", key="k", relation="mentions", evidence=[{"doc": "a", "start": 0}])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
>>> write_nodelink(g, path)
>>> h = read_nodelink(path)
>>> dict(h.nodes(data=True)) == dict(g.nodes(data=True)), list(h.edges(keys=True, data=True))
(True, [('p', 'p', 'k', {'relation': 'mentions', 'evidence': [{'doc': 'a', 'start': 0}]})])
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import ConfigError
from graph.io.atomic import atomic_writer
from graph.network.source import Network, as_network

log = logging.getLogger(__name__)

FORMAT = "zhkg-nodelink/1"


def to_nodelink(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The JSON-ready node-link dict of ``g`` (networkx layout, ``edges`` key, a format tag)."""
    data: dict[str, Any] = nx.node_link_data(g, edges="edges")
    data["format"] = FORMAT
    return data


def from_nodelink(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Inverse of :func:`to_nodelink`: always a ``MultiDiGraph``."""
    body = {k: v for k, v in data.items() if k != "format"}
    body["directed"] = True
    body["multigraph"] = True
    g = nx.node_link_graph(body, directed=True, multigraph=True, edges="edges")
    if not isinstance(g, nx.MultiDiGraph):  # pragma: no cover - forced above
        g = nx.MultiDiGraph(g)
    return g


def iter_nodelink(graph: nx.MultiDiGraph | Network) -> Iterator[str]:
    """The text of :func:`write_nodelink` in pieces, one node or edge at a time (the same text
    as ``json.dumps(to_nodelink(g))`` with its options, without the whole dict in memory)."""
    g = as_network(graph)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode
    yield f'{{"directed":true,"multigraph":true,"graph":{dumps(g.graph_attrs())},"nodes":['
    for i, (n, data) in enumerate(g.nodes()):
        yield ("," if i else "") + dumps({**data, "id": n})
    yield '],"edges":['
    for i, (u, v, k, data) in enumerate(g.edges()):
        yield ("," if i else "") + dumps({**data, "source": u, "target": v, "key": k})
    yield f'],"format":{dumps(FORMAT)}}}\n'


def write_nodelink(graph: nx.MultiDiGraph | Network, path: Path) -> None:
    """Write ``graph`` as node-link JSON (UTF-8, Chinese kept readable) to ``path``
    atomically, streamed."""
    g = as_network(graph)
    with atomic_writer(Path(path)) as fh:
        fh.writelines(iter_nodelink(g))
    log.info("wrote %s (%d nodes, %d edges)", path, g.node_count(), g.edge_count())


def read_nodelink(path: Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_nodelink`; ConfigError names a bad file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(f"{path}: no such graph file (run `kg build` first)") from e
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"{path}: not a readable node-link JSON graph: {e}") from e
    if not isinstance(data, dict) or "nodes" not in data or "edges" not in data:
        raise ConfigError(f"{path}: not a node-link graph (needs 'nodes' and 'edges')")
    try:
        return from_nodelink(data)
    except (KeyError, TypeError, nx.NetworkXError) as e:
        raise ConfigError(f"{path}: malformed node-link graph: {e}") from e
