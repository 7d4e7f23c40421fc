"""``kg view``: HTML views of a neighbourhood, of a CONSTRUCT result, or of the whole graph.

Views are regenerated from ``graph_dir/graph.json`` (the lossless node-link export), so no
re-extraction is needed.  ``--query`` runs a CONSTRUCT (or DESCRIBE) against the store of the
export folder, or with rdflib over ``graph.ttl`` when there is no store, and draws the triples:
``rdf:type`` becomes the node kind, ``rdfs:label``/``skos:prefLabel`` the label,
``skos:altLabel`` the aliases, and every IRI-valued triple an edge.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="王小明", aliases=["小明"], kind="person")
>>> g.add_node("b", label="某某公司", aliases=[], kind="org")
>>> find_entity(g, "小明")
'a'
>>> try:
...     find_entity(g, "王小")
... except ConfigError as e:
...     print(e)
no entity labelled '王小' (close matches: 王小明)
"""

from __future__ import annotations

import difflib
import logging
import re
import unicodedata
from collections.abc import Hashable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import ConfigError, one_line
from graph.network.html import write_html
from graph.network.nodelink import read_nodelink
from graph.rdf.vocab import FOAF, NIF, ORG, RDF, RDFS, SCHEMA, SKOS

log = logging.getLogger(__name__)

# rdf:type IRI -> node kind (first match in this order wins)
TYPE_KINDS: tuple[tuple[str, str], ...] = (
    (str(FOAF.Person), "person"),
    (str(SCHEMA.Person), "person"),
    (str(ORG.Role), "role"),
    (str(ORG.Organization), "org"),
    (str(ORG.FormalOrganization), "org"),
    (str(SCHEMA.Organization), "org"),
    (str(SCHEMA.Event), "event"),
    (str(SCHEMA.Place), "place"),
    (str(NIF.Context), "document"),
    (str(FOAF.Document), "document"),
    (str(SCHEMA.CreativeWork), "document"),
    (str(SKOS.Concept), "concept"),
)
LABELS = (str(RDFS.label), str(SKOS.prefLabel), str(SCHEMA.name))
ALIASES = (str(SKOS.altLabel),)


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def find_entity(g: nx.MultiDiGraph, label: str) -> Hashable:
    """The node whose label or alias matches ``label`` (NFKC, spaces and case ignored).

    Several matches: the best-connected non-document node wins.  No match: ConfigError naming
    the closest labels.
    """
    want = _key(label)
    hits = [
        n
        for n, d in g.nodes(data=True)
        if _key(str(d.get("label", ""))) == want
        or want in {_key(str(a)) for a in d.get("aliases") or ()}
    ]
    if hits:
        best: Hashable = min(
            hits, key=lambda n: (g.nodes[n].get("kind") == "document", -g.degree(n), str(n))
        )
        return best
    names = sorted({str(d.get("label", "")) for _, d in g.nodes(data=True)} - {""})
    close = difflib.get_close_matches(label, names, n=5, cutoff=0.5)
    close += [x for x in names if want and want in _key(x) and x not in close][: 5 - len(close)]
    hint = f" (close matches: {', '.join(close)})" if close else " (no close match)"
    raise ConfigError(f"no entity labelled {label!r}{hint}")


