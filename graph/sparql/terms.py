"""RDF terms and query results as plain Python records, independent of the store library.

Also the command-line syntax of binding values (:func:`parse_term`) and the short one-line
form of a term for tables and reports (:func:`short_term`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, TypeAlias

from rdflib.term import BNode as RdflibBNode
from rdflib.term import Literal as RdflibLiteral
from rdflib.term import URIRef as RdflibURIRef

from graph.errors import QueryError, one_line
from graph.rdf.vocab import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True, slots=True)
class Term:
    """An RDF term, independent of the store library.

    >>> Term("literal", '他说"好"', language="zh").n3()
    '"他说\\\\"好\\\\""@zh'
    >>> Term("iri", "http://schema.org/Person").n3()
    '<http://schema.org/Person>'
    """

    kind: Literal["iri", "bnode", "literal", "triple"]
    value: str
    datatype: str | None = None
    language: str | None = None

    def n3(self) -> str:
        """N-Triples / SPARQL syntax of the term."""
        if self.kind == "iri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        if self.kind == "triple":
            return self.value
        text = '"' + _escape(self.value) + '"'
        if self.language:
            return f"{text}@{self.language}"
        if self.datatype and self.datatype != XSD + "string":
            return f"{text}^^<{self.datatype}>"
        return text


Row: TypeAlias = tuple[Term | None, ...]
BindingValue: TypeAlias = (
    "Term | str | int | float | bool | RdflibURIRef | RdflibLiteral | RdflibBNode"
)


@dataclass(frozen=True, slots=True)
class SelectResult:
    """Solutions of a SELECT query (``truncated`` when ``max_results`` cut them)."""

    variables: tuple[str, ...]
    rows: list[Row]
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class AskResult:
    """The answer of an ASK query."""

    value: bool


@dataclass(frozen=True, slots=True)
class GraphResult:
    """Triples of a CONSTRUCT or DESCRIBE query."""

    triples: list[tuple[Term, Term, Term]]
    truncated: bool = False


QueryResult: TypeAlias = SelectResult | AskResult | GraphResult


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


_LITERAL_RE = re.compile(r'^"(.*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?$', re.DOTALL)
_PNAME_RE = re.compile(r"^([A-Za-z][\w-]*):([\w.-]*)$")
_UNESCAPE_RE = re.compile(r'\\([\\"ntr])')


def _expand(name: str) -> str | None:
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    m = _PNAME_RE.match(name)
    if m and m.group(1) in PREFIXES:
        return PREFIXES[m.group(1)] + m.group(2)
    return None


def parse_term(text: str) -> Term:
    """Read a binding value written on the command line (Turtle-like, forgiving).

    ``<iri>`` and known prefixed names (``kg:person-…``, ``org:Membership``) are IRIs;
    ``"text"``, ``"text"@lang`` and ``"text"^^xsd:date`` are literals; ``42``, ``0.5``,
    ``true``/``false`` are typed numbers/booleans; any other text is a Chinese label,
    ``"text"@zh``, because every label in the graph is tagged ``@zh``.

    >>> parse_term("主席")
    Term(kind='literal', value='主席', datatype=None, language='zh')
    >>> parse_term("kg:person-1").value
    'https://kg.example.org/id/person-1'
    >>> parse_term('"a.txt"').datatype
    'http://www.w3.org/2001/XMLSchema#string'
    >>> parse_term("94").datatype
    'http://www.w3.org/2001/XMLSchema#integer'
    """
    text = text.strip()
    m = _LITERAL_RE.match(text)
    if m:
        value = _UNESCAPE_RE.sub(lambda e: {"n": "\n", "t": "\t", "r": "\r"}.get(e[1], e[1]), m[1])
        if m[2]:
            return Term("literal", value, language=m[2].lower())
        datatype = _expand(m[3]) if m[3] else XSD + "string"
        if datatype is None:
            raise QueryError(f"unknown datatype in binding value {text!r}")
        return Term("literal", value, datatype=datatype)
    iri = _expand(text)
    if iri is not None:
        return Term("iri", iri)
    if text in ("true", "false"):
        return Term("literal", text, datatype=XSD + "boolean")
    if re.fullmatch(r"[+-]?\d+", text):
        return Term("literal", text, datatype=XSD + "integer")
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        return Term("literal", text, datatype=XSD + "decimal")
    return Term("literal", text, language="zh")


def to_term(value: BindingValue) -> Term:
    """A :class:`Term` from a Python value, an rdflib term or the syntax of :func:`parse_term`."""
    if isinstance(value, Term):
        return value
    if isinstance(value, RdflibURIRef):
        return Term("iri", str(value))
    if isinstance(value, RdflibBNode):
        return Term("bnode", str(value))
    if isinstance(value, RdflibLiteral):
        lang = value.language
        dt = str(value.datatype) if value.datatype else None
        return Term("literal", str(value), datatype=None if lang else dt, language=lang)
    if isinstance(value, bool):
        return Term("literal", str(value).lower(), datatype=XSD + "boolean")
    if isinstance(value, int):
        return Term("literal", str(value), datatype=XSD + "integer")
    if isinstance(value, float):
        return Term("literal", repr(value), datatype=XSD + "double")
    return parse_term(str(value))


def short_term(term: Term | None, *, limit: int | None = None) -> str:
    """A term on one line for tables and reports (``""`` for an unbound value).

    IRIs in a known namespace become prefixed names (other IRIs stay ``<iri>``), literals are
    their text with whitespace runs folded, blank nodes ``_:id``; ``limit`` clips all but IRIs.

    >>> short_term(Term("iri", "http://www.w3.org/ns/org#Membership"))
    'org:Membership'
    >>> short_term(Term("iri", "http://example.net/x"))
    '<http://example.net/x>'
    >>> short_term(Term("literal", "北京市\\n  总工会", language="zh"), limit=5)
    '北京市 …'
    """
    if term is None:
        return ""
    if term.kind == "iri":
        for prefix, ns in _BY_LENGTH:
            if term.value.startswith(ns) and len(term.value) > len(ns):
                return f"{prefix}:{term.value[len(ns) :]}"
        return f"<{term.value}>"
    return one_line(term.value if term.kind == "literal" else term.n3(), limit=limit)


# longest namespace first, so that a namespace inside another never shortens its IRIs
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
