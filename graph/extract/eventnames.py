"""Event names: noun phrases ending with an event word (会议, 大会, 论坛, 典礼; the packaged
``event_suffixes``), whole when quoted (「…宣誓就職暨交接典禮」) or holding a short bracketed or
quoted word (常委（扩大）会议, 全国“村长”论坛).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache

from graph.extract.visits import clause_of
from graph.resources import load_ordered
from graph.text.segment import word_tags
from graph.types import Segmented, Sentence, Token

_NAME_TAGS = frozenset(
    {
        "n",
        "nz",
        "nrt",
        "nrfg",
        "ns",
        "nt",
        "j",
        "vn",
        "m",
        "t",
        "l",
        "b",
        "a",
        "an",
        "nr",
        "x",
        "eng",
        "q",
        "mq",
        "role",
        "ng",
        "s",
        "zg",
    }
)


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_ordered("event_suffixes"), key=len, reverse=True))


_SPECIFIC = ("午宴", "晚宴", "宴会", "酒会", "年会", "峰会", "论坛", "庆典", "典礼", "晚会")
"""Event words that a two-character modifier alone makes a name (新春午宴, 行业峰会)."""
_DETERMINERS = (
    "本次",
    "此次",
    "这次",
    "该次",
    "上次",
    "下次",
    "每次",
    "这个",
    "那个",
    "各种",
    "相关",
)


def _short_name(name: str) -> bool:
    """A four-character event name: a modifier and a specific event word, no determiner."""
    return len(name) == 4 and name.endswith(_SPECIFIC) and not name.startswith(_DETERMINERS)


def event_names(seg: Segmented, starts: list[int], sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of event names in a sentence: noun phrases ending with an event word."""
    tags = word_tags()
    lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
    toks = [t for t in seg.tokens[lo:hi] if t.end <= sentence.end]
    out = []
    last = _suffix_index()[2]
    for i, tok in enumerate(toks):
        if tok.text[-1:] not in last:
            continue
        whole = _ends_with_suffix(tok.text)
        split = _longer_suffix(toks, i) if whole else _split_suffix(toks, i)
        if not whole and not split:
            continue
        j, start = i - 1 - max(split - 1, 0), toks[i - max(split - 1, 0)].start
        # the word right before the event word, or before 工作 there: 终审 + 工作会议
        heads = (j, j - 1) if j >= 0 and toks[j].text == "工作" else (j,)
        while j >= 0:
            if _in_name(toks[j].text, tags) or (j in heads and _named_verb(toks, j, tags)):
                start, j = toks[j].start, j - 1
            elif (k := _bracket_open(toks, j)) is not None:
                start, j = toks[k].start, k - 1  # 常委（扩大）会议
            else:
                break
        start = _quoted_start(seg.doc.text, sentence.start, start, tok.end)
        start = _holder_start(seg.doc.text, sentence.start, start)
        if tok.end - start >= 5 or _short_name(seg.doc.text[start : tok.end]):
            out.append((start, tok.end))
        elif tok.text in _SPECIFIC and (held := _held_before(toks, j)) is not None:
            out += clause_of(sentence, toks[held].start - sentence.start, tok.end - sentence.start)
    return out + [q for q in held_quotations(sentence) if not any(_overlap(q, o) for o in out)]


def _held_before(toks: list[Token], j: int) -> int | None:
    """The token holding the event word after ``toks[j]`` in the same clause (在某中心 + 举行 +
    会庆酒会), None when its clause holds none."""
    while j >= 0 and toks[j].text not in _CLAUSE_MARKS:
        if toks[j].text in _HOLDING:
            return j
        j -= 1
    return None


_CLAUSE_MARKS = frozenset("，,。；;：:！!？?")


def _named_verb(toks: list[Token], j: int, tags: dict[str, str]) -> bool:
    """A verb right before the event word that names the work the event does, after a noun of
    the name (某协会创新奖 + 终审 + 工作会议), not a verb of the clause (出席, 召开)."""
    word = toks[j].text
    return (
        len(word) == 2
        and tags.get(word) in ("v", "vn")
        and word not in _CLAUSE_VERBS
        and j > 0
        and tags.get(toks[j - 1].text, "x") in ("n", "nz", "nt")
        and toks[j + 1].text not in _NAME_VERBS  # 集中 + 开工仪式: the ceremony's own verb
    )


_HOLDING = ("举行", "举办", "召开")
"""Verbs that hold a bare event word (特区政府在某中心举行酒会): the clause names it."""
_CLAUSE_VERBS = frozenset(
    {"参加", "出席", "召开", "举行", "举办", "主持", "组织", "参与", "列席", "筹备", "部署", "传达"}
)


_HELD_QUOTATION = re.compile(r"(?:举行|举办|召开)了?[「“『]([^」”』，,。；;]{4,40})[」”』]")


def held_quotations(sentence: Sentence) -> list[tuple[int, int]]:
    """Quoted names right after 举行, 举办 or 召开 (举行「某县新春业务交流及联谊」): an event's,
    whatever word ends them (document offsets).

    >>> s = "文化局27日上午举行「东华县新春业务交流及联谊」，约200人参加。"
    >>> [s[a:b] for a, b in held_quotations(Sentence(0, len(s), s))]
    ['东华县新春业务交流及联谊']
    """
    return [
        (sentence.start + m.start(1), sentence.start + m.end(1))
        for m in _HELD_QUOTATION.finditer(sentence.text)
    ]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十百]{1,4}次")
