"""Exports of any text parse back: line separators, controls and rare characters in literals.

Every document text is a literal (``nif:isString``), and sentences, names and quotes are cut
from it, so a character that breaks a literal breaks the whole export.
"""

from __future__ import annotations

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from graph.build.merge import merge
from graph.build.pipeline import build_corpus
from graph.cli import main
from graph.extract.document import extract_document
from graph.rdf.exports import export_bytes
from graph.sparql.validate import validate_graph
from graph.types import Document

# every character Python's str.splitlines() treats as a line break, plus other controls
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
awkward = st.text(
    alphabet=st.one_of(
        st.sampled_from(BREAKS + "\t\x00\x07\x7f\"\\'<>@{}#"),
        st.characters(exclude_categories=("Cs",)),  # no lone surrogates: not valid UTF-8 text
    ),
    max_size=12,
)


def _exports(text: str) -> dict[str, str]:
    kg = merge([extract_document(Document.from_text("any.txt", text))])
    return {fmt: export_bytes(kg, fmt).decode() for fmt in ("turtle", "trig", "json-ld")}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(awkward, awkward, awkward)
def test_exports_of_awkward_text_parse_back(a: str, b: str, c: str) -> None:
    text = f"{a}某某市总工会主席王五{b}表示，“要弘扬劳模精神{c}。”\n{b}第二段{a}。"
    exports = _exports(text)
    counts = set()
    for fmt, data in exports.items():
        ds = rdflib.Dataset()
        ds.parse(data=data, format=fmt)
        counts.add(sum(1 for _ in ds.quads((None, None, None, None))))
        if fmt == "turtle":  # and the shapes hold, whatever the text
            report = validate_graph(rdflib.Graph().parse(data=data, format="turtle"))
            assert report.conforms, report.text
    oxi = list(pyoxigraph.parse(exports["trig"].encode("utf-8"), format=pyoxigraph.RdfFormat.TRIG))
    counts.add(len(oxi))
    assert len(counts) == 1, counts  # every format carries the same quads
    # the document text comes back exactly, whatever it holds
    texts = {q.object.value for q in oxi if q.predicate.value.endswith("#isString")}
    assert texts == {text}


# what a file of text holds (controls other than line breaks make it binary, see
# graph.io.encoding.looks_like_text), and a few bytes of damage in it
in_a_file = st.text(
    alphabet=st.one_of(
        st.sampled_from("\n\r\x0b\x0c\x85\u2028\u2029\t\"\\'<>@{}#"),
        st.characters(exclude_categories=("Cs", "Cc")),
    ),
    max_size=12,
)
damage = st.binary(min_size=1, max_size=3).filter(lambda b: b[:1] >= b"\x80" or b[:1] == b"\x00")


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    phases=(Phase.explicit, Phase.generate),  # a build and a SHACL run each: no shrinking
)
@given(in_a_file, in_a_file, damage)
@example(a="ï/", b="G¡Ĳ×|", bad=b'\xae"\x17')  # a stray control byte made the file "binary"
def test_a_build_of_awkward_damaged_text_parses_and_validates(
    tmp_path_factory: pytest.TempPathFactory, a: str, b: str, bad: bytes
) -> None:
    """The whole build, from a file with bad bytes in it: exports parse with rdflib and
    pyoxigraph, ``kg validate`` passes, and the dropped bytes are named."""
    root = tmp_path_factory.mktemp("any")
    seeds, out = root / "seeds", root / "out"
    seeds.mkdir()
    head = f"某某市总工会主席王五{a}表示，“要弘扬劳模精神。”\n".encode()
    tail = f"{b}第二段，某某区民政局局长吴国栋讲话。\n".encode()
    (seeds / "d.txt").write_bytes(head + bad + tail)
    report = build_corpus(seeds, out)
    assert report.failures == ()
    for warning in report.warnings:
        assert (
            warning.startswith(f"{seeds / 'd.txt'}: ") and " dropped before character " in warning
        )
    quads = set()
    for name, fmt in (("graph.trig", "trig"), ("graph.jsonld", "json-ld")):
        ds = rdflib.Dataset()
        ds.parse(out / name, format=fmt)
        quads.add(sum(1 for _ in ds.quads((None, None, None, None))))
    trig = (out / "graph.trig").read_bytes()
    quads.add(len(list(pyoxigraph.parse(trig, format=pyoxigraph.RdfFormat.TRIG))))
    assert len(quads) == 1, quads
    try:
        main(["validate", "--graph", str(out)])  # returns when the graph conforms
    except SystemExit as e:
        pytest.fail(f"kg validate exited {e.code}")
