"""scripts/build_regions.py counts only training lines and keeps administrative place names."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_regions", ROOT / "scripts" / "build_regions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _line(text: str, places: list[str]) -> str:
    ents = [
        {"start": text.index(p), "end": text.index(p) + len(p), "label": "LOC", "orig_label": "LOC"}
        for p in places
    ]
    return json.dumps({"id": text, "text": text, "entities": ents}, ensure_ascii=False)


def test_only_training_lines_count(tmp_path: Path) -> None:
    lines = [_line(f"第{i}条：他在甲乙县和丙丁市工作。", ["甲乙县", "丙丁市"]) for i in range(9)]
    lines[3] = _line("他去过戊己县、华北地区和东城区。", ["戊己县", "华北地区", "东城区"])
    lines[5] = _line("戊己县和华北地区又一次。还有东城区。", ["戊己县", "华北地区", "东城区"])
    # line 9 is held out: a third 庚辛州 there must not lift it over the threshold of two
    lines += [_line("庚辛州的消息。", ["庚辛州"])]
    lines[7] = _line("庚辛州的消息。", ["庚辛州"])
    for rel in ("msra/train.jsonl", "pd1998/199801.jsonl", "cluener/train.jsonl"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines if rel.startswith("msra") else []) + "\n", encoding="utf-8")
    places = _script().corpus_places(tmp_path)
    assert places == sorted(["东城区", "丙丁市", "戊己县", "甲乙县"])


def test_each_division_gets_its_prefecture_and_province(tmp_path: Path) -> None:
    rows = [
        ("320000000000", "甲乙省"),
        ("321100000000", "丙丁市"),
        ("321183000000", "戊己市"),
        ("321100000001", "丙丁市"),  # a name listed twice keeps its first row
        ("500000000000", "庚辛市"),
        ("500100000000", "市辖区"),
        ("500101000000", "壬癸区"),
    ]
    path = tmp_path / "adcodes.csv"
    lines = ["adcode,name,longitude,latitude"] + [f"{c},{n},0,0" for c, n in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _script().parents(path) == [
        "丙丁市\t\t甲乙省",
        "戊己市\t丙丁市\t甲乙省",
        "壬癸区\t\t庚辛市",
    ]
