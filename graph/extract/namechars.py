"""Single characters around a two-character name: whether one the segmenter left alone after
it is the name's third character or the clause's next word.
"""

from __future__ import annotations

import re

from graph.resources import load_lexicon
from graph.text.segment import FUNCTION_TAGS, word_tags
from graph.types import Token

ADVERB_FINALS = frozenset("刚超才正原均")
"""Characters jieba reads as adverbs that end a three-character name far more often than
they follow a two-character one (person names of People's Daily 1998 and MSRA train: 刚 98
to 4, 超 82:0, 才 69:4, 正 43:13, 原 13:4, 均 8:1; 先, 也, 就, 在 the other way)."""


def third_left_alone(char: str, after: str) -> bool:
    """Whether ``char``, a character the segmenter left alone after a two-character name and
    before the word ``after``, is the name's third (韩某 + 赋 + 对, 钟某 + 元 + ，) rather than
    the clause's (王某 + 说 + ，, 梁某 + 率 + 团): no function word, adverb or verb of speech.

    >>> third_left_alone("赋", "对"), third_left_alone("元", "，"), third_left_alone("说", "，")
    (True, True, False)
    >>> third_left_alone("谈", "了如"), third_left_alone("元", "了解")  # 王某 + 谈 + 了: a verb
    (False, True)
    """
    if not "\u4e00" <= char <= "\u9fff" or char in _NEVER_THIRD:
        return False
    if after[:1] in _ASPECT and after != "了解":
        return False  # a verb with its aspect particle (王某 + 谈 + 了如何…)
    if word_tags().get(char, "x") in FUNCTION_TAGS | {"d", "role"} and char not in ADVERB_FINALS:
        return False
    return after in _AFTER_NAME_MARKS or len(after) >= 2 or after in "对向与和及在"


_NEVER_THIRD = frozenset(
    "说讲称道问答笑叹指等们的了着过在是有为到去来也都就又还将已被把对向从由于给让以率带携陪偕赴任兼作"
    "看听见受用做干抓走送拿收要会能可应需该请叫使令得"
)
"""Characters after a two-character name that are the clause's, not the name's."""
_AFTER_NAME_MARKS = frozenset("，,、。；;：:")
_ASPECT = frozenset("了着过")


def word_after(text: str, at: int) -> str:
    """The mark at ``at`` or the two characters there (enough for :func:`third_left_alone`)."""
    return text[at : at + 1] if text[at : at + 1] in _AFTER_NAME_MARKS else text[at : at + 2]


def given_glued_to_next(tok: Token, nxt: Token, tags: dict[str, str]) -> bool:
    """Whether the first character of ``nxt`` ends the name that the word ``tok`` opens, the
    segmenter having glued it to a conjunction or a verb (凌小 + 宏等市, 蓝某 + 立在)."""
    return (
        tags.get(tok.text, "nr") in ("nr", "a", "nz", "n")  # 凌小 an adjective, 蓝天 a noun
        and nxt.start == tok.end
        and len(nxt.text) >= 2
        and (nxt.text[1] in _GLUED_AFTER_GIVEN or _before_a_verb(nxt.text, tags))
        and nxt.text not in tags
        and third_left_alone(nxt.text[0], nxt.text[1:3])
    )


def _before_a_verb(word: str, tags: dict[str, str]) -> bool:
    """A word the HMM made of one character and the verb of the dictionary after it (达 + 主礼)."""
    return len(word) == 3 and (word[1:] in AT_A_MEETING or tags.get(word[1:], "").startswith("v"))


_GLUED_AFTER_GIVEN = frozenset("及和与等在为是将")
"""Characters the segmenter glues after a name's last character (宏等市, 立在)."""


def addressed_after(text: str, nxt: Token) -> bool:
    """Whether a two-character verb after a family name is its given name, a group or a form
    of address following it (书记车 + 前进 + 一行: 车前进)."""
    return len(nxt.text) == 2 and text.startswith(("一行", "同志", "等一行"), nxt.end)


def surname_then_verb(name: str) -> bool:
    """Whether ``name`` says what someone once did (曾考虑, 曾表示, 曾担任) or what a person
    called by the family name alone did at a meeting (李 + 主持, 王 + 讲话): no name.

    >>> surname_then_verb("曾考虑"), surname_then_verb("李主持"), surname_then_verb("李主")
    (True, True, False)
    """
    rest = name[1:]
    if name[0] == "曾" and (rest in _ONCE_DONE or rest in load_lexicon("reporting_verbs")):
        return True
    return len(name) == 3 and rest in AT_A_MEETING


AT_A_MEETING = frozenset(
    {
        "主持",
        "讲话",
        "致辞",
        "发言",
        "宣读",
        "汇报",
        "出席",
        "陪同",
        "带队",
        "指出",
        "强调",
        "表示",
        "主礼",
    }
)


_ONCE_DONE = frozenset(
    {"考虑", "担任", "参加", "参与", "任职", "工作", "获得", "荣获", "经历", "多次", "一度"}
)


def third_before_place(text: str, end: int, tags: dict[str, str]) -> int:
    """1 when the character at ``end``, after a family name and one given character that the
    segmenter cut apart, is the name's third and a place follows it (记者梁 + 某 + 绮 + 台北
    + 23日电), else 0.

    >>> third_before_place("记者梁某绮台北23日电", 4, word_tags())
    1
    >>> third_before_place("记者梁某在台北采访", 4, word_tags())
    0
    """
    char, place = text[end : end + 1], text[end + 1 : end + 3]
    if not char or text[end : end + 2] in tags or not tags.get(place, "").startswith("ns"):
        return 0
    return int(third_left_alone(char, place))


