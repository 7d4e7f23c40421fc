"""Posts the mention model reads that the rules do not: an ORG, a ROLE and a PERSON span written
right after one another (``某某公司`` + ``总经理`` + ``林某``), for a person no rule gave a title.

>>> from graph.types import Document
>>> from graph.text.segment import segment
>>> seg = segment(Document.from_text("d.txt", "东华乐居总经理林晓峰说。"))
>>> c = model_chains([[(0, 4, "ORG"), (4, 7, "ROLE"), (7, 10, "PERSON")]], seg.doc.text, ())[0]
>>> c.person.text, c.elements[0].org.text, c.elements[0].role.text, c.rule
('林晓峰', '东华乐居', '总经理', 'model.org-role-person')
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.extract.elision import PLACE_BODIES
from graph.extract.names import Piece
from graph.extract.orgcheck import clean_org
from graph.extract.orgnames import UNITS_NAMED_ALONE, org_suffixes
from graph.extract.rules import TitleChain
from graph.extract.titles import ChainElement, role_ending_at

ModelSpans = Sequence[Sequence[tuple[int, int, str]] | None]


def model_chains(tagged: ModelSpans, text: str, chains: Sequence[TitleChain]) -> list[TitleChain]:
    """A chain for each ORG ROLE PERSON run of the model whose person holds no rule's title."""
    titled = {c.person.start for c in chains} | {c.person.end for c in chains}
    out = []
    for spans in tagged:
        ordered = sorted(spans or ())
        for (oa, ob, ot), (ra, rb, rt), (pa, pb, pt) in zip(
            ordered, ordered[1:], ordered[2:], strict=False
        ):
            if (ot, rt, pt) != ("ORG", "ROLE", "PERSON") or ob != ra or rb != pa:
                continue
            if pa in titled or pb in titled or not _a_title(text, ra, rb):
                continue
            if pb - pa < 2:
                continue  # 董 + 就职: one character is no name
            org = clean_org(text, oa, ob)
            if _bare(org.text):
                continue  # 总工会主席A: a place's body without its place names no organisation
            element = ChainElement(org, None, Piece(ra, rb, text[ra:rb]))
            span = Piece(org.start, pb, text[org.start : pb])
            person = Piece(pa, pb, text[pa:pb])
            out.append(TitleChain((element,), person, span, False, "model.org-role-person"))
    return out


def _a_title(text: str, start: int, end: int) -> bool:
    """Whether the model's ROLE span ends with a title of the dictionary (督查专员, 副总理), not a
    unit's name or a word for leaders (领导)."""
    return role_ending_at(text, end, start_limit=start) is not None


def _bare(name: str) -> bool:
    """An organisation's ending or a place's body written alone (总工会, 政协, 办公室)."""
    return name in PLACE_BODIES or name in UNITS_NAMED_ALONE or name in org_suffixes()
