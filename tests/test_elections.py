"""Elections and appointments of several people at once: names before the verb, titles each
holds in turn, an association's council before its heads (invented names and organisations)."""

from __future__ import annotations

from post_triples import posts


def test_names_elected_respectively_hold_the_titles_in_order() -> None:
    found = posts(
        "东江专业女性协会举行会员大会，张振华、李春芳及王建国分别当选为会长、理事长及监事长。"
    )
    assert found == {
        ("张振华", "会长", "东江专业女性协会"),
        ("李春芳", "理事长", "东江专业女性协会"),
        ("王建国", "监事长", "东江专业女性协会"),
    }


def test_respectively_with_fewer_titles_than_names_gives_no_guess() -> None:
    assert posts("张振华、李春芳分别当选为东江市书协主席。") == set()


def test_the_last_name_of_a_list_joined_by_a_conjunction_shares_the_title() -> None:
    found = posts("东江专业女性协会举行会员大会，并聘请了赵丽华、胡文成和周立平担任名誉会长。")
    assert {p for p, r, _ in found if r == "名誉会长"} == {"赵丽华", "胡文成", "周立平"}


def test_a_space_after_a_list_comma_does_not_end_the_list() -> None:
    found = posts("东江市书协召开大会。李春芳、 王建国、赵丽华当选东江市书协副主席。")
    assert {p for p, r, _ in found if r == "副主席"} == {"李春芳", "王建国", "赵丽华"}


def test_the_heads_of_an_associations_presidium_are_the_associations() -> None:
    found = posts("李春芳、王建国当选东江市书协第七届主席团副主席。")
    assert found == {("李春芳", "副主席", "东江市书协"), ("王建国", "副主席", "东江市书协")}
    assert posts("李春芳当选东江市书协主席团副主席。") == {("李春芳", "副主席", "东江市书协")}


def test_a_presidiums_members_stay_in_the_presidium() -> None:
    found = posts("东江市书法家协会第七届主席团委员赵丽华出席。")
    assert found == {("赵丽华", "委员", "东江市书法家协会主席团")}


def test_a_meetings_presidium_still_gives_no_post() -> None:
    assert posts("大会主席团常务主席李春芳主持。") == set()


def test_a_council_named_alone_is_the_articles_associations() -> None:
    found = posts(
        "东江市体育总会召开大会。大会选举周立平同志当选第四届理事会主席，"
        "李春芳、王建国等2名同志当选理事会副主席，胡文成同志当选理事会秘书长。"
    )
    assert found == {
        ("周立平", "主席", "东江市体育总会"),
        ("李春芳", "副主席", "东江市体育总会"),
        ("王建国", "副主席", "东江市体育总会"),
        ("胡文成", "秘书长", "东江市体育总会"),
    }


def test_national_bodies_short_names_are_organisations() -> None:
    assert posts("全国妇联副主席张振华出席。") == {("张振华", "副主席", "全国妇联")}
    assert posts("中央纪委副书记张振华出席。") == {("张振华", "副书记", "中央纪委")}
    found = posts("李春芳、王建国、赵丽华等3位同志当选为全总副主席。")
    assert found == {(p, "副主席", "全总") for p in ("李春芳", "王建国", "赵丽华")}


def test_a_name_whose_last_character_the_segmenter_glued_to_a_verb_is_whole() -> None:
    found = posts("东江市园林集团有限公司揭牌。集团公司董事长贺健，总经理单远华为集团公司揭牌。")
    assert ("单远华", "总经理", "东江市园林集团有限公司") in found
    assert not any(p == "单云" for p, _, _ in found)


def test_a_roster_its_organisation_announces_gives_each_title_to_the_names_after_it() -> None:
    found = posts(
        "东江同乡会举行大会。东华联谊会副会长孙建平出席。东江同乡会第13届理监事会成员包括："
        "理事长张振华；会长李春芳；当然常务副理事长王建国，监事长赵丽华；副会长胡文成、周立平。"
    )
    assert {(p, r) for p, r, o in found if o == "东江同乡会"} == {
        ("张振华", "理事长"),
        ("李春芳", "会长"),
        ("王建国", "常务副理事长"),
        ("赵丽华", "监事长"),
        ("胡文成", "副会长"),
        ("周立平", "副会长"),
    }


