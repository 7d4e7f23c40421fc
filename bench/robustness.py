#!/usr/bin/env python3
"""Huge documents: the 30 MB single-line file, and how one document's cost grows with its size.

Usage (from the repository root)::

    .venv/bin/python bench/robustness.py [--sizes 0.25,0.5,1,2] [--huge-mb 30] [--skip-huge]

Text: the ``text`` of ``../shared/data/pd1998/199801.jsonl`` in order (People's Daily, January
1998), repeated when more is needed; without it the seed article of ``seeds/``.

- **Size series**: for each size (MB of UTF-8), one document of that size (lines kept) is built
  by ``build_corpus`` in a fresh child process; recorded are the build's seconds, its stages,
  the child's peak RSS, and the seconds of raw ``jieba.lcut`` (HMM on) over the same text in
  another fresh child, so ``ratio_vs_lcut`` compares like with like on the same machine at the
  same moment.  ``growth`` is the time ratio of each size to the one before (2.0 per doubling
  is linear).
- **30 MB single line**: a folder with one ``--huge-mb`` MB file without a single line break
  and one small ordinary document, built by the ``kg build`` command line as a user runs it;
  recorded are its wall time, peak RSS, exit status, what it said about the huge file and
  whether the small document was built.

Every measured process is a child (``os.wait4`` gives its own peak RSS).  The last line printed
is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "pd1998" / "199801.jsonl"
SEED = ROOT / "seeds" / "000_f2b27bd5661e0ee8.txt"
SMALL = "西山县统计局局长林志明表示，今年将加强基层服务。\n"

_BUILD_CHILD = """
import json, sys, time
from pathlib import Path
from graph.build.pipeline import BuildOptions, build_corpus
from graph.build.engines import warm_up
warm_up()
t = time.perf_counter()
r = build_corpus(Path(sys.argv[1]), Path(sys.argv[2]), options=BuildOptions(max_document_bytes=1 << 30))
print(json.dumps({"s": time.perf_counter() - t, "stages": r.seconds, "failures": len(r.failures)}))
"""
_LCUT_CHILD = """
import json, sys, time
import jieba
jieba.setLogLevel(60)
jieba.initialize()
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
jieba.lcut(text)
print(json.dumps({"s": time.perf_counter() - t}))
"""


def lines(target_bytes: int) -> list[str]:
    """Lines of real text, at least ``target_bytes`` of UTF-8 in all (repeated when needed)."""
    if DATA.exists():
        with DATA.open(encoding="utf-8") as fh:
            source = [t for t in (json.loads(line).get("text", "") for line in fh) if t]
    else:
        source = [t for t in SEED.read_text(encoding="utf-8").splitlines() if t.strip()]
    out: list[str] = []
    size = 0
    while size < target_bytes:
        for text in source:
            out.append(text)
            size += len(text.encode()) + 1
            if size >= target_bytes:
                break
    return out


def measured(args: list[str]) -> dict[str, object]:
    """Run a child (default document size limit) and read its own peak RSS via ``os.wait4``."""
    env = {k: v for k, v in os.environ.items() if k != "ZHKG_MAX_DOCUMENT_BYTES"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()  # the child ends once its pipes close
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_s": round(time.perf_counter() - start, 2),
        "peak_rss_mb": usage.ru_maxrss // 1024,
        "exit": proc.returncode,
        "stdout": out.decode("utf-8", "replace"),
        "stderr": err.decode("utf-8", "replace"),
    }


def size_series(root: Path, sizes: list[float]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for mb in sizes:
        folder = root / f"size-{mb}"
        folder.mkdir()
        doc = folder / "doc.txt"
        doc.write_text("\n".join(lines(int(mb * 1024 * 1024))) + "\n", encoding="utf-8")
        build = measured([sys.executable, "-c", _BUILD_CHILD, str(folder), str(root / f"out-{mb}")])
        lcut = measured([sys.executable, "-c", _LCUT_CHILD, str(doc)])
        if build["exit"] != 0 or lcut["exit"] != 0:
            raise SystemExit(f"size {mb} MB failed: {build['stderr']}{lcut['stderr']}")
        b = json.loads(str(build["stdout"]).strip().splitlines()[-1])
        lc = json.loads(str(lcut["stdout"]).strip().splitlines()[-1])
        row = {
            "mb": mb,
            "chars": len(doc.read_text(encoding="utf-8")),
            "build_s": round(b["s"], 2),
            "stages_s": {k: round(v, 2) for k, v in b["stages"].items()},
            "peak_rss_mb": build["peak_rss_mb"],
            "lcut_s": round(lc["s"], 2),
            "lcut_peak_rss_mb": lcut["peak_rss_mb"],
            "ratio_vs_lcut": round(b["s"] / lc["s"], 1),
        }
        if rows:
            row["growth"] = round(b["s"] / float(rows[-1]["build_s"]), 2)  # type: ignore[arg-type]
        rows.append(row)
        print(
            f"{mb:>5} MB: build {row['build_s']} s, peak RSS {row['peak_rss_mb']} MB; "
            f"jieba.lcut {row['lcut_s']} s; ratio {row['ratio_vs_lcut']}",
            flush=True,
        )
    return rows


def huge_case(root: Path, mb: float) -> dict[str, object]:
    seeds = root / "huge"
    seeds.mkdir()
    target = int(mb * 1024 * 1024)
    with (seeds / "huge.txt").open("w", encoding="utf-8") as fh:
        fh.write("".join(lines(target)))  # one line: no break anywhere
    (seeds / "small.txt").write_text(SMALL, encoding="utf-8")
    out = root / "huge-out"
    run = measured(
        [sys.executable, "-m", "graph", "build", str(seeds), "--out", str(out), "--no-progress"]
    )
    said = [ln for ln in str(run["stderr"]).splitlines() if "huge.txt" in ln]
    ttl = out / "graph.ttl"
    result = {
        "bytes": (seeds / "huge.txt").stat().st_size,
        "wall_s": run["wall_s"],
        "peak_rss_mb": run["peak_rss_mb"],
        "exit": run["exit"],
        "outcome": "refused" if said and "too large" in said[0] else "built",
        "message": said[0] if said else "",
        "other_document_built": ttl.exists() and "林志明" in ttl.read_text(encoding="utf-8"),
    }
    print(
        f"{mb} MB single line: {result['outcome']} in {result['wall_s']} s, peak RSS "
        f"{result['peak_rss_mb']} MB, exit {result['exit']}, other document built: "
        f"{result['other_document_built']}\n  {result['message']}",
        flush=True,
    )
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.25,0.5,1,2", help="MB of UTF-8, comma-separated")
    ap.add_argument("--huge-mb", type=float, default=30.0)
    ap.add_argument("--skip-huge", action="store_true")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        huge = None if args.skip_huge else huge_case(root, args.huge_mb)
        series = size_series(root, sizes)
    growth = [r["growth"] for r in series if "growth" in r]
    print(
        json.dumps(
            {
                "huge_single_line": huge,
                "size_series": series,
                "max_growth_per_doubling": max(growth) if growth else None,  # type: ignore[type-var]
                "source": "pd1998" if DATA.exists() else "seed article",
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
