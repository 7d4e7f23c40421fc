"""Events, statements, concepts and cross-document resolution (invented examples)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rdflib import Graph

from graph.build.pipeline import BuildOptions, build_corpus
from graph.build.resolve import canonical_org_name
from graph.extract.concepts import concept_entities
from graph.extract.document import extract_document
from graph.extract.events import find_events
from graph.extract.statements import find_statements
from graph.text.dates import document_year, parse_range
from graph.text.segment import segment
from graph.types import Document, EntityRef, Quotation

MULTIDOC = Path(__file__).parent / "fixtures" / "multidoc"


def seg_of(text: str):  # type: ignore[no-untyped-def]
    return segment(Document.from_text("t.txt", text))


def test_date_ranges_resolve_against_the_year() -> None:
    assert parse_range("5月28日到6月1日", 2018) == (date(2018, 5, 28), date(2018, 6, 1))
    assert parse_range("2020年12月30日至2021年1月2日", None) == (
        date(2020, 12, 30),
        date(2021, 1, 2),
    )
    assert parse_range("去年三月五日", 2021) == (date(2020, 3, 5), date(2020, 3, 5))
    assert parse_range("5月32日", 2018) is None
    assert document_year("无年份") is None


def test_event_with_dates_venue_organiser_and_count() -> None:
    seg = seg_of("9月3日至5日，由省科协主办的2022年科普工作研讨会在某某宾馆举行，120名代表参加。")
    (event,) = find_events(seg)
    assert event.name == "2022年科普工作研讨会"
    assert (event.start, event.end) == (date(2022, 9, 3), date(2022, 9, 5))
    assert event.participants == 120
    assert seg.doc.text[slice(*event.organiser_span)] == "省科协"  # type: ignore[misc]


def test_statements_direct_indirect_and_pronoun() -> None:
    seg = seg_of("河北省农业厅副厅长李红梅表示，“春耕要抓早。”她强调，各地要落实责任。")
    people = {"李红梅": EntityRef("person", "李红梅|河北省农业厅")}
    found = [(s.speaker_name, s.verb, s.text, s.direct) for s in find_statements(seg, people)]
    assert found == [
        ("李红梅", "表示", "春耕要抓早。", True),
        ("李红梅", "强调", "各地要落实责任", False),
    ]


def test_quote_across_a_page_break() -> None:
    long_line = "一" * 45
    seg = seg_of(f"王建民说，“{long_line}要坚持\n\n创新发展。”")
    (st,) = find_statements(seg, {"王建民": EntityRef("person", "王建民|")})
    assert st.text.endswith("要坚持\n\n创新发展。") and st.direct


def test_narrative_verbs_are_not_statements() -> None:
    seg = seg_of("说起工作，王建民介绍了经验。学员们带着王建民提出的要求回去。")
    assert find_statements(seg, {"王建民": EntityRef("person", "王建民|")}) == []


def test_concepts_terms_slogans_lists_and_variants() -> None:
    seg = seg_of(
        "要弘扬劳模精神，推进产业工人队伍改革；课程是“推进人才队伍建设”。"
        "三大工程，即：思想引领、职业助推、温暖帮扶。打造“金蓝领”。"
        "加强产业工人队伍建设与改革。"
    )
    labels = {e.label: e for e in concept_entities(seg)}
    assert {"劳模精神", "金蓝领", "思想引领", "职业助推", "温暖帮扶"} <= set(labels)
    reform = labels["产业工人队伍建设与改革"]
    assert "产业工人队伍改革" in reform.aliases


def test_quotes_mention_their_concepts() -> None:
    x = extract_document(
        Document.from_text("t.txt", "河北省农业厅副厅长李红梅表示，“要弘扬劳模精神和工匠精神。”")
    )
    labels = {e.ref: e.label for e in x.entities}
    (quote,) = [f for f in x.facts if isinstance(f, Quotation)]
    assert {labels[c] for c in quote.concepts} == {"劳模精神", "工匠精神"}


def test_canonical_names_restore_the_region_level() -> None:
    assert canonical_org_name("北京总工会") == "北京市总工会"
    assert canonical_org_name("北京大学") == "北京大学"
    assert canonical_org_name("北京市总工会") == "北京市总工会"


ORGS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?o ?l WHERE { ?o a org:Organization ; skos:prefLabel|skos:altLabel ?l }"""
PEOPLE = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?p WHERE { ?p a foaf:Person ; rdfs:label ?l } """


def test_one_organisation_written_three_ways_in_three_documents(tmp_path: Path) -> None:
    build_corpus(MULTIDOC, tmp_path, options=BuildOptions())
    g = Graph().parse(tmp_path / "graph.ttl")
    iris = {
        str(o)
        for o, label in g.query(ORGS)
        if str(label) in {"北京市总工会", "市总工会", "北京总工会"}
    }
    assert len(iris) == 1
    labels = {str(label) for o, label in g.query(ORGS) if str(o) in iris}
    assert {"北京市总工会", "市总工会", "北京总工会"} <= labels


def test_same_name_in_different_organisations_stays_two_people(tmp_path: Path) -> None:
    build_corpus(MULTIDOC, tmp_path, options=BuildOptions())
    g = Graph().parse(tmp_path / "graph.ttl")
    same_name = g.query(PEOPLE.replace("?l }", '"王丽"@zh }'))
    assert len(list(same_name)) == 2
    one = g.query(PEOPLE.replace("?l }", '"孙建国"@zh }'))
    assert len(list(one)) == 1


def test_a_regions_government_has_one_name() -> None:
    assert canonical_org_name("苏州市政府") == "苏州市人民政府"
    assert canonical_org_name("苏州政府") == "苏州市人民政府"
    assert canonical_org_name("苏州市人民政府") == "苏州市人民政府"
    assert canonical_org_name("某某政府") == "某某政府"  # not a region: left as written
