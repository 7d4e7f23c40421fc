"""Linking: elided prefixes, layout-broken aliases, sub-bodies and name-derived parents."""

from __future__ import annotations

from graph.extract.bylines import photo_credits
from graph.extract.elision import dominant_regions, resolve_elided
from graph.extract.linking import link_document
from graph.extract.orgs import region_orgs
from graph.extract.orgtypes import org_classes
from graph.extract.rules import title_chains
from graph.text.segment import segment
from graph.types import Document


def link(text: str):  # type: ignore[no-untyped-def]
    seg = segment(Document.from_text("t.txt", text))
    chains = title_chains(seg)
    return seg, chains, link_document(seg, chains, region_orgs(seg), photo_credits(seg))


def test_elided_city_prefix_takes_the_documents_city() -> None:
    regions = dominant_regions("石家庄市举行会议。石家庄的企业代表参加。")
    assert regions["市"] == "石家庄市"
    assert resolve_elided("市总工会", "由", regions) == ("石家庄市总工会", "elided-prefix:document")


def test_elided_district_prefix_takes_the_nearest_district_in_the_sentence() -> None:
    name, rule = resolve_elided("区总工会", "海淀区政协副主席、", {"区": "朝阳区"})
    assert (name, rule) == ("海淀区总工会", "elided-prefix:sentence")


def test_words_that_merely_start_with_a_level_are_not_elided() -> None:
    assert resolve_elided("市场监管局", "", {"市": "某市"})[1] == "as-written"


def test_broken_name_becomes_alias_of_full_name_with_shared_person() -> None:
    long_line = "经过一周的培训，学员们对工作有了更加清晰的认识和理解，进一步明确了未来工作的重点和方向。河北钢铁"
    text = f"标题\n\n河北钢铁集团有限公司工会副主席 陈国华\n\n{long_line}\n\n有限公司工会副主席陈国华表示同意。"
    _, _, linking = link(text)
    orgs = {ref.key: e for ref, e in linking.entities.items() if ref.kind == "org"}
    assert "河北钢铁有限公司" not in orgs
    full = orgs["河北钢铁集团有限公司"]
    assert "河北钢铁有限公司" in full.aliases
    assert "alias:subsequence+shared-person" in full.link_rules


def test_broken_name_without_shared_person_stays_separate() -> None:
    text = "河北钢铁集团有限公司工会主席 陈国华\n\n河北钢铁有限公司工会主席 刘志明\n"
    _, _, linking = link(text)
    keys = {ref.key for ref in linking.entities if ref.kind == "org"}
    assert {"河北钢铁集团有限公司", "河北钢铁有限公司"} <= keys


def test_body_prefix_makes_a_sub_body_with_a_parent() -> None:
    _, _, linking = link("华北电力大学党委副书记、纪委书记、工会主席周明远介绍了做法。")
    keys = {ref.key for ref in linking.entities if ref.kind == "org"}
    assert {"华北电力大学党委", "华北电力大学纪委", "华北电力大学工会"} <= keys
    parents = {(c.key, p.key, rule) for c, p, rule, _ in linking.parents}
    assert ("华北电力大学工会", "华北电力大学", "sub-body:name") in parents


def test_branch_office_is_part_of_its_company() -> None:
    _, _, linking = link("冀北能源有限公司保定供电分公司总经理 赵大伟\n")
    parents = {(c.key, p.key) for c, p, _, _ in linking.parents}
    assert ("冀北能源有限公司保定供电分公司", "冀北能源有限公司") in parents


def test_org_classes_follow_the_name_ending() -> None:
    assert org_classes("某某市总工会") == ("总工会", "工会")
    assert org_classes("某某大学") == ("高等学校", "学校")
    assert org_classes("某某") == ()
