"""Lists of an election or an appointment as personnel news write them: notes of sex or
nationality after names (某某（女）), a two-character name before the verb 为, the elected named
after ``当选为X的还有``, a title ended (``某局前局长``), a clause ``A任X书记、原书记B`` and a
township named after its county (invented names, places and organisations)."""

from __future__ import annotations

from post_triples import people, posts

from graph.extract.people import model_people
from graph.text.segment import segment
from graph.types import Document


def test_a_note_of_sex_or_nationality_marks_a_listed_name() -> None:
    for note in ("（女）", "（满族）", "（女，回族）"):
        found = posts(f"全会选举林晓峰为市委书记，于海军、江河{note}为市委副书记。")
        assert ("江河", "副书记", "市委") in found, note
        assert ("于海军", "副书记", "市委") in found, note


def test_a_two_character_name_before_the_verb_is_no_three_character_name() -> None:
    text = "会议决定：郭海明为东江省代理省长；孙志远、孙和为东江省副省长。"
    found = posts(text)
    assert ("孙和", "副省长", "东江省人民政府") in found
    assert ("孙志远", "副省长", "东江省人民政府") in found
    assert "孙和为" not in people(text)


def test_the_elected_named_after_the_title_are_listed() -> None:
    text = "全会选举林晓峰为市委书记，当选为市委常委的还有陈思远、赵一鸣（满族）、周立平。"
    found = posts(text)
    assert {("陈思远", "常委", "市委"), ("赵一鸣", "常委", "市委"), ("周立平", "常委", "市委")} <= (
        found
    )


def test_a_title_after_former_and_an_organisation_is_ended() -> None:
    text = "东华市财政局前局长林晓峰和东华银行前行政总裁陈思远出席。"
    ended = posts(text, former=True)
    assert ("林晓峰", "局长", "东华市财政局") in ended
    assert ("陈思远", "行政总裁", "东华银行") in ended
    assert not posts(text)


def test_the_titles_after_a_holder_and_his_verb_are_his_not_the_next_names() -> None:
    text = "中央宣布林晓峰任东江省委书记、原书记陈思远另有任用。"
    assert ("林晓峰", "书记", "东江省委") in posts(text)
    assert ("陈思远", "书记", "东江省委") in posts(text, former=True)
    assert ("陈思远", "书记", "东江省委") not in posts(text)


def test_a_township_named_after_its_county_names_its_bodies() -> None:
    text = (
        "12月30日，东江省西山县东岭乡第十届人民代表大会第一次会议召开。"
        "会议选举了林晓峰为政府乡长，陈思远为乡人大主席。"
    )
    found = posts(text)
    assert ("林晓峰", "乡长", "东岭乡人民政府") in found
    assert ("陈思远", "主席", "东岭乡人大") in found


def test_a_verb_glued_to_a_four_character_name_is_cut() -> None:
    text = "受主任会议委托，秘书长钱国栋作关于议程的说明。欧阳明远说。"
    seg = segment(Document.from_text("t.txt", text))
    found = model_people(seg, [[(11, 15, "PERSON")], [(23, 27, "PERSON")]])
    assert [p.text for p in found] == ["钱国栋", "欧阳明远"]


def test_the_names_after_a_counted_title_hold_it() -> None:
    found = posts("东华市作家协会第五次代表大会选举产生了5名副主席，分别是林晓峰、陈思远和赵一鸣。")
    assert {(p, "副主席", "东华市作家协会") for p in ("林晓峰", "陈思远", "赵一鸣")} <= found


def test_the_name_ending_each_described_item_holds_the_counted_title() -> None:
    text = (
        "东华市作家协会的5名副主席中，3人是新当选，分别是东华大学教授林晓峰、西岭公司董事长陈思远。"
    )
    found = posts(text)
    assert {(p, "副主席", "东华市作家协会") for p in ("林晓峰", "陈思远")} <= found
    assert ("林晓峰", "教授", "东华大学") in found


def test_a_word_of_tenure_is_no_name() -> None:
    text = (
        "7人是新加入，分别是东华大学校务委员会主席林晓峰、"
        "曾任林晓峰选举代理人的港区全国政协委员陈思远，以及3名议员。"
    )
    assert "曾任" not in people(text)


def test_an_item_of_a_list_of_appointments_names_its_holder() -> None:
    text = (
        "会议决定：任命王建国为东华市经济委员会主任，沙湖林为商务委员会主任，马伊里为民政局局长。"
    )
    found = posts(text)
    assert ("沙湖林", "主任", "商务委员会") in found
    assert ("马伊里", "局长", "民政局") in found


def test_an_acting_title_after_the_appointment_is_held_too() -> None:
    found = posts("会议决定任命林晓峰为东华市副市长，代理东华市市长职务。")
    assert {
        ("林晓峰", "副市长", "东华市人民政府"),
        ("林晓峰", "代理市长", "东华市人民政府"),
    } <= found
