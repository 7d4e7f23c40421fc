"""Posts read around a name rather than before it: titles after the name and bylines.

- **Titles after the name**: ``X医院A教授``, ``X研究所的A研究员``, ``X医院A、B教授``, any title
  after a name that follows an organisation (``市人大A副主任``, names the model missed there
  included); after a titled name (``X医院副院长A教授``) the second title is at the same
  organisation.
- **Bylines**: ``湖北日报讯（记者A、通讯员B、C）``, ``中广网贵阳6月21日消息（记者A B）`` and
  ``【某某网】（记者A）`` are posts of the paper or agency named; a byline opening a paragraph
  (``（记者A）``, ``〔记者A／台北报导〕``) is a post of the paper a source line names (来源：…).
- **Photo credits**: ``NAME/摄``.

>>> from graph.text.segment import segment
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "□本报记者 孙立新/文 冯晓东/摄"))
>>> [p.text for p in photo_credits(seg)]
['冯晓东']
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.abbreviations import university_short_name
from graph.extract.afternames import AFTER_NAME_ROLES, after_name_seat, role_after_name
from graph.extract.listbase import People, name_at, name_list, unique_chains
from graph.extract.names import BOUNDARY, Piece, is_surname_start
from graph.extract.orgforms import federation_short_name
from graph.extract.orglead import trim_leading
from graph.extract.orgnames import (
    department_of,
    faculty_of,
    hospital_department,
    org_suffix_of,
)
from graph.extract.outlets import bracketed_sources, dispatch_at, named_outlet, own_paper
from graph.extract.people import looks_like_name
from graph.extract.places import deictic_kind, government_title, is_place, party_title
from graph.extract.rules import TitleChain
from graph.extract.subject import fits, seats_of
from graph.extract.terms import after_past_term
from graph.extract.titles import (
    ChainElement,
    parse_element,
    role_ending_at,
    role_starting_at,
)
from graph.text.segment import token_index, word_tags
from graph.types import Segmented

_BYLINE_ROLES = (
    "特约记者", "首席记者", "实习记者", "见习记者", "全媒体记者", "融媒体记者", "记者", "通讯员",
    "实习生", "编辑", "摄影",
)  # fmt: skip
_STATION_QUALIFIERS = ("分站", "驻站")
"""What a byline may write before 记者 for where the reporter works (红网某地讯（分站记者A）):
the post is the paper's 记者."""
_OUTLET_IN_BYLINE = re.compile(
    r"[\u4e00-\u9fff]{2,8}?(?:新闻|日报|晚报|报|网|电视台|客户端)"
    r"(?=(?:特约|首席|见习|实习|全媒体|融媒体)?记者)"
)
"""An outlet named inside a portal's byline before its reporter (红网某地讯（某某新闻记者 A）)."""
_DISPATCH_CUE = re.compile(r"(?:讯|消息|电)\s*[（(【]")


def _after_titled(text: str, start: int, end: int) -> int:
    """Where an organisation before a name starts after another titled name (某某教授及我院…,
    某处A处长及某处) or after the verb that lists the names (某大学出席人员还有 + 某处)."""
    for at in range(end - 1, start, -1):
        if text[at] in "及和与" and role_ending_at(text, at, start_limit=start) is not None:
            return at + 1
    listing = [m.end() for m in _LISTING.finditer(text, start, end) if m.end() < end]
    return listing[-1] if listing else start


_LISTING = re.compile(r"还有|包括|(?:人员|嘉宾|领导)(?:有|为|是)")


def _an_organisation(name: str, text: str) -> bool:
    """Whether ``name`` before a name and its title is an organisation, the document's own
    pointing word or a department of one (某某医院胸外科, 我院胸外科, 胸外科, 本校)."""
    return (
        org_suffix_of(name) is not None
        or (name[:1] in "我本" and deictic_kind(name) is not None)
        or federation_short_name(name)
        or department_of(name) is not None
        or faculty_of(name) is not None
        or hospital_department(name, text)
        or university_short_name(text, name)
    )


