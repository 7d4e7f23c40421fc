"""Dumps of the store for bulk loading into another SPARQL server (``kg export``).

One file, N-Quads (every document's graph kept) or N-Triples (the distinct triples of their
union); or the N-Quads in ``shards`` files that a bulk loader reads in parallel (``oxigraph load
--file part-*.nq`` loads several files at once; QLever, Virtuoso's ``ld_dir`` and Jena's
``tdb2.tdbloader`` take several files too).  Each named graph lies whole in one shard, chosen
from a digest of its IRI, so the same store always gives the same shards, and a loader may
replace one document's graph by reloading its shard.

Nothing half-written: a file is written to a temporary sibling and renamed; shards are written
into a hidden sibling folder that replaces ``out`` only once every shard is complete.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path

from graph.errors import StoreError, one_line
from graph.io.atomic import atomic_writer, temporary_name
from graph.sparql.store import open_store, store_dir

log = logging.getLogger(__name__)

DUMP_FORMATS = ("nquads", "ntriples")


def export_dump(graph_dir: Path, out: Path, *, fmt: str) -> int:
    """Stream the store of ``graph_dir`` to ``out`` as ``nquads`` or ``ntriples``; return the count.

    N-Quads keeps the per-document graphs (for bulk loading into Oxigraph server, Virtuoso,
    QLever, Fuseki); N-Triples writes the distinct triples of their union.
    """
    if fmt not in DUMP_FORMATS:
        raise StoreError(f"unknown dump format {fmt!r} (use nquads or ntriples)")
    store = open_store(store_dir(graph_dir), read_only=True)
    with store, atomic_writer(Path(out), mode="wb") as fh:
        if fmt == "nquads":
            return store.write_nquads(fh)
        return store.write_union_ntriples(fh)


def shard_of(graph_iri: str, shards: int) -> int:
    """The shard (0 … ``shards`` - 1) that holds the named graph ``graph_iri``.

    >>> shard_of("https://kg.example.org/id/graph-1", 1)
    0
    >>> shard_of("https://kg.example.org/id/graph-1", 4) == shard_of("https://kg.example.org/id/graph-1", 4)
    True
    """
    digest = hashlib.sha1(graph_iri.encode("utf-8"), usedforsecurity=False).digest()
    return int.from_bytes(digest[:8], "big") % shards


def shard_name(index: int) -> str:
    """The file name of shard ``index``.

    >>> shard_name(3)
    'part-0003.nq'
    """
    return f"part-{index:04d}.nq"


def export_shards(graph_dir: Path, out: Path, *, shards: int) -> list[int]:
    """Write the store of ``graph_dir`` as ``shards`` N-Quads files in the folder ``out``.

    Return the number of quads in each shard (index order).  ``out`` is replaced whole; every
    named graph lies in exactly one shard (:func:`shard_of`).
    """
    if shards < 1:
        raise StoreError(f"--shards must be at least 1, not {shards}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise StoreError(f"cannot write shards into {out}: it is a file, not a folder")
    tmp = temporary_name(out, "shards")
    try:
        with open_store(store_dir(graph_dir), read_only=True) as store:
            groups: list[list[str]] = [[] for _ in range(shards)]
            for iri in sorted(store.named_graphs()):
                groups[shard_of(iri, shards)].append(iri)
            tmp.mkdir(parents=True)
            counts = []
            for index, graphs in enumerate(groups):
                with open(tmp / shard_name(index), "wb") as fh:
                    counts.append(store.write_nquads(fh, graphs))
                    fh.flush()
                    os.fsync(fh.fileno())
            if sum(counts) != len(store):
                raise StoreError(f"{graph_dir}: the store holds quads outside its named graphs")
        _replace_folder(tmp, out)
    except OSError as e:
        raise StoreError(f"cannot write shards into {out}: {one_line(e)}") from e
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    log.info("%d quads in %d shards under %s", sum(counts), shards, out)
    return counts


def _replace_folder(new: Path, out: Path) -> None:
    """Put the complete folder ``new`` at ``out``; an older ``out`` is removed after the swap."""
    old = temporary_name(out, "old")
    if out.exists():
        out.rename(old)
    new.rename(out)
    shutil.rmtree(old, ignore_errors=True)
