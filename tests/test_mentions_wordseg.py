"""The mention layer's word spans equal the project tokenizer's tokens (graph.text.segment)."""

from __future__ import annotations

import random

import pytest

from graph.ner import wordseg
from graph.resources import load_lexicon
from graph.text.segment import tokens


def _large_text(size: int = 120_000) -> str:
    """Deterministic text mixing lexicon words, common words, names, numbers and ASCII runs."""
    rng = random.Random(20240601)
    words = sorted(load_lexicon("roles") | load_lexicon("regions") | load_lexicon("org_suffixes"))
    common = list(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    )
    parts: list[str] = []
    size_now = 0
    while size_now < size:
        r = rng.random()
        if r < 0.3:
            piece = rng.choice(words)
        elif r < 0.85:
            piece = "".join(rng.choice(common) for _ in range(rng.randint(1, 4)))
        elif r < 0.9:
            piece = rng.choice(
                ["2018-10-17", "6.71B", "f-22", "70%", "A_B", "C++", "R&D", "3.5", "x.y.z"]
            )
        elif r < 0.95:
            piece = rng.choice("，。、；：！？（）“”\n ")
        else:
            piece = str(rng.randint(0, 99999))
        parts.append(piece)
        size_now += len(piece)
    return "".join(parts)


def test_backend_matches_project_tokenizer_on_large_text() -> None:
    text = _large_text()
    lines = text.split("\n")
    expected = [[(t.text, t.start, t.end) for t in tokens(line)] for line in lines]
    got = [wordseg.word_spans(line) for line in lines]
    mismatches = [(a, b) for a, b in zip(expected, got, strict=True) if a != b]
    assert not mismatches, f"{len(mismatches)} lines cut differently, e.g. {mismatches[0]}"


def test_word_spans_tile_the_text() -> None:
    text = _large_text(5000)
    spans = wordseg.word_spans(text)
    assert "".join(w for w, _, _ in spans) == text
    assert all(text[a:b] == w for w, a, b in spans)
    assert wordseg.word_spans("") == []


def test_backend_name() -> None:
    pytest.importorskip("rjieba")
    assert wordseg.backend() == "rjieba"
