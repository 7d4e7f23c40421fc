"""``kg view``: focus neighbourhoods and CONSTRUCT results as HTML views."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from html_sample import sample_graph

from graph.errors import ConfigError
from graph.network.nodelink import write_nodelink
from graph.network.view import rdf_to_networkx, write_view

TTL = """\
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix kg: <https://kg.example.org/id/> .
kg:person-1 a foaf:Person ; rdfs:label "林晓峰"@zh ; org:memberOf kg:org-1 .
kg:person-2 a foaf:Person ; rdfs:label "赵雨桐"@zh ; org:memberOf kg:org-2 .
kg:org-1 a org:Organization ; rdfs:label "星河科技有限公司"@zh ; skos:altLabel "星河科技"@zh .
kg:org-2 a org:Organization ; rdfs:label "星河科技工会"@zh ; org:subOrganizationOf kg:org-1 .
"""
CONSTRUCT = """\
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?p a ?t ; rdfs:label ?l ; org:memberOf ?o .
            ?o a ?ot ; rdfs:label ?ol ; skos:altLabel ?alt }
WHERE { ?p org:memberOf ?o ; a ?t ; rdfs:label ?l . ?o a ?ot ; rdfs:label ?ol .
        OPTIONAL { ?o skos:altLabel ?alt } }
"""


def _data(path: Path) -> dict[str, Any]:
    page = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    i = re.search(r'<script type="application/json" id="kg-info">(.*?)</script>', page, re.S)
    assert m and i  # the details (info) are a block of their own, parsed by the page on demand
    data: dict[str, Any] = json.loads(m.group(1))
    data["info"] = json.loads(i.group(1))
    return data


@pytest.fixture()
def export_dir(tmp_path: Path) -> Path:
    write_nodelink(sample_graph(), tmp_path / "graph.json")
    (tmp_path / "graph.ttl").write_text(TTL, encoding="utf-8")
    return tmp_path


def test_focus_one_hop(export_dir: Path) -> None:
    path = write_view(export_dir, focus="赵雨桐", hops=1, query_file=None, out=None)
    assert path == export_dir / "view-赵雨桐-1hop.html"
    data = _data(path)
    assert sorted(n["label"] for n in data["info"]["nodes"]) == ["星河科技工会", "赵雨桐"]
    assert data["info"]["nodes"][data["focus"]]["label"] == "赵雨桐"


def test_focus_by_alias_two_hops(export_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "v.html"
    assert write_view(export_dir, focus="小林", hops=2, query_file=None, out=out) == out
    labels = {n["label"] for n in _data(out)["info"]["nodes"]}
    assert {"林晓峰", "星河科技有限公司", "星河科技工会", "创新精神"} <= labels
    assert "赵雨桐" not in labels  # three hops away


def test_focus_unknown_lists_close_matches(export_dir: Path) -> None:
    with pytest.raises(ConfigError, match=r"no entity labelled '星河科技公司'.*星河科技有限公司"):
        write_view(export_dir, focus="星河科技公司", hops=1, query_file=None, out=None)
    with pytest.raises(ConfigError, match="--hops"):
        write_view(export_dir, focus="赵雨桐", hops=-1, query_file=None, out=None)


def test_query_construct_over_ttl(export_dir: Path, tmp_path: Path) -> None:
    rq = tmp_path / "members.rq"
    rq.write_text(CONSTRUCT, encoding="utf-8")
    path = write_view(export_dir, focus=None, hops=1, query_file=rq, out=None)
    assert path == export_dir / "view-query-members.html"
    data = _data(path)
    by_label = {i["label"]: n for i, n in zip(data["info"]["nodes"], data["nodes"], strict=True)}
    assert set(by_label) == {"林晓峰", "赵雨桐", "星河科技有限公司", "星河科技工会"}
    assert by_label["林晓峰"]["kind"] == "person" and by_label["星河科技工会"]["kind"] == "org"
    assert {e["label"] for e in data["edges"]} == {"memberOf"}
    info = {i["label"]: i for i in data["info"]["nodes"]}
    assert info["星河科技有限公司"]["aliases"] == ["星河科技"]


def test_query_must_be_construct(export_dir: Path, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(ConfigError, match="CONSTRUCT"):
        write_view(export_dir, focus=None, hops=1, query_file=rq, out=None)
    with pytest.raises(ConfigError, match="either"):
        write_view(export_dir, focus="x", hops=1, query_file=rq, out=None)


def test_whole_graph_and_missing_export(export_dir: Path, tmp_path: Path) -> None:
    path = write_view(export_dir, focus=None, hops=1, query_file=None, out=None)
    assert path.name == "view-all.html" and len(_data(path)["nodes"]) == 10
    with pytest.raises(ConfigError, match="kg build"):
        write_view(tmp_path / "empty", focus="x", hops=1, query_file=None, out=None)


def test_query_through_store(export_dir: Path, tmp_path: Path) -> None:
    store = pytest.importorskip("graph.sparql.store")
    import rdflib

    nt = rdflib.Graph().parse(data=TTL, format="turtle").serialize(format="nt").encode()
    with store.open_store(export_dir / "store") as s:
        s.replace_graph("https://kg.example.org/id/graph-1", nt)
    (export_dir / "graph.ttl").unlink()
    rq = tmp_path / "members.rq"
    rq.write_text(CONSTRUCT, encoding="utf-8")
    data = _data(write_view(export_dir, focus=None, hops=1, query_file=rq, out=None))
    assert len(data["nodes"]) == 4 and len(data["edges"]) == 2


def test_rdf_to_networkx_blank_nodes_and_types() -> None:
    from rdflib import BNode, Literal, URIRef

    from graph.rdf.vocab import RDF, SCHEMA, SKOS

    b = BNode("x")
    g = rdf_to_networkx(
        [
            (b, RDF.type, SCHEMA.Event),
            (b, SCHEMA.location, URIRef("http://x/place")),
            (URIRef("http://x/place"), SKOS.prefLabel, Literal("会展中心")),
        ]
    )
    assert g.nodes["_:x"]["kind"] == "event"
    assert g.nodes["http://x/place"]["label"] == "会展中心"
    assert g.nodes["http://x/place"]["kind"] == "other"
