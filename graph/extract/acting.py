"""Acting titles: the verbs that give them (代理, 署理, 署任) and the title they make (代理市长,
署理局长), also when the verb stands before the title's organisation (代理某省人民政府省长).

>>> from graph.extract.names import Piece
>>> e = ChainElement(Piece(0, 7, "代理东江市政府"), None, Piece(7, 9, "市长"))
>>> [(x.org.text, x.role.text) for x in acting_at_organisation((e,))]
[('东江市政府', '代理市长')]
"""

from __future__ import annotations

from dataclasses import replace

from graph.extract.names import Piece
from graph.extract.titles import ChainElement

ACTING_VERBS = {"代理": "代理", "署理": "署理", "署任": "署理"}
"""Verbs that give an acting title -> the qualifier that title takes."""


def acting_title(
    elements: tuple[ChainElement, ...], qualifier: str = "代理"
) -> tuple[ChainElement, ...]:
    """The elements with their last title made acting (代理 + 市长), its span unchanged."""
    last = elements[-1]
    if last.role.text.startswith(("代理", "代", "署理")):
        return elements
    role = Piece(last.role.start, last.role.end, qualifier + last.role.text)
    return (*elements[:-1], replace(last, role=role))


def acting_at_organisation(
    elements: tuple[ChainElement, ...], text: str = ""
) -> tuple[ChainElement, ...]:
    """The elements with an acting verb written before an element's organisation (in it, or
    right before it in ``text``) moved to its title (副省长、代理某省人民政府省长: 代理省长 of
    某省人民政府)."""
    out = []
    for e in elements:
        verb = next((v for v in ACTING_VERBS if e.org and e.org.text.startswith(v)), None)
        if e.org is not None and verb is not None and len(e.org.text) > len(verb) + 1:
            org = Piece(e.org.start + len(verb), e.org.end, e.org.text[len(verb) :])
            e = acting_title((replace(e, org=org),), ACTING_VERBS[verb])[0]
        elif e.org is not None and text[max(0, e.org.start - 2) : e.org.start] in ACTING_VERBS:
            before = text[e.org.start - 2 : e.org.start]
            e = acting_title((e,), ACTING_VERBS[before])[0]  # 署理 + 某局局长
        out.append(e)
    return tuple(out)
