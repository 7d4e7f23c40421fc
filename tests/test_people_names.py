"""People from the model and the rules: names neither cut nor glued (invented names)."""

from __future__ import annotations

from post_triples import people, posts

from graph.extract.names import Piece, person_after
from graph.extract.orgcheck import tag_sentences
from graph.extract.people import looks_like_name, model_people
from graph.text.segment import segment, token_index
from graph.types import Document, Segmented


def _seg(text: str) -> Segmented:
    return segment(Document.from_text("d.txt", text))


def test_a_preposition_does_not_open_a_rule_name() -> None:
    text = "新任发言人由秘书局局长丁文远出任。"
    seg = _seg(text)
    assert person_after(seg, token_index(seg), text.index("由")) is None


def test_a_glued_verb_is_cut_from_a_rule_name() -> None:
    text = "向所长冯玮报到，开始值班。"
    seg = _seg(text)
    found = person_after(seg, token_index(seg), text.index("冯"))
    assert found is not None and found[0].text == "冯玮"


def test_two_common_words_are_not_a_name() -> None:
    assert not looks_like_name("宣誓就职")
    assert looks_like_name("欧阳明华")


def test_a_conjunction_ending_a_name_is_kept_over_the_document() -> None:
    seg = _seg("党委书记马秀和，副书记张强出席。马秀和致开幕辞。")
    names = [p.text for p in model_people(seg, tag_sentences(seg))]
    assert names.count("马秀和") == 2 and "马秀" not in names


def test_common_family_names_are_known() -> None:
    assert looks_like_name("萧明远")  # 萧, a family name of its own beside 肖


def test_a_spaced_byline_name_ends_at_the_space() -> None:
    text = "本报讯 （记者 韩立新 通讯员 孔青） 1月3日，会议召开。"
    seg = _seg(text)
    found = person_after(seg, token_index(seg), text.index("记者") + 2)
    assert found == (Piece(8, 11, "韩立新"), True)


def test_the_last_listed_name_may_end_before_a_verb() -> None:
    from graph.extract.listedpeople import listed_people

    seg = _seg("县领导韩立新、孔维青出席会议。")
    found = listed_people(seg, (Piece(3, 6, "韩立新"),))
    assert [p.text for p in found] == ["韩立新", "孔维青"]


def test_a_name_does_not_end_in_deng_before_punctuation() -> None:
    seg = _seg("参加会议的有蒋明等。蒋明，男。")
    assert [p.text for p in model_people(seg, tag_sentences(seg))] == ["蒋明", "蒋明"]


def test_a_name_cut_before_its_last_character_and_a_conjunction_is_whole() -> None:
    seg = segment(Document.from_text("t.txt", "东华商会常务副会长张善国及商会秘书处出席会议。"))
    assert "张善国" in {p.text for p in model_people(seg, tag_sentences(seg))}


def test_particles_and_conjunctions_before_nouns_are_no_names() -> None:
    assert not looks_like_name("高校的") and not looks_like_name("和行业")
    assert looks_like_name("高建国") and looks_like_name("和晓东")


def test_a_compound_family_name_jieba_reads_as_a_word_opens_a_name() -> None:
    found = posts("东江公司总经理司马光明出席。镇人大主席欧阳坦然作报告。")
    assert {p for p, _, _ in found} == {"司马光明", "欧阳坦然"}


def test_a_conjunction_before_a_common_word_is_no_family_name() -> None:
    assert not posts("中心主任和学术委员会主任的任命通知已经宣读。")
    assert not looks_like_name("和相关")


def test_a_light_verb_after_a_name_opens_the_predicate() -> None:
    found = posts(
        "东江市委组织部部长张振华作重要讲话。东江市文联副主席胡文成到会指导。"
        "会议听取了东江市市长李耕作的说明。"
    )
    people = {person for person, _, _ in found}
    assert {"张振华", "胡文成", "李耕"} <= people, found
    assert not people & {"张振华作", "胡文成到", "李耕作"}


def test_a_full_name_the_dictionary_lists_whatever_its_family_name() -> None:
    seg = _seg("历史学家翦伯赞的著作影响深远。")
    assert [p.text for p in model_people(seg, tag_sentences(seg))] == ["翦伯赞"]


def test_a_rarer_compound_family_name_opens_a_listed_name() -> None:
    found = posts("东江市人大常委会召开会议。市人大常委会副主任钟离明远、张振华出席会议。")
    assert {p for p, _, _ in found} == {"钟离明远", "张振华"}, found


def test_an_adverb_that_mostly_ends_names_is_kept_in_the_name() -> None:
    found = posts("东江市委常委、组织部部长贺明刚出席会议。")
    assert ("贺明刚", "部长", "东江市委组织部") in found, found
    assert not {p for p, _, _ in found if p == "贺明"}, found


def test_a_married_womans_name_keeps_her_husbands_family_name() -> None:
    found = posts("東江同鄉會理監事會成員包括：副會長林偉、梁兆康、鄺李秀娟、何慧枝、蕭美珍。")
    names = {p for p, r, _ in found if r.endswith(("副会长", "副會長"))}
    assert {"鄺李秀娟", "何慧枝", "蕭美珍"} <= names, found


def test_a_third_character_left_alone_before_a_word_ends_the_name() -> None:
    found = posts("东江县委副书记、县长贺长赋对农信社的未来提出要求。")
    assert {p for p, _, _ in found} == {"贺长赋"}, found
    found = posts("东江市文旅委党委委员贺前元，东华区人民政府副区长林晓峰出席。")
    assert {p for p, _, _ in found} == {"贺前元", "林晓峰"}, found
    found = posts("东江县县长王明说，会议圆满成功。")
    assert {p for p, _, _ in found} == {"王明"}, found


