#!/usr/bin/env python3
"""One ``build_corpus`` in its own process, for ``bench/throughput.py`` and ``bench/scale.py``.

Usage::

    python bench/build_probe.py SEEDS OUT WORKERS MAX_MEMORY

Prints one JSON line: ``[seconds, seconds per stage, peak RSS per stage (MB)]``.  The RSS is
this process's (with workers, the parent's), sampled every 50 ms by a thread and filed under
the stage the build last reported; the exporting stage's samples are also filed under the file
being written (``exporting graph.html``: the store loads beside it); exits 1 when a document
failed.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

from graph.build.memory import parse_size
from graph.build.pipeline import BuildOptions, build_corpus
from graph.build.publish import EXPORT_FILES
from graph.build.rdfjob import RDF_FILES

_PAGE = 4096


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * _PAGE / 2**20


def main() -> int:
    seeds, out, workers, max_memory = sys.argv[1:5]
    stage = ["start", ""]
    # with workers, a child writes the RDF files and the stage counts the others first
    files = [n for n in EXPORT_FILES if int(workers) == 1 or n not in RDF_FILES]
    peaks: dict[str, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            rss, now, part = _rss_mb(), stage[0], stage[1]
            for key in (now, part) if part else (now,):
                peaks[key] = max(peaks.get(key, 0.0), rss)

    def progress(name: str, count: int, _total: int | None) -> None:
        writing = name == "exporting" and count < len(files)
        stage[:] = [name, f"exporting {files[count]}" if writing else ""]

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    options = BuildOptions(
        workers=int(workers), max_memory=parse_size(max_memory), progress=progress
    )
    t = time.perf_counter()
    report = build_corpus(Path(seeds), Path(out), options=options)
    seconds = time.perf_counter() - t
    done.set()
    sampler.join()
    print(json.dumps([seconds, report.seconds, {k: round(v, 1) for k, v in peaks.items()}]))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
