"""Reading the NER corpora of ``shared/data`` and the fixed train / held-out split.

Each corpus file is JSONL ``{"id", "text", "entities": [{"start", "end", "label", "orig_label"}]}``.
Labels map to mention types as ``shared/tools/score_mentions.py`` maps them (GOV_ORG → ORG,
POSITION → ROLE, address-like LOC → PLACE; scenic spots and other labels are ignored).  Every
tenth line of each file (lines 9, 19, 29, … counting from 0) is held out: the shipped model never
sees it.  An interleaved tenth samples every part of a file; the files are not shuffled (the last
tenth of MSRA is mostly commentary and essays, unlike the news before it).

>>> spans_of({"entities": [{"start": 0, "end": 2, "label": "POSITION", "orig_label": "TITLE"}]})
[(0, 2, 'ROLE')]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

HELD_OUT_EVERY = 10  # line i is held out when i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1

# corpus name -> (file under the data folder, mention types the corpus annotates)
CORPORA: dict[str, tuple[str, tuple[str, ...]]] = {
    "cluener": ("cluener/train.jsonl", ("PERSON", "ORG", "ROLE", "PLACE")),
    "msra": ("msra/train.jsonl", ("PERSON", "ORG", "PLACE")),
    "resume": ("resume/train.jsonl", ("PERSON", "ORG", "ROLE")),
    "pd1998": ("pd1998/199801.jsonl", ("PERSON", "ORG", "PLACE")),
}

_PLACE_ORIG = frozenset({"address", "LOC", "ns", "[]ns", "GPE"})


@dataclass(frozen=True, slots=True)
class Example:
    """One annotated sentence: its id, text and non-overlapping typed spans."""

    doc_id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


def map_label(label: str, orig_label: str | None) -> str | None:
    """The mention type of a gold label, or None when it is not evaluated.

    >>> map_label("GOV_ORG", "government"), map_label("LOC", "scene")
    ('ORG', None)
    """
    if label == "PERSON":
        return "PERSON"
    if label in ("ORG", "GOV_ORG"):
        return "ORG"
    if label == "POSITION":
        return "ROLE"
    if label == "LOC" and (orig_label is None or orig_label in _PLACE_ORIG):
        return "PLACE"
    return None


def spans_of(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Typed spans of a gold record, longest first wins where they overlap, in text order."""
    cands = []
    for e in record.get("entities", []):
        t = map_label(e.get("label", ""), e.get("orig_label"))
        if t is not None and 0 <= e["start"] < e["end"]:
            cands.append((e["start"], e["end"], t))
    cands.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken: list[tuple[int, int, str]] = []
    for s in cands:
        if all(s[1] <= o[0] or s[0] >= o[1] for o in taken):
            taken.append(s)
    return sorted(taken)


def is_held_out(index: int) -> bool:
    """Whether the line at ``index`` (0-based, blank lines not counted) is held out.

    >>> [i for i in range(30) if is_held_out(i)]
    [9, 19, 29]
    """
    return index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1


def read_lines(path: Path) -> list[str]:
    """The non-blank lines of a JSONL file."""
    with path.open(encoding="utf-8") as fh:
        return [line for line in fh if line.strip()]


def examples(path: Path, *, part: Literal["train", "heldout"]) -> Iterator[Example]:
    """The ``"train"`` or ``"heldout"`` examples of one corpus file (read as they are consumed).

    >>> examples(Path("x.jsonl"), part="test")
    Traceback (most recent call last):
    ...
    ValueError: part must be 'train' or 'heldout', not 'test'
    """
    if part not in ("train", "heldout"):
        raise ValueError(f"part must be 'train' or 'heldout', not {part!r}")
    return _examples(path, held_out=part == "heldout")


def _examples(path: Path, *, held_out: bool) -> Iterator[Example]:
    for i, line in enumerate(read_lines(path)):
        if is_held_out(i) != held_out:
            continue
        rec = json.loads(line)
        yield Example(rec["id"], rec["text"], tuple(spans_of(rec)))


def heldout_lines(path: Path) -> list[str]:
    """The raw held-out JSONL lines of one corpus file (the gold for evaluation)."""
    return [line for i, line in enumerate(read_lines(path)) if is_held_out(i)]
