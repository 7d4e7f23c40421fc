"""The RDF files written by a child process in builds with more than one worker
(graph.build.rdfjob): the same bytes, its failure reported, stopped when the build fails, and
no orphan when the build dies.

Each build runs in a fresh interpreter: the child is forked only where no other thread runs,
which the test process (servers, browsers of other tests) does not promise.  Every test checks
from the build's log that the child did write the files.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.build.pipeline import BuildOptions, build_corpus
from graph.build.publish import EXPORT_FILES
from graph.build.rdfjob import RDF_FILES

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the child needs fork and prctl")

ROOT = Path(__file__).resolve().parents[1]
CHILD_USED = "RDF files written by child process"
# a build with 2 workers in a fresh interpreter, after the patches of the test (its log on
# stderr; then what is left of the pool: the children still alive once it has ended)
BUILD = """
import logging, multiprocessing, sys, time
from pathlib import Path
logging.basicConfig(level=logging.INFO)
from graph.build import rdfjob
import graph.build.publish as publish
from graph.build.pipeline import BuildOptions, build_corpus
{patch}
try:
    build_corpus(Path(sys.argv[1]), Path(sys.argv[2]), options=BuildOptions(workers=2))
finally:
    print("children", len(multiprocessing.active_children()), flush=True)
"""


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


def _command(seeds: Path, out: Path, patch: str = "") -> list[str]:
    return [sys.executable, "-c", BUILD.format(patch=patch), str(seeds), str(out)]


def _build(seeds: Path, out: Path, patch: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = _command(seeds, out, patch)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)


def test_child_writes_the_same_files(tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 6, 5)
    build_corpus(seeds, tmp_path / "one", options=BuildOptions(workers=1))
    run = _build(seeds, tmp_path / "two")
    assert run.returncode == 0, run.stderr[-2000:]
    assert CHILD_USED in run.stderr
    assert _exports(tmp_path / "one") == _exports(tmp_path / "two")


def test_child_failure_is_an_error_and_keeps_the_previous_files(tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 3, 3)
    out = tmp_path / "out"
    assert _build(seeds, out).returncode == 0
    before = _exports(out)
    (seeds / "d000.txt").write_text("某市文化局局长李明出席。", encoding="utf-8")
    patch = (  # the forked child inherits the patched function
        "def broken(nquads, out, base):\n"
        "    raise OSError(f'{out}: no space left on device')\n"
        "rdfjob.write_rdf_files = broken"
    )
    run = _build(seeds, out, patch)
    assert run.returncode != 0 and CHILD_USED in run.stderr
    assert "StoreError" in run.stderr and "no space left on device" in run.stderr
    for name in RDF_FILES:  # atomically replaced or not at all
        assert (out / name).read_bytes() == before[name]


def test_a_failed_build_stops_its_child(tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 3, 3)
    patch = (
        "rdfjob.write_rdf_files = lambda *a: time.sleep(60) or []\n"
        "def broken(*a, **k):\n"
        "    raise OSError('the HTML page cannot be written')\n"
        "publish.write_html = broken"
    )
    started = time.monotonic()
    run = _build(seeds, tmp_path / "out", patch)
    assert run.returncode != 0 and CHILD_USED in run.stderr and "HTML page" in run.stderr
    assert "children 0" in run.stdout  # stopped by the failed build, not left writing
    assert time.monotonic() - started < 50  # and not waited for


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


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_child_dies_with_a_killed_build(tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 8, 20)
    out = tmp_path / "out"
    # the child sleeps instead of writing: alive until killed, unless it outlives its parent
    patch = "rdfjob.write_rdf_files = lambda *a: time.sleep(60) or []"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    build = subprocess.Popen(_command(seeds, out, patch), env=env, stderr=subprocess.DEVNULL)
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
    run = _build(seeds, out)
    assert run.returncode == 0 and CHILD_USED in run.stderr
    build_corpus(seeds, tmp_path / "fresh", options=BuildOptions(workers=1))
    assert _exports(out) == _exports(tmp_path / "fresh")
