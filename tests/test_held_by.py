"""Titles held by someone named after 由 (``X总干事由秘书A代理``): 代理 gives the title for the
time being, a qualifier before the holder's own title is part of it, and a list's next items
that name only their organisation take the list's title; farmers' and fishermen's
associations (农会, 渔会) are organisations (invented names and organisations)."""

from __future__ import annotations

from post_triples import posts


def test_an_acting_holder_named_after_by_holds_the_title_and_their_own() -> None:
    found = posts("东华农会总干事由秘书林晓峰代理。")
    assert {("林晓峰", "总干事", "东华农会"), ("林晓峰", "秘书", "东华农会")} <= found


def test_a_qualified_title_of_the_holder_is_read_whole() -> None:
    found = posts("东华渔会总干事由会务主任林晓峰代理。")
    assert ("林晓峰", "会务主任", "东华渔会") in found
    assert ("林晓峰", "总干事", "东华渔会") in found


def test_the_next_items_of_the_list_take_its_title() -> None:
    found = posts(
        "东华农会总干事由秘书林晓峰代理、西岭农会由秘书陈思远代理、南山农会由会务主任赵一鸣代理。"
    )
    assert {
        ("陈思远", "总干事", "西岭农会"),
        ("陈思远", "秘书", "西岭农会"),
        ("赵一鸣", "总干事", "南山农会"),
    } <= found


def test_an_organisation_in_another_sentence_takes_no_title_from_the_list() -> None:
    found = posts("东华农会总干事由秘书林晓峰代理。西岭农会由秘书陈思远负责联络。")
    assert not any(p == "陈思远" and r == "总干事" for p, r, _ in found)


def test_a_branch_heads_title_is_read_whole_after_the_branch() -> None:
    text = "东华分局长由原西岭分局长林晓峰接任，南山分局长陈思远调任东华市警察局副局长。"
    found = posts(text, former=None)
    assert ("林晓峰", "分局长", "东华分局") in found
    assert ("林晓峰", "分局长", "西岭分局") in posts(text, former=True)
    assert ("陈思远", "分局长", "南山分局") in found


def test_a_title_named_with_its_office_word_before_by_is_held_for_the_time() -> None:
    for text in (
        "东江市法务局局长一职由副局长林晓峰署理。",
        "东江市法务局局长职务由副局长林晓峰暂代。",
    ):
        assert ("林晓峰", "局长", "东江市法务局") in posts(text)


def test_a_place_heads_own_title_is_no_title_of_the_body_he_heads_too() -> None:
    found = posts("东华区红十字会会长由副区长林晓峰兼任。")
    assert ("林晓峰", "会长", "东华区红十字会") in found
    assert ("林晓峰", "副区长", "东华区红十字会") not in found, found
