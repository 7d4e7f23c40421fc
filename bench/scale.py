#!/usr/bin/env python3
"""A whole build of a large corpus (default 100 MB): its time, its peak memory, and raw jieba.

Usage (from the repository root; about 20-40 minutes at 100 MB on 2 cores)::

    .venv/bin/python bench/scale.py [--mb 100] [--max-memory 1G] [--workers 1] [--json]

The corpus is ``bench/throughput.py``'s (the texts of ``../shared/data``, then generated
news-like text once they run out), written as files and built by ``build_corpus`` in a child
process, exports and store included.  Printed:

- ``build_s`` and ``build_chars_per_s``: the whole build, and ``build_stage_s`` per stage;
- ``build_peak_rss_mb``: the build process's peak RSS (with ``--workers`` > 1, the parent's),
  and ``build_stage_peak_mb`` the peak sampled in each stage;
- ``lcut_chars_per_s``: raw ``jieba.lcut`` over a sample of the same corpus (``--sample-mb``,
  median of ``--runs``), measured in the same run, before and after the build so that a load
  change shows, and ``build_ratio_vs_jieba_lcut`` the ratio;
- ``within_memory``: whether the peak stayed within ``--max-memory``.

The last line printed with ``--json`` is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import full_build, make_corpus, run_lcut, timed

from graph.build.memory import parse_size


def lcut_rate(sample: list, runs: int) -> float:
    chars = sum(len(d.text) for d in sample)
    return chars / statistics.median(timed(lambda: run_lcut(sample)) for _ in range(runs))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=100.0, help="corpus size, MB of UTF-8")
    ap.add_argument("--max-memory", default="1G", help="memory budget of the build")
    ap.add_argument("--workers", type=int, default=1, help="extraction processes of the build")
    ap.add_argument("--sample-mb", type=float, default=2.0, help="text for the jieba baseline")
    ap.add_argument("--runs", type=int, default=3, help="baseline runs (median)")
    ap.add_argument("--json", action="store_true", help="last line: one JSON object")
    args = ap.parse_args()

    docs, source = make_corpus(args.mb)
    chars = sum(len(d.text) for d in docs)
    sample, size = [], 0
    for doc in docs:  # an even spread of the corpus, real and generated text alike
        if size >= args.sample_mb * 1_000_000:
            break
        sample.append(doc)
        size += len(doc.text.encode("utf-8"))
    run_lcut(sample[:1])  # jieba loads its dictionary on first use: not part of the rate
    lcut_before = lcut_rate(sample, args.runs)
    seconds, peak_mb, stages, stage_peaks = full_build(docs, args.workers, args.max_memory)
    lcut_after = lcut_rate(sample, args.runs)
    lcut = statistics.median([lcut_before, lcut_after])
    result = {
        "corpus": source,
        "mb": args.mb,
        "documents": len(docs),
        "chars": chars,
        "workers": args.workers,
        "max_memory": args.max_memory,
        "build_s": round(seconds, 1),
        "build_chars_per_s": round(chars / seconds),
        "build_stage_s": {k: round(v, 1) for k, v in stages.items()},
        "build_peak_rss_mb": round(peak_mb, 1),
        "build_stage_peak_mb": stage_peaks,
        "within_memory": peak_mb * 2**20 <= parse_size(args.max_memory),
        "lcut_chars_per_s": round(lcut),
        "lcut_before_after": [round(lcut_before), round(lcut_after)],
        "build_ratio_vs_jieba_lcut": round(chars / seconds / lcut, 3),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    for key, value in result.items():
        print(f"{key}: {value}")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
