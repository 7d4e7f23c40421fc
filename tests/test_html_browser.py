"""The HTML view in real headless Chromium (Debian ``chromium``), all network blocked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from html_sample import EVIL, big_graph, sample_graph

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
    roles = [b["text"] for b in page.evaluate("kgLabels()") if b["edge"]]
    assert roles == ["主席"]  # the selected node's role label is drawn, and only hers


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


LABEL_BOXES = """() => {
  const scale = network.getScale(), ctx = document.createElement('canvas').getContext('2d');
  return kgLabels().map((l) => {
    ctx.font = l.px + 'px ' + l.face;
    const w = ctx.measureText(l.text).width;
    let cx = l.cx, top = l.top;
    if (!l.edge) {
      const p = network.canvasToDOM(network.getPositions([l.id])[l.id]);
      cx = p.x;  // the box is measured from the node, not taken from the page
      top = Math.max(top, p.y);
    }
    return {id: l.id, edge: l.edge, screen: l.font * scale, x0: cx - w / 2, x1: cx + w / 2,
            y0: top, y1: top + l.px * 1.2, dx: Math.abs(cx - l.cx)};
  });
}"""


def assert_labels_readable(page: Any) -> list[dict[str, Any]]:
    """Every drawn label measures at least 11 px on screen and none overlaps another."""
    boxes: list[dict[str, Any]] = page.evaluate(LABEL_BOXES)
    assert boxes, "no label drawn"
    assert min(b["screen"] for b in boxes) >= 11
    assert max(b["dx"] for b in boxes) < 1  # each node label is centred under its node
    for i, a in enumerate(boxes):
        for b in boxes[:i]:
            apart = (
                a["x1"] <= b["x0"] or b["x1"] <= a["x0"] or a["y1"] <= b["y0"] or b["y1"] <= a["y0"]
            )
            assert apart, (a, b)
    return boxes


def test_labels_read_at_the_opening_zoom(sample_page: Page) -> None:
    page = sample_page.page
    page.evaluate("network.fit({animation: false})")
    boxes = assert_labels_readable(page)
    assert page.evaluate("network.getScale()") < 1.2
    assert not [b for b in boxes if b["edge"]]  # role labels wait for hover or selection


@pytest.fixture(scope="module")
def big_page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    path = tmp_path_factory.mktemp("big") / "big.html"
    report = write_html(big_graph(3000), path, aggregate_above=1000)
    assert report.clusters >= 10
    page = Page(browser, path)
    yield page
    page.page.close()


def test_big_graph_opens_on_readable_clusters(big_page: Page) -> None:
    page = big_page.page
    assert big_page.errors == [] and big_page.blocked == []
    drawn = page.evaluate("network.body.data.nodes.getIds()")
    supers = [i for i in drawn if isinstance(i, str)]
    assert len(supers) >= 10 and len(drawn) < 400
    assert "3000" in page.locator("#kg-note").inner_text().replace(",", "")
    boxes = assert_labels_readable(page)
    assert len([b for b in boxes if isinstance(b["id"], str)]) >= 10


EVERY_MEMBER_BY_EXPANDING = """() => {
  const missing = [];
  KG_CLUSTERS: for (let c = 0; c < kgClusters.count(); c++) {
    const members = kgClusters.members(c), was = kgClusters.isOpen(c);
    kgClusters.expand(c);
    const ids = network.body.data.nodes;
    if (ids.get('c' + c)) missing.push('super-node c' + c + ' still drawn');
    for (const i of members) if (!ids.get(i)) missing.push(i);
    if (!was) kgClusters.fold(c);
  }
  return missing;
}"""

EVERY_ENTITY_BY_SEARCH = """() => {
  const input = document.getElementById('kg-search'), missing = [];
  const n = kgClusters.size();
  for (let i = 0; i < n; i++) {
    input.value = '实体' + i;
    input.dispatchEvent(new Event('input'));
    const hit = document.querySelector('#kg-results li');
    if (!hit || +hit.getAttribute('data-node') !== i) { missing.push(i); continue; }
    hit.click();
    const h3 = document.querySelector('#kg-details-body h3');
    if (!network.body.data.nodes.get(i) || network.getSelectedNodes()[0] !== i
        || !h3 || h3.textContent !== '实体' + i) missing.push(i);
  }
  return missing;
}"""


def test_big_graph_every_entity_reachable(big_page: Page) -> None:
    """Each of the 3,000 entities: drawn when its cluster is expanded, and found, drawn,
    selected and detailed by a search (which expands its cluster)."""
    page = big_page.page
    assert page.evaluate("kgClusters.size()") == 3000
    assert page.evaluate(EVERY_MEMBER_BY_EXPANDING) == []
    assert page.evaluate(EVERY_ENTITY_BY_SEARCH) == []
    assert big_page.errors == []


def test_cluster_click_expands_in_place(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    write_html(big_graph(1500), path, aggregate_above=1000)
    page = Page(browser, path)
    try:
        before = page.page.evaluate("network.getPositions(['c0'])['c0']")
        seed = page.page.evaluate("network.body.data.nodes.get('c0').seed")
        page.click_node(page.page.evaluate("network.body.data.nodes.get('c0').label"))
        assert page.page.evaluate("network.body.data.nodes.get('c0')") is None
        after = page.page.evaluate(f"network.getPositions([{seed}])[{seed}]")
        assert abs(after["x"] - before["x"]) < 1 and abs(after["y"] - before["y"]) < 1
        assert "Cluster expanded" in page.page.locator("#kg-details-body").inner_text()
        assert page.errors == []
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
