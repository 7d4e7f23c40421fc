"""The terminal side of ``kg``: progress bars, one-line log records, UTF-8 standard streams,
and errors and signals turned into one line and an exit status.

The library never draws: it reports progress through a callback (``graph.build.progress``),
which ``ProgressBars`` turns into tqdm bars on a terminal.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any, NoReturn, TextIO

import click
from tqdm import tqdm

from graph.errors import KGError, one_line

MESSAGE_LIMIT = 500  # characters of an error message on the terminal


class ProgressBars:
    """One tqdm bar per build stage on the terminal (counts, rate and ETA)."""

    def __init__(self) -> None:
        self._bars: dict[str, tqdm[None]] = {}
        # no monitor thread: a build with workers forks a child once its bars have started
        # (graph.build.rdfjob forks only where no other thread runs)
        tqdm.monitor_interval = 0

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


class Interrupted(BaseException):
    """Raised in the main process by SIGINT/SIGTERM; passes through click and library handlers."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def fail(message: object, code: int) -> NoReturn:
    """Print ``kg: message`` (one line) on stderr and exit with ``code``."""
    click.echo(f"kg: {one_line(message, limit=MESSAGE_LIMIT)}", err=True)
    sys.exit(code)


def _signal_handler(main_pid: int) -> Callable[[int, FrameType | None], None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != main_pid:  # a forked worker: leave it to its pool
            raise KeyboardInterrupt
        raise Interrupted(signum)

    return handler


def install_signals() -> dict[int, Any]:
    """Turn SIGINT and SIGTERM into :class:`Interrupted` in this process; the previous
    handlers are returned, to be restored."""
    previous: dict[int, Any] = {}
    handler = _signal_handler(os.getpid())
    for signum in (signal.SIGINT, signal.SIGTERM):
        # not in the main thread (embedded use), keep the defaults
        with contextlib.suppress(ValueError):
            previous[signum] = signal.signal(signum, handler)
    return previous


def run_command(group: click.Group, args: list[str], *, debug: bool) -> int:
    """Run a click command line; every error becomes one line on stderr and an exit status.

    ``kg: <file or value>: <reason>`` and 1 for library errors (2 for usage errors), 130 on
    SIGINT and 143 on SIGTERM, 141 on a closed pipe.  With ``debug`` library errors and bugs
    raise, with their tracebacks.
    """
    try:
        rv = group.main(args=args, prog_name="kg", standalone_mode=False)
    except (Interrupted, KeyboardInterrupt, click.exceptions.Abort) as e:
        signum = e.signum if isinstance(e, Interrupted) else signal.SIGINT
        what = "interrupted" if signum == signal.SIGINT else "terminated"
        fail(what, 128 + signum)
    except click.exceptions.NoArgsIsHelpError as e:
        e.show()  # plain `kg`: the help text, as click prints it
        return e.exit_code
    except click.exceptions.UsageError as e:
        cmd = e.ctx.command_path if e.ctx is not None else "kg"
        fail(f"{e.format_message()} (see {cmd} --help)", e.exit_code)
    except click.ClickException as e:
        fail(e.format_message(), e.exit_code)
    except KGError as e:
        if debug:
            raise
        fail(e, 1)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout
        return 141
    except OSError as e:
        if debug:
            raise
        where = f"{e.filename}: " if e.filename else ""
        fail(f"{where}{e.strerror or e}", 1)
    except MemoryError:
        fail("out of memory", 1)
    except Exception as e:  # a bug: still one line, the traceback is one --debug away
        if debug:
            raise
        fail(f"internal error: {type(e).__name__}: {e} (run kg --debug ... for the traceback)", 1)
    return rv if isinstance(rv, int) else 0
