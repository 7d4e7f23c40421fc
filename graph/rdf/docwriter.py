"""The triples every claim of one document shares: the document, its NIF text context, the
run that produced it, evidence spans, and the literal forms used throughout.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal, URIRef

from graph import __version__
from graph.rdf.iris import document_iri, mint
from graph.rdf.ntriples import TripleSink
from graph.rdf.vocab import DCTERMS, FOAF, ITSRDF, KGO, NIF, PROV, RDF, RDFS, SCHEMA, XSD
from graph.types import Document, Entity, Sentence, Span

AGENT_NAME = "zhkg"
MAX_DROPPED_LISTED = 1000  # kgo:droppedBytes values per document (the count covers them all)


def zh(text: str) -> Literal:
    """A Chinese-language literal."""
    return Literal(text, lang="zh")


@lru_cache(maxsize=4096, typed=True)  # typed: decimal(1) is "1", decimal(1.0) "1.0"
def decimal(value: float) -> Literal:
    """An xsd:decimal rounded to three places (stable bytes)."""
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


@lru_cache(maxsize=1 << 16, typed=True)
def nni(value: int) -> Literal:
    """An xsd:nonNegativeInteger (literals are immutable: offsets repeat across spans and
    documents, so each is built once)."""
    return Literal(value, datatype=XSD.nonNegativeInteger)


class DocWriter:
    """Writes the triples of one document into its named graph."""

    def __init__(
        self, g: TripleSink, doc: Document, sentences: tuple[Sentence, ...], base: str
    ) -> None:
        self.g, self.doc, self.base = g, doc, base
        text_base = base.replace("/id/", "/text/") if "/id/" in base else base + "text/"
        self.text_iri = f"{text_base}{doc.sha256[:20]}"
        self.context = URIRef(f"{self.text_iri}#char=0,{len(doc.text)}")
        self.doc_node = URIRef(document_iri(doc.doc_id, base))
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
            g.add((self.doc_node, DCTERMS.title, zh(doc.title)))
            g.add((self.doc_node, RDFS.label, zh(doc.title)))
        if doc.dropped:  # the parts of the file left out of the text (graph.io.repair)
            total = sum(d.end - d.start for d in doc.dropped)
            g.add((self.doc_node, KGO.droppedByteCount, nni(total)))
            for d in doc.dropped[:MAX_DROPPED_LISTED]:
                g.add((self.doc_node, KGO.droppedBytes, Literal(str(d).removeprefix("bytes "))))
        c = self.context
        g.add((c, RDF.type, NIF.Context))
        g.add((c, RDF.type, NIF.RFC5147String))
        g.add((c, NIF.beginIndex, nni(0)))
        g.add((c, NIF.endIndex, nni(len(doc.text))))
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
        g.add((node, NIF.beginIndex, nni(start)))
        g.add((node, NIF.endIndex, nni(end)))
        g.add((node, NIF.anchorOf, Literal(self.doc.text[start:end])))
        if sentence and sentence in self.sentences and sentence != (start, end):
            g.add((node, NIF.sentence, self.span(*sentence)))
        return node

    def evidence(self, s: Span) -> URIRef:
        return self.span(s.start, s.end, (s.sentence_start, s.sentence_end))

    def claim(self, node: URIRef, confidence: float, evidence: Iterable[Span]) -> None:
        g = self.g
        g.add((node, RDF.type, KGO.Fact))
        g.add((node, KGO.confidence, decimal(confidence)))
        g.add((node, PROV.wasGeneratedBy, self.run))
        for s in evidence:
            g.add((node, PROV.wasDerivedFrom, self.evidence(s)))

    def link_mentions(self, entity: Entity, iri: URIRef, cls: URIRef) -> None:
        for m in entity.mentions:
            if m.doc_id == self.doc.doc_id:
                node = self.evidence(m)
                self.g.add((node, ITSRDF.taIdentRef, iri))
                self.g.add((node, ITSRDF.taClassRef, cls))
                self.g.add((node, ITSRDF.taConfidence, decimal(0.9)))
