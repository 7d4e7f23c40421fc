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
from collections.abc import Callable, Mapping
from pathlib import Path

from graph.io.atomic import atomic_write_bytes
from graph.sparql.store import bulk_load_store, open_store, store_dir

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
