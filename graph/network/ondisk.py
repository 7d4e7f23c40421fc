"""The analytic network of a build in an SQLite file, read back one node or edge at a time.

A corpus's network (every entity, its documents and evidence, every fact's edges) grows with
the corpus; a build writes it here (``graph.network.convert.NetworkBuilder`` with a
:class:`DiskNetwork` as its target) instead of into a networkx graph, and the GraphML, node-link
JSON and HTML writers read it as a :class:`graph.network.source.Network`: the same items in the
same order as the networkx graph the same calls would build, so the same bytes.  What stays in
memory is SQLite's page cache (``cache_bytes``) and the numbers of the nodes used lately.

>>> import tempfile, pathlib
>>> net = DiskNetwork(pathlib.Path(tempfile.mkdtemp()) / "network.sqlite")
>>> net.add_node("p", {"kind": "person", "label": "王小明", "docs": [], "evidence": []})
>>> net.add_node("o", {"kind": "org", "label": "某某公司", "docs": [], "evidence": []})
>>> net.add_evidence("p", [{"doc": "a.txt", "start": 0}])
>>> net.add_edge("p", "o", "f", {"relation": "memberOf", "label": "经理"})
>>> net.finish()
>>> [(n, d["docs"], d["evidence"]) for n, d in net.nodes()][0]
('p', ['a.txt'], [{'doc': 'a.txt', 'start': 0}])
>>> list(net.edges()), list(net.roles())
([('p', 'o', 'f', {'relation': 'memberOf', 'label': '经理'})], [['经理 · 某某公司'], []])
>>> net.close()
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import Any

from graph.errors import StoreError
from graph.network.source import Attrs, EdgeItem

_SCHEMA = """
CREATE TABLE node(i INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                  label TEXT NOT NULL, attrs TEXT NOT NULL);
CREATE TABLE node_doc(node INTEGER NOT NULL, doc TEXT NOT NULL,
                      PRIMARY KEY (node, doc)) WITHOUT ROWID;
CREATE TABLE evidence(node INTEGER NOT NULL, seq INTEGER NOT NULL, rec TEXT NOT NULL,
                      PRIMARY KEY (node, seq)) WITHOUT ROWID;
CREATE TABLE edge(j INTEGER PRIMARY KEY, u INTEGER NOT NULL, v INTEGER NOT NULL,
                  source TEXT NOT NULL, target TEXT NOT NULL, key TEXT NOT NULL,
                  relation TEXT NOT NULL, label TEXT NOT NULL, attrs TEXT NOT NULL,
                  UNIQUE (u, v, key));