def _region_title(text: str, start: int, end: int, name: Piece, role: Piece) -> TitleChain:
    """The chain of a region, a name and that region's title: at its government or party."""
    org = Piece(start, end, text[start:end])
    span = Piece(start, role.end, text[start : role.end])
    chain = TitleChain((ChainElement(org, None, role),), name, span, False)
    return replace(chain, rule="rules.title-after-name")


def _place_title(place: str, role: str) -> bool:
    """A region, then a name, then that region's government or party title (某市A市长,
    某省B副省长): the title is at the region's government or party committee."""
    return is_place(place) and (government_title(role) or party_title(role))


def _owner_named(text: str, org_start: int, org_end: int, name: str, first: int) -> bool:
    """Whether a title after a name has its organisation before the name: after 的
    (X大学的A校长), or an organisation's name right before the name (市人大A副主任)."""
    if text[first - 1 : first] == "的":
        return True
    named = (
        org_suffix_of(name) is not None
        or federation_short_name(name)
        or university_short_name(text, name)
    )
    own = name[:1] in "我本" and deictic_kind(name) is not None  # 本校A校长、B处长
    return org_end == first and (named or own) and len(name) <= 20


def after_name_title_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """``X医院A教授`` and ``X医院A、B教授``: the organisation, names, then the title."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for p in sorted(people.values(), key=lambda p: p.start):
        role = next((r for r in AFTER_NAME_ROLES if text.startswith(r, p.end)), None)
        any_title = role is None
        if any_title:
            role = role_after_name(text, p.end)  # X大学的A校长, 市人大A副主任: any title
        if role is None:
            continue
        names = name_list(seg, starts, people, p.end) or [p]
        first = names[0].start
        org_end = first - 1 if text[first - 1 : first] == "的" else first
        org_start = org_end
        while org_start > 0 and text[org_start - 1] not in BOUNDARY | {"\n", "、"}:
            org_start -= 1
        if org_start == org_end:
            continue
        role_piece = Piece(p.end, p.end + len(role), role)
        element = parse_element(seg, starts, org_start, org_end)
        if element is not None and any_title:
            continue  # 省委书记A省长…: a title before the name holds it
        if element is not None:  # ORG ROLE NAME ROLE: the second title at the same place
            after = ChainElement(None, None, role_piece)
            span = Piece(org_start, role_piece.end, text[org_start : role_piece.end])
            seat = element.org.text if element.org else None
            if names != [p] or (seat is not None and not after_name_seat(seat, ())):
                continue
            if after_name_seat(seat, seats_of(element.role.text)):
                out.append(TitleChain((element, after), p, span, False, "rules.title-after-name"))
            else:  # 组长A研究员: 研究员 at the document's institute, on its own
                out.append(TitleChain((after,), p, span, False, "rules.title-after-name"))
            continue
        org_start = trim_leading(seg, starts, _after_titled(text, org_start, org_end), org_end)
        if any(org_start <= q.start < org_end for q in people.values()):
            continue  # 学院党委书记A教授代表某学院 + 向B书记: a clause holding a name, no organisation
        name_text = "".join(text[org_start:org_end].split())
        short = next((k for k in (3, 2) if university_short_name(text, name_text[-k:])), 0)
        if short and len(name_text) > short and not _an_organisation(name_text, text):
            org_start, name_text = org_end - short, name_text[-short:]  # 获 + 某科大
        if any_title and _place_title(name_text, role) and org_end == first and names == [p]:
            out.append(_region_title(text, org_start, org_end, p, role_piece))  # 某市A市长
            continue
        if any_title and not _owner_named(text, org_start, org_end, name_text, first):
            continue
        if any_title and government_title(role) and not fits(role, name_text):
            continue  # 某银行分行A市长: no bank has a mayor (a title stated elsewhere)
        if not _an_organisation(name_text, text):
            continue
        past = after_past_term(text, org_start, org_end)  # 上届书协A主席: a former post
        org = Piece(past, org_end, text[past:org_end])
        for name in names:
            span = Piece(org_start, p.end + len(role), text[org_start : p.end + len(role)])
            element = ChainElement(org, None, role_piece, past > org_start)
            chain = TitleChain((element,), name, span, False)
            out.append(replace(chain, rule="rules.title-after-name"))
    return unique_chains(out)


def byline_chains(seg: Segmented, people: People) -> list[TitleChain]:
    """Reporters and correspondents in the parenthesis after ``PAPER讯`` / ``PAPER…消息``, or
    in a parenthesis opening a paragraph (``（记者A）``, ``〔记者A／台北报导〕``) of a document
    whose source line names the paper (``来源：某某日报``)."""
    text = seg.doc.text
    starts = token_index(seg)
    out: list[TitleChain] = []
    for cue in _DISPATCH_CUE.finditer(text):
        line_start = text.rfind("\n", 0, cue.start()) + 1
        while line_start < cue.start() and text[line_start].isspace():
            line_start += 1
        outlet = dispatch_at(text, line_start, cue.end())
        if outlet is None:
            continue  # the dispatch opens its line (or its part after a dash: 某某客户端—某某网消息)
        out += _reporters(seg, starts, people, own_paper(text, outlet), cue.end())
    for source, end in bracketed_sources(text):
        out += _reporters(seg, starts, people, source, end)  # 【某某网】（记者A）
    for m in (*_SPACED_DISPATCH.finditer(text), *_DATED_BYLINE.finditer(text)):  # 某报讯 记者A
        paper = own_paper(text, Piece(m.start("org"), m.end("org"), m["org"]))
        ends = [i for i in (text.find(c, m.end()) for c in "。\n") if i >= 0]
        out += _reporters(seg, starts, people, paper, m.end(), min(ends, default=len(text)))
    for m in _CLOSING_CREDIT.finditer(text):  # 某医院通讯员 / A, closing the story
        if org_suffix_of(m["org"]) is not None:
            unit = Piece(m.start("org"), m.end("org"), m["org"])
            line_end = text.find("\n", m.end())
            close = len(text) if line_end < 0 else line_end
            out += _reporters(seg, starts, people, unit, m.end("org"), close)
    if out:
        return out
    org = named_outlet(text)
    if org is not None:
        for m in _OPENING_BYLINE.finditer(text):
            out += _reporters(seg, starts, people, org, m.end() - 1)
        for m in _CLOSING_BYLINE.finditer(text):  # …当选市长。（记者 A 实习生 B）
            out += _reporters(seg, starts, people, org, m.end() - 1)
        for m in _REPORTED_FROM.finditer(text):  # 记者A／某地报导 on a line of its own
            out += _reporters(seg, starts, people, org, m.end(), m.end("names"))
        for m in _AUTHOR_LABEL.finditer(text):  # 来源：某报  作者：记者 A 实习生 B
            line_end = text.find("\n", m.end())
            close = len(text) if line_end < 0 else line_end
            out += _reporters(seg, starts, people, org, m.end(), close)
    return out


_AUTHOR_LABEL = re.compile(
    r"(?:作者|撰稿|文)[ \u3000]*[：:][ \u3000]*(?=(?:特约|首席)?记者|通讯员)"
)
"""An author label before reporters' titles (作者：记者 A 通讯员 B), on a line of its own."""
_OPENING_BYLINE = re.compile(
    r"(?:^|\n)[ \u3000]*(?:[\u4e00-\u9fff]{2,6}网[（(][\u4e00-\u9fff]{2,10}[）)])?"
    r"[（(〔【][ \u3000]*(?:[\u4e00-\u9fff]{2,4}[ \u3000]+)?(?=(?:特约|首席)?记者)"
)
"""A parenthesis opening a paragraph with a reporter's title (（记者A）, 〔记者A／台北报导〕), perhaps
after a short source tag (（区宣 记者 A）) or a portal's tag naming the paper (某网（某报）（记者A）)."""


