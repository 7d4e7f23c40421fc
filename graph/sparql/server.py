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

Endpoint safety: ``SERVICE`` (federation) is refused unless its endpoint is on the
``allow_service`` list, never to this endpoint itself and never from a federated subquery, so
federation cannot recurse or reach hosts the researcher did not name
(:func:`graph.sparql.scan.check_services`); each worker's memory is capped (``max_memory``
MB); malformed requests (a bad or huge ``Content-Length``, a NUL in the path, a bad graph IRI)
get a 4xx at once, and clients that go away are logged at debug level only.

>>> import tempfile
>>> server = make_server(Path(tempfile.mkdtemp()), ServerOptions(port=0))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graph.errors.StoreError: no store at .../store: run kg build first
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any

from graph.errors import StoreError
from graph.sparql.handler import EndpointServer, SparqlHandler
from graph.sparql.protocol import ServerOptions
from graph.sparql.store import open_store, store_dir
from graph.sparql.worker import WorkerPool

log = logging.getLogger(__name__)

__all__ = ["ServerOptions", "SparqlServer", "make_server", "serve_forever", "start_server"]


class SparqlServer(ThreadingMixIn, EndpointServer):
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

    @property
    def own_address(self) -> tuple[str, int]:
        """The host and port this server listens on (for refusing SERVICE to itself)."""
        host, port = self.server_address[0], self.server_address[1]
        return (host.decode() if isinstance(host, bytes | bytearray) else str(host)), int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A request that failed outside the handler: quiet for a client that went away."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            log.debug("client %s went away: %s", client_address, error)
        else:
            log.error("request from %s failed: %r", client_address, error, exc_info=error)

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
    pool = WorkerPool(
        path, read_only=read_only, size=options.workers, max_memory=options.max_memory
    )
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
    """Serve until interrupted (what ``kg serve`` runs); SIGINT/SIGTERM stop the workers too."""
    server = make_server(graph_dir, options)
    log.warning(
        "SPARQL endpoint at %s/sparql (%s)",
        server.url,
        "read-write" if options.allow_update else "read-only",
    )
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        server.pool.close()
