"""Regions a text names without the gazetteer's full name: a township or county the list
lacks, named before an organisation word (东岭县委), and a county or district named only by its
stem (清徐要闻). The document's dominant regions (graph.extract.elision) fall back on them."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from graph.extract.orgs import regions
from graph.extract.places import is_place
from graph.text.segment import word_tags

_NOT_PLACE_TAGS = frozenset({"v", "vn", "d", "ad", "p", "c"})
"""Dictionary tags of words that are no place's name (组织 + 市政协); nouns may be (青松市)."""

_LEVEL_CHARS = frozenset("省市州县区旗乡镇")
_FUNCTION_CHARS = frozenset("的了我本该此其各全每这那之")
_UNLISTED = re.compile(
    r"(?:^|(?<=[\s，,。、；;：:“（(《由在到来赴于与和及共省市州县区旗]))"
    r"([\u4e00-\u9fff]{2}(?:[\u4e00-\u9fff]{1,3}族){0,2}[市区县镇乡]|[\u4e00-\u9fff]{3}[镇乡])"
    r"(?=委|党委|党工委|人民|政府|人大|政协|总工会|纪委|法院|检察院|公安局|召开|举行|举办|第|调研"
    r"|视察|考察|领导|开展|[\u4e00-\u9fff]{1,3}局|[\u4e00-\u9fff]{2,3}村|长[\u4e00-\u9fff]{2,3}[，,。、])",
    re.MULTILINE,
)


def unlisted_regions(text: str) -> dict[str, str]:
    """Per level, the region the gazetteer does not know that the text names most often at
    the start of a clause before an organisation word (东岭县委, 东岭县召开…).

    >>> unlisted_regions("东岭县召开会议\\n会上，东岭县委书记讲话。全县人民。")
    {'县': '东岭县'}
    >>> unlisted_regions("考察团组织市政协委员视察。")
    {}
    >>> unlisted_regions("西山县东岭乡第十届人民代表大会，中共西岭土家族乡第八次党代会")
    {'乡': '东岭乡'}
    """
    tags = word_tags()
    counts: Counter[str] = Counter(
        m[1]
        for m in _UNLISTED.finditer(text)
        if is_place(m[1])
        and m[1] not in regions()
        and tags.get(m[1][:-1]) not in _NOT_PLACE_TAGS
        and m[1][0] not in _LEVEL_CHARS  # 市 + 县乡镇: levels, no place (三市镇 is one)
        and not _FUNCTION_CHARS.intersection(m[1][:2])  # 境内的县, 来我县: no name
    )
    out: dict[str, str] = {}
    for name, _ in counts.most_common():
        out.setdefault(name[-1], name)
    return out


@cache
def _stems() -> dict[str, dict[str, str]]:
    """Per level (县, 区), the unique stems (``_unique_stems``) that the dictionary knows as no
    common word (清徐 of 清徐县; a place or a name at most: its tags are noisy)."""
    tags = word_tags()
    return {
        level: {s: n for s, n in named.items() if tags.get(s, "ns").startswith(("ns", "nr"))}
        for level, named in _unique_stems().items()
    }


@cache
def _unique_stems() -> dict[str, dict[str, str]]:
    """Per level (县, 区), the stems of three-character names that name one region only, whatever
    the dictionary tags them (an outlet's name before 新闻网 is no common word)."""
    seen: Counter[str] = Counter(n[:2] for n in regions() if len(n) == 3 and n[-1] in "县区")
    out: dict[str, dict[str, str]] = {"县": {}, "区": {}}
    for name in regions():
        if len(name) == 3 and name[-1] in out and seen[name[:2]] == 1:
            out[name[-1]][name[:2]] = name
    return out


_OUTLET = re.compile(r"\s*([\u4e00-\u9fff]{2})(?:新闻网|新闻|日报|电视台|融媒|发布|广播电视台)")


def named_by_stem(text: str, level: str) -> str | None:
    """The one county or district of ``level`` whose stem the text writes most often, when
    it writes no full name of that level (a copy that names its county only by its stem); a
    stem before 镇, 村 or 花园 names a township or an estate, not the county.

    >>> named_by_stem("清徐新闻网讯 县长到平遥镇、平遥村、平遥花园调研", "县")
    '清徐县'
    """
    outlet = _OUTLET.match(text)
    if outlet and (named := _unique_stems()[level].get(outlet[1])):
        return named  # 某某新闻网讯: the county's own outlet names it, whatever else the copy names
    stems = _stems()[level]
    counts = Counter(
        text[i : i + 2]
        for i in range(len(text) - 1)
        if text[i : i + 2] in stems
        and not text.startswith(_NAMED_AFTER, i + 2)
        and not _inside_word(text, i)
    )
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2)
    return stems[top] if not rest or rest[0][1] < n else None


def _inside_word(text: str, i: int) -> bool:
    """Whether the two characters at ``i`` are part of a longer word that names no place (热火
    + 朝天, not a county's stem)."""
    tags = word_tags()
    spans = ((i - 2, i + 2), (i - 1, i + 2), (i - 1, i + 3), (i, i + 3), (i, i + 4))
    return any(
        a >= 0 and b <= len(text) and not tags.get(text[a:b], "ns").startswith("ns")
        for a, b in spans
    )


_NAMED_AFTER = ("镇", "乡", "村", "街", "路", "花园", "小区", "广场", "公园")
"""What follows a county's stem when it names a township, a village or an estate after it."""
_LEVELS = "市县区"
_PLACE_NAME_TAGS = ("ns", "nr", "nz")


def without_word_before_level(name: str, doc_regions: dict[str, str]) -> str:
    """An elided name read with the words before it (落实 + 市委, 某某代表 + 市政府) as a place
    the gazetteer does not know: the elided name, when the document's region of that level is a
    known one and the word just before the level is a dictionary word that names no place.

    >>> without_word_before_level("代表市政府", {"市": "苏州市"})
    '市政府'
    >>> without_word_before_level("林晓峰落实市委", {"市": "苏州市"})
    '市委'
    >>> without_word_before_level("东华经济开发区管委会", {"区": "朝阳区"})
    '东华经济开发区管委会'
    >>> without_word_before_level("代表市政府", {})
    '代表市政府'
    """
    level = next((k for k in range(2, min(len(name) - 1, _MAX_BEFORE)) if name[k] in _LEVELS), 0)
    tags = word_tags()
    if not level or name[: level + 1] in regions():
        return name
    if name[level - 1 : level + 1] in tags or name[level - 2 : level + 1] in tags:
        return name  # 社区, 开发区, 超市: the level's character ends a word
    tag = tags.get(name[level - 2 : level])
    region = doc_regions.get(name[level], "")
    if tag is None or tag.startswith(_PLACE_NAME_TAGS) or region not in regions():
        return name
    return name[level:]


_MAX_BEFORE = 8


_AUTONOMOUS_REGIONS = {
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "新疆维吾尔自治区": "新疆",
    "内蒙古自治区": "内蒙古",
    "宁夏回族自治区": "宁夏",
}
"""The five autonomous regions and the short names the news gives them."""


def autonomous_region(text: str) -> str | None:
    """The autonomous region the text names most often, by its full or short name.

    >>> autonomous_region("广西经济社会发展。自治区主席出席。"), autonomous_region("东江市")
    ('广西壮族自治区', None)
    """
    counts = Counter({full: text.count(short) for full, short in _AUTONOMOUS_REGIONS.items()})
    (best, n), *_ = counts.most_common(1)
    return best if n else None