_SPACED_DISPATCH = re.compile(
    r"(?:^|\n)[ \u3000]*(?P<org>[\u4e00-\u9fff]{2,10}?)(?:\d{1,2}月\d{1,2}日)?讯[ \u3000]+"
    r"(?=(?:特约|首席)?记者)"
)
"""A dispatch opening a line, its reporters set off by a space, not a parenthesis (某报讯 记者A
发自某地): the outlet's name as the story writes it (a paper's short name too)."""
_DATED_BYLINE = re.compile(
    r"(?:^|\n)[ \u3000]*[0-9]{4}[-./年][0-9]{1,2}[-./月][0-9]{1,2}日?[ \u3000]*(?:[0-9]{1,2}:[0-9]{2})?"
    r"[ \u3000]*(?P<org>[\u4e00-\u9fff]{2,10}?(?:日报|晚报|晨报|时报|报|网|电视台))[ \u3000]+"
    r"(?=(?:特约|首席)?记者)"
)
"""A header line with the copy's date, the paper and its reporters (2017-12-07 21:25某报 记者A／
即时报导)."""
_CLOSING_CREDIT = re.compile(
    r"\n[ \u3000]*(?P<org>[\u4e00-\u9fff]{2,12}?)(?=(?:通讯员|记者)[ \u3000]*\n[ \u3000]*"
    r"[\u4e00-\u9fff]{2,3}[ \u3000]*(?:\n|$))(?:通讯员|记者)[ \u3000]*\n[ \u3000]*"
)
"""An organisation's correspondent credited on the story's last lines (某医院通讯员 / A)."""
_CLOSING_BYLINE = re.compile(r"[。！？”][ \u3000]*[（(][ \u3000]*(?=(?:特约|首席)?记者)")
"""A parenthesis closing a paragraph with the reporters' titles (…。（记者 A 实习生 B）)."""
_REPORTED_FROM = re.compile(
    r"(?:^|\n)[ \u3000]*(?=(?:特约|首席)?记者(?P<names>[^\n／/]{2,20})[／/][\u4e00-\u9fff]{2,6}报导)"
)
"""A line opening with reporters and the place they report from (记者A／某地报导)."""


