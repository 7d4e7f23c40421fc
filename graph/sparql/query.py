"""``kg query``: SPARQL against the store, named queries, result formats.

(``kg stats`` is :func:`graph.sparql.stats.graph_stats`, also importable from here.)

Named queries live in ``graph/queries/NAME.rq``.  Their comment header documents parameters::

    # @param role = 主席       -- role label (skos:prefLabel, @zh)
    # @param person            -- person label (unbound: everyone)

A parameter is an ordinary variable that the query projects; ``--bind role=副主席`` binds it
(SEP-0007 substitution: written in as a constant on the query's tokens, never pasted as text,
see :mod:`graph.sparql.inline`), ``--bind role=`` removes its default.

Binding values (see :func:`graph.sparql.terms.parse_term`): ``<iri>`` or ``kg:person-…`` are IRIs,
``"text"``, ``"text"@en``, ``"2018-06-01"^^xsd:date`` are literals, ``42``, ``0.5``,
``true`` are numbers/booleans, and bare text is a Chinese label ``"text"@zh``.

>>> sorted(named_queries())[:3]
['fact_evidence', 'memberships', 'memberships_count']
>>> named_queries()["q1_union_chairs"].defaults
{'role': '主席', 'orgType': '工会'}
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from graph.errors import ConfigError, QueryError
from graph.io.atomic import atomic_write_bytes
from graph.sparql.stats import graph_stats as graph_stats  # kg stats (re-exported)
from graph.sparql.store import open_store, serialize_triples, store_dir
from graph.sparql.terms import (
    AskResult,
    GraphResult,
    QueryResult,
    SelectResult,
    Term,
    parse_term,
    short_term,
)

log = logging.getLogger(__name__)

QUERIES_DIR = Path(__file__).parent / "queries"
FORMATS = ("table", "csv", "tsv", "json", "parquet")  # parquet: a file (--out), notebook extra
_PARAM_RE = re.compile(r"^#\s*@param\s+\??(\w+)\s*(?:=\s*(.*?))?\s*(?:--\s*(.*))?$")
_CELL_WIDTH = 60


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A shipped query: its text, the header comment and parameter defaults."""

    name: str
    text: str
    description: str
    params: tuple[str, ...]
    defaults: dict[str, str]
    forms: tuple[tuple[str, str], ...] = ()  # (parameter, text): the form when it is bound

    def text_for(self, bound: Iterable[str]) -> str:
        """The text to run when the parameters ``bound`` have values.

        A query may ship other forms of itself in ``queries/bound/NAME.PARAM.rq``, written for
        when PARAM is bound (the engine's plan for one order of patterns can be fast bound and
        slow unbound, or the reverse); each gives the same answer as the main text.

        >>> nq = named_queries()["fact_evidence"]
        >>> nq.text_for([]) == nq.text, nq.text_for(["fact"]) == nq.text
        (True, False)
        """
        names = set(bound)
        return next((text for param, text in self.forms if param in names), self.text)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """All queries shipped in ``graph/queries/`` by name."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        params: list[str] = []
        defaults: dict[str, str] = {}
        desc: list[str] = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            m = _PARAM_RE.match(line)
            if m:
                params.append(m[1])
                if m[2]:
                    defaults[m[1]] = m[2]
            else:
                desc.append(line.lstrip("# ").strip())
        forms = tuple(
            (form.stem.partition(".")[2], form.read_text(encoding="utf-8"))
            for form in sorted(QUERIES_DIR.glob(f"bound/{path.stem}.*.rq"))
        )
        out[path.stem] = NamedQuery(path.stem, text, " ".join(desc), tuple(params), defaults, forms)
    return out


def parse_bindings(items: tuple[str, ...] | list[str]) -> dict[str, Term | None]:
    """Parse ``var=value`` items; an empty value means "leave unbound".

    >>> b = parse_bindings(["person=张三", "fact=<https://kg.example.org/id/membership-1>"])
    >>> b["person"].n3(), b["fact"].kind
    ('"张三"@zh', 'iri')
    """
    out: dict[str, Term | None] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"\w+", name):
            raise ConfigError(f"bad binding {item!r}: use VAR=VALUE, e.g. person=张三")
        out[name] = parse_term(value) if value.strip() else None
    return out


def resolve_query(
    query: str | None, *, name: str | None = None, bindings: tuple[str, ...] | list[str] = ()
) -> tuple[str, dict[str, Term]]:
    """The query text and the effective bindings (named-query defaults, then ``bindings``)."""
    if (query is None) == (name is None):
        raise ConfigError("give either a SPARQL query (text or .rq file) or --name NAME")
    given = parse_bindings(bindings)
    merged: dict[str, Term | None] = {}
    text = query or ""
    if name is not None:
        nq = named_queries().get(name)
        if nq is None:
            known = ", ".join(sorted(named_queries()))
            raise QueryError(f"unknown named query {name!r} (known: {known})")
        merged = {k: parse_term(v) for k, v in nq.defaults.items()}
    else:
        assert query is not None
        if query.strip().endswith(".rq") or (
            len(query) < 4096 and "\n" not in query and Path(query).is_file()
        ):
            path = Path(query.strip())
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as e:
                raise QueryError(f"{path}: cannot read query file: {e.strerror or e}") from e
    merged.update(given)
    values = {k: v for k, v in merged.items() if v is not None}
    if name is not None:
        text = named_queries()[name].text_for(values)
    return text, values


def run_query(
    graph_dir: Path,
    sparql: str,
    bindings: dict[str, Term] | None = None,
    *,
    timeout: float | None = None,
    max_results: int | None = None,
    default_graphs: tuple[str, ...] | None = None,
    named_graphs: tuple[str, ...] | None = None,
) -> QueryResult:
    """Run a query against the store of an export folder (opened read-only).

    The dataset is the query's ``FROM`` / ``FROM NAMED``, or ``default_graphs`` /
    ``named_graphs`` if given, or else the union of all graphs (see ``Store.query``).
    """
    with open_store(store_dir(graph_dir), read_only=True) as store:
        return store.query(
            sparql,
            bindings,
            timeout=timeout,
            max_results=max_results,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
        )


def run_cli_query(
    graph_dir: Path,
    query: str | None,
    *,
    name: str | None = None,
    bindings: tuple[str, ...] = (),
    fmt: str = "table",
    out: Path | None = None,
) -> str:
    """What ``kg query`` prints: the result of a query, a ``.rq`` file or a named query.

    With ``out``, the result is written to that file instead (atomically) and ``""`` returned;
    ``parquet`` (pandas + pyarrow, the notebook extra) is written only to a file.

    >>> run_cli_query(Path("/nonexistent"), "SELECT * WHERE {}")
    Traceback (most recent call last):
    ...
    graph.errors.StoreError: no store at /nonexistent/store: run kg build first
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if fmt == "parquet" and out is None:
        raise ConfigError("--format parquet writes a file: give --out FILE")
    text, values = resolve_query(query, name=name, bindings=bindings)
    result = run_query(graph_dir, text, values)
    if out is None:
        return format_result(result, fmt=fmt)
    if fmt == "parquet":
        from graph.sparql.frames import parquet_bytes

        atomic_write_bytes(out, parquet_bytes(result))
    else:
        atomic_write_bytes(out, format_result(result, fmt=fmt).encode("utf-8"))
    return ""


