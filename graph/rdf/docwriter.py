"""The triples every claim of one document shares: the document, its NIF text context, the
run that produced it, evidence spans, and the literal forms used throughout.

Terms are N-Triples strings (``graph.rdf.ntriples``); the vocabulary's are made once here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from graph import __version__
from graph.rdf.iris import document_iri, mint
from graph.rdf.ntriples import TripleSink, decimal, iri, nni, plain, zh
from graph.rdf.vocab import DCTERMS, FOAF, ITSRDF, KGO, NIF, PROV, RDF, RDFS, SCHEMA
from graph.types import Document, Entity, Sentence, Span

AGENT_NAME = "zhkg"
MAX_DROPPED_LISTED = 1000  # kgo:droppedBytes values per document (the count covers them all)

A = iri(RDF.type)
LABEL = iri(RDFS.label)
_CONTEXT, _RFC5147 = iri(NIF.Context), iri(NIF.RFC5147String)
_SENTENCE, _PHRASE = iri(NIF.Sentence), iri(NIF.Phrase)
_REFERENCE, _ANCHOR, _IN_SENTENCE = iri(NIF.referenceContext), iri(NIF.anchorOf), iri(NIF.sentence)
_BEGIN, _END = iri(NIF.beginIndex), iri(NIF.endIndex)
_FACT, _CONFIDENCE = iri(KGO.Fact), iri(KGO.confidence)
_GENERATED_BY, _DERIVED_FROM = iri(PROV.wasGeneratedBy), iri(PROV.wasDerivedFrom)
_IDENT, _CLASS, _TA_CONFIDENCE = (
    iri(ITSRDF.taIdentRef),
    iri(ITSRDF.taClassRef),
    iri(ITSRDF.taConfidence),
)
_LINK_CONFIDENCE = decimal(0.9)


class DocWriter:
    """Writes the triples of one document into its named graph."""

    def __init__(
        self, g: TripleSink, doc: Document, sentences: tuple[Sentence, ...], base: str
    ) -> None:
        self.g, self.doc, self.base = g, doc, base
        text_base = base.replace("/id/", "/text/") if "/id/" in base else base + "text/"
        self.text_iri = f"{text_base}{doc.sha256[:20]}"
        self.context = iri(f"{self.text_iri}#char=0,{len(doc.text)}")
        self.doc_node = iri(document_iri(doc.doc_id, base))
        self.run = iri(mint("run", f"{doc.sha256}\x1f{__version__}", base))
        self.sentences = {(s.start, s.end): s for s in sentences}
        self._written: set[tuple[int, int]] = set()
        self.attested: date | None = None

    def header(self) -> None:
        add, doc, node = self.g.add, self.doc, self.doc_node
        add(node, A, iri(SCHEMA.NewsArticle))
        add(node, A, iri(FOAF.Document))
        add(node, A, iri(PROV.Entity))
        add(node, iri(DCTERMS.identifier), plain(doc.doc_id))
        add(node, iri(SCHEMA.sha256), plain(doc.sha256))
        add(node, iri(DCTERMS.language), plain("zh"))
        if doc.title:
            add(node, iri(DCTERMS.title), zh(doc.title))
            add(node, LABEL, zh(doc.title))
        if doc.dropped:  # the parts of the file left out of the text (graph.io.repair)
            total = sum(d.end - d.start for d in doc.dropped)
            add(node, iri(KGO.droppedByteCount), nni(total))
            for d in doc.dropped[:MAX_DROPPED_LISTED]:
                add(node, iri(KGO.droppedBytes), plain(str(d).removeprefix("bytes ")))
        c = self.context
        add(c, A, _CONTEXT)
        add(c, A, _RFC5147)
        add(c, _BEGIN, nni(0))
        add(c, _END, nni(len(doc.text)))
        add(c, iri(NIF.sourceUrl), node)
        add(c, iri(NIF.isString), plain(doc.text))
        self._provenance()

    def _provenance(self) -> None:
        add, base, run = self.g.add, self.base, self.run
        agent = iri(mint("agent", f"{AGENT_NAME}\x1f{__version__}", base))
        plan = iri(mint("plan", f"rules+crf\x1f{__version__}", base))
        assoc = iri(mint("assoc", f"{self.doc.sha256}\x1f{__version__}", base))
        add(run, A, iri(PROV.Activity))
        add(run, LABEL, plain(f"{AGENT_NAME} {__version__} on {self.doc.doc_id}"))
        add(run, iri(PROV.used), self.context)
        add(run, iri(PROV.wasAssociatedWith), agent)
        add(run, iri(PROV.qualifiedAssociation), assoc)
        add(assoc, A, iri(PROV.Association))
        add(assoc, iri(PROV.agent), agent)
        add(assoc, iri(PROV.hadPlan), plan)
        add(agent, A, iri(PROV.SoftwareAgent))
        add(agent, A, iri(SCHEMA.SoftwareApplication))
        add(agent, LABEL, plain(AGENT_NAME))
        add(agent, iri(SCHEMA.softwareVersion), plain(__version__))
        add(plan, A, iri(PROV.Plan))
        add(plan, LABEL, plain("title-chain rules, region linking and CRF mentions"))

    def span(self, start: int, end: int, sentence: tuple[int, int] | None = None) -> str:
        node = f"<{self.text_iri}#char={start},{end}>"
        if (start, end) in self._written:
            return node
        self._written.add((start, end))
        add = self.g.add
        add(node, A, _RFC5147)
        add(node, A, _SENTENCE if (start, end) in self.sentences else _PHRASE)
        add(node, _REFERENCE, self.context)
        add(node, _BEGIN, nni(start))
        add(node, _END, nni(end))
        add(node, _ANCHOR, plain(self.doc.text[start:end]))
        if sentence and sentence in self.sentences and sentence != (start, end):
            add(node, _IN_SENTENCE, self.span(*sentence))
        return node

    def evidence(self, s: Span) -> str:
        return self.span(s.start, s.end, (s.sentence_start, s.sentence_end))

    def claim(self, node: str, confidence: float, evidence: Iterable[Span]) -> None:
        add = self.g.add
        add(node, A, _FACT)
        add(node, _CONFIDENCE, decimal(confidence))
        add(node, _GENERATED_BY, self.run)
        for s in evidence:
            add(node, _DERIVED_FROM, self.evidence(s))

    def link_mentions(self, entity: Entity, node: str, cls: str) -> None:
        add, doc_id = self.g.add, self.doc.doc_id
        for m in entity.mentions:
            if m.doc_id == doc_id:
                span = self.evidence(m)
                add(span, _IDENT, node)
                add(span, _CLASS, cls)
                add(span, _TA_CONFIDENCE, _LINK_CONFIDENCE)
