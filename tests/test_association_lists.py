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


def test_a_counted_title_after_the_term_and_a_verb_of_having() -> None:
    posts = _posts("东华银行公会第九届共有三位常务理事，包括林晓峰、东华银行董事长陈思远、赵一鸣。")
    for person in ("林晓峰", "陈思远", "赵一鸣"):
        assert (person, "常务理事", "东华银行公会") in posts
    assert ("陈思远", "董事长", "东华银行") in posts


def test_a_post_told_after_the_name_with_an_adverb_before_the_copula() -> None:
    posts = _posts("银行公会理事长林晓峰目前是东华银行董事长，但将于下月卸任。")
    assert ("林晓峰", "董事长", "东华银行") in posts


def test_a_heads_assistant_written_after_the_name() -> None:
    posts = _posts(
        "2月10日上午，东华保监分局林晓峰局长、陈思远副局长、赵一鸣局长助理一行来到协会。"
    )
    assert ("赵一鸣", "局长助理", "东华保监分局") in posts


def test_elected_and_continuing_titles_in_a_chambers_wording() -> None:
    posts = _posts(
        "东华市总商会今天选出新一届会长。现任副会长林晓峰膺选第52届会长。"
        "现任会长陈思远续任永远名誉会长一职。"
    )
    assert ("林晓峰", "会长", "东华市总商会") in posts
    assert ("陈思远", "永远名誉会长", "东华市总商会") in posts


def test_directors_listed_before_the_title_they_take_in_turn() -> None:
    posts = _posts("东华集团15日发布公告称，由集团董事林晓峰、陈思远担任集团轮值董事长。")
    for person in ("林晓峰", "陈思远"):
        assert (person, "董事", "东华集团") in posts
        assert (person, "轮值董事长", "东华集团") in posts


def test_an_elected_title_before_the_next_verb_of_its_clause() -> None:
    posts = _posts(
        "东华商会换届选举\n11月30日，东华商会会员大会在东华大酒店召开。"
        "大会选举产生了商会第二届理事会。林晓峰当选第二届理事会会长并发表讲话。"
    )
    assert ("林晓峰", "会长", "东华商会") in posts


def test_a_post_kept_after_a_time_phrase_before_the_verb() -> None:
    posts = _posts("公告称，东华集团正处在起步阶段，林晓峰在未来一段时间内仍担任集团监事会主席。")
    assert ("林晓峰", "监事会主席", "东华集团") in posts


def test_a_counted_title_naming_its_council() -> None:
    posts = _posts("另有3名东华市立法会议员，包括保险界林晓峰、工联会陈思远及民建联赵一鸣。")
    for person in ("林晓峰", "陈思远", "赵一鸣"):
        assert (person, "议员", "东华市立法会") in posts


def test_a_groups_members_listed_with_their_titles_after_including() -> None:
    posts = _posts(
        "参与访问的东华体育协会委员包括会长林晓峰、副会长陈思远、赵一鸣、"
        "义务秘书长钱国栋和义务副秘书长孙海涛。"
    )
    assert posts == {
        ("林晓峰", "会长", "东华体育协会"),
        ("陈思远", "副会长", "东华体育协会"),
        ("赵一鸣", "副会长", "东华体育协会"),
        ("钱国栋", "义务秘书长", "东华体育协会"),
        ("孙海涛", "义务副秘书长", "东华体育协会"),
    }


def test_a_title_after_a_person_speaking_on_anothers_behalf() -> None:
    posts = _posts("东华日报总编辑林晓峰代表东华报业集团社长陈思远和集团全体员工对来访表示欢迎。")
    assert ("陈思远", "社长", "东华报业集团") in posts


def test_an_editorial_board_member() -> None:
    posts = _posts("东华县融媒体中心主任林晓峰，东华日报党委委员、编委陈思远出席。")
    assert ("陈思远", "编委", "东华日报") in posts


def test_an_associations_council_members_and_its_head_sharing_its_last_character() -> None:
    found = _posts(
        "今天除東華農田水利會會務委員林曉峰、陳思遠及小組長出席外，水利會長周立平也頒獎。"
    )
    assert {
        ("林曉峰", "会务委员", "東華農田水利會"),
        ("陳思遠", "会务委员", "東華農田水利會"),
        ("周立平", "会长", "水利會"),
    } <= found, found
    assert all(org != "省伊协会" for _, _, org in _posts("省伊协会长林晓峰出席。"))
