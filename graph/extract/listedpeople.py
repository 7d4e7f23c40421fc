"""People the model missed but a list or a form of address names: the names listed by 、
with a known name (林某、傅某某、陈某), the names before 同志 (…；王某某同志任…), and a name
found elsewhere in the document written again where the model missed it, and the names
jieba's dictionary lists as modern persons' before a title or a form of address.
"""

from __future__ import annotations

import re
from itertools import pairwise

from graph.extract.names import FORMS_OF_ADDRESS, Piece, person_after
from graph.extract.people import appointed_as, dictionary_name, looks_like_name
from graph.extract.titles import role_ending_at
from graph.text.segment import token_index, word_tags
from graph.types import Segmented


def listed_people(seg: Segmented, people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """``people`` and the names listed with them by 、 that the model missed (王某、李某某、…):
    a name-like word between 、 and a known name, read by the rules.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "出席会议的有林晓峰、傅文澜、陈思远。"))
    >>> [p.text for p in listed_people(seg, (Piece(6, 9, "林晓峰"),))]
    ['林晓峰', '傅文澜', '陈思远']
    """
    starts = token_index(seg)
    found = {p.start: p for p in people}
    todo = list(people)
    while todo:
        p = todo.pop()
        for q in (_listed_after(seg, starts, p), _listed_before(seg, starts, p)):
            if q is not None and q.start not in found:
                found[q.start] = q
                todo.append(q)
    return tuple(sorted(found.values(), key=lambda p: p.start))


def repeated_people(seg: Segmented, people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """``people`` and each further place a name among them is written where the model missed
    it: words that are the name, or the name and a verb the segmenter glued on (…，某某任 +
    校务委员会主任; 霍 + 高原 + 已于…).

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "主任林晓峰讲话。林晓峰任主任。"))
    >>> [p.start for p in repeated_people(seg, (Piece(2, 5, "林晓峰"),))]
    [2, 8]
    """
    people = _cut_to_a_shorter_name(people)
    names = {p.text for p in people if len(p.text) >= 2}
    if not names:
        return people
    text = seg.doc.text
    people = _whole_where_cut(text, people, names)
    taken = {i for p in people for i in range(p.start, p.end)}
    starts = {t.start for t in seg.tokens}
    ends = {t.end for t in seg.tokens}
    found = list(people)
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            whole = end in ends or (end + 1 in ends and text[end] in _GLUED)
            if at in starts and whole and not taken.intersection(range(at, end)):
                found.append(Piece(at, end, name))
                taken.update(range(at, end))
            at = text.find(name, end)
    return tuple(sorted(found, key=lambda p: p.start))


def _cut_to_a_shorter_name(people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Four-character names that are a two-character name the model also read on its own,
    with a word glued on (某某 + 膺选 where 某某 stands alone elsewhere), and three-character
    ones with a verb or a preposition glued on (某某 + 来某镇调研), cut to that name.

    >>> [p.text for p in _cut_to_a_shorter_name((Piece(0, 2, "林峰"), Piece(5, 9, "林峰膺选")))]
    ['林峰', '林峰']
    """
    two = {p.text for p in people if len(p.text) == 2}
    return tuple(
        Piece(p.start, p.start + 2, p.text[:2])
        if p.text[:2] in two and (len(p.text) == 4 or (len(p.text) == 3 and p.text[2] in _GLUED))
        else p
        for p in people
    )


def _whole_where_cut(text: str, people: tuple[Piece, ...], names: set[str]) -> tuple[Piece, ...]:
    """Two-character names that are the end of a three-character name read elsewhere, its
    family name written before them (晓峰 after 林 where 林晓峰 is read): the whole name.

    >>> t, names = "秘书长林晓峰，前秘书长林晓峰", {"林晓峰", "晓峰"}
    >>> [p.text for p in _whole_where_cut(t, (Piece(3, 6, "林晓峰"), Piece(12, 14, "晓峰")), names)]
    ['林晓峰', '林晓峰']
    """
    whole = {n[1:]: n for n in names if len(n) == 3}
    out = []
    for p in people:
        n = whole.get(p.text)
        if n is not None and p.start > 0 and text[p.start - 1] == n[0]:
            p = Piece(p.start - 1, p.end, n)
        out.append(p)
    return tuple(out)


def latin_people(seg: Segmented, people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """``people`` and the names written in Latin letters that a title, a relation or a form of
    address marks as a person's (校长John Smith, 某某的Mary Holt女士, 丈夫 Tom Reed,
    某某smithson教授); the model reads Chinese characters only.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "咨询师的Mary Holt女士与丈夫 Tom Reed来访。"))
    >>> [p.text for p in latin_people(seg, ())]
    ['Mary Holt', 'Tom Reed']
    """
    text = seg.doc.text
    people = tuple(_latin_extended(text, p) for p in people)  # the model's David + Lee
    taken = {i for p in people for i in range(p.start, p.end)}
    found = list(people)
    for m in _LATIN_NAME.finditer(text):
        a, b = m.start(), m.end()
        if taken.intersection(range(a, b)):
            continue
        j = a
        while j > 0 and text[j - 1] == " ":
            j -= 1
        titled = role_ending_at(text, j) is not None
        if text.startswith(FORMS_OF_ADDRESS, b) or text.endswith(_RELATIONS, 0, j) or titled:
            found.append(Piece(a, b, m.group()))
    return tuple(sorted(found, key=lambda p: p.start))


_LATIN_NAME = re.compile(
    r"(?<![A-Za-z.])(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}|[A-Za-z][a-z]{3,})(?![A-Za-z.])"
)
_RELATIONS = ("丈夫", "妻子", "夫人", "太太", "先生")


def _latin_extended(text: str, p: Piece) -> Piece:
    """A name in Latin letters that the model cut after its first word (David + Lee), whole.

    >>> _latin_extended("总裁David Lee表示", Piece(2, 7, "David")).text
    'David Lee'
    """
    m = _LATIN_NAME.match(text, p.start)
    if m is None or m.end() <= p.end or not p.text.isascii():
        return p
    return Piece(p.start, m.end(), m.group())


_GLUED = frozenset("任为在是说等和与及来到赴")
"""Characters the segmenter glues onto a name it knows no better (某某任 + 主任, 某某来 + 某镇)."""
_COMRADE = re.compile(
    r"等?同志|[（(](?:女|男|[\u4e00-\u9fff]{1,4}族)(?:[，,、](?:女|男|[\u4e00-\u9fff]{1,4}族))?[）)]"
)
"""What follows a name and marks it as one: 同志, or a note of sex or nationality in a list of
members (某某（女）, 某某（满族）, 某某（女，回族）)."""
_BEFORE_COMRADE = frozenset('：:；;，,、。\n（(“"') | {""}


def comrade_people(seg: Segmented, people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """``people`` and the names the model missed before 同志 (…；王某某同志任…, 关于王某等同志…)
    or before a note of sex or nationality (…、金某某（女）为…): a name-like word starting a
    word after a punctuation mark or a verb.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "决定：林晓峰同志任局长；傅文澜同志任处长。"))
    >>> [p.text for p in comrade_people(seg, ())]
    ['林晓峰', '傅文澜']
    >>> seg = segment(Document.from_text("d.txt", "选举林晓峰、江河（女）为副书记。"))
    >>> [p.text for p in comrade_people(seg, ())]
    ['江河']
    """
    text = seg.doc.text
    starts = token_index(seg)
    tags = word_tags()
    found = {p.start: p for p in people}
    covered = {i for p in people for i in range(p.start, p.end)}
    for m in _COMRADE.finditer(text):
        end = m.start()
        for k in (3, 2):
            a = end - k
            if a < 0 or a not in starts or a in covered or not looks_like_name(text[a:end]):
                continue
            i = starts[a]
            before = seg.tokens[i - 1].text if i > 0 else ""
            if before[-1:] in _BEFORE_COMRADE or tags.get(before, "x") in ("v", "p"):
                found[a] = Piece(a, end, text[a:end])
                break
    return tuple(sorted(found.values(), key=lambda p: p.start))


def _listed_after(seg: Segmented, starts: dict[int, int], p: Piece) -> Piece | None:
    text = seg.doc.text
    if not text.startswith("、", p.end):
        return None
    found = person_after(seg, starts, p.end + 1)
    if found is None or found[0].start != p.end + 1 or not looks_like_name(found[0].text):
        return None
    q = found[0]
    ends_list = q.end >= len(text) or text[q.end] in _LIST_END
    ends_list = ends_list or appointed_as(text, q.start, q.end + 1)  # A、张某 + 为某省副省长
    return q if ends_list or _verb_after(text, q.end) else None


def _verb_after(text: str, i: int) -> bool:
    """A verb of two characters starts at ``i`` (the last of a list: …、某某出席会议)."""
    return word_tags().get(text[i : i + 2], "").startswith("v")


def _listed_before(seg: Segmented, starts: dict[int, int], p: Piece) -> Piece | None:
    text = seg.doc.text
    if p.start < 3 or text[p.start - 1] != "、":
        return None
    for k in (3, 2):
        a = p.start - 1 - k
        if (
            a >= 0
            and a in starts
            and (text[a - 1 : a] in _LIST_START or _after_verb(seg, starts, a))
        ):
            name = text[a : p.start - 1]
            if looks_like_name(name):
                return Piece(a, p.start - 1, name)
    return None


_LIST_VERBS = frozenset({"任命", "免去", "选举", "补选", "聘任", "聘请", "推选", "提名", "表彰"})
"""Verbs a list of names follows (任命A、B为…)."""


def _after_verb(seg: Segmented, starts: dict[int, int], a: int) -> bool:
    """Whether the word before the token at ``a`` is a verb a list of names follows."""
    i = starts[a]
    return i > 0 and seg.tokens[i - 1].text in _LIST_VERBS


_LIST_END = frozenset("、，,。；;：:）)等和及与在\n ")
_LIST_START = frozenset("、，,。；;：:（(\n 有")


def addressed_people(seg: Segmented, people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """``people`` and the names the model missed that jieba's dictionary lists as a modern
    person's (graph.extract.people.dictionary_name), written as one word right before a form of
    address or a state leader's title (某某某同志, 某某某先生, 某某某总书记; that list also holds
    brands and idioms, so not before any title: 马自达总裁).

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "翦伯赞先生和翦伯赞的书，马自达总裁。"))
    >>> [(p.start, p.text) for p in addressed_people(seg, ())]
    [(0, '翦伯赞')]
    """
    found = {p.start: p for p in people}
    covered = {i for p in people for i in range(p.start, p.end)}
    for tok, after in pairwise(seg.tokens):
        if (
            tok.start not in covered
            and dictionary_name(tok.text)
            and tok.text[-1] not in _PARTICLES  # 个子高高的 + 同志
            and after.text in _ADDRESSES
        ):
            found[tok.start] = Piece(tok.start, tok.end, tok.text)
    return tuple(sorted(found.values(), key=lambda p: p.start))


_ADDRESSES = frozenset(FORMS_OF_ADDRESS) | {"同志", "总书记", "主席", "副主席", "总理", "副总理"}
_PARTICLES = frozenset("的了们地得着过")


_APPOINTED_ITEM = re.compile(
    r"(?<=[，,；;：:])([\u4e00-\u9fff]{2,3})(?:为|任)(?=[^，,；;。\n]{2,60}[，,；;。\n])"
)
_APPOINTING = ("任命", "决定", "选举", "补选", "聘任")
_ITEM_END = frozenset("，,；;。\n")


def appointed_people(seg: Segmented, people: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """``people`` and the names the model missed that open an item of a list of appointments
    (任命A为某委主任，某某某为某委员会主任，…; 决定：A任某公司总经理；B任…): a name-like word after
    a separator, then 为 or 任 and a clause ending with a title, in a sentence that appoints.

    >>> from graph.text.segment import segment
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "任命林晓峰为东华委主任，沙湖林为商务委员会主任。"))
    >>> [p.text for p in appointed_people(seg, (Piece(2, 5, "林晓峰"),))]
    ['林晓峰', '沙湖林']
    """
    text = seg.doc.text
    found = {p.start: p for p in people}
    covered = {i for p in people for i in range(p.start, p.end)}
    for sentence in seg.sentences:
        opened = max(text.rfind("。", 0, sentence.start), text.rfind("\n", 0, sentence.start)) + 1
        if not any(w in text[opened : sentence.end] for w in _APPOINTING):
            continue  # the items after ；are the appointing sentence's too
        for m in _APPOINTED_ITEM.finditer(text, sentence.start, sentence.end):
            a, b = m.span(1)
            end = m.end() + next(k for k, ch in enumerate(text[m.end() :]) if ch in _ITEM_END)
            if covered.intersection(range(a, b)) or not looks_like_name(m[1]):
                continue
            if role_ending_at(text, end) is None:
                continue  # …，某某为首的: no title ends the clause
            found[a] = Piece(a, b, m[1])
            covered.update(range(a, b))
    return tuple(sorted(found.values(), key=lambda p: p.start))
