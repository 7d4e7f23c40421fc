"""`kg serve`: SPARQL 1.1 Protocol over loopback with a real client, plus hardening."""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from graph.sparql.server import ServerOptions, SparqlServer, start_server
from graph.sparql.store import open_store, store_dir

FIXTURE = Path(__file__).parent / "fixtures" / "sparql_small.trig"
COUNT = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <http://www.w3.org/ns/org#Membership> }"


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    with open_store(store_dir(out)) as store:
        store.load_dataset(FIXTURE.read_bytes())
    (out / "graph.html").write_text("<html><body>图</body></html>", encoding="utf-8")
    (out.parent / "secret.txt").write_text("outside the export folder", encoding="utf-8")
    (out / ".cache").mkdir()
    (out / ".cache" / "x.json").write_text("outside: private build cache", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def server(graph_dir: Path) -> Iterator[SparqlServer]:
    srv = start_server(graph_dir, ServerOptions(port=0, max_results=5, max_request_bytes=20_000))
    yield srv
    srv.close()


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read(), dict(resp.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


def test_defaults_bind_loopback_read_only() -> None:
    opts = ServerOptions()
    assert opts.host == "127.0.0.1" and not opts.allow_update and opts.port == 7878


def test_sparqlwrapper_json_and_csv(server: SparqlServer) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(COUNT)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert isinstance(data, dict)
    assert data["results"]["bindings"][0]["n"]["value"] == "2"
    client.setReturnFormat(CSV)
    text = client.query().convert()
    assert isinstance(text, bytes) and text.decode().splitlines() == ["n", "2"]
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    assert client.query().convert()["results"]["bindings"][0]["n"]["value"] == "2"


def test_update_refused(server: SparqlServer) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://a> <http://b> <http://c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as e:
        client.query()
    if isinstance(e.value, urllib.error.HTTPError):
        assert e.value.code == 403
    status, body, _ = _post(server, b"update=DROP+ALL", "application/x-www-form-urlencoded")
    assert status == 403 and b"read-only" in body


def test_malformed_query_400(server: SparqlServer) -> None:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery("SELEC broken")
    with pytest.raises(QueryBadFormed):
        client.query()
    status, body, _ = _get(server.url + "/sparql?query=SELEC%20broken")
    assert status == 400 and b"malformed query" in body


def test_content_negotiation(server: SparqlServer) -> None:
    q = urllib.parse.quote("CONSTRUCT { ?p a ?c } WHERE { ?p a ?c . ?p a foaf:Person }")
    for accept, marker in [
        ("text/turtle", b"@prefix"),
        ("application/n-triples", b"> <"),
        ("application/ld+json", b'"@id"'),
    ]:
        status, body, headers = _get(f"{server.url}/sparql?query={q}", {"Accept": accept})
        assert status == 200 and marker in body, accept
        assert headers["Content-Type"].startswith(accept)
    sel = urllib.parse.quote(COUNT)
    status, body, headers = _get(
        f"{server.url}/sparql?query={sel}", {"Accept": "application/sparql-results+xml"}
    )
    assert status == 200 and b"<sparql" in body
    status, body, _ = _get(
        f"{server.url}/sparql?query={sel}", {"Accept": "text/tab-separated-values"}
    )
    assert body.decode().splitlines()[0] == "?n"
    status, _, _ = _get(f"{server.url}/sparql?query={sel}", {"Accept": "image/png"})
    assert status == 406


def test_result_cap(server: SparqlServer) -> None:
    q = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o }")
    status, body, headers = _get(f"{server.url}/sparql?query={q}", {"Accept": "application/json"})
    assert status == 200 and headers.get("X-KG-Truncated") == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 5


def test_static_files_and_traversal(server: SparqlServer) -> None:
    status, body, headers = _get(server.url + "/")
    assert (
        status == 200 and "图" in body.decode() and headers["Content-Type"].startswith("text/html")
    )
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/store/CURRENT",
                 "//etc/passwd", "/.cache/x.json", "/%2fetc%2fpasswd", "/nope.html"]:  # fmt: skip
        conn = http.client.HTTPConnection(*server.server_address[:2], timeout=10)  # type: ignore[misc]
        conn.request("GET", path)
        resp = conn.getresponse()
        assert resp.status == 404, path
        assert b"outside" not in resp.read()
        conn.close()


