"""``graph.build.merge.merge`` is order-independent and idempotent (Hypothesis).

Synthetic extractions share entity keys across documents (the case the merge has to unite),
and real extractions of a small invented corpus are merged in every order as well.
"""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.build.merge import merge
from graph.extract.document import extract_document
from graph.types import Document, Entity, EntityRef, Extraction, Membership, Sentence, Span

REFS = [EntityRef("person", f"人{i}|机构{i % 2}") for i in range(4)] + [
    EntityRef("org", f"某地机构{i}") for i in range(4)
]
ROLES = [EntityRef("role", r) for r in ("局长", "副局长", "主席")]
LABELS = ["机构甲", "机构乙", "某地机构", "人甲", "人乙乙"]
RULES = ["as-written", "elided-prefix:document", "alias:subsequence+shared-person"]


@st.composite
def extractions(draw: st.DrawFn, doc_id: str) -> Extraction:
    text = draw(st.text(alphabet="某地机构局长人甲乙，。", min_size=4, max_size=30))
    doc = Document.from_text(doc_id, text)

    def span() -> Span:
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        return Span(doc_id, a, b, text[a:b], 0, len(text))

    refs = draw(st.lists(st.sampled_from(REFS), unique=True, max_size=5))
    entities = tuple(
        Entity(
            ref,
            draw(st.sampled_from(LABELS)),
            tuple(sorted(draw(st.sets(st.sampled_from(LABELS), max_size=2)))),
            draw(st.sampled_from([(), ("总工会", "工会"), ("局",)])),
            tuple(span() for _ in range(draw(st.integers(1, 2)))),
            tuple(sorted(draw(st.sets(st.sampled_from(RULES), max_size=2)))),
        )
        for ref in sorted(refs)
    )
    people = [r for r in refs if r.kind == "person"]
    orgs = [r for r in refs if r.kind == "org"]
    facts: list[Membership] = []
    if people and orgs:
        for _ in range(draw(st.integers(0, 3))):
            person, org = draw(st.sampled_from(people)), draw(st.sampled_from(orgs))
            role = draw(st.sampled_from(ROLES))
            confidence = draw(st.sampled_from([0.8, 0.9, 0.95]))
            facts.append(
                Membership(
                    person,
                    org,
                    role,
                    doc_id=doc_id,
                    evidence=(span(),),
                    confidence=confidence,
                    extractor="rules.test",
                )
            )
    sentences = (Sentence(0, len(text), text),)
    return Extraction(doc, sentences, (), entities, tuple(sorted(set(facts), key=repr)))


@st.composite
def corpora(draw: st.DrawFn) -> list[Extraction]:
    ids = draw(st.lists(st.sampled_from([f"d{i}.txt" for i in range(6)]), unique=True, max_size=5))
    return [draw(extractions(doc_id)) for doc_id in ids]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_merge_is_order_independent(data: st.DataObject) -> None:
    xs = data.draw(corpora())
    shuffled = data.draw(st.permutations(xs))
    assert merge(shuffled) == merge(xs)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_merge_is_idempotent(data: st.DataObject) -> None:
    xs = data.draw(corpora())
    again = data.draw(st.lists(st.sampled_from(xs), max_size=6)) if xs else []
    once = merge(xs)
    assert merge(xs + xs) == once
    assert merge(data.draw(st.permutations(xs + again))) == once


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_conflicting_extractions_of_one_document_resolve_alike(data: st.DataObject) -> None:
    """Two different extractions of the same document id: the same one wins in any order."""
    a = data.draw(extractions("d0.txt"))
    b = data.draw(extractions("d0.txt"))
    assert merge([a, b]) == merge([b, a])


TEXTS = [
    "杭州市交通运输局局长孙建平主持会议。杭州市交通运输局副局长周海燕通报情况。",
    "成都职业技术学院院长郭玉兰介绍做法。杭州市交通运输局局长孙建平参加交流。",
    "南京市总工会副主席马志远说，竞赛将持续三个月。",
    "武汉市江汉区人民政府副区长罗志强陪同。",
]


@cache
def real() -> tuple[Extraction, ...]:
    return tuple(extract_document(Document.from_text(f"r{i}.txt", t)) for i, t in enumerate(TEXTS))


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(TEXTS))), st.lists(st.integers(0, len(TEXTS) - 1), max_size=4))
def test_real_extractions_merge_alike(order: list[int], repeats: list[int]) -> None:
    xs = real()
    expected = merge(xs)
    assert merge([xs[i] for i in order + repeats]) == expected
    people = {e.label for e in expected.entities if e.ref.kind == "person"}
    assert {"孙建平", "周海燕", "郭玉兰", "马志远", "罗志强"} <= people
    # the person stated in two documents is one entity with mentions in both
    sun = [e for e in expected.entities if e.label == "孙建平"]
    assert len(sun) == 1 and {m.doc_id for m in sun[0].mentions} == {"r0.txt", "r1.txt"}
