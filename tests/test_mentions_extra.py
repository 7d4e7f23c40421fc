"""Tagging needs no training code: python-crfsuite is an optional extra (``zhkg[train]``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_tagging_loads_neither_pycrfsuite_nor_training_code() -> None:
    res = _python(
        "import sys; from graph.ner import tag_text, annotate_jsonl; import io; "
        "assert tag_text('张三在北京'); "
        'annotate_jsonl(io.StringIO(\'{"id": "1", "text": "李四"}\'), io.StringIO()); '
        "assert 'pycrfsuite' not in sys.modules, 'pycrfsuite loaded'; "
        "loaded = [m for m in sys.modules if m.startswith('graph.ner.training')]; "
        "assert not loaded, loaded"
    )
    assert res.returncode == 0, res.stderr


def test_tagging_works_without_pycrfsuite() -> None:
    res = _python(
        "import sys; sys.modules['pycrfsuite'] = None; "  # makes ``import pycrfsuite`` fail
        "from graph.ner.tagger import tag_many; "
        "print([t for _, _, t, _ in tag_many(['张伟东现任深圳华信电子股份有限公司董事长。'])[0]])"
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "['PERSON', 'ORG', 'ROLE']"


def test_training_without_pycrfsuite_names_the_extra() -> None:
    res = _python(
        "import sys, runpy; sys.modules['pycrfsuite'] = None; sys.argv = ['train', '--help']; "
        "runpy.run_module('graph.ner.training.train', run_name='__main__')"
    )
    assert res.returncode != 0
    assert "pip install 'zhkg[train]'" in res.stderr
