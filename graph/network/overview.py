"""Communities and layout for the HTML view: who is drawn together, and where.

Every entity gets a community.  Seeds are taken in rank order (organisations first, then by
degree; documents last) and each grows a breadth-first ball of at most ``max_size`` entities
through entities not yet taken (never through a document, which would join everything it
mentions).  Communities smaller than ``min_size`` then join the neighbouring community they
share most edges with, when it has room; entities with no edge at all are grouped by kind.

The layout puts each community's members on a sunflower spiral around its seed and packs the
communities' discs apart (largest first, a spiral search for the first free place), so the
clusters of organisations stay visibly separate; a big page draws each community as one
super-node at its disc's centre and expands it in place.  Everything is O(nodes + edges) apart
from the packing (O(communities) per placement), and deterministic: graph order and ranks, never
hash order.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("o1", {"kind": "org"}), ("o2", {"kind": "org"})])
>>> _ = g.add_edges_from([("a", "o1"), ("b", "o1"), ("c", "o2"), ("d", "o2")])
>>> comm = communities(g, max_size=3, min_size=1)
>>> [[list(g)[i] for i in m] for m in comm.members]
[['o1', 'a', 'b'], ['o2', 'c', 'd']]
"""

from __future__ import annotations

import itertools
import math
import statistics
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import networkx as nx

from graph.network.source import Network, as_network

GOLDEN = math.pi * (3.0 - math.sqrt(5.0))
SPACING = 45.0  # canvas units between neighbouring members of a community
GAP = 2.0 * SPACING  # free space between two communities' discs


@dataclass(frozen=True, slots=True)
class Communities:
    """``of[i]``: the community of the ``i``-th node (graph order); ``members[c]``: its nodes,
    seed first, in breadth-first order (compact arrays: a big graph's page holds no Python
    object per node)."""

    of: array[int]
    members: list[array[int]]


class Neighbours(Sequence[Sequence[int]]):
    """Undirected neighbours of each node as sorted node numbers (graph order), no self: one
    array of all of them and one of where each node's start (compressed rows)."""

    def __init__(self, starts: array[int], found: array[int]) -> None:
        self._starts, self._found = starts, found

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, i: int) -> Sequence[int]:  # type: ignore[override]
        return self._found[self._starts[i] : self._starts[i + 1]]


def neighbour_lists(g: Network) -> Neighbours:
    """Undirected neighbours of each node, as sorted node numbers (graph order), no self.

    >>> import networkx as nx
    >>> adj = neighbour_lists(as_network(nx.MultiDiGraph([(0, 1), (1, 0), (1, 2), (2, 2)])))
    >>> [list(adj[i]) for i in range(len(adj))]
    [[1], [0, 2], [1]]
    """
    n = g.node_count()
    counts = array("q", bytes(8 * (n + 1)))
    for iu, iv in g.ends():
        if iu != iv:
            counts[iu + 1] += 1
            counts[iv + 1] += 1
    for i in range(n):
        counts[i + 1] += counts[i]
    found = array("i", bytes(4 * counts[n]))
    fill = array("q", counts[:n])
    for iu, iv in g.ends():
        if iu != iv:
            found[fill[iu]] = iv
            fill[iu] += 1
            found[fill[iv]] = iu
            fill[iv] += 1
    del fill
    starts = array("q", bytes(8 * (n + 1)))
    out = array("i")
    for i in range(n):
        row = found[counts[i] : counts[i + 1]]
        out.extend(sorted(set(row)) if len(row) > 1 else row)
        starts[i + 1] = len(out)
    return Neighbours(starts, out)


Adjacency = Sequence[Sequence[int]]


def _ranked(kinds: list[str], adj: Adjacency) -> array[int]:
    """Node numbers, organisations and the best connected first, documents last (ties in graph
    order); the keys packed in one integer each."""
    n = len(kinds)
    top = 2 * max((len(adj[i]) for i in range(n)), default=0)
    keys = array("q", bytes(8 * n))
    for i, kind in enumerate(kinds):
        degree = len(adj[i])
        weight = 2 * degree if kind == "org" else degree
        keys[i] = (((kind == "document") * (top + 1) + top - weight) << 32) | i
    keys = array("q", sorted(keys))
    return array("i", (k & 0xFFFFFFFF for k in keys))


def _grow(
    seed: int, c: int, of: array[int], adj: Adjacency, stop: bytearray, cap: int
) -> array[int]:
    """The breadth-first ball of at most ``cap`` free nodes around ``seed`` (marked ``c``)."""
    of[seed] = c
    group = array("i", [seed])
    k = 0
    while k < len(group) and len(group) < cap:
        u = group[k]
        k += 1
        if stop[u] and u != seed:
            continue
        for v in adj[u]:
            if of[v] < 0:
                of[v] = c
                group.append(v)
                if len(group) >= cap:
                    break
    return group


