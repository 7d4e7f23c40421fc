"""The per-document extraction cache in ``OUT/.cache/``, keyed by the text's sha256 and the
extractor's fingerprint (code, dictionaries, model).

Cache files are written to a temporary name and renamed (a killed build never leaves half a
file under the real name) but not fsync'ed: two fsyncs per document cost more than extracting
it.  After a power loss a cache file may be empty or cut short; a reader then finds it
unreadable (a pickle fails to load, a graph lacks its end marker) and the document is redone.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from graph.build.fingerprint import extractor_fingerprint
from graph.io.atomic import temporary_name
from graph.types import Document, Extraction


def cache_path(out: Path, doc: Document) -> Path:
    """Where the extraction of ``doc`` by this version of the extractor is cached."""
    return out / ".cache" / f"{doc.sha256[:32]}-{extractor_fingerprint()}.pickle"


def load_cached(out: Path, doc: Document) -> Extraction | None:
    """The cached extraction of ``doc``, or None when absent, stale or unreadable."""
    path = cache_path(out, doc)
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None
    if not isinstance(cached, Extraction):
        return None
    was = cached.doc
    if (was.doc_id, was.sha256, was.text) != (doc.doc_id, doc.sha256, doc.text):
        return None
    # the same text read through another path (a renamed or absolute seeds folder) is reused
    return cached if was == doc else replace(cached, doc=doc)


def store_cached(out: Path, x: Extraction) -> None:
    """Cache an extraction (atomically: a reader never sees half a file)."""
    write_cache_file(cache_path(out, x.doc), pickle.dumps(x, protocol=5))


def write_cache_file(path: Path, data: bytes) -> None:
    """Write a cache file: temporary name, then rename (no fsync, see the module's note).

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "sub" / "a.bin"
    >>> write_cache_file(p, b"x"); p.read_bytes(), [q.name for q in p.parent.iterdir()]
    (b'x', ['a.bin'])
    """
    tmp = temporary_name(path, "cache")
    try:
        tmp.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


END_MARK = b"# end\n"


def write_graph_file(path: Path, ntriples: bytes) -> None:
    """Cache a named graph's N-Triples, followed by an end marker (a comment line)."""
    write_cache_file(path, ntriples + END_MARK)


def read_graph_file(path: Path) -> bytes | None:
    r"""A cached graph's N-Triples, or None when absent or cut short.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "g.nt"
    >>> write_graph_file(p, b"<a> <b> <c> .\n"); read_graph_file(p)
    b'<a> <b> <c> .\n'
    >>> _ = p.write_bytes(b"<a> <b> <c> .\n<a> <b"); read_graph_file(p) is None
    True
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data[: -len(END_MARK)] if data.endswith(END_MARK) else None


_CHUNK = 1 << 22


def read_graph_chunks(path: Path) -> Iterator[bytes] | None:
    r"""A cached graph's N-Triples in pieces of whole lines, or None when absent or cut short.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "g.nt"
    >>> write_graph_file(p, b"<a> <b> <c> .\n<a> <b> <d> .\n")
    >>> b"".join(read_graph_chunks(p) or [])
    b'<a> <b> <c> .\n<a> <b> <d> .\n'
    """
    try:
        with path.open("rb") as fh:
            size = fh.seek(0, os.SEEK_END)
            if size < len(END_MARK):
                return None
            fh.seek(size - len(END_MARK))
            if fh.read() != END_MARK:
                return None
    except OSError:
        return None
    return _chunks(path, size - len(END_MARK))


def _chunks(path: Path, length: int) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while length > 0:
            lines = fh.readlines(min(_CHUNK, length))
            piece = b"".join(lines)
            if len(piece) > length:  # the end marker came with the last lines
                piece = piece[:length]
            length -= len(piece)
            if not piece:
                return
            yield piece


def write_graph_chunks(path: Path, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Pass ``chunks`` through while caching them (with the end marker) as the graph ``path``;
    the file appears once they are all written."""
    tmp = temporary_name(path, "cache")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with tmp.open("wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
                yield chunk
            fh.write(END_MARK)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
