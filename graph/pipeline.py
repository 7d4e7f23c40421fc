"""The build pipeline: documents in, exports and store out.

``extract_document`` is the per-document function (pure: a Document in, an Extraction out) that
workers map; ``merge`` joins extractions into one KnowledgeGraph; ``build_corpus`` drives a
whole build: ingest, extract (skipping unchanged documents), merge, export, load the store.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from graph.atomic import atomic_write_bytes, remove_stale_temporaries
from graph.errors import ConfigError, KGError
from graph.fingerprint import extractor_fingerprint
from graph.ingest import iter_sources, read_document
from graph.linking import link_document
from graph.mentions.appositive import after_name_chains
from graph.mentions.names import photo_credits
from graph.mentions.orgcheck import ModelOrgs
from graph.mentions.orgs import region_orgs
from graph.mentions.rules import chain_mentions, title_chains
from graph.relations.facts import document_facts
from graph.relations.posts import membership_facts, role_entities, suborganisation_facts
from graph.resolve import resolve
from graph.segment import segment
from graph.stream import extract_bounded
from graph.traditional import extract_in_analysis_script
from graph.types import (
    Document,
    Entity,
    EntityRef,
    Extraction,
    Fact,
    KnowledgeGraph,
    join_entities,
)
from graph.vocab import DEFAULT_BASE

log = logging.getLogger(__name__)

OUTPUTS = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml", "graph.json", "graph.html")


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """How to run a build (see ``kg build --help``)."""

    base_iri: str | None = None
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    force: bool = False
    progress: bool = False

    @property
    def base(self) -> str:
        return self.base_iri or DEFAULT_BASE


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did: counts, failures and where it wrote."""

    out: Path
    documents: int
    extracted: int
    reused: int
    counts: dict[str, int] = field(default_factory=dict)
    failures: tuple[str, ...] = ()

    def summary(self) -> str:
        """One screen of text for the terminal."""
        lines = [
            f"built {self.out}: {self.documents} documents "
            f"({self.extracted} extracted, {self.reused} unchanged), {len(self.failures)} failed",
        ]
        lines += [f"  {k:<14} {v}" for k, v in self.counts.items()]
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ExtractionFailure:
    """An exception raised while extracting one document (the build goes on without it)."""

    doc_id: str
    error: str

    def __str__(self) -> str:
        return f"{self.doc_id}: extraction failed: {self.error}"


ExtractionResult: TypeAlias = "Extraction | ExtractionFailure"


def extract_document(doc: Document) -> Extraction:
    """Every mention, entity and fact of one document.

    Long documents are processed in paragraph windows (bounded memory, exact offsets);
    traditional-script text is analysed in simplified form and reported as written.

    >>> x = extract_document(Document.from_text("d.txt", "杭州市交通运输局局长孙建平主持会议。"))
    >>> [e.label for e in x.entities if e.ref.kind == "person"]
    ['孙建平']
    """
    return extract_in_analysis_script(doc, lambda d: extract_bounded(d, _extract_whole))


def _extract_whole(doc: Document) -> Extraction:
    seg = segment(doc)
    found = title_chains(seg, ModelOrgs(seg)) + after_name_chains(seg)
    chains = tuple(sorted(found, key=lambda c: c.span.start))
    linking = link_document(seg, chains, region_orgs(seg), photo_credits(seg))
    posts = membership_facts(seg, chains, linking) + suborganisation_facts(seg, linking)
    others, other_entities = document_facts(seg, linking)
    facts = posts + others
    entities = tuple(linking.entities.values()) + role_entities(facts) + other_entities
    return Extraction(
        doc,
        seg.sentences,
        chain_mentions(chains),
        _sorted_entities(entities),
        tuple(sorted(facts, key=_fact_order)),
    )


def extract_safely(doc: Document) -> ExtractionResult:
    """``extract_document(doc)``, or the failure naming ``doc`` if it raises.

    >>> bad = Document("bad.txt", None, "0")  # type: ignore[arg-type]
    >>> str(extract_safely(bad)).startswith("bad.txt: extraction failed: TypeError")
    True
    """
    try:
        return extract_document(doc)
    except Exception as e:  # isolate the document: any bug or bad input fails it alone
        log.debug("extraction of %s failed", doc.doc_id, exc_info=True)  # reported by caller
        return ExtractionFailure(doc.doc_id, f"{type(e).__name__}: {e}")


def _fact_order(f: Fact) -> tuple[str, str, str]:
    return (f.doc_id, f.kind, repr(f.args))


