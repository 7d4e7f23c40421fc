"""Elided region prefixes: which region ``区总工会`` or ``市委组织部`` stands for.

A name written without its region takes the nearest region of the right level named before it
in the sentence (``区总工会`` after ``海淀区``), otherwise the document's dominant region of that
level (``市总工会`` in a text about 南京 is ``南京市总工会``).  Words that merely start with a
level character (``市场``, ``区域``) are left as written.

>>> resolve_elided("市总工会", "全市", {"市": "某城市"})
('某城市总工会', 'elided-prefix:document')
>>> resolve_elided("市民政局", "", {"市": "某城市"})[0], resolve_elided("市场监管局", "", {"市": "某城市"})[0]
('某城市民政局', '市场监管局')
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from graph.extract.names import Piece
from graph.extract.orgs import counted_stem, region_parents, region_stem, regions
from graph.extract.places import is_place, listed_region
from graph.extract.unlisted import (
    autonomous_region,
    named_by_stem,
    unlisted_regions,
    without_word_before_level,
)

_LEVEL_CHARS = "市区县省州"
_NOT_ELIDED = frozenset({"市场", "市民", "市区", "区域", "县城", "省份", "州长", "市值", "区块"})
_ELIDED_DEPARTMENTS = ("市民政", "市民族", "市民宗", "市区划", "县城管")
"""Names that open like a word of ``_NOT_ELIDED`` but are a level and a department
(市 + 民政局, 市 + 民族宗教事务委员会)."""


@cache
def _region_index() -> tuple[dict[str, int], frozenset[str], frozenset[str], tuple[int, ...]]:
    """Region names and city stems: rank in the gazetteer, the names and stems themselves,
    their 2-character prefixes and their lengths.

    Every name of the gazetteer that ``dominant_regions`` or ``_nearest_region`` looks for is
    at least two characters long, so a 2-character prefix set finds all their occurrences.
    """
    names = [n for n in regions() if len(n) > 1]
    wanted = frozenset(names) | {stem for n in names if (stem := counted_stem(n))}
    rank = {n: i for i, n in enumerate(names)}
    return rank, wanted, frozenset(w[:2] for w in wanted), tuple(sorted({len(w) for w in wanted}))


def _occurrences(text: str) -> dict[str, list[int]]:
    """Start of every occurrence (overlapping ones too) of each region name and city stem."""
    _, wanted, prefixes, lengths = _region_index()
    found: dict[str, list[int]] = {}
    for i in range(len(text) - 1):
        if text[i : i + 2] in prefixes:
            for k in lengths:
                w = text[i : i + k]
                if (
                    len(w) == k
                    and w in wanted
                    and (k > 2 or _opens_name(text, i, w))
                    and not (text[i + k : i + k + 1] in _SMALLER_PLACES and w in _city_stems())
                ):
                    found.setdefault(w, []).append(i)
    return found


_SMALLER_PLACES = frozenset("村屯路街巷")
"""Endings after a city's stem that make it another, smaller place's name (某市的某某村, 中山路)."""


@cache
def _city_stems() -> frozenset[str]:
    """The counted stems of the gazetteer's cities (苏州 of 苏州市)."""
    return frozenset(stem for n in regions() if n.endswith("市") and (stem := counted_stem(n)))


def _opens_name(text: str, i: int, name: str) -> bool:
    """Whether a two-character name at ``i`` is a region's there: a city's stem (苏州) always,
    a county's whole name (和县, 任县, 代县) only where it starts a name, not inside words
    (市和县两级, 历任县长, 代县长): after a non-Chinese character or a province.  A city's stem
    that ends like a level (梅州, 苏州) is a stem, not a whole name: it always counts.

    >>> _opens_name("休闲到梅州", 3, "梅州"), _opens_name("历任县长", 1, "任县")
    (True, False)
    """
    if name[-1] not in _LEVEL_CHARS or name in _city_stems():
        return True
    return i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] == "省"


