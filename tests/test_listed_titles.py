"""Lists of names each with a title after it, honours in lists, pointing words and titles
around another person's name (invented names and organisations)."""

from __future__ import annotations

from post_triples import posts as _posts

from graph.extract.document import extract_document
from graph.types import Document


def test_names_listed_with_their_own_titles_are_at_the_organisation_of_the_list() -> None:
    posts = _posts(
        "会议在京召开。我所所长张振华院士、李春芳书记、王建国副所长、赵丽华所长助理出席。"
    )
    assert {
        ("张振华", "所长", "我所"),
        ("李春芳", "书记", "我所"),
        ("王建国", "副所长", "我所"),
        ("赵丽华", "所长助理", "我所"),
    } <= posts
    assert not any(r == "院士" for _, r, _ in posts)  # an honour, not a post


def test_names_listed_after_an_honour_share_the_title_of_the_list() -> None:
    posts = _posts("学术委员会委员张振华院士、李春芳院士、王建国院士出席会议。")
    assert {p for p, r, o in posts if (r, o) == ("委员", "学术委员会")} == {
        "张振华",
        "李春芳",
        "王建国",
    }


def test_a_part_of_a_chain_holding_another_name_is_not_a_title() -> None:
    text = "我所召开会议。副所长张振华研究员、所长助理李春芳研究员作报告。"
    posts = _posts(text)
    assert ("李春芳", "所长助理", "我所") in posts
    assert not any(o.startswith("副所") or "张振华" in r for _, r, o in posts)


def test_a_pointing_word_before_a_title_stays_whole() -> None:
    assert ("张振华", "所长", "我所") in _posts("我所所长张振华出席会议。")


def test_a_conjunction_glued_to_a_name_does_not_open_the_next_organisation() -> None:
    posts = _posts("前民政事务局局长张振华及东华独轮车协会会长李春芳参选。")
    assert ("李春芳", "会长", "东华独轮车协会") in posts
    # 前 as a word of its own marks a post that has ended
    assert not any(p == "张振华" for p, _, _ in posts)
    assert ("张振华", "局长", "前海管理局") in _posts("前海管理局局长张振华出席。")


def test_becoming_a_title_and_a_short_form_with_its_region() -> None:
    text = "东华足球总会昨晚举行董事局换届选举，原东华足总副主席张振华成为主席。"
    assert ("张振华", "主席", "东华足球总会") in _posts(text)


def test_consuls_general_hold_their_posts_at_the_consulate_with_transliterated_names() -> None:
    posts = _posts(
        "张振华分别与西班牙驻沪总领事路易斯·卡尔沃、越南驻沪总领事阮明德座谈。"
        "中国驻法国大使李春芳出席。"
    )
    assert ("路易斯·卡尔沃", "总领事", "西班牙驻沪总领事馆") in posts
    assert ("阮明德", "总领事", "越南驻沪总领事馆") in posts
    assert ("李春芳", "大使", "中国驻法国大使馆") in posts


def test_a_title_after_a_comma_is_where_the_chain_before_stated_it() -> None:
    posts = _posts(
        "东华市外办党组成员、市对外友协专职副会长张振华，党组成员、二级调研员李春芳参加活动。"
    )
    assert ("李春芳", "党组成员", "东华市外办") in posts
    assert not any(p == "李春芳" and "友协" in o for p, _, o in posts)


def test_a_last_title_without_organisation_leaves_the_others_to_the_name() -> None:
    posts = _posts("中共中央政治局常委、国家副主席张振华昨天前往上海。")
    assert posts == {("张振华", "常委", "中共中央政治局")}


def test_an_adverb_opening_the_clause_is_not_part_of_the_organisation() -> None:
    posts = _posts("东华中学举行开学典礼。随后学校副校长张振华讲话。")
    assert ("张振华", "副校长", "东华中学") in posts


def test_a_conjunction_before_a_place_is_no_family_name() -> None:
    x = extract_document(Document.from_text("n.txt", "原海基会会务负责人和台湾经济界人士参加。"))
    assert not [e for e in x.entities if e.ref.kind == "person"]


