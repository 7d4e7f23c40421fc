"""Queries in worker processes that are killed, and replaced, when they run past their timeout.

pyoxigraph cannot cancel a running query, and an aggregate (a ``COUNT`` over a cross product)
yields no row before it is done, so a deadline checked between result rows does not hold, and
a thread cannot be stopped.  A process can: each worker opens the store itself and runs a job
(the query *and* its serialisation: pyoxigraph results are thread-bound) and sends back bytes.
When the timeout passes, the server kills the worker and starts a fresh one.

Read-only (the default), every worker opens the store with ``Store.read_only``: several
processes read one store at once.  With updates allowed, a single worker owns the read-write
store and runs queries and updates in turn (a second writer would be refused the lock).

Workers are started with ``forkserver`` (Linux) or ``spawn``, never a plain ``fork`` of the
multi-threaded HTTP server.  A worker's address space is at most ``max_memory`` MB
in all (``RLIMIT_AS``, set once its store is open): a query that needs more (a cartesian ``ORDER BY``) fails
its allocation, the worker dies, and the client gets :class:`QueryTooLarge`; the machine keeps
its memory.  A worker also ends when the server process ends, however it ends (even killed),
so a running query never outlives the server.

>>> Job("ASK {}", None, results=("application/sparql-results+json", "json")).update is None
True
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue
import resource
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from graph.errors import KGError, QueryTimeout, QueryTooLarge, StoreError
from graph.sparql.store import Store, open_store

log = logging.getLogger(__name__)

# What a worker answers: ("ok", body, media type, truncated) or ("error", exception) or
# ("406", "graph" | "results") when no acceptable media type exists for the result's kind.
Outcome = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Job:
    """One query or update; ``results`` / ``graph`` are the negotiated (media, format) or None."""

    sparql: str | None
    update: str | None
    results: tuple[str, str] | None = None
    graph: str | None = None
    max_results: int | None = None
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    base_iri: str | None = None  # what relative IRIs resolve against (the endpoint's URL)


def run_job(store: Store, job: Job) -> Outcome:
    """Run a job against an open store and serialise its result (in the calling thread).

    >>> import tempfile
    >>> with open_store(Path(tempfile.mkdtemp()) / "store") as store:
    ...     run_job(store, Job("ASK {}", None, results=("application/json", "json")))
    ('ok', b'{"head":{},"boolean":true}', 'application/json', False)
    """
    try:
        if job.update is not None:
            store.update(job.update, base_iri=job.base_iri)
            return ("ok", b"", "", False)
        kind, body, truncated = store.query_bytes(
            job.sparql or "",
            results=None if job.results is None else job.results[1],
            graph=job.graph,
            max_results=job.max_results,
            default_graphs=job.default_graphs,
            named_graphs=job.named_graphs,
            base_iri=job.base_iri,
        )
        if body is None:
            return ("406", kind)
        media = job.graph if kind == "graph" else (job.results or ("", ""))[0]
        return ("ok", body, media, truncated)
    except KGError as e:
        return ("error", _portable(e))
    except MemoryError:
        return (
            "error",
            QueryTooLarge("query stopped: it needs more memory than its worker may use"),
        )
    except Exception as e:  # a bug: report it, keep the worker
        log.exception("query worker: internal error")
        return ("error", KGError(f"internal error: {type(e).__name__}: {e}"))


def _portable(e: KGError) -> KGError:
    """The error, rebuilt from its message only, so that it pickles (no traceback, no cause)."""
    try:
        return type(e)(str(e))
    except TypeError:  # an error class with more arguments
        return KGError(str(e))


def _follow_parent() -> None:
    """End this worker as soon as the process that started it ends (a thread waits for it)."""
    parent = mp.parent_process()
    if parent is None:  # pragma: no cover - always set for a multiprocessing child
        return

    def wait() -> None:
        parent.join()
        os._exit(0)  # the server is gone: stop, even in the middle of a query

    threading.Thread(target=wait, name="kg-worker-lifeline", daemon=True).start()


def _limit_memory(max_memory: int | None) -> None:
    """Cap this process's address space at ``max_memory`` MB (RLIMIT_AS), so its RSS too.

    The cap is on virtual memory, which counts what the store reserves when it opens (a few
    hundred MB that are mostly not resident): a cap that leaves little room above that is
    reported once, and every query then fails with :class:`QueryTooLarge`.
    """
    if max_memory is None:
        return
    limit = max_memory * 1024 * 1024
    with open("/proc/self/statm", encoding="ascii") as fh:  # Linux; elsewhere: no limit
        size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    if size + 64 * 1024 * 1024 > limit:
        log.warning(
            "query worker: --max-memory %d MB leaves little room: %d MB are mapped already",
            max_memory,
            size >> 20,
        )
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(path: str, read_only: bool, conn: Connection, max_memory: int | None = None) -> None:
    """A worker's main loop: open the store, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    _follow_parent()
    try:
        store: Store | None = open_store(Path(path), read_only=read_only)
        failure: Outcome = ()
    except KGError as e:
        store, failure = None, ("error", StoreError(str(e)))
    try:
        _limit_memory(max_memory)
    except (OSError, ValueError) as e:  # pragma: no cover - no /proc
        log.warning("query worker: cannot limit memory: %s", e)
    try:
        conn.send(_READY)  # the store is open: the clock of the first query starts now
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                return
            conn.send(failure if store is None else run_job(store, job))
    finally:
        if store is not None:
            store.close()


