"""Organisation names before a title: whether a name ends like one (its suffix, a company's
ending, a region in brackets), and the departments, faculties and modifiers around it.  Where
a name starts (what the candidate carries before it) is graph.extract.orglead.

>>> org_suffix_of("某某大学"), company_suffix("某某药业")
('大学', True)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from graph.extract.places import deictic_kind, is_place
from graph.resources import load_lexicon, load_ordered
from graph.text.segment import word_tags

UNITS_NAMED_ALONE = (
    "办公室", "办公厅", "研究室", "秘书处", "政治部", "机关党委", "提案委员会", "提案委", "文史委",
)  # fmt: skip
"""Units a list or a chain names alone after a title at their organisation (X副主任A、
办公室主任B; X部新闻发言人、办公厅副主任C; 市政协常委、提案委主任D): units of that
organisation."""


@cache
def _org_suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon("org_suffixes"), key=len, reverse=True))


@cache
def _places() -> frozenset[str]:
    """Region names and their short forms (保定市, 保定): never cut out of a name."""
    names = load_lexicon("regions")
    return names | {n[:-1] for n in names if len(n) >= 3 and n[-1] in "省市区县州"}


@cache
def _company_suffixes() -> tuple[str, ...]:
    """Company-name endings trusted only right before a title and a name (某某药业董事长…)."""
    return tuple(load_ordered("company_suffixes"))


@cache
def _suffix_index() -> tuple[tuple[int, ...], frozenset[str]]:
    suffixes = _org_suffixes()
    return tuple(sorted({len(s) for s in suffixes}, reverse=True)), frozenset(suffixes)


def org_suffix_of(name: str) -> str | None:
    """The longest organisation suffix ``name`` ends with (news names like 本报 and national
    bodies' short names like 全国妇联 count too).

    >>> org_suffix_of("某某大学"), org_suffix_of("全国妇联")
    ('大学', '全国妇联')
    """
    if name in load_lexicon("news_orgs") or name in load_lexicon("national_orgs"):
        return name
    lengths, suffixes = _suffix_index()
    for k in lengths:
        if k < len(name) and name[-k:] in suffixes:
            return name[-k:]
    return None


_SECOND_NAME = re.compile(r"[（(](?!以下|简称|下称)([\u4e00-\u9fff]{2,16})[）)]$")


def second_name_after(name: str) -> bool:
    """Whether ``name`` is an organisation's name followed by its second name in brackets
    (某博物馆（某纪念馆）, 某司（科技司）).

    >>> second_name_after("东华博物馆（东华纪念馆）"), second_name_after("东华博物馆（摄影）")
    (True, False)
    """
    second = _SECOND_NAME.search(name)
    return (
        second is not None
        and second.start() > 1
        and org_suffix_of(second[1]) is not None
        and (
            org_suffix_of(name[: second.start()]) is not None
            or name[second.start() - 1] in _ONE_CHARACTER_ENDINGS  # 某贸促会（国际商会）
        )
    )


_ONE_CHARACTER_ENDINGS = frozenset("会局院所委办部厅处司馆校")


_MAX_BRAND = 8
_NOT_IN_BRAND = frozenset("了的在与和及对向从为是把被将由等")
"""Function characters a brand before ``（region）`` does not hold (会见了 + 某某（上海）…)."""
_MAX_FORM_BRAND = 10
_FORM_ASIDES = frozenset({"集团", "控股", "股份"})
_AREAS = frozenset({"中国", "香港", "澳门", "台湾", "亚洲", "亚太", "国际", "全球", "大中华"})
"""Areas a company's name may give in brackets (某保险（中国）有限公司), besides regions: only
before a company form (a person's 林某（香港） is no company's)."""
_COMPANY_AFTER_AREA = ("有限", "股份", "集团", "控股", "公司", "投资", "保险", "银行", "实业")


def region_aside(text: str, close: int, lower: int) -> int | None:
    """Where the brand before ``（region）`` closing at ``close`` starts (at most eight
    characters, no function character: 某某（上海）体育发展有限公司, 某某人寿保险（亚洲）有限公司),
    or before a group form (某某航空（集团）有限公司, at most ten), when there is one; leading
    verbs are left to the chain (graph.extract.orglead.trim_leading)."""
    opened = max(text.rfind("（", lower, close), text.rfind("(", lower, close))
    if opened <= lower or close - opened > 6:
        return None
    inner = text[opened + 1 : close]
    form = inner in _FORM_ASIDES  # 某某（集团）有限公司: the group form, not a region
    area = inner in _AREAS and text.startswith(_COMPANY_AFTER_AREA, close + 1)
    if not form and not area and inner not in _places() and not is_place(inner):
        return None
    longest = _MAX_FORM_BRAND if form else _MAX_BRAND
    brand = opened
    while (
        brand > max(lower, opened - longest)
        and "\u4e00" <= text[brand - 1] <= "\u9fff"
        and text[brand - 1] not in _NOT_IN_BRAND
    ):
        brand -= 1
    for k in range(opened - 1, brand, -1):
        if org_suffix_of(text[brand:k]) is not None:
            brand = k  # 运营公司跑友（上海）…: the brand starts after the name before it
            break
    return brand if brand < opened else None


_OUTLET_ENDINGS = ("报", "网", "台", "社", "刊", "讯")


def short_name_aside(text: str, close: int, lower: int) -> int | None:
    """Where ``（short name）`` closing at ``close`` opens, when it gives the short name (two
    to six characters, no organisation ending) of the organisation right before it
    (东华大学（东大）校长: the university, then its short name).

    >>> t = "东华数码港管理有限公司（数码港）总裁"
    >>> short_name_aside(t, t.index("）"), 0), short_name_aside("某某（上海）", 5, 0)
    (11, None)
    """
    opened = max(text.rfind("（", lower, close), text.rfind("(", lower, close))
    if opened <= lower or not 2 <= close - opened - 1 <= 6:
        return None
    inner = text[opened + 1 : close]
    if not all("\u4e00" <= ch <= "\u9fff" for ch in inner) or org_suffix_of(inner) is not None:
        return None
    if is_place(inner) or inner in _places() or inner in _FORM_ASIDES:
        return None
    if inner.endswith(_OUTLET_ENDINGS):
        return None  # 某网（某都市报）: the paper a portal carries, not the portal's short name
    before = "".join(text[max(lower, opened - 30) : opened].split())
    return opened if org_suffix_of(before) is not None else None


FULL_ENDINGS = ("公司", "集团", "股份", "大学", "学院", "医院", "银行", "研究院", "研究所")
"""Endings written after a short name elsewhere in the article (某电 … 某电公司)."""
MAX_SHORT_NAME = 4


def written_in_full(text: str, start: int, end: int) -> bool:
    """Whether the article also writes ``text[start:end]`` with an organisation ending.

    >>> written_in_full("东电董事长到东电公司视察", 0, 2), written_in_full("东电董事长", 0, 2)
    (True, False)
    """
    name = text[start:end]
    return bool(name) and any(name + ending in text for ending in FULL_ENDINGS)


_DEPARTMENT = "科"
_MAX_DEPARTMENT = 6


def is_department(name: str, at: int) -> bool:
    """Whether ``name[at:]`` is a hospital department (呼吸内科, 胸外科, 介入科) of the
    organisation or pointing word before it (某某医院, 我院): a verb starting a department's
    name (呼吸, 消化, 介入) does not start the organisation's name.

    >>> is_department("东江市人民医院呼吸内科", 7), is_department("东江市人民医院", 2)
    (True, False)
    """
    head, tail = name[:at], name[at:]
    return (
        0 < len(tail) <= _MAX_DEPARTMENT
        and tail.endswith(_DEPARTMENT)
        and (org_suffix_of(head) is not None or any(deictic_kind(head[-k:]) for k in (2, 3)))
    )


_NOT_DEPARTMENTS = ("学科", "本科", "专科", "预科", "工科", "理科", "文科", "百科")


def hospital_department(name: str, text: str) -> bool:
    """A department named alone (康复医学科, 心胸外科) in a text that names a hospital.

    >>> hospital_department("心胸外科", "某某医院心内科主任"), hospital_department("心胸外科", "某某大学")
    (True, False)
    """
    return (
        3 <= len(name) <= _MAX_DEPARTMENT + 1
        and name.endswith(_DEPARTMENT)
        and (not name.endswith(_NOT_DEPARTMENTS) or name.endswith("医学科"))
        and all("\u4e00" <= ch <= "\u9fff" for ch in name)
        and ("医院" in text or "卫生院" in text)
    )


_MAX_VERB_DEPARTMENT = 5


def department_from(text: str, at: int, end: int) -> bool:
    """A department name starts at ``at`` (推拿科, 康复医学科 before 科主任): a verb there is
    not cut off."""
    name = text[at : end + (text[end : end + 1] == _DEPARTMENT)]
    return len(name) <= _MAX_VERB_DEPARTMENT and hospital_department(name, text)


def department_of(name: str) -> int | None:
    """Where the hospital department ending ``name`` starts (某某医院胸外科 -> at 胸外科)."""
    for k in range(2, _MAX_DEPARTMENT + 1):
        if len(name) > k and is_department(name, len(name) - k):
            return len(name) - k
    return None


_FACULTY = "系"
_FACULTY_SEATS = ("大学", "学院")


def faculty_of(name: str) -> int | None:
    """Where the department of a university ending ``name`` starts (某某大学金融系 -> at 金融系):
    two to five characters ending in 系 after a name ending in 大学 or 学院.

    >>> faculty_of("东华大学经济学院金融系"), faculty_of("金融系"), faculty_of("东华大学体系")
    (8, None, None)
    """
    for k in range(3, 6):
        head, tail = name[:-k], name[-k:]
        if (
            len(name) > k
            and tail.endswith(_FACULTY)
            and head.endswith(_FACULTY_SEATS)
            and org_suffix_of(head) is not None
            and all("\u4e00" <= ch <= "\u9fff" for ch in tail)
        ):
            return len(name) - k
    return None


_CLAUSE_VERBS = (  # a host's, a receiving, a sending or a listing verb
    "欢迎",
    "会见",
    "接见",
    "陪同",
    "宴请",
    "设宴",
    "看望",
    "慰问",
    "会晤",
    "迎接",
    "接待",
    "收到",
    "获悉",
    "聘任",
    "聘请",
    "任命",
    "同意",
    "派出",
    "派遣",
    "委派",
    "选派",
    "推选",
    "推举",
    "选举",
    "包括",
)


def _clause_words_in(modifier: str) -> bool:
    """Whether the words before a title are the clause's, not the title's: a host's, a
    receiving or a sending verb (设宴欢迎, 收到, 派出) or a time word of the dictionary (近日, 日前, 今年)."""
    if any(verb in modifier for verb in _CLAUSE_VERBS):
        return True
    tags = word_tags()
    return any(tags.get(modifier[i : i + 2]) == "t" for i in range(len(modifier) - 1))


def role_modifier(text: str, start: int, end: int) -> int | None:
    """Where a title's modifier (营销, 高级策划, 行政; a department, 心血管内科) starts, when the
    name before it ends like an organisation and the modifier, one to four characters (a
    department up to six), does not."""
    for k in range(1, _MAX_DEPARTMENT + 1):
        at = end - k
        if at - start < 2:
            break
        head, modifier = "".join(text[start:at].split()), text[at:end]
        if not all("\u4e00" <= ch <= "\u9fff" for ch in modifier) or org_suffix_of(modifier):
            break
        if _clause_words_in(modifier):
            break  # 在某总部 + 设宴欢迎 + 国务委员A, 董事会 + 近日收到 + 副行长: not the title's
        if head.endswith("委") and modifier.startswith("会"):
            break  # 民进某省委会 + 主委: a party's committee (委会), not 省委 + 会主委
        if k > 4 and not modifier.endswith(_DEPARTMENT):
            continue
        if org_suffix_of(head) is not None or head.endswith(_company_suffixes()):
            return at
    return None


def modifier_after_known_name(
    text: str, start: int, end: int, known_org: Callable[[int, int], int | None]
) -> tuple[int, int] | None:
    """``(org start, modifier start)`` when ``text[start:end]`` is a name without a suffix that
    ``known_org`` confirms (the mention model's ORG), then a title's modifier of one to four
    characters (某某 + 创意 + 总监), the shortest modifier first; else None."""
    for k in range(1, 5):
        at = end - k
        if at - start < 2:
            break
        modifier = text[at:end]
        if not all("\u4e00" <= ch <= "\u9fff" for ch in modifier) or org_suffix_of(modifier):
            break
        if _clause_words_in(modifier):
            break  # 某公司董事会 + 近日收到 + 副行长: the clause's words, not the title's
        found = known_org(start, at)
        if found is not None:
            return found, at
    return None


def company_suffix(name: str) -> bool:
    """Whether ``name`` ends with a company-name ending (某某药业)."""
    return name.endswith(_company_suffixes())


def places() -> frozenset[str]:
    """Region names and their short forms (保定市, 保定)."""
    return _places()


def org_suffixes() -> tuple[str, ...]:
    """Organisation endings, longest first."""
    return _org_suffixes()


_PAPER_TITLES = frozenset(
    {"社长", "副社长", "总编辑", "副总编辑", "主编", "副主编", "董事长", "总经理", "记者"}
)


def paper_with_its_title(name: str, role: str) -> bool:
    """A newspaper named 某某报 without 日报 or 晚报 (东江青报, 东江导报), confirmed by a title a
    paper has (总编辑, 社长): two-character words ending in 报 (汇报, 简报) are too short."""
    return len(name) >= 3 and name.endswith("报") and role in _PAPER_TITLES
