"""The three RDF files of a build (``graph.trig``, ``graph.ttl``, ``graph.jsonld``), written
from the N-Quads spool, inline or by a child process while the parent writes the network files.

With more than one worker the build has more than one core: the RDF files (about half of what
the exports cost) are then written by a forked child, beside the parent's GraphML, node-link
JSON and HTML and the store's bulk load.  The child only reads the spool and writes its three
files atomically (temporary name, then rename), so the outputs are the same bytes either way.
The child dies with its parent (``PR_SET_PDEATHSIG`` on Linux): a killed build leaves at most
temporary files, which the next build removes.  Where that guard or ``fork`` is missing,
:func:`start_rdf_files` returns None and the build writes the files itself.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> spool = folder / "spool.nq"
>>> _ = spool.write_text('<http://x.org/a> <http://x.org/p> "文" <http://x.org/g> .\\n')
>>> job = start_rdf_files(spool, folder, "http://x.org/")  # None where it cannot fork
>>> job.wait() if job else write_rdf_files(spool, folder, "http://x.org/")
['graph.trig', 'graph.ttl', 'graph.jsonld']
>>> (folder / "graph.ttl").read_text().splitlines()[-1]
'kg:a kg:p "文" .'
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from graph.build.storesync import FEED_THREAD
from graph.errors import KGError, StoreError
from graph.io.atomic import atomic_writer
from graph.rdf.exports import turtle_from_trig, write_export

log = logging.getLogger(__name__)

RDF_FILES = ("graph.trig", "graph.ttl", "graph.jsonld")
_PR_SET_PDEATHSIG = 1


def write_rdf_file(name: str, nquads: Path, out: Path, base: str) -> None:
    """Write one RDF file of ``out`` (a name of ``RDF_FILES``) from the spool ``nquads``;
    ``graph.ttl`` is read from ``graph.trig``, which must be written first."""
    if name not in RDF_FILES:
        raise ValueError(f"not an RDF export: {name!r}")
    with atomic_writer(out / name, mode="wb") as fh:
        if name == "graph.ttl":
            with (out / "graph.trig").open("rb") as trig:
                turtle_from_trig(trig, fh)
        else:
            write_export("trig" if name == "graph.trig" else "json-ld", nquads, fh, base)


def write_rdf_files(nquads: Path, out: Path, base: str) -> list[str]:
    """Write the three RDF files of ``out`` from the spool ``nquads``; their names, in order."""
    for name in RDF_FILES:
        write_rdf_file(name, nquads, out, base)
    return list(RDF_FILES)


def start_rdf_files(nquads: Path, out: Path, base: str) -> RdfExports | None:
    """A forked child writing the RDF files of ``out`` (:func:`write_rdf_files`), or None
    when a child cannot be forked safely here (then write them in this process)."""
    if not _can_fork():
        log.info("RDF files written in the build's process (no safe fork here)")
        return None
    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(nquads, out, base, writer, os.getpid()), daemon=True)
    process.start()
    writer.close()
    log.info("RDF files written by child process %s", process.pid)
    return RdfExports(process, reader)


class RdfExports:
    """The RDF files being written by a child process."""

    def __init__(self, process: multiprocessing.process.BaseProcess, reader: Connection) -> None:
        self._process, self._reader = process, reader

    def wait(self) -> list[str]:
        """The names of the files written (``StoreError`` if the child failed or died)."""
        try:
            message = self._reader.recv()
        except EOFError:
            message = None
        finally:
            self._reader.close()
        self._process.join()
        if isinstance(message, list):
            return message
        code = self._process.exitcode
        raise StoreError(f"writing the RDF exports failed: {message or f'exit code {code}'}")

    def cancel(self) -> None:
        """Stop the child (its temporary files are removed by the next build)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._reader.close()


def _can_fork() -> bool:
    """``fork`` exists, the child can be tied to the parent's life, and no other thread runs
    but the store's loader (a thread's locks are copied held; the child touches nothing the
    loader holds: no store, no queue, no logging, only the spool, pyoxigraph's parser and
    serialisers, and its own files)."""
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    return (
        sys.platform == "linux"
        and "fork" in multiprocessing.get_all_start_methods()
        and all(t.name == FEED_THREAD for t in others)
        and ctypes.util.find_library("c") is not None
    )


def _child(nquads: Path, out: Path, base: str, conn: Connection, parent: int) -> None:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the guard was set
        os._exit(1)
    try:
        conn.send(write_rdf_files(nquads, out, base))
    except (KGError, OSError, ValueError) as e:
        conn.send(f"{type(e).__name__}: {e}")
    finally:
        conn.close()
