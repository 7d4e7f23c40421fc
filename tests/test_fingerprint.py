"""The cache fingerprint covers every kind of file the package ships (code, dictionaries, model)."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph
from graph.build import fingerprint

PACKAGE = Path(graph.__file__).parent


def test_every_shipped_file_kind_is_fingerprinted_or_a_view_asset() -> None:
    kinds = {p.suffix for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert ".npz" in kinds  # the shipped mention model
    assert kinds - fingerprint.VIEW_ASSETS <= fingerprint._SUFFIXES


def test_changing_the_model_changes_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "graph"
    (fake / "ner" / "data").mkdir(parents=True)
    (fake / "build").mkdir()
    (fake / "build" / "fingerprint.py").write_text("", encoding="utf-8")
    model = fake / "ner" / "data" / "mentions.npz"
    model.write_bytes(b"one")
    monkeypatch.setattr(fingerprint, "__file__", str(fake / "build" / "fingerprint.py"))
    fingerprint.extractor_fingerprint.cache_clear()
    first = fingerprint.extractor_fingerprint()
    model.write_bytes(b"two")
    fingerprint.extractor_fingerprint.cache_clear()
    second = fingerprint.extractor_fingerprint()
    fingerprint.extractor_fingerprint.cache_clear()
    assert first != second
