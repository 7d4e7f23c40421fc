"""``kg`` error handling: one line ``kg: <value>: <reason>``, no traceback unless ``--debug``,
exit 130 on Ctrl-C, no leaking warnings."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

import graph.sparql.query
from graph.cli import main
from graph.errors import ConfigError, QueryError
from graph.sparql.store import open_store, store_dir

NT = b'<https://kg.example.org/id/person-1> <http://www.w3.org/2000/01/rdf-schema#label> "x"@zh .'


@pytest.fixture
def graph_dir(tmp_path: Path) -> Path:
    with open_store(store_dir(tmp_path)) as store:
        store.replace_graph("https://kg.example.org/id/graph-1", NT)
    return tmp_path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
        raise SystemExit(0)
    out, err = capsys.readouterr()
    code = info.value.code
    return (code if isinstance(code, int) else 1), out, err


def _one_line(err: str) -> None:
    assert err.startswith("kg: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_malformed_query(graph_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["query", "--graph", str(graph_dir), "SELEC broken"], capsys)
    assert code == 1 and out == ""
    _one_line(err)
    assert "malformed query" in err


# people named in tests/fixtures/corpus/*.txt (bylines 孙立新, 冯晓东 included)
CORPUS_PEOPLE = {"王建民", "李红梅", "张志强", "陈国华", "周明远", "孙立新", "冯晓东"}


def test_query_works(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = "SELECT DISTINCT ?l WHERE { ?p a foaf:Person ; rdfs:label ?l } ORDER BY ?l"
    code, out, err = _run(["query", "--graph", str(built), "--format", "csv", people], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "l" and set(lines[1:]) == CORPUS_PEOPLE and len(lines) == 8
    # a count through the CLI equals one made by rdflib over the Turtle export
    import rdflib

    g = rdflib.Graph()
    g.parse(built / "graph.ttl")
    membership = rdflib.URIRef("http://www.w3.org/ns/org#Membership")
    expected = len(set(g.subjects(rdflib.RDF.type, membership)))
    count = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a org:Membership }"
    code, out, err = _run(["query", "--graph", str(built), "--format", "json", count], capsys)
    assert (code, err) == (0, "")
    assert json.loads(out)["results"]["bindings"][0]["n"]["value"] == str(expected)
    assert (
        expected >= 10
    )  # posts stated in the corpus: 王建民 2, 李红梅 1, 张志强 2, 陈国华 2, 周明远 3


def test_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["query", "--graph", str(tmp_path / "none"), "SELECT * {}"], capsys)
    assert code == 1
    _one_line(err)
    assert str(tmp_path / "none") in err


def test_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["query", "--no-such-option"], capsys)
    assert code == 2
    _one_line(err)
    assert "--no-such-option" in err and "kg query --help" in err


def test_bad_value(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["build", "seeds", "--workers", "many"], capsys)
    assert code == 2
    _one_line(err)
    assert "many" in err


def test_missing_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["build", str(tmp_path / "nope"), "--out", str(tmp_path / "o")], capsys)
    assert code == 1
    _one_line(err)
    assert err == f"kg: {tmp_path / 'nope'}: no such folder or file\n"


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["--version"], capsys)[0] == 0
    code, out, _ = _run(["--help"], capsys)
    assert code == 0 and "build" in out


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (
            QueryError("malformed query:\n  line 2\n  line 3"),
            "kg: malformed query: line 2 line 3\n",
        ),
        (ConfigError("bad --bind 'x'"), "kg: bad --bind 'x'\n"),
        (
            FileNotFoundError(2, "No such file or directory", "q.rq"),
            "kg: q.rq: No such file or directory\n",
        ),
        (PermissionError(13, "Permission denied"), "kg: Permission denied\n"),
    ],
)
def test_errors_are_one_line(
    exc: BaseException,
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def boom(*args: object, **kwargs: object) -> str:
        raise exc

    monkeypatch.setattr(graph.sparql.query, "run_cli_query", boom)
    code, _, err = _run(["query", "SELECT * {}"], capsys)
    assert code == 1 and err == expected


def test_internal_error_and_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*args: object, **kwargs: object) -> str:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(graph.sparql.query, "run_cli_query", boom)
    code, _, err = _run(["query", "SELECT * {}"], capsys)
    assert code == 1
    _one_line(err)
    assert "internal error: ZeroDivisionError: division by zero" in err and "--debug" in err
    with pytest.raises(ZeroDivisionError):
        main(["--debug", "query", "SELECT * {}"])
    with pytest.raises(QueryError):
        monkeypatch.setattr(
            graph.sparql.query,
            "run_cli_query",
            lambda *a, **k: (_ for _ in ()).throw(QueryError("q")),
        )
        main(["--debug", "query", "SELECT * {}"])


def test_warnings_do_not_leak(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def noisy(*args: object, **kwargs: object) -> str:
        warnings.warn("something deprecated", DeprecationWarning, stacklevel=1)
        warnings.warn("user-visible", UserWarning, stacklevel=1)
        return "ok\n"

    monkeypatch.setattr(graph.sparql.query, "run_cli_query", noisy)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        code, out, err = _run(["query", "SELECT * {}"], capsys)
    assert code == 0 and out == "ok\n" and err == ""


def test_sigint_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> str:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)  # the handler raises before this ends
        return "not reached"

    monkeypatch.setattr(graph.sparql.query, "run_cli_query", interrupted)
    before = signal.getsignal(signal.SIGINT)
    code, out, err = _run(["query", "SELECT * {}"], capsys)
    assert (code, out, err) == (130, "", "kg: interrupted\n")
    assert signal.getsignal(signal.SIGINT) == before


@pytest.mark.parametrize(
    ("signum", "code", "word"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
)
def test_signal_subprocess(tmp_path: Path, signum: signal.Signals, code: int, word: str) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(6):
        (seeds / f"{i}.txt").write_text(
            f"南湖市文化局主任林志明表示，第{i}批图书馆将开放。" * 200, encoding="utf-8"
        )
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "build", str(seeds), "--out", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not (tmp_path / "out" / ".cache").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # wait until the build is under way (handlers installed)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:  # finished before the signal: nothing to check
        pytest.skip("the build finished first")
    assert proc.returncode == code and err == f"kg: {word}\n", err


LOGGING_PROBE = """
import logging, sys
import graph.sparql.query
from graph import cli

def run(*args, **kwargs):
    try:
        1 / 0
    except ZeroDivisionError:
        logging.getLogger("graph.build.pipeline").warning("extraction of %s failed", "a.txt", exc_info=True)
    return "ok\\n"

graph.sparql.query.run_cli_query = run
cli.main(sys.argv[1:])
"""


def test_library_warnings_have_no_traceback() -> None:
    def probe(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-c", LOGGING_PROBE, *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)

    quiet = probe("query", "SELECT * {}")
    assert quiet.returncode == 0 and quiet.stdout == "ok\n"
    assert quiet.stderr == "kg: warning: extraction of a.txt failed\n"
    loud = probe("--debug", "query", "SELECT * {}")
    assert "Traceback" in loud.stderr and "ZeroDivisionError" in loud.stderr
