"""A small hand-made graph for the HTML, GraphML and view tests (invented people and companies).

``EVIL`` is a label that would run script if a page did not escape it.
"""

from __future__ import annotations

import networkx as nx

from graph.network.convert import to_networkx
from graph.types import (
    Document,
    Entity,
    EntityRef,
    EventFact,
    KnowledgeGraph,
    Membership,
    Quotation,
    Sentence,
    Span,
    SubOrganisation,
)

EVIL = "<img src=x onerror=alert(1)>"
DOC1 = (
    "星河科技有限公司经理林晓峰出席了青年技能大赛。赵雨桐担任星河科技工会主席。"
    "大赛由星河科技工会承办，在滨江会展中心举行。林晓峰表示，要弘扬创新精神。"
)
DOC2 = f"星河科技有限公司召开年会。{EVIL}也来了。"


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "。":
            out.append(Sentence(start, i + 1, text[start : i + 1]))
            start = i + 1
    return tuple(out)


def _span(doc_id: str, text: str, surface: str, nth: int = 0) -> Span:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(surface, pos + 1)
    sent = next(s for s in _sentences(text) if s.start <= pos < s.end)
    return Span(doc_id, pos, pos + len(surface), surface, sent.start, sent.end)


def sample_kg() -> KnowledgeGraph:
    """Two invented documents: 2 people, 2 organisations, a place, an event, a concept."""
    d1, d2 = Document.from_text("星河新闻.txt", DOC1), Document.from_text("年会.txt", DOC2)
    ref = {
        "lin": EntityRef("person", "林晓峰"),
        "zhao": EntityRef("person", "赵雨桐"),
        "co": EntityRef("org", "星河科技有限公司"),
        "union": EntityRef("org", "星河科技工会"),
        "mgr": EntityRef("role", "经理"),
        "chair": EntityRef("role", "主席"),
        "venue": EntityRef("place", "滨江会展中心"),
        "contest": EntityRef("event", "青年技能大赛"),
        "spirit": EntityRef("concept", "创新精神"),
        "evil": EntityRef("person", EVIL),
    }

    def s1(surface: str, nth: int = 0) -> Span:
        return _span(d1.doc_id, DOC1, surface, nth)

    entities = (
        Entity(ref["lin"], "林晓峰", ("小林",), mentions=(s1("林晓峰"), s1("林晓峰", 1))),
        Entity(ref["zhao"], "赵雨桐", mentions=(s1("赵雨桐"),)),
        Entity(
            ref["co"],
            "星河科技有限公司",
            ("星河科技",),
            mentions=(s1("星河科技有限公司"), _span(d2.doc_id, DOC2, "星河科技有限公司")),
        ),
        Entity(ref["union"], "星河科技工会", mentions=(s1("星河科技工会"),)),
        Entity(ref["mgr"], "经理"),
        Entity(ref["chair"], "主席"),
        Entity(ref["venue"], "滨江会展中心", mentions=(s1("滨江会展中心"),)),
        Entity(ref["contest"], "青年技能大赛", mentions=(s1("青年技能大赛"),)),
        Entity(ref["spirit"], "创新精神", mentions=(s1("创新精神"),)),
        Entity(ref["evil"], EVIL, mentions=(_span(d2.doc_id, DOC2, EVIL),)),
    )
    facts = (
        Membership(
            ref["lin"],
            ref["co"],
            ref["mgr"],
            doc_id=d1.doc_id,
            evidence=(s1("星河科技有限公司经理林晓峰"),),
            confidence=0.9,
            extractor="test",
        ),
        Membership(
            ref["zhao"],
            ref["union"],
            ref["chair"],
            doc_id=d1.doc_id,
            evidence=(s1("赵雨桐担任星河科技工会主席"),),
            confidence=0.8,
            extractor="test",
        ),
        SubOrganisation(
            ref["union"],
            ref["co"],
            doc_id=d1.doc_id,
            evidence=(s1("星河科技工会"),),
            confidence=0.7,
            extractor="test",
        ),
        EventFact(
            ref["contest"],
            "青年技能大赛",
            organiser=ref["union"],
            venue=ref["venue"],
            doc_id=d1.doc_id,
            evidence=(s1("大赛由星河科技工会承办"),),
            confidence=0.9,
            extractor="test",
        ),
        Quotation(
            ref["lin"],
            "表示",
            "要弘扬创新精神",
            direct=False,
            concepts=(ref["spirit"],),
            doc_id=d1.doc_id,
            evidence=(s1("林晓峰表示，要弘扬创新精神"),),
            confidence=0.9,
            extractor="test",
        ),
    )
    return KnowledgeGraph(
        (d1, d2), entities, facts, {d1.doc_id: _sentences(DOC1), d2.doc_id: _sentences(DOC2)}
    )


def sample_graph() -> nx.MultiDiGraph:
    """The networkx graph of :func:`sample_kg` (10 nodes)."""
    return to_networkx(sample_kg())


def big_graph(n: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """``n`` invented entities, about 3 edges each (preferential attachment, so hubs), a few
    unconnected organisations: enough to open the page aggregated."""
    import random

    rnd = random.Random(seed)
    kinds = ("person", "org", "person", "concept", "place")
    g = nx.MultiDiGraph()
    targets: list[int] = []
    for i in range(n):
        g.add_node(f"n{i}", kind=kinds[i % len(kinds)], label=f"实体{i}", aliases=[f"别名{i}"])
        g.nodes[f"n{i}"]["docs"] = [f"d{i % 7}.txt"]
        for _ in range(min(3, i) if i % 97 else 0):  # every 97th stays unconnected
            j = rnd.choice(targets) if targets and rnd.random() < 0.7 else rnd.randrange(i)
            g.add_edge(f"n{i}", f"n{j}", relation="memberOf", label="成员", docs=[f"d{i % 7}.txt"])
            targets += [i, j]
    return g
