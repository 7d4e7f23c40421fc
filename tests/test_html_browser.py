"""The HTML view in real headless Chromium (Debian ``chromium``), all network blocked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from html_sample import EVIL, sample_graph

from graph.network.html import CHROMIUM as HTML_CHROMIUM
from graph.network.html import CHROMIUM_ARGS, write_html

CHROMIUM = Path(HTML_CHROMIUM)
ARGS = list(CHROMIUM_ARGS)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed at /usr/bin"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # a test dependency: fail, never skip

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """A page opened from disk with every non-file request blocked and errors collected."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on(
            "console",
            lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None,
        )
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgReady === true", timeout=60_000, polling=100)

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def click_node(self, label: str) -> None:
        xy = self.page.evaluate(
            """(label) => {
              const n = network.body.data.nodes.get({filter: (d) => d.label === label})[0];
              const p = network.getPositions([n.id])[n.id];
              const dom = network.canvasToDOM(p);
              const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
              return [r.left + dom.x, r.top + dom.y];
            }""",
            label,
        )
        self.page.mouse.click(xy[0], xy[1])


@pytest.fixture(scope="module")
def sample_page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(sample_graph(), path, title="测试图谱")
    page = Page(browser, path)
    yield page
    page.page.close()


def test_loads_offline_without_errors(sample_page: Page) -> None:
    assert sample_page.errors == []
    assert sample_page.blocked == []
    assert sample_page.dialogs == []
    assert sample_page.page.evaluate("network.body.data.nodes.length") == 10
    assert sample_page.page.evaluate("network.body.data.edges.length") == 7
    assert sample_page.page.locator("#kg-note").is_hidden()
    labels = sample_page.page.evaluate("network.body.data.nodes.map((n) => n.label)")
    assert EVIL in labels
    assert sample_page.page.evaluate("network.physics.physicsEnabled") is False


def test_search_finds_node_by_alias(sample_page: Page) -> None:
    page = sample_page.page
    page.fill("#kg-search", "小林")
    assert page.locator("#kg-results li").first.inner_text().startswith("林晓峰")
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-details-body h3").inner_text() == "林晓峰"
    page.fill("#kg-search", "星河")
    hits = page.locator("#kg-results li").all_inner_texts()
    assert "星河科技有限公司 · org" in hits and "星河科技工会 · org" in hits
    assert "林晓峰 · person" not in hits
    page.fill("#kg-search", "赵雨桐")  # the person ranks before the document that names her
    assert page.locator("#kg-results li").all_inner_texts()[0] == "赵雨桐 · person"
    page.fill("#kg-search", "不存在的名字")
    assert page.locator("#kg-results li").inner_text().startswith("无结果")


def test_click_node_shows_evidence_sentence(sample_page: Page) -> None:
    page = sample_page.page
    page.evaluate("network.fit({animation: false})")
    sample_page.click_node("赵雨桐")
    body = page.locator("#kg-details-body")
    assert body.locator("h3").inner_text() == "赵雨桐"
    assert "赵雨桐担任星河科技工会主席。" in body.inner_text()
    assert body.locator("mark").first.inner_text() == "赵雨桐"
    assert "主席 · 星河科技工会" in body.inner_text()
    assert "星河新闻.txt" in body.inner_text()


def test_click_evil_node_is_inert_text(sample_page: Page) -> None:
    page = sample_page.page
    page.evaluate("network.fit({animation: false})")
    sample_page.click_node(EVIL)
    body = page.locator("#kg-details-body")
    assert body.locator("h3").inner_text() == EVIL
    assert body.locator("img").count() == 0
    assert sample_page.dialogs == [] and sample_page.errors == []


def test_edge_details_and_filters(sample_page: Page) -> None:
    page = sample_page.page
    page.evaluate(
        "kgShowEdge(network.body.data.edges.get({filter: (e) => e.label === '承办'})[0].id)"
    )
    assert (
        "大赛由星河科技工会承办，在滨江会展中心举行。"
        in page.locator("#kg-details-body").inner_text()
    )
    page.uncheck("#kg-legend input[data-kind=person]")
    hidden = "network.body.data.nodes.get({filter: (n) => n.hidden}).length"
    assert page.evaluate(hidden) == 3
    page.check("#kg-legend input[data-kind=person]")
    page.select_option("#kg-doc", "年会.txt")
    # 年会.txt: its document node, the company and the evil person
    assert page.evaluate(hidden) == 7
    page.select_option("#kg-doc", "")
    assert page.evaluate(hidden) == 0
    assert sample_page.errors == []


def test_capped_big_graph_shows_note(browser: Any, tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    for i in range(400):
        g.add_node(f"n{i}", kind="org" if i % 2 else "person", label=f"单位{i}", docs=["a"])
        if i:
            g.add_edge(f"n{i}", f"n{i // 3}", relation="subOrganizationOf", label="下属")
    path = tmp_path / "big.html"
    report = write_html(g, path, max_nodes=150)
    page = Page(browser, path)
    try:
        assert report.capped
        assert page.errors == []
        assert page.page.evaluate("network.body.data.nodes.length") == 150
        note = page.page.locator("#kg-note")
        assert note.is_visible()
        assert "150" in note.inner_text() and "400" in note.inner_text()
    finally:
        page.page.close()


def test_focus_view_opens_on_the_entity(browser: Any, tmp_path: Path) -> None:
    from graph.network.nodelink import write_nodelink
    from graph.network.view import write_view

    write_nodelink(sample_graph(), tmp_path / "graph.json")
    path = write_view(tmp_path, focus="林晓峰", hops=1, query_file=None, out=None)
    page = Page(browser, path)
    try:
        assert page.errors == [] and page.blocked == []
        assert page.page.evaluate("network.body.data.nodes.length") == 3  # + company, concept
        body = page.page.locator("#kg-details-body")
        assert body.locator("h3").inner_text() == "林晓峰"
        assert body.locator("mark").first.inner_text() == "林晓峰"
        assert "经理 · 星河科技有限公司" in body.inner_text()
    finally:
        page.page.close()


def test_empty_graph_is_ready_with_note(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    write_html(nx.MultiDiGraph(), path)
    page = Page(browser, path)  # waits for kgReady
    try:
        assert page.errors == []
        assert page.page.evaluate("network.body.data.nodes.length") == 0
        assert "Empty graph" in page.page.locator("#kg-note").inner_text()
    finally:
        page.page.close()


def test_seed_graph_loads_with_every_node_and_post_evidence(browser: Any, tmp_path: Path) -> None:
    """The repository's seed article, built and opened offline (issue 6 acceptance)."""
    from graph.build.pipeline import BuildOptions, build_corpus
    from graph.network.nodelink import read_nodelink

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    build_corpus(seeds, tmp_path, options=BuildOptions())
    g = read_nodelink(tmp_path / "graph.json")
    seed_page = Page(browser, tmp_path / "graph.html")
    page = seed_page.page
    assert page.evaluate("network.body.data.nodes.length") == g.number_of_nodes()
    person, _, post = next(
        (u, v, d) for u, v, d in g.edges(data=True) if d["relation"] == "memberOf"
    )
    label = g.nodes[person]["label"]
    page.fill("#kg-search", label)  # search, then open the first hit, as a reader would
    page.press("#kg-search", "Enter")
    body = page.locator("#kg-details-body")
    assert body.locator("h3").inner_text() == label
    sentence = post["evidence"][0]["sentence"]
    assert " ".join(sentence.split())[:20] in " ".join(body.inner_text().split())
    assert seed_page.errors == [] and seed_page.blocked == []
    page.close()
