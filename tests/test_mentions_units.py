"""Small units of the mention layer: BIO coding, dates, script folding, corpus label mapping."""

from __future__ import annotations

import importlib
import inspect
import itertools
import json
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

from hypothesis import given
from hypothesis import strategies as st

import graph.ner
from graph.ner.features import char_features
from graph.ner.training.corpus import examples, heldout_lines, map_label, spans_of
from graph.ner.training.crf import bio_labels, decode
from graph.text.dates import find_dates
from graph.text.script import analysis_text

TYPES = ("PERSON", "ORG", "ROLE", "PLACE")


@st.composite
def _spans(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, str]]]:
    n = draw(st.integers(0, 40))
    cuts = sorted(set(draw(st.lists(st.integers(0, n), max_size=12))))
    spans = []
    for a, b in itertools.pairwise(cuts):
        if draw(st.booleans()):
            spans.append((a, b, draw(st.sampled_from(TYPES))))
    return n, spans


@given(_spans())
def test_bio_round_trip(case: tuple[int, list[tuple[int, int, str]]]) -> None:
    n, spans = case
    assert decode(bio_labels(n, spans)) == spans


def test_decode_tolerates_stray_inside_labels() -> None:
    assert decode(["I-ORG", "I-ORG", "B-ORG", "I-PERSON"]) == [
        (0, 2, "ORG"),
        (2, 3, "ORG"),
        (3, 4, "PERSON"),
    ]


def test_dates() -> None:
    text = (
        "他于一九九八年十二月三十一日出生，2018年5月28日到6月1日在京，2020-01-02发布，不是12345年。"
    )
    found = [t for _, _, t in find_dates(text)]
    assert "一九九八年十二月三十一日" in found
    assert "2018年5月28日" in found
    assert "6月1日" in found
    assert "2020-01-02" in found
    assert all(text[a:b] == t for a, b, t in find_dates(text))


def test_script_folding() -> None:
    assert analysis_text("臺灣銀行ＡＢＣ１２３") == "台湾银行ABC123"
    assert analysis_text("") == ""


def test_label_mapping_follows_the_scorer() -> None:
    assert map_label("POSITION", "position") == "ROLE"
    assert map_label("LOC", "address") == "PLACE"
    assert map_label("LOC", "scene") is None
    assert map_label("WORK", "game") is None
    rec = {
        "entities": [
            {"start": 0, "end": 4, "label": "ORG", "orig_label": "[]nt"},
            {"start": 0, "end": 2, "label": "LOC", "orig_label": "ns"},
            {"start": 5, "end": 7, "label": "PERSON", "orig_label": "nr"},
        ]
    }
    assert spans_of(rec) == [(0, 4, "ORG"), (5, 7, "PERSON")]


def test_held_out_lines_are_never_training_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "text": f"第{i}行", "entities": []}) for i in range(35)]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines[:20]) + "\n\n" + "\n".join(lines[20:]) + "\n")
    train = [ex.doc_id for ex in examples(path, part="train")]
    held = [ex.doc_id for ex in examples(path, part="heldout")]
    assert held == ["9", "19", "29"] == [json.loads(x)["id"] for x in heldout_lines(path)]
    assert sorted(train + held, key=int) == [str(i) for i in range(35)]


def test_features_one_item_per_char() -> None:
    text = "市长王小明"
    items = char_features(text, [("市长", 0, 2), ("王小明", 2, 5)])
    assert len(items) == len(text)
    assert all(len(item) == len(items[0]) for item in items)
    assert "c王" in items[2] and "kB3" in items[2]


def _public_functions(package: ModuleType) -> Iterator[tuple[str, Callable[..., object]]]:
    names = [package.__name__]
    names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    for name in names:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if inspect.isfunction(value) and value.__module__ == name and attr[0] != "_":
                yield f"{name}.{attr}", value


def test_options_of_public_functions_are_keyword_only() -> None:
    """A parameter with a default or a bool type (``scores``, ``marginals``, ``batch``…)."""
    checked, positional = [], []
    for name, func in _public_functions(graph.ner):
        for p in inspect.signature(func).parameters.values():
            if p.default is not p.empty or "bool" in str(p.annotation):
                checked.append(f"{name}({p.name})")
                if p.kind is not p.KEYWORD_ONLY:
                    positional.append(f"{name}({p.name})")
    assert "graph.ner.compiled.decode_batch(marginals)" in checked  # the walk finds them
    assert not positional
