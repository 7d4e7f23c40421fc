"""The build's fast path (N-Triples lines, spools, pyoxigraph serialisers) writes exactly the
graph the rdflib writer builds, in every format, whatever the text; and a build's exports parse
back isomorphic and are byte-identical across builds."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pyoxigraph
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from graph.build.merge import merge
from graph.build.pipeline import build_corpus
from graph.extract.document import extract_document
from graph.rdf.exports import turtle_from_trig, write_export
from graph.rdf.iris import document_graph_iri, entities_graph_iri
from graph.rdf.ntriples import to_nquads
from graph.rdf.writer import document_ntriples, document_parts, entities_ntriples, to_dataset
from graph.types import Document, KnowledgeGraph

BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
awkward = st.text(
    alphabet=st.one_of(
        st.sampled_from(BREAKS + "\t\x00\x07\x7f\"\\'<>@{}#"),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=12,
)


def _spool(kg: KnowledgeGraph, tmp: Path) -> Path:
    labels = {e.ref: e.label for e in kg.entities}
    parts = document_parts(kg)
    graphs = {entities_graph_iri(): entities_ntriples(kg)}
    for doc in kg.documents:
        facts, linked = parts[doc.doc_id]
        sentences = kg.sentences.get(doc.doc_id, ())
        graphs[document_graph_iri(doc.doc_id)] = document_ntriples(
            doc, facts, linked, labels, sentences
        )
    nq = tmp / "all.nq"
    nq.write_bytes(b"".join(to_nquads(data, iri) for iri, data in graphs.items()))
    return nq


def _exports(kg: KnowledgeGraph, tmp: Path) -> dict[str, bytes]:
    nq = _spool(kg, tmp)
    out = {}
    for fmt in ("trig", "json-ld"):
        buf = io.BytesIO()
        write_export(fmt, nq, buf)
        out[fmt] = buf.getvalue()
    turtle = io.BytesIO()  # as a build writes graph.ttl: from graph.trig
    turtle_from_trig(io.BytesIO(out["trig"]), turtle)
    out["turtle"] = turtle.getvalue()
    return out


def _quads(ds: rdflib.Dataset) -> set[tuple[object, ...]]:
    return {(s, p, o, g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in ds.quads()}


def _check(kg: KnowledgeGraph, tmp: Path) -> None:
    exports = _exports(kg, tmp)
    expected = to_dataset(kg)
    union = rdflib.Graph()
    for s, p, o, _ in expected.quads():
        union.add((s, p, o))
    turtle = rdflib.Graph().parse(data=exports["turtle"], format="turtle")
    assert isomorphic(turtle, union)
    for fmt in ("trig", "json-ld"):
        back = rdflib.Dataset()
        back.parse(data=exports[fmt], format=fmt)
        assert _quads(back) == _quads(expected), fmt


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(awkward, awkward, awkward)
def test_fast_path_equals_the_rdflib_graph_for_any_text(a: str, b: str, c: str) -> None:
    text = f"{a}某某市总工会主席王五{b}表示，“要弘扬劳模精神{c}。”\n{b}第二段{a}。"
    kg = merge([extract_document(Document.from_text("any.txt", text))])
    with tempfile.TemporaryDirectory() as tmp:
        _check(kg, Path(tmp))
        trig = _exports(kg, Path(tmp))["trig"]
    oxi = list(pyoxigraph.parse(trig, format=pyoxigraph.RdfFormat.TRIG))
    assert {q.object.value for q in oxi if q.predicate.value.endswith("#isString")} == {text}


def test_build_exports_round_trip_and_are_byte_stable(corpus_dir: Path, tmp_path: Path) -> None:
    build_corpus(corpus_dir, tmp_path / "a")
    build_corpus(corpus_dir, tmp_path / "b")
    for name in ("graph.ttl", "graph.trig", "graph.jsonld"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    ds = rdflib.Dataset()
    ds.parse(tmp_path / "a" / "graph.trig", format="trig")
    union = rdflib.Graph()
    for s, p, o, _ in ds.quads():
        union.add((s, p, o))
    turtle = rdflib.Graph().parse(tmp_path / "a" / "graph.ttl", format="turtle")
    assert len(turtle) > 100 and isomorphic(turtle, union)
    jsonld = rdflib.Dataset()
    jsonld.parse(tmp_path / "a" / "graph.jsonld", format="json-ld")
    assert _quads(jsonld) == _quads(ds)


def test_a_build_under_a_low_memory_limit_writes_identical_exports(
    corpus_dir: Path, tmp_path: Path
) -> None:
    from test_store_sync import assert_store_equals_exports

    from graph.build.pipeline import BuildOptions
    from graph.build.publish import EXPORT_FILES

    build_corpus(corpus_dir, tmp_path / "default")
    build_corpus(corpus_dir, tmp_path / "low", options=BuildOptions(max_memory=1 << 20))
    nquads = sum(len(f.read_bytes()) for f in (tmp_path / "low" / ".cache" / "graphs").iterdir())
    assert nquads > 2 * (64 << 10)  # the store was bulk-loaded in several pieces
    for name in EXPORT_FILES:
        assert (tmp_path / "low" / name).read_bytes() == (tmp_path / "default" / name).read_bytes()
    assert_store_equals_exports(tmp_path / "low")


def test_max_memory_is_a_cli_option(corpus_dir: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph.cli import cli

    bad = CliRunner().invoke(
        cli, ["build", str(corpus_dir), "--out", str(tmp_path), "--max-memory", "lots"]
    )
    assert bad.exit_code != 0 and "max-memory" in str(bad.exception)
    ok = CliRunner().invoke(
        cli, ["build", str(corpus_dir), "--out", str(tmp_path / "o"), "--max-memory", "256M"]
    )
    assert ok.exit_code == 0, ok.output
