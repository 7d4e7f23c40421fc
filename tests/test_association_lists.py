"""Associations' delegations and leaderships (invented names and chambers): titles after the
verb that sends their holders, names listed after a shared title, and titles joined to their
holders by a copula (会长为A, 副会长有B、C)."""

from __future__ import annotations

from post_triples import posts as _posts

DELEGATION = (
    "应东华市总商会邀请，西岭市总商会派出理事长林晓峰，副理事长陈思远、赵一鸣，会务顾问周立平，"
    "常务理事钱国栋、孙海涛，理事李明军及副秘书长王建华等于日前赴东华，出席该会就职典礼。"
)


def test_a_title_after_the_verb_that_sends_its_holder_is_the_senders() -> None:
    assert ("林晓峰", "理事长", "西岭市总商会") in _posts(DELEGATION)


def test_titles_listed_after_names_that_share_one_stay_at_the_same_organisation() -> None:
    posts = _posts(DELEGATION)
    for person, role in (("钱国栋", "常务理事"), ("李明军", "理事"), ("王建华", "副秘书长")):
        assert (person, role, "西岭市总商会") in posts
    assert not any(org == "东华市总商会" for _, _, org in posts)


def test_an_advisers_title_with_its_field() -> None:
    assert ("周立平", "会务顾问", "西岭市总商会") in _posts(DELEGATION)


def test_a_title_and_its_holders_joined_by_a_copula() -> None:
    posts = _posts("东华市总商会会长为周立平，副会长有林晓峰、陈思远、赵一鸣等。")
    assert posts == {
        ("周立平", "会长", "东华市总商会"),
        ("林晓峰", "副会长", "东华市总商会"),
        ("陈思远", "副会长", "东华市总商会"),
        ("赵一鸣", "副会长", "东华市总商会"),
    }


def test_a_title_before_for_whom_is_no_copula() -> None:
    posts = _posts("东华市总商会举行年会。会上，总商会会长为林晓峰颁发证书。")
    assert not any(person == "林晓峰" for person, _, _ in posts)
