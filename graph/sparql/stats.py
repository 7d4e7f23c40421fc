"""The one count of a graph: documents, entities, facts and triples, read from the store.

The build summary, ``kg stats`` and the notebooks all call :func:`store_counts` (through
:func:`graph_stats`), so they cannot disagree.  What is counted:

- entities and facts are *distinct nodes* of their class (an event reported twice in one
  document is one event; a person's posts are their ``org:Membership`` nodes);
- ``triples`` are the *distinct* triples of the union of all named graphs (what
  ``SELECT DISTINCT ?s ?p ?o`` returns), not the sum of the graphs' sizes: a triple that two
  documents both state (``org:memberOf``, the extractor's description) is one triple.
  ``quads`` is that sum (``len(store)``).

>>> import tempfile
>>> from graph.sparql.store import open_store
>>> nt = b'<http://x.org/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .'
>>> with open_store(Path(tempfile.mkdtemp()) / "store") as store:
...     store.replace_graphs({"http://x.org/g1": nt, "http://x.org/g2": nt})
...     counts = store_counts(store)
>>> counts["people"], counts["triples"], counts["quads"]
(1, 1, 2)
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import QueryError
from graph.sparql.store import Store, open_store, store_dir
from graph.sparql.terms import SelectResult

__all__ = ["COUNT_KEYS", "graph_stats", "store_counts"]

# key -> the class whose distinct instances are counted (documents: either class)
_CLASSES: dict[str, tuple[str, ...]] = {
    "documents": ("foaf:Document", "schema:NewsArticle"),
    "people": ("foaf:Person",),
    "organisations": ("org:Organization",),
    "posts": ("org:Membership",),
    "events": ("schema:Event", "schema:EducationEvent"),  # the event classes the build writes
    "statements": ("schema:Quotation",),
    "concepts": ("schema:DefinedTerm",),
    "facts": ("kgo:Fact",),
}
COUNT_KEYS = (*_CLASSES, "sub-orgs", "triples", "quads")

_SUBORGS = """SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {
  ?st a rdf:Statement ; rdf:predicate org:subOrganizationOf }"""
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def _one(store: Store, sparql: str) -> int:
    result = store.query(sparql)
    if not isinstance(result, SelectResult) or not result.rows or result.rows[0][0] is None:
        raise QueryError(f"count query returned no number: {sparql}")
    return int(result.rows[0][0].value)


def _instances(classes: tuple[str, ...]) -> str:
    if len(classes) == 1:
        return f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {classes[0]} }}"
    values = " ".join(classes)
    return f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ VALUES ?c {{ {values} }} ?x a ?c }}"


def store_counts(store: Store) -> dict[str, int]:
    """Counts of documents, entities, facts, distinct triples and quads (keys: COUNT_KEYS)."""
    out = {key: _one(store, _instances(classes)) for key, classes in _CLASSES.items()}
    out["sub-orgs"] = _one(store, _SUBORGS)
    out["triples"] = _one(store, _TRIPLES)
    out["quads"] = len(store)
    return {key: out[key] for key in COUNT_KEYS}


def graph_stats(graph_dir: Path) -> dict[str, int]:
    """:func:`store_counts` of the store of an export folder (opened read-only)."""
    with open_store(store_dir(graph_dir), read_only=True) as store:
        return store_counts(store)
