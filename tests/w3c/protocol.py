"""The W3C SPARQL 1.1 Protocol tests (``tests/w3c/sparql/sparql11/protocol/manifest.ttl``),
replayed as HTTP exchanges against a running ``kg serve``.

The manifest describes each test as requests (method, path, headers, body) and what each
response must be (a status class, a boolean, a result format).  Paths start with
``/sparql/``, which ``kg serve`` answers.  ``ut:graphData`` files are loaded as named graphs
named by their label.  The update tests need a server started with ``allow_update``; the
others run against the default, read-only server.
"""

from __future__ import annotations

import http.client
import json
import re
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection

from graph.sparql.store import open_store
from w3c.evaluation import MF, SUITE, Outcome, required

HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
MANIFEST = SUITE / "sparql11" / "protocol" / "manifest.ttl"

_FORMATS = {
    "boolean": ("application/sparql-results+xml", "application/sparql-results+json"),
    "tabular": (
        "application/sparql-results+xml",
        "application/sparql-results+json",
        "text/csv",
        "text/tab-separated-values",
    ),
    "RDF": ("application/rdf+xml", "text/turtle", "application/n-triples"),
}


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    statuses: tuple[int, ...]  # acceptable classes: 2 for 2xx, 4 for 4xx
    format: str | None
    boolean: bool | None


@dataclass(frozen=True, slots=True)
class ProtocolTest:
    id: str
    name: str
    graph_data: tuple[tuple[str, Path], ...]  # (graph IRI, file)
    requests: tuple[Request, ...]

    @property
    def updates(self) -> bool:
        """Whether the test needs an endpoint that accepts SPARQL UPDATE."""
        return "update" in self.id


def protocol_tests() -> list[ProtocolTest]:
    """Every test of the protocol manifest, in its order."""
    g = Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    root = next(iter(g.subjects(RDF.type, MF.Manifest)))
    out = []
    for test in Collection(g, required(g.value(root, MF.entries))):
        data = tuple(
            sorted(
                (
                    str(g.value(d, RDFS.label)),
                    Path(str(g.value(d, UT.graph)).removeprefix("file://")),
                )
                for d in g.objects(test, UT.graphData)
            )
        )
        action = g.value(test, MF.action)
        requests = []
        for req in Collection(g, required(g.value(action, HT.requests))):
            headers_node = g.value(req, HT.headers)
            headers = tuple(
                (str(g.value(h, HT.fieldName)), str(g.value(h, HT.fieldValue)))
                for h in (Collection(g, headers_node) if headers_node is not None else ())
            )
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding)
            resp = g.value(req, HT.resp)
            statuses = tuple(
                sorted(
                    int(m.group(1))
                    for s in g.objects(resp, MF.expectedStatus)
                    if (m := re.search(r"StatusCode(\d)xx$", str(s)))
                )
            )
            fmt = g.value(resp, MF.expectedFormat)
            boolean = g.value(resp, MF.expectedBoolean)
            requests.append(
                Request(
                    str(g.value(req, HT.methodName)),
                    str(g.value(req, HT.absolutePath)),
                    headers,
                    body,
                    statuses,
                    None if fmt is None else str(fmt),
                    None if boolean is None else str(boolean) == "true",
                )
            )
        name = str(test).rsplit("#", 1)[-1]
        out.append(ProtocolTest(name, str(g.value(test, MF.name)), data, tuple(requests)))
    return out


def make_store(folder: Path, tests: Sequence[ProtocolTest]) -> Path:
    """An export folder whose store holds every test's graph data; returns the folder."""
    graphs: dict[str, bytes] = {}
    for test in tests:
        for iri, path in test.graph_data:
            triples = ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES)
            graphs[iri] = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    with open_store(folder / "store") as store:
        store.replace_graphs(graphs)
    return folder


def run(base_url: str, test: ProtocolTest) -> Outcome:
    """Send the test's requests in order to the endpoint at ``base_url``; check each answer."""
    url = urllib.parse.urlsplit(base_url)
    for n, req in enumerate(test.requests, 1):
        conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=30)
        try:
            conn.request(req.method, req.path, body=req.body, headers=dict(req.headers))
            resp = conn.getresponse()
            body = resp.read()
        finally:
            conn.close()
        where = f"request {n} ({req.method})"
        if resp.status // 100 not in req.statuses:
            wanted = " or ".join(f"{s}xx" for s in req.statuses)
            return Outcome(
                False, f"{where}: status {resp.status}, expected {wanted}: {body[:200]!r}"
            )
        media = resp.getheader("Content-Type", "").split(";")[0].strip()
        if req.format is not None and media not in _FORMATS[req.format]:
            return Outcome(False, f"{where}: Content-Type {media!r} for {req.format} results")
        if req.boolean is not None and _boolean(body, media) is not req.boolean:
            return Outcome(False, f"{where}: expected {req.boolean}, got {body[:200]!r}")
    return Outcome(True)


def _boolean(body: bytes, media: str) -> bool | None:
    if "json" in media:
        value = json.loads(body).get("boolean")
        return value if isinstance(value, bool) else None
    m = re.search(rb"<boolean>\s*(true|false)\s*</boolean>", body)
    return None if m is None else m.group(1) == b"true"
