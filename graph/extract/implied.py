"""Organisations a title is at when the text does not name one next to it.

- A deputy or acting title without an organisation (``副主任刘东辉``) is at the organisation where
  the document last stated that title or a degree of it (``省人大常委会副主任马淑洁``).

>>> role_base("副主任")
'主任'
"""

from __future__ import annotations

from collections import defaultdict

from graph.extract.rules import TitleChain

_ROLE_PREFIXES = ("常务副", "代理", "副", "代", "执行")


def role_base(role: str) -> str:
    """The title a deputy or acting title is a degree of (副主任 -> 主任, 代理市长 -> 市长).

    >>> role_base("常务副校长"), role_base("代理省长"), role_base("秘书长")
    ('校长', '省长', '秘书长')
    """
    for prefix in _ROLE_PREFIXES:
        if role.startswith(prefix) and len(role) > len(prefix) + 1:
            return role[len(prefix) :]
    return role


def orgs_by_role(
    chains: tuple[TitleChain, ...],
    base_of_chain: list[list[str | None]],
    people_at: dict[str, set[str]],
) -> None:
    """A title written without an organisation (副主任刘东辉) is at the organisation where the
    document last stated that title or a degree of it (主任, 副主任) before; failing that, at
    the one organisation where it states it later."""
    where: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for chain, keys in zip(chains, base_of_chain, strict=True):
        for e, key in zip(chain.elements, keys, strict=True):
            if key is not None and e.body is None:
                where[role_base(e.role.text)].append((e.role.start, key))
    for chain, keys in zip(chains, base_of_chain, strict=True):
        for i, (e, key) in enumerate(zip(chain.elements, keys, strict=True)):
            if key is not None or e.body is not None:
                continue
            stated = where.get(role_base(e.role.text), [])
            before = [(at, k) for at, k in stated if at < e.role.start]
            later = {k for at, k in stated if at > e.role.start}
            if before:
                keys[i] = max(before)[1]
            elif len(later) == 1:
                keys[i] = next(iter(later))
            if keys[i] is not None:
                people_at[str(keys[i])].add(chain.person.text)
