"""Organisation names resolved for the titles of a chain: the ``OrgName`` of each name span,
and the departments and bodies a chain writes alone after a title at a committee or an
organisation (市委常委、宣传部部长: the 市委's 宣传部; 中共某州委书记A、组织部长B: the 州委's
组织部; 某部新闻发言人、办公厅副主任: the 部's 办公厅), named also as written under the committee.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.extract.elision import official_forms, place_body
from graph.extract.orgforms import mission_name
from graph.extract.orgnames import UNITS_NAMED_ALONE
from graph.extract.places import is_place
from graph.extract.rules import TitleChain


@dataclass(frozen=True, slots=True)
class OrgName:
    """A resolved organisation name: canonical key and label, and the rule that made it."""

    key: str
    label: str
    surface: str
    rule: str
    aliases: tuple[str, ...] = ()  # other names a reader writes (省委宣传部 of 东江省委宣传部)


@dataclass(frozen=True, slots=True)
class Committee:
    """The party committee a chain names before a department's title: its key and its name as
    written (东江省委 and 省委 of 省委常委、宣传部部长)."""

    key: str
    surface: str

    def department_forms(self, department: str) -> tuple[str, ...]:
        """The department's other names: as written under the committee, and under each of the
        committee's official names (省委宣传部, 中共东江省委宣传部)."""
        forms = (self.surface, *official_forms(self.key))
        return tuple(dict.fromkeys(f + department for f in forms))


_PARTY_BODIES = frozenset({"党委", "党工委"})
"""Party committees a chain may name without their owner before a department's title."""


def chain_departments(
    text: str, chains: tuple[TitleChain, ...], resolved: dict[tuple[int, int], OrgName]
) -> None:
    """Departments and bodies written alone after a title at a committee or an organisation:
    in the same chain (市委常委、宣传部部长), or in the next item of a list (中共某州委书记A、
    组织部长B: the 州委's 组织部)."""
    listed: tuple[int, Committee] | None = None  # the last chain's committee, after its name
    for chain in chains:
        committee = None
        # only a department of the list's committee: 中共某州委书记A、组织部长B
        carried = listed[1] if listed and text[listed[0] : chain.span.start] == "、" else None
        for e in chain.elements:
            if e.org is None:
                if e.body is not None and e.body.text in _PARTY_BODIES:
                    committee = Committee(e.body.text, e.body.text)  # 党委常委、组织部部长
                continue
            where = (e.org.start, e.org.end)
            o = resolved[where]
            if renamed := _in_committee(o, e.role.text, committee) or _department_of(o, carried):
                resolved[where] = renamed
            carried = None
            body = e.body.text if e.body else ""
            committee = Committee(o.key + body, o.surface + body)
        listed = (chain.person.end, committee) if committee else None


def _department_of(o: OrgName, committee: Committee | None) -> OrgName | None:
    """``o`` as ``committee``'s department, if it is one written alone (组织部)."""
    dept = committee_department(o.surface, committee.key) if committee else None
    if committee is None or dept is None:
        return None
    return OrgName(dept, dept, o.surface, "committee:list", committee.department_forms(o.surface))


def _in_committee(o: OrgName, role: str, committee: Committee | None) -> OrgName | None:
    """The full name of ``o``, written alone after a title at ``committee`` (or a mission's
    name), if it is the committee's department or its place's body."""
    if mission := mission_name(o.surface, role):
        # the posting as written, without the words before the country (…代表 + 某国驻华)
        posting = next(
            (o.surface[k:] for k in range(len(o.surface)) if mission.startswith(o.surface[k:])),
            o.surface,
        )
        return OrgName(mission, mission, o.surface, "mission", (posting,))
    if committee is None:
        return None
    if dept := committee_department(o.surface, committee.key):
        forms = committee.department_forms(o.surface)
        return OrgName(dept, dept, o.surface, "committee:chain", forms)
    if body := place_body(o.surface, committee.key):
        return OrgName(body, body, o.surface, "committee:place-body")
    if o.key == o.surface and (dept := region_department(o.surface, committee.key)):
        return OrgName(dept, dept, o.surface, "region:chain")
    if o.surface in UNITS_NAMED_ALONE and o.key == o.surface:
        unit = committee.key + o.surface  # 公安部新闻发言人、办公厅副主任: 公安部办公厅
        return OrgName(unit, unit, o.surface, "chain:unit")
    return None


_COMMITTEE_DEPARTMENTS = frozenset(
    {"宣传部", "组织部", "统战部", "政法委", "政研室", "办公室", "秘书处", "教育工作委员会"}
)
"""Departments of a party committee written alone after its 常委 (市委常委、宣传部部长)."""


def committee_department(name: str, committee: str) -> str | None:
    """The full name of a party committee's department written alone right after a title at
    that committee in one chain (东江市委常委、宣传部部长: 宣传部 is 东江市委宣传部).

    >>> committee_department("宣传部", "东江市委"), committee_department("宣传部", "东江大学")
    ('东江市委宣传部', None)
    >>> committee_department("组织部", "中共东江市委")  # one key however the committee is named
    '东江市委组织部'
    """
    if name not in _COMMITTEE_DEPARTMENTS or not committee.endswith("委") or len(committee) < 2:
        return None
    for prefix in ("中国共产党", "中共"):
        committee = committee.removeprefix(prefix)
    return committee + name


_GOVERNING = ("人民政府", "政府", "纪委", "委")


def region_department(name: str, held: str) -> str | None:
    """The full name of a government department written without its region right after a
    title at that region (湖州市副市长、公安局长: 公安局 is 湖州市公安局).

    >>> region_department("公安局", "湖州市"), region_department("教育局", "中共湖州市委")
    ('湖州市公安局', '湖州市教育局')
    >>> region_department("公安局", "东华大学"), region_department("总公司", "湖州市")
    (None, None)
    """
    if not 2 < len(name) <= 6 or not name.endswith(("局", "厅", "委", "办")):
        return None
    if name[0] in "市区县省州" or is_place(name[:2]) or is_place(name[:3]):
        return None
    region = held.removeprefix("中国共产党").removeprefix("中共")
    if not is_place(region):
        region = next((region.removesuffix(g) for g in _GOVERNING if region.endswith(g)), "")
    return region + name if len(region) > 1 and is_place(region) else None


__all__ = ["Committee", "OrgName", "chain_departments", "committee_department", "region_department"]