def test_elected_by_a_vote_in_traditional_script() -> None:
    found = posts(
        "東江專業女性協會舉行大會，林德雲、容德川及黃德舟分別獲選為會長、理事長及監事長。"
    )
    assert {(p, r) for p, r, _ in found} == {
        ("林德雲", "会长"),
        ("容德川", "理事长"),
        ("黃德舟", "监事长"),
    }


def test_votes_and_a_count_of_deputies_between_the_names_and_the_verb() -> None:
    found = posts(
        "东江县召开大会。张振华以190票的高票当选为县人民政府县长，李春芳、王建国当选为副县长。"
        "赵丽华等20名代表当选为县人大常委会委员。"
    )
    assert found == {
        ("张振华", "县长", "东江县人民政府"),
        ("李春芳", "副县长", "东江县人民政府"),
        ("王建国", "副县长", "东江县人民政府"),
        ("赵丽华", "委员", "东江县人大常委会"),
    }


def test_a_list_goes_on_over_a_name_the_model_missed() -> None:
    found = posts("周立平、巨明川、胡文成等3位同志当选为东江市总工会副主席。")
    assert {p for p, r, _ in found if r == "副主席"} == {"周立平", "巨明川", "胡文成"}


def test_a_body_named_by_its_ending_alone_is_the_articles() -> None:
    found = posts(
        "东江大学教育基金会举行捐赠仪式。捐赠仪式由基金会秘书长金云舟主持。张振华当选为执委会委员。"
    )
    assert ("金云舟", "秘书长", "东江大学教育基金会") in found
    assert not any(r.startswith("会") or o == "执委" for _, r, o in found)


def test_a_title_announced_before_a_list_of_chains_is_each_ones() -> None:
    found = posts(
        "东江市委的3位新闻发言人分别是：市纪委常委黄立远；市委组织部秘书长裴舟、副巡视员王立舟。"
    )
    assert {(p, o) for p, r, o in found if r == "新闻发言人"} == {
        ("黄立远", "东江市纪委"),
        ("裴舟", "东江市委组织部"),
        ("王立舟", "东江市委组织部"),
    }


def test_a_post_named_as_a_post_after_the_verb() -> None:
    assert posts("东江篮协换届 张振华连任东江市篮球协会主席一职") == {
        ("张振华", "主席", "东江市篮球协会")
    }


def test_a_rare_family_name_with_a_given_name_the_dictionary_reads_as_a_word() -> None:
    found = posts("张振华、代立新、胡文成当选东江市书法家协会副主席。")
    assert {p for p, _, _ in found} == {"张振华", "代立新", "胡文成"}, found


def test_members_elected_to_a_presidium_named_by_its_short_name() -> None:
    found = posts(
        "东江市书法家协会召开第七次代表大会。李春芳、赵丽华（以姓氏笔画为序）当选书协第七届主席团委员。"
    )
    assert found == {("李春芳", "委员", "书协主席团"), ("赵丽华", "委员", "书协主席团")}, found


def test_an_appointment_verb_governs_the_clauses_after_it() -> None:
    found = posts("会议任命李春芳、赵丽华为东江区人民政府副区长，周东方为东江区教育体育局局长。")
    assert ("周东方", "局长", "东江区教育体育局") in found, found


def test_a_name_ending_in_cheng_before_wei_in_an_appointment_list() -> None:
    found = posts("会议选举张振华为东华镇人民代表大会主席，胡文成为东华镇镇长，李春芳为副镇长。")
    assert ("胡文成", "镇长", "东华镇人民政府") in found, found


def test_a_township_named_before_its_party_committee_resolves_the_elided_one() -> None:
    found = posts("东江镇党委书记张振华带队走访慰问困难群众，镇党委副书记、镇长胡文成陪同。")
    assert ("胡文成", "副书记", "东江镇党委") in found, found