def test_the_lists_etc_after_a_given_name_is_no_part_of_it() -> None:
    found = posts("东华区副区长周立平，东江图书馆馆长贺竞等市区领导出席开馆仪式。")
    assert ("贺竞", "馆长", "东江图书馆") in found, found


def test_a_preposition_that_is_a_family_name_before_a_common_noun_is_no_name() -> None:
    """向 + 来宾(介绍): the preposition, not a person 向来宾 (nor an organisation 某某局 made of
    the name before 局长); 向 before a given name stays a family name."""
    found = posts(
        "东江市宗教事务局林晓峰局长会见了来宾。林晓峰局长向来宾介绍了东江市的情况。"
        "东江市民政局局长向大家介绍情况。",
        former=None,
    )
    assert not any(p in ("向来宾", "向大家") for p, _, _ in found), found
    assert not any(org.startswith("林晓峰") for _, _, org in found), found
    assert ("向立平", "局长", "东江市宗教事务局") in posts("东江市宗教事务局局长向立平出席。")


def test_a_verb_of_going_glued_to_a_name_goes_with_the_destination() -> None:
    found = posts("12月22日，东江州政协主席林平到州人民检察院开展调研。")
    assert ("林平", "主席", "东江州政协") in found, found
    named = people("东江市卫健委副主任王卫带领规划处处长陈思远、调研员赵英到西岭县调研。")
    assert named == {"王卫", "陈思远", "赵英"}, named


def test_a_family_name_alone_before_what_its_bearer_did_is_no_name() -> None:
    assert posts("会议由东华市政府办副主任李主持。") == set()
    assert posts("东华市卫生局副局长王讲话，要求各单位落实。") == set()


def test_a_transliterated_name_goes_on_over_the_characters_that_spell_it() -> None:
    found = posts("东华自治区主席艾山·铁力瓦尔地的陪同下，部长陈思远视察了医院。")
    assert any(p == "艾山·铁力瓦尔地" for p, _, _ in found), found
    found = posts("东华自治区人民政府副主席吐尔洪·麦麦提一行来到研究所调研。")
    assert any(p == "吐尔洪·麦麦提" for p, _, _ in found), found
    found = posts("东华自治区副主席阿不都·买合苏提，部长陈思远出席。")
    assert any(p == "阿不都·买合苏提" for p, _, _ in found), found


def test_a_transliterated_name_stops_before_a_verb_or_a_function_word() -> None:
    found = posts("东华公司总裁约翰·史密斯于3月5日抵达，西岭集团董事长彼得·汉森来华访问。")
    assert {p for p, _, _ in found} == {"约翰·史密斯", "彼得·汉森"}, found


def test_a_transliterated_name_without_a_dot_is_read_to_the_mark() -> None:
    named = people("东华工商会副会长科兹洛夫、国际关系处处长梅德韦杰娃，总领馆赵一鸣领事出席。")
    assert "梅德韦杰娃" in named and "梅德" not in named, named
    assert people("国际关系处处长梅德说，合作很重要。") == {"梅德"}


def test_a_third_character_glued_to_the_verb_after_the_name() -> None:
    assert people("检察长林晓峰、东华律师公会主席华年达主礼。") == {"林晓峰", "华年达"}


def test_buda_announcing_a_post_is_no_name() -> None:
    assert people("东华市政府警察局16日举行分局长及大队长布达交接典礼，市长林晓峰到场。") == {
        "林晓峰"
    }


def test_a_latin_name_the_model_cut_after_its_first_word_is_read_whole() -> None:
    assert people("東華銀行董事總經理兼行政總裁David Lee表示，業務穩健。") == {"David Lee"}
    assert people("東華銀行行政委員會主席Carlos Alberto Silva致辭。") == {"Carlos Alberto Silva"}


def test_a_transliterated_name_joined_by_a_full_stop() -> None:
    assert people("林晓峰昨日与联合国大会主席彼得.汤姆森会面。他说，经济增长3.5%。") == {
        "林晓峰",
        "彼得.汤姆森",
    }


def test_a_tibetan_name_of_two_syllables_after_a_title() -> None:
    named = people("东华自治区副主席洛桑江村、国家民委副主任丹珠昂奔出席。县长扎西顿珠陪同。")
    assert named == {"洛桑江村", "丹珠昂奔", "扎西顿珠"}, named


def test_a_preposition_before_a_year_is_not_part_of_a_name() -> None:
    assert people("膺选新一届会长的袁平于1991年加入总商会。") == {"袁平"}
    assert people("膺選新一屆會長的陳武於1991年加入中總。") == {"陳武"}


def test_the_place_a_reporter_files_from_is_not_a_name() -> None:
    text = "标题\n台湾新闻网记者黄立雄/苗栗报导\n私立学院今天正式为新校名揭牌。县长陈思远上午到场致贺。"
    assert people(text) == {"黄立雄", "陈思远"}


def test_a_name_closing_its_clause_after_a_title_whatever_the_words_it_holds() -> None:
    found = posts("全国政协副主席周立平，东华省委副书记、省长周家秒，省委常委陈思远等出席开幕式。")
    assert ("周家秒", "省长", "东华省人民政府") in found or ("周家秒", "省长", "东华省") in found


def test_a_preposition_before_a_venues_name_is_no_family_name() -> None:
    text = (
        "東華署主辦的「東華嘉年華」今、明兩日（七月二十九日及七月三十日）於樂富廣場A區及B區舉行。"
    )
    assert not any(name.startswith("於") for name in people(text)), people(text)
