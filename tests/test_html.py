"""The HTML view without a browser: offline page, escaping, capping."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from html_sample import EVIL, sample_graph

from graph.network.html import render_html, write_html


def page_data(page: str) -> dict[str, Any]:
    """The page's data block, with its details block as ``info``."""
    blocks = {}
    for name in ("data", "info"):
        m = re.search(rf'<script type="application/json" id="kg-{name}">(.*?)</script>', page, re.S)
        assert m, f"{name} block missing"
        blocks[name] = json.loads(m.group(1))
    data: dict[str, Any] = blocks["data"]
    data["info"] = blocks["info"]
    return data


def test_page_carries_every_node_and_edge() -> None:
    """Each node of the graph is on the page with its IRI, label and kind; each edge with its
    ends, key and label (the sample is below every cap, so nothing may be dropped)."""
    g = sample_graph()
    data = page_data(render_html(g)[0])
    info = data["info"]
    iri = {n["id"]: info["nodes"][n["id"]]["iri"] for n in data["nodes"]}
    shown = {iri[n["id"]]: (info["nodes"][n["id"]]["label"], n["kind"]) for n in data["nodes"]}
    assert shown == {n: (d["label"], d["kind"]) for n, d in g.nodes(data=True)}
    for n in data["nodes"]:  # the drawn label is the full one or a clipped prefix of it
        full = info["nodes"][n["id"]]["label"]
        assert n["label"] == full or (n["label"].endswith("…") and full.startswith(n["label"][:-1]))
    edges = {
        (iri[e["from"]], iri[e["to"]], info["edges"][e["id"]]["key"], e["label"])
        for e in data["edges"]
    }
    assert len(data["edges"]) == g.number_of_edges()
    assert edges == {(u, v, k, d["label"]) for u, v, k, d in g.edges(keys=True, data=True)}


def test_page_has_no_remote_resources(tmp_path: Path) -> None:
    report = write_html(sample_graph(), tmp_path / "g.html")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page, re.I)
    assert tags, "no tags found"
    assert not [t for t in tags if re.search(r"(?:src|href)\s*=", t, re.I)]
    assert "bootstrap" not in page.lower()
    assert "vis.Network" in page and "DataSet" in page
    assert page.count("<h1") == 1
    assert report.shown_nodes == report.total_nodes == 10 and not report.clusters


def test_untrusted_labels_are_escaped() -> None:
    title = "</title><script>alert(2)</script>"
    g = sample_graph()
    g.add_node("x", kind="org", label="</script><script>alert(3)</script>", aliases=[EVIL])
    page, _ = render_html(g, title=title)
    assert "<img src=x" not in page
    assert "<script>alert" not in page
    assert "&lt;/title&gt;&lt;script&gt;alert(2)" in page
    data = page_data(page)
    labels = {n["label"] for n in data["info"]["nodes"]}
    assert EVIL in labels and "</script><script>alert(3)</script>" in labels
    assert "innerHTML" not in page.split('id="kg-data"')[1]


def test_data_block_carries_kinds_roles_and_evidence() -> None:
    data = page_data(render_html(sample_graph())[0])
    by_label = {n["label"]: n for n in data["nodes"]}
    lin = by_label["林晓峰"]
    info = data["info"]["nodes"][lin["id"]]
    assert info["aliases"] == ["小林"]
    assert info["roles"] == ["经理 · 星河科技有限公司"]
    ev = info["evidence"][0]
    assert (
        ev["sentence"][ev["start"] - ev["sentence_start"] : ev["end"] - ev["sentence_start"]]
        == "林晓峰"
    )
    assert by_label["星河科技有限公司"]["shape"] != lin["shape"]
    assert by_label["星河科技有限公司"]["size"] > by_label["赵雨桐"]["size"]
    assert {k["kind"] for k in data["kinds"]} == {
        "person",
        "org",
        "place",
        "event",
        "concept",
        "document",
    }
    assert {d["id"] for d in data["docs"]} == {"星河新闻.txt", "年会.txt"}
    assert {e["label"] for e in data["edges"]} >= {"经理", "主席", "承办", "表示"}


