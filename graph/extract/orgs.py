"""Organisation names anchored on a region or an administrative prefix (市委组织部, 某某市总工会).

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "会议由市总工会主办，在市委党校三分校举行。"))
>>> [p.text for p in region_orgs(seg)]
['市总工会', '市委党校三分校']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cache

from graph.extract.names import Piece
from graph.extract.orgnames import org_suffix_of
from graph.resources import load_ordered
from graph.text.segment import FUNCTION_TAGS, word_tags
from graph.types import Segmented

# administrative prefixes of names whose region is left to the context (市委组织部, 区总工会)
LEVEL_PREFIXES = ("市委", "区委", "县委", "省委", "州委", "市", "区", "县", "省", "州")
NATIONAL_PREFIXES = ("中共", "中央", "全国", "国家", "中国", "国务院")
PARTY_PREFIXES = ("民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟")
"""The democratic parties' short names, which open the names of their committees (民进某市委)."""
LEVELS = ("自治区", "特别行政区", "省", "市", "区", "县", "州")
_GLUE = frozenset("由在和与及对向从将把被经为据是让请给跟同")
_BOUNDARY = frozenset("，,。.！!？?；;：:、“”\"‘’'（）()《》【】[]□■●◆…·|/\\\t　 \n\r")
_MAX_LEN = 30
_INSIDE_STOP_TAGS = FUNCTION_TAGS | {"v", "d", "f", "t", "role"}


@cache
def regions() -> dict[str, str]:
    """Region name -> parent region ('' when unknown), from the packaged gazetteer."""
    out: dict[str, str] = {}
    from graph.resources import resource_text

    for line in resource_text("regions.txt").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line:
            name, _, parent = line.partition("\t")
            out[name.strip()] = parent.strip()
    return out


@cache
def region_parents() -> dict[str, tuple[str, str]]:
    """Division name -> (prefecture, province), '' where there is none (句容市: 镇江市,
    江苏省; 仙桃市: '', 湖北省), from the packaged list."""
    from graph.resources import resource_text

    out: dict[str, tuple[str, str]] = {}
    for line in resource_text("region_parents.txt").splitlines():
        if line and not line.startswith("#"):
            name, prefecture, province = line.split("\t")
            out[name] = (prefecture, province)
    return out


def region_stem(name: str) -> str:
    """A region name without its level word (北京市 -> 北京); names of 2 characters stay whole.

    >>> region_stem("某某自治区"), region_stem("某市")
    ('某某', '某市')
    """
    for level in LEVELS:
        if name.endswith(level) and len(name) - len(level) >= 2:
            return name[: -len(level)]
    return name


WORD_STEMS = frozenset(
    {"合作", "东方", "新民", "灯塔", "天长", "来宾", "安康", "大安", "永安", "开平"}
)
"""Cities whose names without 市 are common words (祝您安康, 东方): such a word alone is no
mention of the city (graph.extract.elision counts a city's stem as one)."""


def counted_stem(name: str) -> str:
    """The stem of a city or an autonomous prefecture that counts as a mention of it ('' when
    none: another kind of region, or a stem that is a common word or another region's).

    >>> counted_stem("苏州市"), counted_stem("安康市"), counted_stem("平利县")
    ('苏州', '', '')
    >>> counted_stem("迪庆藏族自治州"), counted_stem("海南藏族自治州")
    ('迪庆', '')
    """
    if name.endswith("自治州"):
        m = _ETHNONYM.search(name)
        stem = name[: m.start()] if m and m.start() >= 2 else name
        if f"{stem}省" in regions() or f"{stem}市" in regions():
            return ""  # 海南 of 海南藏族自治州 is the province's
    else:
        stem = region_stem(name) if name.endswith("市") else name
    return "" if stem == name or stem in WORD_STEMS else stem


_ETHNONYM = re.compile(
    "(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜"
    "|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒"
    "|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族?(?=.*自治州$)"
)
"""The 56 nationalities, which name an autonomous prefecture after its place (迪庆 + 藏族自治州)."""


@cache
def _starters() -> tuple[str, ...]:
    names = set(regions())
    names |= {region_stem(n) for n in names}
    names |= set(LEVEL_PREFIXES) | set(NATIONAL_PREFIXES) | set(PARTY_PREFIXES)
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _starter_index() -> tuple[frozenset[str], tuple[int, ...]]:
    """The starters as a set, and their distinct lengths (set lookups replace ~1,200 scans)."""
    starters = _starters()
    return frozenset(starters), tuple(sorted({len(s) for s in starters}))


@cache
def _multi_suffixes() -> tuple[str, ...]:
    return tuple(s for s in load_ordered("org_suffixes") if len(s) >= 2)


