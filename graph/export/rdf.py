"""RDF export: the knowledge graph as an rdflib ``Dataset`` (DESIGN §3, ``rdf-model/``).

One named graph per document holds its text (NIF context), evidence spans, run and facts;
the named graph ``{base}graph-entities`` holds the canonical entities (labels, aliases, types).
IRIs are deterministic, so two builds of the same input serialise to identical bytes.

>>> from graph.types import Document, KnowledgeGraph
>>> ds = to_dataset(KnowledgeGraph((Document.from_text("d.txt", "正文"),), (), ()))
>>> len(list(ds.graphs())) >= 2
True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from graph import __version__
from graph.model import document_iri, entity_iri, fact_iri
from graph.types import Document, Entity, EntityRef, Fact, KnowledgeGraph, Sentence, Span
from graph.vocab import (
    DCTERMS,
    DEFAULT_BASE,
    FOAF,
    ITSRDF,
    KGO,
    NIF,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
    mint,
)

AGENT_NAME = "zhkg"
HEAD_ROLES = frozenset(
    {
        "主席",
        "书记",
        "党组书记",
        "董事长",
        "总经理",
        "局长",
        "部长",
        "院长",
        "校长",
        "行长",
        "社长",
        "会长",
        "理事长",
        "市长",
        "省长",
        "区长",
        "县长",
        "主任",
        "总裁",
        "厅长",
        "处长",
        "司长",
        "所长",
        "馆长",
        "台长",
    }
)


def entities_graph_iri(base: str = DEFAULT_BASE) -> str:
    """The named graph that holds canonical entity descriptions."""
    return f"{base}graph-entities"


def document_graph_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    """The named graph of one document."""
    return mint("graph", doc_id, base)


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


def _nni(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


class _DocWriter:
    """Writes the triples of one document into its named graph."""

    def __init__(self, g: Graph, doc: Document, sentences: tuple[Sentence, ...], base: str) -> None:
        self.g, self.doc, self.base = g, doc, base
        text_base = base.replace("/id/", "/text/") if "/id/" in base else base + "text/"
        self.text_iri = f"{text_base}{doc.sha256[:20]}"
        self.context = URIRef(f"{self.text_iri}#char=0,{len(doc.text)}")
        self.doc_node = URIRef(document_iri(doc.doc_id, doc.sha256, base))
        self.run = URIRef(mint("run", f"{doc.sha256}\x1f{__version__}", base))
        self.sentences = {(s.start, s.end): s for s in sentences}
        self._written: set[tuple[int, int]] = set()
        self.attested: date | None = None

    def header(self) -> None:
        g, doc = self.g, self.doc
        g.add((self.doc_node, RDF.type, SCHEMA.NewsArticle))
        g.add((self.doc_node, RDF.type, FOAF.Document))
        g.add((self.doc_node, RDF.type, PROV.Entity))
        g.add((self.doc_node, DCTERMS.identifier, Literal(doc.doc_id)))
        g.add((self.doc_node, SCHEMA.sha256, Literal(doc.sha256)))
        g.add((self.doc_node, DCTERMS.language, Literal("zh")))
        if doc.title:
            g.add((self.doc_node, DCTERMS.title, _zh(doc.title)))
            g.add((self.doc_node, RDFS.label, _zh(doc.title)))
        c = self.context
        g.add((c, RDF.type, NIF.Context))
        g.add((c, RDF.type, NIF.RFC5147String))
        g.add((c, NIF.beginIndex, _nni(0)))
        g.add((c, NIF.endIndex, _nni(len(doc.text))))
        g.add((c, NIF.sourceUrl, self.doc_node))
        g.add((c, NIF.isString, Literal(doc.text)))
        agent = URIRef(mint("agent", f"{AGENT_NAME}\x1f{__version__}", self.base))
        plan = URIRef(mint("plan", f"rules+crf\x1f{__version__}", self.base))
        assoc = URIRef(mint("assoc", f"{doc.sha256}\x1f{__version__}", self.base))
        g.add((self.run, RDF.type, PROV.Activity))
        g.add((self.run, RDFS.label, Literal(f"{AGENT_NAME} {__version__} on {doc.doc_id}")))
        g.add((self.run, PROV.used, c))
        g.add((self.run, PROV.wasAssociatedWith, agent))
        g.add((self.run, PROV.qualifiedAssociation, assoc))
        g.add((assoc, RDF.type, PROV.Association))
        g.add((assoc, PROV.agent, agent))
        g.add((assoc, PROV.hadPlan, plan))
        g.add((agent, RDF.type, PROV.SoftwareAgent))
        g.add((agent, RDF.type, SCHEMA.SoftwareApplication))
        g.add((agent, RDFS.label, Literal(AGENT_NAME)))
        g.add((agent, SCHEMA.softwareVersion, Literal(__version__)))
        g.add((plan, RDF.type, PROV.Plan))
        g.add((plan, RDFS.label, Literal("title-chain rules, region linking and CRF mentions")))

    def span(self, start: int, end: int, sentence: tuple[int, int] | None = None) -> URIRef:
        node = URIRef(f"{self.text_iri}#char={start},{end}")
        if (start, end) in self._written:
            return node
        self._written.add((start, end))
        g = self.g
        g.add((node, RDF.type, NIF.RFC5147String))
        g.add((node, RDF.type, NIF.Sentence if (start, end) in self.sentences else NIF.Phrase))
        g.add((node, NIF.referenceContext, self.context))
        g.add((node, NIF.beginIndex, _nni(start)))
        g.add((node, NIF.endIndex, _nni(end)))
        g.add((node, NIF.anchorOf, Literal(self.doc.text[start:end])))
        if sentence and sentence in self.sentences and sentence != (start, end):
            g.add((node, NIF.sentence, self.span(*sentence)))
        return node

    def evidence(self, s: Span) -> URIRef:
        return self.span(s.start, s.end, (s.sentence_start, s.sentence_end))

    def claim(self, node: URIRef, confidence: float, evidence: Iterable[Span]) -> None:
        g = self.g
        g.add((node, RDF.type, KGO.Fact))
        g.add((node, KGO.confidence, _decimal(confidence)))
        g.add((node, PROV.wasGeneratedBy, self.run))
        for s in evidence:
            g.add((node, PROV.wasDerivedFrom, self.evidence(s)))

    def link_mentions(self, entity: Entity, iri: URIRef, cls: URIRef) -> None:
        for m in entity.mentions:
            if m.doc_id == self.doc.doc_id:
                node = self.evidence(m)
                self.g.add((node, ITSRDF.taIdentRef, iri))
                self.g.add((node, ITSRDF.taClassRef, cls))
                self.g.add((node, ITSRDF.taConfidence, _decimal(0.9)))


def _attested(g: Graph, membership: URIRef, day: date, base: str) -> None:
    """org:memberDuring an interval that contains the day the document reports on."""
    interval = URIRef(mint("interval", day.isoformat(), base))
    instant = URIRef(mint("instant", day.isoformat(), base))
    g.add((membership, ORG.memberDuring, interval))
    g.add((interval, RDF.type, TIME.Interval))
    g.add((interval, TIME.inside, instant))
    g.add((instant, RDF.type, TIME.Instant))
    g.add((instant, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date)))


def _write_membership(w: _DocWriter, f: Fact, labels: dict[EntityRef, str]) -> None:
    g, base = w.g, w.base
    node = URIRef(fact_iri(f, base))
    person, org, role = (URIRef(entity_iri(f.ref(k), base)) for k in ("person", "org", "role"))
    g.add((node, RDF.type, ORG.Membership))
    g.add((node, ORG.member, person))
    g.add((node, ORG.organization, org))
    g.add((node, ORG.role, role))
    if w.attested is not None:
        _attested(g, node, w.attested, base)
    w.claim(node, f.confidence, f.evidence)
    if f.confidence >= 0.5:
        org_label, role_label = labels[f.ref("org")], labels.get(f.ref("role"), f.ref("role").key)
        post = URIRef(mint("post", f"{f.ref('org').key}\x1f{f.ref('role').key}", base))
        g.add((person, ORG.memberOf, org))
        g.add((person, ORG.holds, post))
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.postIn, org))
        g.add((post, ORG.role, role))
        g.add((post, RDFS.label, _zh(org_label + role_label)))
        g.add((post, SKOS.prefLabel, _zh(org_label + role_label)))
        if role_label in HEAD_ROLES:
            g.add((person, ORG.headOf, org))


def _write_reified(w: _DocWriter, f: Fact, s: URIRef, p: URIRef, o: Node) -> None:
    node = URIRef(fact_iri(f, w.base))
    w.g.add((node, RDF.type, RDF.Statement))
    w.g.add((node, RDF.subject, s))
    w.g.add((node, RDF.predicate, p))
    w.g.add((node, RDF.object, o))
    w.claim(node, f.confidence, f.evidence)
    if f.confidence >= 0.5:
        w.g.add((s, p, o))


def _write_fact(w: _DocWriter, f: Fact, labels: dict[EntityRef, str]) -> None:
    if f.kind == "membership":
        _write_membership(w, f, labels)
    elif f.kind == "suborg":
        child, parent = (URIRef(entity_iri(f.ref(k), w.base)) for k in ("child", "parent"))
        _write_reified(w, f, child, ORG.subOrganizationOf, parent)
    else:
        from graph.export.rdf_facts import write_other_fact

        write_other_fact(w, f, labels)


def _write_entity(g: Graph, e: Entity, base: str) -> None:
    iri = URIRef(entity_iri(e.ref, base))
    kind = e.ref.kind
    g.add((iri, RDFS.label, _zh(e.label)))
    for rule in e.link_rules:  # why mentions were merged into this entity
        g.add((iri, SKOS.editorialNote, Literal(f"link rule: {rule}", lang="en")))
    if kind == "person":
        g.add((iri, RDF.type, FOAF.Person))
        g.add((iri, RDF.type, SCHEMA.Person))
        g.add((iri, FOAF.name, _zh(e.label)))
        return
    g.add((iri, SKOS.prefLabel, _zh(e.label)))
    for alias in e.aliases:
        g.add((iri, SKOS.altLabel, _zh(alias)))
    if kind == "org":
        g.add((iri, RDF.type, ORG.Organization))
        g.add((iri, RDF.type, SCHEMA.Organization))
        _write_classes(g, iri, e.classes, base)
    elif kind == "role":
        g.add((iri, RDF.type, ORG.Role))
        g.add((iri, RDF.type, SKOS.Concept))
        scheme = URIRef(f"{base}scheme-roles")
        g.add((iri, SKOS.inScheme, scheme))
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, RDFS.label, _zh("职务")))
    elif kind == "concept":
        scheme = URIRef(f"{base}scheme-topics")
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, RDF.type, SCHEMA.DefinedTerm))
        g.add((iri, SKOS.inScheme, scheme))
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, RDFS.label, _zh("主题概念")))
    elif kind == "place":
        g.add((iri, RDF.type, SCHEMA.Place))


def _write_classes(g: Graph, org: URIRef, classes: tuple[str, ...], base: str) -> None:
    """org:classification to an organisation type; the next class is its skos:broader."""
    scheme = URIRef(f"{base}scheme-orgtypes")
    nodes = [URIRef(mint("orgtype", c, base)) for c in classes]
    for node, label in zip(nodes, classes, strict=True):
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, scheme))
        g.add((node, RDFS.label, _zh(label)))
        g.add((node, SKOS.prefLabel, _zh(label)))
    for narrower, broader in itertools.pairwise(nodes):
        g.add((narrower, SKOS.broader, broader))
    if nodes:
        g.add((org, ORG.classification, nodes[0]))
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, RDFS.label, _zh("组织类型")))


def _report_day(facts: list[Fact]) -> date | None:
    """The day a document reports on: the last day of the events it describes (if any)."""
    days = [d for f in facts if f.kind == "event" for d in (f.arg("end"),) if isinstance(d, date)]
    return max(days) if days else None


def _bind(g: Graph, base: str) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, base if prefix == "kg" else ns, override=True, replace=True)


def entities_graph(kg: KnowledgeGraph, base: str = DEFAULT_BASE) -> Graph:
    """The canonical entities: labels, aliases, types, link rules."""
    g = Graph(bind_namespaces="none", identifier=URIRef(entities_graph_iri(base)))
    _bind(g, base)
    for e in kg.entities:
        _write_entity(g, e, base)
    return g


_LINKED = {"person": FOAF.Person, "org": ORG.Organization, "concept": SKOS.Concept}


def document_graph(
    doc: Document,
    facts: list[Fact],
    linked: list[Entity],
    labels: dict[EntityRef, str],
    sentences: tuple[Sentence, ...],
    base: str = DEFAULT_BASE,
) -> Graph:
    """One document's named graph: text, run, evidence spans, facts and entity links.

    It depends only on that document's extraction, so it can be cached per document.
    """
    g = Graph(bind_namespaces="none", identifier=URIRef(document_graph_iri(doc.doc_id, base)))
    _bind(g, base)
    w = _DocWriter(g, doc, sentences, base)
    w.attested = _report_day(facts)
    w.header()
    for f in facts:
        _write_fact(w, f, labels)
    for e in linked:
        w.link_mentions(e, URIRef(entity_iri(e.ref, base)), _LINKED[e.ref.kind])
    return g


def document_parts(kg: KnowledgeGraph) -> dict[str, tuple[list[Fact], list[Entity]]]:
    """Facts and linkable entities of each document."""
    parts: dict[str, tuple[list[Fact], list[Entity]]] = {d.doc_id: ([], []) for d in kg.documents}
    for f in kg.facts:
        parts.setdefault(f.doc_id, ([], []))[0].append(f)
    for e in kg.entities:
        if e.ref.kind in _LINKED:
            for doc_id in sorted({m.doc_id for m in e.mentions}):
                parts.setdefault(doc_id, ([], []))[1].append(e)
    return parts


def to_dataset(kg: KnowledgeGraph, base: str = DEFAULT_BASE) -> Dataset:
    """The whole graph as a Dataset: one named graph per document plus the entities graph."""
    ds = Dataset()
    _bind(ds, base)
    labels = {e.ref: e.label for e in kg.entities}
    for triple in entities_graph(kg, base):
        ds.graph(URIRef(entities_graph_iri(base))).add(triple)
    parts = document_parts(kg)
    for doc in kg.documents:
        facts, linked = parts[doc.doc_id]
        g = document_graph(doc, facts, linked, labels, kg.sentences.get(doc.doc_id, ()), base)
        target = ds.graph(g.identifier)
        for triple in g:
            target.add(triple)
    return ds


def union_graph(ds: Dataset, base: str = DEFAULT_BASE) -> Graph:
    """All triples of all named graphs in one Graph."""
    g = Graph(bind_namespaces="none")
    _bind(g, base)
    for ctx in ds.graphs():
        for triple in ctx:
            g.add(triple)
    return g


def bind_prefixes(g: Graph, base: str = DEFAULT_BASE) -> None:
    """Bind the project's prefixes (``kg:`` to ``base``) on a graph."""
    _bind(g, base)
