"""``kg serve``: a SPARQL 1.1 Protocol endpoint at ``/sparql`` over the store, plus ``graph.html``.

Why a thin stdlib wrapper and not the ``oxigraph`` server from PyPI (which reads the same store
format): that server answers at ``/query``, not ``/sparql``, serves no export files, has no
result-size or request-size cap, and would hold the store's lock in a second process.  Putting
a proxy in front of it for those would be more code than this wrapper, which only parses the
protocol, calls :meth:`graph.sparql.store.Store.query` and writes bytes.  To serve a corpus too large for
a laptop, ``kg export`` dumps N-Quads that ``oxigraph load`` (or Virtuoso, QLever, Fuseki) load.

Safety: binds 127.0.0.1 unless told otherwise; read-only unless ``allow_update``; each query
runs (and is serialised) in a pool of worker processes (:mod:`graph.sparql.worker`) with a
timeout: a query still running when it passes, aggregates included, gets HTTP 503 and its
worker is killed and replaced;
results are capped at ``max_results`` (header ``X-KG-Truncated: true``); request bodies above
``max_request_bytes`` get 413; only regular files inside the export folder (never the store) are
served (no dot-files such as the build cache); malformed queries get 400 with the parser's message.

>>> import tempfile
>>> server = make_server(Path(tempfile.mkdtemp()), ServerOptions(port=0))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graph.errors.StoreError: no store at .../store: run kg build first
"""

from __future__ import annotations

import logging
import mimetypes
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graph import __version__
from graph.errors import KGError, QueryError, QueryTimeout, StoreError
from graph.sparql.store import open_store, store_dir
from graph.sparql.worker import Job, WorkerPool

log = logging.getLogger(__name__)

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "text/plain",
)
SHORT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}


