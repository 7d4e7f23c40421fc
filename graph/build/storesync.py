r"""Keep the store equal to the exports, quad for quad, whatever happened before.

Each build compares the digest of every named graph it exports with a manifest of what the
store holds (``OUT/.cache/store-manifest.json``) and replaces every graph whose digest differs
or is unknown, and drops every graph the exports no longer have.  The manifest forgets the
graphs about to change *before* the store transaction and records them only after it commits,
so after an interrupted build (any signal, at any point) the next build repairs the store: it
never trusts an entry it has not seen committed.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> nt = b'<https://kg.example.org/id/a> <http://schema.org/name> "x" .\n'
>>> g = "https://kg.example.org/id/graph-1"
>>> nq = out / "all.nq"
>>> _ = nq.write_bytes(nt.replace(b" .\n", f" <{g}> .\n".encode()))
>>> sync_store(out, {g: digest(nt)}, {g: nt}.__getitem__, nq)
(1, 0)
>>> sync_store(out, {g: digest(nt)}, {g: nt}.__getitem__, nq)  # nothing to do
(0, 0)
>>> sync_store(out, {}, {}.__getitem__, nq)  # the document is gone
(0, 1)
"""

from __future__ import annotations

import hashlib
import json
import logging
import queue
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from graph.errors import StoreError
from graph.io.atomic import atomic_write_bytes
from graph.sparql.store import BulkLoader, bulk_load_store, open_store, store_dir

log = logging.getLogger(__name__)


def manifest_path(out: Path) -> Path:
    """Where the digests of the store's graphs are kept."""
    return out / ".cache" / "store-manifest.json"


def digest(ntriples: bytes) -> str:
    """The digest of a named graph's N-Triples, as the manifest records it."""
    return hashlib.sha256(ntriples).hexdigest()[:32]


def _read_manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items()}


def _write_manifest(out: Path, digests: dict[str, str]) -> None:
    text = json.dumps(digests, sort_keys=True, indent=0)
    atomic_write_bytes(manifest_path(out), text.encode("utf-8"))


def sync_store(
    out: Path,
    digests: Mapping[str, str],
    ntriples: Callable[[str], bytes],
    nquads: Path,
    *,
    chunk_bytes: int | None = None,
) -> tuple[int, int]:
    """Make the store of ``out`` hold exactly the named graphs of ``digests``; return
    (replaced, dropped).

    ``digests`` maps each graph IRI to the :func:`digest` of its N-Triples, ``ntriples(iri)``
    reads them, and ``nquads`` holds every graph (bulk-loaded when there is no store yet, at
    most ``chunk_bytes`` of it at a time).
    """
    if not store_dir(out).exists():  # first build: bulk-load a new store
        _write_manifest(out, {})
        bulk_load_store(store_dir(out), nquads, chunk_bytes=chunk_bytes)
        _write_manifest(out, dict(digests))
        log.info("store: created with %d graphs", len(digests))
        return len(digests), 0
    known = _read_manifest(out)
    with open_store(store_dir(out)) as store:
        present = store.named_graphs()
        replace = sorted(i for i in digests if i not in present or known.get(i) != digests[i])
        drop = sorted(present - set(digests))
        if replace or drop:
            changing = set(replace) | set(drop)
            _write_manifest(out, {i: d for i, d in known.items() if i not in changing})
            store.replace_graphs({i: ntriples(i) for i in replace}, drop=drop)
    _write_manifest(out, dict(digests))
    log.info("store: %d graphs replaced, %d dropped", len(replace), len(drop))
    return len(replace), len(drop)


FEED_THREAD = "kg-store-feed"


class StoreFeed:
    """A first build's store, bulk-loaded in a thread from the graphs as they are spooled
    (instead of from the whole spool once it is written), so that loading overlaps serialising.

    :meth:`feed` takes N-Quads as the spool gets them and hands the loader pieces of about
    ``chunk_bytes``; :meth:`finish` waits for the loader, moves the store into place and
    records its graphs in the manifest (as :func:`sync_store` does); :meth:`abort` drops it.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> feed = StoreFeed(out, chunk_bytes=1 << 20)
    >>> g, nt = "https://kg.example.org/id/graph-1", b'<https://kg.example.org/id/a> <http://schema.org/name> "x" .\\n'
    >>> feed.feed(nt.replace(b" .\\n", f" <{g}> .\\n".encode()))
    >>> feed.finish({g: digest(nt)})
    >>> sync_store(out, {g: digest(nt)}, {g: nt}.__getitem__, out / "unused.nq")  # in place
    (0, 0)
    """

    def __init__(self, out: Path, *, chunk_bytes: int) -> None:
        self.out, self.chunk_bytes = out, chunk_bytes
        _write_manifest(out, {})
        self._loader = BulkLoader(store_dir(out))
        self._pieces: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._pending: list[bytes] = []
        self._size = 0
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=FEED_THREAD, daemon=True)
        self._thread.start()

    def feed(self, nquads: bytes) -> None:
        """Whole lines of N-Quads, in spool order."""
        self._pending.append(nquads)
        self._size += len(nquads)
        if self._size >= self.chunk_bytes:
            self._hand_over()

    def _hand_over(self) -> None:
        if self._pending:
            self._pieces.put(b"".join(self._pending))
            self._pending, self._size = [], 0

    def _run(self) -> None:
        while (piece := self._pieces.get()) is not None:
            if self._error is None:
                try:
                    self._loader.load(piece)
                except BaseException as e:  # reported by finish, in the build's thread
                    self._error = e

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._pieces.put(None)
            self._thread.join()

    def finish(self, digests: Mapping[str, str]) -> None:
        """Wait for the loader, put the store in place, record ``digests`` in the manifest."""
        self._hand_over()
        self._stop()
        try:
            if self._error is not None:
                raise StoreError(f"loading the store failed: {self._error}") from self._error
            self._loader.commit()
        finally:
            self._loader.abort()
        _write_manifest(self.out, dict(digests))
        log.info("store: created with %d graphs", len(digests))

    def abort(self) -> None:
        """Stop loading and drop what was loaded (idempotent)."""
        self._pending = []
        self._stop()
        self._loader.abort()
