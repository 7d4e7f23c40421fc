"""Meetings named only by a generic noun (召开会议, 召开常委会议, 举行揭牌仪式) as events named by
their clause, as visits are (graph.extract.visits).

The event finder (graph.extract.events) keeps such a clause only when the date it is held on is
written in the same clause or the one before it (3月5日上午，东江市委召开常委会议). A clause that
opens with the bare noun (会议在某地开幕) speaks of a meeting already named and is no new one.

>>> from graph.types import Sentence
>>> text = "3月5日上午，东江市委召开常委会议，研究部署春耕工作。"
>>> [text[a:b] for a, b in meeting_names(Sentence(0, len(text), text))]
['东江市委召开常委会议']
>>> text = "揭牌仪式在东江县举行。"
>>> [text[a:b] for a, b in meeting_names(Sentence(0, len(text), text))]
['揭牌仪式在东江县举行']
>>> text = "29日上午，东江粮食物流中心在工业园区内开工。"
>>> [text[a:b] for a, b in meeting_names(Sentence(0, len(text), text))]
['东江粮食物流中心在工业园区内开工']
>>> text = "3月5日，会议在东江会堂开幕。"
>>> meeting_names(Sentence(0, len(text), text))
[]
"""

from __future__ import annotations

import re

from graph.extract.visits import clause_of
from graph.types import Sentence

_NOUN = (
    r"(?:会议|大会|座谈会|仪式|典礼|常委会|党委会|党组会|办公会|例会|全会|换届选举|改选|选举"
    r"|董事会|理事会|监事会|常务会|活动|校庆|院庆|周年庆|集体学习)"
)
_CLAUSE_END = r"(?=[，,。；;！!？?：:\n]|$)"
_MILESTONE = r"(?:开工|竣工|投产|开业|通车|奠基|落成|揭牌|开馆|首演|开跑|开赛)"
"""What a project, a body or a show marks, told by its verb (某中心在某园区开工, 某馆新馆开馆,
舞剧《某某》首演): an event too."""
_ELECTS = r"(?:选出|选举产生|改选产生)了?(?:新一届|新一任|第[0-9一二三四五六七八九十]{1,4}届)"
"""An election that gives a body its new leaders (某商会选出新一届会长): an event too."""
_HELD = re.compile(
    rf"(?:召开|举行|举办|开展)了?[^，,。；;：:、\n]{{0,20}}?{_NOUN}{_CLAUSE_END}"
    rf"|(?:出席|参加)了?[^，,。；;：:、\n]{{0,24}}?(?:仪式|典礼|大会){_CLAUSE_END}"
    rf"|{_NOUN}[^，,。；;：:、\n]{{0,12}}?(?:召开|举行|举办|开幕){_CLAUSE_END}"
    rf"|[^，,。；;：:、\n]{{4,40}}?(?:正式|顺利|隆重)?{_MILESTONE}(?:建设)?{_CLAUSE_END}"
    rf"|[^，,。；;：:、\n]{{2,30}}?{_ELECTS}[^，,。；;：:、\n]{{0,16}}?{_CLAUSE_END}"
)


def meeting_names(sentence: Sentence) -> list[tuple[int, int]]:
    """The clause (its leading time words left out) of the first meeting held in a sentence."""
    text = sentence.text
    m = next((m for m in _HELD.finditer(text) if not _quoted(text, m.start())), None)
    if m is None:
        return []  # “我宣布，某工程开工！”: a quoted announcement is no report of it
    if attended := _ATTENDED.match(m.group()):  # 出席某某签约仪式: the ceremony's own name
        start = sentence.start + m.start() + attended.end()
        return [(start, sentence.start + m.end())] if m.end() - m.start() > 6 else []
    found = clause_of(sentence, m.start(), m.end())
    at = sentence.start
    return [(a, b) for a, b in found if not sentence.text[a - at :].startswith(_AGAIN)]


_ATTENDED = re.compile(r"(?:出席|参加)了?")


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a quotation (“…”) of ``text``."""
    return text.count("“", 0, at) > text.count("”", 0, at)


_AGAIN = ("会议", "大会", "仪式", "典礼", "本次", "此次", "这次", "该", "上述")
"""A clause opening with these speaks of a meeting already named (会议在某地开幕)."""