@cache
def _suffix_index() -> tuple[frozenset[str], tuple[int, ...], frozenset[str]]:
    """Multi-character suffixes as a set, their lengths, and their last characters."""
    suffixes = _multi_suffixes()
    lengths = tuple(sorted({len(s) for s in suffixes}))
    return frozenset(suffixes), lengths, frozenset(s[-1] for s in suffixes)


def starts_org(text: str, pos: int) -> bool:
    """Whether a region, a national or party prefix, or a zone's name opens a name at ``pos``."""
    names, lengths = _starter_index()
    if any(text[pos : pos + k] in names for k in lengths if pos + k <= len(text)):
        return True
    return _ZONE.match(text, pos) is not None


_ZONE = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:高新技术产业开发区|经济技术开发区|高新区|开发区|经开区|保税区"
    r"|工业园区|产业园区|新区)"
)
"""A development zone's name (紫竹高新区), which opens the names of its bodies as a region's
does (紫竹高新区团委, 某某开发区管委会)."""


def _ends_with_suffix(text: str, end: int) -> bool:
    """``text[:end]`` ends with a multi-character organisation suffix."""
    suffixes, lengths, last_chars = _suffix_index()
    if not 0 < end <= len(text) or text[end - 1] not in last_chars:
        return False
    return any(text[end - k : end] in suffixes for k in lengths if k <= end)


def without_people(orgs: tuple[Piece, ...], people: Iterable[Piece]) -> tuple[Piece, ...]:
    """``orgs`` less the candidates that hold a person's name: a headline read from a place to
    an ending (某大学 + 某某书记调研 + 某学院) names no organisation.

    >>> orgs = (Piece(0, 14, "东华大学张振华书记调研环境学院"), Piece(0, 4, "东华大学"))
    >>> [p.text for p in without_people(orgs, [Piece(4, 7, "张振华")])]
    ['东华大学']
    """
    spans = [(p.start, p.end) for p in people]
    return tuple(o for o in orgs if not any(o.start <= a and b <= o.end for a, b in spans))


def region_orgs(seg: Segmented) -> tuple[Piece, ...]:
    """Organisation names that begin with a region or an administrative prefix."""
    text = seg.doc.text
    tags = word_tags()
    last = _suffix_index()[2]
    # token ends (increasing: tokens tile the text) right after an organisation suffix
    token_ends = [
        t.end for t in seg.tokens if text[t.end - 1] in last and _ends_with_suffix(text, t.end)
    ]
    stops = [t for t in seg.tokens if tags.get(t.text, "x") in _INSIDE_STOP_TAGS]
    after_word = {t.end for t in stops}
    stop_starts = [t.start for t in stops]
    stop_ends = [t.end for t in stops]
    out: list[Piece] = []
    for sentence in seg.sentences:
        lo = bisect.bisect_left(token_ends, sentence.start + 2)
        hi = bisect.bisect_right(token_ends, sentence.end)
        for end in token_ends[lo:hi]:
            for start in _candidate_starts(text, sentence.start, end, after_word):
                if org_suffix_of(text[start:end]) and _no_stop_inside(
                    stop_starts, stop_ends, start, end
                ):
                    out.append(Piece(start, end, text[start:end]))
                    break
    return tuple(_drop_nested(out))


def _candidate_starts(text: str, lower: int, end: int, after_word: set[int]) -> list[int]:
    """Possible starts of a name ending at ``end``, leftmost first."""
    out = []
    i = end - 2
    while i >= max(lower, end - _MAX_LEN):
        if text[i] in _BOUNDARY:
            break
        before = text[i - 1] if i > lower else ""
        free = not before or before in _BOUNDARY or before in _GLUE or i in after_word
        if free and starts_org(text, i):
            out.append(i)
        i -= 1
    return out[::-1]


def _no_stop_inside(stop_starts: list[int], stop_ends: list[int], start: int, end: int) -> bool:
    """No verb or function word inside the name (its first token may carry a glued 由/在).

    Stop tokens are sorted and do not overlap, so only the first one starting after ``start``
    can lie inside ``[start, end)``.
    """
    i = bisect.bisect_right(stop_starts, start)
    return i == len(stop_starts) or stop_ends[i] > end


def _drop_nested(pieces: list[Piece]) -> list[Piece]:
    """Keep the longest of overlapping names (市委党校三分校 over 市委党校)."""
    ordered = sorted(pieces, key=lambda p: (p.start, -(p.end - p.start)))
    out: list[Piece] = []
    for p in ordered:
        if out and p.start < out[-1].end:
            if p.end - p.start > out[-1].end - out[-1].start:
                out[-1] = p
            continue
        out.append(p)
    return out
