#!/usr/bin/env python3
"""Rebuild the divisions and corpus sections of ``graph/resources/regions.txt``.

Usage (from the repository root; needs ``../shared/data`` and the administrative division list
of the MIT-licensed ``cpca`` package, which is not a dependency of the project)::

    .venv/bin/pip download cpca==0.5.5 --no-deps -d /tmp/cpca
    python3 -m zipfile -e /tmp/cpca/cpca-0.5.5-py3-none-any.whl /tmp/cpca/x
    .venv/bin/python scripts/build_regions.py --divisions /tmp/cpca/x/cpca/resources/adcodes.csv

The file's first sections (provinces, municipalities and their districts) are general knowledge
and kept as they are.  The divisions section lists every prefecture- and county-level division
of mainland China (general knowledge: the national administrative division codes, as ``cpca``
lists them), less two-character districts that are common words (城区, 郊区, 矿区); cities
whose names without 市 are common words (合作, 东方, 安康) are listed, and
``graph.extract.orgs.WORD_STEMS`` keeps those words from counting as mentions of them.  The
last section lists place names that the gold annotations of MSRA,
People's Daily 1998 and CLUENER label as places (LOC) at least twice, counted on the *training*
lines only (every tenth line is held out for ``bench/ner_eval.py``, see
``graph.ner.training.corpus``), that end like an administrative unit (省 市 县 州 区 旗) and are not
generic areas (…地区, …小区, …开发区, military districts …军分区).  The output is sorted, so a rebuild is reproducible.  ``region_parents.txt`` gives each division's
prefecture and province (graph.extract.elision reads a document's province off its cities).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
from pathlib import Path

from graph.io.atomic import atomic_write_text
from graph.ner.training.corpus import CORPORA, is_held_out, map_label, read_lines

ROOT = Path(__file__).resolve().parents[1]
REGIONS = ROOT / "graph" / "resources" / "regions.txt"
PARENTS = ROOT / "graph" / "resources" / "region_parents.txt"
HEADER = "# Administrative places labelled LOC at least twice in the training lines of MSRA, PD1998"
SOURCES = ("msra", "pd1998", "cluener")
ENDINGS = tuple("省市县州区旗")
GENERIC = ("地区", "小区", "社区", "园区", "景区", "库区", "市区", "郊区", "山区", "灾区", "辖区")
GENERIC += ("港区", "牧区", "商务区", "开发区", "经济特区", "军区", "军分区")
MIN_COUNT = 2
PARENTS_HEADER = (
    "# Prefecture- and county-level divisions of mainland China: name, prefecture, province\n"
    "# (general knowledge: the national division codes, as cpca lists them;"
    " scripts/build_regions.py)\n"
)
DIVISIONS_HEADER = "# Prefecture- and county-level divisions of mainland China (general knowledge)"


def divisions(path: Path) -> list[str]:
    """Division names of the ``adcode,name,…`` list below province level, in code order."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in sorted(csv.DictReader(fh), key=lambda r: r["adcode"]):
            name = row["name"]
            if row["adcode"][2:6] == "0000" or not name.endswith(ENDINGS):
                continue  # provinces (kept above) and units without a level word
            if (len(name) == 2 and name.endswith("区")) or name.endswith(GENERIC):
                continue
            out.append(name)
    return list(dict.fromkeys(out))


_GROUPS = ("市辖区", "县")
"""Rows of the code list that group a municipality's districts or counties: no divisions."""


def parents(path: Path) -> list[str]:
    """``name<TAB>prefecture<TAB>province`` lines of every prefecture- and county-level
    division (prefecture empty for a prefecture, a municipality's district or a county the
    province governs directly), in code order; names listed twice keep their first row."""
    with path.open(encoding="utf-8") as fh:
        names = {r["adcode"]: r["name"] for r in csv.DictReader(fh)}
    out: dict[str, str] = {}
    for code, name in sorted(names.items()):
        if code[2:6] == "0000" or not name.endswith(ENDINGS) or name in out or name in _GROUPS:
            continue
        province = names.get(code[:2] + "0" * 10, "")
        prefecture = names.get(code[:4] + "0" * 8, "") if code[4:6] != "00" else ""
        if prefecture in _GROUPS or not prefecture.endswith(ENDINGS):
            prefecture = ""  # 市辖区, 县, 省直辖县级行政区划: no prefecture of its own
        out[name] = f"{name}\t{prefecture}\t{province}"
    return list(out.values())


def corpus_places(data: Path) -> list[str]:
    """The place names the rule above selects, sorted."""
    counts: collections.Counter[str] = collections.Counter()
    for name in SOURCES:
        for i, line in enumerate(read_lines(data / CORPORA[name][0])):
            if is_held_out(i):
                continue
            rec = json.loads(line)
            for e in rec["entities"]:
                if map_label(e["label"], e.get("orig_label")) == "PLACE":
                    counts[rec["text"][e["start"] : e["end"]]] += 1
    return sorted(
        s
        for s, n in counts.items()
        if n >= MIN_COUNT
        and 2 <= len(s) <= 8
        and s.endswith(ENDINGS)
        and not s.endswith(GENERIC)
        and all("\u4e00" <= c <= "\u9fff" for c in s)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--divisions", type=Path, required=True, help="cpca's adcodes.csv")
    args = ap.parse_args()
    text = REGIONS.read_text(encoding="utf-8")
    general = text.split("\n" + DIVISIONS_HEADER)[0].split("\n" + HEADER)[0].rstrip("\n")
    known = {line.split("\t")[0] for line in general.splitlines() if not line.startswith("#")}
    listed = [d for d in divisions(args.divisions) if d not in known]
    known.update(listed)
    new = [p for p in corpus_places(args.data) if p not in known]
    body = (
        f"{general}\n{DIVISIONS_HEADER}\n# (scripts/build_regions.py)\n"
        + "\n".join(listed)
        + f"\n{HEADER}\n# and CLUENER (scripts/build_regions.py)\n"
        + "\n".join(new)
        + "\n"
    )
    atomic_write_text(REGIONS, body)
    rows = parents(args.divisions)
    atomic_write_text(PARENTS, PARENTS_HEADER + "\n".join(rows) + "\n")
    print(f"{REGIONS}: {len(listed)} divisions, {len(new)} corpus places")
    print(f"{PARENTS}: {len(rows)} divisions with their prefecture and province")


if __name__ == "__main__":
    main()
