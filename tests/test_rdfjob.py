"""The RDF files written by a child process in builds with more than one worker
(graph.build.rdfjob): the same bytes, its failure reported, and no orphan when the build dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.build import rdfjob
from graph.build.pipeline import BuildOptions, build_corpus
from graph.build.publish import EXPORT_FILES
from graph.errors import StoreError

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the child needs fork and prctl")


def _corpus(folder: Path, documents: int, lines: int) -> Path:
    folder.mkdir()
    for i in range(documents):
        text = "".join(
            f"第{i}{j}号市交通局局长王建{j % 7}强调，要提高服务水平。" for j in range(lines)
        )
        (folder / f"d{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _exports(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in EXPORT_FILES}


def test_child_writes_the_same_files(tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 6, 5)
    one = build_corpus(seeds, tmp_path / "one", options=BuildOptions(workers=1))
    two = build_corpus(seeds, tmp_path / "two", options=BuildOptions(workers=2))
    assert one.counts == two.counts and not two.failures
    assert _exports(tmp_path / "one") == _exports(tmp_path / "two")


def test_child_failure_is_an_error_and_keeps_the_previous_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = _corpus(tmp_path / "seeds", 3, 3)
    out = tmp_path / "out"
    build_corpus(seeds, out, options=BuildOptions(workers=2))
    before = _exports(out)
    (seeds / "d000.txt").write_text("某市文化局局长李明出席。", encoding="utf-8")

    def broken(nquads: Path, out: Path, base: str) -> list[str]:
        raise OSError(f"{out}: no space left on device")

    monkeypatch.setattr(rdfjob, "write_rdf_files", broken)  # the forked child inherits it
    with pytest.raises(StoreError, match="no space left on device"):
        build_corpus(seeds, out, options=BuildOptions(workers=2))
    for name in rdfjob.RDF_FILES:  # atomically replaced or not at all
        assert (out / name).read_bytes() == before[name]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def test_child_dies_with_a_killed_build(tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 8, 20)
    out = tmp_path / "out"
    # the child sleeps instead of writing: alive until killed, unless it outlives its parent
    code = (
        "import sys, time; from pathlib import Path; "
        "from graph.build import rdfjob; "
        "rdfjob.write_rdf_files = lambda *a: time.sleep(60) or []; "
        "from graph.build.pipeline import BuildOptions, build_corpus; "
        "build_corpus(Path(sys.argv[1]), Path(sys.argv[2]), options=BuildOptions(workers=2))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    build = subprocess.Popen([sys.executable, "-c", code, str(seeds), str(out)], env=env)
    child = None
    deadline = time.monotonic() + 300
    while child is None and build.poll() is None and time.monotonic() < deadline:
        if (out / ".cache" / "graphs").is_dir():  # extraction (and its pool) is over
            kids = _children(build.pid)
            if len(kids) == 1:  # the one forked child of publishing: the RDF writer
                child = kids[0]
        time.sleep(0.02)
    if child is None:
        build.wait()
        pytest.fail("the build ended before its RDF child was seen")
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    for _ in range(300):  # gone within 3 s, not after the 60 s it would sleep
        if not Path(f"/proc/{child}").exists() or "Z" in _state(child):
            break
        time.sleep(0.01)
    assert not Path(f"/proc/{child}").exists() or "Z" in _state(child)
    report = build_corpus(seeds, out, options=BuildOptions(workers=2))
    assert not report.failures
    again = _exports(out)
    build_corpus(seeds, tmp_path / "fresh", options=BuildOptions(workers=1))
    assert again == _exports(tmp_path / "fresh")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_failed_build_stops_its_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    import graph.build.publish as publish

    seeds = _corpus(tmp_path / "seeds", 3, 3)

    def slow(nquads: Path, out: Path, base: str) -> list[str]:
        time.sleep(60)
        return []

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("the HTML page cannot be written")

    monkeypatch.setattr(rdfjob, "write_rdf_files", slow)  # the forked child inherits it
    monkeypatch.setattr(publish, "write_html", broken)
    started = time.monotonic()
    with pytest.raises(OSError, match="HTML page"):
        build_corpus(seeds, tmp_path / "out", options=BuildOptions(workers=2))
    assert multiprocessing.active_children() == []
    assert time.monotonic() - started < 50  # the child was stopped, not waited for
