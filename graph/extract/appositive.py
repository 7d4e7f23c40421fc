"""Posts written after the name: ``NAME，ORG ROLE``, ``NAME（ORG ROLE）`` and
``NAME 任/担任/出任/是 ORG ROLE``.

They become the same ``TitleChain`` records as ``ORG ROLE NAME`` so linking and relations treat
every phrasing alike.

>>> from graph.text.segment import segment, token_index
>>> from graph.types import Document
>>> seg = segment(Document.from_text("d.txt", "王建民，河北省农业厅厅长，出席会议。李红梅担任华北电力大学校长。"))
>>> [(c.person.text, c.elements[0].org.text, c.elements[0].role.text) for c in after_name_chains(seg)]
[('王建民', '河北省农业厅', '厅长'), ('李红梅', '华北电力大学', '校长')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from graph.extract.names import Piece, is_surname_start
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement, parse_element, role_ending_at, role_starting_at
from graph.text.segment import token_index, word_tags
from graph.types import Segmented

_APPOSITION = re.compile(
    r"(?:^|(?<=[，,。；;：:\n“”]))(?P<name>[\u4e00-\u9fff]{2,3})[，,](?P<post>[^，,。；;：:\n“”]{3,40}?)(?=[，,。；;])"
)
_TAKES_POST = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,3})(?:目前|现在|如今|同时|也|还|亦|仍)?(?:现任|出任|担任|兼任|任|是|系)(?P<post>[^，,。；;：:\n“”]{3,40}?)(?:一职|职务)?(?=[，,。；;]|$)"
)


_BRACKETED = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,3})[（(](?P<post>[^（）()，,。；;：:\n“”]{3,40}?)[）)]"
)


_MAX_LEAD = 4
_SUCCEEDING = ("接替", "接任", "取代", "代替", "替代")
"""Words an apposition may put before its organisation (现任, 原, 兼职)."""


def _plausible_name(bounds: set[int], start: int, name: str) -> bool:
    """A family name first, not a common word, and whole words at both ends."""
    if not is_surname_start(name):
        return False
    tag = word_tags().get(name)
    if tag is not None and not tag.startswith("nr"):
        return False
    return start in bounds and start + len(name) in bounds


def after_name_chains(
    seg: Segmented, names: Mapping[int, Piece] | None = None
) -> tuple[TitleChain, ...]:
    """Posts stated after the person's name, as title chains; ``names`` are the model's
    names by start, which may open any clause (会议邀请了A，X大学校长；嘉宾有B（Y局局长）)."""
    text = seg.doc.text
    starts = token_index(seg)
    bounds = set(starts) | {t.end for t in seg.tokens}
    out: dict[int, TitleChain] = {}
    found = [
        (m.start("name"), m.group("name"), m.start("post"), m.end("post"), m.start())
        for pattern in (_APPOSITION, _TAKES_POST, _BRACKETED)
        for m in pattern.finditer(text)
        if _plausible_name(bounds, m.start("name"), m.group("name"))
    ]
    found += _after_model_names(text, names or {})
    for name_start, name, post_start, post_end, span_start in found:
        if name_start in out or _titled_before(text, name_start, post_start):
            continue
        if text.endswith(_SUCCEEDING, 0, name_start):
            continue  # B接替A出任X: A is the one B succeeds
        if role_ending_at(text, post_end, start_limit=post_start) is None:
            continue  # the post must end with a title
        elements = _listed_titles(seg, starts, post_start, post_end)
        first = elements[0] if elements else None
        if first is None or first.org is None or first.org.start - post_start > _MAX_LEAD:
            continue  # A，B等代表市委任命C任X院长: a clause, not A's title
        person = Piece(name_start, name_start + len(name), name)
        span = Piece(span_start, post_end, text[span_start:post_end])
        out[name_start] = TitleChain(elements, person, span, False)
    return tuple(sorted(out.values(), key=lambda c: c.span.start))


def _listed_titles(
    seg: Segmented, starts: dict[int, int], start: int, end: int
) -> tuple[ChainElement, ...]:
    """The titles of a post written after a name, listed with 、 (A，某集团党委书记、董事长):
    the whole post as one title when it reads so, else each title up to the first that does
    not (创始人、董事长: none, 创始人 being no title)."""
    whole = parse_element(seg, starts, start, end)
    if whole is not None or "、" not in seg.doc.text[start:end]:
        return () if whole is None else (whole,)
    elements: list[ChainElement] = []
    cursor = start
    text = seg.doc.text
    for stop in [i for i in range(start, end) if text[i] == "、"] + [end]:
        element = parse_element(seg, starts, cursor, stop)
        if element is None:
            break
        elements.append(element)
        cursor = stop + 1
    return tuple(elements)


def _titled_before(text: str, name_start: int, post_start: int) -> bool:
    """A name whose title is written before it, in a list of titles and names separated by
    commas: what follows the comma is the next item (检察长A，某镇人大主席团主席，…), not A's.
    """
    return (
        text[post_start - 1 : post_start] in "，," and role_ending_at(text, name_start) is not None
    )


_AFTER_MODEL_NAME = re.compile(
    r"(?:[，,](?P<comma>[^，,。；;：:\n“”（）()]{3,40}?)(?=[，,。；;])"
    r"|[（(](?P<bracket>[^（）()，,。；;：:\n“”]{3,40}?)[）)]"
    r"|[ \u3000]+(?P<spaced>[^ \u3000，,。；;：:\n“”]{3,40}?)(?=[ \u3000]*(?:[，,。；;\n]|$)))"
)


def _after_model_names(
    text: str, names: Mapping[int, Piece]
) -> list[tuple[int, str, int, int, int]]:
    """(name start, name, post start, post end, span start) of a post after a model name:
    after a comma, in brackets, or after spaces on its line (主持人：A　X大学副校长)."""
    out = []
    for start, piece in sorted(names.items()):
        m = _AFTER_MODEL_NAME.match(text, piece.end)
        if m is None:
            continue
        group = next(g for g in ("comma", "bracket", "spaced") if m.group(g) is not None)
        out.append((start, piece.text, m.start(group), m.end(group), start))
    return out


_HONORIFIC_AFTER = re.compile(
    r"、|的陪同|陪同|一行|等(?:领导|同志|人)"
    r"|(?:在[^，。]{0,12})?(?:表示|指出|强调|介绍|致辞|讲话|主持|作了?[^，。；]{0,12}?(?:报告|讲话|发言))"
)
"""What follows a title written after a full name as its honorific (在A书记、B副院长的陪同下,
A董事长一行, A理事长作理事会报告): the title is the person's, in the organisation the article
leaves implied."""


_LEADING_TITLES = ("长", "书记", "主任", "主席", "经理", "总裁", "主委")
"""Titles of those who lead an organisation, which an honorific leaves implied."""


def honorific_chains(
    seg: Segmented, names: Mapping[int, Piece], stated: tuple[TitleChain, ...] = ()
) -> tuple[TitleChain, ...]:
    """Titles written after full names as honorifics, with no organisation: linking gives
    them the organisation of the title stated before or of the article's subject.  A title
    the person holds in a chain already ``stated`` (团省委书记A … A书记一行) is no new one.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> text = "在贺明远书记、周立平副院长的陪同下参观。"
    >>> seg = segment(Document.from_text("d.txt", text))
    >>> people = {1: Piece(1, 4, "贺明远"), 7: Piece(7, 10, "周立平")}
    >>> [(c.person.text, c.elements[0].role.text) for c in honorific_chains(seg, people)]
    [('贺明远', '书记'), ('周立平', '副院长')]
    """
    text = seg.doc.text
    held = {(c.person.text, e.role.text) for c in stated for e in c.elements}
    out = []
    for start, person in sorted(names.items()):
        end = role_starting_at(text, person.end)
        if end is None or not _HONORIFIC_AFTER.match(text, end):
            continue
        if not text[person.end : end].endswith(_LEADING_TITLES):
            continue  # A教授致辞: an academic title, held wherever A works
        if (person.text, text[person.end : end]) in held:
            continue
        role = Piece(person.end, end, text[person.end : end])
        span = Piece(start, end, text[start:end])
        element = ChainElement(None, None, role)
        out.append(TitleChain((element,), person, span, False, "rules.honorific"))
    return tuple(out)
