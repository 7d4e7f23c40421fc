"""One exception hierarchy for the whole package.

Every error names the bad value (file, query, option) so the CLI can print one clear line.

>>> try:
...     raise IngestError("seeds/a.txt", "not valid UTF-8, GB18030 or Big5")
... except KGError as e:
...     print(e)
seeds/a.txt: not valid UTF-8, GB18030 or Big5
"""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error this package raises on purpose."""


class IngestError(KGError):
    """A source document cannot be read or decoded."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(KGError):
    """A bad option, argument or configuration value."""


class ModelError(KGError):
    """A shipped model or dictionary is missing or unreadable."""


class ExportError(KGError):
    """An export could not be written."""


class StoreError(KGError):
    """The SPARQL store cannot be opened or updated."""


class QueryError(KGError):
    """A SPARQL query is malformed, unknown or failed."""


class QueryTimeout(QueryError):
    """A SPARQL query ran past its timeout (and was stopped)."""


class ServiceRefused(QueryError):
    """A query asks for a federated ``SERVICE`` the endpoint may not call."""


class QueryTooLarge(QueryError):
    """A SPARQL query needed more memory than its worker may use (and was stopped)."""


class ValidationError(KGError):
    """The graph does not conform to the SHACL shapes."""


class BusyError(KGError):
    """Another process holds the output folder (a concurrent ``kg build``)."""


def one_line(message: object, *, limit: int | None = None) -> str:
    """A message (text or exception) squeezed onto one line: whitespace runs folded.

    An exception with no message gives its type name; ``limit`` clips long text with ``…``.

    >>> one_line("cannot parse:\\n\\t line 3")
    'cannot parse: line 3'
    >>> one_line(OSError())
    'OSError'
    >>> one_line("一二三四五", limit=3)
    '一二…'
    """
    text = " ".join(str(message).split())
    if not text and isinstance(message, BaseException):
        text = type(message).__name__
    if limit is not None and len(text) > limit:
        return text[: limit - 1] + "…"
    return text
