"""The side panel's details of the HTML view: each entity's and edge's labels, documents,
roles and evidence, as JSON-ready dicts (``graph.network.html`` puts them on the page).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", kind="person", label="王小明", aliases=["小明"], docs=["a.txt"], evidence=[])
>>> g.add_node("o", kind="org", label="某某公司", aliases=[], docs=["a.txt"], evidence=[])
>>> _ = g.add_edge("p", "o", key="f", relation="memberOf", label="经理", docs=["a.txt"])
>>> node_info(g, "p")["roles"]
['经理 · 某某公司']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import networkx as nx

from graph.network.page import short_label


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


def roles_of(g: nx.MultiDiGraph, n: Any) -> list[str]:
    roles = []
    for _, org, data in g.out_edges(n, data=True):
        if data.get("relation") == "memberOf":
            org_label = str(g.nodes[org].get("label", org))
            roles.append(f"{data.get('label', '')} · {org_label}")
    return sorted(set(roles))


def edge_info(edge: tuple[Any, Any, Any, dict[str, Any]]) -> dict[str, Any]:
    """An edge's details for the side panel."""
    _, _, key, data = edge
    rel = str(data.get("relation", ""))
    conf = data.get("confidence")
    return {
        "key": str(key),
        "relation": rel,
        "label": str(data.get("label", "") or rel),
        "confidence": float(conf) if isinstance(conf, int | float) else None,
        "docs": str_list(data.get("docs")),
        "evidence": evidence_records(data.get("evidence")),
    }


def details_json(g: nx.MultiDiGraph) -> Iterator[str]:
    """The JSON text of the details block ``{"nodes": [...], "edges": [...]}`` in pieces, one
    node or edge at a time (the text of ``json.dumps`` of the whole block)."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    yield '{"nodes": ['
    for i, n in enumerate(g):
        yield (", " if i else "") + dumps(node_info(g, n))
    yield '], "edges": ['
    for j, e in enumerate(g.edges(keys=True, data=True)):
        yield (", " if j else "") + dumps(edge_info(e))
    yield "]}"


def document_names(g: nx.MultiDiGraph) -> dict[str, str]:
    """Document id -> display name: the id (file name), then its title when it has one."""
    names: dict[str, str] = {}
    for _, data in g.nodes(data=True):
        if data.get("kind") == "document":
            for doc in str_list(data.get("docs")):
                title = str(data.get("label", doc))
                names[doc] = doc if title == doc else f"{doc} · {short_label(title)}"
    for _, data in g.nodes(data=True):
        for doc in str_list(data.get("docs")):
            names.setdefault(doc, doc)
    return names


def node_info(g: nx.MultiDiGraph, n: Any) -> dict[str, Any]:
    """Node ``n``'s details for the side panel."""
    data = g.nodes[n]
    return {
        "label": str(data.get("label", n)),
        "iri": str(n),
        "aliases": str_list(data.get("aliases")),
        "docs": str_list(data.get("docs")),
        "roles": roles_of(g, n),
        "evidence": evidence_records(data.get("evidence")),
    }