def neighbourhood(g: nx.MultiDiGraph, centre: Hashable, *, hops: int) -> nx.MultiDiGraph:
    """The subgraph within ``hops`` edges of ``centre``, edge direction ignored.

    >>> g = nx.MultiDiGraph([(1, 2), (2, 3), (3, 4)])
    >>> sorted(neighbourhood(g, 2, hops=1).nodes)
    [1, 2, 3]
    """
    if hops < 0:
        raise ConfigError(f"--hops must be 0 or more, not {hops}")
    keep = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), centre, cutoff=hops)
    sub: nx.MultiDiGraph = g.subgraph(keep).copy()
    return sub


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def rdf_to_networkx(triples: Iterable[tuple[Any, Any, Any]]) -> nx.MultiDiGraph:
    """Draw RDF triples: subjects and IRI/blank objects are nodes, literals are attributes.

    Terms may be rdflib terms or ``graph.sparql.store.Term`` (anything with ``.value``/``.kind`` or
    ``str()``); literals are told apart by ``kind == "literal"`` or rdflib's ``Literal``.

    >>> from rdflib import Literal, URIRef
    >>> from graph.rdf.vocab import FOAF, ORG, RDF, RDFS
    >>> p, o = URIRef("http://x/p"), URIRef("http://x/o")
    >>> name = Literal("王小明", lang="zh")
    >>> g = rdf_to_networkx([(p, RDF.type, FOAF.Person), (p, RDFS.label, name),
    ...                      (p, ORG.memberOf, o)])
    >>> g.nodes["http://x/p"]["kind"], g.nodes["http://x/p"]["label"], g.nodes["http://x/o"]["label"]
    ('person', '王小明', 'o')
    >>> [d["relation"] for _, _, d in g.edges(data=True)]
    ['memberOf']
    """
    types: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    edges: list[tuple[str, str, str]] = []
    nodes: list[str] = []
    for s, p, o in triples:
        s_id, p_iri = _term_id(s), _term_text(p)
        nodes.append(s_id)
        if _is_literal(o):
            text = _term_text(o)
            if p_iri in LABELS and (s_id not in labels or _lang(o) == "zh"):
                labels[s_id] = text
            elif p_iri in ALIASES:
                aliases.setdefault(s_id, []).append(text)
        elif p_iri == str(RDF.type):
            types.setdefault(s_id, set()).add(_term_text(o))
        else:
            edges.append((s_id, p_iri, _term_id(o)))
    g = nx.MultiDiGraph()
    for n in dict.fromkeys(nodes + [o for _, _, o in edges]):
        kind = next((k for t, k in TYPE_KINDS if t in types.get(n, ())), "other")
        g.add_node(
            n,
            kind=kind,
            label=labels.get(n, _local(n)),
            aliases=sorted(set(aliases.get(n, [])) - {labels.get(n, "")}),
            docs=[],
            evidence=[],
        )
    for s_id, p_iri, o_id in edges:
        g.add_edge(
            s_id, o_id, key=f"{s_id} {p_iri} {o_id}", relation=_local(p_iri), label=_local(p_iri)
        )
    return g


def _is_literal(t: Any) -> bool:
    kind = getattr(t, "kind", None)
    return kind == "literal" if kind is not None else type(t).__name__ == "Literal"


def _term_text(t: Any) -> str:
    value = getattr(t, "value", None)
    return str(value) if isinstance(value, str) else str(t)


def _term_id(t: Any) -> str:
    kind = getattr(t, "kind", None)
    if kind == "bnode" or type(t).__name__ == "BNode":
        return "_:" + _term_text(t)
    return _term_text(t)


def _lang(t: Any) -> str | None:
    lang = getattr(t, "language", None)
    return str(lang) if lang else None


def construct_triples(graph_dir: Path, sparql: str) -> list[tuple[Any, Any, Any]]:
    """Triples of a CONSTRUCT/DESCRIBE over the store (or ``graph.ttl`` when there is none)."""
    if not re.search(r"\b(CONSTRUCT|DESCRIBE)\b", sparql, re.I):
        raise ConfigError(
            "--query needs a CONSTRUCT or DESCRIBE query (SELECT has no graph to draw)"
        )
    if (graph_dir / "store" / "CURRENT").is_file():
        from graph.sparql.query import run_query
        from graph.sparql.terms import GraphResult

        result = run_query(graph_dir, sparql)
        if not isinstance(result, GraphResult):
            raise ConfigError("--query needs a CONSTRUCT or DESCRIBE query")
        return list(result.triples)
    ttl = graph_dir / "graph.ttl"
    if not ttl.is_file():
        raise ConfigError(f"{graph_dir}: no store and no graph.ttl (run `kg build` first)")
    import rdflib

    from graph.rdf.vocab import sparql_prefixes

    rdf = rdflib.Graph(bind_namespaces="none")
    rdf.parse(ttl, format="turtle")
    text = sparql if re.search(r"^\s*PREFIX\b", sparql, re.I | re.M) else sparql_prefixes() + sparql
    try:
        answer = rdf.query(text)
    except Exception as e:  # rdflib raises pyparsing and its own errors
        raise ConfigError(f"query failed: {one_line(e)}") from e
    if answer.graph is None:
        raise ConfigError("--query needs a CONSTRUCT or DESCRIBE query")
    return list(answer.graph)


