"""kg evaluate: a build scored against a hand-made gold (NEWS-GOLD format)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graph.build.pipeline import BuildOptions, build_corpus
from graph.cli import cli
from graph.sparql.evaluate import Found, matches, score_gold

TEXT = "2019年3月5日，华东市交通运输局局长林晓峰主持召开会议。华东市财政局副局长陈思远出席。"


def test_matches_folds_sub_bodies_both_ways() -> None:
    gold = {"person": "甲乙", "role": "党委书记", "org": ["某局"]}
    assert matches({"person": "甲乙", "roles": {"书记"}, "orgs": {"某局党委"}}, gold)
    assert matches({"person": "甲乙", "roles": {"党委书记"}, "orgs": {"某局"}}, gold)
    assert not matches({"person": "甲乙", "roles": {"书记"}, "orgs": {"某局"}}, gold)
    assert not matches({"person": "甲丙", "roles": {"党委书记"}, "orgs": {"某局"}}, gold)


def test_score_counts_former_posts_as_right_but_not_in_recall() -> None:
    found = Found(
        posts={"d.txt": [{"person": "甲乙", "roles": {"局长"}, "orgs": {"某局"}}]},
        people={"d.txt": {"甲乙", "丙丁"}},
        events={"d.txt": {("2020-01-02", None)}},
        docs=frozenset({"d.txt"}),
    )
    gold = {
        "d.txt": {
            "posts": [{"person": "丙丁", "role": "局长", "org": ["某局"]}],
            "former_posts": [{"person": "甲乙", "role": "局长", "org": ["某局"]}],
            "people": ["甲乙", "丙丁", "戊己"],
            "events": [{"name": "会", "start": "2020-01-02", "end": None}],
        }
    }
    r = score_gold(found, gold)
    assert r["posts"]["precision"] == 1.0 and r["posts"]["recall"] == 0.0
    assert r["people"]["correct"] == 2 and r["people"]["gold"] == 3
    assert r["events"]["accuracy"] == 1.0


def test_kg_evaluate_scores_a_build(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "n1.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    build_corpus(src, out, options=BuildOptions())
    gold = {
        "n1.txt": {
            "posts": [
                {"person": "林晓峰", "role": "局长", "org": ["华东市交通运输局"]},
                {"person": "陈思远", "role": "副局长", "org": ["华东市财政局"]},
                {"person": "不存在", "role": "局长", "org": ["某局"]},
            ],
            "people": ["林晓峰", "陈思远"],
            "events": [],
        }
    }
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    res = CliRunner().invoke(cli, ["evaluate", "--graph", str(out), str(gold_path), "--json"])
    assert res.exit_code == 0, res.output
    r = json.loads(res.output)
    assert r["posts"]["hit"] == 2 and r["posts"]["gold"] == 3
    assert r["docs"]["n1.txt"]["missed_posts"] == ["不存在 局长@某局"]
    table = CliRunner().invoke(cli, ["evaluate", "--graph", str(out), str(gold_path), "-v"])
    assert "n1.txt" in table.output and table.output.splitlines()[-1].startswith("total:")


def test_kg_evaluate_without_gold_is_one_line_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["evaluate", "--graph", str(tmp_path), str(tmp_path / "g.json")])
    assert res.exit_code != 0
