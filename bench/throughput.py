#!/usr/bin/env python3
"""Throughput of the build on a few megabytes of real Chinese text, against raw jieba.

Usage (from the repository root)::

    .venv/bin/python bench/throughput.py [--mb 5] [--runs 3] [--workers 2] [--json]

The corpus is the text of ``../shared/data/*/*.jsonl`` (sorted files, lines in order) grouped into
documents of 2,000-5,000 characters (deterministic sizes) until ``--mb`` megabytes of UTF-8;
without those files a generator writes news-like text from the packaged dictionaries.  Printed,
all measured in the same process run so that ratios compare like with like:

- ``chars_per_s``: ``graph.extract.document.extract_document`` over every document, one process
  (median of ``--runs``; the tokenizer is built before timing, its cost is ``startup_s``);
- ``lcut_chars_per_s``: raw ``jieba.lcut`` (HMM on, jieba's own dictionary) over the same texts;
- ``ratio_vs_jieba_lcut``: their ratio;
- ``speedup_2_workers``: one-process time / ``graph.build.engines.extract_processes`` time with
  ``--workers`` processes (median of ``--runs``, pool start-up included), and
  ``cpu_speedup_2_procs`` the same ratio for pure-Python busy loops measured alongside: the
  ceiling the machine allows at that moment (well below 2 when others use the cores: Linux
  autogroup shares the cores between sessions, however many processes one of them runs);
  ``workers_cpu_overhead`` the CPU seconds of the pooled run (parent and workers) over those of
  the one-process run, and ``speedup_2_workers_cpu_bound`` = workers / that overhead, the
  speed-up on idle cores if the batches balance;
- ``build_chars_per_s``: a whole ``build_corpus`` (ingest, extract, merge, every export, the
  store) in a child process (median of ``--runs``, after the other runs) (``--build-workers`` extraction processes, ``--max-memory``
  budget), ``build_ratio_vs_jieba_lcut`` its ratio to ``lcut_chars_per_s``,
  ``build_stage_s`` its seconds per stage, ``build_peak_rss_mb`` its peak RSS and
  ``build_stage_peak_mb`` the peak RSS sampled in each stage (``bench/build_probe.py``);
- ``peak_rss_mb``: peak RSS of this process after the one-process runs (the corpus, the
  tokenizers, one document's extraction at a time);
- ``mention_layer_chars_per_s``: the CRF mention layer (``graph.ner.extract_mentions``)
  alone on a part of the corpus, when it is installed, and what it would cost if wired in.

Runs alternate (pipeline, workers, lcut, ...) so that a load change on a shared machine hits
every measurement alike.  The last line printed with ``--json`` is one JSON object.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from graph.extract.document import extract_document
from graph.types import Document

ROOT = Path(__file__).resolve().parents[1]

DATA = ROOT.parent / "shared" / "data"
DOC_MIN, DOC_MAX = 2_000, 5_000


def real_texts(data: Path) -> Iterator[str]:
    """The ``text`` of every line of ``data/*/*.jsonl``, files sorted, lines in order."""
    for path in sorted(data.glob("*/*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text", "")
                if text:
                    yield text


def generated_texts(seed: int = 7) -> Iterator[str]:
    """News-like sentences from the packaged dictionaries (invented names), endlessly."""
    from graph.extract.orgs import regions
    from graph.resources import load_ordered

    rng = random.Random(seed)
    places = sorted(n for n in regions() if n.endswith(("市", "省", "区", "县")))
    suffixes = [s for s in load_ordered("org_suffixes") if len(s) >= 2]
    roles = sorted(load_ordered("roles"))
    family, given = (
        "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗",
        "建国立新海燕志远晓东玉兰文斌国强春华",
    )
    verbs = ["表示", "指出", "认为", "强调", "介绍"]
    while True:
        name = rng.choice(family) + "".join(rng.choice(given) for _ in range(rng.randint(1, 2)))
        org = (
            rng.choice(places)
            + rng.choice(["交通", "教育", "文化", "农业", ""])
            + rng.choice(suffixes)
        )
        yield (
            f"{org}{rng.choice(roles)}{name}{rng.choice(verbs)}，今年以来各项工作稳步推进，"
            f"群众满意度明显提升。会议于{rng.randint(1, 12)}月{rng.randint(1, 28)}日举行。"
        )


