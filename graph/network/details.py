"""The side panel's details of the HTML view: each entity's and edge's labels, documents,
roles and evidence, as JSON-ready dicts (``graph.network.html`` puts them on the page).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", kind="person", label="王小明", aliases=["小明"], docs=["a.txt"], evidence=[])
>>> g.add_node("o", kind="org", label="某某公司", aliases=[], docs=["a.txt"], evidence=[])
>>> _ = g.add_edge("p", "o", key="f", relation="memberOf", label="经理", docs=["a.txt"])
>>> [info["roles"] for info in node_infos(g)]
[['经理 · 某某公司'], []]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import networkx as nx

from graph.network.page import short_label
from graph.network.source import Attrs, EdgeItem, Network, as_network


def str_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple | set):
        return [str(v) for v in value]
    return [str(value)]


def evidence_records(value: object) -> list[dict[str, Any]]:
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


def edge_info(edge: EdgeItem) -> dict[str, Any]:
    """An edge's details for the side panel."""
    _, _, key, data = edge
    rel = str(data.get("relation", ""))
    shown, more = _shown(data)
    conf = data.get("confidence")
    return {
        "key": str(key),
        "relation": rel,
        "label": str(data.get("label", "") or rel),
        "confidence": float(conf) if isinstance(conf, int | float) else None,
        "docs": str_list(data.get("docs")),
        "evidence": shown,
        "more": more,
    }


def details_json(g: Network) -> Iterator[str]:
    """The JSON text of the details block ``{"nodes": [...], "edges": [...]}`` in pieces, one
    node or edge at a time (the text of ``json.dumps`` of the whole block)."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    yield '{"nodes": ['
    for i, info in enumerate(node_infos(g)):
        yield (", " if i else "") + dumps(info)
    yield '], "edges": ['
    for j, e in enumerate(g.edges()):
        yield (", " if j else "") + dumps(edge_info(e))
    yield "]}"


def document_names(g: Network) -> dict[str, str]:
    """Document id -> display name: the id (file name), then its title when it has one."""
    names: dict[str, str] = {}
    others: dict[str, None] = {}  # every document named, in order of first mention
    for _, data in g.nodes(evidence=False):
        docs = str_list(data.get("docs"))
        if data.get("kind") == "document":
            for doc in docs:
                title = str(data.get("label", doc))
                names[doc] = doc if title == doc else f"{doc} · {short_label(title)}"
        others.update(dict.fromkeys(docs))
    for doc in others:
        names.setdefault(doc, doc)
    return names


def node_infos(graph: nx.MultiDiGraph | Network) -> Iterator[dict[str, Any]]:
    """Each node's details for the side panel, in graph order: the first ``EVIDENCE_SHOWN``
    evidence records and how many more there are (``more``)."""
    g = as_network(graph)
    nodes = g.nodes(evidence_limit=EVIDENCE_SHOWN)
    for (n, data), roles in zip(nodes, g.roles(), strict=True):
        yield _node_info(n, data, roles)


EVIDENCE_SHOWN = 20
"""Evidence records the side panel shows for a node or an edge (the page says how many more:
an entity named in thousands of documents would make the page, and its writer, huge)."""


def _shown(data: Attrs) -> tuple[list[dict[str, Any]], int]:
    """The evidence records shown and the number left out."""
    found = data.get("evidence")
    raw = list(found[:EVIDENCE_SHOWN]) if isinstance(found, list | tuple) else []
    total = data.get("evidence_total")
    if not isinstance(total, int):
        total = len(found) if isinstance(found, list | tuple) else 0
    return evidence_records(raw), max(0, total - len(raw))


def _node_info(n: Any, data: Attrs, roles: list[str]) -> dict[str, Any]:
    shown, more = _shown(data)
    return {
        "label": str(data.get("label", n)),
        "iri": str(n),
        "aliases": str_list(data.get("aliases")),
        "docs": str_list(data.get("docs")),
        "roles": roles,
        "evidence": shown,
        "more": more,
    }
