"""The per-document extraction cache in ``OUT/.cache/``, keyed by the text's sha256 and the
extractor's fingerprint (code, dictionaries, model)."""

from __future__ import annotations

import pickle
from dataclasses import replace
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
    if not isinstance(cached, Extraction):
        return None
    was = cached.doc
    if (was.doc_id, was.sha256, was.text) != (doc.doc_id, doc.sha256, doc.text):
        return None
    # the same text read through another path (a renamed or absolute seeds folder) is reused
    return cached if was == doc else replace(cached, doc=doc)


def store_cached(out: Path, x: Extraction) -> None:
    """Cache an extraction (atomically: a reader never sees half a file)."""
    atomic_write_bytes(cache_path(out, x.doc), pickle.dumps(x, protocol=5))