def make_corpus(megabytes: float, data: Path = DATA) -> tuple[list[Document], str]:
    """Documents of 2-5k characters totalling at least ``megabytes`` MB of UTF-8."""
    have_data = any(data.glob("*/*.jsonl"))
    texts = real_texts(data) if have_data else generated_texts()
    rng = random.Random(20260501)
    want = int(megabytes * 1_000_000)
    docs: list[Document] = []
    size = 0
    buf: list[str] = []
    n = 0
    target = rng.randint(DOC_MIN, DOC_MAX)
    for text in texts:
        buf.append(text)
        n += len(text) + 1
        if n >= target:
            body = "\n".join(buf)
            docs.append(Document.from_text(f"bench-{len(docs):06d}.txt", body))
            size += len(body.encode("utf-8"))
            buf, n, target = [], 0, rng.randint(DOC_MIN, DOC_MAX)
            if size >= want:
                break
    if size < want:  # the data ran out: top up with generated text
        return _top_up(docs, size, want), "data+generated" if have_data else "generated"
    return docs, "data" if have_data else "generated"


def _top_up(docs: list[Document], size: int, want: int) -> list[Document]:
    gen = generated_texts()
    while size < want:
        body = "\n".join(next(gen) for _ in range(40))
        docs.append(Document.from_text(f"bench-{len(docs):06d}.txt", body))
        size += len(body.encode("utf-8"))
    return docs


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    me = time.process_time()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me + kids.ru_utime + kids.ru_stime