def spelled_on(text: str, a: int, b: int) -> int:
    """Where a name ``text[a:b]`` that the model cut ends when it and the characters after it,
    up to a mark, all spell a transliteration (梅德 + 韦杰娃，: 梅德韦杰娃), else ``b``.

    >>> spelled_on("处长梅德韦杰娃，总领事", 2, 4), spelled_on("处长梅德说，", 2, 4)
    (7, 4)
    """
    chars = load_lexicon("transliteration_chars")
    end = b
    while end < len(text) and end - a < _LONGEST and text[end] in chars:
        end += 1
    if end == b or text[end : end + 1] not in _MARKS or not all(c in chars for c in text[a:b]):
        return b
    return end


_LONGEST = 7
_MARKS = frozenset("，,、。；;")
STATE_FORMS = ("共和国", "王国", "联邦", "合众国", "酋长国", "公国")
"""Endings of a state's formal name (某某民主人民共和国), which holds its head's title."""
_STATE_HEAD = re.compile(
    f"(?:{'|'.join(STATE_FORMS)})副?(?:总统|总理|首相|国王|议长|外长|外交部长|主席)$"
)
"""The title of a foreign state's head or minister, its state's form before it."""


def foreign_name_end(text: str, at: int) -> int:
    """Where a transliterated name written without a dot ends after a foreign state's head's
    title (某某共和国总理 + 卡尔本西斯、), its characters all spelling transliterations up to a
    mark or 的, else ``at``.

    >>> t = "东华共和国总理卡尔-本西斯、西岭王国首相说"
    >>> t[7:foreign_name_end(t, 7)], foreign_name_end(t, 21) == 21
    ('卡尔-本西斯', True)
    """
    if not _STATE_HEAD.search(text, max(0, at - 12), at):
        return at
    chars = load_lexicon("transliteration_chars")
    end = at
    while (
        end < len(text)
        and end - at < 12
        and (text[end] in chars or (text[end] in "-－" and end > at))
    ):
        end += 1
    return end if end - at >= 3 and text[end : end + 1] in _MARKS | {"的"} else at


def syllable_name_end(text: str, at: int) -> int:
    """Where a Tibetan name of two or three syllables (``tibetan_names.txt``) starting at ``at``
    ends, else ``at`` (洛桑 + 江村, 尼玛 + 次仁: names no family name opens).

    >>> syllable_name_end("副主席洛桑江村出席", 3), syllable_name_end("副主席洛桑出席", 3)
    (7, 3)
    """
    syllables = load_lexicon("tibetan_names")
    end = at
    while end - at < 6 and text[end : end + 2] in syllables:
        end += 2
    return end if end - at >= 4 else at


def a_place_not_a_name(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is the place a reporter files from (记者某某/苗栗报导, 吴川 +
    讯), or a preposition and the start of a venue's name (於 + 乐富 + 广场), not a personal name.

    >>> a_place_not_a_name("记者林晓峰/苗栗报导", 6, 8), a_place_not_a_name("记者林晓峰/苗栗报导", 2, 5)
    (True, False)
    >>> a_place_not_a_name("两日於乐富广场举行", 2, 5), a_place_not_a_name("于乐富出席", 0, 3)
    (True, False)
    >>> a_place_not_a_name("吴川讯 本月", 0, 2)
    True
    """
    if text[a : a + 1] in "于於" and text.startswith(_VENUES, b):
        return True
    if text.startswith("讯", b) and _a_region(text[a:b]):
        return True  # 吴川 + 讯: the place a dispatch is filed from
    return text[a - 1 : a] in ("/", "／") and text.startswith(_REPORTS, b)


def _a_region(name: str) -> bool:
    """A listed region, by its full name or the name without its level (吴川 of 吴川市)."""
    regions = load_lexicon("regions")
    return name in regions or any(name + level in regions for level in "省市县区")


_VENUES = (
    *("广场", "大厦", "中心", "会堂", "礼堂", "酒店", "宾馆", "剧院", "公园", "会议室", "体育馆"),
    *("大楼", "会展", "展览馆", "博物馆", "礼宾府"),
)
"""Endings of venues' names, which no personal name runs into."""


_REPORTS = ("报导", "报道", "報導", "報道")


def name_closing_clause(text: str, start: int) -> int | None:
    """Where a name of three characters ends when it closes its clause right after a title
    and the segmenter read no name there (省长 + 周家 + 秒，: 周家 a noun, 秒 a measure), its
    last two characters no word; ``text[start]`` opens a family name.

    >>> name_closing_clause("省长周家秒，", 2), name_closing_clause("市长张表示，", 2)
    (5, None)
    """
    name, end = text[start : start + 3], start + 3
    if len(name) < 3 or text[end : end + 1] not in _CLAUSE_MARKS:
        return None
    if not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return None
    tags = word_tags()
    if name in tags or name[1:] in tags or name[2] in _AFTER_WORDS:
        return None  # 王 + 讲话, 张 + 表示: what the bearer of the family name did
    if tags.get(name[:2], "").startswith("v"):
        return None  # 公布 + 中: a verb opens the clause
    return None if name[1:] in load_lexicon("roles") else end


_CLAUSE_MARKS = frozenset("、，,。；;")
_AFTER_WORDS = frozenset("等中们的了着过时后前里上下内外")
"""Characters that follow a word rather than end a name (成员 + 等, 公布 + 中)."""