def test_large_graph_is_aggregated_whole() -> None:
    """Above the threshold every node is still on the page, each in one community; the page
    opens on the super-nodes (with member counts), and a note says so."""
    g = nx.MultiDiGraph()
    for i in range(60):
        g.add_node(i, kind="person", label=f"人{i}")
    for i in range(1, 60):
        g.add_edge(0 if i < 30 else 30, i)
    g.add_node("alone", kind="org", label="孤立机构")
    page, report = render_html(g, aggregate_above=25)
    data = page_data(page)
    assert len(data["nodes"]) == 61 and len(data["edges"]) == 59
    assert report.clusters == len(data["collapsed"]) >= 2 and report.shown_nodes < 61
    counts = {k["id"]: k["count"] for k in data["clusters"]}
    assert sum(counts.values()) == 61
    for c, k in enumerate(data["clusters"]):
        assert k["count"] == sum(1 for n in data["nodes"] if n["c"] == c)
        assert f"({k['count']:,})" in k["label"]
    assert "61" in data["note"] and str(report.clusters) in data["note"]
    hubs = {data["nodes"][m[0]]["c"] for m in ([0], [30])}
    assert len(hubs) == 2  # the two stars are two communities
    with pytest.raises(ValueError):
        render_html(g, aggregate_above=0)


def test_small_graph_is_drawn_in_full() -> None:
    page, report = render_html(sample_graph())
    data = page_data(page)
    assert report.clusters == 0 and data["collapsed"] == [] and data["note"] == ""
    assert report.shown_nodes == 10 and report.shown_edges == 7


def test_communities_are_laid_out_apart() -> None:
    """Members sit inside their community's disc; two discs never overlap."""
    from graph.network.overview import communities, disc_radius, layout

    g = nx.MultiDiGraph()
    for o in range(6):
        g.add_node(f"o{o}", kind="org", label=f"机构{o}")
        for p in range(5 + 3 * o):
            g.add_edge(f"p{o}-{p}", f"o{o}", relation="memberOf")
    comm = communities(g, max_size=40, min_size=2)
    assert len(comm.members) == 6
    xy, centres = layout(comm)
    for c, group in enumerate(comm.members):
        for i in group:
            d = ((xy[i][0] - centres[c][0]) ** 2 + (xy[i][1] - centres[c][1]) ** 2) ** 0.5
            assert d <= disc_radius(len(group)) + 1
    for a in range(6):
        for b in range(a):
            d = ((centres[a][0] - centres[b][0]) ** 2 + (centres[a][1] - centres[b][1]) ** 2) ** 0.5
            assert d > disc_radius(len(comm.members[a])) + disc_radius(len(comm.members[b]))


def test_baked_positions_turn_physics_off() -> None:
    g = sample_graph()
    for i, n in enumerate(g.nodes):
        g.nodes[n]["x"], g.nodes[n]["y"] = float(i * 10), 0.0
    page, report = render_html(g)
    assert not report.physics
    data = page_data(page)
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n for n in data["nodes"])


_RENDER_IN_A_FRESH_PROCESS = """
import hashlib
import networkx as nx
from graph.network.html import render_html

g = nx.MultiDiGraph()
for i in range(160):  # more than 100 nodes: the page carries seeded start positions
    g.add_node(f"p{i}", kind="person", label=f"人{i}")
for j in range(12):
    g.add_node(f"o{j}", kind="org", label=f"机构{j}")
for i in range(160):
    g.add_edge(f"p{i}", f"o{i % 12}", key=f"m{i}", relation="memberOf", label="主任")
    g.add_edge(f"o{(i * 7) % 12}", f"p{i}", key=f"x{i}", relation="mentions", label="")
html, _ = render_html(g)
print(hashlib.sha256(html.encode()).hexdigest())
"""


def test_the_page_does_not_depend_on_the_hash_seed() -> None:
    """Python salts str hashes per process: a page built from set order would differ."""
    import os
    import subprocess
    import sys

    digests = set()
    for seed in ("1", "2", "3", "4"):
        proc = subprocess.run(
            [sys.executable, "-c", _RENDER_IN_A_FRESH_PROCESS],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        digests.add(proc.stdout.strip())
    assert len(digests) == 1
