"""Parents read off names: a branch's head organisation, a district body's city body.

>>> branch_parent("某某有限公司东区分公司")
'某某有限公司'
"""

from __future__ import annotations

from functools import cache

from graph.extract.orgs import regions
from graph.types import EntityRef

_BRANCH_SUFFIXES = ("分公司", "分行", "支行", "分校", "分院", "分局", "分会", "分社")


def branch_parent(name: str) -> str | None:
    """The head organisation a branch name starts with (某某有限公司某地分公司 -> 某某有限公司)."""
    if not name.endswith(_BRANCH_SUFFIXES):
        return None
    for suffix in ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "银行", "大学"):
        i = name.rfind(suffix, 0, len(name) - 3)
        if i > 1:
            return name[: i + len(suffix)]
    return None


@cache
def _districts() -> tuple[tuple[str, str], ...]:
    """(region, parent) of the regions listed with a parent, in gazetteer order."""
    return tuple((region, parent) for region, parent in regions().items() if parent)


def upper_level(name: str, orgs: dict[str, EntityRef]) -> EntityRef | None:
    """区X ⊂ 市X when the district lies in that city and 市X is named in the document."""
    for region, parent in _districts():
        if name.startswith(region) and len(name) > len(region):
            upper = parent + name[len(region) :]
            if upper in orgs:
                return orgs[upper]
    return None
