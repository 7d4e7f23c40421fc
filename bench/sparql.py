"""Benchmark: the named queries on a synthetic graph of >= 1M triples, pyoxigraph vs rdflib.

The graph is shaped like the RDF model (people, organisations with types and sub-organisations,
memberships with NIF evidence spans, sentences, document contexts, extraction runs, quotations
mentioning concepts), one named graph per document plus an entities graph.

pyoxigraph (the project's store, via graph.sparql.store) runs every named query on the full graph.
Plain rdflib needs minutes and gigabytes to load 1M triples and some queries take minutes there,
so rdflib runs on a slice of the same shape (``--rdflib-triples``, default 100k), and pyoxigraph
runs the same slice too: the ratio compares both engines on identical data in the same run.
An rdflib query is stopped after ``--rdflib-cap`` seconds (SIGALRM; pure Python stops between
bytecodes): its time is then reported as the cap, so its ratio is a lower bound (marked ``>=``).

    .venv/bin/python bench/sparql.py [--triples 1000000] [--rdflib-triples 100000] [--repeat 5]

The last line printed is one JSON object (machine-readable).
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from graph.rdf.vocab import PREFIXES
from graph.sparql.inline import inline_bindings
from graph.sparql.query import named_queries, parse_bindings
from graph.sparql.results import to_ox
from graph.sparql.store import open_store, store_dir
from graph.sparql.terms import AskResult, GraphResult, SelectResult

KG = "https://kg.example.org/id/"
TXT = "https://kg.example.org/text/"
NS = {
    "a": "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "kgo": "https://kg.example.org/ns#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
ROLES = ["主席", "副主席", "党组书记", "经理", "秘书长"]
TRIPLES_PER_DOC = 600  # measured average of the generator below (602), used to size the corpus


def _p(curie: str) -> str:
    if curie == "a":
        return f"<{NS['a']}>"
    prefix, local = curie.split(":", 1)
    return f"<{NS[prefix]}{local}>"


def _lit(value: str, lang: str | None = "zh") -> str:
    text = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"@{lang}' if lang else f'"{text}"'


def _int(n: int, dt: str = "nonNegativeInteger") -> str:
    return f'"{n}"^^<{NS["xsd"]}{dt}>'


def synthetic_nquads(target_triples: int, seed: int = 7) -> bytes:
    """N-Quads of a model-shaped corpus with about ``target_triples`` triples."""
    rng = random.Random(seed)
    docs = max(1, -(-target_triples // TRIPLES_PER_DOC))
    n_people, n_orgs, n_concepts = docs * 12, max(20, docs * 2), 200
    ent = f"<{KG}graph-entities>"
    out: list[str] = []

    def q(s: str, p: str, o: str, g: str) -> None:
        out.append(f"{s} {p} {o} {g} .\n")

    def node(kind: str, i: int | str) -> str:
        return f"<{KG}{kind}-{i}>"

    q(node("orgtype", 0), _p("a"), _p("skos:Concept"), ent)
    q(node("orgtype", 0), _p("skos:prefLabel"), _lit("工会"), ent)
    q(node("orgtype", 1), _p("a"), _p("skos:Concept"), ent)
    q(node("orgtype", 1), _p("skos:prefLabel"), _lit("总工会"), ent)
    q(node("orgtype", 1), _p("skos:broader"), node("orgtype", 0), ent)
    for r, label in enumerate(ROLES):
        for t in ("org:Role", "skos:Concept"):
            q(node("role", r), _p("a"), _p(t), ent)
        q(node("role", r), _p("skos:prefLabel"), _lit(label), ent)
    for c in range(n_concepts):
        label = "工匠精神" if c == 0 else f"概念{c}"
        q(node("concept", c), _p("a"), _p("skos:Concept"), ent)
        q(node("concept", c), _p("skos:prefLabel"), _lit(label), ent)
        q(node("concept", c), _p("rdfs:label"), _lit(label), ent)
    for i in range(n_people):
        q(node("person", i), _p("a"), _p("foaf:Person"), ent)
        q(node("person", i), _p("rdfs:label"), _lit(f"人物{i}"), ent)
    for j in range(n_orgs):
        o = node("org", j)
        q(o, _p("a"), _p("org:Organization"), ent)
        q(o, _p("rdfs:label"), _lit(f"机构{j}"), ent)
        q(o, _p("skos:prefLabel"), _lit(f"机构{j}"), ent)
        q(o, _p("skos:altLabel"), _lit(f"构{j}"), ent)
        q(o, _p("org:classification"), node("orgtype", j % 2), ent)
    q(node("agent", 0), _p("a"), _p("prov:SoftwareAgent"), ent)
    q(node("agent", 0), _p("rdfs:label"), _lit("zhkg-extractor", None), ent)
    q(node("agent", 0), _p("schema:softwareVersion"), _lit("0.1", None), ent)
    q(node("plan", 0), _p("rdfs:label"), _lit("rules", None), ent)

    for d in range(docs):
        g = f"<{KG}graph-{d}>"
        base = f"{TXT}{d}"
        doc, run = node("doc", d), node("run", d)
        sentences: list[tuple[str, int, str, str, int]] = []  # text, person, org, role
        text = ""
        for k in range(24):
            p, o, r = rng.randrange(n_people), rng.randrange(n_orgs), rng.randrange(len(ROLES))
            s = f"机构{o}{ROLES[r]}人物{p}出席。"
            sentences.append((s, p, str(o), ROLES[r], len(text)))
            text += s
            del k
        ctx = f"<{base}#char=0,{len(text)}>"
        q(doc, _p("a"), _p("schema:NewsArticle"), g)
        q(doc, _p("a"), _p("foaf:Document"), g)
        q(doc, _p("dcterms:identifier"), _lit(f"doc{d}.txt", None), g)
        q(ctx, _p("a"), _p("nif:Context"), g)
        q(ctx, _p("nif:isString"), _lit(text, None), g)
        q(ctx, _p("nif:sourceUrl"), doc, g)
        q(ctx, _p("nif:endIndex"), _int(len(text)), g)
        q(run, _p("a"), _p("prov:Activity"), g)
        q(run, _p("prov:wasAssociatedWith"), node("agent", 0), g)
        q(run, _p("prov:qualifiedAssociation"), f"<{base}#assoc>", g)
        q(f"<{base}#assoc>", _p("prov:agent"), node("agent", 0), g)
        q(f"<{base}#assoc>", _p("prov:hadPlan"), node("plan", 0), g)
        for n, (s, p, o, role, start) in enumerate(sentences):
            end = start + len(s)
            sent = f"<{base}#char={start},{end}>"
            m, person, org = node("membership", f"{d}-{n}"), node("person", p), node("org", o)
            for t in ("org:Membership", "kgo:Fact"):
                q(m, _p("a"), _p(t), g)
            q(m, _p("org:member"), person, g)
            q(m, _p("org:organization"), org, g)
            q(m, _p("org:role"), node("role", ROLES.index(role)), g)
            q(m, _p("kgo:confidence"), f'"{rng.uniform(0.4, 1):.2f}"^^<{NS["xsd"]}decimal>', g)
            q(m, _p("prov:wasDerivedFrom"), sent, g)
            q(m, _p("prov:wasGeneratedBy"), run, g)
            q(person, _p("org:memberOf"), org, g)
            for b, e, anchor, target in (
                (start, end, s, None),
                (end - 3 - len(str(p)), end - 3, f"人物{p}", person),
            ):
                span = sent if target is None else f"<{base}#char={b},{e}>"
                q(span, _p("nif:referenceContext"), ctx, g)
                q(span, _p("nif:beginIndex"), _int(b), g)
                q(span, _p("nif:endIndex"), _int(e), g)
                q(span, _p("nif:anchorOf"), _lit(anchor, None), g)
                q(span, _p("nif:sentence"), sent, g)
                if target is not None:
                    q(span, _p("itsrdf:taIdentRef"), target, g)
                    q(span, _p("itsrdf:taConfidence"), f'"0.9"^^<{NS["xsd"]}decimal>', g)
            if n % 6 == 0:  # a quotation mentioning concepts
                qt = node("quote", f"{d}-{n}")
                for t in ("schema:Quotation", "kgo:Fact"):
                    q(qt, _p("a"), _p(t), g)
                q(qt, _p("schema:creator"), person, g)
                q(qt, _p("kgo:reportingVerb"), _lit("表示"), g)
                q(qt, _p("kgo:confidence"), f'"0.8"^^<{NS["xsd"]}decimal>', g)
                q(qt, _p("schema:mentions"), node("concept", rng.randrange(n_concepts)), g)
                q(qt, _p("prov:wasDerivedFrom"), sent, g)
            if n % 8 == 0 and int(o) > 0:  # a sub-organisation claim (the orgs form a tree)
                child, parent = org, node("org", int(o) // 8)
                stmt = node("stmt", f"{d}-{n}")
                q(child, _p("org:subOrganizationOf"), parent, g)
                q(stmt, _p("a"), _p("rdf:Statement"), g)
                q(stmt, _p("rdf:subject"), child, g)
                q(stmt, _p("rdf:predicate"), _p("org:subOrganizationOf"), g)
                q(stmt, _p("rdf:object"), parent, g)
                q(stmt, _p("kgo:confidence"), f'"0.7"^^<{NS["xsd"]}decimal>', g)
                q(stmt, _p("prov:wasDerivedFrom"), sent, g)
                q(stmt, _p("prov:wasGeneratedBy"), run, g)
    return "".join(out).encode("utf-8")


class _Capped(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Capped


def _median_time(fn: Callable[[], int], repeat: int, cap: float | None = None) -> tuple[float, int]:
    """Median seconds of ``repeat`` runs and the row count; -1 rows when a run hit ``cap``."""
    times, rows = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        if cap is not None:
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, cap)
        try:
            rows = fn()
        except _Capped:
            return cap or 0.0, -1
        finally:
            if cap is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), rows


def _queries() -> dict[str, tuple[str, dict[str, str]]]:
    out = {}
    for name, nq in sorted(named_queries().items()):
        values = parse_bindings([f"{k}={v}" for k, v in nq.defaults.items()])
        out[name] = (nq.text, {k: v.n3() for k, v in values.items() if v is not None})
    return out


# ------------------------------------------------------------------ side by side

# The question each named query answers in the benchmark: its parameters bound to an entity
# of the synthetic graph where a researcher would name one (a person, an organisation, a
# fact), else the query's defaults (the whole graph).
BENCH_BINDINGS: dict[str, tuple[str, ...]] = {
    "fact_evidence": ("fact=<https://kg.example.org/id/membership-7-3>",),
    "memberships": ("person=人物7",),
    "q3_suborganisations": ("rootName=机构1",),
    "q4_provenance_membership": ("person=人物7",),
    "q5_provenance_triple": ("child=机构9",),
    "q6_events": ("organiser=机构9",),
    "q7_conflicting_roles": ("person=人物7",),
    "x_export_web_annotation": ("fact=<https://kg.example.org/id/membership-7-3>",),
}

# Hand-written pyoxigraph queries for the same questions (constants written in), beside the
# named query run directly by pyoxigraph with its bound values as substitutions (``raw``) and
# with them written in as constants (``constants``); the fastest that gives the same rows is
# the baseline of the named query through graph.sparql.store (bindings, materialised rows).
HAND: dict[str, list[str]] = {
    "memberships": [
        """SELECT ?membership ?person ?org ?role ?confidence ?doc WHERE {
  ?p rdfs:label "人物7"@zh . BIND ("人物7"@zh AS ?person)
  ?membership org:member ?p ; org:organization ?o ; org:role ?r ; kgo:confidence ?confidence .
  ?o skos:prefLabel ?org . ?r skos:prefLabel ?role .
  ?membership prov:wasDerivedFrom ?s . ?s nif:referenceContext ?c . ?c nif:sourceUrl ?d .
  ?d dcterms:identifier ?doc } ORDER BY ?person ?org ?role""",
    ],
    "memberships_count": [
        """SELECT (COUNT(*) AS ?memberships) (COUNT(DISTINCT ?p) AS ?people)
  (COUNT(DISTINCT ?o) AS ?organisations) WHERE { ?m org:member ?p ; org:organization ?o }""",
        """SELECT (COUNT(*) AS ?memberships) (COUNT(DISTINCT ?p) AS ?people)
  (COUNT(DISTINCT ?o) AS ?organisations) WHERE {
  { SELECT ?m ?p { ?m org:member ?p } } { SELECT ?m ?o { ?m org:organization ?o } } }""",
    ],
    "fact_evidence": [
        """SELECT ?fact ?type ?confidence ?doc ?begin ?end ?evidence ?sentence WHERE {
  BIND (kg:membership-7-3 AS ?fact)
  kg:membership-7-3 prov:wasDerivedFrom ?span ; a ?type ; kgo:confidence ?confidence .
  FILTER (?type != kgo:Fact)
  ?span nif:anchorOf ?evidence ; nif:beginIndex ?begin ; nif:endIndex ?end ;
    nif:sentence/nif:anchorOf ?sentence ;
    nif:referenceContext/nif:sourceUrl/dcterms:identifier ?doc }""",
    ],
    "q7_conflicting_roles": [
        """SELECT ?person ?org ?roleA ?confA ?evidenceA ?roleB ?confB ?evidenceB WHERE {
  BIND ("人物7"@zh AS ?person) ?p rdfs:label "人物7"@zh .
  ?m1 org:member ?p ; org:organization ?o ; org:role ?r1 ; kgo:confidence ?confA .
  ?m2 org:member ?p ; org:organization ?o ; org:role ?r2 ; kgo:confidence ?confB .
  FILTER (STR(?m1) < STR(?m2) && ?r1 != ?r2)
  ?m1 prov:wasDerivedFrom/nif:anchorOf ?evidenceA . ?m2 prov:wasDerivedFrom/nif:anchorOf ?evidenceB .
  ?o rdfs:label ?org . ?r1 skos:prefLabel ?roleA . ?r2 skos:prefLabel ?roleB }""",
    ],
    "q9_offset_check": [
        """SELECT (COUNT(*) AS ?checked) (SUM(IF(STR(?a) = SUBSTR(?text, ?b + 1, ?e - ?b), 0, 1))
  AS ?mismatches) WHERE { ?s nif:anchorOf ?a ; nif:referenceContext ?ctx ; nif:beginIndex ?b ;
  nif:endIndex ?e . ?ctx nif:isString ?text }""",
        """SELECT (COUNT(*) AS ?checked) (SUM(IF(STR(?a) = SUBSTR(?text, ?b + 1, ?e - ?b), 0, 1))
  AS ?mismatches) WHERE {
  { SELECT ?s ?a { ?s nif:anchorOf ?a } } { SELECT ?s ?ctx { ?s nif:referenceContext ?ctx } }
  { SELECT ?s ?b { ?s nif:beginIndex ?b } } { SELECT ?s ?e { ?s nif:endIndex ?e } }
  { SELECT ?ctx ?text { ?ctx nif:isString ?text } } }""",
    ],
}


def _rows(result: Any) -> list[tuple[str, ...]]:
    """Rows (or triples) as text, for comparing answers across engines and formulations."""
    if isinstance(result, (SelectResult, GraphResult)):
        items = result.rows if isinstance(result, SelectResult) else result.triples
        return [tuple("" if t is None else t.n3() for t in row) for row in items]
    if isinstance(result, AskResult):
        return [(str(result.value),)]
    if isinstance(result, ox.QueryBoolean):
        return [(str(bool(result)).lower(),)]
    if isinstance(result, ox.QueryTriples):
        return [tuple(str(x) for x in (t.subject, t.predicate, t.object)) for t in result]
    width = range(len(result.variables))
    return [tuple("" if s[i] is None else str(s[i]) for i in width) for s in result]


def _size(result: Any) -> int:
    """Rows or triples of a materialised result (ASK: 1)."""
    if isinstance(result, SelectResult):
        return len(result.rows)
    return len(result.triples) if isinstance(result, GraphResult) else 1


def _norm(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return sorted(
        tuple(c.replace("^^<http://www.w3.org/2001/XMLSchema#string>", "") for c in r) for r in rows
    )


def _interleaved(fns: dict[str, Callable[[], int]], repeat: int) -> dict[str, float]:
    """Median seconds per call of each function, timed in alternating rounds.

    The machine is shared: each round runs every function once after the other (order
    reversed every second round), so a burst of load from elsewhere hits the named query and
    its baselines alike.  Queries under 10 ms run the same number of calls per round (about
    50 ms of the fastest) for at least 15 rounds, so a ratio of two fast queries is not one
    timer tick or one unlucky round.
    """
    warm = {}
    for label, fn in fns.items():
        t0 = time.perf_counter()
        fn()
        warm[label] = max(time.perf_counter() - t0, 1e-6)
    fast = max(warm.values()) < 0.01
    inner = max(1, min(200, int(0.05 / min(warm.values())))) if fast else 1
    rounds = max(repeat, 15) if fast else repeat
    samples: dict[str, list[float]] = {label: [] for label in fns}
    order = list(fns)
    for r in range(rounds):
        for label in order if r % 2 == 0 else order[::-1]:
            t0 = time.perf_counter()
            for _ in range(inner):
                fns[label]()
            samples[label].append((time.perf_counter() - t0) / inner)
    return {label: statistics.median(times) for label, times in samples.items()}


def _bench_values(name: str) -> dict[str, Any]:
    """The bound values of a named query in the benchmark: its defaults, then BENCH_BINDINGS."""
    nq = named_queries()[name]
    items = [f"{k}={v}" for k, v in nq.defaults.items()] + list(BENCH_BINDINGS.get(name, ()))
    return {k: v for k, v in parse_bindings(items).items() if v is not None}


def _variants(name: str, values: dict[str, Any]) -> list[tuple[str, str, dict[Any, Any]]]:
    """The baselines: the named query's form run by pyoxigraph with substitutions (raw), with
    its values written in (constants), and the hand-written queries for the question."""
    form = named_queries()[name].text_for(values)
    subs = {ox.Variable(k): to_ox(v) for k, v in values.items()}
    variants = [("raw", form, subs)]
    written = inline_bindings(form, values) if values else None
    if written is not None:
        variants.append(("constants", written, {}))
    return variants + [(f"hand{i + 1}", text, {}) for i, text in enumerate(HAND.get(name, []))]


def _side_by_side(store: Any, raw_store: Any, name: str, repeat: int) -> dict[str, Any]:
    """One named query through graph.sparql.store beside its baselines (same answer checked)."""
    values = _bench_values(name)
    form = named_queries()[name].text_for(values)
    t0 = time.perf_counter()
    want = _norm(_rows(store.query(form, values)))
    named_first = time.perf_counter() - t0
    # Timed: each path's Python rows, once: the named query's materialised result (what
    # kg query and run_query return), a baseline's solutions read into text by pyoxigraph.
    fns: dict[str, Callable[[], int]] = {"named": lambda: _size(store.query(form, values))}
    timings: dict[str, float | str] = {}
    for label, text, sub in _variants(name, values):

        def hand(text: str = text, sub: dict[Any, Any] = sub) -> int:
            result = raw_store.query(
                text, use_default_graph_as_union=True, prefixes=dict(PREFIXES),
                substitutions=sub or None,
            )  # fmt: skip
            return len(_rows(result))

        t0 = time.perf_counter()
        got = _norm(_rows(raw_store.query(
            text, use_default_graph_as_union=True, prefixes=dict(PREFIXES),
            substitutions=sub or None)))  # fmt: skip
        first = time.perf_counter() - t0
        if got != want:
            timings[label] = f"different answer ({len(got)} rows)"
        elif first > max(2.0, 5 * named_first) or first > max(0.05, 20 * named_first):
            # far too slow to be the baseline: timed once, apart (in the rounds, it would
            # evict the caches of the query timed after it)
            timings[label] = round(first * 1e3, 2)
        else:
            fns[label] = hand
    medians = _interleaved(fns, repeat)
    timings.update({k: round(v * 1e3, 3) for k, v in medians.items() if k != "named"})
    base = min((k for k in medians if k != "named"), key=medians.__getitem__, default=None)
    assert base is not None, f"{name}: no baseline gives the named query's answer"
    return {
        "bindings": list(BENCH_BINDINGS.get(name, ()))
        or list(named_queries()[name].defaults.items()),
        "rows": len(want),
        "named_ms": round(medians["named"] * 1e3, 3),
        "baseline_ms": round(medians[base] * 1e3, 3),
        "baseline": base,
        "ratio": round(medians["named"] / medians[base], 3),
        "variants_ms": timings,
    }


def bench_side_by_side(path: Path, repeat: int, only: set[str]) -> dict[str, dict[str, Any]]:
    """Per named query: its time through graph.sparql.store and the fastest hand-written."""
    out: dict[str, dict[str, Any]] = {}
    raw_store = ox.Store.read_only(str(path))
    with open_store(path, read_only=True) as store:
        for name in sorted(named_queries()):
            if only and name not in only:
                continue
            out[name] = row = _side_by_side(store, raw_store, name, repeat)
            print(
                f"{name:28} {row['named_ms']:9.2f} {row['baseline_ms']:9.2f} "
                f"{row['ratio']:6.2f}  {row['rows']:7d}  {row['baseline']}",
                flush=True,
            )
    return out


def load_store(data: bytes) -> tuple[Path, float]:
    """A new on-disk store holding ``data`` (N-Quads), bulk-loaded; (its path, seconds)."""
    path = store_dir(Path(tempfile.mkdtemp(prefix="kg-bench-")))
    t0 = time.perf_counter()
    inner = ox.Store(str(path))
    inner.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    inner.flush()
    del inner
    return path, time.perf_counter() - t0


# ------------------------------------------------------------------ rdflib (--rdflib)


def bench_rdflib(
    data: bytes, repeat: int, cap: float
) -> tuple[dict[str, float], float, dict[str, int]]:
    t0 = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=data, format="nquads")
    load = time.perf_counter() - t0
    medians, rows = {}, {}
    for name, (text, values) in _queries().items():
        init = {k: rdflib.util.from_n3(v) for k, v in values.items()}

        def run(text: str = text, init: dict[str, object] = init) -> int:
            return len(list(ds.query(text, initBindings=init)))  # type: ignore[arg-type]

        medians[name], rows[name] = _median_time(run, repeat, cap)
    return medians, load, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true", help="(the JSON line is always printed last)")
    ap.add_argument("--only", default="", help="comma-separated named queries")
    ap.add_argument("--store", type=Path, default=None, help="reuse a store made by this bench")
    ap.add_argument("--rdflib", action="store_true", help="also rdflib on a slice (slow)")
    ap.add_argument("--rdflib-triples", type=int, default=100_000)
    ap.add_argument("--rdflib-cap", type=float, default=20.0)
    args = ap.parse_args()

    if args.store is not None:
        path, load = args.store, 0.0
    else:
        full = synthetic_nquads(args.triples)
        path, load = load_store(full)
        del full
    with open_store(path, read_only=True) as store:
        quads = len(store)
    print(f"store: {quads} quads (bulk-loaded in {load:.1f} s) at {path}")
    print(f"{'named query':28} {'named ms':>9} {'hand ms':>9} {'ratio':>6}  {'rows':>7}  fastest")
    only = {n for n in args.only.split(",") if n}
    side = bench_side_by_side(path, args.repeat, only)
    slowest = max(side, key=lambda n: side[n]["named_ms"])
    worst = max(side, key=lambda n: side[n]["ratio"])
    report: dict[str, Any] = {
        "bench": "sparql",
        "quads": quads,
        "load_s": round(load, 2),
        "queries": side,
        "slowest_named_query": slowest,
        "slowest_named_ms": side[slowest]["named_ms"],
        "max_ratio_named_over_hand": side[worst]["ratio"],
        "max_ratio_query": worst,
        "ratio_median": round(statistics.median(q["ratio"] for q in side.values()), 3),
        "all_within_1s": all(q["named_ms"] <= 1000 for q in side.values()),
        "all_within_1_5x": all(q["ratio"] <= 1.5 for q in side.values()),
    }
    if args.rdflib:
        part = synthetic_nquads(args.rdflib_triples)
        rl, load_rl, rows_rl = bench_rdflib(part, max(1, args.repeat // 2), args.rdflib_cap)
        report["rdflib_slice"] = {
            "quads": args.rdflib_triples,
            "load_s": round(load_rl, 2),
            "median_ms": {k: round(v * 1e3, 2) for k, v in rl.items()},
            "capped": [k for k, n in rows_rl.items() if n < 0],
        }
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
