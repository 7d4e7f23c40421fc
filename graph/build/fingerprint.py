"""A digest of the package's code, dictionaries and models.

Caches made by other code (per-document extractions, serialised graphs) are never reused.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from graph import __version__

_SUFFIXES = frozenset({".py", ".txt", ".npz", ".json", ".ttl", ".rq"})
# files that shape the browser view only: the extraction and graph caches do not depend on them
VIEW_ASSETS = frozenset({".html", ".js", ".css"})


@cache
def extractor_fingerprint() -> str:
    """16 hex digits that change whenever a source, dictionary or model file changes.

    >>> len(extractor_fingerprint())
    16
    """
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