def slug(text: str, *, limit: int = 40) -> str:
    """A file-name-safe slug (letters, including Chinese, digits, ``-``).

    >>> slug("北京市 总工会/主席"), slug("../x")
    ('北京市-总工会-主席', 'x')
    """
    out = re.sub(r"[^\w]+", "-", unicodedata.normalize("NFKC", text)).strip("-_")[:limit]
    return out or "view"


def load_graph(graph_dir: Path) -> nx.MultiDiGraph:
    """The graph of an export folder: ``graph.json``, else drawn from ``graph.ttl``."""
    path = graph_dir / "graph.json"
    if path.is_file():
        return read_nodelink(path)
    if (graph_dir / "graph.ttl").is_file():
        log.warning("%s missing: drawing graph.ttl (no evidence in the details panel)", path)
        return rdf_to_networkx(construct_triples(graph_dir, "CONSTRUCT WHERE { ?s ?p ?o }"))
    raise ConfigError(f"{graph_dir}: no graph.json or graph.ttl (run `kg build` first)")


def write_view(
    graph_dir: Path,
    *,
    focus: str | None,
    hops: int,
    query_file: Path | None,
    out: Path | None,
) -> Path:
    """Write an HTML view and return its path (default ``graph_dir/view-<slug>.html``).

    ``focus`` + ``hops``: the neighbourhood of the entity with that label or alias.
    ``query_file``: the result of the CONSTRUCT query in that ``.rq`` file.  Neither: the whole
    graph (capped to the best-connected nodes when large).

    >>> import tempfile
    >>> from graph.network.nodelink import write_nodelink
    >>> folder = Path(tempfile.mkdtemp())
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> for n in g:
    ...     g.nodes[n].update(label=f"单位{n}", kind="org")
    >>> write_nodelink(g, folder / "graph.json")
    >>> write_view(folder, focus="单位a", hops=1, query_file=None, out=None).name
    'view-单位a-1hop.html'
    """
    graph_dir = Path(graph_dir)
    if focus is not None and query_file is not None:
        raise ConfigError("use either --focus or --query, not both")
    centre: Hashable | None = None
    if query_file is not None:
        try:
            sparql = Path(query_file).read_text(encoding="utf-8")
        except OSError as e:
            raise ConfigError(f"{query_file}: cannot read query file: {e.strerror or e}") from e
        g = rdf_to_networkx(construct_triples(graph_dir, sparql))
        name, title = f"query-{slug(Path(query_file).stem)}", f"查询 Query: {Path(query_file).name}"
    elif focus is not None:
        full = load_graph(graph_dir)
        centre = find_entity(full, focus)
        g = neighbourhood(full, centre, hops=hops)
        label = str(full.nodes[centre].get("label", focus))
        name, title = (
            f"{slug(label)}-{hops}hop",
            f"{label} · {hops} 跳邻域 {hops}-hop neighbourhood",
        )
    else:
        g = load_graph(graph_dir)
        name, title = "all", "知识图谱 Knowledge graph"
    path = Path(out) if out is not None else graph_dir / f"view-{name}.html"
    report = write_html(g, path, title=title, focus=centre)
    log.info("view %s: %d nodes, %d edges", path, report.shown_nodes, report.shown_edges)
    return path
