"""Recall of ORG+ROLE+NAME posts on CLUENER train sentences (a second, held-out-able measure).

Every CLUENER train record where an organisation (company, government, organization), a
position and a name are written contiguously (ORG POSITION NAME) is one case, built as its own
document; a post counts as found when a membership has that person, that role (the position, or
the position ending with the role found) and an organisation one of whose labels or aliases is
the organisation (whitespace and case folded).  ``--half odd`` takes the records with an odd
index (tuning), ``--half even`` the others (held out).  Prints recall, a sample of misses, and a
final JSON line.  Needs ../shared/data/cluener.

Precision is approximate: every post extracted from a case's sentence counts as right when its
person is a name that CLUENER labels in the sentence, its organisation one that it labels
(company, government, organization; the same loose match) and its role one of its positions
(or the end of one).  A post pairing two labelled parts wrongly (A公司董事长B与C公司总经理D, B at
C公司) would count as right, so it is an upper bound on the precision of the three parts.

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


Labels = dict[str, set[str]]


def cases(path: Path, half: str) -> list[tuple[str, str, str, str, Labels]]:
    """(text, org, position, name, labels) for contiguous ORG POSITION NAME statements;
    ``labels`` holds every org, position and name that the record labels."""
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
                out.append((record["text"], a["text"], b["text"], c["text"], _labels(ents)))
    return out


def _labels(ents: list[dict[str, object]]) -> Labels:
    out: Labels = {"org": set(), "position": set(), "name": set()}
    for e in ents:
        kind = "org" if e["orig_label"] in ORG_LABELS else str(e["orig_label"])
        if kind in out:
            out[kind].add(normalise_key(str(e["text"])))
    return out


def _matches(roles: set[str], org_names: set[str], role: str, org: str) -> bool:
    return (role in roles or any(role.endswith(r) for r in roles)) and (
        normalise_key(org) in org_names or any(o.startswith(normalise_key(org)) for o in org_names)
    )


def found(text: str, org: str, role: str, person: str, labels: Labels) -> tuple[bool, int, int]:
    """Whether the case's post is extracted, and (plausible, all) posts extracted."""
    x = extract_document(Document.from_text("c.txt", text))
    names = {e.ref: {normalise_key(e.label), *map(normalise_key, e.aliases)} for e in x.entities}
    hit, plausible, posts = False, 0, 0
    for f in x.facts:
        if not isinstance(f, Membership):
            continue
        posts += 1
        roles, org_names = names[f.role], names[f.org]
        if person in names[f.person] and _matches(roles, org_names, role, org):
            hit = True
        if names[f.person] & labels["name"] and any(
            _matches(roles, org_names, r, o) for r in labels["position"] for o in labels["org"]
        ):
            plausible += 1
    return hit, plausible, posts


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
    hits, misses, plausible, posts = 0, [], 0, 0
    for text, org, role, person, labels in todo:
        hit, right, extracted = found(text, org, role, person, labels)
        hits += hit
        plausible, posts = plausible + right, posts + extracted
        if not hit:
            misses.append(f"{org}|{role}|{person}")
    n = len(todo)
    print(f"recall {hits}/{n} = {hits / n if n else 0:.3f}")
    print(f"precision (approximate) {plausible}/{posts} = {plausible / posts if posts else 0:.3f}")
    if args.half == "odd":
        print("sample of misses:", "; ".join(misses[:80]))
    result = {
        "half": args.half,
        "cases": n,
        "recall": round(hits / n, 3) if n else 0.0,
        "precision_approx": round(plausible / posts, 3) if posts else 0.0,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
