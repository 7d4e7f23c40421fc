"""Person-name boundaries (``graph.ner.persons``): names neither cut nor glued, as classes.

Every name here is invented.
"""

from __future__ import annotations

import pytest

from graph.ner.compiled import Span
from graph.ner.persons import conjunction_kept, consistent, glued_tail, is_name, refine


def _person(text: str, name: str, start: int = 0) -> Span:
    i = text.index(name, start)
    return (i, i + len(name), "PERSON", 0.9)


def _names(text: str, spans: list[Span]) -> list[str]:
    return [text[a:b] for a, b, t, _ in spans if t == "PERSON"]


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("记者李明今日到达北京。", "李明今", "李明"),  # a time word after the name
        ("赵文涛上月到任。", "赵文涛上月", "赵文涛"),
        ("韩岩上月来京。", "韩岩上", "韩岩"),
        ("行政长官郑子安今（8）日出席会议。", "郑子安今", "郑子安"),
        ("记者周琦报道：会议召开。", "周琦报", "周琦"),  # a reporting verb
        ("副部长孙立表示，要做好工作。", "孙立表", "孙立"),
        ("（记者郭林摄）", "郭林摄", "郭林"),  # a photo credit
        ("●别了＞韩立词　●", "韩立词", "韩立"),  # a lyrics credit
        ("这座桥是石匠李春所建。", "李春所", "李春"),  # a word 所建 that names seldom end in
        ("选举韩冬为副市长。", "韩冬为", "韩冬"),  # a preposition opening the next phrase
        ("来宾有范明和吴强两位。", "范明和", "范明"),
        ("会议决定，许伟任市政府副市长。", "许伟任", "许伟"),  # an appointment verb
        ("讲述者是作家邵墉之子。", "邵墉之子", "邵墉"),  # a kinship word
        (
            "剧中太子（卫洋饰）登场。",
            "卫洋饰",
            "卫洋",
        ),  # a cast credit  # a conjunction before a name
        ("向所长冯玮报到，开始值班。", "冯玮报", "冯玮"),  # a verb that is not a name ending
        ("摄影：（彭锋）", "（彭锋）", "彭锋"),  # punctuation is never part of a name
        ("县长林明远宣誓就职。", "长林明远", "林明远"),  # the end of a title is not a name
        ("行政长官张振华将出席。", "张振华将", "张振华"),  # an auxiliary before its verb
        ("部长胡文成作重要讲话。", "胡文成作", "胡文成"),  # a light verb and its object
        ("副主席周立平到会指导。", "周立平到", "周立平"),
    ],
)
def test_glued_names_are_trimmed(text: str, model: str, expected: str) -> None:
    assert _names(text, refine(text, [_person(text, model)])) == [expected]


@pytest.mark.parametrize(
    ("text", "model", "expected"),
    [
        ("党委书记王建和，副书记张强。", "王建", "王建和"),  # a conjunction before punctuation
        ("主席林政则，一向关心地方。", "林政", "林政则"),
        ("王建和说，今年要办好学校。", "王建", "王建和"),  # a conjunction before a verb
        ("韩岩上月来京。", "韩", "韩岩"),  # a family name alone, before a time word
        ("一句话就问吕老：好吗", "吕", "吕"),  # an honorific
        ("出席的有刘德、陈刚。", "陈刚", "陈刚"),  # nothing to add
    ],
)
def test_cut_names_are_extended(text: str, model: str, expected: str) -> None:
    assert _names(text, refine(text, [_person(text, model)])) == [expected]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("孙晓明说，要做好工作。", "孙晓明"),  # 明说 is a verb, but 明 ends many names
        ("张建成立即赶到现场。", "张建成"),  # 成立 competes with 立即
        ("李建国家中有三口人。", "李建国"),  # 国家 is a noun, not a following phrase
        ("王明等，均已到会。", "王明"),  # 等 is never a name's end
        ("来宾有陈平、马克。", "陈平"),
        ("戏曲家孔尚任及其作品。", "孔尚任"),
        (
            "由张嘉译、孔琳主演。",
            "张嘉译",
        ),  # a credit verb before 、 is a name in a list  # 任 before a conjunction ends the name
    ],
)
def test_whole_names_are_kept(text: str, model: str) -> None:
    assert _names(text, refine(text, [_person(text, model)])) == [model]


def test_the_same_name_over_a_document() -> None:
    text = "局长黎海挺到场。黎海挺进入值班室。黎海挺说：好。"
    spans = [_person(text, "黎海", i) for i in (2, 8, 17)]
    assert _names(text, consistent(text, spans)) == ["黎海挺"] * 3
    text = "书记马秀和，校长。马秀和致开幕辞。"
    spans = [_person(text, "马秀和"), _person(text, "马秀", 9)]
    assert _names(text, consistent(text, spans)) == ["马秀和", "马秀和"]
    assert conjunction_kept(text, 9, 12)


def test_a_name_seen_once_before_varied_words_is_not_extended() -> None:
    text = "韩梅到场。韩梅说：好。"
    spans = [_person(text, "韩梅"), _person(text, "韩梅", 5)]
    assert _names(text, consistent(text, spans)) == ["韩梅", "韩梅"]


def test_rules_need_a_family_name() -> None:
    assert is_name("欧阳明") and not is_name("所长")
    assert glued_tail("所长报到", 0, 3) == 0


def test_other_types_are_untouched() -> None:
    text = "北京市今日开会。"
    spans: list[Span] = [(0, 4, "PLACE", 0.9)]
    assert refine(text, spans) == spans


def test_a_glued_name_is_trimmed_to_the_form_that_stands_whole() -> None:
    text = "所长邹玮报到。邹玮，男，三十岁。"
    spans = [_person(text, "邹玮报"), _person(text, "邹玮", 7)]
    assert _names(text, consistent(text, spans)) == ["邹玮", "邹玮"]
    text = "主任王建和，副主任。王建和李强到场。"
    spans = [_person(text, "王建和"), _person(text, "王建和", 10)]
    assert _names(text, consistent(text, spans)) == ["王建和", "王建和"]  # 王建和 stands whole


def test_mentions_of_a_document_are_consistent() -> None:
    from graph.ner import tag_text

    text = "局长黎海挺进入值班室。黎海挺说：好。黎海挺随后离开。"
    assert [m.text for m in tag_text(text) if m.type == "PERSON"] == ["黎海挺"] * 3
