"""The query page of ``kg serve`` (``/query``) in real headless Chromium, network blocked.

Only the server under test (127.0.0.1) is reachable; every request the browser makes is recorded
and any other one is aborted and fails the test.  The store is the seed article's build.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.network.html import CHROMIUM, CHROMIUM_ARGS
from graph.sparql.query import named_queries, resolve_query, run_query
from graph.sparql.querypage import example_text, query_page
from graph.sparql.server import ServerOptions, SparqlServer, start_server
from graph.sparql.terms import SelectResult

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed"),
]
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    from graph.build.pipeline import BuildOptions, build_corpus

    out = tmp_path_factory.mktemp("query-page") / "exports"
    build_corpus(SEEDS, out, options=BuildOptions())
    srv = start_server(out, ServerOptions(port=0, workers=1))
    yield srv
    srv.close()


def test_page_is_one_offline_document(server: SparqlServer) -> None:
    """No script, style or font is fetched from anywhere: all of it is in the page."""
    from server_helpers import get

    status, body, headers = get(server.url + "/query")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == query_page()
    page = body.decode("utf-8")
    for remote in ("<script src", "<link ", "@import", "url(http"):
        assert remote not in page
    assert get(server.url + "/query", method="HEAD")[0] == 200
    assert get(server.url + "/query/x")[0] == 404


def test_examples_bind_the_defaults_and_run(server: SparqlServer) -> None:
    """Each named query, as the page offers it, gives what ``kg query --name`` gives."""
    graph_dir = server.graph_dir
    for name in ("q1_union_chairs", "people"):
        text, values = resolve_query(None, name=name)
        expected = run_query(graph_dir, text, values)
        shown = run_query(graph_dir, example_text(named_queries()[name]), {})
        assert shown == expected, name
        assert isinstance(expected, SelectResult) and expected.rows, (
            name
        )  # the seed build has an answer to both


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield b
        b.close()


class Session:
    """A browser context where only ``allowed`` is reachable; requests and errors recorded."""

    def __init__(self, browser: Any, allowed: str) -> None:
        self.allowed = allowed
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(
            viewport={"width": 1300, "height": 900}, accept_downloads=True
        )
        self.context.route("**/*", self._route)
        self.context.on("page", self._watch)

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith(self.allowed + "/"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _watch(self, page: Any) -> None:
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on(
            "console",
            lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None,
        )


def _cells(page: Any, column: int) -> list[str]:
    return list(
        page.evaluate(
            "(c) => Array.from(document.querySelectorAll('.yasr tbody tr'))"
            ".map((r) => r.children[c].textContent)",
            column,
        )
    )


def test_query_page_runs_a_named_query_and_opens_a_result_in_the_view(
    server: SparqlServer, browser: Any
) -> None:
    session = Session(browser, server.url)
    try:
        page = session.context.new_page()
        page.goto(server.url + "/query")
        page.wait_for_function("window.kgQueryReady === true", timeout=30_000)
        # the named queries are the examples
        offered = page.locator("#kg-examples option").evaluate_all(
            "(os) => os.map((o) => o.value).filter((v) => v)"
        )
        assert offered == list(named_queries())
        page.select_option("#kg-examples", "people")
        assert "People with the number" in page.locator("#kg-example-help").inner_text()
        # syntax highlighting: the editor's keywords are styled as keywords
        tokens = page.evaluate(
            "Array.from(document.querySelectorAll('.CodeMirror span[class*=cm-keyword]'))"
            ".map((s) => s.textContent)"
        )
        assert {"PREFIX", "SELECT", "WHERE"} <= set(tokens)

        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr tbody a[data-kg-iri]", timeout=30_000)
        text, values = resolve_query(None, name="people")
        expected = run_query(server.graph_dir, text, values)
        assert isinstance(expected, SelectResult)
        people = [row[0].value for row in expected.rows if row[0] is not None]
        labels = [row[1].value for row in expected.rows if row[1] is not None]
        links = page.locator(".yasr tbody a[data-kg-iri]")
        assert links.evaluate_all("(as) => as.map((a) => a.dataset.kgIri)") == people

        # a sortable table: the label column, ascending then descending
        shown = _cells(page, 2)  # in the query's order (by posts)
        assert sorted(shown) == sorted(f'"{label}"@zh' for label in labels)
        sorter = page.locator(".yasr thead th").nth(2).locator(".dt-column-order")
        sorted_as = "(o) => document.querySelectorAll('.yasr thead th')[2].ariaSort === o"
        sorter.click()
        page.wait_for_function(sorted_as, arg="ascending")
        ascending = _cells(page, 2)
        assert ascending == sorted(ascending) and ascending != shown
        sorter.click()
        page.wait_for_function(sorted_as, arg="descending")
        assert _cells(page, 2) == sorted(ascending, reverse=True)

        # CSV from the table, JSON from the response view
        with page.expect_download() as csv_download:
            page.click(".yasr_downloadIcon")
        rows = list(csv.reader(io.StringIO(Path(csv_download.value.path()).read_text())))
        assert rows[0] == ["person", "label", "organisations", "posts", "documents"]
        assert sorted(r[0] for r in rows[1:]) == sorted(people)
        page.click(".select_response")
        with page.expect_download() as json_download:
            page.click(".yasr_downloadIcon")
        data = json.loads(Path(json_download.value.path()).read_text())
        assert [b["person"]["value"] for b in data["results"]["bindings"]] == people
        page.click(".select_table")

        # a click on an entity opens the graph view on it
        first = page.locator(".yasr tbody a[data-kg-iri]").first
        iri = first.get_attribute("data-kg-iri")
        with session.context.expect_page() as opened:
            first.click()
        view = opened.value
        view.wait_for_function("window.kgReady === true", timeout=30_000)
        label = labels[people.index(iri)]
        assert view.locator("#kg-details-body h3").inner_text() == label
        selected = view.evaluate(
            "JSON.parse(document.getElementById('kg-info').textContent)"
            ".nodes[network.getSelectedNodes()[0]].iri"
        )
        assert selected == iri
        assert view.evaluate("network.getConnectedNodes(network.getSelectedNodes()[0]).length") > 0

        assert session.outside == []
        assert session.errors == []
        paths = {u.removeprefix(server.url) for u in session.requests}
        assert {"/query", "/sparql", "/graph.html"} <= paths
    finally:
        session.context.close()


def test_prefix_completion_offline(server: SparqlServer, browser: Any) -> None:
    session = Session(browser, server.url)
    try:
        page = session.context.new_page()
        page.goto(server.url + "/query")
        page.wait_for_function("window.kgQueryReady === true", timeout=30_000)
        page.evaluate("yasgui.getTab().getYasqe().setValue('')")
        page.click(".CodeMirror")
        page.keyboard.type("PREFIX foa")
        page.keyboard.press("Control+Space")
        hints = page.locator(".CodeMirror-hints li")
        hints.first.wait_for(timeout=10_000)
        assert "foaf: <http://xmlns.com/foaf/0.1/>" in hints.all_inner_texts()
        page.keyboard.press("Enter")
        assert page.evaluate("yasgui.getTab().getYasqe().getValue()") == (
            "PREFIX foaf: <http://xmlns.com/foaf/0.1/>"
        )
        assert session.outside == [] and session.errors == []
    finally:
        session.context.close()


def test_view_names_an_unknown_entity(server: SparqlServer, browser: Any) -> None:
    session = Session(browser, server.url)
    try:
        page = session.context.new_page()
        page.goto(server.url + "/graph.html#entity=" + "https%3A%2F%2Fkg.example.org%2Fid%2Fnone")
        page.wait_for_function("window.kgReady === true", timeout=30_000)
        assert "Not an entity of this view" in page.locator("#kg-details-body").inner_text()
        assert session.outside == [] and session.errors == []
    finally:
        session.context.close()
