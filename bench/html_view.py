"""Benchmark: time until the HTML view is interactive, and frames per second while panning.

For synthetic graphs of 1k, 5k, 20k and 50k entities (5 edges per entity: 100k edges at 20k;
preferential attachment so degrees vary), three pages of the same graph are opened in headless
Chromium with every non-file request blocked:

- ``view``: this package's page (:func:`graph.network.html.write_html`): communities as
  super-nodes above 1,000 entities, layout frozen;
- ``cap``: the previous page, which kept the 2,000 best-connected nodes (written by the code of
  commit ``--cap-rev`` in a subprocess, from a ``git archive`` of that commit);
- ``pyvis``: pyvis defaults (``cdn_resources="in_line"``), up to ``--pyvis-max`` entities.

Time to interactive: navigation start until the page is ready (``kgReadyAt``: physics frozen, or
first drawn when physics is off; for pyvis, ``stabilizationIterationsDone``), or the timeout.
Frames per second: ``requestAnimationFrame`` callbacks counted over a 2 s scripted pan (the
view moved by ``network.moveTo`` in each frame), measured once the page is ready (for pyvis,
also after a timeout, while it still simulates).  Medians of ``--runs``.

Usage::

    python bench/html_view.py [--sizes 1000,5000,20000,50000] [--runs 3] [--json]

Prints one line per size and page, and a final JSON line.  Needs Debian ``chromium``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import subprocess
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


PAN = """() => new Promise((done) => {
  const start = network.getViewPosition(), t0 = performance.now();
  let frames = 0;
  function step(t) {
    frames += 1;
    const dx = (t - t0) * 0.4 / network.getScale();  // 400 screen px per second
    network.moveTo({position: {x: start.x + dx, y: start.y}, animation: false});
    if (t - t0 < 2000) requestAnimationFrame(step);
    else done(frames / ((t - t0) / 1000));
  }
  requestAnimationFrame(step);
})"""


def time_page(
    browser: Any, path: Path, timeout_s: float, mark: str
) -> tuple[float | None, float | None]:
    """Seconds from navigation start until ``window[mark]`` is set (None on timeout), and the
    frames per second of a scripted pan afterwards (None when the page does not answer)."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.add_init_script(HOOK)
    page.route("**/*", _block)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    ready: float | None = None
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        try:
            page.wait_for_function(
                f"window.{mark} !== undefined && window.{mark} !== false",
                timeout=timeout_s * 1000,
                polling=100,
            )
            ready = float(page.evaluate(f"window.{mark}")) / 1000.0
        except Exception as e:  # playwright TimeoutError
            if "Timeout" not in type(e).__name__ and "Timeout" not in str(e):
                raise
        try:
            page.wait_for_function("window.network !== undefined", timeout=timeout_s * 1000)
            return ready, float(page.evaluate(PAN))
        except Exception as e:  # the page does not even answer: no frame at all
            if "Timeout" not in type(e).__name__ and "Timeout" not in str(e):
                raise
            return ready, None
    finally:
        if errors:
            print(f"  page errors: {errors[:3]}", file=sys.stderr)
        page.close()


CAP_WRITER = """
import pickle, sys
sys.path.insert(0, sys.argv[1])
from graph.network.html import write_html
with open(sys.argv[2], "rb") as f:
    g = pickle.load(f)
write_html(g, __import__("pathlib").Path(sys.argv[3]), title="cap")
"""


def old_code(rev: str, tmp: Path) -> Path:
    """The package as of ``rev``, unpacked under ``tmp`` (for the capped page)."""
    out = tmp / f"old-{rev}"
    if not out.exists():
        out.mkdir()
        root = Path(__file__).resolve().parents[1]
        tar = subprocess.run(
            ["git", "-C", str(root), "archive", rev, "graph"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(out)], input=tar, check=True)
    return out


