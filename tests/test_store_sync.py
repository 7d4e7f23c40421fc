"""One truth: after any build that exits 0, the store holds exactly the quads of the exports.

That holds after a change and its revert, after a build interrupted at any point (a signal, or
a failure injected between the steps that write the store and its manifest), and when two builds
race for one output folder (the second is refused with a clear message).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import build_child
import pyoxigraph as ox
import pytest

import graph.build.storesync as storesync
from graph.build.pipeline import BuildOptions, build_corpus
from graph.errors import BusyError
from graph.io.lock import LOCK_NAME, folder_lock
from graph.sparql.dump import export_dump

TEXT_A = "南湖市民政局局长周立群主持会议。南湖市水利局副局长吴国栋通报情况。\n"
TEXT_B = "南湖市民政局局长钱志远主持会议。东城区教育局局长韩晓梅讲话。\n"
TEXT_C = "西山县统计局局长林志明表示，今年将加强基层服务。\n"


XSD = "http://www.w3.org/2001/XMLSchema#"
# Oxigraph stores every type derived from xsd:integer as xsd:integer (same value)
INTEGER_TYPES = {
    XSD + t
    for t in [
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    ]
}


def _as_stored(q: ox.Quad) -> str:
    o = q.object
    if isinstance(o, ox.Literal) and o.datatype.value in INTEGER_TYPES:
        o = ox.Literal(o.value, datatype=ox.NamedNode(XSD + "integer"))
    return str(ox.Quad(q.subject, q.predicate, o, q.graph_name))


def _quads(data: bytes, fmt: ox.RdfFormat) -> set[str]:
    return {_as_stored(q) for q in ox.parse(data, format=fmt)}


def assert_store_equals_exports(out: Path) -> None:
    exported = _quads((out / "graph.trig").read_bytes(), ox.RdfFormat.TRIG)
    dump = out.parent / f"{out.name}-dump.nq"
    export_dump(out, dump, fmt="nquads")
    stored = _quads(dump.read_bytes(), ox.RdfFormat.N_QUADS)
    assert stored == exported, (len(stored - exported), len(exported - stored))


def _seeds(root: Path, texts: dict[str, str]) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_change_and_revert_leaves_the_store_equal_to_the_exports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = {"a.txt": TEXT_A, "c.txt": TEXT_C}
    build_corpus(_seeds(tmp_path / "s", first), out)
    build_corpus(_seeds(tmp_path / "s", {"a.txt": TEXT_B, "c.txt": TEXT_C}), out)
    assert_store_equals_exports(out)
    report = build_corpus(_seeds(tmp_path / "s", first), out)
    assert report.extracted == 0  # both texts come from the cache ...
    assert_store_equals_exports(out)  # ... and the store follows anyway


def test_force_rebuild_keeps_the_store_equal(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_corpus(_seeds(tmp_path / "s", {"a.txt": TEXT_A, "b.txt": TEXT_B}), out)
    build_corpus(_seeds(tmp_path / "s", {"a.txt": TEXT_A}), out, options=BuildOptions(force=True))
    assert_store_equals_exports(out)


@pytest.mark.parametrize("step", ["before-store", "after-store"])
def test_a_build_that_dies_around_the_store_is_repaired_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    out = tmp_path / "out"
    first = {"a.txt": TEXT_A, "c.txt": TEXT_C}
    build_corpus(_seeds(tmp_path / "s", first), out)
    writes = []
    real_write = storesync._write_manifest

    def dying_write(o: Path, digests: dict[str, str]) -> None:
        writes.append(digests)
        if step == "before-store" and len(writes) == 1:
            real_write(o, digests)  # the changing graphs are forgotten ...
            raise KeyboardInterrupt  # ... and the process dies before the store transaction
        if step == "after-store" and len(writes) == 2:
            raise KeyboardInterrupt  # the store committed; the process dies before recording it
        real_write(o, digests)

    monkeypatch.setattr(storesync, "_write_manifest", dying_write)
    with pytest.raises(KeyboardInterrupt):
        build_corpus(_seeds(tmp_path / "s", {"a.txt": TEXT_B, "c.txt": TEXT_C}), out)
    monkeypatch.setattr(storesync, "_write_manifest", real_write)
    # the next build: the same input (every document now cached) after a death before the
    # store transaction, the first input again (cached too) after a death after it
    again = first if step == "after-store" else {"a.txt": TEXT_B, "c.txt": TEXT_C}
    assert build_corpus(_seeds(tmp_path / "s", again), out).extracted == 0
    assert_store_equals_exports(out)


@pytest.mark.parametrize("where", ["serialising", "loading"])
def test_a_first_build_that_fails_while_its_store_loads_leaves_no_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A first build loads its store while it serialises (graph.build.storesync.StoreFeed): a
    failure there leaves no store and no loader's folder, and the next build makes both agree."""
    import graph.build.spool as spool
    from graph.errors import StoreError
    from graph.sparql.store import BulkLoader

    out = tmp_path / "out"
    seeds = _seeds(tmp_path / "s", {f"{i}.txt": _document(i) for i in range(6)})
    if where == "serialising":
        real, calls = spool.document_ntriples, []

        def failing(*args: object, **kwargs: object) -> bytes:
            calls.append(1)
            if len(calls) == 4:
                raise KeyboardInterrupt
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(spool, "document_ntriples", failing)
        expected: type[BaseException] = KeyboardInterrupt
    else:

        def broken(self: BulkLoader, data: object) -> None:
            raise StoreError("disk full")

        monkeypatch.setattr(BulkLoader, "load", broken)
        expected = StoreError
    with pytest.raises(expected):
        build_corpus(seeds, out)
    monkeypatch.undo()
    assert not (out / "store").exists()
    assert not [p.name for p in out.iterdir() if "bulk" in p.name]
    build_corpus(seeds, out)
    assert_store_equals_exports(out)


