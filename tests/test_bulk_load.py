"""Bulk path to an existing SPARQL server: ``kg export --format nquads`` into the Oxigraph server.

The dump is loaded with the ``oxigraph load`` CLI (the ``oxigraph`` package on PyPI is the
Oxigraph server and CLI), served read-only on a free loopback port, and queried over the SPARQL
1.1 Protocol: it holds the same memberships, per-document graphs and quads as the local store.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.build.pipeline import BuildOptions, build_corpus
from graph.cli import cli
from graph.sparql.store import open_store, store_dir
from graph.sparql.terms import SelectResult

PREFIX = "PREFIX org: <http://www.w3.org/ns/org#>\n"
MEMBERSHIPS = PREFIX + (
    "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { GRAPH ?g { ?m a org:Membership } }"
)
GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

DOCS = {
    "a.txt": "杭州市交通运输局局长孙建平主持会议。杭州市交通运输局副局长周海燕通报情况。\n",
    "b.txt": "成都职业技术学院院长郭玉兰介绍做法。杭州市交通运输局局长孙建平参加交流。\n",
    "c.txt": "南京市总工会副主席马志远说，竞赛将持续三个月。南京市玄武区总工会主席陈立新出席。\n",
}


def _oxigraph() -> str:
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(exe).exists():
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    return exe


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A build of the corpus and its N-Quads dump written by ``kg export``."""
    tmp = tmp_path_factory.mktemp("bulk")
    seeds = tmp / "seeds"
    seeds.mkdir()
    for name, text in DOCS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    out = tmp / "out"
    assert not build_corpus(seeds, out, options=BuildOptions()).failures
    nq = tmp / "graph.nq"
    result = CliRunner().invoke(cli, ["export", "--graph", str(out), "--out", str(nq)])
    assert result.exit_code == 0, result.output
    return out, nq


@pytest.fixture(scope="module")
def server(dump: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Oxigraph server on loopback with the dump bulk-loaded; yields its query URL."""
    exe = _oxigraph()
    _, nq = dump
    db = tmp_path_factory.mktemp("oxigraph-db")
    subprocess.run([exe, "load", "--location", str(db), "--file", str(nq)], check=True, timeout=120)
    port = _free_port()
    proc = subprocess.Popen(
        [exe, "serve-read-only", "--location", str(db), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _count(url, GRAPHS)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"oxigraph server did not start: {err[-500:]}")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _count(url: str, query: str) -> int:
    """One integer answer of ``query`` over the SPARQL 1.1 Protocol (HTTP GET)."""
    request = urllib.request.Request(
        url + "?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        rows = json.load(response)["results"]["bindings"]
    return int(rows[0]["n"]["value"])


def _local(out: Path, query: str) -> int:
    """The same query against the build's own embedded store."""
    with open_store(store_dir(out), read_only=True) as store:
        result = store.query(query)
    assert isinstance(result, SelectResult)
    value = result.rows[0][0]
    assert value is not None
    return int(value.value)


def test_dump_is_nquads_with_named_graphs(dump: tuple[Path, Path]) -> None:
    _, nq = dump
    lines = nq.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.endswith(" .") for line in lines)
    assert sum(line.count("> <") >= 3 or '" <' in line for line in lines) > len(DOCS)


def test_server_has_the_same_memberships(dump: tuple[Path, Path], server: str) -> None:
    out, _ = dump
    expected = _local(out, MEMBERSHIPS)
    assert expected >= 4  # 孙建平 (twice stated), 周海燕, 郭玉兰, 马志远, 陈立新
    assert _count(server, MEMBERSHIPS) == expected


def test_server_has_the_same_graphs_and_quads(dump: tuple[Path, Path], server: str) -> None:
    out, _ = dump
    assert _count(server, GRAPHS) == _local(out, GRAPHS) >= len(DOCS)
    assert _count(server, QUADS) == _local(out, QUADS)


def test_shards_load_in_parallel_to_the_same_quads(dump: tuple[Path, Path], tmp_path: Path) -> None:
    """``kg export --shards 3`` gives files that ``oxigraph load`` reads at once: same quads."""
    exe = _oxigraph()
    out, _ = dump
    shards = tmp_path / "shards"
    args = ["export", "--graph", str(out), "--out", str(shards), "--shards", "3"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    files = sorted(str(f) for f in shards.glob("part-*.nq"))
    assert len(files) == 3
    db = tmp_path / "db"
    subprocess.run([exe, "load", "--location", str(db), "--file", *files], check=True, timeout=120)
    answer = subprocess.run(
        [exe, "query", "--location", str(db), "--query", QUADS, "--results-format", "csv"],
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    )
    assert int(answer.stdout.split()[-1]) == _local(out, QUADS) > len(DOCS)
