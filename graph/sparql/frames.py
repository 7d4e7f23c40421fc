"""Query results as pandas DataFrames with typed columns, and as Parquet files for R and pandas.

pandas and pyarrow are not dependencies of the core: they come with the ``notebook`` extra
(``pip install -e '.[notebook]'``), are imported only when a function here is called, and a
missing one raises :class:`~graph.errors.ConfigError` naming the extra.

One column per SELECT variable, in the query's order (CONSTRUCT: ``subject``, ``predicate``,
``object``; ASK: one boolean column ``ask``).  A column's type follows its values:

=========================================================== =====================================
every bound value is                                        column
=========================================================== =====================================
an integer (``xsd:integer``, ``xsd:int``, ``xsd:long`` …)    ``Int64`` (nullable)
a number, at least one ``xsd:decimal``/``double``/``float``  ``float64`` (unbound: ``NaN``)
an ``xsd:date`` or ``xsd:dateTime``                         ``datetime64`` (unbound: ``NaT``)
an ``xsd:boolean``                                          ``boolean`` (nullable)
anything else, or a value that does not parse as its type   ``str``: IRIs in full, literals' text,
                                                            blank nodes ``_:id``
=========================================================== =====================================

A date's time zone is dropped (a date is a day); a dateTime column with a time zone on any value
is converted to UTC (its values without one are read as UTC).  Language tags are dropped;
``languages=True`` adds a column ``VAR@lang`` after each column holding a tagged literal (``@``
cannot occur in a SPARQL variable, so the name never clashes).  ``short_iris=True`` writes IRIs
in a known namespace as prefixed names (``org:Membership``), as ``kg query`` tables do.

>>> from graph.sparql.terms import SelectResult, Term
>>> n = Term("literal", "94", datatype=XSD + "integer")
>>> day = Term("literal", "2018-05-28", datatype=XSD + "date")
>>> name = Term("literal", "培训班", language="zh")
>>> df = to_pandas(SelectResult(("n", "day", "name"), [(n, day, name), (None, None, None)]))
>>> [str(t) for t in df.dtypes]
['Int64', 'datetime64[us]', 'str']
>>> df["n"].tolist(), str(df["day"][0].date()), df["name"].tolist()
([94, <NA>], '2018-05-28', ['培训班', nan])
>>> list(to_pandas(SelectResult(("name",), [(name,)]), languages=True).columns)
['name', 'name@lang']
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from graph.errors import ConfigError
from graph.sparql.terms import AskResult, GraphResult, QueryResult, SelectResult, Term, short_term

if TYPE_CHECKING:
    import pandas as pd

XSD = "http://www.w3.org/2001/XMLSchema#"
NOTEBOOK_EXTRA = "pip install -e '.[notebook]'"
_INTEGERS = frozenset(
    XSD + name
    for name in (
        *("integer", "int", "long", "short", "byte", "unsignedLong", "unsignedInt"),
        *("unsignedShort", "unsignedByte", "positiveInteger", "nonNegativeInteger"),
        *("negativeInteger", "nonPositiveInteger"),
    )
)
_FLOATS = frozenset(XSD + name for name in ("decimal", "double", "float"))
_TEMPORAL = frozenset(XSD + name for name in ("date", "dateTime", "dateTimeStamp"))
_BOOLEAN = XSD + "boolean"
_DATE_TZ = re.compile(r"^(-?\d{4,}-\d\d-\d\d)(?:Z|[+-]\d\d:\d\d)$")
_HAS_TZ = re.compile(r"T.*(?:Z|[+-]\d\d:\d\d)$")
_LANG_SUFFIX = "@lang"
_INTEGER_RE = re.compile(r"[+-]?\d+")


def require(module: str) -> Any:
    """Import ``module`` (pandas, pyarrow, matplotlib), or say which extra brings it.

    >>> require("pandas").__name__
    'pandas'
    >>> require("no_such_module_kg")
    Traceback (most recent call last):
    ...
    graph.errors.ConfigError: no_such_module_kg is not installed: it comes with the notebook extra, pip install -e '.[notebook]'
    """
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ConfigError(
            f"{module} is not installed: it comes with the notebook extra, {NOTEBOOK_EXTRA}"
        ) from e


def to_pandas(
    result: QueryResult, *, languages: bool = False, short_iris: bool = False
) -> pd.DataFrame:
    """A query result as a DataFrame with typed columns (see the module's table).

    >>> from graph.sparql.terms import AskResult
    >>> to_pandas(AskResult(True))["ask"].tolist()
    [True]
    """
    pandas = require("pandas")
    if isinstance(result, AskResult):
        return pandas.DataFrame({"ask": pandas.array([result.value], dtype="boolean")})
    if isinstance(result, GraphResult):
        names: Sequence[str] = ("subject", "predicate", "object")
        rows: Sequence[Sequence[Term | None]] = result.triples
    elif isinstance(result, SelectResult):
        names, rows = result.variables, result.rows
    else:
        raise ConfigError(f"not a query result: {type(result).__name__}")
    data: dict[str, Any] = {}
    for i, name in enumerate(names):
        terms = [row[i] for row in rows]
        data[name] = column(terms, short_iris=short_iris)
        if languages and any(t is not None and t.language for t in terms):
            tags = [t.language if t is not None and t.language else None for t in terms]
            data[name + _LANG_SUFFIX] = pandas.Series(tags, dtype="str")
    return pandas.DataFrame(data, columns=list(data))


def column(terms: Sequence[Term | None], *, short_iris: bool = False) -> pd.Series:
    """One column of terms as a typed Series (``None`` is an unbound value).

    >>> t = Term("literal", "0.5", datatype=XSD + "decimal")
    >>> column([t, None]).tolist()
    [0.5, nan]
    >>> column([Term("literal", "x", datatype=XSD + "integer")]).dtype  # not an integer: str
    <StringDtype(na_value=nan)>
    """
    pandas = require("pandas")
    bound = [t for t in terms if t is not None]
    kinds = {_kind(t) for t in bound}
    typed: pd.Series | None = None
    if (bound and len(kinds) == 1) or kinds == {"int", "float"}:
        try:
            typed = _typed(terms, "float" if "float" in kinds else kinds.pop())
        except (ValueError, TypeError, OverflowError, KeyError):
            typed = None  # a value that does not parse as its type: the column stays text
    if typed is not None:
        return typed
    return pandas.Series([_text(t, short_iris=short_iris) for t in terms], dtype="str")


def parquet_bytes(result: QueryResult) -> bytes:
    """The result as a Parquet file (via pyarrow): what ``kg query --format parquet`` writes.

    >>> import pandas as pd
    >>> from graph.sparql.terms import SelectResult
    >>> n = Term("literal", "94", datatype=XSD + "integer")
    >>> data = parquet_bytes(SelectResult(("n",), [(n,), (None,)]))
    >>> pd.read_parquet(io.BytesIO(data))["n"].tolist()
    [94, <NA>]
    """
    require("pyarrow")
    buf = io.BytesIO()
    to_pandas(result).to_parquet(buf, engine="pyarrow", index=False)
    return buf.getvalue()


def _kind(t: Term) -> str:
    if t.kind != "literal" or t.language or t.datatype is None:
        return "text"
    if t.datatype in _INTEGERS:
        return "int"
    if t.datatype in _FLOATS:
        return "float"
    if t.datatype in _TEMPORAL:
        return "datetime"
    return "bool" if t.datatype == _BOOLEAN else "text"


def _typed(terms: Sequence[Term | None], kind: str) -> pd.Series | None:
    pandas = require("pandas")
    values = [None if t is None else t.value.strip() for t in terms]
    if kind == "int":
        return pandas.Series(
            pandas.array([None if v is None else _int(v) for v in values], dtype="Int64")
        )
    if kind == "float":
        return pandas.Series([float("nan") if v is None else float(v) for v in values], dtype=float)
    if kind == "bool":
        flags = {"true": True, "1": True, "false": False, "0": False}
        return pandas.Series(
            pandas.array([None if v is None else flags[v] for v in values], "boolean")
        )
    if kind == "datetime":
        days = [v if v is None else _DATE_TZ.sub(r"\1", v) for v in values]
        utc = any(v is not None and _HAS_TZ.search(v) for v in days)
        return pandas.Series(pandas.to_datetime(days, format="ISO8601", utc=utc))
    return None


def _int(value: str) -> int:
    if not _INTEGER_RE.fullmatch(value):  # int() would also take "1_000"
        raise ValueError(f"not an xsd:integer: {value!r}")
    return int(value)


def _text(t: Term | None, *, short_iris: bool) -> str | None:
    if t is None:
        return None
    if t.kind == "iri":
        return short_term(t) if short_iris else t.value
    return t.n3() if t.kind == "bnode" else t.value
