"""Write files atomically: to a temporary file in the same folder, then rename.

An interrupted write (an exception, Ctrl-C, SIGKILL, a full disk) leaves the previous file
intact: readers see either the old or the new complete content, never a mix.  The data is
flushed to disk before the rename and the folder entry after it.  A killed process can leave a
hidden temporary file behind (``.NAME.PID.XXXX.tmp``); :func:`remove_stale_temporaries`
deletes those whose process is gone.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> with atomic_writer(p) as fh:
...     _ = fh.write("你好")
>>> p.read_text(encoding="utf-8")
'你好'
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal, overload

from graph.errors import ExportError

_TEMP = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")


@overload
def atomic_writer(
    path: Path, *, mode: Literal["w"] = "w"
) -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_writer(
    path: Path, *, mode: Literal["wb"]
) -> contextlib.AbstractContextManager[IO[bytes]]: ...


def atomic_writer(
    path: Path, *, mode: Literal["w", "wb"] = "w"
) -> contextlib.AbstractContextManager[IO[str]] | contextlib.AbstractContextManager[IO[bytes]]:
    """Context manager yielding a file handle; the target appears only when the block succeeds.

    ``mode`` is ``"w"`` (UTF-8 text) or ``"wb"``.  An ``OSError`` becomes an ``ExportError``
    naming the file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "b.bin"
    >>> with atomic_writer(p, mode="wb") as fh:
    ...     _ = fh.write(b"old")
    >>> try:
    ...     with atomic_writer(p, mode="wb") as fh:
    ...         _ = fh.write(b"half")
    ...         raise KeyboardInterrupt
    ... except KeyboardInterrupt:
    ...     pass
    >>> p.read_bytes(), sorted(x.name for x in p.parent.iterdir())
    (b'old', ['b.bin'])
    """
    if mode == "wb":
        return _atomic_bytes(Path(path))
    if mode == "w":
        return _atomic_text(Path(path))
    raise ValueError(f"atomic_writer mode must be 'w' or 'wb', not {mode!r}")


def _mkstemp(path: Path) -> tuple[int, str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
        )
    except OSError as e:
        raise ExportError(f"{path}: cannot write: {e.strerror or e}") from e


@contextlib.contextmanager
def _atomic_bytes(path: Path) -> Iterator[IO[bytes]]:
    fd, tmp = _mkstemp(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _commit(tmp, path)
    except OSError as e:
        _discard(tmp)
        raise ExportError(f"{path}: cannot write: {e.strerror or e}") from e
    except BaseException:
        _discard(tmp)
        raise


@contextlib.contextmanager
def _atomic_text(path: Path) -> Iterator[IO[str]]:
    with _atomic_bytes(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8")
        yield text
        text.flush()
        text.detach()  # the byte writer syncs, closes and renames


def _commit(tmp: str, path: Path) -> None:
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _discard(tmp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    with atomic_writer(path) as fh:
        fh.write(text)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_writer(path, mode="wb") as fh:
        fh.write(data)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files (or folders) that killed writers left in ``folder``.

    A temporary entry is stale when the process that created it no longer exists.  Returns the
    entries removed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / ".graph.ttl.999999999.abc.tmp").write_text("half")
    >>> (d / ".store.999999999.bulk.tmp").mkdir()
    >>> _ = (d / ".store.999999999.bulk.tmp" / "part").write_text("half")
    >>> [p.name for p in remove_stale_temporaries(d)]
    ['.graph.ttl.999999999.abc.tmp', '.store.999999999.bulk.tmp']
    >>> sorted(p.name for p in d.iterdir())
    []
    """
    removed: list[Path] = []
    try:
        entries = sorted(Path(folder).iterdir())
    except OSError:
        return removed
    for p in entries:
        m = _TEMP.match(p.name)
        if m is None or _alive(int(m.group(1))):
            continue
        with contextlib.suppress(OSError):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()
            removed.append(p)
    return removed


def temporary_name(path: Path, tag: str) -> Path:
    """A hidden sibling of ``path`` that :func:`remove_stale_temporaries` recognises.

    >>> temporary_name(Path("out/store"), "bulk").name.endswith(".bulk.tmp")
    True
    """
    return path.parent / f".{path.name}.{os.getpid()}.{tag}.tmp"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True
