"""`kg query` / `kg stats`: named queries, bindings, formats, errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import __version__
from graph.cli import cli, main
from graph.errors import ConfigError, QueryError
from graph.sparql.query import graph_stats, named_queries, run_cli_query
from graph.sparql.store import open_store, store_dir

FIXTURE = Path(__file__).parent / "fixtures" / "sparql_small.trig"
SHARED_NAMES = {
    "q1_union_chairs", "q2_who_talked_about", "q3_suborganisations", "q4_provenance_membership",
    "q5_provenance_triple", "q6_events", "q7_conflicting_roles", "q8_claims_asserted",
    "q9_offset_check", "q10_docs_mentioning", "x_export_web_annotation",
}  # fmt: skip


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    with open_store(store_dir(out)) as store:
        store.load_dataset(FIXTURE.read_bytes())
    return out


# A third document, written for these tests, with what the corpus lacks: an event and a
# statement that mentions concepts.  Everything expected below is read off these texts.
EVENT_DOC = (
    "天津市工会工作培训班开班\n\n"
    "2019年5月28日到6月1日，由天津市总工会承办的2019年天津市工会工作培训班在市委党校举办，"
    "全市86名新任工会主席参加培训。\n\n"
    "天津市总工会副主席刘长海表示，要大力弘扬劳模精神和工匠精神。\n"
)
# posts stated in the texts: (person, organisation, role, document)
POSTS = {
    ("王建民", "河北省农业厅", "党组书记", "a.txt"), ("王建民", "河北省农业厅", "厅长", "a.txt"),
    ("李红梅", "河北省农业厅", "副厅长", "a.txt"),
    ("张志强", "石家庄市总工会", "副主席", "a.txt"), ("张志强", "石家庄市总工会", "党组成员", "a.txt"),
    ("陈国华", "河北钢铁集团有限公司工会", "主席", "a.txt"),
    ("陈国华", "河北钢铁集团有限公司工会", "副主席", "b.txt"),
    ("周明远", "华北电力大学党委", "副书记", "b.txt"), ("周明远", "华北电力大学纪委", "书记", "b.txt"),
    ("周明远", "华北电力大学工会", "主席", "b.txt"), ("刘长海", "天津市总工会", "副主席", "c.txt"),
}  # fmt: skip
SUB_BODIES = {  # X工会 / X党委 / X纪委 is a sub-organisation of X
    ("河北钢铁集团有限公司工会", "河北钢铁集团有限公司"), ("华北电力大学工会", "华北电力大学"),
    ("华北电力大学党委", "华北电力大学"), ("华北电力大学纪委", "华北电力大学"),
}  # fmt: skip
CONCEPTS = {"劳模精神", "工匠精神"}
Rows = list[dict[str, str]]


@pytest.fixture(scope="module")
def built_texts(
    tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path
) -> tuple[Path, dict[str, str]]:
    """An export built from the fixture corpus plus EVENT_DOC, and the text of each document."""
    from graph.build.pipeline import BuildOptions, build_corpus

    seeds = tmp_path_factory.mktemp("seeds") / "corpus"
    shutil.copytree(corpus_dir, seeds)
    (seeds / "c.txt").write_text(EVENT_DOC, encoding="utf-8")
    out = tmp_path_factory.mktemp("built")
    build_corpus(seeds, out, options=BuildOptions())
    return out, {p.name: p.read_text(encoding="utf-8") for p in seeds.iterdir()}


def _select(graph_dir: Path, name: str, *bindings: str) -> tuple[list[str], Rows]:
    out = json.loads(run_cli_query(graph_dir, None, name=name, bindings=bindings, fmt="json"))
    rows = [{k: v["value"] for k, v in b.items()} for b in out["results"]["bindings"]]
    csv_rows = list(csv.DictReader(io.StringIO(run_cli_query(
        graph_dir, None, name=name, bindings=bindings, fmt="csv"))))  # fmt: skip
    assert [{k: v for k, v in r.items() if v} for r in csv_rows] == rows, name
    return out["head"]["vars"], rows


def _spans_index_texts(rows: Rows, texts: dict[str, str], end: str = "end") -> None:
    for r in rows:
        text = texts[r["doc"]]
        begin = int(r["begin"])
        stop = int(r[end]) if end in r else begin + len(r["surface"])
        assert text[begin:stop] == r.get("evidence", r.get("surface")), r
        if r.get("sentence"):
            assert r["sentence"] in text and text[begin:stop] in r["sentence"], r


def _independent_counts(graph_dir: Path, texts: dict[str, str]) -> dict[str, int]:
    """Counts read from graph.ttl with rdflib (not the store), offsets checked in Python."""
    import rdflib

    g = rdflib.Graph()
    g.parse(graph_dir / "graph.ttl")
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    nif = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    members = set(g.subjects(rdflib.RDF.type, org.Membership))
    spans = [s for s in set(g.subjects(nif.anchorOf)) if g.value(s, nif.referenceContext)]
    for s in spans:
        ctx = str(g.value(g.value(s, nif.referenceContext), nif.isString))
        assert ctx in texts.values()
        b, e = int(g.value(s, nif.beginIndex)), int(g.value(s, nif.endIndex))  # type: ignore[arg-type]
        assert ctx[b:e] == str(g.value(s, nif.anchorOf))
    return {
        "memberships": len(members),
        "people": len({g.value(m, org.member) for m in members}),
        "organisations": len({g.value(m, org.organization) for m in members}),
        "checked": len(spans),
    }


def test_every_named_query_returns_what_the_texts_say(
    built_texts: tuple[Path, dict[str, str]],
) -> None:
    graph_dir, texts = built_texts
    assert SHARED_NAMES | {"memberships", "people", "organisations"} <= set(named_queries())
    checked = set()
    for name in sorted(named_queries()):
        CHECKS[name](graph_dir, texts)  # KeyError: a new named query needs a check here
        checked.add(name)
        for fmt in ("table", "tsv"):  # every format renders every row
            text = run_cli_query(graph_dir, None, name=name, fmt=fmt)
            assert text.count("\n") >= (0 if name == "x_export_web_annotation" else 2), name
    assert checked == set(named_queries())


def _memberships(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "memberships")
    assert names == ["membership", "person", "org", "role", "confidence", "doc"]
    assert {(r["person"], r["org"], r["role"], r["doc"]) for r in rows} >= POSTS
    for r in rows:
        assert r["person"] in texts[r["doc"]] and 0.5 <= float(r["confidence"]) <= 1
    _, one = _select(graph_dir, "memberships", "person=周明远")
    assert {r["org"] for r in one} == {"华北电力大学党委", "华北电力大学纪委", "华北电力大学工会"}


def _memberships_count(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "memberships_count")
    assert names == ["memberships", "people", "organisations"]
    counts = _independent_counts(graph_dir, texts)
    assert {k: int(v) for k, v in rows[0].items()} == {k: counts[k] for k in names}
    assert int(rows[0]["people"]) >= len({p[0] for p in POSTS})


def _people(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "people")
    assert names == ["person", "label", "organisations", "posts", "documents"]
    by = {r["label"]: r for r in rows}
    assert (by["周明远"]["organisations"], by["周明远"]["posts"]) == ("3", "3")
    assert by["陈国华"]["documents"] == "2"  # caption in a.txt, body in b.txt
    for person in {p[0] for p in POSTS}:
        posts = sum(1 for p in POSTS if p[0] == person)
        assert int(by[person]["posts"]) >= posts
        docs = sum(1 for t in texts.values() if person in t)
        assert by[person]["documents"] == str(docs), person


def _organisations(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "organisations")
    assert names == ["org", "label", "type", "parent", "members"]
    by = {r["label"]: r for r in rows}
    assert {(k, by[k].get("parent")) for k, _ in SUB_BODIES} == SUB_BODIES
    assert by["河北省农业厅"]["members"] == "2" and by["华北电力大学"]["members"] == "0"
    assert by["华北电力大学工会"]["type"] == "工会"
    # names not in the text verbatim: 市委党校 resolved by the region, and the elided sub-bodies
    # of 华北电力大学党委副书记、纪委书记、工会主席
    unseen = {r["label"] for r in rows if not any(r["label"] in t for t in texts.values())}
    assert unseen == {"天津市委党校", "华北电力大学工会", "华北电力大学纪委"}


def _q1(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q1_union_chairs")
    assert names == ["person", "union", "role", "orgType", "attested", "confidence", "doc"]
    chairs = {(p, o, d) for p, o, r, d in POSTS if r == "主席" and o.endswith("工会")}
    assert {(r["person"], r["union"], r["doc"]) for r in rows} == chairs
    _, deputies = _select(graph_dir, "q1_union_chairs", "role=副主席")
    assert {r["person"] for r in deputies} == {"张志强", "陈国华", "刘长海"}  # 总工会 is a 工会


def _q2(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q2_who_talked_about")
    assert names == ["concept", "speaker", "verb", "confidence", "sentence"]
    assert [(r["concept"], r["speaker"], r["verb"]) for r in rows] == [
        ("工匠精神", "刘长海", "表示")
    ]
    assert rows[0]["sentence"] == "天津市总工会副主席刘长海表示，要大力弘扬劳模精神和工匠精神。"
    _, every = _select(graph_dir, "q2_who_talked_about", "concept=")
    assert {r["concept"] for r in every} == CONCEPTS


def _q3(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q3_suborganisations")
    assert names == ["rootName", "root", "sub", "parent", "edgeConfidence"]
    assert {(r["sub"], r["parent"]) for r in rows} == SUB_BODIES
    _, one = _select(graph_dir, "q3_suborganisations", "rootName=华北电力大学")
    assert {r["sub"] for r in one} == {s for s, p in SUB_BODIES if p == "华北电力大学"}


def _q4(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q4_provenance_membership")
    assert names[:7] == ["person", "org", "doc", "begin", "end", "evidence", "sentence"]
    _spans_index_texts(rows, texts)
    # q4 requires a nif:sentence; the caption 河北钢铁集团有限公司工会主席 陈国华 (last line of
    # a.txt) gets none, so its post is missing here (see fact_evidence, where it is present)
    caption = ("陈国华", "河北钢铁集团有限公司工会", "a.txt")
    posts = {(p, o, d) for p, o, _, d in POSTS} - {caption}
    assert {(r["person"], r["org"], r["doc"]) for r in rows} >= posts
    assert all(r["person"] in r["evidence"] and r["version"] == __version__ for r in rows)


def _q5(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q5_provenance_triple")
    assert names == ["child", "parent", "confidence", "evidence", "sentence", "extractor", "plan"]
    assert {(r["child"], r["parent"]) for r in rows} == SUB_BODIES
    for r in rows:
        assert r["evidence"] in r["sentence"] and any(r["sentence"] in t for t in texts.values())


def _q6(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q6_events")
    assert names == ["organiser", "event", "start", "end", "venue", "participants", "confidence"]
    assert len(rows) == 1 and rows[0]["event"] in EVENT_DOC
    row = {k: v for k, v in rows[0].items() if k not in ("event", "confidence")}
    assert row == {"organiser": "天津市总工会", "start": "2019-05-28", "end": "2019-06-01",
                   "venue": "天津市委党校", "participants": "86"}  # fmt: skip


def _q7(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q7_conflicting_roles")
    assert names[:3] == ["person", "org", "roleA"] and "evidenceB" in names
    clash = [r for r in rows if r["person"] == "陈国华"]
    assert len(clash) == 1 and {clash[0]["roleA"], clash[0]["roleB"]} == {"主席", "副主席"}
    assert clash[0]["evidenceA"] != clash[0]["evidenceB"]
    assert all(
        r[k] in texts["a.txt"] + texts["b.txt"] for r in clash for k in ("evidenceA", "evidenceB")
    )


def _q8(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q8_claims_asserted")
    assert names == ["subject", "predicate", "object", "confidence", "asserted", "extractor"]
    assert {(r["subject"], r["object"]) for r in rows} == SUB_BODIES
    assert all(r["asserted"] == str(float(r["confidence"]) >= 0.5).lower() for r in rows)


def _q9(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q9_offset_check")
    assert names == ["checked", "mismatches"]
    assert rows == [
        {"checked": str(_independent_counts(graph_dir, texts)["checked"]), "mismatches": "0"}
    ]


def _q10(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "q10_docs_mentioning")
    assert names == ["concept", "doc", "surface", "begin", "linkConfidence"]
    assert {(r["concept"], r["doc"]) for r in rows} == {(c, "c.txt") for c in CONCEPTS}
    _spans_index_texts(rows, texts)


def _fact_evidence(graph_dir: Path, texts: dict[str, str]) -> None:
    names, rows = _select(graph_dir, "fact_evidence")
    assert names == ["fact", "type", "confidence", "doc", "begin", "end", "evidence", "sentence"]
    _spans_index_texts(rows, texts)
    assert "河北钢铁集团有限公司工会主席 陈国华" in {r["evidence"] for r in rows}  # the caption
    assert {r["fact"] for r in rows} >= {
        r["membership"] for r in _select(graph_dir, "memberships")[1]
    }


def _web_annotation(graph_dir: Path, texts: dict[str, str]) -> None:
    import rdflib

    g = rdflib.Graph()
    nt = run_cli_query(graph_dir, None, name="x_export_web_annotation", fmt="csv")
    g.parse(data=nt, format="nt")
    oa, rdf_type = rdflib.Namespace("http://www.w3.org/ns/oa#"), rdflib.RDF.type
    positions = list(g.subjects(rdf_type, oa.TextPositionSelector))
    assert len(positions) == len(
        {(r["fact"], r["begin"]) for r in _select(graph_dir, "fact_evidence")[1]}
    )
    for pos in positions:
        b, e = int(str(g.value(pos, oa.start))), int(str(g.value(pos, oa.end)))
        (target,) = g.subjects(oa.hasSelector, pos)
        (quote,) = [q for q in g.objects(target, oa.hasSelector) if q != pos]
        exact, prefix, suffix = (str(g.value(quote, k)) for k in (oa.exact, oa.prefix, oa.suffix))
        assert any(
            (t[b:e], t[max(0, b - 10) : b], t[e : e + 10]) == (exact, prefix, suffix)
            for t in texts.values()
        ), (b, e, exact)


CHECKS = {
    "memberships": _memberships, "memberships_count": _memberships_count, "people": _people,
    "organisations": _organisations, "q1_union_chairs": _q1, "q2_who_talked_about": _q2,
    "q3_suborganisations": _q3, "q4_provenance_membership": _q4, "q5_provenance_triple": _q5,
    "q6_events": _q6, "q7_conflicting_roles": _q7, "q8_claims_asserted": _q8,
    "q9_offset_check": _q9, "q10_docs_mentioning": _q10, "fact_evidence": _fact_evidence,
    "x_export_web_annotation": _web_annotation,
}  # fmt: skip


def test_memberships_count_and_defaults(graph_dir: Path) -> None:
    out = json.loads(run_cli_query(graph_dir, None, name="memberships_count", fmt="json"))
    assert out["results"]["bindings"][0]["memberships"]["value"] == "2"
    chairs = run_cli_query(graph_dir, None, name="q1_union_chairs", fmt="csv")
    rows = list(csv.DictReader(io.StringIO(chairs)))
    assert [r["person"] for r in rows] == ["张三"]  # default role 主席, type 工会 (narrower too)
    deputies = run_cli_query(
        graph_dir, None, name="q1_union_chairs", bindings=("role=副主席",), fmt="csv"
    )
    assert [r["person"] for r in csv.DictReader(io.StringIO(deputies))] == ["李四"]


def test_bindings_and_unbinding(graph_dir: Path) -> None:
    all_people = run_cli_query(graph_dir, None, name="memberships", fmt="csv")
    assert all_people.count("\n") == 3  # header + 2 rows
    one = run_cli_query(graph_dir, None, name="memberships", bindings=("person=张三",), fmt="csv")
    assert "张三" in one and "李四" not in one
    talked = run_cli_query(graph_dir, None, name="q2_who_talked_about", bindings=("concept=",))
    assert "张三" in talked


def test_follow_fact_to_sentence(graph_dir: Path) -> None:
    fact = "fact=kg:membership-" + "4" * 20
    out = run_cli_query(graph_dir, None, name="fact_evidence", bindings=(fact,), fmt="json")
    rows = json.loads(out)["results"]["bindings"]
    assert rows and rows[0]["sentence"]["value"] == "某市总工会主席张三出席会议。"


def test_query_file_and_text(graph_dir: Path, tmp_path: Path) -> None:
    rq = tmp_path / "people.rq"
    rq.write_text("SELECT ?n WHERE { ?p a foaf:Person ; rdfs:label ?n } ORDER BY ?n", "utf-8")
    assert run_cli_query(graph_dir, str(rq), fmt="tsv") == '?n\n"张三"@zh\n"李四"@zh\n'
    table = run_cli_query(graph_dir, "ASK { ?s a org:Membership }")
    assert table == "true\n"


def test_errors(graph_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="malformed query"):
        run_cli_query(graph_dir, "SELEC broken")
    with pytest.raises(QueryError, match="unknown named query"):
        run_cli_query(graph_dir, None, name="nope")
    with pytest.raises(ConfigError):
        run_cli_query(graph_dir, None)
    with pytest.raises(ConfigError, match="bad binding"):
        run_cli_query(graph_dir, "SELECT * {}", bindings=("novalue",))


def test_stats(graph_dir: Path) -> None:
    stats = graph_stats(graph_dir)
    assert stats == {
        "documents": 2, "people": 2, "organisations": 3, "posts": 2, "events": 0,
        "statements": 1, "concepts": 1, "facts": stats["facts"], "sub-orgs": stats["sub-orgs"],
        "triples": stats["triples"], "quads": stats["quads"],
    }  # fmt: skip
    assert stats["triples"] > 200


def test_cli_one_line_errors(
    graph_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as e:
        main(["query", "--graph", str(graph_dir), "SELEC broken"])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: malformed query") and err.count("\n") == 1
    with pytest.raises(SystemExit):
        main(["query", "--graph", str(tmp_path / "none"), "SELECT * {}"])
    assert "run kg build first" in capsys.readouterr().err
    result = CliRunner().invoke(cli, ["stats", "--graph", str(graph_dir)])
    assert result.exit_code == 0 and "posts" in result.output
