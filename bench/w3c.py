"""The W3C SPARQL test suites: pass rates of zhkg, and of rdflib's engine as a baseline.

Runs the vendored suites (``tests/w3c``, see its README): the SPARQL 1.1 Protocol tests
against ``kg serve`` over loopback (a read-only server, and one with ``allow_update`` for the
update tests), and the query-evaluation tests (SPARQL 1.1 and the SPARQL 1.0 dataset tests)
against the engine of ``kg query``.  As a baseline measured in the same run, the evaluation
tests also run on rdflib's SPARQL engine over the same data (an rdflib ``Dataset``), compared
by the same code; ``ratio_pass_rate`` is zhkg's pass rate over rdflib's.

    PYTHONPATH=. .venv/bin/python bench/w3c.py [--write]   # --write: tests/w3c/FAILURES.md

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import rdflib
from rdflib.plugins.sparql import prepareQuery

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from w3c import evaluation, failures, protocol

from graph.sparql.server import ServerOptions, start_server
from graph.sparql.terms import AskResult, GraphResult, SelectResult, Term, to_term

FAILURES_MD = Path(__file__).resolve().parent.parent / "tests" / "w3c" / "FAILURES.md"
RDFLIB_CAP_S = 10.0


def run_protocol() -> dict[str, evaluation.Outcome]:
    tests = protocol.protocol_tests()
    out: dict[str, evaluation.Outcome] = {}
    for updates in (False, True):
        chosen = [t for t in tests if t.updates == updates]
        folder = protocol.make_store(Path(tempfile.mkdtemp(prefix="kg-w3c-")), chosen)
        server = start_server(folder, ServerOptions(port=0, allow_update=updates, workers=2))
        try:
            for test in chosen:
                out[test.id] = protocol.run(server.url, test)
        finally:
            server.close()
    return out


def run_evaluation(tests: list[evaluation.EvalTest]) -> dict[str, evaluation.Outcome]:
    folder = Path(tempfile.mkdtemp(prefix="kg-w3c-")) / "store"
    with evaluation.load_store(folder, tests) as store:
        return {t.id: evaluation.run(store, t) for t in tests}


# ------------------------------------------------------------------ the rdflib baseline


class _Capped(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Capped


def _term(value: Any) -> Term:
    t = to_term(value)
    if t.kind == "literal" and t.language is None and t.datatype is None:
        return Term("literal", t.value, datatype=evaluation.XSD_STRING)
    return t


def _rdflib_result(result: Any) -> Any:
    if result.type == "ASK":
        return AskResult(bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return GraphResult([(_term(s), _term(p), _term(o)) for s, p, o in result.graph])
    names = tuple(str(v) for v in result.vars)
    rows = [tuple(None if v is None else _term(v) for v in row) for row in result]
    return SelectResult(names, rows)


def rdflib_outcome(test: evaluation.EvalTest) -> evaluation.Outcome:
    """One evaluation test on rdflib: qt:data merged as the default graph, qt:graphData named."""
    if test.kind == "negative-syntax":
        try:
            prepareQuery(test.query.read_text(encoding="utf-8"))
        except Exception:  # any parse error is the expected outcome
            return evaluation.Outcome(True)
        return evaluation.Outcome(False, "accepted a malformed query")
    if test.kind != "evaluation" or test.result is None:
        return evaluation.Outcome(False, "not run on rdflib (a CSV test: no CSV writer compared)")
    ds = rdflib.Dataset()
    for path in test.data:
        ds.default_graph.parse(path, publicID=path.as_uri(), format=_format(path))
    for path in test.graph_data:
        ds.graph(rdflib.URIRef(path.as_uri())).parse(
            path, publicID=path.as_uri(), format=_format(path)
        )
    text = test.query.read_text(encoding="utf-8")
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, RDFLIB_CAP_S)
    try:
        actual = _rdflib_result(ds.query(text, base=test.query.as_uri()))
    except _Capped:
        return evaluation.Outcome(False, f"stopped after {RDFLIB_CAP_S:g} s")
    except Exception as e:  # any engine error is a failed test
        return evaluation.Outcome(False, f"error: {type(e).__name__}: {e}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    expected = evaluation.expected_result(test.result)
    ordered = bool(evaluation.ORDER_BY.search(text))
    return evaluation.compare(actual, expected, ordered=ordered)


def _format(path: Path) -> str:
    return {".rdf": "xml", ".nt": "nt", ".nq": "nquads", ".trig": "trig"}.get(path.suffix, "turtle")


# ------------------------------------------------------------------ report


def failures_markdown(
    protocol_out: dict[str, evaluation.Outcome], eval_out: dict[str, evaluation.Outcome]
) -> str:
    lines = [
        "# W3C SPARQL tests that fail, and why",
        "",
        "Written by `bench/w3c.py --write` from `tests/w3c/failures.py` (the reasons) and a run",
        "of the suites (which tests fail).  Every failure is a behaviour of the engine,",
        "pyoxigraph 0.5.13, reproduced on a bare `pyoxigraph.Store` as well.",
        "",
    ]
    for title, outcomes, known in (
        ("SPARQL 1.1 Protocol (`kg serve`)", protocol_out, failures.PROTOCOL),
        ("Query evaluation (`kg query`'s engine)", eval_out, failures.EVALUATION),
    ):
        failed = [k for k, o in outcomes.items() if not o.passed]
        passed = len(outcomes) - len(failed)
        lines += [f"## {title}: {passed} of {len(outcomes)} pass", ""]
        if not failed:
            lines += ["None fails.", ""]
            continue
        lines += ["| test | reason |", "|---|---|"]
        for test_id in failed:
            reason = known.get(test_id, "NOT YET EXPLAINED: " + outcomes[test_id].reason[:200])
            lines.append(f"| `{test_id}` | {reason.replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="rewrite tests/w3c/FAILURES.md")
    args = ap.parse_args()

    tests = evaluation.eval_tests()
    t0 = time.perf_counter()
    protocol_out = run_protocol()
    t1 = time.perf_counter()
    eval_out = run_evaluation(tests)
    t2 = time.perf_counter()
    baseline = {t.id: rdflib_outcome(t) for t in tests}
    t3 = time.perf_counter()

    def rate(outcomes: dict[str, evaluation.Outcome]) -> float:
        return sum(o.passed for o in outcomes.values()) / max(1, len(outcomes))

    for name, outcomes in (("protocol", protocol_out), ("evaluation", eval_out)):
        for test_id, o in outcomes.items():
            if not o.passed:
                print(f"FAIL {name} {test_id}: {o.reason[:160]}")
    print(f"protocol   {sum(o.passed for o in protocol_out.values())}/{len(protocol_out)}")
    print(f"evaluation {sum(o.passed for o in eval_out.values())}/{len(eval_out)}")
    print(f"rdflib     {sum(o.passed for o in baseline.values())}/{len(baseline)} (baseline)")
    if args.write:
        FAILURES_MD.write_text(failures_markdown(protocol_out, eval_out), encoding="utf-8")
    unexplained = [
        k
        for k, o in {**protocol_out, **eval_out}.items()
        if not o.passed and k not in failures.PROTOCOL and k not in failures.EVALUATION
    ]
    print(
        json.dumps(
            {
                "bench": "w3c",
                "protocol": {"passed": sum(o.passed for o in protocol_out.values()),
                             "total": len(protocol_out), "seconds": round(t1 - t0, 2)},
                "evaluation": {"passed": sum(o.passed for o in eval_out.values()),
                               "total": len(eval_out), "seconds": round(t2 - t1, 2)},
                "rdflib_evaluation": {"passed": sum(o.passed for o in baseline.values()),
                                      "total": len(baseline), "seconds": round(t3 - t2, 2)},
                "pass_rate_protocol": round(rate(protocol_out), 4),
                "pass_rate_evaluation": round(rate(eval_out), 4),
                "pass_rate_rdflib_evaluation": round(rate(baseline), 4),
                "ratio_pass_rate": round(rate(eval_out) / max(rate(baseline), 1e-9), 3),
                "unexplained_failures": unexplained,
            }
        )
    )  # fmt: skip


if __name__ == "__main__":
    main()
