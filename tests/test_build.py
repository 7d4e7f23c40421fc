"""End-to-end build of the fixture corpus: outputs, determinism, offline HTML, incremental."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from rdflib import Graph

from graph.build.pipeline import BuildOptions, build_corpus
from graph.build.publish import EXPORT_FILES as OUTPUTS

MEMBERS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?p WHERE { ?m a org:Membership ; org:member/rdfs:label ?p }"""


def test_every_output_is_written(built: Path) -> None:
    for name in OUTPUTS:
        assert (built / name).stat().st_size > 0, name
    assert (built / "store").is_dir()


def test_people_of_every_document_are_in_the_turtle(built: Path) -> None:
    g = Graph().parse(built / "graph.ttl")
    people = {str(r[0]) for r in g.query(MEMBERS)}
    assert {"王建民", "李红梅", "陈国华", "周明远", "孙立新", "冯晓东"} <= people


def test_two_builds_give_identical_turtle(corpus_dir: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    build_corpus(corpus_dir, a, options=BuildOptions())
    build_corpus(corpus_dir, b, options=BuildOptions(force=True))
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()
    assert (a / "graph.trig").read_bytes() == (b / "graph.trig").read_bytes()
    assert (a / "graph.jsonld").read_bytes() == (b / "graph.jsonld").read_bytes()


def test_html_has_no_network_script(built: Path) -> None:
    html = (built / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=[\"']?(https?:)?//", html)
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", html)


def test_rebuild_reuses_unchanged_documents(corpus_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build_corpus(corpus_copy, out, options=BuildOptions())
    assert first.extracted == 2
    (corpus_copy / "b.txt").write_text("新闻\n\n某某县教育局局长 吴天明\n", encoding="utf-8")
    second = build_corpus(corpus_copy, out, options=BuildOptions())
    assert (second.extracted, second.reused) == (1, 1)
    people = {str(r[0]) for r in Graph().parse(out / "graph.ttl").query(MEMBERS)}
    assert "吴天明" in people and "周明远" not in people


def test_base_iri_is_configurable(corpus_dir: Path, tmp_path: Path) -> None:
    build_corpus(corpus_dir, tmp_path, options=BuildOptions(base_iri="http://example.net/kg/"))
    g = Graph().parse(tmp_path / "graph.ttl")
    subjects = {str(s) for s in g.subjects()}
    assert any(s.startswith("http://example.net/kg/person-") for s in subjects)
    assert not any(s.startswith("https://kg.example.org/id/") for s in subjects)


def test_cli_build_prints_a_summary(corpus_dir: Path, tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "graph", "build", str(corpus_dir), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "people" in run.stdout and "posts" in run.stdout


def test_every_stage_reports_progress(corpus_copy: Path, tmp_path: Path) -> None:
    calls: list[tuple[str, int, int | None]] = []
    report = build_corpus(
        corpus_copy,
        tmp_path / "out",
        options=BuildOptions(progress=lambda s, d, t: calls.append((s, d, t))),
    )
    stages = list(dict.fromkeys(s for s, _, _ in calls))
    assert stages == ["reading", "extracting", "merging", "serialising", "exporting", "store"]
    assert list(report.seconds) == stages and all(s >= 0 for s in report.seconds.values())
    n_docs = len(list(corpus_copy.glob("*.txt")))
    for stage in stages:
        mine = [(d, t) for s, d, t in calls if s == stage]
        assert mine[0][0] == 0 and [d for d, _ in mine] == list(range(len(mine)))
        total = mine[-1][1]
        assert total is None or mine[-1][0] == total, stage
    assert calls.count(("extracting", n_docs, n_docs)) == 1
    assert ("exporting", len(OUTPUTS), len(OUTPUTS)) in calls


def test_progress_shows_on_a_terminal_and_not_in_a_pipe(corpus_dir: Path, tmp_path: Path) -> None:
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    cmd = [sys.executable, "-m", "graph", "build", str(corpus_dir), "--out"]
    piped = subprocess.run([*cmd, str(tmp_path / "a")], capture_output=True, text=True, check=True)
    assert piped.stderr == ""  # quiet in pipes and CI
    main, secondary = pty.openpty()
    # a fresh pty is 0 columns wide; a real terminal is not
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(
        [*cmd, str(tmp_path / "b"), "--force"], stdout=subprocess.DEVNULL, stderr=secondary
    )
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the build is over
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=120) == 0
    text = seen.decode("utf-8", "replace")
    assert "extracting" in text and "exporting" in text and "items" in text


# One organisation written in two scripts: its label in the merged graph comes from the
# traditional-script document once that arrives, and the post label in the other document's
# graph (organisation label + title) must follow it even though that document did not change.
_SIMPLIFIED = "台北市政府秘书长陈国强今天表示，市府将加强防灾工作。陈国强说，各局处要落实责任。\n"
_TRADITIONAL = "臺北市政府秘書長陳國強今天表示，市府將加強防災工作。陳國強說，各局處要落實責任。\n"


def test_an_unchanged_document_follows_labels_another_document_changes(tmp_path: Path) -> None:
    seeds, out, clean = tmp_path / "seeds", tmp_path / "out", tmp_path / "clean"
    seeds.mkdir()
    (seeds / "a.txt").write_text(_SIMPLIFIED, encoding="utf-8")
    build_corpus(seeds, out, options=BuildOptions())
    (seeds / "b.txt").write_text(_TRADITIONAL, encoding="utf-8")
    second = build_corpus(seeds, out, options=BuildOptions())
    assert (second.extracted, second.reused) == (1, 1)
    build_corpus(seeds, clean, options=BuildOptions())
    assert "臺北市政府秘書長" in (clean / "graph.trig").read_text(encoding="utf-8")
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
