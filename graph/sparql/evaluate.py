"""``kg evaluate``: score a build against a hand-made news gold (posts, people, event dates).

The gold is a JSON object keyed by document file name, in the format of ``NEWS-GOLD.md``::

    {"01.txt": {"posts": [{"person": "张三", "role": "局长", "org": ["某市公安局", "市公安局"],
                           "alt": [{"role": ..., "org": [...]}]}],
                "former_posts": [...], "people": ["张三"],
                "events": [{"name": "...", "start": "2018-05-28", "end": null}]}}

A post found in the graph is one distinct (person label, role, organisation entity) of an
``org:Membership`` of the document's named graph.  It is right when it matches a post or a former
post of the gold: same person; role equal and an organisation label accepted, or a sub-body folded
into the organisation (gold 党委书记@X = 书记@X党委) or into the role (gold 司长@部某司 =
某司司长@部).  Precision = right / found, recall = gold posts matched / gold posts.  People are the
persons linked to the document (a span, a post or a quotation); an event date is right when an
event of the document has the gold start (and end).

>>> fact = {"person": "张三", "roles": {"书记"}, "orgs": {"某局党委"}}
>>> matches(fact, {"person": "张三", "role": "党委书记", "org": ["某局"]})
True
>>> score_gold({}, {"a.txt": {"posts": [], "people": ["张三"]}})["people"]["recall"]
0.0
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset

from graph.errors import ConfigError

_PREFIXES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <http://schema.org/>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
"""
_POSTS = (
    _PREFIXES
    + """SELECT DISTINCT ?id ?p ?org ?o ?role ?r WHERE {
  GRAPH ?g { ?m a org:Membership . ?d dcterms:identifier ?id }
  ?m org:member ?pe ; org:organization ?org ; org:role ?role .
  ?pe rdfs:label ?p .
  ?org skos:prefLabel|skos:altLabel|rdfs:label ?o .
  ?role rdfs:label|skos:prefLabel ?r }"""
)
_PEOPLE = (
    _PREFIXES
    + """SELECT DISTINCT ?id ?p WHERE {
  GRAPH ?g { ?d dcterms:identifier ?id .
    { ?s itsrdf:taIdentRef ?pe } UNION { ?m a org:Membership ; org:member ?pe }
    UNION { ?q a schema:Quotation ; schema:creator ?pe } }
  ?pe a foaf:Person ; rdfs:label ?p }"""
)
_EVENTS = (
    _PREFIXES
    + """SELECT DISTINCT ?id ?start ?end WHERE { GRAPH ?g { ?d dcterms:identifier ?id .
  ?e schema:startDate ?start . OPTIONAL { ?e schema:endDate ?end } } }"""
)
_DOCS = _PREFIXES + "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?d dcterms:identifier ?id } }"

Post = dict[str, Any]  # {"person": str, "roles": set[str], "orgs": set[str]}


@dataclass(frozen=True, slots=True)
class Found:
    """What a build states per document: posts, people, event (start, end) dates."""

    posts: Mapping[str, list[Post]] = field(default_factory=dict)
    people: Mapping[str, set[str]] = field(default_factory=dict)
    events: Mapping[str, set[tuple[str, str | None]]] = field(default_factory=dict)
    docs: frozenset[str] = frozenset()


def read_build(graph_dir: Path) -> Found:
    """The posts, people and event dates of each document of the build in ``graph_dir``.

    >>> read_build(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    graph.errors.ConfigError: no /nonexistent/graph.trig: run kg build first
    """
    trig = graph_dir / "graph.trig"
    if not trig.is_file():
        raise ConfigError(f"no {trig}: run kg build first")
    ds = Dataset(default_union=True)
    ds.parse(trig, format="trig")
    facts: dict[tuple[str, str, str, str], Post] = {}
    for doc, p, org, o, role, r in ds.query(_POSTS):  # type: ignore[misc]
        key = (str(doc), str(p), str(role), str(org))
        f = facts.setdefault(key, {"person": str(p), "roles": set(), "orgs": set()})
        f["roles"].add(str(r))
        f["orgs"].add(str(o))
    posts: dict[str, list[Post]] = defaultdict(list)
    for (doc, *_), f in sorted(facts.items()):
        posts[doc].append(f)
    people: dict[str, set[str]] = defaultdict(set)
    for doc, p in ds.query(_PEOPLE):  # type: ignore[misc]
        people[str(doc)].add(str(p))
    events: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for doc, start, end in ds.query(_EVENTS):  # type: ignore[misc]
        events[str(doc)].add((str(start)[:10], None if end is None else str(end)[:10]))
    docs = frozenset(str(d) for (d,) in ds.query(_DOCS))  # type: ignore[misc]
    return Found(dict(posts), dict(people), dict(events), docs)


def _forms(gold_post: Mapping[str, Any]) -> Iterator[tuple[str, set[str]]]:
    yield gold_post["role"], set(gold_post["org"])
    for a in gold_post.get("alt", []):
        yield a["role"], set(a["org"])


def matches(fact: Post, gold_post: Mapping[str, Any]) -> bool:
    """Whether a found post is the gold post (role and organisation, sub-bodies folded)."""
    if fact["person"] != gold_post["person"]:
        return False
    for grole, gorgs in _forms(gold_post):
        for r in fact["roles"]:
            for o in fact["orgs"]:
                if r == grole and o in gorgs:
                    return True
                if len(grole) > len(r) and grole.endswith(r):
                    x = grole[: -len(r)]
                    if o.endswith(x) and o[: -len(x)] in gorgs:
                        return True
                if len(r) > len(grole) and r.endswith(grole) and o + r[: -len(grole)] in gorgs:
                    return True
    return False


