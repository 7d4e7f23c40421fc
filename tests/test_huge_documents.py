"""Huge documents: bounded pieces whatever the punctuation, and a size limit that names the file.

No timed assertions: the bounds are checked on what the code builds (window and sentence
lengths); bench/robustness.py measures the times.  (RDF is written as N-Triples lines and
serialised by pyoxigraph, whose work is linear; rdflib's serialiser, whose namespace trie was
quadratic in the number of span IRIs, is no longer on the build's path.)
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.build.pipeline import BuildOptions, build_corpus
from graph.extract.document import extract_document
from graph.extract.windows import MAX_CHARS, windows
from graph.io.ingest import MAX_DOCUMENT_BYTES, MAX_DOCUMENT_ENV
from graph.text.segment import MAX_SENTENCE_CHARS, sentences
from graph.types import Document

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_f2b27bd5661e0ee8.txt").read_text()
GOOD = "西山县统计局局长林志明表示，今年将加强基层服务。\n"


def _no_breaks(text: str) -> str:
    return "".join(ch for ch in text if ch not in "\n。！？!?；;，,、：: \u3000“”")


@pytest.mark.parametrize("text", [_no_breaks(SEED) * 12, "字" * 40_000, SEED.replace("\n", "") * 6])
def test_windows_and_sentences_are_capped_whatever_the_punctuation(text: str) -> None:
    tiles = list(windows(text))
    assert tiles[0][0] == 0 and tiles[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in itertools.pairwise(tiles))
    assert max(e - s for s, e in tiles) <= MAX_CHARS
    found = sentences(text)
    assert max(len(s.text) for s in found) <= MAX_SENTENCE_CHARS
    assert all(text[s.start : s.end] == s.text for s in found)


def test_a_long_line_without_punctuation_extracts_with_exact_offsets() -> None:
    text = _no_breaks(SEED) * 10  # about 30,000 characters on one line, no sentence end
    doc = Document.from_text("line.txt", text)
    x = extract_document(doc)
    assert x.mentions, "nothing found in the long line"
    assert all(text[m.start : m.end] == m.text for m in x.mentions)
    assert max(s.end - s.start for s in x.sentences) <= MAX_SENTENCE_CHARS
    for f in x.facts:
        for span in f.evidence:
            assert text[span.start : span.end] == span.text
            assert span.sentence_end - span.sentence_start <= MAX_SENTENCE_CHARS


def test_a_30mb_single_line_document_is_refused_and_the_others_built(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    huge = seeds / "huge.txt"
    unit = SEED.replace("\n", "").encode()
    with huge.open("wb") as fh:
        for _ in range(30 * 1024 * 1024 // len(unit) + 1):
            fh.write(unit)
    assert huge.stat().st_size > 30 * 1024 * 1024 > MAX_DOCUMENT_BYTES
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    env_free = {k: v for k, v in os.environ.items() if k != MAX_DOCUMENT_ENV}
    proc = subprocess.run(
        [sys.executable, "-m", "graph", "build", str(seeds), "--out", str(out), "--no-progress"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env_free,
    )
    assert proc.returncode == 1
    (line,) = [ln for ln in proc.stderr.splitlines() if "huge.txt" in ln]
    assert f"kg: {huge}: too large for one document" in line
    assert f"limit {MAX_DOCUMENT_BYTES}" in line and "--max-document-size" in line
    assert "1 documents" in proc.stdout and "1 failed" in proc.stdout
    assert "林志明" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_the_size_limit_is_an_option_and_an_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(SEED, encoding="utf-8")
    (seeds / "b.txt").write_text(GOOD, encoding="utf-8")
    size = (seeds / "a.txt").stat().st_size
    report = build_corpus(seeds, tmp_path / "o1", options=BuildOptions(max_document_bytes=1000))
    assert report.documents == 1 and len(report.failures) == 1
    assert report.failures[0].startswith(f"{seeds / 'a.txt'}: too large for one document ({size}")
    monkeypatch.setenv(MAX_DOCUMENT_ENV, "1KiB")
    report = build_corpus(seeds, tmp_path / "o2")
    assert "limit 1024" in report.failures[0]
    report = build_corpus(seeds, tmp_path / "o3", options=BuildOptions(max_document_bytes=size))
    assert report.failures == () and report.documents == 2
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "graph",
            "build",
            str(seeds),
            "--out",
            str(tmp_path / "o4"),
            "--max-document-size",
            "lots",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode != 0 and "--max-document-size: 'lots' is not a size" in proc.stderr