def test_appointments_listed_with_a_list_comma_are_one_per_name() -> None:
    found = posts(
        "会议选举张振华为东华镇镇长、胡文成为东华镇人大主席团主席、李春芳为东华镇人大主席团副主席。"
    )
    assert found == {
        ("张振华", "镇长", "东华镇人民政府"),
        ("胡文成", "主席", "东华镇人大"),
        ("李春芳", "副主席", "东华镇人大"),
    }, found


def test_people_each_with_their_own_titles_appointed_together_all_hold_the_post() -> None:
    found = posts(
        "东江市乒乓球协会召开大会。市乒协还聘请市文联党组书记林晓峰、原东华区政协主席周立平"
        "和市供电公司工会主席陈思远为名誉会长。"
    )
    assert {p for p, r, _ in found if r == "名誉会长"} == {"林晓峰", "周立平", "陈思远"}, found
    assert ("林晓峰", "党组书记", "市文联") in found


def test_those_elected_hold_their_titles_at_the_body_the_election_gave() -> None:
    found = posts(
        "东江县书法家协会成立大会召开。东华县书法家协会主席林晓峰到会祝贺。会议选举产生了"
        "东江县书法家协会第一届领导班子，周立平当选主席，陈思远、胡文成当选副主席。"
    )
    assert ("周立平", "主席", "东江县书法家协会") in found, found
    assert ("陈思远", "副主席", "东江县书法家协会") in found, found
    assert not {p for p, _, o in found if o == "东华县书法家协会"} - {"林晓峰"}, found


def test_a_conjunction_before_a_title_is_no_family_name() -> None:
    found = posts("东江县书法家协会还聘请了书协名誉主席和顾问若干名。")
    assert not {p for p, _, _ in found if p.startswith("和")}, found


def test_a_list_after_a_comma_opens_its_own_election_clause() -> None:
    found = posts(
        "东江市体育总会召开会员代表大会。林晓峰同志当选理事会主席，陈思远同志当选理事会秘书长、"
        "周立平、胡文成当选副秘书长。"
    )
    assert ("陈思远", "秘书长", "东江市体育总会") in found, found


def test_a_time_and_a_passive_between_the_name_and_the_appointment() -> None:
    found = posts(
        "东华县委书记周立平被免职。随后接手东华县委全面工作的是原县长林晓峰。"
        "据了解，林晓峰已于3月上旬被正式任命为县委书记。"
    )
    assert ("林晓峰", "书记", "东华县委") in found, found


def test_a_biographys_titles_joined_by_and_also_are_all_held() -> None:
    found = posts(
        "林晓峰毕业于东江大学，同时担任东江市体育总会会长、东江市田径协会理事长，"
        "以及东江奥林匹克委员会副主席等重要职务。"
    )
    assert {
        ("林晓峰", "会长", "东江市体育总会"),
        ("林晓峰", "理事长", "东江市田径协会"),
        ("林晓峰", "副主席", "东江奥林匹克委员会"),
    } <= found, found


def test_the_body_opening_the_sentence_holds_the_election() -> None:
    found = posts("东江工业协进会于15日进行理监事改选，由林晓峰高票当选新任理事长。")
    assert ("林晓峰", "理事长", "东江工业协进会") in found, found


def test_acting_as_a_verb_gives_the_acting_title() -> None:
    found = posts("会议决定林晓峰代理东江市市长。")
    assert ("林晓峰", "代理市长", "东江市人民政府") in found, found
    found = posts("决定林晓峰副区长代理东华区政府区长职务。")
    assert {o for p, r, o in found if (p, r) == ("林晓峰", "代理区长")} & {
        "东华区人民政府",
        "东华区政府",
    }, found


def test_qi_as_the_object_of_an_appointment_is_the_person_just_named() -> None:
    found = posts("会议决定任命林晓峰为东江市人民政府副市长，并决定其为代理市长。")
    assert ("林晓峰", "代理市长", "东江市人民政府") in found, found