@dataclass(frozen=True, slots=True)
class ServerOptions:
    """How ``kg serve`` listens and what it accepts (port 0 picks a free port).

    ``workers`` query processes serve a read-only store; with ``allow_update`` one process owns
    the store and queries run one at a time.
    """

    host: str = "127.0.0.1"
    port: int = 7878
    allow_update: bool = False
    timeout: float = 30.0
    max_results: int = 100_000
    max_request_bytes: int = 1_000_000
    workers: int = 4


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``url`` is its base address, ``close()`` stops it and its workers."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, graph_dir: Path, options: ServerOptions, pool: WorkerPool) -> None:
        self.graph_dir = Path(graph_dir).resolve()
        self.options = options
        self.pool = pool
        super().__init__((options.host, options.port), SparqlHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[0], self.server_address[1]
        name = host.decode() if isinstance(host, bytes) else host
        return f"http://{name}:{port}"

    def close(self) -> None:
        """Stop serving (if started in a thread) and release the socket and the workers."""
        self.shutdown()
        self.server_close()
        self.pool.close()


def make_server(graph_dir: Path, options: ServerOptions) -> SparqlServer:
    """A bound server over ``graph_dir/store`` (not yet serving: call ``serve_forever``)."""
    path = store_dir(graph_dir)
    read_only = not options.allow_update
    open_store(path, read_only=read_only).close()  # fail here, not in a worker, if it is absent
    pool = WorkerPool(path, read_only=read_only, size=options.workers)
    try:
        return SparqlServer(graph_dir, options, pool)
    except OSError as e:
        pool.close()
        raise StoreError(
            f"cannot listen on {options.host}:{options.port}: {e.strerror or e}"
        ) from e


def start_server(graph_dir: Path, options: ServerOptions) -> SparqlServer:
    """Start a server in a daemon thread (for tests and notebooks); stop it with ``close()``."""
    server = make_server(graph_dir, options)
    threading.Thread(target=server.serve_forever, name="kg-serve", daemon=True).start()
    return server


def serve_forever(graph_dir: Path, options: ServerOptions) -> None:
    """Serve until interrupted (what ``kg serve`` runs)."""
    server = make_server(graph_dir, options)
    log.warning(
        "SPARQL endpoint at %s/sparql (%s)",
        server.url,
        "read-write" if options.allow_update else "read-only",
    )
    try:
        server.serve_forever()
    finally:
        server.server_close()
        server.pool.close()


def _accepted(header: str) -> list[str]:
    """Media types of an Accept header, best first (stable for equal q)."""
    items = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            items.append((-q, i, fields[0].lower()))
    return [t for _, _, t in sorted(items)]


def _choose(accept: str, offered: list[str]) -> str | None:
    if not accept.strip():
        return offered[0]
    for media in _accepted(accept):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            kind = media.split("/")[0]
            return next((o for o in offered if kind == "*" or o.startswith(kind + "/")), None)
    return None


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = f"zhkg/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    # -------------------------------------------------------------- plumbing
    def _send(
        self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.strip() + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _handle(self, method: str) -> None:
        try:
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/sparql", "/sparql/"):
                self._sparql(method, url.query)
            elif method in ("GET", "HEAD"):
                self._static(url.path)
            else:
                raise HttpError(405, f"{method} is only allowed on /sparql")
        except HttpError as e:
            self._error(e.status, str(e))
        except (BrokenPipeError, ConnectionResetError):
            log.debug("client went away")
        except Exception as e:  # never let one request take the server down
            log.exception("internal error")
            self._error(500, f"internal error: {type(e).__name__}: {e}")

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_OPTIONS(self) -> None:
        self._send(
            204,
            b"",
            "text/plain",
            {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": "Content-Type, Accept",
            },
        )

    # -------------------------------------------------------------- static files
    def _static(self, raw_path: str) -> None:
        rel = urllib.parse.unquote(raw_path).lstrip("/") or "graph.html"
        root = self.server.graph_dir
        target = (root / rel).resolve()
        store = store_dir(root).resolve()
        inside = target.is_relative_to(root) and not target.is_relative_to(store)
        hidden = (
            any(part.startswith(".") for part in target.relative_to(root).parts) if inside else True
        )
        if not inside or hidden or "\x00" in rel or not target.is_file():
            raise HttpError(404, f"not found: {raw_path}")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self._send(200, target.read_bytes(), ctype)

    # -------------------------------------------------------------- protocol
    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise HttpError(411, "chunked requests are not supported: send Content-Length")
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            raise HttpError(411, "Content-Length required")
        try:
            length = int(length_header)
        except ValueError as e:
            raise HttpError(400, "bad Content-Length") from e
        if length > self.server.options.max_request_bytes:
            self.close_connection = True
            self._drain(length)
            raise HttpError(
                413,
                f"request body of {length} bytes exceeds the limit of "
                f"{self.server.options.max_request_bytes}",
            )
        return self.rfile.read(length)

    def _drain(self, length: int) -> None:
        """Read (and drop) a refused body of moderate size so the client sees the answer."""
        left = min(length, 16 * self.server.options.max_request_bytes)
        while left > 0:
            chunk = self.rfile.read(min(left, 65536))
            if not chunk:
                break
            left -= len(chunk)

    def _sparql(self, method: str, query_string: str) -> None:
        limit = self.server.options.max_request_bytes
        if len(query_string) > limit:
            raise HttpError(413, f"query string exceeds the limit of {limit} bytes")
        params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
        if method == "POST":
            body = self._read_body()
            ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if ctype == "application/x-www-form-urlencoded":
                for k, v in urllib.parse.parse_qs(
                    body.decode("utf-8", "replace"), keep_blank_values=True
                ).items():
                    params.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                params["query"] = [body.decode("utf-8", "replace")]
            elif ctype == "application/sparql-update":
                params["update"] = [body.decode("utf-8", "replace")]
            else:
                raise HttpError(415, f"unsupported Content-Type {ctype!r}")
        queries, updates = params.get("query", []), params.get("update", [])
        if updates:
            if method != "POST":
                raise HttpError(405, "SPARQL UPDATE must use POST")
            self._update(updates[0])
            return
        if len(queries) != 1:
            raise HttpError(400, "give exactly one 'query' parameter")
        self._query(queries[0], params)

    def _update(self, update: str) -> None:
        if not self.server.options.allow_update:
            raise HttpError(
                403,
                "SPARQL UPDATE is disabled: this endpoint is read-only "
                "(start kg serve with --allow-update)",
            )
        self._run(Job(None, update), None)
        self._send(204, b"", "text/plain")

    def _query(self, sparql: str, params: dict[str, list[str]]) -> None:
        accept = self.headers.get("Accept", "")
        for key in ("format", "output"):  # convenience: ?format=csv
            short = params.get(key, [""])[0]
            if short in SHORT_FORMATS:
                accept = SHORT_FORMATS[short]
            elif "/" in short:
                accept = short
        opts = self.server.options
        results = _choose(accept, list(RESULT_TYPES))
        job = Job(
            sparql,
            None,
            results=None if results is None else (results, RESULT_TYPES[results]),
            graph=_choose(accept, list(GRAPH_TYPES)),
            max_results=opts.max_results,
            default_graphs=tuple(params.get("default-graph-uri") or ()) or None,
            named_graphs=tuple(params.get("named-graph-uri") or ()) or None,
        )
        body, media, truncated = self._run(job, opts.timeout, accept)
        ctype = media + ("; charset=utf-8" if media.startswith("text/") or "json" in media else "")
        extra = {"X-KG-Truncated": "true"} if truncated else {}
        self._send(200, body, ctype, extra)

    def _run(self, job: Job, timeout: float | None, accept: str = "") -> tuple[bytes, str, bool]:
        """Run a job in a worker process: (body, media type, truncated) or an HttpError."""
        try:
            outcome = self.server.pool.run(job, timeout)
        except QueryTimeout as e:
            raise HttpError(503, str(e)) from e
        except KGError as e:
            raise HttpError(500, str(e)) from e
        if outcome[0] == "406":
            offered = GRAPH_TYPES if outcome[1] == "graph" else tuple(RESULT_TYPES)
            raise HttpError(
                406, f"cannot produce any of {accept!r}; use one of " + ", ".join(offered)
            )
        if outcome[0] == "error":
            error = outcome[1]
            status = 503 if isinstance(error, QueryTimeout) else 400
            status = status if isinstance(error, QueryError) else 500
            raise HttpError(status, str(error))
        _, body, media, truncated = outcome
        assert isinstance(body, bytes) and isinstance(media, str)
        return body, media, bool(truncated)
