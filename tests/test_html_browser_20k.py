"""Issue 16's acceptance at scale: on a page of 20,000 entities (about 60,000 edges, opened on
community super-nodes), every entity is reached by search and by expanding its cluster.

The graph is synthetic (:func:`html_sample.big_graph`, no extraction).  Search runs through the
page's own search box for every entity, in one evaluation; expansion is checked in two parts:
the clusters partition the 20,000 entities (every entity in exactly one, and the page's search
index knows the same number), and a sample of the folded clusters (the largest, the smallest
and ten random ones) is expanded in the page, drawing every member, and folded again.  Expanding all 170-odd clusters
(about 0.5 s each in vis-network) would take minutes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from html_sample import big_graph
from test_html_browser import CHROMIUM, EVERY_ENTITY_BY_SEARCH, Page
from test_html_browser import browser as browser  # the module-scoped Chromium fixture

from graph.network.html import write_html

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium not installed at /usr/bin"),
]

N = 20_000

CLUSTERS = """() => {
  const owner = new Array(kgClusters.size()).fill(-1), twice = [];
  const sizes = [];
  for (let c = 0; c < kgClusters.count(); c++) {
    const members = kgClusters.members(c);
    sizes.push(members.length);
    for (const i of members) { if (owner[i] !== -1) twice.push(i); owner[i] = c; }
  }
  return {sizes: sizes, twice: twice, orphans: owner.flatMap((c, i) => c === -1 ? [i] : [])};
}"""

EXPAND = """(cs) => {
  const missing = [];
  for (const c of cs) {
    if (kgClusters.isOpen(c)) { missing.push('cluster ' + c + ' open at the start'); continue; }
    kgClusters.expand(c);
    const ids = network.body.data.nodes;
    if (ids.get('c' + c)) missing.push('super-node c' + c + ' still drawn');
    for (const i of kgClusters.members(c)) if (!ids.get(i) || ids.get(i).hidden) missing.push(i);
    kgClusters.fold(c);
    if (!ids.get('c' + c)) missing.push('super-node c' + c + ' not back');
  }
  return missing;
}"""

SEARCH_EVERY_ENTITY = """() => {
  const input = document.getElementById('kg-search'), missing = [];
  for (let i = 0; i < kgClusters.size(); i++) {
    input.value = '实体' + i;
    input.dispatchEvent(new Event('input'));
    const hit = document.querySelector('#kg-results li');
    if (!hit || +hit.getAttribute('data-node') !== i) missing.push(i);
  }
  return missing;
}"""


@pytest.fixture(scope="module")
def page_20k(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    path = tmp_path_factory.mktemp("big20k") / "big.html"
    g = big_graph(N)
    report = write_html(g, path)  # the default threshold: aggregated above 1,000 entities
    assert report.total_nodes == N and report.clusters >= 100
    assert report.shown_nodes < 1000  # opens on super-nodes, not on 20,000 dots
    page = Page(browser, path)
    yield page
    page.page.close()


def test_20k_every_entity_in_exactly_one_cluster(page_20k: Page) -> None:
    page = page_20k.page
    assert page_20k.errors == [] and page_20k.blocked == []
    assert page.evaluate("kgClusters.size()") == N
    got = page.evaluate(CLUSTERS)
    assert got["twice"] == [] and got["orphans"] == []
    assert sum(got["sizes"]) == N


def test_20k_expanding_clusters_draws_their_members(page_20k: Page) -> None:
    page = page_20k.page
    sizes = page.evaluate(CLUSTERS)["sizes"]
    folded = page.evaluate(
        "[...Array(kgClusters.count()).keys()].filter((c) => !kgClusters.isOpen(c))"
    )
    assert sum(sizes[c] for c in folded) > 0.9 * N  # nearly all entities start folded away
    by_size = sorted(folded, key=lambda c: sizes[c])
    sample = {by_size[0], by_size[-1], *random.Random(16).sample(folded, 10)}
    assert page.evaluate(EXPAND, sorted(sample)) == []
    assert page_20k.errors == []


def test_20k_every_entity_found_by_search(page_20k: Page) -> None:
    """All 20,000 through the search box (first hit); a sample is then opened from its hit:
    its cluster expands, and it is drawn, selected and shown in the details panel."""
    page = page_20k.page
    assert page.evaluate(SEARCH_EVERY_ENTITY) == []
    sample = EVERY_ENTITY_BY_SEARCH.replace(
        "for (let i = 0; i < n; i++)", "for (const i of [0, 1, 4999, 12345, n - 1])"
    )
    assert sample != EVERY_ENTITY_BY_SEARCH
    assert page.evaluate(sample) == []
    assert page_20k.errors == []