# ------------------------------------------------------------------ result formats


def format_result(result: QueryResult, *, fmt: str) -> str:
    """Render a result as ``table``, ``csv``, ``tsv`` or ``json`` (CONSTRUCT: Turtle/JSON-LD)."""
    if isinstance(result, GraphResult):
        media = {"json": "application/ld+json", "table": "text/turtle"}.get(
            fmt, "application/n-triples"
        )
        return serialize_triples(result.triples, fmt=media).decode("utf-8")
    if fmt == "table":
        return _table(result)
    text = serialize_results(result, fmt=fmt).decode("utf-8")
    return text + "\n" if fmt == "json" else text


def serialize_results(result: SelectResult | AskResult, *, fmt: str) -> bytes:
    """SPARQL 1.1 results as ``json``, ``xml``, ``csv`` or ``tsv`` bytes (UTF-8).

    >>> r = SelectResult(("x",), [(Term("literal", "张三", language="zh"),), (None,)])
    >>> serialize_results(r, fmt="tsv").decode()
    '?x\\n"张三"@zh\\n\\n'
    """
    if fmt == "json":
        return json.dumps(_json(result), ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        return _xml(result).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        if isinstance(result, AskResult):
            writer.writerow(["_askResult"])
            writer.writerow(["true" if result.value else "false"])
        else:
            writer.writerow(result.variables)
            writer.writerows([_csv_cell(t) for t in row] for row in result.rows)
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        if isinstance(result, AskResult):
            return ("_askResult\n" + ("true" if result.value else "false") + "\n").encode()
        lines = ["\t".join("?" + v for v in result.variables)]
        lines += ["\t".join("" if t is None else t.n3() for t in row) for row in result.rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ConfigError(f"unknown results format {fmt!r}")


def _csv_cell(t: Term | None) -> str:
    if t is None:
        return ""
    return f"_:{t.value}" if t.kind == "bnode" else t.value


def _json_term(t: Term) -> dict[str, str]:
    if t.kind == "iri":
        return {"type": "uri", "value": t.value}
    if t.kind == "bnode":
        return {"type": "bnode", "value": t.value}
    if t.kind == "triple":
        return {"type": "literal", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype
    return out


def _json(result: SelectResult | AskResult) -> dict[str, object]:
    if isinstance(result, AskResult):
        return {"head": {}, "boolean": result.value}
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _xml(result: SelectResult | AskResult) -> str:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if isinstance(result, AskResult):
        out.append(f"<head/><boolean>{'true' if result.value else 'false'}</boolean></sparql>\n")
        return "".join(out)
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables))
    out.append("</head><results>")
    for row in result.rows:
        out.append("<result>")
        for v, t in zip(result.variables, row, strict=True):
            if t is None:
                continue
            if t.kind == "iri":
                inner = f"<uri>{xml_escape(t.value)}</uri>"
            elif t.kind == "bnode":
                inner = f"<bnode>{xml_escape(t.value)}</bnode>"
            else:
                attr = ""
                if t.language:
                    attr = f" xml:lang={quoteattr(t.language)}"
                elif t.datatype and t.kind == "literal":
                    attr = f" datatype={quoteattr(t.datatype)}"
                inner = f"<literal{attr}>{xml_escape(t.value)}</literal>"
            out.append(f"<binding name={quoteattr(v)}>{inner}</binding>")
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str) -> str:
    if _width(text) <= _CELL_WIDTH:
        return text
    out, used = [], 0
    for c in text:
        used += _width(c)
        if used > _CELL_WIDTH - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def _table(result: SelectResult | AskResult) -> str:
    if isinstance(result, AskResult):
        return ("true" if result.value else "false") + "\n"
    header = [f"?{v}" for v in result.variables]
    rows = [[_clip(short_term(t)) for t in row] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return " | ".join(
            c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    out = [line(header), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]
    n = len(rows)
    out.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(out) + "\n"