def show(fact: Post) -> str:
    """``person role@org`` for a listing."""
    roles, orgs = "|".join(sorted(fact["roles"])), "|".join(sorted(fact["orgs"]))
    return f"{fact['person']} {roles}@{orgs}"


def _ratio(n: int, m: int) -> float:
    return n / m if m else 0.0


def score_document(found: Found, doc: str, g: Mapping[str, Any]) -> dict[str, Any]:
    """The counts and listings of one document against its gold."""
    ext = found.posts.get(doc, [])
    truth = list(g.get("posts", [])) + list(g.get("former_posts", []))
    right = [f for f in ext if any(matches(f, gp) for gp in truth)]
    hit = [gp for gp in g.get("posts", []) if any(matches(f, gp) for f in ext)]
    gev = [e for e in g.get("events", []) if e.get("start")]
    spans = found.events.get(doc, set())
    dated = [
        e
        for e in gev
        if any(s == e["start"] and (not e.get("end") or t == e["end"]) for s, t in spans)
    ]
    gpeople, epeople = set(g.get("people", [])), found.people.get(doc, set())
    return {
        "in_build": doc in found.docs,
        "posts": {"correct": len(right), "extracted": len(ext), "hit": len(hit),
                  "gold": len(g.get("posts", []))},
        "people": {"correct": len(epeople & gpeople), "extracted": len(epeople),
                   "gold": len(gpeople)},
        "events": {"dated": len(dated), "gold": len(gev)},
        "wrong_posts": [show(f) for f in ext if f not in right],
        "missed_posts": [f"{p['person']} {p['role']}@{p['org'][0]}"
                         for p in g.get("posts", []) if p not in hit],
        "wrong_people": sorted(epeople - gpeople),
        "missed_people": sorted(gpeople - epeople),
        "missed_event_dates": [f"{e.get('name', '?')} {e['start']}" for e in gev if e not in dated],
    }  # fmt: skip


def score_gold(found: Found | Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Any]:
    """Per-document and total scores of ``found`` (a :class:`Found`) against ``gold``."""
    f = found if isinstance(found, Found) else Found()
    docs = {doc: score_document(f, doc, gold[doc]) for doc in sorted(gold)}

    def total(kind: str, a: str) -> int:
        return sum(int(d[kind][a]) for d in docs.values())

    pc, pe, ph, pg = (total("posts", k) for k in ("correct", "extracted", "hit", "gold"))
    qc, qe, qg = (total("people", k) for k in ("correct", "extracted", "gold"))
    ed, eg = total("events", "dated"), total("events", "gold")
    summary = (
        f"posts P={_ratio(pc, pe):.3f} R={_ratio(ph, pg):.3f} "
        f"people P={_ratio(qc, qe):.3f} R={_ratio(qc, qg):.3f} "
        f"event dates {ed}/{eg} (posts {pc}/{pe}, {ph}/{pg}; people {qc}/{qe}, {qc}/{qg})"
    )
    return {
        "posts": {"precision": _ratio(pc, pe), "recall": _ratio(ph, pg), "correct": pc,
                  "extracted": pe, "hit": ph, "gold": pg},
        "people": {"precision": _ratio(qc, qe), "recall": _ratio(qc, qg), "correct": qc,
                   "extracted": qe, "gold": qg},
        "events": {"dated": ed, "gold": eg, "accuracy": _ratio(ed, eg)},
        "docs": docs,
        "summary": summary,
    }  # fmt: skip


def evaluate_build(graph_dir: Path, gold_path: Path) -> dict[str, Any]:
    """Score the build in ``graph_dir`` against the gold file ``gold_path``.

    >>> evaluate_build(Path("/nonexistent"), Path("/nonexistent.json"))
    Traceback (most recent call last):
    ...
    graph.errors.ConfigError: no gold file /nonexistent.json
    """
    if not gold_path.is_file():
        raise ConfigError(f"no gold file {gold_path}")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise ConfigError(f"{gold_path}: not a JSON gold: {e}") from e
    if not isinstance(gold, dict):
        raise ConfigError(f"{gold_path}: a gold is a JSON object keyed by document name")
    return score_gold(read_build(graph_dir), gold)


def report_lines(result: Mapping[str, Any], *, verbose: bool = False) -> list[str]:
    """The table printed by ``kg evaluate``: one line per document, then the total."""
    lines = [f"{'document':14} {'posts P':>9} {'posts R':>9} {'people R':>9} {'dates':>6}"]
    for doc, d in result["docs"].items():
        p, q, e = d["posts"], d["people"], d["events"]
        flag = "" if d["in_build"] else "  (not in the build)"
        lines.append(
            f"{doc:14} {p['correct']:>4}/{p['extracted']:<4} {p['hit']:>4}/{p['gold']:<4} "
            f"{q['correct']:>4}/{q['gold']:<4} {e['dated']:>2}/{e['gold']:<3}{flag}"
        )
        if verbose:
            for k in ("wrong_posts", "missed_posts", "wrong_people", "missed_people",
                      "missed_event_dates"):  # fmt: skip
                if d[k]:
                    lines.append(f"    {k.replace('_', ' ')}: " + "; ".join(d[k]))
    lines.append("total: " + result["summary"])
    return lines
