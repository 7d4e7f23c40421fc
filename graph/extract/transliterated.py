"""Transliterated names (约翰·史密斯, 阿不来提·阿不都热西提): where a name whose parts a middle
dot joins ends, read over the words the dictionary does not know, knows as names, or spells
with the characters of transliterations (``transliteration_chars.txt``).
"""

from __future__ import annotations

from graph.extract.names import NAME_DOTS, token_at
from graph.resources import load_lexicon
from graph.text.segment import word_tags
from graph.types import Segmented


def transliterated_end(
    seg: Segmented, starts: dict[int, int], end: int, *, dotted: bool = False
) -> int:
    """Where a transliterated name that a name ending at ``end`` begins ends: its parts joined
    by a middle dot (阿扎姆焦恩·马恩苏洛夫), read over words the dictionary does not know or
    knows as names and over the characters that spell transliterations; ``end`` itself when no
    dot follows (``dotted``: the name read so far already holds one).

    >>> from graph.text.segment import segment, token_index
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "总领事路易斯·卡尔沃、大使约翰·史密斯表示同意。"))
    >>> starts = token_index(seg)
    >>> seg.doc.text[3:transliterated_end(seg, starts, 6)], seg.doc.text[13:transliterated_end(seg, starts, 15)]
    ('路易斯·卡尔沃', '约翰·史密斯')
    """
    tags = word_tags()
    pos, crossed, out = end, dotted, end
    while (tok := token_at(seg.tokens, starts, pos)) is not None and pos - end < 16:
        if tok.text in NAME_DOTS and not crossed:
            crossed = True
        elif _name_part(tok.text, tags.get(tok.text)) or (crossed and _spelled(tok.text, tags)):
            out = tok.end if crossed or out == pos else out
        else:
            break
        pos = tok.end
    return out if crossed else end


def _name_part(word: str, tag: str | None) -> bool:
    # transliterated parts are often in the dictionary as places (阿不来提, ns)
    return all("\u4e00" <= ch <= "\u9fff" for ch in word) and (
        tag is None or tag.startswith(("nr", "ns", "nz"))
    )


def _spelled(word: str, tags: dict[str, str]) -> bool:
    """A word after a name dot whose characters all spell transliterations (铁力, 地 of
    铁力瓦尔地, 提 of 麦麦提), unless it is a function word or (longer) a verb or a count."""
    tag = tags.get(word, "x")
    if not all(ch in load_lexicon("transliteration_chars") for ch in word):
        return False
    if len(word) == 1:
        return tag not in _NOT_SPELLING
    return not tag.startswith(("v", "p", "c", "d", "r", "m", "q", "t", "f"))


_NOT_SPELLING = frozenset({"p", "c", "d", "r", "uj", "ul", "y"})
