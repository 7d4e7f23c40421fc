"""Train the shipped mention CRF from the NER corpora (reproducible; never ships the corpora).

Training needs python-crfsuite, the ``train`` extra (tagging does not)::

    .venv/bin/pip install -e '.[train]'

Run from the repository root (about 20–35 minutes on 2 shared cores; peak memory about 1.5 GB)::

    nice -n 10 .venv/bin/python -m graph.ner.training.train --data ../shared/data \\
        --out graph/ner/data/mentions.npz

crfsuite trains the model; its weights are then compiled (``graph.ner.training.compile``) into
the numpy tables that ship (``graph.ner.compiled``).  ``--compile FILE.crfsuite`` only compiles
an existing crfsuite model (``--keep-crfsuite FILE`` keeps the one a training run writes).
Run as a script, it logs its progress to stderr; ``main()`` itself leaves logging alone.

Data: CLUENER 2020 train, MSRA NER train and Resume NER train (see ``shared/data/SOURCES.md``;
research use), without every tenth line, which ``graph.ner.training.corpus`` holds out for
``bench/ner_eval.py``.  People's Daily 1998-01 is evaluated but not trained on: it is the same
news as MSRA with opposite conventions (MSRA labels 邓小平 in 邓小平理论, 中 and 美 in 中美, 京 in
在京 and 十五大; PD1998 leaves them unlabelled), and adding it cost MSRA about four points of F1
in a trial.

Corpora annotate different types (CLUENER: PERSON ORG ROLE PLACE; MSRA: PERSON ORG PLACE; Resume:
PERSON ORG ROLE), and an unannotated type is not a negative.  Training is therefore two-stage and
deterministic (L-BFGS, no sampling):

1. an auxiliary CRF is trained on the corpora that annotate ROLE (CLUENER, Resume);
2. it tags the others, and its ROLE mentions (MSRA) and PLACE mentions (Resume) that do not
   overlap a gold span are added as silver labels; the shipped CRF is trained on all three
   corpora with gold + silver labels.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from graph.io.atomic import atomic_write_bytes
from graph.ner.compiled import to_bytes
from graph.ner.tagger import sentence_items
from graph.ner.training.compile import compile_weights
from graph.ner.training.corpus import CORPORA, Example, examples
from graph.ner.training.crf import Tagger, Trainer, bio_labels, decode, read_weights

log = logging.getLogger("graph.ner.training.train")

ALL_TYPES = ("PERSON", "ORG", "ROLE", "PLACE")
TRAINED_ON = ("cluener", "msra", "resume")  # see the module docstring for PD1998
PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
    "period": 10,
    "delta": 1e-4,
}


def _train_examples(data: Path, names: tuple[str, ...]) -> Iterator[tuple[str, Example]]:
    for name in names:
        path = data / CORPORA[name][0]
        yield from ((name, ex) for ex in examples(path, part="train"))


def _merge_silver(
    gold: tuple[tuple[int, int, str], ...], silver: list[tuple[int, int, str]], types: set[str]
) -> list[tuple[int, int, str]]:
    """Gold spans plus the silver spans of ``types`` that overlap none of them."""
    out = list(gold)
    for s in silver:
        if s[2] in types and all(s[1] <= g[0] or s[0] >= g[1] for g in gold):
            out.append(s)
    return sorted(out)


def _log_progress(prefix: str) -> Callable[[str], None]:
    def on_message(message: str) -> None:
        for line in message.splitlines():
            if line.startswith(("***** Iteration", "Loss:", "Seconds required", "Total seconds")):
                log.info("%s %s", prefix, line.strip())

    return on_message


def compile_crfsuite(crfsuite: Path, out: Path) -> None:
    """Write the compiled tables of a crfsuite model to ``out`` (atomically)."""
    model = compile_weights(*read_weights(crfsuite))
    atomic_write_bytes(out, to_bytes(model))
    log.info(
        "wrote %s (%.1f MB, %d weight rows)", out, out.stat().st_size / 1e6, len(model.weights)
    )


def train(data: Path, crfsuite: Path, *, aux_iterations: int = 60, iterations: int = 120) -> None:
    """Train the auxiliary and the main crfsuite model; write the main one to ``crfsuite``."""
    t0 = time.perf_counter()
    aux = Trainer({**PARAMS, "max_iterations": aux_iterations}, _log_progress("aux"))
    for _, ex in _train_examples(data, ("cluener", "resume")):
        aux.append(sentence_items(ex.text), bio_labels(len(ex.text), ex.spans))
    log.info("aux: %d sentences (%.0f s)", aux.n, time.perf_counter() - t0)
    with tempfile.TemporaryDirectory() as tmp:
        aux_path = Path(tmp) / "aux.crfsuite"
        aux.train(aux_path)
        del aux
        log.info("aux trained (%.0f s)", time.perf_counter() - t0)
        tagger = Tagger(aux_path)
        main = Trainer({**PARAMS, "max_iterations": iterations}, _log_progress("main"))
        silver_types = {"msra": {"ROLE"}, "resume": {"PLACE"}, "cluener": set()}
        added = dict.fromkeys(TRAINED_ON, 0)
        for name, ex in _train_examples(data, TRAINED_ON):
            items = sentence_items(ex.text)
            spans = list(ex.spans)
            if silver_types[name]:
                silver = decode(tagger.tag(items))
                spans = _merge_silver(ex.spans, silver, silver_types[name])
                added[name] += len(spans) - len(ex.spans)
            main.append(items, bio_labels(len(ex.text), spans))
        log.info(
            "main: %d sentences, silver spans added %s (%.0f s)",
            main.n,
            added,
            time.perf_counter() - t0,
        )
    main.train(crfsuite)
    log.info("trained %s (%.0f s)", crfsuite, time.perf_counter() - t0)


def main() -> None:
    """Command-line entry point (see the module docstring)."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "mentions.npz"
    )
    ap.add_argument("--compile", type=Path, metavar="FILE.crfsuite", help="only compile FILE")
    ap.add_argument("--keep-crfsuite", type=Path, metavar="FILE", help="keep the crfsuite model")
    ap.add_argument("--aux-iterations", type=int, default=60)
    ap.add_argument("--iterations", type=int, default=120)
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.compile:
        compile_crfsuite(args.compile, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        crfsuite = args.keep_crfsuite or Path(tmp) / "mentions.crfsuite"
        train(args.data, crfsuite, aux_iterations=args.aux_iterations, iterations=args.iterations)
        compile_crfsuite(crfsuite, args.out)


if __name__ == "__main__":
    # Run as a script: show this script's progress on stderr.  Only its own logger is set up,
    # and only here: the root logger is configured by graph/cli.py alone, and importing this
    # module or calling main() configures nothing.
    _stderr = logging.StreamHandler()
    _stderr.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    log.addHandler(_stderr)
    log.setLevel(logging.INFO)
    main()
