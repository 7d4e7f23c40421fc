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


class ValidationError(KGError):
    """The graph does not conform to the SHACL shapes."""
