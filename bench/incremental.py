"""Incremental rebuild: time to rebuild after changing one of N documents, versus a full build.

Builds a corpus of N documents (People's Daily 1998 text from ../shared/data when present,
otherwise generated news-like text), warms the process up on a tiny build, then times full
builds (``force``) and rebuilds after appending a sentence to one document, each repeated
``--runs`` times.  Prints medians, the ratio, and a final JSON line.

    .venv/bin/python bench/incremental.py [--docs 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from graph.build.pipeline import BuildOptions, build_corpus

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "pd1998" / "199801.jsonl"
_SURNAMES = "王李张刘陈杨黄赵周吴"
_ORGS = ("河北省农业厅", "某某市总工会", "华北电力大学", "某某钢铁集团有限公司")
_ROLES = ("厅长", "副主席", "校长", "总经理")


def texts(n_docs: int, chars: int = 3000) -> list[str]:
    """Document texts of about ``chars`` characters each."""
    if DATA.exists():
        docs, current, size = [], [], 0
        for line in DATA.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            current.append(text)
            size += len(text)
            if size >= chars:
                docs.append("\n".join(current))
                current, size = [], 0
                if len(docs) == n_docs:
                    return docs
    rng = random.Random(7)
    out = []
    for _ in range(n_docs):
        lines = []
        while sum(map(len, lines)) < chars:
            org, role = rng.choice(_ORGS), rng.choice(_ROLES)
            name = rng.choice(_SURNAMES) + rng.choice("建国明华丽强伟军")
            lines.append(f"{org}{role}{name}表示，要做好今年的各项工作，推动高质量发展。")
        out.append("\n".join(lines))
    return out


def timed(seeds: Path, out: Path, force: bool) -> float:
    start = time.perf_counter()
    build_corpus(seeds, out, options=BuildOptions(force=force))
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds, out = root / "seeds", root / "out"
        seeds.mkdir()
        for i, text in enumerate(texts(args.docs)):
            (seeds / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
        warm = root / "warm"
        warm.mkdir()
        (warm / "w.txt").write_text("某某市总工会副主席王建国表示，要做好工作。", encoding="utf-8")
        timed(warm, root / "warm-out", force=True)
        full = [timed(seeds, out, force=True) for _ in range(args.runs)]
        incremental = []
        for run in range(args.runs):
            doc = seeds / f"doc{run % args.docs:03d}.txt"
            doc.write_text(doc.read_text(encoding="utf-8") + f"\n补充第{run}句。", encoding="utf-8")
            incremental.append(timed(seeds, out, force=False))
    f, i = statistics.median(full), statistics.median(incremental)
    print(f"documents: {args.docs}; full build median {f:.2f} s {full}")
    print(f"rebuild after changing one document: median {i:.2f} s {incremental}")
    print(f"ratio incremental/full: {i / f:.3f}")
    print(
        json.dumps(
            {
                "documents": args.docs,
                "full_s": round(f, 3),
                "incremental_s": round(i, 3),
                "ratio": round(i / f, 3),
                "source": "pd1998" if DATA.exists() else "generated",
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
