#!/usr/bin/env python3
"""Score the shipped mention model on the held-out tenth of each NER corpus; time it against jieba.

Trains nothing.  Usage (from the repository root)::

    .venv/bin/python bench/ner_eval.py [--shared ../shared] [--chars 120000] [--runs 3]
                                       [--test GOLD.jsonl|DIR ...]

For each corpus (CLUENER, MSRA, Resume, PD1998) every tenth line of the file (the part
``graph/ner/training/train.py`` never trains on; see ``graph.ner.training.corpus``), the whole
of the Resume dev file, and every file given with ``--test`` (any JSONL gold in the same
format, for example a corpus's real test split; ``--no-heldout`` scores only those) are tagged
with ``graph.ner.annotate_jsonl`` (the function behind ``kg mentions``) and scored by
``shared/tools/score_mentions.py --json`` over the types the corpus annotates.  Throughput (chars/s, median of ``--runs`` runs on the same text, in
the same process) is measured for ``annotate_jsonl``, raw ``jieba.lcut`` and ``jieba.posseg``;
start-up is the wall time of ``python -m graph mentions`` on one short line.  The last line
printed is one JSON object with every number.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph.ner import annotate_jsonl
from graph.ner.training.corpus import CORPORA, heldout_lines, read_lines, spans_of

ROOT = Path(__file__).resolve().parents[1]


# evaluated whole: files no training run reads
UNSEEN = {"resume_dev": ("resume/dev.jsonl", ("PERSON", "ORG", "ROLE"))}


def _score(tool: Path, gold: Path, pred: Path, types: tuple[str, ...]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, str(tool), str(gold), str(pred), "--json", "--types", ",".join(types)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def _bootstrap_f1(
    records: list[dict[str, object]], predictions: str, types: tuple[str, ...], rounds: int = 1000
) -> tuple[float, float]:
    """95 % interval of the exact-span F1 when documents are resampled (fixed seed).

    Gold spans as ``graph.ner.training.corpus.spans_of`` reads them (the scorer's mapping; where gold
    spans overlap the longest is kept), so the point estimate can differ from the scorer's in
    the third decimal.
    """
    counts = []
    for rec, line in zip(records, predictions.splitlines(), strict=True):
        gold = {s for s in spans_of(rec) if s[2] in types}
        mentions = json.loads(line)["mentions"]
        pred = {(m["start"], m["end"], m["type"]) for m in mentions if m["type"] in types}
        counts.append((len(gold & pred), len(pred) + len(gold)))
    rng = random.Random(0)
    values = []
    for _ in range(rounds):
        sample = [counts[rng.randrange(len(counts))] for _ in counts]
        both = sum(c[1] for c in sample)
        values.append(2 * sum(c[0] for c in sample) / both if both else 0.0)
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def _test_files(paths: list[Path]) -> list[Path]:
    """The JSONL gold files given with ``--test`` (a file, or every ``*.jsonl`` of a folder)."""
    files: list[Path] = []
    for path in paths:
        found = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        if not found or not all(f.is_file() for f in found):
            raise SystemExit(f"ner_eval: {path}: no JSONL gold file there")
        files += found
    return files


def _types_of(path: Path) -> tuple[str, ...]:
    """The mention types a gold file annotates (as the scorer maps its labels)."""
    seen = {t for line in read_lines(path) for _, _, t in spans_of(json.loads(line))}
    types = tuple(t for t in ("PERSON", "ORG", "ROLE", "PLACE") if t in seen)
    if not types:
        raise SystemExit(f"ner_eval: {path}: no PERSON, ORG, ROLE or PLACE span in the gold")
    return types


def _evaluate(
    name: str,
    lines: list[str],
    records: list[dict[str, object]],
    types: tuple[str, ...],
    tool: Path,
    tmp: Path,
) -> dict[str, object]:
    """Tag one gold set with ``annotate_jsonl``, score it, print and return the figures."""
    gold = tmp / f"{name}.gold.jsonl"
    gold.write_text("".join(lines), encoding="utf-8")
    src = "".join(
        json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in records
    )
    out = io.StringIO()
    annotate_jsonl(io.StringIO(src), out)
    pred = tmp / f"{name}.pred.jsonl"
    pred.write_text(out.getvalue(), encoding="utf-8")
    res = _score(tool, gold, pred, types)
    low, high = _bootstrap_f1(records, out.getvalue(), types)
    per_type, overall = res["per_type"], res["overall"]
    assert isinstance(per_type, dict) and isinstance(overall, dict)
    print(f"\n{name}: {len(records)} docs, types {', '.join(types)}")
    print(f"  {'type':<8} {'n_gold':>7} {'P':>6} {'R':>6} {'F1':>6}")
    for t, v in per_type.items():
        print(f"  {t:<8} {v['n_gold']:>7} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}")
    o = overall
    print(f"  {'overall':<8} {o['n_gold']:>7} {o['p']:6.3f} {o['r']:6.3f} {o['f1']:6.3f}")
    print(f"  F1 95 % bootstrap interval over documents: {low:.3f}-{high:.3f}")
    return {
        "docs": len(records),
        "types": list(types),
        "per_type": {
            t: {k: round(v[k], 4) for k in ("p", "r", "f1")} | {"n_gold": v["n_gold"]}
            for t, v in per_type.items()
        },
        "overall": {k: round(overall[k], 4) for k in ("p", "r", "f1")},
        "f1_95ci": [round(low, 4), round(high, 4)],
    }


def _median_rate(fn: object, texts: list[str], runs: int) -> float:
    n = sum(map(len, texts))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn(texts)  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return n / statistics.median(times)


def _startup() -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "graph", "mentions"],
        input='{"id": "s", "text": "国务院总理在北京会见客人。"}\n',
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--chars", type=int, default=120_000, help="size of the throughput text")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--test",
        type=Path,
        action="append",
        default=[],
        help="also score this JSONL gold file, or every *.jsonl of this folder (repeatable)",
    )
    ap.add_argument("--no-heldout", action="store_true", help="score only the --test files")
    args = ap.parse_args()
    data, tool = args.shared / "data", args.shared / "tools" / "score_mentions.py"
    if not data.is_dir() or not tool.is_file():
        print(f"ner_eval: {args.shared} (data/ and tools/score_mentions.py) not found; skipped")
        print(json.dumps({"skipped": True}))
        return 0
    report: dict[str, object] = {}
    all_texts: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        sets = [(name, heldout_lines(data / rel), types) for name, (rel, types) in CORPORA.items()]
        sets += [(name, read_lines(data / rel), types) for name, (rel, types) in UNSEEN.items()]
        if args.no_heldout:
            sets = []
        sets += [(path.stem, read_lines(path), _types_of(path)) for path in _test_files(args.test)]
        for name, lines, types in sets:
            records = [json.loads(line) for line in lines]
            all_texts.append([r["text"] for r in records])
            report[name] = _evaluate(name, lines, records, types, tool, Path(tmp))

    # throughput on the same text: round-robin over the corpora up to --chars characters
    texts: list[str] = []
    size = 0
    for row in zip(*all_texts, strict=False):
        for text in row:
            if size >= args.chars:
                break
            texts.append(text)
            size += len(text)
    import jieba
    import jieba.posseg

    jieba.initialize()

    def run_mentions(ts: list[str]) -> None:
        src = "".join(
            json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
            for i, t in enumerate(ts)
        )
        annotate_jsonl(io.StringIO(src), io.StringIO())

    def run_lcut(ts: list[str]) -> None:
        for t in ts:
            jieba.lcut(t)

    def run_posseg(ts: list[str]) -> None:
        for t in ts:
            jieba.posseg.lcut(t)

    for fn in (run_mentions, run_lcut, run_posseg):
        fn(texts[:50])  # warm up: load models and dictionaries
    rates = {
        "kg_mentions": _median_rate(run_mentions, texts, args.runs),
        "jieba_lcut": _median_rate(run_lcut, texts, args.runs),
        "jieba_posseg": _median_rate(run_posseg, texts, args.runs),
    }
    ratio = rates["kg_mentions"] / rates["jieba_lcut"]
    startup = statistics.median(_startup() for _ in range(args.runs))
    from graph.ner.tagger import model_path
    from graph.ner.wordseg import backend

    print(f"\nthroughput on {size} chars ({len(texts)} texts), median of {args.runs} runs:")
    for k, v in rates.items():
        print(f"  {k:<14} {v:>10,.0f} chars/s")
    print(f"  kg_mentions / jieba_lcut = {ratio:.2f}  (word spans via {backend()})")
    print(f"start-up of `python -m graph mentions` on one line: {startup:.2f} s")
    model_mb = model_path().stat().st_size / 1e6
    print(f"model {model_path().name}: {model_mb:.1f} MB")
    report["throughput"] = {k: round(v) for k, v in rates.items()} | {
        "ratio_vs_lcut": round(ratio, 3),
        "chars": size,
        "runs": args.runs,
        "word_spans": backend(),
    }
    report["startup_s"] = round(startup, 2)
    report["model_mb"] = round(model_mb, 2)
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
