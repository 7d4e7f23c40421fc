"""The build's network on disk reads back as the networkx graph the same calls build: the same
nodes, edges, order and attributes, so GraphML, node-link JSON and the HTML page are the same
bytes (graph.network.ondisk, graph.network.source)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.build.merge import merge
from graph.extract.document import extract_document
from graph.network.convert import NetworkBuilder, NxTarget
from graph.network.details import EVIDENCE_SHOWN, node_infos
from graph.network.graphml import iter_graphml
from graph.network.html import render_html
from graph.network.nodelink import iter_nodelink
from graph.network.ondisk import DiskNetwork
from graph.network.source import Network, as_network
from graph.types import Document

TEXTS = (
    "东江市总工会主席林晓峰、副主席周立平出席会议。林晓峰指出，要弘扬劳模精神。",
    "3月5日，东华大学党委书记陈思远会见了东江市总工会主席林晓峰一行。",
    "长风网讯 东江市人民政府副市长胡文成到东华大学调研，校长贺明远陪同。",
)


def _build(target: NxTarget | DiskNetwork, texts: tuple[str, ...] = TEXTS) -> None:
    docs = [Document.from_text(f"d{i:02}.txt", t) for i, t in enumerate(texts)]
    kg = merge([extract_document(d) for d in docs])
    b = NetworkBuilder(target=target)
    for doc in kg.documents:
        b.add_document(doc)
    for e in kg.entities:
        b.add_entity(e)
    labels = {e.ref: e.label for e in kg.entities}
    for doc in sorted(kg.documents, key=lambda d: d.doc_id, reverse=True):
        sentences = {doc.doc_id: kg.sentences[doc.doc_id]}
        for e in kg.entities:
            spans = [m for m in e.mentions if m.doc_id == doc.doc_id]
            b.add_mentions(e.ref, spans, sentences)
        facts = [f for f in kg.facts if f.doc_id == doc.doc_id]
        b.add_facts(facts, labels, sentences)


def _both(tmp_path: Path) -> tuple[Network, DiskNetwork]:
    nx_target, disk = NxTarget(), DiskNetwork(tmp_path / "network.sqlite")
    _build(nx_target)
    _build(disk)
    disk.finish()
    return as_network(nx_target.graph), disk


def test_exports_from_disk_are_the_networkx_exports(tmp_path: Path) -> None:
    mem, disk = _both(tmp_path)
    assert mem.node_count() > 5 and mem.edge_count() > 2
    assert "".join(iter_graphml(disk)) == "".join(iter_graphml(mem))
    assert "".join(iter_nodelink(disk)) == "".join(iter_nodelink(mem))
    for aggregate_above in (1, 1000):  # clustered, and drawn in full
        page, report = render_html(disk, aggregate_above=aggregate_above)
        assert (page, report) == render_html(mem, aggregate_above=aggregate_above)
    part, report = render_html(disk, max_nodes=4)  # the best-connected entities only
    assert report.left_out == mem.node_count() - 4
    assert (part, report) == render_html(mem, max_nodes=4)
    disk.close()
    assert not (tmp_path / "network.sqlite").exists()


def test_network_is_read_only_once_finished(tmp_path: Path) -> None:
    disk = DiskNetwork(tmp_path / "n.sqlite")
    disk.add_node("a", {"kind": "org"})
    with pytest.raises(Exception, match="before it was finished"):
        list(disk.edges())
    disk.close()


NODES = [f"n{i}" for i in range(6)]
operations = st.lists(
    st.one_of(
        st.tuples(st.just("evidence"), st.sampled_from(NODES), st.lists(st.sampled_from("abc"))),
        st.tuples(
            st.just("edge"),
            st.sampled_from(NODES),
            st.sampled_from(NODES),
            st.sampled_from(["k1", "k2", "k3"]),
            st.sampled_from(["memberOf", "mentions"]),
        ),
    ),
    max_size=30,
)


def _apply(target: NxTarget | DiskNetwork, ops: list[tuple[Any, ...]], n: int) -> None:
    for i, node in enumerate(NODES[:n]):
        kind = "document" if i == 0 else ("org" if i % 2 else "person")
        attrs = {"kind": kind, "label": f"标签{i}", "aliases": [], "docs": [], "evidence": []}
        target.add_node(node, attrs)
    for step, op in enumerate(ops):
        if op[1] not in target or (op[0] == "edge" and op[2] not in target):
            continue
        if op[0] == "evidence":
            target.add_evidence(op[1], [{"doc": d, "start": step} for d in op[2]])
        else:
            _, u, v, key, rel = op
            target.add_edge(u, v, key, {"relation": rel, "label": f"职务{step}", "docs": []})


@settings(max_examples=60, deadline=None)
@given(ops=operations, n=st.integers(1, len(NODES)))
def test_any_calls_read_back_as_networkx(ops: list[tuple[Any, ...]], n: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        nx_target, disk = NxTarget(), DiskNetwork(Path(tmp) / "n.sqlite")
        _apply(nx_target, ops, n)
        _apply(disk, ops, n)
        disk.finish()
        mem = as_network(nx_target.graph)
        assert list(disk.nodes()) == list(mem.nodes())
        assert list(disk.edges()) == list(mem.edges())
        assert list(disk.ends()) == list(mem.ends())
        assert list(disk.roles()) == list(mem.roles())
        assert disk.kinds() == mem.kinds() and disk.edge_count() == mem.edge_count()
        disk.close()


def test_the_page_shows_the_first_evidence_and_counts_the_rest(tmp_path: Path) -> None:
    texts = ("东江市总工会主席林晓峰出席会议。",) * 30
    nx_target, disk = NxTarget(), DiskNetwork(tmp_path / "many.sqlite")
    _build(nx_target, texts)
    _build(disk, texts)
    disk.finish()
    infos = [{i["label"]: i for i in node_infos(g)} for g in (as_network(nx_target.graph), disk)]
    for info in infos:
        person = info["林晓峰"]
        assert len(person["evidence"]) == EVIDENCE_SHOWN
        assert person["more"] == 30 - EVIDENCE_SHOWN
    assert infos[0] == infos[1]