def _merge_small(
    members: list[array[int]],
    of: array[int],
    adj: Adjacency,
    *,
    min_size: int,
    max_size: int,
) -> list[array[int]]:
    """Small communities join the neighbour they share most edges with, if it has room."""
    for c, group in enumerate(members):
        if not group or len(group) >= min_size:
            continue
        links: dict[int, int] = {}
        for u in group:
            for v in adj[u]:
                if of[v] != c:
                    links[of[v]] = links.get(of[v], 0) + 1
        limit = max_size + max_size // 2  # a full neighbour still takes a fragment
        room = [(-n, d) for d, n in links.items() if len(members[d]) + len(group) <= limit]
        if not room:
            continue
        target = min(room)[1]
        for u in group:
            of[u] = target
        members[target].extend(group)
        members[c] = array("i")
    return [m for m in members if m]


def communities(graph: nx.MultiDiGraph | Network, *, max_size: int, min_size: int) -> Communities:
    """The communities of ``graph`` (see the module's docstring); sizes at most ``max_size``."""
    g = as_network(graph)
    kinds = g.kinds()
    adj = neighbour_lists(g)
    stop = bytearray(k == "document" for k in kinds)
    of = array("i", [-1]) * len(kinds)
    members: list[array[int]] = []
    for seed in _ranked(kinds, adj):
        if of[seed] < 0 and adj[seed]:
            members.append(_grow(seed, len(members), of, adj, stop, max_size))
    members = _merge_small(members, of, adj, min_size=min_size, max_size=max_size)
    alone: dict[str, array[int]] = {}
    for i, k in enumerate(kinds):
        if not adj[i]:
            alone.setdefault(k, array("i")).append(i)
    for k in sorted(alone):
        group = alone[k]
        members.extend(group[s : s + max_size] for s in range(0, len(group), max_size))
    of = array("i", bytes(4 * len(kinds)))
    for c, group in enumerate(members):
        for i in group:
            of[i] = c
    return Communities(of, members)


def disc_radius(n: int) -> float:
    """Radius of the disc that a community of ``n`` members fills in the layout."""
    return SPACING * math.sqrt(n)


def _pack(radii: list[float]) -> list[tuple[float, float]]:
    """Centres for discs of ``radii``: largest first, each at the first free place on a spiral."""
    order = sorted(range(len(radii)), key=lambda c: (-radii[c], c))
    centres: list[tuple[float, float]] = [(0.0, 0.0)] * len(radii)
    # a disc is filed under every grid cell its box (radius + GAP) touches, so a candidate
    # looks only at the cells its own box touches (cells sized for the typical disc)
    cell = 2.0 * (statistics.median(radii) + GAP) if radii else 1.0
    grid: dict[tuple[int, int], list[int]] = {}

    def cells(x: float, y: float, reach: float) -> Iterator[tuple[int, int]]:
        x0, x1 = math.floor((x - reach) / cell), math.floor((x + reach) / cell)
        y0, y1 = math.floor((y - reach) / cell), math.floor((y + reach) / cell)
        return itertools.product(range(x0, x1 + 1), range(y0, y1 + 1))

    def free(x: float, y: float, r: float) -> bool:
        for key in cells(x, y, r):
            for d in grid.get(key, ()):
                cx, cy = centres[d]
                if math.hypot(x - cx, y - cy) < r + radii[d] + GAP:
                    return False
        return True

    area = 0.0
    for k, c in enumerate(order):
        r = radii[c]
        dist, angle = math.sqrt(area / math.pi), k * GOLDEN
        step = 0
        x, y = dist * math.cos(angle), dist * math.sin(angle)
        while not free(x, y, r):
            step += 1
            a = angle + step * GOLDEN
            d = dist + step * 0.25 * (r + GAP)
            x, y = d * math.cos(a), d * math.sin(a)
        centres[c] = (round(x, 1), round(y, 1))
        for key in cells(x, y, r + GAP + 1.0):  # (+1: the centres are rounded)
            grid.setdefault(key, []).append(c)
        area += math.pi * (r + GAP) ** 2
    return centres


class Points(Sequence[tuple[float, float]]):
    """Positions in two compact arrays, read as ``(x, y)`` pairs."""

    def __init__(self, xs: array[float], ys: array[float]) -> None:
        self._xs, self._ys = xs, ys

    def __len__(self) -> int:
        return len(self._xs)

    def __getitem__(self, i: int) -> tuple[float, float]:  # type: ignore[override]
        return self._xs[i], self._ys[i]


def layout(comm: Communities) -> tuple[Points, list[tuple[float, float]]]:
    """Positions of the nodes (graph order) and the centres of the communities."""
    centres = _pack([disc_radius(len(m)) for m in comm.members])
    xs = array("d", bytes(8 * len(comm.of)))
    ys = array("d", bytes(8 * len(comm.of)))
    for c, group in enumerate(comm.members):
        cx, cy = centres[c]
        for k, i in enumerate(group):
            r = SPACING * math.sqrt(k)
            xs[i] = round(cx + r * math.cos(k * GOLDEN), 1)
            ys[i] = round(cy + r * math.sin(k * GOLDEN), 1)
    return Points(xs, ys), centres
