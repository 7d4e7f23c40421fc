"""Posts, people and event dates on real news (news-dev), per half and per genre.

Builds the odd-numbered files (a01, a03, …, b01, b03, …: the tuning half) or the even-numbered
ones (the held-out half) of ``bench/data/news-dev/`` into a temporary folder with the normal
build, scores it with ``graph.sparql.evaluate`` against ``gold_a.json`` and ``gold_b.json`` of
the shared news-dev folder, and prints posts P/R, people P/R, event-date accuracy, and per genre
the posts and the precision of the organisations of the posts found (an organisation is right
when one of its labels, or its label less a trailing sub-body, is an organisation of a gold post
of that document).  The last line is one JSON object.

    PYTHONPATH=. .venv/bin/python bench/news_eval.py --half odd [-v]
    PYTHONPATH=. .venv/bin/python bench/news_eval.py --texts DIR --gold DIR --half all  # any set

The texts are never committed (see ../shared/data/news-dev/README.md for fetching them).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from graph.build.pipeline import BuildOptions, build_corpus
from graph.sparql.evaluate import read_build, report_lines, score_gold

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parents[1] / "shared" / "data" / "news-dev"


def genres(shared: Path) -> dict[str, str]:
    """Document -> genre, read from the SOURCES tables (first column file, second genre)."""
    out = {}
    for src in sorted(shared.glob("SOURCES*.md")):
        for line in src.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) > 2 and re.fullmatch(r"[a-z]\d\d(\.txt)?", cells[0]):
                name = cells[0] if cells[0].endswith(".txt") else cells[0] + ".txt"
                out[name] = re.sub(r"\s*\(.*", "", cells[1])
    return out


def in_half(name: str, half: str) -> bool:
    """``a03.txt`` is odd, ``b12.txt`` even; every file is in ``all``."""
    if half == "all":
        return True
    n = int(name[1:3])
    return (n % 2 == 1) == (half == "odd")


def org_precision(found_posts: list[dict[str, Any]], gold: dict[str, Any]) -> tuple[int, int]:
    """(right, found) organisations of the posts found in one document."""
    accepted: set[str] = set()
    for p in list(gold.get("posts", [])) + list(gold.get("former_posts", [])):
        accepted.update(p["org"])
        for a in p.get("alt", []):
            accepted.update(a["org"])
    orgs = {frozenset(f["orgs"]) for f in found_posts}
    right = sum(1 for labels in orgs if any(_accepted(lab, accepted) for lab in labels))
    return right, len(orgs)


def _accepted(label: str, accepted: set[str]) -> bool:
    return label in accepted or any(
        label.startswith(a) and len(label) - len(a) <= 4 for a in accepted
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("odd", "even", "all"), default="odd")
    ap.add_argument("--texts", type=Path, default=ROOT / "data" / "news-dev")
    ap.add_argument("--gold", type=Path, default=SHARED)
    ap.add_argument("--keep", type=Path, default=None, help="Build here and keep it.")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    gold: dict[str, Any] = {}
    for path in sorted(a.gold.glob("gold*.json")):
        gold.update(json.loads(path.read_text(encoding="utf-8")))
    names = sorted(n for n in gold if in_half(n, a.half) and (a.texts / n).is_file())
    missing = sorted(n for n in gold if in_half(n, a.half) and not (a.texts / n).is_file())
    if not names:
        print(f"news_eval: no texts in {a.texts} (see {SHARED}/README.md)", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="news_eval_"))
    try:
        src = work / "texts"
        src.mkdir()
        for n in names:
            shutil.copy(a.texts / n, src / n)
        out = a.keep or work / "out"
        build_corpus(src, out, options=BuildOptions(force=True))
        found = read_build(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = score_gold(found, {n: gold[n] for n in names})
    print("\n".join(report_lines(result, verbose=a.verbose)))
    by_genre: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    kinds = genres(a.gold)
    for n in names:
        d, g = result["docs"][n], by_genre[kinds.get(n, "?")]
        right, total = org_precision(found.posts.get(n, []), gold[n])
        for i, v in enumerate((d["posts"]["correct"], d["posts"]["extracted"],
                               d["posts"]["hit"], right, total)):  # fmt: skip
            g[i] += v
        g.append(d["posts"]["gold"])
    genre_rows = {}
    for genre, (pc, pe, ph, orr, ot, *golds) in sorted(by_genre.items()):
        pg = sum(golds)
        genre_rows[genre] = {
            "posts_p": round(pc / pe, 3) if pe else None,
            "posts_r": round(ph / pg, 3) if pg else None,
            "org_p": round(orr / ot, 3) if ot else None,
        }
        print(f"  {genre:42} posts P={genre_rows[genre]['posts_p']} "
              f"R={genre_rows[genre]['posts_r']} org P={genre_rows[genre]['org_p']}")  # fmt: skip
    summary = {
        "half": a.half,
        "documents": len(names),
        "missing_texts": missing,
        "posts_p": round(result["posts"]["precision"], 3),
        "posts_r": round(result["posts"]["recall"], 3),
        "people_p": round(result["people"]["precision"], 3),
        "people_r": round(result["people"]["recall"], 3),
        "event_dates": round(result["events"]["accuracy"], 3),
        "event_dates_n": f"{result['events']['dated']}/{result['events']['gold']}",
        "genres": genre_rows,
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
