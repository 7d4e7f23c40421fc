"""The embedded on-disk SPARQL store (pyoxigraph, RocksDB) behind ``kg query`` and ``kg serve``.

pyoxigraph is imported here, in ``graph.rdf.exports`` (Rust serialisers for the export files)
and in ``graph.sparql.results``, which turns its terms and results into plain Python records
(:class:`Term`, :class:`SelectResult`, :class:`AskResult`, :class:`GraphResult`); so the rule
"a pyoxigraph result cannot cross threads" is kept by construction: a query is run *and*
materialised in the calling thread (:func:`graph.sparql.attempts.run_first_parsed`).

The store lives at ``graph_dir / "store"``; each source document is one named graph, so a
rebuild replaces a document's graph in one transaction instead of duplicating it.  Queries see
the union of all graphs as their default graph (``use_default_graph_as_union``) unless they
name a dataset (``FROM``, ``FROM NAMED``, or the protocol's graph parameters).  Note that
Oxigraph's union is a bag: a triple stated in two documents' graphs matches twice, so queries
that count or list should use ``DISTINCT`` (the shipped named queries do).

>>> import tempfile
>>> nt = b'<https://kg.example.org/id/person-1> <http://schema.org/name> "x"@zh .'
>>> with open_store(Path(tempfile.mkdtemp()) / "store") as store:
...     store.replace_graph("https://kg.example.org/id/graph-1", nt)
...     result = store.query("SELECT ?p ?name WHERE { ?p ?l ?name }", {"name": "x"})
...     [row[0].value for row in result.rows], sorted(store.named_graphs())
(['https://kg.example.org/id/person-1'], ['https://kg.example.org/id/graph-1'])
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pyoxigraph as ox

from graph.errors import QueryError, StoreError, one_line
from graph.io.atomic import temporary_name
from graph.rdf.vocab import PREFIXES
from graph.sparql.attempts import query_attempts, run_first_parsed
from graph.sparql.results import dataset_arguments, materialise, rdf_format, serialize_raw
from graph.sparql.results import serialize_triples as serialize_triples  # callers import it here
from graph.sparql.terms import BindingValue, QueryResult, to_term

log = logging.getLogger(__name__)

STORE_DIRNAME = "store"


def store_dir(graph_dir: Path) -> Path:
    """Where the store of an export folder lives."""
    return Path(graph_dir) / STORE_DIRNAME


class Store:
    """An open on-disk store.  Use :func:`open_store`; close it (or use ``with``)."""

    def __init__(self, path: Path, inner: ox.Store, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._inner: ox.Store | None = inner

    @property
    def _store(self) -> ox.Store:
        if self._inner is None:
            raise StoreError(f"store {self.path} is closed")
        return self._inner

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __len__(self) -> int:
        """Number of quads in all graphs."""
        return len(self._store)

    def close(self) -> None:
        """Flush and release the store (and its lock); further calls raise StoreError."""
        if self._inner is not None and not self.read_only:
            try:
                self._inner.flush()
            except OSError as e:  # pragma: no cover - disk failure
                raise StoreError(f"{self.path}: cannot flush: {e}") from e
        self._inner = None

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 UPDATE in one transaction (relative IRIs against ``base_iri``)."""
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as e:
            raise QueryError(f"malformed update: {one_line(e)}") from e
        except OSError as e:
            raise StoreError(f"{self.path}: update failed: {e}") from e

    def replace_graphs(
        self,
        graphs: Mapping[str, bytes],
        *,
        fmt: str = "application/n-triples",
        drop: Iterable[str] = (),
    ) -> None:
        """Replace several named graphs and drop others, all in one transaction: every change
        is applied or none.  ``fmt`` is the media type of a triple format (N-Triples, Turtle,
        JSON-LD, RDF/XML)."""
        rdf = rdf_format(fmt)
        parsed: dict[str, list[Any]] = {}
        for graph_iri, data in graphs.items():
            try:
                parsed[_check_iri(graph_iri)] = list(ox.parse(data, format=rdf))
            except SyntaxError as e:
                raise StoreError(f"graph <{graph_iri}>: cannot parse {fmt}: {one_line(e)}") from e
        self._replace(parsed, drop)

    def load_dataset(self, data: bytes, *, fmt: str = "application/trig") -> set[str]:
        """Replace every named graph present in a TriG / N-Quads dataset, in one transaction
        (triples of the default graph are added to it); return the graph IRIs."""
        parsed: dict[str, list[Any]] = {}
        extra: list[Any] = []
        try:
            for quad in ox.parse(data, format=rdf_format(fmt)):
                if isinstance(quad.graph_name, ox.NamedNode):
                    parsed.setdefault(quad.graph_name.value, []).append(quad)
                else:
                    extra.append(quad)
        except SyntaxError as e:
            raise StoreError(f"cannot parse {fmt} dataset: {one_line(e)}") from e
        self._replace(parsed, (), extra)
        return set(parsed)

    def _replace(
        self, parsed: Mapping[str, list[Any]], drop: Iterable[str], extra: Sequence[Any] = ()
    ) -> None:
        parts = [f"DROP SILENT GRAPH <{_check_iri(g)}>" for g in drop]
        for i, (iri, triples) in enumerate(parsed.items()):
            body = "\n".join(_quad_text(q, i) for q in triples)
            parts.append(f"DROP SILENT GRAPH <{iri}>")
            parts.append(f"INSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} }}")
        if extra:
            body = "\n".join(_quad_text(q, len(parsed)) for q in extra)
            parts.append(f"INSERT DATA {{\n{body}\n}}")
        if parts:
            self.update(" ;\n".join(parts))
            log.debug("store %s: replaced %d graphs", self.path, len(parsed))

    def replace_graph(
        self, graph_iri: str, data: bytes, *, fmt: str = "application/n-triples"
    ) -> None:
        """Replace the content of one named graph atomically (remove old, load new)."""
        self.replace_graphs({graph_iri: data}, fmt=fmt)

    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph and its triples (no error if it does not exist)."""
        self.update(f"DROP SILENT GRAPH <{_check_iri(graph_iri)}>")

    def named_graphs(self) -> set[str]:
        """IRIs of the named graphs in the store."""
        return {g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)}

    def write_nquads(self, fh: IO[bytes], graphs: Iterable[str] | None = None) -> int:
        """Write every quad (or those of the named ``graphs``) as N-Quads; return the count."""
        inner = self._store
        if graphs is None:
            inner.dump(fh, format=ox.RdfFormat.N_QUADS)
            return len(inner)
        counter = [0]

        def quads() -> Iterator[ox.Quad]:
            for iri in graphs:
                for quad in inner.quads_for_pattern(None, None, None, ox.NamedNode(iri)):
                    counter[0] += 1
                    yield quad

        ox.serialize(quads(), fh, format=ox.RdfFormat.N_QUADS)
        return counter[0]

    def write_union_ntriples(self, fh: IO[bytes]) -> int:
        """Write the distinct triples of the union of all graphs as N-Triples; return the count."""
        sols = self._store.query(
            "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True
        )
        assert isinstance(sols, ox.QuerySolutions)
        counter = [0]

        def triples() -> Iterator[ox.Triple]:
            for row in sols:
                counter[0] += 1
                yield ox.Triple(row[0], row[1], row[2])

        ox.serialize(triples(), fh, format=ox.RdfFormat.N_TRIPLES)
        return counter[0]

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, BindingValue] | None = None,
        *,
        timeout: float | None = None,
        max_results: int | None = None,
        default_graphs: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
    ) -> QueryResult:
        """Run a SPARQL query and materialise its result in this thread.

        ``bindings`` pre-bind variables (SEP-0007 substitution): the values are written into
        the query as constants where that is certainly the same query, so the engine starts
        from them (:mod:`graph.sparql.inline`), else passed to the engine, which joins them
        with the evaluated pattern; a SELECT must project every bound variable.  Values are
        :class:`Term`, rdflib terms, numbers or the text syntax of :func:`parse_term`.
        ``timeout`` (seconds) is checked while results stream; ``max_results`` caps rows or
        triples and sets ``truncated``.

        The dataset, as SPARQL 1.1 says: ``default_graphs`` / ``named_graphs`` (the protocol's
        ``default-graph-uri`` / ``named-graph-uri``), if either is given, are the whole dataset
        (the other part is then empty) and override the query's ``FROM`` / ``FROM NAMED``;
        else the query's own dataset clauses hold; a query that names no dataset sees the
        union of all graphs as its default graph, and every named graph.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        terms = {k.lstrip("?$"): to_term(v) for k, v in (bindings or {}).items()}
        kwargs: dict[str, Any] = {"prefixes": dict(PREFIXES)}
        kwargs.update(dataset_arguments(sparql, default_graphs, named_graphs))
        attempts = query_attempts(sparql, terms, kwargs)
        return run_first_parsed(
            self._store.query,
            attempts,
            lambda raw: materialise(
                raw, max_results=max_results, deadline=deadline, timeout=timeout
            ),
            self.path,
        )

    def query_bytes(
        self,
        sparql: str,
        *,
        results: str | None,
        graph: str | None,
        max_results: int | None = None,
        default_graphs: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        base_iri: str | None = None,
    ) -> tuple[str, bytes | None, bool]:
        """Run a query and write its result with pyoxigraph's serialisers, capped.

        Returns ``(kind, body, truncated)`` as :func:`graph.sparql.results.serialize_raw`;
        the dataset is chosen as in :meth:`query`; relative IRIs resolve against ``base_iri``.
        """
        kwargs: dict[str, Any] = {"prefixes": dict(PREFIXES), "base_iri": base_iri}
        kwargs.update(dataset_arguments(sparql, default_graphs, named_graphs))
        return run_first_parsed(
            self._store.query,
            [(sparql, kwargs)],
            lambda raw: serialize_raw(raw, results=results, graph=graph, max_results=max_results),
            self.path,
        )


