"""Traditional-script documents: analyse in simplified script, report in the original script.

The rules and dictionaries are written in simplified characters.  A document with traditional
characters is converted character by character (same length, so every offset still points into
the original) and extracted; then every text, label and evidence span is read back from the
original text.  Keys (and so IRIs) stay in the analysis form, so 上海市總工會 in one document and
上海市总工会 in another are one organisation; labels keep the script the document used.

>>> from graph.types import Document
>>> doc = Document.from_text("t.txt", "西山縣教育局局長錢志遠表示，要辦好學校。")
>>> x = extract_in_analysis_script(doc, lambda d: _demo(d))
>>> x.doc.text == doc.text, [m.text for m in x.mentions]
(True, ['錢志遠'])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

from graph.text.script import analysis_text, has_traditional_form, traditional_text
from graph.types import (
    Document,
    Entity,
    EventFact,
    Extraction,
    Fact,
    Mention,
    Quotation,
    Sentence,
    Span,
    normalise_key,
)


def _demo(doc: Document) -> Extraction:
    i = doc.text.find("钱志远")
    return Extraction(doc, (), (Mention(i, i + 3, "PERSON", "钱志远", 1.0, "demo"),), (), ())


class _Restorer:
    def __init__(self, original: str, analysed: str) -> None:
        self.original, self.analysed = original, analysed
        self.names: dict[str, str] = {}
        self._chars: dict[str, str] | None = None

    def span(self, s: Span) -> Span:
        text = self.original[s.start : s.end]
        # as written (full-width brackets kept), whitespace from the layout left out
        self.names.setdefault(normalise_key(self.analysed[s.start : s.end]), "".join(text.split()))
        return Span(s.doc_id, s.start, s.end, text, s.sentence_start, s.sentence_end)

    def name(self, value: str) -> str:
        """``value`` as written: a name the text holds, else each character in the script the
        document writes it in (a generated name: 某縣 + 议会 -> 某縣議會)."""
        if value in self.names:
            return self.names[value]
        i = self.analysed.find(value)
        if i >= 0:
            return self.original[i : i + len(value)]
        written = self._written()
        if not any("\u4e00" <= o <= "\u9fff" for o in written.values()):
            return value  # only full-width forms were folded: the text is simplified
        converted = traditional_text(value) if self._mainly_traditional else value
        # a character the document writes as it is stays (县 in a simplified text quoting one traditional name)
        return "".join(
            ch if ch in self._characters else written.get(ch, t)
            for ch, t in zip(value, converted, strict=True)
        )

    @cached_property
    def _characters(self) -> frozenset[str]:
        return frozenset(self.original)

    @cached_property
    def _mainly_traditional(self) -> bool:
        """Whether the document writes more characters in traditional form than it writes
        simplified characters that have another traditional form."""
        changed = kept = 0
        for a, o in zip(self.analysed, self.original, strict=True):
            if a != o:
                changed += 1
            elif "\u4e00" <= a <= "\u9fff" and has_traditional_form(a):
                kept += 1
        return changed > kept

    def _written(self) -> dict[str, str]:
        """Analysis character -> the one character the document writes for it."""
        if self._chars is None:
            seen: dict[str, set[str]] = {}
            for a, o in zip(self.analysed, self.original, strict=True):
                if a != o:
                    seen.setdefault(a, set()).add(o)
            self._chars = {a: next(iter(o)) for a, o in seen.items() if len(o) == 1}
        return self._chars

    def text(self, value: str, evidence: tuple[Span, ...]) -> str:
        """``value`` as written in the original: found in the evidence, else by name."""
        if not value:
            return value
        for s in evidence:
            i = self.analysed.find(value, s.start, s.end)
            if i >= 0:
                return self.original[i : i + len(value)]
        return self.name(value)


def extract_in_analysis_script(
    doc: Document, extract: Callable[[Document], Extraction]
) -> Extraction:
    """``extract(doc)``, run on the simplified form when ``doc`` has traditional characters."""
    analysed = analysis_text(doc.text)
    if analysed == doc.text:
        return extract(doc)
    x = extract(Document(doc.doc_id, analysed, doc.sha256, doc.source, doc.encoding, doc.title))
    r = _Restorer(doc.text, analysed)
    entities = []
    for e in x.entities:
        spans = tuple(r.span(s) for s in e.mentions)
        entities.append(
            Entity(
                e.ref,
                r.name(e.label),
                tuple(r.name(a) for a in e.aliases),
                e.classes,
                spans,
                e.link_rules,
            )
        )
    facts = tuple(_restore_fact(f, r) for f in x.facts)
    return Extraction(
        doc,
        tuple(Sentence(s.start, s.end, doc.text[s.start : s.end]) for s in x.sentences),
        tuple(
            Mention(m.start, m.end, m.type, doc.text[m.start : m.end], m.score, m.extractor)
            for m in x.mentions
        ),
        tuple(entities),
        facts,
    )


def _restore_fact(f: Fact, r: _Restorer) -> Fact:
    """``f`` with its evidence and its text (event names, verbs, quoted words) as written."""
    evidence = tuple(r.span(s) for s in f.evidence)
    match f:
        case EventFact():
            return replace(f, name=r.text(f.name, evidence), evidence=evidence)
        case Quotation():
            verb, text = r.text(f.verb, evidence), r.text(f.text, evidence)
            return replace(f, verb=verb, text=text, evidence=evidence)
        case _:
            return replace(f, evidence=evidence)
