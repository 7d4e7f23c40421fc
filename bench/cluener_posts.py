"""Recall of ORG+ROLE+NAME posts on CLUENER train sentences (a second, held-out-able measure).

Every CLUENER train record where an organisation (company, government, organization), a
position and a name are written contiguously (ORG POSITION NAME) is one case, built as its own
document; a post counts as found when a membership has that person, that role (the position, or
the position ending with the role found) and an organisation one of whose labels or aliases is
the organisation (whitespace and case folded).  ``--half odd`` takes the records with an odd
index (tuning), ``--half even`` the others (held out).  Prints recall, a sample of misses, and a
final JSON line.  Needs ../shared/data/cluener.

    PYTHONPATH=. .venv/bin/python bench/cluener_posts.py --half odd
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from graph.extract.document import extract_document
from graph.types import Document, Membership, normalise_key

ORG_LABELS = {"company", "government", "organization"}


def cases(path: Path, half: str) -> list[tuple[str, str, str, str]]:
    """(text, org, position, name) for contiguous ORG POSITION NAME statements."""
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if (i % 2 == 1) != (half == "odd"):
            continue
        record = json.loads(line)
        ents = sorted(record["entities"], key=lambda e: e["start"])
        for a, b, c in zip(ents, ents[1:], ents[2:], strict=False):
            if (
                a["orig_label"] in ORG_LABELS
                and b["orig_label"] == "position"
                and c["orig_label"] == "name"
                and a["end"] == b["start"]
                and b["end"] == c["start"]
            ):
                out.append((record["text"], a["text"], b["text"], c["text"]))
    return out


def found(text: str, org: str, role: str, person: str) -> bool:
    x = extract_document(Document.from_text("c.txt", text))
    names = {e.ref: {normalise_key(e.label), *map(normalise_key, e.aliases)} for e in x.entities}
    for f in x.facts:
        if not isinstance(f, Membership) or person not in names[f.person]:
            continue
        roles = names[f.role]
        org_names = names[f.org]
        if (role in roles or any(role.endswith(r) for r in roles)) and (
            normalise_key(org) in org_names
            or any(o.startswith(normalise_key(org)) for o in org_names)
        ):
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    ap.add_argument("--half", choices=("odd", "even"), default="odd")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    path = args.data / "cluener" / "train.jsonl"
    if not path.exists():
        print(f"cluener_posts: {path} not found; nothing to measure", file=sys.stderr)
        return 0
    todo = cases(path, args.half)[: args.limit or None]
    t0 = time.perf_counter()
    hits, misses = 0, []
    for text, org, role, person in todo:
        if found(text, org, role, person):
            hits += 1
        else:
            misses.append(f"{org}|{role}|{person}")
    n = len(todo)
    print(f"recall {hits}/{n} = {hits / n if n else 0:.3f}")
    if args.half == "odd":
        print("sample of misses:", "; ".join(misses[:40]))
    result = {
        "half": args.half,
        "cases": n,
        "recall": round(hits / n, 3) if n else 0.0,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