def _reporters(
    seg: Segmented,
    starts: dict[int, int],
    people: People,
    org: Piece,
    pos: int,
    close: int | None = None,
) -> list[TitleChain]:
    """The titled names of a byline's parenthesis opening at ``pos`` (or of its line up to
    ``close``), posts of ``org``."""
    text = seg.doc.text
    out: list[TitleChain] = []
    role = None
    if close is None:
        close = min((i for i in (text.find(c, pos) for c in "）)】〕") if i >= 0), default=-1)
    while 0 <= pos < close:
        while pos < close and text[pos] in " \u3000、，,（(〔【\n":
            pos += 1
        if (own := _OUTLET_IN_BYLINE.match(text, pos, close)) is not None:
            org, pos = Piece(own.start(), own.end(), own.group()), own.end()  # 某新闻记者 A
        qualifier = next((q for q in _STATION_QUALIFIERS if text.startswith(q, pos)), "")
        found = next((r for r in _BYLINE_ROLES if text.startswith(r, pos + len(qualifier))), None)
        pos += len(qualifier) if found else 0
        if found:
            role = Piece(pos, pos + len(found), found)
            pos = role.end
            while pos < close and text[pos] in " \u3000\n":
                pos += 1
        name = _byline_name(name_at(seg, starts, people, pos), _delimited_name(text, pos, close))
        if name is None or role is None or name.end > close:
            break
        span = Piece(org.start, name.end, text[org.start : name.end])
        out.append(TitleChain((ChainElement(org, None, role),), name, span, False, "rules.byline"))
        pos = name.end
    return out