def _sorted_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(sorted(entities, key=lambda e: e.ref))


def merge(extractions: Iterable[Extraction]) -> KnowledgeGraph:
    """Join per-document extractions: one entity per key, aliases and mentions united.

    The result does not depend on the order of the extractions, and merging is idempotent: an
    extraction given twice counts once (of two different extractions of one ``doc_id``, the
    one of the greater document digest wins, whatever their order).

    >>> x = extract_document(Document.from_text("d.txt", "杭州市交通运输局局长孙建平主持会议。"))
    >>> merge([x, x]) == merge([x])
    True
    """
    items = _unique(extractions)
    by_ref: dict[EntityRef, list[Entity]] = {}
    for x in items:
        for e in x.entities:
            by_ref.setdefault(e.ref, []).append(e)
    entities = tuple(
        join_entities(ref, group, "merge:same-key" if len(group) > 1 else None)
        for ref, group in sorted(by_ref.items())
    )
    facts = tuple(sorted((f for x in items for f in x.facts), key=_fact_order))
    sentences = {x.doc.doc_id: x.sentences for x in items}
    return resolve(KnowledgeGraph(tuple(x.doc for x in items), entities, facts, sentences))


def _unique(extractions: Iterable[Extraction]) -> list[Extraction]:
    """One extraction per document id, sorted by id, independent of the input order."""
    by_id: dict[str, Extraction] = {}
    for x in extractions:
        old = by_id.get(x.doc.doc_id)
        if old is None or (old != x and _rank(x) > _rank(old)):
            by_id[x.doc.doc_id] = x
    return [by_id[k] for k in sorted(by_id)]


def _rank(x: Extraction) -> tuple[str, str]:
    return (x.doc.sha256, repr(x))


def _cache_path(out: Path, doc: Document) -> Path:
    return out / ".cache" / f"{doc.sha256[:32]}-{extractor_fingerprint()}.pickle"


def _load_cached(out: Path, doc: Document) -> Extraction | None:
    path = _cache_path(out, doc)
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None
    if isinstance(cached, Extraction) and cached.doc == doc:
        return cached
    return None


def read_corpus(seeds: Path) -> Iterator[Document | KGError]:
    """Documents of a folder; a file that cannot be read yields its error instead."""
    for path in iter_sources(seeds):
        try:
            yield read_document(path, seeds if seeds.is_dir() else path)
        except KGError as e:
            yield e


def extract_all(docs: list[Document], options: BuildOptions) -> Iterator[ExtractionResult]:
    """Extractions (or failures) of ``docs`` with the chosen engine (any order of results)."""
    if options.engine == "dask":
        from graph.parallel import extract_dask

        yield from extract_dask(docs, options.scheduler)
    elif options.workers > 1 and len(docs) > 1:
        from graph.parallel import extract_processes

        yield from extract_processes(docs, options.workers)
    else:
        yield from map(extract_safely, docs)


def build_corpus(seeds: Path, out: Path, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the graph of every document under ``seeds`` into ``out``.

    Unchanged documents (same sha256 and version) reuse their cached extraction unless
    ``options.force``.  Exports are written atomically; the store is updated per document.
    """
    if options.workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {options.workers}")
    for folder in (out, out / ".cache", out / ".cache" / "graphs"):
        remove_stale_temporaries(folder)
    docs: list[Document] = []
    failures: list[str] = []
    for item in read_corpus(seeds):
        if isinstance(item, Document):
            docs.append(item)
        else:
            failures.append(str(item))
    cached = {} if options.force else {d.doc_id: _load_cached(out, d) for d in docs}
    todo = [d for d in docs if cached.get(d.doc_id) is None]
    extractions = [x for x in cached.values() if x is not None]
    failed: set[str] = set()
    for x in _progress(extract_all(todo, options), len(todo), options.progress):
        if isinstance(x, ExtractionFailure):
            failures.append(str(x))
            failed.add(x.doc_id)
            continue
        atomic_write_bytes(_cache_path(out, x.doc), pickle.dumps(x, protocol=5))
        extractions.append(x)
    kg = merge(extractions)
    from graph.publish import publish

    counts = publish(kg, out, options.base, changed={d.doc_id for d in todo} - failed)
    return BuildReport(out, len(docs), len(todo), len(docs) - len(todo), counts, tuple(failures))


def _progress(
    items: Iterator[ExtractionResult], total: int, show: bool
) -> Iterator[ExtractionResult]:
    if not show or total < 2:
        yield from items
        return
    import click

    with click.progressbar(items, length=total, label="extracting", file=None) as bar:
        yield from bar
