#!/usr/bin/env python3
"""A build on a Dask LocalCluster, its store as N-Quads shards, bulk-loaded by the Oxigraph server.

Usage (from the repository root)::

    .venv/bin/python bench/dask_shards.py [--mb 2] [--shards 2] [--json]

The corpus is that of ``bench/throughput.py`` (``../shared/data`` texts, or generated text).
Measured in one run, so that ratios compare like with like:

- ``lcut_chars_per_s``: raw ``jieba.lcut`` (HMM on) over the same texts (the baseline);
- ``local_build_s`` / ``dask_build_s``: ``kg build`` in one process, and with ``--engine dask``
  (a ``LocalCluster``, one worker process per core), each a child process with its peak RSS
  (the build process's own: Dask workers are separate processes) and its ratio to the baseline;
- ``identical_exports``: the six export files of both builds compared byte for byte;
- ``shard_export_s``: ``kg export --shards N`` of the Dask build's store;
- ``oxigraph_load_s``: ``oxigraph load`` of the N shard files at once (it loads files in
  parallel) into a new database, ``load_quads_per_s``, and ``quads_match``: the loaded
  database's quad count (``oxigraph query``) equals the build's store.

Needs the ``oxigraph`` server package (``pip install oxigraph``) and ``dask[distributed]``.
The last line printed with ``--json`` is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, make_corpus, run_lcut, timed

EXPORTS = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml", "graph.json", "graph.html")
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the child process ``cmd``, which must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed ({status}): {err[-800:]}")
    return seconds, usage.ru_maxrss / 1024


def oxigraph() -> str:
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(exe).exists():
        raise SystemExit("the oxigraph server is not installed: pip install oxigraph")
    return exe


def store_quads(out: Path) -> int:
    from graph.sparql.store import open_store, store_dir

    with open_store(store_dir(out), read_only=True) as store:
        return len(store)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes of UTF-8 text")
    ap.add_argument("--shards", type=int, default=2, help="N-Quads files to write and load")
    ap.add_argument("--json", action="store_true", help="print a JSON line at the end")
    args = ap.parse_args()
    exe = oxigraph()
    docs, source = make_corpus(args.mb)
    chars = sum(len(d.text) for d in docs)
    kg = [sys.executable, "-m", "graph"]
    with tempfile.TemporaryDirectory(prefix="kg-dask-") as tmp_name:
        tmp = Path(tmp_name)
        seeds = tmp / "seeds"
        seeds.mkdir()
        for doc in docs:
            (seeds / doc.doc_id).write_text(doc.text, encoding="utf-8")
        lcut_s = timed(lambda: run_lcut(docs))
        local_s, local_rss = run([*kg, "build", str(seeds), "--out", str(tmp / "local")])
        dask = tmp / "dask"
        dask_s, dask_rss = run([*kg, "build", str(seeds), "--out", str(dask), "--engine", "dask"])
        identical = all(
            (tmp / "local" / name).read_bytes() == (dask / name).read_bytes() for name in EXPORTS
        )
        shards = tmp / "shards"
        export_cmd = [*kg, "export", "--graph", str(dask), "--out", str(shards)]
        shard_s, _ = run([*export_cmd, "--shards", str(args.shards)])
        files = sorted(str(f) for f in shards.glob("part-*.nq"))
        db = tmp / "oxigraph-db"
        load_s, load_rss = run([exe, "load", "--location", str(db), "--file", *files])
        answer = subprocess.run(
            [exe, "query", "--location", str(db), "--query", QUADS, "--results-format", "csv"],
            check=True,
            capture_output=True,
            text=True,
        )
        loaded = int(answer.stdout.split()[-1])
        quads = store_quads(dask)
    lcut = chars / lcut_s
    result = {
        "corpus": source,
        "documents": len(docs),
        "chars": chars,
        "cores": os.cpu_count(),
        "lcut_chars_per_s": round(lcut),
        "local_build_s": round(local_s, 2),
        "local_build_ratio_vs_jieba_lcut": round(chars / local_s / lcut, 3),
        "local_build_peak_rss_mb": round(local_rss, 1),
        "dask_build_s": round(dask_s, 2),
        "dask_build_ratio_vs_jieba_lcut": round(chars / dask_s / lcut, 3),
        "dask_build_peak_rss_mb": round(dask_rss, 1),
        "dask_speedup": round(local_s / dask_s, 2),
        "identical_exports": identical,
        "shards": len(files),
        "shard_export_s": round(shard_s, 2),
        "quads": quads,
        "oxigraph_load_s": round(load_s, 2),
        "oxigraph_load_peak_rss_mb": round(load_rss, 1),
        "load_quads_per_s": round(quads / load_s),
        "quads_match": loaded == quads,
        "load_avg": round(os.getloadavg()[0], 2),
    }
    for key, value in result.items():
        print(f"{key:36} {value}")
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
