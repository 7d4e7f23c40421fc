"""The build pipeline: documents in, exports and store out.

``build_corpus`` drives a whole build: ingest (``graph.io``), extract each changed document
(``graph.extract.document``, on the engine of ``graph.build.engines``; unchanged documents come
from ``graph.build.cache``), merge (``graph.build.merge``), then export and load the store
(``graph.build.publish``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph.build.cache import load_cached, store_cached
from graph.build.memory import DEFAULT_MAX_MEMORY, sqlite_cache_bytes
from graph.build.progress import ProgressCallback, StageClock, step, tracked
from graph.build.streammerge import EntityIndex
from graph.errors import ConfigError, KGError
from graph.extract.document import (
    ExtractionFailure,
    ExtractionResult,
    extract_safely,
    release_models,
)
from graph.io.atomic import remove_stale_temporaries, temporary_name
from graph.io.ingest import iter_sources, max_document_bytes, read_document
from graph.io.lock import folder_lock
from graph.rdf.iris import DEFAULT_BASE
from graph.types import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """How to run a build (see ``kg build --help``)."""

    base_iri: str | None = None
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    force: bool = False
    progress: ProgressCallback | None = None  # called as stages advance (graph.build.progress)
    max_document_bytes: int | None = None  # None: $ZHKG_MAX_DOCUMENT_BYTES, else 8 MiB
    max_memory: int = DEFAULT_MAX_MEMORY  # bytes (graph.build.memory)

    @property
    def base(self) -> str:
        return self.base_iri or DEFAULT_BASE


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: counts, failures and where it wrote."""

    out: Path
    documents: int
    extracted: int
    reused: int
    counts: dict[str, int] = field(default_factory=dict)
    failures: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)  # per stage (graph.build.progress)
    warnings: tuple[str, ...] = ()  # documents built without some of their bytes

    def summary(self) -> str:
        """One screen of text for the terminal."""
        lines = [
            f"built {self.out}: {self.documents} documents "
            f"({self.extracted} extracted, {self.reused} unchanged), {len(self.failures)} failed"
            + (f", {len(self.warnings)} with undecodable bytes dropped" if self.warnings else ""),
        ]
        lines += [f"  {k:<14} {v}" for k, v in self.counts.items()]
        return "\n".join(lines)


def read_corpus(seeds: Path, *, max_bytes: int | None = None) -> Iterator[Document | KGError]:
    """Documents of a folder; a file that cannot be read yields its error instead."""
    for path in iter_sources(seeds):
        try:
            yield read_document(path, seeds if seeds.is_dir() else path, max_bytes=max_bytes)
        except KGError as e:
            yield e


def dropped_warning(doc: Document, *, listed: int = 5) -> str:
    """One line naming a document's dropped bytes (the first ``listed`` ranges).

    >>> from graph.types import DroppedBytes
    >>> d = Document.from_text("a.txt", "文", "s/a.txt", dropped=(DroppedBytes(3, 5, 1, "NUL bytes"),))
    >>> dropped_warning(d)
    's/a.txt: 2 bytes could not be decoded and were dropped: bytes 3-5 (NUL bytes) dropped before character 1'
    """
    total = sum(d.end - d.start for d in doc.dropped)
    ranges = "; ".join(map(str, doc.dropped[:listed]))
    more = f"; and {len(doc.dropped) - listed} more ranges" if len(doc.dropped) > listed else ""
    return f"{doc.source}: {total} bytes could not be decoded and were dropped: {ranges}{more}"


def extract_all(docs: list[Document], *, options: BuildOptions) -> Iterator[ExtractionResult]:
    """Extractions (or failures) of ``docs`` with the chosen engine (any order of results)."""
    if options.engine == "dask":
        from graph.build.engines import extract_dask

        yield from extract_dask(docs, scheduler=options.scheduler)
    elif options.workers > 1 and len(docs) > 1:
        from graph.build.engines import extract_processes

        yield from extract_processes(docs, workers=options.workers)
    else:
        yield from map(extract_safely, docs)


def build_corpus(seeds: Path, out: Path, *, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the graph of every document under ``seeds`` into ``out``.

    Unchanged documents (same text and extractor) reuse their cached extraction unless
    ``options.force``.  Exports are written atomically and the store is brought to exactly the
    exported quads.  One build at a time may write ``out``: a second one raises ``BusyError``.
    """
    if options.workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {options.workers}")
    options = replace(options, max_document_bytes=max_document_bytes(options.max_document_bytes))
    if options.max_memory <= 0:
        raise ConfigError(f"--max-memory must be positive, not {options.max_memory}")
    with folder_lock(out):
        return _build_locked(seeds, out, options)


def _build_locked(seeds: Path, out: Path, options: BuildOptions) -> BuildReport:
    for folder in (out, out / ".cache", out / ".cache" / "graphs"):
        remove_stale_temporaries(folder)
    (out / ".cache").mkdir(parents=True, exist_ok=True)
    # the merge's first pass (entity descriptions, no mentions), in a file beside the cache
    path = temporary_name(out / ".cache" / "entities.sqlite", "index")
    index = EntityIndex(path, cache_bytes=sqlite_cache_bytes(options.max_memory))
    try:
        return _build_indexed(seeds, out, options, index)
    finally:
        index.close()


def _build_indexed(
    seeds: Path, out: Path, options: BuildOptions, index: EntityIndex
) -> BuildReport:
    report = clock = StageClock(options.progress)
    docs, failures = _read_all(seeds, report, options.max_document_bytes)
    warnings = tuple(dropped_warning(d) for d in docs if d.dropped)
    for warning in warnings:
        log.warning("%s", warning)
    done: list[Document] = []  # documents whose extraction is in the cache
    todo: list[Document] = []
    for doc in docs:
        cached = None if options.force else load_cached(out, doc)
        if cached is None:
            todo.append(doc)
        else:
            index.add(cached)
            done.append(doc)
    failed: set[str] = set()
    for x in tracked(extract_all(todo, options=options), "extracting", len(todo), report):
        if isinstance(x, ExtractionFailure):
            failures.append(str(x))
            failed.add(x.doc_id)
            continue
        store_cached(out, x)
        index.add(x)
        done.append(x.doc)
    release_models()  # the tokenizers are not needed any more (about 110 MB)
    merged = step("merging", report)
    resolution = index.resolve()
    merged()
    from graph.build.publish import publish

    changed = {d.doc_id for d in todo} - failed
    done.sort(key=lambda d: d.doc_id)
    counts = publish(
        resolution,
        done,
        out,
        options.base,
        changed,
        report=report,
        max_memory=options.max_memory,
        workers=options.workers,
    )
    reused = len(docs) - len(todo)
    seconds = clock.seconds()
    return BuildReport(
        out, len(docs), len(todo), reused, counts, tuple(failures), seconds, warnings
    )


def _read_all(
    seeds: Path, report: ProgressCallback | None, max_bytes: int | None
) -> tuple[list[Document], list[str]]:
    docs: list[Document] = []
    failures: list[str] = []
    for item in tracked(read_corpus(seeds, max_bytes=max_bytes), "reading", None, report):
        if isinstance(item, Document):
            docs.append(item)
        else:
            failures.append(str(item))
    return docs, failures
