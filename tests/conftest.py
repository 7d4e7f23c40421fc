"""Shared fixtures: a tiny hand-made corpus (invented people and organisations)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run ("repro", the default), so the same code
# passes or fails the same way in CI and on a laptop; HYPOTHESIS_PROFILE=explore draws new
# random examples each run, to look for new failures (then pin them with @example).
settings.register_profile("repro", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repro"))

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """Two small invented news documents with posts, bylines and a contradiction."""
    return CORPUS


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export folder of one build of the fixture corpus (shared by read-only tests)."""
    from graph.build.pipeline import BuildOptions, build_corpus

    out = tmp_path_factory.mktemp("exports")
    build_corpus(CORPUS, out, options=BuildOptions())
    return out


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus."""
    target = tmp_path / "seeds"
    shutil.copytree(CORPUS, target)
    return target
