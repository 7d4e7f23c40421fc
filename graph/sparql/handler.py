"""The request handler of ``kg serve``: SPARQL 1.1 Protocol at ``/sparql``, the query page at
``/query`` (:mod:`graph.sparql.querypage`), files at ``/``.

What the requests mean is decided in :mod:`graph.sparql.protocol`; queries run in the worker
pool of the server (:mod:`graph.sparql.worker`); this module reads and writes the bytes.
"""

from __future__ import annotations

import logging
import mimetypes
import socket
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from graph import __version__
from graph.errors import KGError, QueryError, QueryTimeout, QueryTooLarge, ServiceRefused
from graph.rdf.vocab import PREFIXES
from graph.sparql.describe import DESCRIPTION_TYPES, service_description
from graph.sparql.protocol import (
    GRAPH_TYPES,
    RESULT_TYPES,
    HttpError,
    ServerOptions,
    allowed_headers,
    choose,
    content_length,
    dataset,
    negotiate,
    query_timeout,
)
from graph.sparql.querypage import query_page
from graph.sparql.scan import check_services
from graph.sparql.store import store_dir
from graph.sparql.worker import Job, WorkerPool

log = logging.getLogger(__name__)

_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
_LINGER_SECONDS = 1.0  # how long a refused body is read (and dropped) after the answer


class EndpointServer(HTTPServer):
    """What the handler needs of its server (:class:`graph.sparql.server.SparqlServer`)."""

    graph_dir: Path
    options: ServerOptions
    pool: WorkerPool

    @property
    def url(self) -> str:
        raise NotImplementedError

    @property
    def own_address(self) -> tuple[str, int]:
        raise NotImplementedError


