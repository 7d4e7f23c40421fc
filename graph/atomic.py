"""Write files atomically: to a temporary file in the same folder, then rename.

An interrupted write leaves the previous file intact.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> with atomic_writer(p) as fh:
...     _ = fh.write("你好")
>>> p.read_text(encoding="utf-8")
'你好'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal, overload

from graph.errors import ExportError


@overload
def atomic_writer(path: Path, mode: Literal["w"] = "w") -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_writer(path: Path, mode: Literal["wb"]) -> contextlib.AbstractContextManager[IO[bytes]]: ...


def atomic_writer(path: Path, mode: str = "w") -> contextlib.AbstractContextManager[IO[str]] | contextlib.AbstractContextManager[IO[bytes]]:  # noqa: E501
    """Context manager yielding a file handle; the target appears only when the block succeeds."""
    return _atomic(Path(path), mode)


@contextlib.contextmanager
def _atomic(path: Path, mode: str) -> Iterator[IO[str] | IO[bytes]]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as e:
        _discard(tmp)
        raise ExportError(f"{path}: cannot write: {e.strerror or e}") from e
    except BaseException:
        _discard(tmp)
        raise


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
    with atomic_writer(path, "wb") as fh:
        fh.write(data)
