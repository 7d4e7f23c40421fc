#!/usr/bin/env python3
"""Rebuild ``graph/resources/transliteration_chars.txt``: the characters that spell the parts of
transliterated personal names (约翰·史密斯, 阿不来提·阿不都热西提).

Usage (from the repository root; needs ``../shared/data``)::

    .venv/bin/python scripts/build_transliteration.py --data ../shared/data

It counts the Chinese characters of the person mentions written with a name dot in the gold
annotations of MSRA, People's Daily 1998 and CLUENER, on the *training* lines only (every tenth
line is held out for ``bench/ner_eval.py``), and keeps those seen at least twice.  Transliteration
uses a small fixed set of characters (斯, 尔, 克, 提, 买…), so a name after its dot goes on over
the words the dictionary reads otherwise (铁力 + 瓦尔 + 地, 麦麦 + 提).  The output is sorted by
frequency, then by character, so a rebuild is reproducible.  Runs in a few seconds.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from graph.io.atomic import atomic_write_text
from graph.ner.training.corpus import CORPORA, is_held_out, read_lines

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "graph" / "resources" / "transliteration_chars.txt"
SOURCES = ("msra", "pd1998", "cluener")
DOTS = "·•・‧"
MIN_COUNT = 2


def count_characters(data: Path) -> collections.Counter[str]:
    """How often each Chinese character spells a dotted person name of the training lines."""
    counts: collections.Counter[str] = collections.Counter()
    for corpus in SOURCES:
        names: set[str] = set()
        for index, line in enumerate(read_lines(data / CORPORA[corpus][0])):
            if is_held_out(index):
                continue
            for entity in json.loads(line)["entities"]:
                text = entity["text"]
                if entity["label"] == "PERSON" and any(d in text for d in DOTS):
                    names.add(text)
        counts.update(ch for name in names for ch in name if "\u4e00" <= ch <= "\u9fff")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    counts = count_characters(args.data)
    kept = sorted((c for c, n in counts.items() if n >= MIN_COUNT), key=lambda c: (-counts[c], c))
    header = (
        "# Characters of transliterated person names (written with a name dot) seen at least\n"
        "# twice in the training lines of MSRA, People's Daily 1998 and CLUENER;\n"
        "# built by scripts/build_transliteration.py. One character per line, commonest first.\n"
    )
    atomic_write_text(OUTPUT, header + "".join(f"{c}\n" for c in kept))
    print(f"{len(kept)} characters -> {OUTPUT}")


if __name__ == "__main__":
    main()