def timed_cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all processes) of ``fn()``."""
    cpu = cpu_seconds()
    wall = timed(fn)
    return wall, cpu_seconds() - cpu


def run_pipeline(docs: list[Document]) -> None:
    for doc in docs:
        extract_document(doc)  # streaming: each extraction is dropped once made


def run_workers(docs: list[Document], workers: int) -> None:
    from graph.build.engines import extract_processes

    failures = [x for x in extract_processes(docs, workers=workers) if not hasattr(x, "facts")]
    if failures:
        raise RuntimeError(f"{len(failures)} documents failed, e.g. {failures[0]}")


def run_lcut(docs: list[Document]) -> None:
    import jieba

    for doc in docs:
        jieba.lcut(doc.text, HMM=True)


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def cpu_speedup(workers: int, n: int = 4_000_000) -> float:
    """What ``workers`` processes get out of this machine now: pure-Python busy loops run one
    after another, then in a pool (start-up included).  On a shared machine this is the ceiling
    of ``speedup_2_workers``."""
    import multiprocessing

    serial = timed(lambda: [_spin(n) for _ in range(workers)])
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parallel = timed(lambda: pool.map(_spin, [n] * workers))
    return serial / parallel


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def full_build(
    docs: list[Document], workers: int = 1, max_memory: str = "1G"
) -> tuple[float, float, dict[str, float], dict[str, float]]:
    """Seconds, peak RSS (MB, the parent's: workers are separate processes), seconds per stage
    and peak RSS per stage (MB, sampled) of ``build_corpus`` over ``docs``, in a child process
    (``bench/build_probe.py``)."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for doc in docs:
            (seeds / doc.doc_id).write_text(doc.text, encoding="utf-8")
        target = str(Path(tmp) / "out")
        probe = str(ROOT / "bench" / "build_probe.py")
        cmd = [sys.executable, probe, str(seeds), target, str(workers), max_memory]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        out = proc.stdout.read() if proc.stdout else ""
        if status != 0:
            raise RuntimeError(f"build failed ({status}): {out[-500:]}")
        seconds, stages, peaks = json.loads(out.strip().splitlines()[-1])
        return float(seconds), usage.ru_maxrss / 1024, stages, peaks


def mention_layer(docs: list[Document], chars: int) -> float | None:
    """chars/s of the CRF mention layer alone on the first ``chars`` characters, if installed."""
    try:
        from graph.ner import extract_mentions
        from graph.text.segment import segment

        part, n = [], 0
        for doc in docs:
            part.append(segment(doc))
            n += len(doc.text)
            if n >= chars:
                break
        extract_mentions(part[0])  # load the model
    except Exception as e:  # not installed or not trained yet
        print(f"mention layer not measured: {type(e).__name__}: {e}", file=sys.stderr)
        return None
    seconds = timed(lambda: [extract_mentions(seg) for seg in part])
    return n / seconds


def profile(docs: list[Document], top: int = 15) -> str:
    prof = cProfile.Profile()
    prof.runcall(run_pipeline, docs)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size, MB of UTF-8")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-build", action="store_true", help="no full build_corpus run")
    ap.add_argument("--build-workers", type=int, default=1, help="workers of the full build")
    ap.add_argument("--max-memory", default="1G", help="memory budget of the full build")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    ap.add_argument("--json", action="store_true", help="last line: one JSON object")
    args = ap.parse_args()

    import jieba

    from graph.build.engines import warm_up
    from graph.text.segment import backend

    docs, source = make_corpus(args.mb)
    chars = sum(len(d.text) for d in docs)
    mbytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {chars:,} chars, {mbytes:.2f} MB UTF-8 ({source})")
    startup = timed(lambda: (warm_up(), extract_document(docs[0])))
    jieba.setLogLevel(60)
    jieba.initialize()
    print(f"tokenizer: {backend()}, start-up {startup:.2f} s; load {os.getloadavg()[0]:.2f}")

    pipe, par, lcut, cpu, pipe_cpu, par_cpu = [], [], [], [], [], []
    for r in range(args.runs):
        wall, used = timed_cpu(lambda: run_pipeline(docs))
        pipe.append(wall)
        pipe_cpu.append(used)
        wall, used = timed_cpu(lambda: run_workers(docs, args.workers))
        par.append(wall)
        par_cpu.append(used)
        lcut.append(timed(lambda: run_lcut(docs)))
        cpu.append(cpu_speedup(args.workers))
        print(
            f"run {r + 1}: pipeline {pipe[-1]:.2f} s, {args.workers} workers {par[-1]:.2f} s, "
            f"lcut {lcut[-1]:.2f} s; load {os.getloadavg()[0]:.2f}"
        )
    peak = rss_mb()
    t_pipe, t_par, t_lcut = map(statistics.median, (pipe, par, lcut))
    result: dict[str, object] = {
        "corpus_docs": len(docs),
        "corpus_chars": chars,
        "corpus_mb_utf8": round(mbytes, 2),
        "corpus_source": source,
        "tokenizer": backend(),
        "runs": args.runs,
        "startup_s": round(startup, 2),
        "chars_per_s": round(chars / t_pipe),
        "lcut_chars_per_s": round(chars / t_lcut),
        "ratio_vs_jieba_lcut": round(t_lcut / t_pipe, 3),
        "workers": args.workers,
        "workers_chars_per_s": round(chars / t_par),
        f"speedup_{args.workers}_workers": round(t_pipe / t_par, 3),
        f"cpu_speedup_{args.workers}_procs": round(statistics.median(cpu), 3),
        # CPU seconds of the pooled run over those of the one-process run (1.0: no overhead)
        "workers_cpu_overhead": round(statistics.median(par_cpu) / statistics.median(pipe_cpu), 3),
        # the speed-up on otherwise idle cores if the batches balance: workers / overhead
        f"speedup_{args.workers}_workers_cpu_bound": round(
            args.workers * statistics.median(pipe_cpu) / statistics.median(par_cpu), 3
        ),
        "peak_rss_mb": round(peak, 1),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    if args.workers != 2:
        result["speedup_2_workers"] = None
    crf = mention_layer(docs, 300_000)
    if crf is not None:
        result["mention_layer_chars_per_s"] = round(crf)
        result["with_mention_layer_chars_per_s"] = round(1 / (t_pipe / chars + 1 / crf))
    if not args.skip_build:
        builds = [full_build(docs, args.build_workers, args.max_memory) for _ in range(args.runs)]
        seconds = statistics.median(b[0] for b in builds)
        build_rss = max(b[1] for b in builds)
        stages = min(builds, key=lambda b: abs(b[0] - seconds))[2]  # of the median build
        result["build_workers"] = args.build_workers
        result["build_max_memory"] = args.max_memory
        result["build_chars_per_s"] = round(chars / seconds)
        result["build_ratio_vs_jieba_lcut"] = round(t_lcut / seconds, 3)
        result["build_stage_s"] = stages
        result["build_s"] = round(seconds, 2)
        result["build_peak_rss_mb"] = round(build_rss, 1)
        result["build_stage_peak_mb"] = min(builds, key=lambda b: abs(b[0] - seconds))[3]
    if args.profile:
        print(profile(docs))
    for key, value in result.items():
        print(f"  {key:<32} {value}")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
