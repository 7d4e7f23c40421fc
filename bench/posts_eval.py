"""Recall of posts written as ORG+ROLE+NAME on sentences nobody here wrote (DuIE 2.0 sample).

DuIE annotates (company, 董事长, person) and (school, 校长, person).  Every sentence where the
three are written contiguously (ORG ROLE NAME) is built as its own document; a post counts as
found when a membership has that person, that organisation (label or alias, whitespace and
case folded) and that role.  Prints per-relation recall, a sample of misses, and a final JSON
line.  Needs ../shared/data/duie (skips with a message otherwise).

    .venv/bin/python bench/posts_eval.py [--data ../shared/data] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from graph.extract.document import extract_document
from graph.types import Document, Membership, normalise_key

RELATIONS = ("董事长", "校长")


def cases(path: Path) -> list[tuple[str, str, str, str]]:
    """(text, org, role, person) for contiguous ORG ROLE NAME statements."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        ents = record["entities"]
        for rel in record["relations"]:
            if rel["label"] not in RELATIONS:
                continue
            org, person = ents[rel["head"]]["text"], ents[rel["tail"]]["text"]
            if org + rel["label"] + person in record["text"]:
                out.append((record["text"], org, rel["label"], person))
    return out


def found(text: str, org: str, role: str, person: str) -> bool:
    x = extract_document(Document.from_text("duie.txt", text))
    names = {e.ref: {normalise_key(e.label), *map(normalise_key, e.aliases)} for e in x.entities}
    for f in x.facts:
        if not isinstance(f, Membership):
            continue
        if (
            person in names[f.person]
            and role in names[f.role]
            and normalise_key(org) in names[f.org]
        ):
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    path = args.data / "duie" / "train_sample4000.jsonl"
    if not path.exists():
        print(f"posts_eval: {path} not found; nothing to measure", file=sys.stderr)
        return 0
    todo = cases(path)[: args.limit or None]
    t0 = time.perf_counter()
    per: dict[str, list[int]] = {r: [0, 0] for r in RELATIONS}
    misses = []
    for text, org, role, person in todo:
        ok = found(text, org, role, person)
        per[role][0] += ok
        per[role][1] += 1
        if not ok:
            misses.append(f"{org} {role} {person}")
    elapsed = time.perf_counter() - t0
    total = sum(n for _, n in per.values())
    hits = sum(k for k, _ in per.values())
    for role, (k, n) in per.items():
        print(f"{role}: recall {k}/{n} = {k / n if n else 0:.3f}")
    print("sample of misses:", "; ".join(misses[:15]))
    result = {
        "cases": total,
        "recall": round(hits / total, 3) if total else 0.0,
        "per_relation": {r: round(k / n, 3) if n else 0.0 for r, (k, n) in per.items()},
        "seconds": round(elapsed, 1),
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
