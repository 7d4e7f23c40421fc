"""Visits a news story reports (慰问, 视察, 调研, 考察, 带队检查 …), agreements it reports signed
(签署合作协议) and works it reports opened (正式投运, 投入使用) as events named by their clause.

>>> from graph.types import Sentence
>>> text = "3月5日，市长林晓峰到东华社区走访慰问困难群众。"
>>> [text[a:b] for a, b in visit_names(Sentence(0, len(text), text))]
['市长林晓峰到东华社区走访慰问困难群众']
>>> text = "5月16日，东华银行与东江集团签署战略合作协议。"
>>> [text[a:b] for a, b in visit_names(Sentence(0, len(text), text))]
['东华银行与东江集团签署战略合作协议']
"""

from __future__ import annotations

import re

from graph.types import Sentence

_VISIT = re.compile(
    r"慰问|慰勉|视察|调研|考察|检查指导|督导|走访|看望|巡视|参观|察看|参香|拜年|访问|莅临|指导工作"
    r"|座谈|会谈|会见|会晤|接见|宴请|拜访|拜会|到访|会商|洽谈|实地验收|验收(?![组纪])|现场核查"
    r"|(?:签署|签订)了?[^，,。；;]{0,16}(?:协议|合同|备忘录|协定|意向书|责任书)"
    r"|在[^，,。；;]{0,24}(?:协议|合同|备忘录|协定|意向书|责任书|移交书|协议书)上(?:签字|签名)"
    r"|(?:举行|进行)[^，,。；;]{0,12}签约"
    r"|(?:带队|深入)[^，,。；;]{0,16}(?:检查|督查|巡查)|(?:开展|进行)[^，,。；;]{0,12}(?:大检查|督查|巡查)"
    r"|正式(?:投运|投产|通车|开通|启用|开业|运行)|(?:投入|交付)(?:运行|使用)|建成投运|竣工投产"
)
_CLAUSE = frozenset("，,。；;！!？?：:\n")
_LEAD = re.compile(
    r"^(?:[0-9０-９一二三四五六七八九十〇零]{1,4}[年月日号])*"
    r"(?:上午|下午|晚上|晚|中午|早上|凌晨|期间|近日|日前|当天|当日|今天|今日|昨天|昨日)?"
)
_MIN, _MAX = 5, 40


def visit_names(sentence: Sentence) -> list[tuple[int, int]]:
    """The clause (its leading time words left out) of the first visit verb of a sentence."""
    m = _VISIT.search(sentence.text)
    if m is None:
        return []
    return clause_of(sentence, m.start(), m.end())


def clause_of(sentence: Sentence, lo: int, hi: int) -> list[tuple[int, int]]:
    """The clause of ``sentence.text[lo:hi]`` as a name: its leading time words left out, and
    none when it is too short or too long (document offsets)."""
    s = sentence.text
    while lo > 0 and s[lo - 1] not in _CLAUSE:
        lo -= 1
    while hi < len(s) and s[hi] not in _CLAUSE:
        hi += 1
    lead = _LEAD.match(s, lo)
    if lead is not None:
        lo = lead.end()
    if not _MIN <= hi - lo <= _MAX:
        return []
    return [(sentence.start + lo, sentence.start + hi)]
