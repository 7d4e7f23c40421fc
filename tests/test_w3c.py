"""The W3C SPARQL test suites (vendored in ``tests/w3c``, see its README): the SPARQL 1.1
Protocol tests against ``kg serve`` over loopback, and the query-evaluation tests (SPARQL 1.1
and the SPARQL 1.0 dataset tests) against the engine of ``kg query``.

Each W3C test is one pytest item.  The failures listed in ``tests/w3c/failures.py`` (with their
reasons, all in the engine) are expected, strictly: a listed test that passes fails here.
``bench/w3c.py`` runs the same suites and prints the pass rates.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from w3c import evaluation, failures, protocol

from graph.sparql.server import ServerOptions, SparqlServer, start_server
from graph.sparql.store import Store

EVAL_TESTS = evaluation.eval_tests()
PROTOCOL_TESTS = protocol.protocol_tests()


def _params(
    tests: Sequence[evaluation.EvalTest | protocol.ProtocolTest], known: dict[str, str]
) -> list[Any]:
    """One pytest parameter per W3C test; the known failures strictly expected to fail."""
    out = []
    for t in tests:
        marks = [pytest.mark.xfail(reason=known[t.id], strict=True)] if t.id in known else []
        out.append(pytest.param(t, id=t.id, marks=marks))
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("w3c-eval") / "store"
    with evaluation.load_store(folder, EVAL_TESTS) as opened:
        yield opened


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[bool, SparqlServer]]:
    """A read-only server for the query tests and one with updates allowed for the others."""
    out: dict[bool, SparqlServer] = {}
    try:
        for updates in (False, True):
            tests = [t for t in PROTOCOL_TESTS if t.updates == updates]
            folder = protocol.make_store(tmp_path_factory.mktemp("w3c-protocol"), tests)
            out[updates] = start_server(
                folder, ServerOptions(port=0, allow_update=updates, workers=2)
            )
        yield out
    finally:
        for server in out.values():
            server.close()


def test_the_suites_are_all_there() -> None:
    assert len(PROTOCOL_TESTS) == 34
    assert len(EVAL_TESTS) == 256
    assert {t.id for t in EVAL_TESTS} >= set(failures.EVALUATION)
    assert sum(t.id.startswith("sparql10/dataset#") for t in EVAL_TESTS) == 12


@pytest.mark.parametrize("test", _params(PROTOCOL_TESTS, failures.PROTOCOL))
def test_protocol(test: protocol.ProtocolTest, servers: dict[bool, SparqlServer]) -> None:
    outcome = protocol.run(servers[test.updates].url, test)
    assert outcome.passed, outcome.reason


@pytest.mark.parametrize("test", _params(EVAL_TESTS, failures.EVALUATION))
def test_evaluation(test: evaluation.EvalTest, store: Store) -> None:
    outcome = evaluation.run(store, test)
    assert outcome.passed, outcome.reason