def test_common_family_names_once_missing_are_read() -> None:
    for name in ("洪振华", "赖春芳", "贝建国"):
        assert ("东华集团", name) in {(o, p) for p, _, o in _posts(f"东华集团董事长{name}出席。")}


def test_a_family_name_glued_to_the_titles_last_character() -> None:
    # the segmenter reads 主任何 as 主 + 任何: the rules read 何 + the next word, without the model
    from graph.extract.rules import title_chains
    from graph.text.segment import segment

    seg = segment(Document.from_text("n.txt", "市委组织部副部长、市委编办主任何立明，市长出席。"))
    assert [c.person.text for c in title_chains(seg)] == ["何立明"]


def test_a_title_opening_an_organisations_name_is_left_out_of_it() -> None:
    posts = _posts("副主席王建国，兼职副会长东华骏杰化工有限公司总经理张振华出席。")
    assert ("张振华", "总经理", "东华骏杰化工有限公司") in posts
    assert not any("副会长" in o for _, _, o in posts)


def test_a_name_cut_off_a_chains_start_does_not_break_it() -> None:
    posts = _posts("市委副书记、市长张振华会见了东华悦集团董事长李春芳一行。")
    assert ("李春芳", "董事长", "东华悦集团") in posts


def test_a_place_the_dictionary_tags_as_an_adverb_stays_in_the_name() -> None:
    posts = _posts("首尔产业通产振兴院代表理事张振华出席。")
    assert ("张振华", "代表理事", "首尔产业通产振兴院") in posts


def test_a_word_read_as_a_name_before_an_owning_phrase() -> None:
    # 周济 is a word (to help), but after a title and before 的率领 it is a name
    posts = _posts("代表120余人在教育部副部长周济的率领下来校参观。")
    assert posts == {("周济", "副部长", "教育部")}
    assert _posts("市委书记强调，要抓好落实。") == set()


def test_a_name_after_adverbs_takes_office() -> None:
    posts = _posts(
        "珠海东华集团有限公司新任一把手已履职。张振华已正式出任东华集团党委书记、董事长。"
    )
    assert ("张振华", "董事长", "东华集团") in posts


def test_a_list_goes_on_after_a_title_written_after_the_name() -> None:
    posts = _posts("东江市旅游局张振华局长、李春芳副局长陪同调研。")
    assert {("张振华", "局长", "东江市旅游局"), ("李春芳", "副局长", "东江市旅游局")} <= posts


def test_a_bare_title_in_a_school_hosting_another_is_the_hosts() -> None:
    text = (
        "9月8日，美国东华大学访问团一行4人对我校进行了访问。"
        "校长张振华教授会见了访问团，并与东华大学副校长交谈。副校长李春芳参加了会见。"
        "外语学院、经济学院等部门负责人参加。"
    )
    posts = _posts(text)
    assert ("张振华", "校长", "我校") in posts
    assert ("李春芳", "副校长", "我校") in posts


def test_a_faculty_naming_its_own_hall_keeps_its_bare_titles() -> None:
    text = (
        "信息工程学院召开换届大会\n11月22日下午，信息工程学院在本院报告厅召开了换届大会。"
        "会议宣布张振华任院长，李春芳任副院长。"
    )
    posts = _posts(text)
    assert ("李春芳", "副院长", "信息工程学院") in posts


def test_a_bare_school_word_stands_for_the_host_not_the_visitor() -> None:
    text = (
        "11月9日下午，东华大学党委书记张振华一行来我校调研。"
        "校党委书记李春芳，党委常委、组织部部长胡文成与客人进行了座谈交流。"
        "李春芳介绍了东江大学的发展情况。"
    )
    posts = _posts(text)
    assert ("李春芳", "书记", "东江大学党委") in posts, posts
    assert ("胡文成", "部长", "党委组织部") in posts, posts


def test_the_leaders_of_a_visiting_group_hold_their_titles_at_the_sender() -> None:
    text = (
        "7月17日，东华大学（台湾）参观团一行8人，在董事长张振华、校长胡文成的带领下到东江研究所"
        "参观考察。东江研究所副所长李春芳陪同。"
    )
    posts = _posts(text)
    assert {("张振华", "董事长", "东华大学"), ("胡文成", "校长", "东华大学")} <= posts, posts


