"""GraphML (Gephi) and node-link JSON exports: round trips through networkx."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from html_sample import sample_graph

from graph.errors import ConfigError
from graph.network.graphml import flatten_graph, flatten_value, write_graphml
from graph.network.nodelink import read_nodelink, to_nodelink, write_nodelink


def test_graphml_round_trip(tmp_path: Path) -> None:
    g = sample_graph()
    path = tmp_path / "graph.graphml"
    write_graphml(g, path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.is_directed() and back.is_multigraph()
    assert back.number_of_nodes() == g.number_of_nodes() == 10
    assert back.number_of_edges() == g.number_of_edges() == 7
    assert {d["label"] for _, d in back.nodes(data=True)} == {
        d["label"] for _, d in g.nodes(data=True)
    }
    assert sorted(d["label"] for *_, d in back.edges(data=True)) == sorted(
        d["label"] for *_, d in g.edges(data=True)
    )
    assert set(back.edges(keys=True)) == set(g.edges(keys=True))
    lin = next(n for n, d in g.nodes(data=True) if d["label"] == "林晓峰")
    assert back.nodes[lin]["aliases"] == "小林"
    evidence = json.loads(back.nodes[lin]["evidence"])
    assert evidence == g.nodes[lin]["evidence"]
    text = path.read_text(encoding="utf-8")
    assert "林晓峰" in text and "<graphml" in text


def test_flatten_values() -> None:
    assert flatten_value(None) is None
    assert flatten_value(["a", 1]) == "a; 1"
    assert flatten_value([]) == ""
    assert json.loads(str(flatten_value({"b": 1}))) == {"b": 1}
    assert flatten_value(True) is True and flatten_value(0.5) == 0.5


def test_graphml_write_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    path.write_text("old", encoding="utf-8")
    g = nx.MultiDiGraph()
    g.add_node("a", label="甲", bad=object())  # an odd value is stringified, not an error
    write_graphml(g, path)
    assert "甲" in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["g.graphml"]


def test_nodelink_round_trip_is_lossless(tmp_path: Path) -> None:
    g = sample_graph()
    g.graph["base"] = "https://kg.example.org/id/"
    path = tmp_path / "graph.json"
    write_nodelink(g, path)
    back = read_nodelink(path)
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=str) == sorted(
        g.edges(keys=True, data=True), key=str
    )
    assert back.graph == g.graph
    assert "林晓峰" in path.read_text(encoding="utf-8")


def test_nodelink_bad_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such graph file"):
        read_nodelink(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a readable"):
        read_nodelink(bad)
    bad.write_text('{"nodes": []}', encoding="utf-8")
    with pytest.raises(ConfigError, match="needs 'nodes' and 'edges'"):
        read_nodelink(bad)


def _networkx_graphml(g: nx.MultiDiGraph) -> bytes:
    """What the writer wrote before it was streamed: networkx's own writer."""
    buf = io.BytesIO()
    nx.write_graphml(flatten_graph(g), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _odd_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.graph.update(name="x<&>", id="g1", count=2)
    g.add_node('a\n"b', weird=object(), n=3, f=1.5, t=True, items=[1, 2], empty="", none=None)
    g.add_node("c", evidence=[{"doc": "d<1>", "start": 0}])
    g.add_edge('a\n"b', "c", key=7, label="&", confidence=0.5)
    g.add_edge("c", "c", key="k")
    return g


def test_streamed_graphml_is_networkx_graphml(tmp_path: Path) -> None:
    for g in (sample_graph(), nx.MultiDiGraph(), _odd_graph()):
        path = tmp_path / "g.graphml"
        write_graphml(g, path)
        assert path.read_bytes() == _networkx_graphml(g)


def test_streamed_nodelink_is_json_dumps(tmp_path: Path) -> None:
    for g in (sample_graph(), nx.MultiDiGraph(), _odd_graph()):
        path = tmp_path / "g.json"
        write_nodelink(g, path)
        text = json.dumps(to_nodelink(g), ensure_ascii=False, separators=(",", ":"), default=str)
        assert path.read_text(encoding="utf-8") == text + "\n"
