"""Tagging needs no training code: python-crfsuite is an optional extra (``zhkg[train]``)."""

from __future__ import annotations

import logging
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


def test_training_logs_only_when_run_as_a_script(tmp_path: Path) -> None:
    """``main()`` leaves logging alone (graph/cli.py configures it); the script logs progress."""
    import pycrfsuite

    from graph.ner.features import char_features
    from graph.ner.training.crf import bio_labels
    from graph.ner.wordseg import word_spans

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in [("记者王小明报道", [(2, 5, "PERSON")]), ("今天天气很好", [])]:
        trainer.append(char_features(text, word_spans(text)), bio_labels(len(text), spans))
    trainer.set_params({"max_iterations": 5})
    crf = tmp_path / "t.crfsuite"
    trainer.train(str(crf))
    args = ["--compile", str(crf), "--out", str(tmp_path / "a.npz")]
    res = _python(
        f"import logging, sys; sys.argv = ['train', *{args!r}]; "
        "from graph.ner.training.train import main; main(); "
        "print(len(logging.getLogger().handlers), logging.getLogger().level)"
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["0", str(logging.WARNING)]
    assert (tmp_path / "a.npz").is_file()
    script = subprocess.run(
        [sys.executable, "-m", "graph.ner.training.train", *args[:-1], str(tmp_path / "b.npz")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert "wrote" in script.stderr and (tmp_path / "b.npz").is_file()
