"""The outlet a copy names for its reporters: a dispatch (某某日报讯, 某某社北京5月1日电), a source
in brackets (【某某网】), a source line (来源：某某日报) or a header line with the copy's date and
paper.  :mod:`graph.extract.bylines` reads the reporters' names after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.extract.names import Piece
from graph.extract.orgnames import places

_DISPATCH = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,8}[·・][\u4e00-\u9fff]{0,6}(?:新闻|客户端|日报|网|报)"  # 某网·某新闻
    r"|[\u4e00-\u9fff]{0,10}?(?:日报|晚报|晨报|时报|商报|新闻网|融媒体中心|融媒|网|报|社|台))"
    r"[\u4e00-\u9fff]{0,6}?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?"
    r"(?:讯|消息|电)\s*[（(【]"
)
"""A dispatch: the outlet, the place and the day (in figures or in words: 七月十八日), 讯 or 电."""


def dispatch_at(text: str, line_start: int, cue_end: int) -> Piece | None:
    """The outlet of the dispatch ending at ``cue_end`` that opens the line's part after a dash
    or a space (某某客户端—某某网消息（…）: a portal's copy of a paper's story, 某某网-某某日报某地讯,
    is the paper's), or its line."""
    after_dash = max(text.rfind(c, line_start, cue_end) for c in "—－-| \u3000") + 1
    for start in (after_dash, line_start) if after_dash > line_start else (line_start,):
        m = _DISPATCH.match(text, start, cue_end)
        if m is not None and m.end() == cue_end:
            return Piece(m.start("org"), m.end("org"), m["org"])
    return _placed_dispatch(text, line_start, cue_end)


_DAY_CUE = re.compile(r"[0-9]{1,2}月[0-9]{1,2}日电\s*[（(【]")
_PLACED_DISPATCH = re.compile(r"[\u4e00-\u9fff]{4,11}")


def _placed_dispatch(text: str, line_start: int, cue_end: int) -> Piece | None:
    """The agency of a dispatch opening the line, named before the place and the day (某某体育
    北京2月27日电（记者A）): its name need not end like a paper's.

    >>> _placed_dispatch("东华体育北京2月27日电（记者 林晓峰）", 0, 13)
    Piece(start=0, end=4, text='东华体育')
    """
    m = _PLACED_DISPATCH.match(text, line_start, cue_end)
    if m is None or _DAY_CUE.fullmatch(text, m.end(), cue_end) is None:
        return None
    for k in (2, 3):
        if m.end() - k - m.start() >= 2 and text[m.end() - k : m.end()] in places():
            return Piece(m.start(), m.end() - k, text[m.start() : m.end() - k])
    return None


_SOURCE_LINE = re.compile(
    r"(?:^|\n)[^\n]{0,40}?(?:稿件|文章|新闻|信息)?来源\s*[：:]\s*"
    r"(?P<org>[\u4e00-\u9fff]{0,10}?(?:日报|晚报|晨报|时报|商报|新闻网|报|社|电视台))"
    r"(?![\u4e00-\u9fff])"
)
"""A source line naming the paper or agency (来源：某某日报)."""
_BRACKETED_SOURCE = re.compile(
    r"(?:^|\n)[ \u3000]*[【\[](?P<org>[\u4e00-\u9fff]{1,10}?(?:网|報|报|社|台|新闻))讯?[】\]]"
    r"[ \u3000]*[（(](?=[ \u3000]*(?:特约|首席)?记者)"
)
"""A source in brackets opening the story, then its reporters (【某某网】（记者A）, 【本报讯】（…）)."""
_OWN_OUTLETS = frozenset({"本报", "本网", "本台", "本刊"})
_HEADER_PAPER = re.compile(
    r"^[ \u3000]*[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日[ \u3000]*(?:[0-9]{1,2}:[0-9]{2})?[ \u3000]+"
    r"(?:[\u4e00-\u9fff]{2,10}?网[-－—])?"
    r"(?P<paper>[\u4e00-\u9fff]{2,10}?(?:日报|晚报|晨报|时报|商报|特区报|报|网|电视台))[ \u3000]*$",
    re.MULTILINE,
)
"""A header line giving the copy's date and the paper it appeared in (2009年02月12日07:09 某某商报;
某某网-某某晚报: a portal's copy of the paper's story)."""


def own_paper(text: str, org: Piece) -> Piece:
    """The outlet of a dispatch or a bracketed source: for 本报 (本网, 本台) the paper a header
    line near the top names (【本报讯】（记者A）), when it names one."""
    if org.text not in _OWN_OUTLETS:
        return org
    m = _HEADER_PAPER.search(text, 0, _HEADER_REACH)
    return Piece(m.start("paper"), m.end("paper"), m.group("paper")) if m else org


_HEADER_REACH = 200


def bracketed_sources(text: str) -> Iterator[tuple[Piece, int]]:
    """Each source in brackets opening a story, with where its reporters' parenthesis opens."""
    for m in _BRACKETED_SOURCE.finditer(text):
        yield own_paper(text, Piece(m.start("org"), m.end("org"), m["org"])), m.end() - 1


_PAPER_THEN_DATE = re.compile(
    r"^[ \u3000]*(?P<paper>[\u4e00-\u9fff]{2,10}?(?:日报|晚报|晨报|时报|商报|新闻|报|网|电视台))"
    r"[ \u3000]*[/／|｜][ \u3000]*[0-9]{4}[.\-/年][0-9]{1,2}",
    re.MULTILINE,
)
"""A header line giving the paper, then the copy's date (某某新闻/ 2015.02.27 00:00)."""


def named_outlet(text: str) -> Piece | None:
    """The paper a source line or a header line near the top names, if any.

    >>> named_outlet("标题\\n东华新闻/ 2015.02.27 00:00\\n记者林晓峰/东华报导")
    Piece(start=3, end=7, text='东华新闻')
    """
    source = (
        _SOURCE_LINE.search(text)
        or _HEADER_PAPER.search(text, 0, _HEADER_REACH)
        or _PAPER_THEN_DATE.search(text, 0, _HEADER_REACH)
    )
    if source is None:
        return None
    group = "org" if source.re is _SOURCE_LINE else "paper"
    return Piece(source.start(group), source.end(group), source[group])