def _check_iri(iri: str) -> str:
    if not iri or any(c in iri for c in '<>"{}|^`\\ \n\t'):
        raise StoreError(f"not a valid graph IRI: {iri!r}")
    return iri


def _quad_text(t: Any, graph_index: int) -> str:
    def term(x: Any) -> str:
        # blank nodes are renamed per graph so that labels of two graphs never merge
        return f"_:g{graph_index}_{x.value}" if isinstance(x, ox.BlankNode) else str(x)

    return f"{term(t.subject)} {term(t.predicate)} {term(t.object)} ."


_BULK_CHUNK = 100_000  # quads per bulk_extend call (each call sorts and writes files)


def create_store(
    path: Path, graphs: Mapping[str, bytes], *, fmt: str = "application/n-triples"
) -> int:
    """Create the store in the new folder ``path`` with the given named graphs; return the quads.

    Bulk-loaded (:class:`BulkLoader`), so ``path`` either does not exist or holds every graph.
    Blank nodes are kept apart per graph, as in :meth:`Store.replace_graphs`.
    """
    rdf, loader, count = rdf_format(fmt), BulkLoader(path), 0
    try:
        pending: list[Any] = []
        for i, (graph_iri, data) in enumerate(graphs.items()):
            name = ox.NamedNode(_check_iri(graph_iri))
            try:
                pending.extend(_quad_in(t, name, i) for t in ox.parse(data, format=rdf))
            except SyntaxError as e:
                raise StoreError(f"graph <{graph_iri}>: cannot parse {fmt}: {one_line(e)}") from e
            if len(pending) >= _BULK_CHUNK or i == len(graphs) - 1:
                loader.load(pending)  # each call writes sorted files: few large calls
                count, pending = count + len(pending), []
        loader.commit()
    finally:
        loader.abort()
    log.debug("created store %s with %d graphs (%d quads)", path, len(graphs), count)
    return count


