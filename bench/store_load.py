#!/usr/bin/env python3
"""Benchmark: creating the store on a first build, bulk load vs one transactional update.

The data is the model-shaped synthetic corpus of ``bench/sparql.py`` (one named graph per
document plus an entities graph), as the N-Triples of each graph, which is what ``kg build``
hands to the store.  Measured in the same run, median of ``--repeat``:

- ``bulk_s``: ``graph.sparql.store.create_store`` (what a first build does: bulk load into a hidden
  folder, then rename);
- ``transactional_s``: ``open_store`` + ``Store.replace_graphs`` (what a rebuild does for the
  changed documents), the previous way of creating the store;
- ``speedup``: their ratio.

    .venv/bin/python bench/store_load.py [--triples 300000] [--repeat 3]

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from sparql import synthetic_nquads

from graph.sparql.store import create_store, open_store


def graphs_of(nquads: bytes) -> dict[str, bytes]:
    """Per named graph, the N-Triples of its quads (the graph IRI is each line's last term)."""
    lines: dict[str, list[str]] = defaultdict(list)
    for line in nquads.decode("utf-8").splitlines():
        body, graph = line[: -len(" .")].rsplit(" ", 1)
        lines[graph.strip("<>")].append(body + " .\n")
    return {g: "".join(ls).encode("utf-8") for g, ls in lines.items()}


def _timed(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        folder = Path(tempfile.mkdtemp())
        try:
            t = time.perf_counter()
            fn(folder / "store")  # type: ignore[operator]
            times.append(time.perf_counter() - t)
        finally:
            shutil.rmtree(folder)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--triples", type=int, default=300_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    graphs = graphs_of(synthetic_nquads(args.triples))
    n = sum(g.count(b"\n") for g in graphs.values())

    def transactional(path: Path) -> None:
        with open_store(path) as store:
            store.replace_graphs(graphs)

    bulk = _timed(lambda path: create_store(path, graphs), args.repeat)
    txn = _timed(transactional, args.repeat)
    print(f"{n} triples in {len(graphs)} graphs, median of {args.repeat}:")
    print(f"  bulk load (first build)   {bulk:8.2f} s  {n / bulk:12,.0f} triples/s")
    print(f"  one transactional update  {txn:8.2f} s  {n / txn:12,.0f} triples/s")
    print(f"  speed-up {txn / bulk:.1f}x")
    result = {"triples": n, "graphs": len(graphs), "bulk_s": round(bulk, 2)}
    result |= {"transactional_s": round(txn, 2), "speedup": round(txn / bulk, 2)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
