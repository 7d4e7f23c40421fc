"""An exception while extracting one document fails that document alone.

The failure names the document in ``BuildReport.failures``, the other documents are built,
exported and stored, and ``kg build`` exits 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import graph.extract.document as pipeline
from graph.build.pipeline import BuildOptions, build_corpus
from graph.cli import cli
from graph.extract.document import ExtractionFailure, extract_safely
from graph.types import Document, Segmented

GOOD = {
    "good1.txt": "杭州市交通运输局局长孙建平主持会议。杭州市交通运输局副局长周海燕通报情况。\n",
    "good2.txt": "南京市总工会副主席马志远说，竞赛将持续三个月。\n",
}
POISON = "poison.txt"


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in GOOD.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / POISON).write_text("成都市教育局局长吴国强出席。毒\n", encoding="utf-8")
    return seeds


@pytest.fixture()
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the title-chain rules raise on the poison document only."""
    real = pipeline.title_chains

    def chains(seg: Segmented, *args):  # type: ignore[no-untyped-def]
        if "毒" in seg.doc.text:
            raise RuntimeError("rule crashed")
        return real(seg, *args)

    monkeypatch.setattr(pipeline, "title_chains", chains)


@pytest.mark.usefixtures("poisoned")
def test_failure_names_document_and_others_build(tmp_path: Path) -> None:
    report = build_corpus(_seeds(tmp_path), tmp_path / "out", options=BuildOptions(force=True))
    assert report.documents == 3
    assert len(report.failures) == 1
    assert POISON in report.failures[0] and "RuntimeError: rule crashed" in report.failures[0]
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "孙建平" in ttl and "马志远" in ttl and "吴国强" not in ttl
    assert report.counts["documents"] == 2
    # a failed document leaves no cache entry: the next build tries it again
    cache = list((tmp_path / "out" / ".cache").glob("*.pickle"))
    assert len(cache) == 2


@pytest.mark.usefixtures("poisoned")
def test_cli_exits_1_and_names_document(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(_seeds(tmp_path)), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert POISON in result.output
    assert (tmp_path / "o" / "graph.ttl").exists()


def test_failure_is_retried_once_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = _seeds(tmp_path)
    out = tmp_path / "out"
    real = pipeline.title_chains

    def broken(seg: Segmented, *args):  # type: ignore[no-untyped-def]
        if "毒" in seg.doc.text:
            raise ValueError("boom")
        return real(seg, *args)

    monkeypatch.setattr(pipeline, "title_chains", broken)
    assert len(build_corpus(seeds, out).failures) == 1
    monkeypatch.setattr(pipeline, "title_chains", real)
    report = build_corpus(seeds, out)
    assert report.failures == ()
    assert (report.extracted, report.reused) == (1, 2)
    assert "吴国强" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_worker_processes_isolate_a_failing_document(tmp_path: Path) -> None:
    """A document whose extraction raises inside a worker process is reported, not fatal."""
    from graph.build.engines import extract_processes

    docs = [Document.from_text(n, t) for n, t in GOOD.items()]
    docs.insert(1, Document("bad.txt", None, "0"))  # type: ignore[arg-type]
    results = list(extract_processes(docs, workers=2))
    failed = [r for r in results if isinstance(r, ExtractionFailure)]
    assert [f.doc_id for f in failed] == ["bad.txt"]
    assert "TypeError" in failed[0].error
    assert len(results) == 3


def test_extract_safely_returns_the_extraction_when_all_is_well() -> None:
    doc = Document.from_text("ok.txt", GOOD["good2.txt"])
    assert extract_safely(doc) == pipeline.extract_document(doc)