def bulk_load_store(path: Path, nquads: Path, *, chunk_bytes: int | None = None) -> None:
    """Create the store in the new folder ``path`` from an N-Quads file (no blank nodes), at
    most ``chunk_bytes`` of it per call of the bulk loader (its buffers grow with each)."""
    loader = BulkLoader(path)
    try:
        if chunk_bytes is None:
            loader.load(nquads)
        else:
            with open(nquads, "rb") as fh:
                while lines := fh.readlines(chunk_bytes):
                    loader.load(b"".join(lines))
        loader.commit()
    finally:
        loader.abort()


class BulkLoader:
    """A new store in the folder ``path``, filled by Oxigraph's bulk loader piece by piece: it
    parses and sorts in Rust, without a transaction log or the GIL, into a hidden sibling
    folder that :meth:`commit` renames to ``path`` (:meth:`abort` removes it).  N-Quads are
    read leniently (no IRI validation): they are the build's own, parsed strictly before."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if self.path.exists():
            raise StoreError(f"cannot create store {self.path}: it already exists")
        self._tmp = temporary_name(self.path, "bulk")
        try:
            self._store: ox.Store | None = ox.Store(str(self._tmp))
        except OSError as e:
            raise StoreError(f"cannot create store {self.path}: {one_line(e)}") from e

    def load(self, data: bytes | Path | list[Any]) -> None:
        """Add whole lines of N-Quads, an N-Quads file, or a list of ``Quad``s."""
        if self._store is None:
            raise StoreError(f"store {self.path}: the bulk load is over")
        n_quads = ox.RdfFormat.N_QUADS
        try:
            if isinstance(data, list):
                self._store.bulk_extend(data)
            elif isinstance(data, Path):
                self._store.bulk_load(path=str(data), format=n_quads, lenient=True)
            else:
                self._store.bulk_load(data, format=n_quads, lenient=True)
            return
        except SyntaxError as e:
            raise StoreError(f"{self.path}: cannot parse N-Quads: {one_line(e)}") from e
        except OSError as e:
            raise StoreError(f"cannot create store {self.path}: {one_line(e)}") from e

    def commit(self) -> None:
        """Flush and move the store into place."""
        if self._store is None:
            raise StoreError(f"store {self.path}: the bulk load is over")
        try:
            self._store.flush()
            self._store = None
            self._tmp.rename(self.path)
        except OSError as e:
            raise StoreError(f"cannot create store {self.path}: {one_line(e)}") from e

    def abort(self) -> None:
        """Drop what was loaded, unless committed (idempotent)."""
        self._store = None
        if self._tmp.exists():
            shutil.rmtree(self._tmp, ignore_errors=True)


def _quad_in(t: Any, graph: Any, graph_index: int) -> Any:
    def term(x: Any) -> Any:
        return ox.BlankNode(f"g{graph_index}_{x.value}") if isinstance(x, ox.BlankNode) else x

    return ox.Quad(term(t.subject), t.predicate, term(t.object), graph)


def open_store(path: Path, *, read_only: bool = False) -> Store:
    """Open (or create, unless ``read_only``) the store in folder ``path``.

    Only one process may hold a read-write store; a read-only store must not be opened while
    another process writes it.
    """
    path = Path(path)
    if read_only and not (path / "CURRENT").is_file():
        raise StoreError(f"no store at {path}: run kg build first")
    try:
        inner = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as e:
        reason = "in use by another process" if "lock" in str(e).lower() else one_line(e)
        raise StoreError(f"cannot open store {path}: {reason}") from e
    log.debug("opened store %s (read_only=%s)", path, read_only)
    return Store(path, inner, read_only=read_only)