def _post(server: SparqlServer, body: bytes, ctype: str) -> tuple[int, bytes, dict[str, str]]:
    req = urllib.request.Request(server.url + "/sparql", data=body, headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read(), dict(resp.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read(), dict(e.headers)


def test_oversized_and_bad_requests(server: SparqlServer) -> None:
    big = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * 50_000
    status, body, _ = _post(server, big, "application/sparql-query")
    assert status == 413 and b"exceeds" in body
    status, _, _ = _post(server, COUNT.encode(), "application/octet-stream")
    assert status == 415
    status, _, _ = _get(server.url + "/sparql?query=ASK{}&query=ASK{}")  # two queries
    assert status == 400
    # garbage on the socket gets a 4xx and the server keeps serving
    with socket.create_connection(server.server_address[:2], timeout=10) as sock:  # type: ignore[arg-type]
        sock.sendall(b"\x00\xffGARBAGE\r\n\r\n")
        assert b"400" in sock.recv(4096)
    status, _, _ = _post(server, COUNT.encode(), "application/sparql-query")
    assert status == 200


def test_update_allowed_when_asked(tmp_path: Path) -> None:
    with open_store(store_dir(tmp_path)) as store:
        store.load_dataset(FIXTURE.read_bytes())
    srv = start_server(tmp_path, ServerOptions(port=0, allow_update=True))
    try:
        status, _, _ = _post(
            srv, b"INSERT DATA { <http://a> <http://b> <http://c> }", "application/sparql-update"
        )
        assert status == 204
        q = urllib.parse.quote("ASK { <http://a> <http://b> <http://c> }")
        status, body, _ = _get(f"{srv.url}/sparql?query={q}", {"Accept": "application/json"})
        assert json.loads(body)["boolean"] is True
    finally:
        srv.close()


@pytest.mark.slow
def test_load_2000_requests_8_concurrent(server: SparqlServer) -> None:
    url = f"{server.url}/sparql?query={urllib.parse.quote(COUNT)}"

    def one(i: int) -> int:
        accept = "text/csv" if i % 2 else "application/sparql-results+json"
        status, body, _ = _get(url, {"Accept": accept})
        return status if b"2" in body else -1

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(one, range(2000)))
    failures = [s for s in statuses if s != 200]
    assert not failures, f"{len(failures)} failed requests: {set(failures)}"


# Four-way cross product: every quad of the fixture (233) four times over, about 2.9e9 rows
# to count; an aggregate yields no row before it is done, so only stopping the worker helps.
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_query_timeout_stops_a_long_aggregate(graph_dir: Path) -> None:
    with open_store(store_dir(graph_dir), read_only=True) as store:
        assert len(store) ** 4 > 10**9  # minutes of work at ~10 million rows/s
    srv = start_server(graph_dir, ServerOptions(port=0, timeout=0.5, workers=1))
    try:
        started = time.monotonic()
        status, body, _ = _get(f"{srv.url}/sparql?query={urllib.parse.quote(CROSS)}")
        assert status == 503 and b"timed out after 0.5 s" in body
        assert time.monotonic() - started < 10  # generous: the query itself runs for minutes
        # the only worker was stopped and replaced: the next query is answered
        q = urllib.parse.quote(COUNT)
        status, body, _ = _get(f"{srv.url}/sparql?query={q}", {"Accept": "application/json"})
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2"
    finally:
        srv.close()


def test_query_timeout_in_update_mode(tmp_path: Path) -> None:
    with open_store(store_dir(tmp_path)) as store:
        store.load_dataset(FIXTURE.read_bytes())
    srv = start_server(tmp_path, ServerOptions(port=0, timeout=0.5, allow_update=True))
    try:
        status, body, _ = _get(f"{srv.url}/sparql?query={urllib.parse.quote(CROSS)}")
        assert status == 503 and b"timed out" in body
        insert = b"INSERT DATA { <http://a> <http://b> <http://c> }"
        assert _post(srv, insert, "application/sparql-update")[0] == 204
        q = urllib.parse.quote("ASK { <http://a> <http://b> <http://c> }")
        status, body, _ = _get(f"{srv.url}/sparql?query={q}", {"Accept": "application/json"})
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        srv.close()