def test_an_institutions_news_outlet_names_the_institution_the_article_is_about() -> None:
    posts = _posts(
        "东华大学新闻网讯 3月5日，学校召开2024年工作会议。校党委书记张振华出席并讲话，"
        "校长胡文成作工作报告。副校长李春芳主持会议。"
    )
    assert posts == {
        ("张振华", "书记", "东华大学党委"),
        ("胡文成", "校长", "东华大学"),
        ("李春芳", "副校长", "东华大学"),
    }, posts


def test_all_the_members_of_a_body_is_no_title_of_the_next_name() -> None:
    found = _posts("东华大学第四届校务委员会全体委员、第三届校务委员会主任林晓峰出席会议。")
    assert {r for p, r, _ in found if p == "林晓峰"} == {"主任"}, found


def test_a_title_naming_its_kind_is_not_carried_to_another_kind_of_body() -> None:
    found = _posts("东华大学召开会议。第三届校务委员会主任林晓峰、校长周立平出席会议。")
    assert ("周立平", "校长", "校务委员会") not in found, found
    assert ("周立平", "校长", "东华大学") in found, found


def test_a_generic_word_opening_the_title_names_the_documents_organisation() -> None:
    found = _posts(
        "学校召开第四届校务委员会第一次全体会议\n12月31日下午，会议举行。校长林晓峰出席会议。"
    )
    assert ("林晓峰", "校长", "学校") in found, found


def test_a_name_written_again_where_the_model_missed_it_is_the_same_person() -> None:
    found = _posts(
        "东华大学校务委员会主任贺翔讲话。据悉，校务委员会共聘任29人为委员，"
        "贺翔任校务委员会主任，陈思远、胡文成任副主任。"
    )
    assert not {o for _, _, o in found if "贺翔" in o}, found


def test_names_in_latin_letters_marked_by_a_title_or_an_address_are_people() -> None:
    found = _posts(
        "9月8日，东江大学校长访问团对我校进行了访问。校长林晓峰教授会见了访问团，"
        "并与东江大学校长Smithson教授进行了交谈。副校长周立平参加了会见。"
    )
    assert ("Smithson", "校长", "东江大学") in found, found
    assert ("周立平", "副校长", "东江大学") not in found, found


def test_a_title_stated_by_a_visiting_organisation_is_not_the_hosts_peoples() -> None:
    found = _posts(
        "9月8日，东江大学校长访问团对我校进行了访问。校长林晓峰教授会见了访问团，"
        "并与东江大学校长周立平进行了交谈。副校长陈思远参加了会见。"
    )
    assert ("周立平", "校长", "东江大学") in found, found
    assert ("陈思远", "副校长", "东江大学") not in found, found


def test_the_titles_of_a_group_a_leader_leads_are_at_the_leaders_organisation() -> None:
    found = _posts(
        "东江银行公会主席林晓峰率领陈思远、胡文成，以及总干事周立平、秘书长贺明远等一行13人"
        "日前拜访东江市政府。"
    )
    assert ("周立平", "总干事", "东江银行公会") in found, found
    assert ("贺明远", "秘书长", "东江银行公会") in found, found


def test_the_documents_own_pointing_word_opens_a_list_of_names_and_titles() -> None:
    found = _posts("本校林晓峰校长、周立平处长、陈思远处长及贺明远小姐一行四人抵达东江市。")
    assert {("周立平", "处长", "本校"), ("陈思远", "处长", "本校")} <= found, found
    assert not {p for p, _, _ in found if p.startswith("及")}, found


def test_a_name_joined_by_and_with_a_post_of_its_own_does_not_share_the_titles() -> None:
    found = _posts(
        "东江省委书记林晓峰会见东华集团董事长周立平一行。省委副书记、省长陈思远和周立平出席签约仪式。"
    )
    assert ("周立平", "董事长", "东华集团") in found, found
    assert not any(p == "周立平" and role in ("副书记", "省长") for p, role, _ in found), found
    assert any(p == "陈思远" and role == "省长" for p, role, _ in found), found
