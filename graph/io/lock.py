"""An exclusive lock on an output folder, so two builds never write one ``--out`` at once.

The lock is an advisory ``flock`` on ``OUT/.lock``: the kernel releases it when the holder
exits, however it exits (SIGKILL included), so a stale lock cannot outlive its process.  The
file records the holder's pid for the error message.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with folder_lock(out):
...     try:
...         with folder_lock(out):
...             pass
...     except BusyError as e:
...         print("busy:", "another kg build" in str(e))
busy: True
>>> with folder_lock(out):  # released on exit
...     pass
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from graph.errors import BusyError, ExportError

LOCK_NAME = ".lock"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the lock of ``folder`` (created if needed) for the block; BusyError if taken."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise ExportError(f"{path}: cannot create the lock file: {e}") from e
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise BusyError(
                f"{folder}: another kg build (pid {holder}) is writing this folder; "
                "wait for it to finish or choose another --out"
            ) from e
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
