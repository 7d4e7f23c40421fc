"""The closed vocabularies: KGO matches kgo.ttl, typos raise, every term in use is listed."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef
from rdflib import namespace as rdfns

from graph.rdf.vocab import ITSRDF, KGO, NIF, PREFIXES, SCHEMA, sparql_prefixes

GRAPH = Path(__file__).resolve().parents[1] / "graph"
RESOURCES = GRAPH / "resources"
CLOSED: dict[str, type[rdfns.DefinedNamespace]] = {
    "kgo": KGO,
    "schema": SCHEMA,
    "nif": NIF,
    "itsrdf": ITSRDF,
}


def _terms(ns: type[rdfns.DefinedNamespace]) -> set[str]:
    return {name for name in inspect.get_annotations(ns) if not name.startswith("_")}


def _kgo_declared() -> set[str]:
    g = Graph()
    g.parse(RESOURCES / "kgo.ttl", format="turtle")
    base = str(KGO)
    return {
        str(s)[len(base) :]
        for s in g.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(base) and s != URIRef(base)
    }


def test_kgo_lists_exactly_the_terms_kgo_ttl_declares() -> None:
    declared = _kgo_declared()
    assert declared, "kgo.ttl declares no kgo: term"
    assert _terms(KGO) == declared


def test_kgo_ttl_declares_its_terms_as_classes_or_properties() -> None:
    g = Graph()
    g.parse(RESOURCES / "kgo.ttl", format="turtle")
    kinds = {OWL.Class, OWL.DatatypeProperty, OWL.ObjectProperty}
    for name in _terms(KGO):
        assert set(g.objects(KGO[name], RDF.type)) & kinds, name


@pytest.mark.parametrize("typo", ["confidnce", "Facts", "participant_count"])
def test_a_kgo_typo_raises(typo: str) -> None:
    with pytest.raises(AttributeError, match=typo):
        getattr(KGO, typo)
    with pytest.raises(AttributeError, match=typo):
        KGO[typo]


@pytest.mark.parametrize(("prefix", "ns"), CLOSED.items())
def test_every_namespace_is_closed(prefix: str, ns: type[rdfns.DefinedNamespace]) -> None:
    with pytest.raises(AttributeError):
        ns.noSuchTerm  # noqa: B018
    for name in _terms(ns):
        assert getattr(ns, name) == URIRef(PREFIXES[prefix] + name)


def test_namespace_iris_and_prefixes() -> None:
    assert str(SCHEMA) == "http://schema.org/"
    assert SCHEMA.startDate == URIRef("http://schema.org/startDate")
    assert PREFIXES["kgo"] == "https://kg.example.org/ns#"
    assert "PREFIX schema: <http://schema.org/>" in sparql_prefixes().splitlines()
    assert "PREFIX kg: <http://b/>" in sparql_prefixes("http://b/").splitlines()


def _uses_in_text(text: str) -> set[tuple[str, str]]:
    """``(prefix, term)`` of each ``prefix:term`` of a closed vocabulary in SPARQL or Turtle."""
    text = re.sub(r"<[^>\s]*>", " ", text)  # IRIs may hold '#'
    text = re.sub(r"#[^\n]*", " ", text)  # comments
    pattern = r"(?<![\w:])(" + "|".join(CLOSED) + r"):([A-Za-z_][\w-]*)"
    return set(re.findall(pattern, text))


def _uses_in_python(text: str) -> set[tuple[str, str]]:
    names = {ns.__name__: prefix for prefix, ns in CLOSED.items()}
    pattern = r"\b(" + "|".join(names) + r")\.([A-Za-z_]\w*)"
    return {(names[n], t) for n, t in re.findall(pattern, text)} | _uses_in_text_of_strings(text)


def _uses_in_text_of_strings(text: str) -> set[tuple[str, str]]:
    """``prefix:term`` in Python code (SPARQL held in strings); no comments to strip."""
    pattern = r"(?<![\w:])(" + "|".join(CLOSED) + r"):([A-Za-z_]\w*)"
    return set(re.findall(pattern, text))


def _uses_in_turtle(path: Path) -> set[tuple[str, str]]:
    """The IRIs of a closed vocabulary in a Turtle file's triples (not in its comments)."""
    g = Graph()
    g.parse(path, format="turtle")
    iris = {t for triple in g for t in triple if isinstance(t, URIRef)}
    return {
        (prefix, str(iri)[len(PREFIXES[prefix]) :])
        for iri in iris
        for prefix in CLOSED
        if str(iri).startswith(PREFIXES[prefix]) and str(iri) != PREFIXES[prefix]
    }


def _all_uses() -> set[tuple[str, str]]:
    """Terms used by the package's code (but the module that defines them), queries and shapes."""
    uses: set[tuple[str, str]] = set()
    for path in GRAPH.rglob("*.py"):
        if path != GRAPH / "rdf" / "vocab.py":
            uses |= _uses_in_python(path.read_text(encoding="utf-8"))
    for path in GRAPH.rglob("*.rq"):
        uses |= _uses_in_text(path.read_text(encoding="utf-8"))
    for path in RESOURCES.glob("*.ttl"):
        uses |= _uses_in_turtle(path)
    return uses


def test_every_term_the_package_queries_and_shapes_use_is_listed() -> None:
    uses = _all_uses()
    assert ("kgo", "confidence") in uses and ("nif", "anchorOf") in uses
    missing = sorted(f"{p}:{t}" for p, t in uses if t not in _terms(CLOSED[p]))
    assert missing == []


def test_every_listed_term_is_used() -> None:
    uses = _all_uses()
    unused = sorted(
        f"{p}:{t}" for p, ns in CLOSED.items() for t in _terms(ns) if (p, t) not in uses
    )
    assert unused == []


def test_the_use_scanner_sees_prefixed_names_and_skips_comments_and_iris() -> None:
    text = (
        "SELECT ?x { ?x schema:name ?n ; kgo:confidence ?c } # schema:commented\n<http://a#nif:x>"
    )
    assert _uses_in_text(text) == {("schema", "name"), ("kgo", "confidence")}
    assert _uses_in_python("KGO.Fact, SCHEMA.text") == {("kgo", "Fact"), ("schema", "text")}
