"""The per-document extraction cache in ``OUT/.cache/``, keyed by the text's sha256 and the
extractor's fingerprint (code, dictionaries, model)."""

from __future__ import annotations

import pickle
from pathlib import Path

from graph.build.fingerprint import extractor_fingerprint
from graph.io.atomic import atomic_write_bytes
from graph.types import Document, Extraction


def cache_path(out: Path, doc: Document) -> Path:
    """Where the extraction of ``doc`` by this version of the extractor is cached."""
    return out / ".cache" / f"{doc.sha256[:32]}-{extractor_fingerprint()}.pickle"


def load_cached(out: Path, doc: Document) -> Extraction | None:
    """The cached extraction of ``doc``, or None when absent, stale or unreadable."""
    path = cache_path(out, doc)
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None
    if isinstance(cached, Extraction) and cached.doc == doc:
        return cached
    return None


def store_cached(out: Path, x: Extraction) -> None:
    """Cache an extraction (atomically: a reader never sees half a file)."""
    atomic_write_bytes(cache_path(out, x.doc), pickle.dumps(x, protocol=5))