def _document(i: int) -> str:
    lines = [f"南湖市召开第{i + 1}次工作会议", ""]
    for k in range(5):
        lines.append(
            f"南湖市第{(i + k) % 7 + 1}局局长周{'立群国栋海涛志远晓梅'[k * 2 : k * 2 + 2]}表示，要落实第{k}项任务。"
        )
    return "\n".join(lines) + "\n"


KILL_POINTS = 10


def _start_build(seeds: Path, out: Path) -> multiprocessing.process.BaseProcess:
    """``kg build`` (the command line's own entry point) forked from a warm server process
    (tests/build_child.py): each kill lands in the build, not in Python's start-up."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["build_child"])
    proc = ctx.Process(target=build_child.cli_build, args=(str(seeds), str(out)))
    proc.start()
    return proc


def _wait_for_lock(proc: multiprocessing.process.BaseProcess, out: Path) -> float:
    """Wait until ``proc`` holds the build lock of ``out`` (its pid is in ``OUT/.lock``): the
    build proper has begun.  Returns the time then."""
    lock, pid = out / LOCK_NAME, str(proc.pid)
    while proc.is_alive():
        try:
            if lock.read_text(encoding="ascii").strip() == pid:
                break
        except OSError:
            pass
        time.sleep(0.002)
    return time.monotonic()


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(
    "signum", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM], ids=["SIGKILL", "SIGINT", "SIGTERM"]
)
def test_rebuild_sweep_interrupted_then_normal_build_makes_store_equal(
    tmp_path: Path, signum: signal.Signals
) -> None:
    """Kill a rebuild at ten points spread over its measured duration, then build normally:
    the store equals the exports, quad for quad, every time."""
    small = _seeds(tmp_path / "small", {f"d{i}.txt": _document(i) for i in range(3)})
    large = _seeds(tmp_path / "large", {f"d{i}.txt": _document(i + 1) for i in range(1, 9)})
    base = tmp_path / "base"
    build_corpus(small, base)
    shutil.copytree(base, tmp_path / "timing")
    proc = _start_build(large, tmp_path / "timing")
    began = _wait_for_lock(proc, tmp_path / "timing")
    proc.join(timeout=300)
    assert proc.exitcode == 0
    duration = time.monotonic() - began  # the rebuild proper, measured on this machine now
    interrupted = 0
    for k in range(KILL_POINTS):
        out = tmp_path / f"run{k}"
        shutil.copytree(base, out)
        proc = _start_build(large, out)
        _wait_for_lock(proc, out)
        # points up to 80 % of the measured duration: a later rebuild on a machine whose load
        # dropped meanwhile may run faster than the timing run
        time.sleep((k + 0.5) / KILL_POINTS * 0.8 * duration)
        if proc.is_alive() and proc.pid is not None:
            with contextlib.suppress(ProcessLookupError):  # it ended in between: not interrupted
                os.kill(proc.pid, signum)
        proc.join(timeout=300)
        interrupted += proc.exitcode != 0
        build_corpus(large, out)
        assert_store_equals_exports(out)
    # the sweep is only worth something if the signals landed inside the rebuilds
    assert interrupted >= KILL_POINTS - 3, (interrupted, duration)


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    seeds = _seeds(tmp_path / "s", {"a.txt": TEXT_A})
    with folder_lock(out):  # another build holds the folder
        with pytest.raises(BusyError, match="another kg build"):
            build_corpus(seeds, out)
        proc = subprocess.run(
            [sys.executable, "-m", "graph", "build", str(seeds), "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 1
        assert "another kg build" in proc.stderr and str(out) in proc.stderr
    build_corpus(seeds, out)  # the lock is released with its holder
    assert_store_equals_exports(out)


def test_concurrent_builds_end_consistent(tmp_path: Path) -> None:
    out = tmp_path / "out"
    seeds = [
        _seeds(tmp_path / "s1", {f"d{i}.txt": _document(i) for i in range(4)}),
        _seeds(tmp_path / "s2", {f"d{i}.txt": _document(i + 3) for i in range(4)}),
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "graph", "build", str(s), "--out", str(out), "--no-progress"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for s in seeds
    ]
    results = [(p.wait(timeout=180), p.stderr.read() if p.stderr else "") for p in procs]
    assert sorted(code for code, _ in results) in ([0, 0], [0, 1])
    for code, err in results:
        if code == 1:
            assert "another kg build" in err
    assert_store_equals_exports(out)


def test_a_renamed_seeds_folder_reuses_the_cache(tmp_path: Path) -> None:
    out = tmp_path / "out"
    seeds = _seeds(tmp_path / "s", {"a.txt": TEXT_A, "c.txt": TEXT_C})
    build_corpus(seeds, out)
    moved = seeds.rename(tmp_path / "renamed")
    report = build_corpus(moved.resolve(), out)
    assert (report.extracted, report.reused) == (0, 2)
    assert_store_equals_exports(out)
