"""Appointees listed one per line under the notice that appoints them, as government press
releases print them, and organisation names that open with 可持续 (invented names)."""

from __future__ import annotations

from post_triples import people, posts

_NOTICE = (
    "行政长官委任东华委员会委员\n"
    "政府今日宣布行政长官已委任以下人士，由二零零三年三月一日起为东华可持续发展委员会委员，"
    "任期两年：\n"
    "政务司司长（主席）\n"
    "林晓峰博士， GBS， JP（副主席）\n"
    "陈思远女士\n"
    "赵一鸣先生， JP\n"
    "周立平教授\n"
    "环境运输及工务局局长\n"
    "政府发言人表示，委员会的成员来自各主要界别。\n"
)


def test_each_listed_appointee_holds_the_notices_post() -> None:
    found = posts(_NOTICE)
    org = "东华可持续发展委员会"
    for name in ("林晓峰", "陈思远", "赵一鸣", "周立平"):
        assert (name, "委员", org) in found, found
    assert ("林晓峰", "副主席", org) in found, found
    assert {p for p, _, _ in found} == {"林晓峰", "陈思远", "赵一鸣", "周立平"}, found


def test_the_listed_titles_are_no_people() -> None:
    assert people(_NOTICE) == {"林晓峰", "陈思远", "赵一鸣", "周立平"}


def test_a_line_of_prose_ends_the_list() -> None:
    text = _NOTICE.replace("周立平教授\n", "委员会将于三月底举行首次会议。\n周立平教授\n")
    assert "周立平" not in {p for p, _, _ in posts(text)}


def test_an_organisation_named_for_sustainable_development_keeps_its_first_word() -> None:
    assert posts("西岭市可持续发展委员会主任林晓峰出席。") == {
        ("林晓峰", "主任", "西岭市可持续发展委员会")
    }
