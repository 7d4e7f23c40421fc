"""The shipped model loads lazily and finds obvious mentions in hand-written sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import ModelError
from graph.ner import tag_text
from graph.ner.compiled import load
from graph.ner.tagger import model_path

ROOT = Path(__file__).resolve().parents[1]


def _found(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.text) for m in tag_text(text)}


def test_model_is_shipped_and_small() -> None:
    path = model_path()
    assert path.is_file()
    assert path.stat().st_size <= 20 * 1024 * 1024


def test_person_role_org_place_in_news_sentence() -> None:
    found = _found("新华社记者刘建国报道：浙江省杭州市人民政府副市长孙海涛昨天在会上发言。")
    assert ("PERSON", "刘建国") in found
    assert ("PERSON", "孙海涛") in found
    assert any(t == "ROLE" and "市长" in s for t, s in found)
    assert any(t in ("ORG", "PLACE") and "杭州" in s for t, s in found)


def test_company_and_manager_in_resume_style_sentence() -> None:
    found = _found("张伟东，男，1968年出生，现任深圳华信电子股份有限公司董事长。")
    assert ("PERSON", "张伟东") in found
    assert ("ORG", "深圳华信电子股份有限公司") in found
    assert ("ROLE", "董事长") in found


def test_plain_text_has_no_people() -> None:
    found = _found("今天天气很好，我们一起去公园散步，然后回家吃饭。")
    assert not any(t == "PERSON" for t, _ in found)


def test_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        load(tmp_path / "nope.npz")
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with pytest.raises(ModelError, match=r"bad\.npz"):
        load(tmp_path / "bad.npz")


def test_import_is_lazy_and_mentions_loads_no_graph_stack() -> None:
    """``kg mentions`` starts fast because it imports neither the tagger before it is needed
    nor the RDF, network, store and dataframe stack at all (no timed assertion: CI is noisy;
    ``bench/ner_eval.py`` measures the start-up)."""
    heavy = "('pycrfsuite', 'opencc', 'rjieba', 'jieba', 'numpy')"
    code = f"import sys, graph.ner; print(any(m in sys.modules for m in {heavy}))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "False"
    stack = ("rdflib", "networkx", "pyvis", "pyoxigraph", "pandas", "dask")
    probe = (
        "import atexit, runpy, sys\n"
        f"atexit.register(lambda: print('LOADED', [m for m in {stack!r} if m in sys.modules]))\n"
        "sys.argv = ['kg', 'mentions']\n"
        "runpy.run_module('graph', run_name='__main__')\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", probe],
        input='{"id": "1", "text": "记者李文华报道。"}\n',
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert '"id": "1"' in res.stdout
    assert '"李文华"' in res.stdout
    assert "LOADED []" in res.stdout
