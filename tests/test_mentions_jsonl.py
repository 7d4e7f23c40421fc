"""The ``kg mentions`` JSONL contract (DESIGN §4) on hand-made lines."""

from __future__ import annotations

import io
import json
import select
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import ConfigError, KGError
from graph.ner import annotate_jsonl

TYPES = {"PERSON", "ORG", "ROLE", "PLACE", "DATE", "CONCEPT", "EVENT"}
LINES = [
    {"id": "a", "text": "记者王小明报道：杭州市西湖区人民政府区长陈建华于2021年3月5日出席了会议。"},
    {"id": "b", "text": "第一行没有名字\n\n第二行：上海浦江机械有限公司总经理周立新。"},
    {"id": "c", "text": ""},
]


def _run(lines: list[str]) -> tuple[int, list[dict[str, object]]]:
    out = io.StringIO()
    count = annotate_jsonl(io.StringIO("".join(lines)), out)
    return count, [json.loads(x) for x in out.getvalue().splitlines()]


def test_round_trip_keeps_ids_order_and_slices() -> None:
    src = [json.dumps(r, ensure_ascii=False) + "\n" for r in LINES]
    count, rows = _run([src[0], "\n", src[1], "   \n", src[2]])
    assert count == len(LINES) == len(rows)
    assert [r["id"] for r in rows] == [r["id"] for r in LINES]
    for rec, row in zip(LINES, rows, strict=True):
        assert set(row) == {"id", "mentions"}
        mentions = row["mentions"]
        assert isinstance(mentions, list)
        for m in mentions:
            assert set(m) == {"start", "end", "type", "text", "score"}
            assert m["type"] in TYPES
            assert 0 <= m["start"] < m["end"] <= len(rec["text"])
            assert rec["text"][m["start"] : m["end"]] == m["text"]
            assert 0.0 <= m["score"] <= 1.0
    first = rows[0]["mentions"]
    assert isinstance(first, list)
    assert {"PERSON", "DATE"} <= {m["type"] for m in first}
    assert rows[2]["mentions"] == []


def test_output_is_plain_utf8_json_lines() -> None:
    out = io.StringIO()
    annotate_jsonl(io.StringIO(json.dumps(LINES[0], ensure_ascii=False) + "\n"), out)
    text = out.getvalue()
    assert text.endswith("\n") and text.count("\n") == 1
    assert "\\u" not in text  # Chinese stays readable


@pytest.mark.parametrize(
    ("bad", "needle"),
    [
        ('{"id": "x", "text": "好"', "not valid JSON"),
        ('["id", "text"]', "JSON object"),
        ('{"id": "x"}', "'text'"),
        ('{"id": null, "text": "好"}', "'id'"),
    ],
)
def test_bad_line_names_its_number(bad: str, needle: str) -> None:
    good = json.dumps(LINES[0], ensure_ascii=False)
    with pytest.raises(ConfigError) as info:
        annotate_jsonl(io.StringIO(f"{good}\n\n{bad}\n{good}\n"), io.StringIO())
    assert isinstance(info.value, KGError)
    assert "line 3" in str(info.value)
    assert needle in str(info.value)


@pytest.mark.parametrize("batch", [1, 2, 500])
def test_batch_size_does_not_change_the_output(batch: int) -> None:
    src = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in LINES * 2)
    one, many = io.StringIO(), io.StringIO()
    annotate_jsonl(io.StringIO(src), one, batch=1)
    annotate_jsonl(io.StringIO(src), many, batch=batch)
    assert many.getvalue() == one.getvalue()
    assert len(many.getvalue().splitlines()) == 2 * len(LINES)


def test_a_bad_line_gets_an_error_line_and_the_others_go_on() -> None:
    good = json.dumps(LINES[0], ensure_ascii=False)
    out = io.StringIO()
    with pytest.raises(ConfigError, match="line 3"):
        annotate_jsonl(io.StringIO(f"{good}\n{good}\nnot json\n{good}\n"), out)
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(rows) == 4
    assert rows[2] == {"id": None, "line": 3, "error": rows[2]["error"]}
    assert "not valid JSON" in rows[2]["error"]
    assert all(r["id"] == "a" and r["mentions"] for r in rows[:2] + rows[3:])


record_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
        st.sampled_from("王李张市长北京大学公司总工会主席2021年3月5日，。“”\n\u2028"),
        st.characters(),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(record_text, record_text), min_size=1, max_size=6))
def test_no_record_is_lost_whatever_the_text(records: list[tuple[str, str]]) -> None:
    """Fuzz: surrogates in ids and texts, controls, separators: one valid output line each."""
    src = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in records)
    out = io.StringIO()
    assert annotate_jsonl(io.StringIO(src), out, batch=4) == len(records)
    lines = out.getvalue().split("\n")[:-1]
    assert len(lines) == len(records)
    for line, (doc_id, text) in zip(lines, records, strict=True):
        line.encode("utf-8")  # no lone surrogate reaches the output
        row = json.loads(line)
        assert row["id"] == doc_id
        for m in row["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_bytes_that_are_not_utf8_name_their_line(tmp_path: Path) -> None:
    good = json.dumps(LINES[0], ensure_ascii=False).encode("utf-8")
    bad = b'{"id": "gbk", "text": "' + "市长".encode("gbk") + b'"}'
    data = good + b"\n" + bad + b"\n" + good + b"\n"
    proc = subprocess.run(
        [sys.executable, "-m", "graph", "mentions"],
        input=data,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 1
    assert b"line 2: not valid UTF-8" in proc.stderr
    rows = [json.loads(x) for x in proc.stdout.decode("utf-8").splitlines()]
    assert [r.get("line") for r in rows] == [None, 2, None]
    assert rows[0]["mentions"] and rows[2]["mentions"]


def test_batch_of_one_answers_each_line_while_stdin_stays_open() -> None:
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "mentions", "--batch", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=root,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for i in range(2):
            proc.stdin.write(json.dumps({"id": str(i), "text": "记者王小明报道。"}) + "\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, "no answer while stdin is still open"
            assert json.loads(proc.stdout.readline())["id"] == str(i)
    finally:
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
