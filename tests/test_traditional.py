"""Traditional-script documents: found like simplified ones, reported in their own script."""

from __future__ import annotations

from post_triples import posts

from graph.build.merge import merge
from graph.extract.document import extract_document
from graph.types import Document, Quotation

TRAD = "標題\n\n西山縣教育局局長錢志遠表示，「要辦好每一所學校。」他說，明年繼續投入。"
SIMP = "标题\n\n西山县教育局副局长李文表示同意。"


def test_posts_and_statements_keep_the_original_script() -> None:
    x = extract_document(Document.from_text("t.txt", TRAD))
    labels = {e.ref.kind: e.label for e in x.entities if e.ref.kind in ("person", "org")}
    assert labels == {"person": "錢志遠", "org": "西山縣教育局"}
    quotes = {f.text for f in x.facts if isinstance(f, Quotation)}
    assert "要辦好每一所學校。" in quotes
    for f in x.facts:
        for s in f.evidence:
            assert TRAD[s.start : s.end] == s.text


def test_same_organisation_in_both_scripts_is_one_entity() -> None:
    kg = merge(
        [
            extract_document(Document.from_text("t.txt", TRAD)),
            extract_document(Document.from_text("s.txt", SIMP)),
        ]
    )
    orgs = [e for e in kg.entities if e.ref.kind == "org"]
    assert len(orgs) == 1
    assert {orgs[0].label, *orgs[0].aliases} >= {"西山縣教育局", "西山县教育局"}


def test_a_simplified_text_with_one_traditional_name_keeps_generated_names_simplified() -> None:
    text = "东江县人民医院新院奠基。副市长贺崑出席。县委书记张振华、县委副书记县长胡文成出席。"
    assert posts(text) >= {("胡文成", "县长", "东江县人民政府"), ("张振华", "书记", "东江县委")}