class SparqlHandler(BaseHTTPRequestHandler):
    server: EndpointServer
    server_version = f"zhkg/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request
    unread = 0  # bytes of a refused request body still on the socket

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
        self.send_header("Access-Control-Expose-Headers", "X-KG-Truncated")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        body = (message.strip() + "\n").encode("utf-8")
        self._send(status, body, "text/plain; charset=utf-8", {"Vary": "Accept"})

    def _handle(self, method: str) -> None:
        self.unread = 0  # bytes of a refused body still on the socket
        try:
            url = urllib.parse.urlsplit(self.path)
            if "\x00" in urllib.parse.unquote(url.path):
                raise HttpError(400, "NUL byte in the request path")
            if url.path in ("/sparql", "/sparql/"):
                self._sparql(method, url.query)
            elif url.path == "/query" and method in ("GET", "HEAD"):
                self._send(200, query_page(), "text/html; charset=utf-8")
            elif method in ("GET", "HEAD"):
                self._static(url.path)
            else:
                raise HttpError(405, f"{method} is only allowed on /sparql")
        except HttpError as e:
            self._error(e.status, str(e))
            if self.unread:
                self._linger()
        except (ConnectionError, TimeoutError) as e:
            log.debug("client went away: %s", e)
            self.close_connection = True
        except Exception as e:  # never let one request take the server down
            log.error("internal error: %s: %s", type(e).__name__, e, exc_info=e)
            self._error(500, f"internal error: {type(e).__name__}: {e}")

    def _linger(self) -> None:
        """After refusing a body: end our side, then drop what the client still sends, briefly.

        Closing a socket with unread data resets it, and the client may lose the answer.
        """
        try:
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(_LINGER_SECONDS)
            left = min(self.unread, 16 * self.server.options.max_request_bytes)
            while left > 0:
                chunk = self.rfile.read1(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_OPTIONS(self) -> None:
        requested = self.headers.get("Access-Control-Request-Headers", "")
        self._send(
            204,
            b"",
            "text/plain",
            {
                "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                "Access-Control-Allow-Headers": allowed_headers(requested),
                "Access-Control-Max-Age": "600",
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
        if not inside or hidden or not target.is_file():
            raise HttpError(404, f"not found: {raw_path}")
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self._send(200, target.read_bytes(), ctype)

    # -------------------------------------------------------------- protocol
    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise HttpError(411, "chunked requests are not supported: send Content-Length")
        header = self.headers.get("Content-Length")
        try:
            length = content_length(header, limit=self.server.options.max_request_bytes)
        except HttpError as e:
            self.close_connection = True  # the body's end is unknown or unwanted
            if e.status == 413 and header is not None:
                self.unread = int(header.strip())
            raise
        return self.rfile.read(length)

    def _params(self, method: str, query_string: str) -> dict[str, list[str]]:
        limit = self.server.options.max_request_bytes
        if len(query_string) > limit:
            raise HttpError(413, f"query string exceeds the limit of {limit} bytes")
        params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
        if method != "POST":
            return params
        body = self._read_body()
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        text = body.decode("utf-8", "replace")
        if ctype == "application/x-www-form-urlencoded":
            for k, v in urllib.parse.parse_qs(text, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-query":
            params["query"] = [text]
        elif ctype == "application/sparql-update":
            params["update"] = [text]
        else:
            raise HttpError(415, f"unsupported Content-Type {ctype!r}")
        return params

    def _sparql(self, method: str, query_string: str) -> None:
        params = self._params(method, query_string)
        queries, updates = params.get("query", []), params.get("update", [])
        if updates:
            if method != "POST":
                raise HttpError(405, "SPARQL UPDATE must use POST")
            self._update(updates[0])
            return
        if not queries and method in ("GET", "HEAD"):
            self._describe()
            return
        if len(queries) != 1:
            raise HttpError(400, "give exactly one 'query' parameter")
        self._query(queries[0], params)

    def _check_services(self, sparql: str) -> None:
        nested = self.headers.get("User-Agent", "").startswith("Oxigraph/")
        try:
            check_services(
                sparql,
                allowed=self.server.options.allow_service,
                own=self.server.own_address,
                nested=nested,
                prefixes=PREFIXES,
            )
        except ServiceRefused as e:
            raise HttpError(403, str(e)) from None

    def _update(self, update: str) -> None:
        if not self.server.options.allow_update:
            raise HttpError(
                403,
                "SPARQL UPDATE is disabled: this endpoint is read-only "
                "(start kg serve with --allow-update)",
            )
        self._check_services(update)
        self._run(Job(None, update), None)
        self._send(204, b"", "text/plain")

    def _describe(self) -> None:
        """``GET /sparql`` with no query: the SPARQL 1.1 Service Description."""
        opts = self.server.options
        media = choose(self.headers.get("Accept", ""), DESCRIPTION_TYPES)
        if media is None:
            raise HttpError(406, "the service description is in " + ", ".join(DESCRIPTION_TYPES))
        job = Job(
            _GRAPHS,
            None,
            results=("text/tab-separated-values", "tsv"),
            max_results=opts.max_results,
        )
        body, _, _ = self._run(job, opts.timeout)
        graphs = [line[1:-1] for line in body.decode("utf-8").splitlines()[1:] if line]
        text = service_description(
            self.server.url + "/sparql",
            graphs,
            media=media,
            update=opts.allow_update,
            federation=bool(opts.allow_service),
        )
        ctype = media + ("; charset=utf-8" if media.startswith("text/") else "")
        self._send(200, text, ctype, {"Vary": "Accept"})

    def _query(self, sparql: str, params: dict[str, list[str]]) -> None:
        self._check_services(sparql)
        accept = self.headers.get("Accept", "")
        results, graph = negotiate(accept, params)
        default_graphs, named_graphs = dataset(params)
        opts = self.server.options
        job = Job(
            sparql,
            None,
            results=results,
            graph=graph,
            max_results=opts.max_results,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
        )
        body, media, truncated = self._run(job, query_timeout(params, opts.timeout), accept)
        ctype = media + ("; charset=utf-8" if media.startswith("text/") or "json" in media else "")
        extra = {"Vary": "Accept"}
        if truncated:
            extra["X-KG-Truncated"] = "true"
        self._send(200, body, ctype, extra)

    def _run(self, job: Job, timeout: float | None, accept: str = "") -> tuple[bytes, str, bool]:
        """Run a job in a worker process: (body, media type, truncated) or an HttpError."""
        try:
            outcome = self.server.pool.run(job, timeout)
        except (QueryTimeout, QueryTooLarge) as e:
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
            if isinstance(error, (QueryTimeout, QueryTooLarge)):
                raise HttpError(503, str(error))
            raise HttpError(400 if isinstance(error, QueryError) else 500, str(error))
        _, body, media, truncated = outcome
        assert isinstance(body, bytes) and isinstance(media, str)
        return body, media, bool(truncated)
