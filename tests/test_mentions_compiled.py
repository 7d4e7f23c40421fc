"""The compiled CRF (numpy tables) scores and decodes exactly like the crfsuite model it comes from.

Three independent checks: the array features equal the string features crfsuite trains on; Viterbi
and the marginals equal brute force over every label sequence of tiny sentences; a crfsuite model
trained here on a few hand-made sentences tags new text identically once compiled.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import ModelError
from graph.ner.compiled import decode_batch, label_spans, load, to_bytes
from graph.ner.encode import emissions
from graph.ner.features import char_features
from graph.ner.tagger import tag_many
from graph.ner.training.compile import compile_weights
from graph.ner.training.crf import bio_labels, decode, read_weights
from graph.ner.wordseg import word_spans

ALPHABET = "王李张欧阳市长北京大学公司总工会主席在的了说。，、1２aB -\t“”"
LABELS = ["B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "O"]
texts = st.text(alphabet=ALPHABET, min_size=1, max_size=30)


def _weight(attr: str, label: str) -> float:
    digest = hashlib.sha256(f"{attr}\x1f{label}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 - 0.5


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4), st.lists(texts, min_size=1, max_size=3))
def test_array_features_equal_string_features(batch: list[str], others: list[str]) -> None:
    """Weights of attributes seen in ``batch`` and ``others``; emissions must sum those of ``batch``."""
    words = [word_spans(t) for t in batch]
    items = [char_features(t, w) for t, w in zip(batch, words, strict=True)]
    seen = {
        a for t in batch + others for a in (x for it in char_features(t, word_spans(t)) for x in it)
    }
    state = {(a, lab): _weight(a, lab) for a in sorted(seen) for lab in LABELS[::2]}
    model = compile_weights(LABELS, state, {})
    got = emissions(model, batch, words)
    want = [
        [sum(state.get((a, lab), 0.0) for a in position) for lab in LABELS]
        for sentence in items
        for position in sentence
    ]
    assert np.allclose(got, np.array(want))


def _brute_force(em: np.ndarray, trans: np.ndarray) -> tuple[list[int], np.ndarray]:
    n, labels = em.shape
    scores = {}
    for path in itertools.product(range(labels), repeat=n):
        s = sum(em[t, y] for t, y in enumerate(path))
        s += sum(trans[a, b] for a, b in itertools.pairwise(path))
        scores[path] = s
    best = max(scores, key=scores.__getitem__)
    z = sum(math.exp(s) for s in scores.values())
    marg = np.zeros((n, labels))
    for path, s in scores.items():
        for t, y in enumerate(path):
            marg[t, y] += math.exp(s) / z
    return list(best), marg


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(1, 4), min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_viterbi_and_marginals_equal_brute_force(lengths: list[int], rnd: object) -> None:
    rng = np.random.default_rng(rnd.randint(0, 2**32))  # type: ignore[attr-defined]
    labels = ["A", "B", "C"]
    trans = rng.normal(0, 2, (3, 3))
    model = compile_weights(
        labels,
        {},
        {(a, b): trans[i, j] for i, a in enumerate(labels) for j, b in enumerate(labels)},
    )
    em = rng.normal(0, 2, (sum(lengths), 3))
    got, probs = decode_batch(model, em, lengths)
    start = 0
    for n in lengths:
        best, marg = _brute_force(em[start : start + n], trans)
        assert got[start : start + n].tolist() == best
        assert np.allclose(probs[start : start + n], marg[np.arange(n), best])
        start += n


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(LABELS), min_size=1, max_size=8), min_size=1, max_size=4))
def test_label_spans_equal_bio_decoding(sentences: list[list[str]]) -> None:
    model = compile_weights(LABELS, {}, {})
    ids = np.array([LABELS.index(x) for s in sentences for x in s])
    spans = label_spans(model, ids, np.full(len(ids), 0.75), [len(s) for s in sentences])
    assert [[(a, b, t) for a, b, t, _ in sp] for sp in spans] == [decode(s) for s in sentences]
    for sp, s in zip(spans, sentences, strict=True):
        assert all(score == (0.75 if s[a].startswith("B-") else 0.5) for a, _, _, score in sp)


TRAIN = [
    ("记者王小明报道", [(2, 5, "PERSON")]),
    ("北京大学校长李华说", [(0, 4, "ORG"), (6, 8, "PERSON")]),
    ("张伟在市总工会工作", [(0, 2, "PERSON"), (3, 7, "ORG")]),
    ("欧阳明日是公司的员工", [(0, 4, "PERSON")]),
    ("今天天气很好", []),
]


@pytest.fixture(scope="module")
def tiny_crfsuite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in TRAIN:
        trainer.append(char_features(text, word_spans(text)), bio_labels(len(text), spans))
    trainer.set_params({"c2": 0.01, "max_iterations": 60, "feature.possible_transitions": True})
    path = tmp_path_factory.mktemp("crf") / "tiny.crfsuite"
    trainer.train(str(path))
    return path


@settings(max_examples=40, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5))
def test_compiled_model_tags_like_crfsuite(tiny_crfsuite: Path, batch: list[str]) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tiny_crfsuite))
    model = compile_weights(*read_weights(tiny_crfsuite))
    words = [word_spans(t) for t in batch]
    labels, probs = decode_batch(model, emissions(model, batch, words), [len(t) for t in batch])
    start = 0
    for text, w in zip(batch, words, strict=True):
        want = tagger.tag(char_features(text, w))
        got = [model.labels[i] for i in labels[start : start + len(text)]]
        assert got == want
        for i, lab in enumerate(want):
            assert probs[start + i] == pytest.approx(tagger.marginal(lab, i), abs=1e-6)
        start += len(text)


def test_saved_model_round_trips(tiny_crfsuite: Path, tmp_path: Path) -> None:
    model = compile_weights(*read_weights(tiny_crfsuite))
    path = tmp_path / "m.npz"
    path.write_bytes(to_bytes(model))
    back = load(path)
    assert back.labels == model.labels and back.chars == model.chars and back.words == model.words
    assert np.allclose(back.weights, model.weights, atol=1e-6)
    text = ["北京大学校长王小明说"]
    w = [word_spans(text[0])]
    assert decode_batch(back, emissions(back, text, w), [10])[0].tolist() == (
        decode_batch(model, emissions(model, text, w), [10])[0].tolist()
    )


def test_unknown_feature_template_is_refused() -> None:
    with pytest.raises(ModelError, match="zzz"):
        compile_weights(LABELS, {("zzz", "O"): 1.0}, {})


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET + "\n", max_size=60), min_size=1, max_size=5))
def test_batches_do_not_leak_between_texts(batch: list[str]) -> None:
    """Tagging texts together gives each text what tagging it alone gives (shipped model)."""
    together = tag_many(batch)
    alone = [tag_many([t])[0] for t in batch]
    assert [[s[:3] for s in x] for x in together] == [[s[:3] for s in x] for x in alone]
    for x, y in zip(together, alone, strict=True):
        assert [s[3] for s in x] == pytest.approx([s[3] for s in y], abs=1e-3)