"""
# networkx's edge order: by source node, then by the first edge to each target, then by key
_ORDER_EDGES = """
CREATE TABLE edge_order AS
SELECT u, v, source, target, key, relation, label, attrs FROM edge
ORDER BY u, MIN(j) OVER (PARTITION BY u, v), j
"""
_INSERT = {  # buffered rows are written table by table, in this order
    "node_doc": "INSERT OR IGNORE INTO node_doc VALUES (?, ?)",
    "evidence": "INSERT INTO evidence VALUES (?, ?, ?)",
    "edge": "INSERT INTO edge(u, v, source, target, key, relation, label, attrs)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (u, v, key) DO UPDATE SET"
    " relation = excluded.relation, label = excluded.label, attrs = excluded.attrs",
}
_FLUSH_ROWS = 20_000
_RECENT = 50_000  # node numbers remembered between lookups
_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_LOADS = json.JSONDecoder().decode


class DiskNetwork:
    """A network written node by node, then read as a :class:`~graph.network.source.Network`
    once :meth:`finish` is called (see the module's docstring)."""

    def __init__(self, path: Path, *, cache_bytes: int = 64 << 20) -> None:
        self.path = Path(path)
        self.path.unlink(missing_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=OFF")
            self._db.execute("PRAGMA synchronous=OFF")
            self._db.execute(f"PRAGMA cache_size=-{max(1024, cache_bytes >> 10)}")
            self._db.execute("PRAGMA temp_store=FILE")
            self._db.executescript(_SCHEMA)
            self._db.execute("BEGIN")
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot create the network file: {e}") from e
        self._nodes = 0
        self._recent: dict[str, int | None] = {}  # node id -> number, of the nodes used lately
        self._edges = 0  # counted once finished
        self._seq = 0
        self._rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _INSERT}
        self._given_xy = True  # every node so far has x and y
        self._finished = False

    # -- writing ---------------------------------------------------------------------

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str) and self._number(node) is not None

    def _number(self, node: str) -> int | None:
        """The node's number (None when it is not a node)."""
        if node in self._recent:
            return self._recent[node]
        if len(self._recent) >= _RECENT:
            self._recent.clear()
        row = self._db.execute("SELECT i FROM node WHERE id = ?", (node,)).fetchone()
        self._recent[node] = found = None if row is None else int(row[0])
        return found

    def add_node(self, node: str, attrs: Attrs) -> None:
        """A node with its first attributes (its ``docs`` and ``evidence`` lists grow with
        :meth:`add_evidence`); a node added twice keeps its first place and attributes."""
        kind, label = str(attrs.get("kind", "other")), str(attrs.get("label", node))
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO node VALUES (?, ?, ?, ?, ?)",
            (self._nodes, node, kind, label, _DUMPS(attrs)),
        )
        if cursor.rowcount == 1:
            self._recent.pop(node, None)
            self._nodes += 1
            self._given_xy = self._given_xy and "x" in attrs and "y" in attrs

    def add_evidence(self, node: str, records: list[Attrs]) -> None:
        """Append evidence records (each with its ``doc``) to a node's; its documents become
        the sorted set of those named (as ``NetworkBuilder.add_mentions`` keeps them)."""
        i = self._known(node)
        if not records:
            return
        for doc in {str(r["doc"]) for r in records}:
            self._rows["node_doc"].append((i, doc))
        self._add("evidence", (i, self._seq, _DUMPS(records)))  # one row per call
        self._seq += 1

    def add_edge(self, u: str, v: str, key: str, attrs: Attrs) -> None:
        """An edge between two nodes already added (the same ``key`` again replaces its
        attributes, keeping its place)."""
        row = (
            self._known(u),
            self._known(v),
            u,
            v,
            key,
            str(attrs.get("relation", "")),
            str(attrs.get("label", "")),
            _DUMPS(attrs),
        )
        self._add("edge", row)

    def _known(self, node: str) -> int:
        i = self._number(node)
        if i is None:
            raise KeyError(f"{node}: not a node of {self.path}")
        return i

    def _add(self, table: str, row: tuple[Any, ...]) -> None:
        rows = self._rows[table]
        rows.append(row)
        if len(rows) >= _FLUSH_ROWS:
            self._flush()

    def _flush(self) -> None:
        """Write the rows buffered, table by table (each table's rows keep their order)."""
        for table, sql in _INSERT.items():
            if self._rows[table]:
                self._db.executemany(sql, self._rows[table])
                self._rows[table] = []

    def finish(self) -> None:
        """End the writing: the network can be read from now on."""
        if self._finished:
            return
        self._flush()
        self._db.execute(_ORDER_EDGES)
        self._db.execute("DROP TABLE edge")
        self._db.execute("COMMIT")
        self._edges = self._one("SELECT COUNT(*) FROM edge_order")
        self._finished = True

    def close(self) -> None:
        """Close and delete the file."""
        self._db.close()
        self.path.unlink(missing_ok=True)

    # -- reading (a graph.network.source.Network) -------------------------------------

    def _one(self, sql: str, *args: Any) -> int:
        row = self._db.execute(sql, args).fetchone()
        return int(row[0]) if row else 0

    def _rows_of(self, sql: str) -> Iterator[tuple[Any, ...]]:
        if not self._finished:
            raise StoreError(f"{self.path}: network read before it was finished")
        yield from self._db.execute(sql)

    def graph_attrs(self) -> Attrs:
        return {}

    def node_count(self) -> int:
        return self._nodes

    def edge_count(self) -> int:
        return self._edges

    def nodes(
        self, *, evidence: bool = True, evidence_limit: int | None = None
    ) -> Iterator[tuple[Hashable, Attrs]]:
        docs = _Grouped(self._rows_of("SELECT node, doc FROM node_doc ORDER BY node, doc"))
        sql = "SELECT node, rec FROM evidence ORDER BY node, seq" if evidence else None
        records = _Grouped(self._rows_of(sql)) if sql else None
        for i, node, attrs in self._rows_of("SELECT i, id, attrs FROM node ORDER BY i"):
            found = records.take(i) if records is not None else []
            yield node, _complete(_LOADS(attrs), docs.take(i), found, evidence_limit)

    def kinds(self) -> list[str]:
        return [sys.intern(k) for (k,) in self._rows_of("SELECT kind FROM node ORDER BY i")]

    def edges(self) -> Iterator[EdgeItem]:
        sql = "SELECT source, target, key, attrs FROM edge_order ORDER BY rowid"
        for u, v, key, attrs in self._rows_of(sql):
            yield u, v, key, _LOADS(attrs)

    def ends(self) -> Iterator[tuple[int, int]]:
        yield from self._rows_of("SELECT u, v FROM edge_order ORDER BY rowid")

    def roles(self) -> Iterator[list[str]]:
        sql = (
            "SELECT e.u, e.label || ' · ' || n.label FROM edge_order e JOIN node n ON n.i = e.v"
            " WHERE e.relation = 'memberOf' ORDER BY e.u"
        )
        found = _Grouped(self._rows_of(sql))
        for i in range(self._nodes):
            yield sorted(set(found.take(i)))

    def positions(self) -> list[tuple[float, float]] | None:
        if not self._given_xy or not self._nodes:
            return None
        return [(round(float(d["x"]), 1), round(float(d["y"]), 1)) for _, d in self.nodes()]


class _Grouped:
    """Rows ``(number, value)`` sorted by number, taken one number at a time in order."""

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._head: tuple[Any, ...] | None = next(rows, None)

    def take(self, i: int) -> list[Any]:
        """The values of number ``i`` (the numbers must be asked for in increasing order)."""
        out = []
        while self._head is not None and self._head[0] <= i:
            if self._head[0] == i:
                out.append(self._head[1])
            self._head = next(self._rows, None)
        return out


def _complete(attrs: Attrs, docs: list[str], records: list[str], limit: int | None = None) -> Attrs:
    """A node's attributes with the documents and evidence added since it was created (a
    node given evidence has documents: without its records, its ``evidence`` stays empty);
    with a ``limit``, at most that many evidence records, the rest only counted."""
    if docs:
        attrs["docs"] = sorted({*attrs.get("docs", ()), *docs})
        evidence = attrs.setdefault("evidence", [])
        total = len(evidence)
        for r in records:
            batch = _LOADS(r)
            total += len(batch)
            if limit is None or len(evidence) < limit:
                evidence.extend(batch)
        if limit is not None and total > limit:
            del evidence[limit:]
            attrs["evidence_total"] = total
    return attrs


__all__ = ["DiskNetwork"]
