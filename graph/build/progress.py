"""Progress of a build, reported through a callback: the library never draws anything.

A build calls ``report(stage, done, total)`` as each stage advances: ``reading`` and
``extracting`` per document, ``merging`` once, ``serialising`` per document graph, ``exporting``
per export file, ``store`` once.  ``total`` is None when unknown.  The CLI turns the calls into
progress bars on a terminal; a notebook or a service can log them or ignore them.

>>> seen = []
>>> list(tracked("abc", "reading", 3, lambda s, d, t: seen.append((s, d, t))))
['a', 'b', 'c']
>>> seen
[('reading', 0, 3), ('reading', 1, 3), ('reading', 2, 3), ('reading', 3, 3)]
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeAlias, TypeVar

ProgressCallback: TypeAlias = Callable[[str, int, "int | None"], None]
STAGES = ("reading", "extracting", "merging", "serialising", "exporting", "store")

T = TypeVar("T")


def tracked(
    items: Iterable[T], stage: str, total: int | None, report: ProgressCallback | None
) -> Iterator[T]:
    """``items`` unchanged, reporting ``stage`` before the first and after each one."""
    if report is None:
        yield from items
        return
    report(stage, 0, total)
    for done, item in enumerate(items, 1):
        yield item
        report(stage, done, total)


def step(stage: str, report: ProgressCallback | None) -> Callable[[], None]:
    """Report a one-step stage as started; call the result when it is done.

    >>> seen = []
    >>> finish = step("merging", lambda s, d, t: seen.append((s, d, t)))
    >>> finish()
    >>> seen
    [('merging', 0, 1), ('merging', 1, 1)]
    """
    if report is None:
        return lambda: None
    report(stage, 0, 1)
    return lambda: report(stage, 1, 1)


class StageClock:
    """A progress callback that times each stage (first report to last) and passes it on.

    >>> clock = StageClock(None)
    >>> list(tracked("ab", "reading", 2, clock))
    ['a', 'b']
    >>> list(clock.seconds()) == ["reading"] and clock.seconds()["reading"] >= 0
    True
    """

    def __init__(self, inner: ProgressCallback | None) -> None:
        self._inner = inner
        self._spans: dict[str, list[float]] = {}

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        now = time.perf_counter()
        self._spans.setdefault(stage, [now, now])[1] = now
        if self._inner is not None:
            self._inner(stage, done, total)

    def seconds(self) -> dict[str, float]:
        """Seconds spent in each stage so far, in the order the stages began."""
        return {stage: round(end - start, 3) for stage, (start, end) in self._spans.items()}