_HOLDER = re.compile(
    r"(?:[0-9０-９]{1,2}日|[上中下]午|晚上?|[0-9０-９]{1,2}[时点](?:[0-9０-９]{1,2}分)?)*"
    r"(?P<holder>[^，,。；;：:、\s（）()]{2,24}?)(?:召开了?|举行了?)$"
)


def _holder_start(text: str, lower: int, start: int) -> int:
    """Where a meeting named only by its number (第十三次会议) starts when its holder and the
    verb come before it (某市人大常委会召开第十三次会议: 某市人大常委会第十三次会议 is one
    name, the verb left out of the offsets' text but not of the span)."""
    if not _ORDINAL.match(text, start):
        return start
    clause = max(text.rfind(c, lower, start) for c in "，,。；;：:\n") + 1
    m = _HOLDER.search(text, max(clause, lower), start)
    return m.start("holder") if m else start


_QUOTES = {"」": "「", "”": "“", "》": "《", "』": "『"}
_MAX_QUOTED = 40


def _quoted_start(text: str, lower: int, start: int, end: int) -> int:
    """Where a quoted event name starts when the ending closes the quote (举办「某某县长宣誓
    就职暨交接典礼」): the whole quotation is the name, verbs inside it included."""
    opening = _QUOTES.get(text[end : end + 1])
    if opening is None:
        return start
    at = text.rfind(opening, max(lower, end - _MAX_QUOTED), start + 1)
    return at + 1 if at >= 0 and at + 1 <= start else start


_INNER_PAIRS = {"）": "（", ")": "(", "”": "“", "」": "「", "’": "‘"}


def _bracket_open(toks: list[Token], j: int) -> int | None:
    """Where a short bracketed or quoted word closing at token ``j`` opens (（扩大）, 全国
    “村长”论坛), when it does."""
    if (opening := _INNER_PAIRS.get(toks[j].text)) is None:
        return None
    for k in range(j - 1, max(j - 4, -1), -1):
        if toks[k].text == opening:
            short = toks[j].end - toks[k].start <= 6 and k > 0
            return k if short and not _dateline_word(toks[k - 1].text) else None
    return None


def _dateline_word(word: str) -> bool:
    """A dateline's last word (本报讯, 某某网讯, 电): the bracket after it holds its reporters,
    no part of an event's name."""
    return word == "电" or (word.endswith("讯") and word not in ("通讯", "资讯", "电讯"))


def _split_suffix(toks: list[Token], i: int) -> int:
    """An event ending the segmenter split (民主 生活 会, 推进 会): how many tokens, this one
    and the one or two before it, the longest event ending spans (0 when none does)."""
    if len(toks[i].text) > 1 or toks[i].text not in _suffix_index()[2]:
        return 0
    return _tokens_joined(toks, i, lambda j: any(j.endswith(x) and len(x) > 2 for x in _suffixes()))


def _longer_suffix(toks: list[Token], i: int) -> int:
    """How many tokens an event ending longer than token ``i``'s spans, with the one or two
    before it (签约 + 仪式, 成立 + 大会: a verb that is part of the ending), 0 when none does."""
    return _tokens_joined(toks, i, lambda j: j in _suffix_index()[0])


def _tokens_joined(toks: list[Token], i: int, ending: Callable[[str], bool]) -> int:
    """How many tokens, token ``i`` and the one or two adjacent ones before it, the longest
    run that is an ``ending`` spans (0 when none is)."""
    joined, n = toks[i].text, 0
    for k in (i - 1, i - 2):
        if k < 0 or toks[k].end != toks[k + 1].start:
            break
        joined = toks[k].text + joined
        if ending(joined):
            n = i - k + 1
    return n


_NOT_IN_NAME = frozenset('，,。；;：:、（）()“”"《》【】[]！!？?')
_DATELINE = frozenset({"讯", "电", "消息", "日", "时", "上午", "下午", "晚", "晚上"})


def _in_name(word: str, tags: dict[str, str]) -> bool:
    """A word that can be part of an event's name (not punctuation, a space or a dateline)."""
    if not word.strip() or any(ch in _NOT_IN_NAME or ch.isspace() for ch in word):
        return False
    if word in _DATELINE or (len(word) > 1 and _dateline_word(word)):
        return False
    return tags.get(word, "x") in _NAME_TAGS or word.isdigit() or word in _NAME_VERBS


_NAME_VERBS = frozenset(
    {"成立", "就职", "换届", "开工", "竣工", "签约", "揭牌", "挂牌", "授牌", "颁奖", "表彰",
     "启动", "纪念", "庆祝", "投产", "通车", "奠基", "落成", "开业", "宣誓", "交接", "植树"}
)  # fmt: skip
"""Verbs that name what an event marks, inside its name (某商会成立二十周年暨理事就职庆典大会)."""


@cache
def _suffix_index() -> tuple[frozenset[str], tuple[int, ...], frozenset[str]]:
    suffixes = [s for s in _suffixes() if s]
    lengths = tuple(sorted({len(s) for s in suffixes}))
    return frozenset(suffixes), lengths, frozenset(s[-1] for s in suffixes)


def _ends_with_suffix(word: str) -> bool:
    """``any(word.endswith(s) for s in _suffixes())`` by set lookups."""
    suffixes, lengths, last = _suffix_index()
    if not word or word[-1] not in last:
        return False
    return any(word[-k:] in suffixes for k in lengths if k <= len(word))
