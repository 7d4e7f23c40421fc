"""The counts of ``kg stats`` (:func:`graph.sparql.stats.store_counts`), taken from the spool as
the graphs stream past, instead of by SPARQL over the finished store.

The same definitions: distinct instances of each class, distinct ``rdf:Statement`` nodes about
``org:subOrganizationOf``, distinct triples of the union, and quads.  The store holds exactly
the spooled quads, so the numbers are equal (``tests/test_counts.py``); counting here costs one
pass over lines already in memory, where the store's ``SELECT DISTINCT ?s ?p ?o`` took 25 s
and 1 GB at 20 MB of text.  Distinct triples and instances are counted by 64-bit hashes of
their lines and subjects (:class:`DistinctHashes`: 64 buckets of 8-byte integers, written to
an anonymous temporary file beyond a million hashes, so memory does not grow with the corpus);
two different triples with the same hash (probability below 1e-6 at 4 million triples) would
count once.

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

import tempfile
from array import array
from collections.abc import Iterator
from typing import IO

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


class DistinctHashes:
    """64-bit hashes counted distinct at the end, in 64 buckets (by hash); beyond ``limit``
    hashes in memory the buckets are appended to an anonymous temporary file, and read back one
    bucket at a time.

    >>> d = DistinctHashes(limit=3)
    >>> for h in (5, 7, 5, 2**63, 7, 64 + 5):
    ...     d.add(h)
    >>> d.count()
    4
    """

    def __init__(self, limit: int = 1 << 20) -> None:
        self._limit = limit
        self._buckets = [array("Q") for _ in range(_BUCKETS)]
        self._held = 0
        self._file: IO[bytes] | None = None
        self._spilled: list[list[tuple[int, int]]] = [[] for _ in range(_BUCKETS)]

    def add(self, h: int) -> None:
        self._buckets[h % _BUCKETS].append(h)
        self._held += 1
        if self._held >= self._limit:
            self._spill()

    def _spill(self) -> None:
        if self._file is None:
            # open for the counter's life: an anonymous file, gone when it is closed
            self._file = tempfile.TemporaryFile(prefix="kg-counts-")  # noqa: SIM115
        for b, bucket in enumerate(self._buckets):
            if bucket:
                offset = self._file.seek(0, 2)
                bucket.tofile(self._file)
                self._spilled[b].append((offset, len(bucket)))
        self._buckets = [array("Q") for _ in range(_BUCKETS)]
        self._held = 0

    def sets(self) -> Iterator[set[int]]:
        """Each bucket's distinct hashes, bucket by bucket."""
        for b in range(_BUCKETS):
            found = array("Q")
            for offset, n in self._spilled[b]:
                assert self._file is not None
                self._file.seek(offset)
                found.fromfile(self._file, n)
            found.extend(self._buckets[b])
            yield set(found)

    def count(self) -> int:
        return sum(len(found) for found in self.sets())


def _hash(data: bytes) -> int:
    return hash(data) & 0xFFFFFFFFFFFFFFFF


class StatsCounter:
    """Feed it N-Triples (whole lines, one graph's lines unique); read :meth:`counts`."""

    def __init__(self) -> None:
        self._instances = {key: DistinctHashes() for key in CLASSES}
        self._statements = DistinctHashes()
        self._about_suborgs = DistinctHashes()
        self._triples = DistinctHashes()
        self._quads = 0

    def add(self, ntriples: bytes) -> None:
        lines = ntriples.split(b"\n")
        if lines and not lines[-1]:
            lines.pop()
        self._quads += len(lines)
        for line in lines:
            self._triples.add(_hash(line))
        if _TYPE in ntriples or _PREDICATE in ntriples:
            self._scan(lines)

    def _scan(self, lines: list[bytes]) -> None:
        for line in lines:
            subject, sep, rest = line.partition(_TYPE)
            if sep and b" " not in subject:  # (not the words of a literal)
                obj = rest[: rest.rfind(b" .")]
                key = _KEY_OF.get(obj)
                if key is not None:
                    self._instances[key].add(_hash(subject))
                elif obj == _STATEMENT:
                    self._statements.add(_hash(subject))
                continue
            subject, sep, rest = line.partition(_PREDICATE)
            if sep and b" " not in subject and rest[: rest.rfind(b" .")] == _SUBORG:
                self._about_suborgs.add(_hash(subject))

    def counts(self) -> dict[str, int]:
        """The counts, keys in the order of ``graph.sparql.stats.COUNT_KEYS``."""
        out = {key: found.count() for key, found in self._instances.items()}
        pairs = zip(self._statements.sets(), self._about_suborgs.sets(), strict=True)
        out["sub-orgs"] = sum(len(a & b) for a, b in pairs)
        out["triples"] = self._triples.count()
        out["quads"] = self._quads
        return out
