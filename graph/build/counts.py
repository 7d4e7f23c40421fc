"""The counts of ``kg stats`` (:func:`graph.sparql.stats.store_counts`), taken from the spool as
the graphs stream past, instead of by SPARQL over the finished store.

The same definitions: distinct instances of each class, distinct ``rdf:Statement`` nodes about
``org:subOrganizationOf``, distinct triples of the union, and quads.  The store holds exactly
the spooled quads, so the numbers are equal (``tests/test_counts.py``); counting here costs one
pass over lines already in memory, where the store's ``SELECT DISTINCT ?s ?p ?o`` took 25 s
and 1 GB at 20 MB of text.  Distinct triples are counted by 64-bit hashes of their lines, kept
in 64 arrays of 8-byte integers (about 8 bytes per triple); two different triples with the
same hash (probability below 1e-6 at 4 million triples) would count once.

>>> c = StatsCounter()
>>> c.add(b'<http://x.org/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
...       b'<http://xmlns.com/foaf/0.1/Person> .\\n')
>>> c.add(b'<http://x.org/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
...       b'<http://xmlns.com/foaf/0.1/Person> .\\n')
>>> counts = c.counts()
>>> counts["people"], counts["triples"], counts["quads"]
(1, 1, 2)
"""

from __future__ import annotations

from array import array

from graph.rdf.vocab import PREFIXES

# key -> classes whose distinct instances are counted (as graph.sparql.stats._CLASSES)
CLASSES: dict[str, tuple[str, ...]] = {
    "documents": ("foaf:Document", "schema:NewsArticle"),
    "people": ("foaf:Person",),
    "organisations": ("org:Organization",),
    "posts": ("org:Membership",),
    "events": ("schema:Event", "schema:EducationEvent"),
    "statements": ("schema:Quotation",),
    "concepts": ("schema:DefinedTerm",),
    "facts": ("kgo:Fact",),
}
KEYS = (*CLASSES, "sub-orgs", "triples", "quads")


def _iri(name: str) -> bytes:
    prefix, _, local = name.partition(":")
    return f"<{PREFIXES[prefix]}{local}>".encode()


_TYPE = b" " + _iri("rdf:type") + b" "
_PREDICATE = b" " + _iri("rdf:predicate") + b" "
_STATEMENT = _iri("rdf:Statement")
_SUBORG = _iri("org:subOrganizationOf")
_KEY_OF = {_iri(c): key for key, classes in CLASSES.items() for c in classes}
_BUCKETS = 64


class StatsCounter:
    """Feed it N-Triples (whole lines, one graph's lines unique); read :meth:`counts`."""

    def __init__(self) -> None:
        self._instances: dict[str, set[bytes]] = {key: set() for key in CLASSES}
        self._statements: set[bytes] = set()
        self._about_suborgs: set[bytes] = set()
        self._hashes = [array("Q") for _ in range(_BUCKETS)]
        self._quads = 0

    def add(self, ntriples: bytes) -> None:
        lines = ntriples.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        self._quads += len(lines)
        buckets = self._hashes
        for line in lines:
            h = hash(line) & 0xFFFFFFFFFFFFFFFF
            buckets[h % _BUCKETS].append(h)
        if _TYPE in ntriples or _PREDICATE in ntriples:
            self._scan(lines)

    def _scan(self, lines: list[bytes]) -> None:
        for line in lines:
            subject, sep, rest = line.partition(_TYPE)
            if sep and b" " not in subject:  # (not the words of a literal)
                obj = rest[: rest.rfind(b" .")]
                key = _KEY_OF.get(obj)
                if key is not None:
                    self._instances[key].add(subject)
                elif obj == _STATEMENT:
                    self._statements.add(subject)
                continue
            subject, sep, rest = line.partition(_PREDICATE)
            if sep and b" " not in subject and rest[: rest.rfind(b" .")] == _SUBORG:
                self._about_suborgs.add(subject)

    def counts(self) -> dict[str, int]:
        """The counts, keys in the order of ``graph.sparql.stats.COUNT_KEYS``."""
        out = {key: len(found) for key, found in self._instances.items()}
        out["sub-orgs"] = len(self._statements & self._about_suborgs)
        out["triples"] = sum(len(set(bucket)) for bucket in self._hashes)
        out["quads"] = self._quads
        return out
