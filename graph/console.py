"""The terminal side of ``kg``: progress bars, one-line log records, UTF-8 standard streams.

The library never draws: it reports progress through a callback (``graph.build.progress``),
which ``ProgressBars`` turns into tqdm bars on a terminal.
"""

from __future__ import annotations

import io
import logging
import sys
from typing import TextIO

from tqdm import tqdm

from graph.errors import one_line

MESSAGE_LIMIT = 500  # characters of an error message on the terminal


class ProgressBars:
    """One tqdm bar per build stage on the terminal (counts, rate and ETA)."""

    def __init__(self) -> None:
        self._bars: dict[str, tqdm[None]] = {}

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        bar = self._bars.get(stage)
        if bar is None:
            bar = self._bars[stage] = tqdm(
                total=total, desc=f"{stage:<11}", unit=" items", leave=False, file=sys.stderr
            )
        bar.update(done - bar.n)
        if total is not None and done >= total:
            bar.close()

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()


def reconfigured(stream: TextIO, *, errors: str) -> TextIO:
    """A standard stream switched to UTF-8 whatever the locale."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors=errors)
    return stream


class _OneLineFormatter(logging.Formatter):
    """``kg: warning: message`` with no traceback (tracebacks are for ``--debug``)."""

    def format(self, record: logging.LogRecord) -> str:
        level = record.levelname.lower()
        return f"kg: {level}: {one_line(record.getMessage(), limit=MESSAGE_LIMIT)}"


def configure_logging(debug: bool) -> None:
    """Log records go to stderr: full with ``--debug``, else one line and warnings up."""
    root = logging.getLogger()
    if root.handlers:  # embedded (tests, notebooks): leave the host's configuration alone
        return
    handler = logging.StreamHandler()
    if debug:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    else:
        handler.setFormatter(_OneLineFormatter())
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.WARNING)
