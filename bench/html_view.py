"""Benchmark: time until the HTML view is interactive in headless Chromium.

For synthetic graphs of 1k, 5k and 20k nodes (about 3 edges per node, preferential
attachment so degrees vary), writes the page with :func:`graph.network.html.write_html` and
measures, in headless Chromium with every non-file request blocked, the time from navigation
start until the page is interactive: physics frozen at ``stabilizationIterationsDone`` (or first
drawn when physics is off).  Baseline in the same run: pyvis defaults (``cdn_resources="in_line"``)
on the 1k graph, with a timeout.

Usage::

    python bench/html_view.py [--sizes 1000,5000,20000] [--runs 3] [--baseline-timeout 60]

Prints one line per size and a final JSON line.  Needs Debian ``chromium`` at /usr/bin/chromium.
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
from typing import Any

import networkx as nx

from graph.network.html import CHROMIUM as HTML_CHROMIUM
from graph.network.html import CHROMIUM_ARGS

CHROMIUM = HTML_CHROMIUM
ARGS = list(CHROMIUM_ARGS)
KINDS = ("person", "org", "place", "concept", "event", "document")
RELATIONS = ("memberOf", "subOrganizationOf", "organizer", "location", "partOf", "mentions")
# attach a stabilisation listener to any page's global `network` as soon as it exists
HOOK = """
(() => {
  const t = setInterval(() => {
    if (!window.network || !window.network.once) return;
    clearInterval(t);
    window.network.once('stabilizationIterationsDone',
      () => { window.benchDone = performance.now(); });
    window.network.once('stabilized', () => { window.benchStable = performance.now(); });
  }, 10);
})();
"""


def synthetic_graph(n: int, edges_per_node: int = 3, seed: int = 1) -> nx.MultiDiGraph:
    """A graph of ``n`` nodes with the model's attributes and about 3 edges per node."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    targets: list[int] = []
    for i in range(n):
        label = f"实体{i}"
        sentence = f"这是关于{label}的一句话。"
        ev = {
            "doc": f"d{i % 20}.txt",
            "start": 4,
            "end": 4 + len(label),
            "text": label,
            "sentence": sentence,
            "sentence_start": 0,
        }
        g.add_node(
            f"n{i}",
            kind=KINDS[i % len(KINDS)],
            label=label,
            aliases=[f"别名{i}"],
            docs=[ev["doc"]],
            evidence=[ev],
        )
        if i:
            for _ in range(min(edges_per_node, i)):
                j = rnd.choice(targets) if targets and rnd.random() < 0.7 else rnd.randrange(i)
                g.add_edge(
                    f"n{i}",
                    f"n{j}",
                    key=f"e{i}-{j}-{rnd.random()}",
                    relation=rnd.choice(RELATIONS),
                    label="关系",
                    confidence=0.9,
                    docs=[ev["doc"]],
                    evidence=[ev],
                )
                targets += [i, j]
    return g


def _block(route: Any) -> None:
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort()


def time_page(browser: Any, path: Path, timeout_s: float, mark: str) -> float | None:
    """Seconds from navigation start until ``window[mark]`` is set (None on timeout)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(HOOK)
    page.route("**/*", _block)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        page.wait_for_function(
            f"window.{mark} !== undefined && window.{mark} !== false",
            timeout=timeout_s * 1000,
            polling=100,
        )
        value = page.evaluate(f"window.{mark}")
        return float(value) / 1000.0
    except Exception as e:  # playwright TimeoutError
        if "Timeout" not in type(e).__name__ and "Timeout" not in str(e):
            raise
        return None
    finally:
        if errors:
            print(f"  page errors: {errors[:3]}", file=sys.stderr)
        page.close()


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright
    from pyvis.network import Network

    from graph.network.html import write_html

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--baseline-timeout", type=float, default=60.0)
    ap.add_argument("--baseline-nodes", type=int, default=1000)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--max-nodes", type=int, default=None, help="Override the view cap.")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    results: dict[str, Any] = {"sizes": {}, "baseline": None}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in sizes:
            g = synthetic_graph(n)
            path = tmp / f"g{n}.html"
            t0 = time.perf_counter()
            cap = {} if args.max_nodes is None else {"max_nodes": args.max_nodes}
            report = write_html(g, path, title=f"bench {n}", **cap)
            write_s = time.perf_counter() - t0
            times = [time_page(browser, path, args.timeout, "kgReadyAt") for _ in range(args.runs)]
            ok = [t for t in times if t is not None]
            median = statistics.median(ok) if ok else None
            results["sizes"][str(n)] = {
                "nodes": n,
                "edges": g.number_of_edges(),
                "shown_nodes": report.shown_nodes,
                "capped": report.capped,
                "physics": report.physics,
                "write_s": round(write_s, 2),
                "runs_s": [None if t is None else round(t, 2) for t in times],
                "median_s": None if median is None else round(median, 2),
                "html_mb": round(path.stat().st_size / 1e6, 2),
            }
            shown = "timeout" if median is None else f"{median:.2f} s"
            print(
                f"{n:>6} nodes: interactive in {shown} (median of {args.runs}; "
                f"{report.shown_nodes} shown, capped={report.capped}, write {write_s:.2f} s)",
                flush=True,
            )
        if not args.no_baseline:
            g = synthetic_graph(args.baseline_nodes)
            net = Network(directed=True, cdn_resources="in_line")
            for node, data in g.nodes(data=True):
                net.add_node(node, label=data["label"])
            for u, v in g.edges():
                net.add_edge(u, v)
            path = tmp / "baseline.html"
            path.write_text(net.generate_html(), encoding="utf-8")
            done = time_page(browser, path, args.baseline_timeout, "benchDone")
            results["baseline"] = {
                "nodes": args.baseline_nodes,
                "pyvis_defaults_iterations_done_s": None if done is None else round(done, 2),
                "timeout_s": args.baseline_timeout,
            }
            shown = (
                f"> {args.baseline_timeout:.0f} s (timeout)" if done is None else f"{done:.2f} s"
            )
            print(
                f"baseline pyvis defaults, {args.baseline_nodes} nodes: "
                f"stabilisation done in {shown}",
                flush=True,
            )
        browser.close()
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