def _byline_name(read: Piece | None, delimited: Piece | None) -> Piece | None:
    """The name a byline gives: the one read there, or the three characters set off by spaces
    or separators when the reading is their first two (（记者 A B）: 武清 of a name 武清某)."""
    if read is None:
        return delimited
    if (
        delimited is not None
        and delimited.start == read.start
        and read.end < delimited.end <= read.start + 3
    ):
        return delimited
    return read


_DELIMITED = re.compile(r"[\u4e00-\u9fff]{2,4}(?=[ \u3000、，,）)】〕／/╱\n]|$)")


def _delimited_name(text: str, pos: int, close: int) -> Piece | None:
    """A name a byline sets off by spaces or separators (（记者 某某某 通讯员 …）)."""
    m = _DELIMITED.match(text, pos, close + 1)
    if m is None or not (looks_like_name(m.group()) or _unlisted_family_name(text, m)):
        return None
    return Piece(m.start(), m.end(), m.group())


def _unlisted_family_name(text: str, m: re.Match[str]) -> bool:
    """Two characters set off by spaces right after a byline's title, no word of the
    dictionary and no title: a name whose family name the list lacks (见习记者 凯某 实习生)."""
    tag = word_tags().get(m.group())
    return (
        len(m.group()) == 2
        and text[m.start() - 1 : m.start()] in (" ", "\u3000")
        and text[m.end() : m.end() + 1] in (" ", "\u3000", "）", ")")
        and (tag is None or tag.startswith("nr"))
        and role_starting_at(m.group(), 0) is None
        and text.endswith(_BYLINE_ROLES, 0, m.start() - 1)
    )


_PHOTO_CREDIT = ("/摄", "／摄", " 摄")
_AUTHOR_CREDIT = re.compile(
    r"(?:作者|撰稿|撰文|(?<=[（(])文)(?:[ \u3000]*[：:／/][ \u3000]*|[ \u3000]+)"
    r"((?:[\u4e00-\u9fff]{2,3}(?:[ \u3000、，,]+|(?=[）)\n]|$)))+)"
)
"""An author's credit: 作者：A, （文 A B）; the names end at a space, a bracket or the line's end."""


def photo_credits(seg: Segmented) -> tuple[Piece, ...]:
    """Names credited for photographs in a byline (``NAME/摄``)."""
    text = seg.doc.text
    out = []
    for marker in _PHOTO_CREDIT:
        start = 0
        while (i := text.find(marker, start)) >= 0:
            start = i + 1
            j = i
            while j > 0 and "\u4e00" <= text[j - 1] <= "\u9fff" and i - j < 4:
                j -= 1
            if (
                2 <= i - j <= 4
                and is_surname_start(text[j:i])
                and (j == 0 or text[j - 1] in BOUNDARY | {"\n"})
            ):
                out.append(Piece(j, i, text[j:i]))
    return tuple(sorted(set(out), key=lambda p: p.start))


def author_people(seg: Segmented, people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """``people`` and the names after an author label the model missed (作者：A, （文 A B）):
    two or three characters each, set off by spaces, no word of the dictionary or title."""
    taken = {i for p in people for i in range(p.start, p.end)}
    out = list(people)
    for m in _AUTHOR_CREDIT.finditer(seg.doc.text):
        for n in re.finditer(r"[\u4e00-\u9fff]+", m.group(1)):
            name, start = n.group(), m.start(1) + n.start()
            tag = word_tags().get(name)
            if (
                len(name) <= 3
                and (tag is None or tag.startswith("nr"))
                and role_starting_at(name, 0) is None
                and start not in taken
            ):
                out.append(Piece(start, start + len(name), name))
    return tuple(sorted(out, key=lambda p: p.start))
