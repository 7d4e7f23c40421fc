"""Transfers: the post a person moves to begins, the one named before the name ends
(graph.extract.changes: left_by_transfer, the transfer verbs of appointment_chains), and 原
before a title that shares its first character with the organisation (原某分局长) ends it."""

from __future__ import annotations

import pytest
from post_triples import posts


@pytest.mark.parametrize(
    ("text", "now", "was"),
    [
        (
            "原东华分局局长林晓峰调任东江市公安局副局长。",
            ("林晓峰", "副局长", "东江市公安局"),
            ("林晓峰", "局长", "东华分局"),
        ),
        (
            "东江市市长周立平升任东江市委书记。",
            ("周立平", "书记", "东江市委"),
            ("周立平", "市长", "东江市人民政府"),
        ),
        (  # traditional script, a fused title (東華分局長: the 分局長 of 東華分局)
            "原東華分局長陳思遠調陞東江市警察局副局長。",
            ("陳思遠", "副局长", "東江市警察局"),
            ("陳思遠", "分局长", "東華分局"),
        ),
    ],
)
def test_a_transfer_begins_one_post_and_ends_the_other(
    text: str, now: tuple[str, str, str], was: tuple[str, str, str]
) -> None:
    assert now in posts(text)
    assert was in posts(text, former=True)
    assert was not in posts(text)


def test_each_clause_of_a_list_of_transfers_is_its_own() -> None:
    text = (
        "原東華分局長胡文成調陞東江市警察局副局長、長風分局長賀明遠調陞東江市警察局保安大隊大隊長。"
    )
    current = posts(text)
    assert ("胡文成", "副局长", "東江市警察局") in current
    assert not any(p[0] == "胡文成" and p[1] == "大队长" for p in current)
    assert ("賀明遠", "分局长", "長風分局") in posts(text, former=True)


def test_an_ended_post_with_a_fused_title_is_former() -> None:
    text = "东华分局长由原长风分局长周立平接任。"
    assert ("周立平", "分局长", "长风分局") in posts(text, former=True)
    assert ("周立平", "分局长", "东华分局") in posts(text)
