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

from graph.extract.names import Piece, is_surname_start
from graph.extract.rules import TitleChain
from graph.extract.titles import parse_element, role_ending_at
from graph.text.segment import token_index, word_tags
from graph.types import Segmented

_APPOSITION = re.compile(
    r"(?:^|(?<=[，,。；;：:\n“”]))(?P<name>[\u4e00-\u9fff]{2,3})[，,](?P<post>[^，,。；;：:\n“”]{3,40}?)(?=[，,。；;])"
)
_TAKES_POST = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,3})(?:现任|出任|担任|兼任|任|是|系)(?P<post>[^，,。；;：:\n“”]{3,40}?)(?:一职|职务)?(?=[，,。；;]|$)"
)


_BRACKETED = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,3})[（(](?P<post>[^（）()，,。；;：:\n“”]{3,40}?)[）)]"
)


def _plausible_name(bounds: set[int], start: int, name: str) -> bool:
    """A family name first, not a common word, and whole words at both ends."""
    if not is_surname_start(name):
        return False
    tag = word_tags().get(name)
    if tag is not None and not tag.startswith("nr"):
        return False
    return start in bounds and start + len(name) in bounds


def after_name_chains(seg: Segmented) -> tuple[TitleChain, ...]:
    """Posts stated after the person's name, as title chains."""
    text = seg.doc.text
    starts = token_index(seg)
    bounds = set(starts) | {t.end for t in seg.tokens}
    out = []
    for pattern in (_APPOSITION, _TAKES_POST, _BRACKETED):
        for m in pattern.finditer(text):
            name = m.group("name")
            if role_ending_at(text, m.end("post"), start_limit=m.start("post")) is None:
                continue  # the post must end with a title
            if not _plausible_name(bounds, m.start("name"), name):
                continue
            element = parse_element(seg, starts, m.start("post"), m.end("post"))
            if element is None or element.org is None:
                continue
            person = Piece(m.start("name"), m.end("name"), name)
            span = Piece(m.start(), m.end("post"), text[m.start() : m.end("post")])
            out.append(TitleChain((element,), person, span, False))
    return tuple(sorted(out, key=lambda c: c.span.start))