@cache
def _level_names() -> dict[str, tuple[tuple[str, str], ...]]:
    """Per level, gazetteer names in order with the stem also counted ('' when none)."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for level in _LEVEL_CHARS:
        rows = []
        for name in regions():
            if name.endswith(level) and len(name) > 1:
                stem = counted_stem(name) if level in "市州" else ""
                rows.append((name, stem))
        out[level] = tuple(rows)
    return out


@cache
def _rows_by_written() -> dict[str, dict[str, tuple[tuple[int, str, str], ...]]]:
    """Per level, the (rank, name, stem) rows of ``_level_names`` by the name or stem that a
    text can contain, so a count looks only at the regions a text names."""
    out: dict[str, dict[str, tuple[tuple[int, str, str], ...]]] = {}
    for level, rows in _level_names().items():
        by: dict[str, list[tuple[int, str, str]]] = {}
        for rank, (name, stem) in enumerate(rows):
            for written in {name, stem} - {""}:
                by.setdefault(written, []).append((rank, name, stem))
        out[level] = {w: tuple(r) for w, r in by.items()}
    return out


def _count(found: dict[str, list[int]], name: str) -> int:
    """``text.count(name)`` (non-overlapping, leftmost first) from the occurrence list."""
    n, free_from = 0, -1
    for pos in found.get(name, ()):
        if pos >= free_from:
            n, free_from = n + 1, pos + len(name)
    return n


def dominant_regions(text: str) -> dict[str, str]:
    """Most mentioned region of each level in ``text`` (cities also counted by their stem).

    >>> dominant_regions("上海市浦东新区，浦东新区。上海的会。")
    {'市': '上海市', '区': '浦东新区'}
    """
    found = _occurrences(text)
    rows_of = _rows_by_written()
    best: dict[str, str] = {}
    for level in _LEVEL_CHARS:
        counts: Counter[str] = Counter()
        # only the names written in the text, in gazetteer order (ties go to the first)
        for _, name, stem in sorted({row for w in found for row in rows_of[level].get(w, ())}):
            n = _count(found, name) + (_count(found, stem) if stem else 0)
            if n:
                counts[name] = n
        if counts:
            best[level] = min(counts, key=lambda k: _rank(k, counts, text))
    for level, name in unlisted_regions(text).items():
        best.setdefault(level, name)
    if autonomous := autonomous_region(text):
        best["自治区"] = autonomous  # 自治区主席 in an article about 广西
    for level in "县区":
        if level not in best and (named := named_by_stem(text, level)):
            best[level] = named  # 区委书记 in a copy headed 某网蕉城在线: 蕉城区
    if "市" not in best and "县" in best:
        prefecture = region_parents().get(best["县"], ("", ""))[0]
        if prefecture.endswith("市"):
            best["市"] = prefecture  # 市委 in an article about 平利县: 安康市委
    if "省" not in best:
        province = next((_province(best[lv]) for lv in "市县区" if lv in best), "")
        if province.endswith("省"):
            best["省"] = province  # 省政府 in an article about 西安: 陕西省人民政府
    return best


def _rank(name: str, counts: Counter[str], text: str) -> tuple[int, int, int]:
    """Most mentioned first; on a tie, a city within another one named as often (句容市 in
    镇江市: the article is the county-level city's, which names its prefecture), then the
    first named."""
    prefecture = region_parents().get(name, ("", ""))[0]
    inner = prefecture in counts and counts[prefecture] == counts[name]
    return (-counts[name], 0 if inner else 1, text.find(region_stem(name)))


def _province(region: str) -> str:
    """The province of a division ('' when the list does not know it)."""
    return region_parents().get(region, ("", ""))[1]


_TOWN_LEVELS = "镇乡"
_TOWN_BODIES = (
    "党委", "人民政府", "政府", "人大", "纪委", "武装部", "妇联", "团委", "总工会", "工会",
    "派出所", "卫生院", "财政所", "司法所", "中心校", "党政办",
)  # fmt: skip
"""What a township's name is elided before (镇党委, 乡人民政府); 镇江, 乡村 are no such names."""


def resolve_elided(name: str, before: str, doc_regions: dict[str, str]) -> tuple[str, str]:
    """Full name of an organisation written without its region (``区总工会``).

    ``before`` is the sentence text before the name; a region of the right level named there
    wins, otherwise the document's dominant region of that level.
    """
    name = without_word_before_level(name, doc_regions)
    if name.startswith("自治区") and "自治区" in doc_regions:
        return doc_regions["自治区"] + name[3:], "elided-prefix:document"  # 自治区党委, 自治区
    if name and name[0] in _TOWN_LEVELS and (len(name) == 1 or name[1:].startswith(_TOWN_BODIES)):
        town = doc_regions.get(name[0])  # 镇党委 in an article about 某某镇
        return (town + name[1:], "elided-prefix:document") if town else (name, "as-written")
    if not name or name[0] not in _LEVEL_CHARS:
        return name, "as-written"
    if name[:2] in _NOT_ELIDED and not name.startswith(_ELIDED_DEPARTMENTS):
        return name, "as-written"
    level = name[0]
    nearest = _nearest_region(before, level)
    if nearest:
        return with_region(nearest, name), "elided-prefix:sentence"
    if level in doc_regions:
        return with_region(doc_regions[level], name), "elided-prefix:document"
    return name, "elided-prefix:unresolved"


def with_region(region: str, name: str) -> str:
    """``name``, written from its level on (县政府, 市委), with ``region``'s name before it; a
    two-character county keeps its level once (岚县 + 县政府 = 岚县政府).

    >>> with_region("东江市", "市委"), with_region("岚县", "县政府"), with_region("岚县", "县委")
    ('东江市委', '岚县政府', '岚县委')
    """
    stem = region_stem(region)
    if stem == region and stem.endswith(name[:1]):
        return stem + name[1:]
    return stem + name


def _nearest_region(before: str, level: str) -> str | None:
    """The region of ``level`` whose last occurrence in ``before`` starts last.

    Among names occurring at the same place, the first of the gazetteer wins.
    """
    rank, _, prefixes, lengths = _region_index()
    for i in range(len(before) - 2, -1, -1):
        if before[i : i + 2] not in prefixes:
            continue
        hits = [
            w
            for k in lengths
            if len(w := before[i : i + k]) == k
            and w in rank
            and w.endswith(level)
            and (k > 2 or _opens_name(before, i, w))
        ]
        if hits:
            return min(hits, key=rank.__getitem__)
    return None


PLACE_BODIES = frozenset(
    {
        "监委",
        "人大常委会",
        "政协",
        "总工会",
        "妇联",
        "工商联",
        "科协",
        "文联",
        "残联",
        "政府",
        "人民政府",
        "人大",
        "团委",
        "武装部",
        "人武部",
        "派出所",
        "司法所",
        "财政所",
        "管委会",
        "村委会",
        "居委会",
        "办事处",
    }
)
"""Bodies of a place written alone after a title at its party or discipline committee
(东江县纪委书记、监委主任: 东江县监委; 市委常委、政府副市长: the city's government)."""
_COMMITTEES = ("党工委", "党总支", "党支部", "纪委", "党委", "委")
_NEIGHBOURHOOD_BODIES = {"村委会": ("村",), "居委会": ("社区", "居委"), "办事处": ("街道",)}
"""A village's, a community's or a subdistrict's own body, and the endings of the place it
serves (某街道党工委书记、办事处主任: 某街道办事处)."""
_ZONES = (
    "开发区",
    "经开区",
    "高新区",
    "新区",
    "园区",
    "工业园",
    "保税区",
    "试验区",
    "示范区",
    "自贸区",
)
"""Endings of a zone's name: its party working committee (党工委) and its 管委会 go together."""


def place_body(name: str, committee: str) -> str | None:
    """The full name of a place's body written alone right after a title at that place's
    committee in one chain.

    >>> place_body("监委", "东江县纪委"), place_body("政协", "中共东江县委"), place_body("监委", "东华大学纪委")
    ('东江县监委', '东江县政协', None)
    >>> place_body("武装部", "东华镇党委"), place_body("管委会", "东江经开区党工委")
    ('东华镇武装部', '东江经开区管委会')
    """
    if name not in PLACE_BODIES:
        return None
    region = committee.removeprefix("中国共产党").removeprefix("中共")
    for ending in _COMMITTEES:
        if region.endswith(ending):
            region = region[: -len(ending)]
            zone = name == "管委会" and region.endswith(_ZONES)
            village = region.endswith(_NEIGHBOURHOOD_BODIES.get(name, ()))  # 某村党总支, 村委会
            return region + name if is_place(region) or zone or village else None
    return None


_PARTY = ("中国共产党", "中共")
_PLACE_BODY_FORMS = (
    ("人民政府", ("人民政府", "政府", "")),  # and the place: 某县长 is the head of 某县
    ("政府", ("政府", "")),  # 香港特别行政区政府: its 行政长官 heads the region
    ("人大常委会", ("人大常委会",)),
    ("政协", ("政协",)),
)


def official_forms(key: str) -> tuple[str, ...]:
    """Other names of a place's party committee or government: the party's full and short
    forms, and the forms without the higher region (商丘市梁园区委 is also 梁园区委).

    >>> official_forms("东江市临川区委")
    ('中共东江市临川区委', '中国共产党东江市临川区委员会', '临川区委', '中共临川区委')
    >>> official_forms("东江市人民政府"), official_forms("东江大学")
    (('东江市政府', '东江市'), ())
    >>> official_forms("澳门特区政府"), official_forms("团市委"), official_forms("团风县委")[0]
    (('澳门特区', '澳门特别行政区政府', '澳门特别行政区'), (), '中共团风县委')
    """
    body = key
    for prefix in _PARTY:
        body = body.removeprefix(prefix)
    inner = body[1:-1]  # 团 + 市 + 委, 团 + 某县 + 委: the youth league's, not 团风县委
    league = body.startswith("共青团") or (
        body[:1] == "团" and (inner in "省市县区" or is_place(inner))
    )
    if body.endswith("委") and not body.endswith("委员会") and is_place(body[:-1]) and not league:
        region = body[:-1]
        forms = [f"中共{region}委", f"中国共产党{region}委员会"]
        if low := _lowest(region):
            forms += [f"{low}委", f"中共{low}委"]
        return tuple(f for f in forms if f != key)
    for ending, written in _PLACE_BODY_FORMS:
        region = key.removesuffix(ending)
        if region != key and is_place(region):
            forms = [region + w for w in written]
            if low := _lowest(region):
                forms += [low + w for w in written]
            if region.endswith("特区"):  # 澳门特区政府: the 澳门特别行政区's
                forms += [region[:-2] + "特别行政区" + w for w in written]
            return tuple(f for f in forms if f != key)
    return ()


def _lowest(region: str) -> str | None:
    """The lower region of a region written with its higher one (东江市临川区 -> 临川区), or
    with a province's short name (四川甘孜州 -> 甘孜州).

    >>> _lowest("四川甘孜州"), _lowest("东江市临川区"), _lowest("四川省")
    ('甘孜州', '临川区', None)
    """
    for i in range(2, len(region) - 1):
        head, tail = region[:i], region[i:]
        higher = (head[-1] in _LEVEL_CHARS + "盟" and is_place(head)) or listed_region(head + "省")
        if higher and is_place(tail) and len(tail) > 2:
            return tail
    return None


def without_names(text: str, people: tuple[Piece, ...]) -> str:
    """``text`` with the people's names blanked out (高兴平 names no 兴平市)."""
    if not people:
        return text
    chars = list(text)
    for p in people:
        chars[p.start : p.end] = " " * (p.end - p.start)
    return "".join(chars)
