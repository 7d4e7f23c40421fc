"""Screenshot of a graph.html (default exports/graph.html) into docs/screenshot.png.

Runs headless Debian Chromium with every non-file request blocked, waits until the view is
interactive (physics frozen), optionally searches an entity so the details panel shows its
evidence, and writes a PNG.

Usage::

    python scripts/screenshot.py [exports/graph.html] [--out docs/screenshot.png]
        [--select LABEL] [--width 1400] [--height 850]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graph.network.html import CHROMIUM as HTML_CHROMIUM
from graph.network.html import CHROMIUM_ARGS

CHROMIUM = HTML_CHROMIUM
ARGS = list(CHROMIUM_ARGS)


def _block(route: Any) -> None:
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort()


def screenshot(
    html: Path, out: Path, *, select: str | None = None, width: int = 1400, height: int = 850
) -> Path:
    """Render ``html`` in headless Chromium and save a PNG at ``out``."""
    from playwright.sync_api import sync_playwright

    if not html.is_file():
        raise SystemExit(f"screenshot: {html} not found (run `kg build seeds/ --out exports/`)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", _block)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(html.resolve().as_uri())
            page.wait_for_function("window.kgReady === true", timeout=120_000, polling=100)
            if select:
                page.fill("#kg-search", select)
                page.press("#kg-search", "Enter")
                page.wait_for_timeout(300)
            page.evaluate("network.fit({animation: false})")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out))
            if errors:
                print(f"screenshot: page errors: {errors}", file=sys.stderr)
        finally:
            browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", nargs="?", type=Path, default=Path("exports/graph.html"))
    ap.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    ap.add_argument(
        "--select", default=None, help="Search this label: select it and show its details."
    )
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=850)
    args = ap.parse_args(argv)
    path = screenshot(args.html, args.out, select=args.select, width=args.width, height=args.height)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
