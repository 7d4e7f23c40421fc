"""Map the per-document function over many documents: a process pool, or Dask distributed.

Both engines map :func:`graph.extract.document.extract_document` (through
:func:`graph.extract.document.extract_safely`, which turns an exception into an
:class:`~graph.extract.document.ExtractionFailure` naming the document) over *batches* of documents of
roughly equal size, never over single sentences: a task costs a few milliseconds of scheduling,
a batch is a few hundred thousand characters.  Results arrive in completion order;
``graph.build.merge.merge`` sorts, so the merged graph does not depend on it.

The tokenizer (jieba or rjieba with the project dictionaries) is built once per worker
process: in the parent before it forks the pool (or by the pool's initializer when workers are
not forked), and by the first task a Dask worker runs (it is cached in the worker's modules).

>>> from graph.types import Document
>>> docs = [Document.from_text(f"d{i}.txt", "某某市交通局局长王某某出席。" * 3) for i in range(3)]
>>> [len(b) for b in batches(docs, parts=2)]
[2, 1]
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from graph.extract.document import ExtractionFailure, ExtractionResult, extract_safely
from graph.types import Document

log = logging.getLogger(__name__)

# batches per worker: enough to balance uneven documents, few enough to keep overheads small
_BATCHES_PER_WORKER = 8
# a batch never holds more characters than this (bounds the memory of results in flight)
_MAX_BATCH_CHARS = 2_000_000


def batches(
    docs: Iterable[Document], *, parts: int, max_chars: int = _MAX_BATCH_CHARS
) -> list[list[Document]]:
    """Consecutive documents grouped into about ``parts`` batches of similar character counts.

    >>> from graph.types import Document
    >>> docs = [Document.from_text(f"{i}", "字" * n) for i, n in enumerate([5, 5, 90, 5])]
    >>> [[d.doc_id for d in b] for b in batches(docs, parts=2)]
    [['0', '1', '2'], ['3']]
    >>> batches([], parts=4)
    []
    """
    docs = list(docs)
    total = sum(map(_size, docs))
    target = min(max(total // max(parts, 1), 1), max_chars)
    out: list[list[Document]] = []
    current: list[Document] = []
    size = 0
    for doc in docs:
        current.append(doc)
        size += _size(doc)
        if size >= target:
            out.append(current)
            current, size = [], 0
    if current:
        out.append(current)
    return out


def _size(doc: Document) -> int:
    """Characters of a document (0 for a malformed one: its extraction reports the error)."""
    return len(doc.text) if isinstance(doc.text, str) else 0


def extract_batch(docs: list[Document]) -> list[ExtractionResult]:
    """The extraction (or the failure) of every document of a batch, in order.

    >>> from graph.types import Document
    >>> [type(r).__name__ for r in extract_batch([Document.from_text("a.txt", "你好。")])]
    ['Extraction']
    """
    return [extract_safely(doc) for doc in docs]


def warm_up() -> None:
    """Build the per-process state (tokenizers, dictionaries) before the first document."""
    from graph.extract.orgs import regions
    from graph.text.segment import backend, word_tags

    backend()
    word_tags()
    regions()


def extract_processes(docs: list[Document], *, workers: int) -> Iterator[ExtractionResult]:
    """Extract ``docs`` in ``workers`` processes (results in completion order).

    A batch whose worker process dies (out of memory, a crash in native code) is reported as a
    failure of each of its documents; the other batches still complete.
    """
    if not docs:
        return
    parts = batches(docs, parts=workers * _BATCHES_PER_WORKER)
    ctx = _context()
    forked = ctx.get_start_method() == "fork"
    if forked:
        warm_up()  # built once here, shared copy-on-write by every worker
        # keep the parent's objects out of the workers' garbage collections, which would
        # otherwise touch (and so copy) every page of the inherited heap
        gc.freeze()
    log.info(
        "extracting %d documents in %d batches on %d processes", len(docs), len(parts), workers
    )
    try:
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=warm_up) as pool:
            pending: dict[Future[list[ExtractionResult]], list[Document]] = {}
            queue = iter(parts)
            window = workers * 2  # batches in flight: bounds memory held by finished results
            while True:
                while len(pending) < window and (batch := next(queue, None)) is not None:
                    pending[pool.submit(extract_batch, batch)] = batch
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    batch = pending.pop(future)
                    yield from _results(future, batch)
    finally:
        if forked:
            gc.unfreeze()


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` from a single-threaded process (workers start at once with the parent's warm
    tokenizers); otherwise ``forkserver``, so that workers never inherit other threads' locks."""
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _results(
    future: Future[list[ExtractionResult]], batch: list[Document]
) -> list[ExtractionResult]:
    try:
        return future.result()
    except BrokenProcessPool as e:
        log.error("worker process died on a batch of %d documents: %s", len(batch), e)
        return [ExtractionFailure(d.doc_id, f"worker process died: {e}") for d in batch]


def extract_dask(docs: list[Document], *, scheduler: str | None) -> Iterator[ExtractionResult]:
    """Extract ``docs`` on a Dask distributed cluster (results in completion order).

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); None starts a
    ``LocalCluster`` of worker processes, one thread each, for the duration of the call.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    if not docs:
        return
    cluster = None
    if scheduler is None:
        n = max(os.cpu_count() or 1, 1)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True)  # type: ignore[no-untyped-call]
        client = Client(cluster)  # type: ignore[no-untyped-call]
    else:
        client = Client(scheduler)  # type: ignore[no-untyped-call]
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        parts = batches(docs, parts=workers * _BATCHES_PER_WORKER)
        log.info("dask: %d documents in %d batches on %d workers", len(docs), len(parts), workers)
        futures = client.map(extract_batch, parts, pure=False)
        batch_of = {f.key: batch for f, batch in zip(futures, parts, strict=True)}
        done = as_completed(futures, with_results=True, raise_errors=False)  # type: ignore[no-untyped-call]
        del futures  # the iterator holds them; each is released once its results are out
        for future, results in done:
            batch = batch_of.pop(future.key)
            future.release()
            if isinstance(results, BaseException):
                log.error("dask task of %d documents failed: %s", len(batch), results)
                yield from (
                    ExtractionFailure(d.doc_id, f"dask task failed: {results}") for d in batch
                )
            else:
                yield from results
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