def _context() -> mp.context.BaseContext:
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["graph.sparql.worker"])
        return ctx
    return mp.get_context("spawn")


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False  # its store is open (it said so)


_READY = "ready"
_START_WAIT = 120.0
"""Seconds a new worker may take to open the store; its first query's clock starts after."""


class WorkerPool:
    """``size`` worker processes over the store at ``path``; ``run`` one job with a timeout."""

    def __init__(
        self, path: Path, *, read_only: bool, size: int, max_memory: int | None = None
    ) -> None:
        if size < 1:
            raise StoreError(f"need at least one query worker, got {size}")
        self.path, self.read_only = Path(path), read_only
        self.max_memory = max_memory
        self.size = size if read_only else 1  # one writer owns a read-write store
        self._ctx = _context()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._workers: list[_Worker] = []
        for _ in range(self.size):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(  # type: ignore[attr-defined]
            target=_serve,
            args=(str(self.path), self.read_only, child, self.max_memory),
            name="kg-sparql-worker",
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.append(worker)
        return worker

    def _stop(self, worker: _Worker) -> None:
        """Kill a worker and close its pipe, once: ``close()`` and a request thread that saw it
        die may both stop it (closing the pipe twice would close another file's descriptor)."""
        worker.process.kill()
        worker.process.join(timeout=5)
        with self._lock:
            owner = worker in self._workers
            if owner:
                self._workers.remove(worker)
        if owner:
            worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        if not self._closed:
            self._idle.put(self._start())

    def run(self, job: Job, timeout: float | None) -> Outcome:
        """Run ``job`` in an idle worker; QueryTimeout (and a fresh worker) when it runs too long.

        The timeout covers the wait for an idle worker and the run itself, not a fresh
        worker's start-up (opening the store), after which its clock starts again.
        """
        if self._closed:
            raise StoreError(f"the query workers of {self.path} are stopped")
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"query timed out after {timeout:g} s waiting for one of {self.size} busy workers"
            ) from None
        done = False
        try:
            if not worker.ready:  # a fresh worker: its start-up is no part of the query's time
                if not worker.conn.poll(_START_WAIT) or worker.conn.recv() != _READY:
                    raise StoreError(f"query worker {worker.process.pid} did not start")
                worker.ready = True
                deadline = None if timeout is None else time.monotonic() + timeout
            worker.conn.send(job)
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not worker.conn.poll(left):
                raise QueryTimeout(f"query timed out after {timeout:g} s")
            outcome: Outcome = worker.conn.recv()
            done = True
            return outcome
        except (EOFError, OSError) as e:
            raise self._death(worker, e) from None
        finally:
            if done:
                self._idle.put(worker)
            else:  # timed out or died: it may still be computing, so kill it
                self._replace(worker)

    def _death(self, worker: _Worker, e: BaseException) -> KGError:
        """The error for a worker that died during a job (out of memory, or a crash)."""
        worker.process.join(timeout=2)
        code = worker.process.exitcode
        if self.max_memory is not None and code in (-signal.SIGABRT, -signal.SIGKILL, 1):
            return QueryTooLarge(
                f"query stopped: it needs more than {self.max_memory} MB of memory "
                "(the limit of kg serve --max-memory)"
            )
        return StoreError(f"query worker {worker.process.pid} stopped ({code}): {e or 'no answer'}")

    def close(self) -> None:
        """Stop every worker (running queries included)."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            self._stop(worker)
