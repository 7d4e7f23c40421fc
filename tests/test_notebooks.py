"""The notebooks a researcher opens execute top to bottom (nbclient), ship clean, and show what
they promise: every cell tagged ``plot`` draws an image, every cell tagged ``table`` a DataFrame
table, and the cell tagged ``view`` the interactive page inline (``<iframe srcdoc>``, no path to a
temporary file), with no error and nothing on stderr.

Tags are cell metadata (JupyterLab: the property inspector, "Cell Tags").  A static test ties the
tag to the code, so an untagged plot cannot slip past the image check.
"""

from __future__ import annotations

import functools
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import nbformat
import pytest

NOTEBOOKS_DIR = Path(__file__).parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
EXPECTED = {"01_build_and_query", "02_network_analytics", "03_timeline_and_statements"}
DRAWS = re.compile(r"\bplt\.show\(\)|\.plot\(|\bplt\.subplots\(")


def _tags(cell: Any) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _code_cells(path: Path) -> list[Any]:
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def test_the_three_notebooks_exist() -> None:
    assert {p.stem for p in NOTEBOOKS} >= EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_without_outputs(path: Path) -> None:
    for cell in _code_cells(path):
        assert not cell.outputs and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_plot_cells_are_tagged(path: Path) -> None:
    cells = _code_cells(path)
    for cell in cells:
        assert bool(DRAWS.search(cell.source)) == ("plot" in _tags(cell)), cell.source[:120]
    assert any("plot" in _tags(c) for c in cells), f"{path.name} draws no plot"
    assert sum("view" in _tags(c) for c in cells) == 1, f"{path.name}: one inline view cell"


def _outputs(cell: Any, mime: str) -> list[str]:
    out = []
    for o in cell.get("outputs", []):
        data = o.get("data", {})
        if mime in data:
            value = data[mime]
            out.append(value if isinstance(value, str) else "".join(value))
    return out


@functools.cache
def executed(path: Path) -> Any:
    """The notebook run top to bottom (nbclient), once per test session."""
    pytest.importorskip("graph.build.pipeline")
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes(path: Path) -> None:
    nb = executed(path)
    cells = [c for c in nb.cells if c.cell_type == "code"]
    errors = [o for c in cells for o in c.outputs if o.get("output_type") == "error"]
    assert not errors, errors[0].get("evalue")
    stderr = [o.text for c in cells for o in c.outputs if o.get("name") == "stderr"]
    assert not stderr, stderr[0][:500]
    for cell in cells:
        tags = _tags(cell)
        if "plot" in tags:
            assert _outputs(cell, "image/png"), f"no image: {cell.source[:120]}"
        if "table" in tags:
            assert any("<table" in h for h in _outputs(cell, "text/html")), cell.source[:120]
        if "view" in tags:
            (page,) = _outputs(cell, "text/html")
            assert "<iframe srcdoc=" in page and "vis.Network" in page
            assert tempfile.gettempdir() + "/" not in page  # the page itself, not a path to it


# In the view's frame (a sandboxed srcdoc iframe): the nodes it holds and draws, and how many
# pixels of its canvas are painted (the canvas is transparent until vis-network draws on it).
VIEW_STATE = """() => {
  const canvas = document.querySelector('#kg-network canvas');
  const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
  return {entities: JSON.parse(document.getElementById('kg-data').textContent).nodes.length,
          drawn: network.body.data.nodes.length, painted: painted,
          width: canvas.width, height: canvas.height};
}"""


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_saved_notebook_shows_the_view(path: Path, tmp_path: Path) -> None:
    """The executed notebook, saved and exported to HTML (nbconvert, JupyterLab's look), opened
    in headless Chromium with every request other than the file itself blocked and recorded:
    the inline view runs in its frame, holds the graph's nodes and paints its canvas.

    nbconvert's own page loads require.js and MathJax from a CDN; those two addresses are
    pointed at empty ``data:`` scripts, so any outside request left would be the view's.
    """
    from nbconvert import HTMLExporter
    from playwright.sync_api import sync_playwright

    from graph.network.html import CHROMIUM, CHROMIUM_ARGS

    saved = tmp_path / path.name
    nbformat.write(executed(path), saved)
    exporter = HTMLExporter(
        template_name="lab",
        mathjax_url="data:text/javascript,",
        require_js_url="data:text/javascript,",
    )
    body, _ = exporter.from_notebook_node(nbformat.read(saved, as_version=4))
    assert "<iframe" in body and "srcdoc=" in body
    html_path = tmp_path / f"{path.stem}.html"
    html_path.write_text(body, encoding="utf-8")

    requests: list[str] = []
    errors: list[str] = []

    def route(r: Any) -> None:
        requests.append(r.request.url)
        if r.request.url == html_path.as_uri():
            r.continue_()
        else:
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.route("**/*", route)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(html_path.as_uri())
            frame_element = page.locator("iframe").first
            frame_element.scroll_into_view_if_needed()  # Chromium does not paint hidden frames
            frame = frame_element.element_handle().content_frame()
            assert frame is not None
            frame.wait_for_function("window.kgReady === true", timeout=60_000, polling=100)
            state = frame.evaluate(VIEW_STATE)
        finally:
            browser.close()
    assert state["entities"] > 0 and state["drawn"] > 0, state
    assert state["painted"] > 0.002 * state["width"] * state["height"], state
    assert requests == [html_path.as_uri()]
    assert errors == []


@pytest.mark.slow
def test_jupyterlab_opens_the_notebooks(tmp_path: Path) -> None:
    """The README's command: JupyterLab starts on notebooks/ and lists the three notebooks."""
    pytest.importorskip("jupyterlab")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(8)
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}"]
    cmd += [f"--IdentityProvider.token={token}", "--ServerApp.ip=127.0.0.1", str(NOTEBOOKS_DIR)]
    if os.geteuid() == 0:
        cmd.append("--allow-root")  # Jupyter refuses root without it (CI runs as root)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path), JUPYTER_CONFIG_DIR=str(tmp_path))
    log = (tmp_path / "lab.log").open("wb")
    server = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        names: list[str] = []
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/api/contents?token={token}"
                with urllib.request.urlopen(url, timeout=5) as response:
                    names = [c["name"] for c in json.load(response)["content"]]
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}") as page:
                    assert page.status == 200
                break
            except OSError:
                time.sleep(0.5)
        assert {f"{n}.ipynb" for n in EXPECTED} <= set(names), (tmp_path / "lab.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