def write_pages(g: nx.MultiDiGraph, n: int, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    """The three pages of ``g``: path, mark and write time of each (pyvis only when small)."""
    from pyvis.network import Network

    from graph.network.html import write_html

    pages: dict[str, Any] = {}
    t0 = time.perf_counter()
    report = write_html(g, tmp / f"view{n}.html", title=f"bench {n}")
    pages["view"] = (tmp / f"view{n}.html", "kgReadyAt", time.perf_counter() - t0, report)
    pickled = tmp / f"g{n}.pickle"
    pickled.write_bytes(pickle.dumps(g))
    t0 = time.perf_counter()
    code = [sys.executable, "-c", CAP_WRITER, str(old_code(args.cap_rev, tmp))]
    subprocess.run([*code, str(pickled), str(tmp / f"cap{n}.html")], check=True)
    pages["cap"] = (tmp / f"cap{n}.html", "kgReadyAt", time.perf_counter() - t0, None)
    if n <= args.pyvis_max:
        t0 = time.perf_counter()
        net = Network(directed=True, cdn_resources="in_line")
        net.nodes.extend(
            {"id": u, "label": d["label"], "shape": "dot"} for u, d in g.nodes(data=True)
        )
        net.edges.extend({"from": u, "to": v} for u, v in g.edges())
        (tmp / f"pyvis{n}.html").write_text(net.generate_html(), encoding="utf-8")
        pages["pyvis"] = (tmp / f"pyvis{n}.html", "benchDone", time.perf_counter() - t0, None)
    return pages


def _median(values: list[float | None]) -> float | None:
    ok = [v for v in values if v is not None]
    return round(statistics.median(ok), 2) if ok and len(ok) == len(values) else None


def measure(browser: Any, n: int, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    g = synthetic_graph(n, edges_per_node=args.edges_per_node)
    out: dict[str, Any] = {"nodes": n, "edges": g.number_of_edges()}
    for name, (path, mark, write_s, report) in write_pages(g, n, tmp, args).items():
        timeout = args.timeout if name != "pyvis" else args.pyvis_timeout
        runs = [time_page(browser, path, timeout, mark) for _ in range(args.runs)]
        tti, fps = _median([r[0] for r in runs]), _median([r[1] for r in runs])
        out[name] = {
            "interactive_s": tti,
            "timeout_s": timeout if tti is None else None,
            "pan_fps": fps,
            "write_s": round(write_s, 2),
            "html_mb": round(path.stat().st_size / 1e6, 1),
        }
        if report is not None:
            out[name] |= {"drawn_nodes": report.shown_nodes, "clusters": report.clusters}
        shown = f"{tti:.2f} s" if tti is not None else f"> {timeout:.0f} s"
        print(f"{n:>6} {name:>5}: interactive {shown}, pan {fps} fps", flush=True)
    out["ratios"] = ratios(out)
    return out


def ratios(out: dict[str, Any]) -> dict[str, float | None]:
    """This page against the baselines measured in the same run: time to interactive as a
    ratio (below 1: sooner) and pan fps as a ratio (above 1: smoother); None when a baseline
    has no figure (a timeout, or pyvis not run at this size)."""
    view = out["view"]
    got: dict[str, float | None] = {}
    for base in ("cap", "pyvis"):
        b = out.get(base, {})
        for key, short in (("interactive_s", "interactive"), ("pan_fps", "fps")):
            mine, theirs = view.get(key), b.get(key)
            ok = mine is not None and theirs
            got[f"{short}_vs_{base}"] = round(mine / theirs, 2) if ok else None
    return got


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000,50000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--edges-per-node", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--pyvis-timeout", type=float, default=30.0)
    ap.add_argument("--pyvis-max", type=int, default=5000, help="Largest pyvis-defaults page.")
    ap.add_argument("--cap-rev", default="3975f7c", help="Commit of the capped page.")
    ap.add_argument("--json", action="store_true", help="(the JSON line is always printed)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    results: dict[str, Any] = {"sizes": {}, "runs": args.runs}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in (int(s) for s in args.sizes.split(",") if s):
            results["sizes"][str(n)] = measure(browser, n, tmp, args)
        browser.close()
    at20k = results["sizes"].get("20000", {}).get("view", {}).get("interactive_s")
    results["interactive_20k_within_3s"] = None if at20k is None else at20k <= 3.0
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
