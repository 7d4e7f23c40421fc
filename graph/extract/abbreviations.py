"""Short forms an article defines for an organisation: ``某某电力股份有限公司（以下简称“某电”）``.

The short form (``某电``) is an organisation name wherever the article uses it, even without an
organisation ending, and it names the same organisation as the full name written right before
the bracket.  Linking merges the two (the full name is the label, the short form an alias).

>>> text = "东江电力股份有限公司（以下简称“东电”）召开会议。东电董事长林晓峰出席。"
>>> [(d.short, d.at) for d in defined_short_forms(text)]
[('东电', 10)]
>>> short_form_ending_at(text, 0, 27)
25
>>> short_form_aliases(text, [(0, 10, "东江电力股份有限公司")], [("东电", "东电")])
{'东电': '东江电力股份有限公司'}
>>> [d.short for d in defined_short_forms("东江数码港管理有限公司（数码港）成立。")]
['数码港']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from graph.extract.orgforms import federation_short_name
from graph.extract.orgnames import (
    company_suffix,
    org_suffix_of,
    short_name_aside,
    written_in_full,
)
from graph.extract.places import is_place
from graph.text.segment import word_tags

_DEFINITION = re.compile(
    r"[（(]\s*(?:以下|下文)?(?:简称|下称|称)\s*[:：]?\s*[“\"「‘']?"
    r"(?P<short>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)[”\"」’']?\s*(?:[，,、或]|[）)])"
)

_ASIDE = re.compile(r"[（(](?P<short>[\u4e00-\u9fff]{2,6})[）)]")


@dataclass(frozen=True, slots=True)
class ShortForm:
    """A short form defined in the text, and where its bracket opens (the full name's end)."""

    short: str
    at: int


@lru_cache(maxsize=64)
def defined_short_forms(text: str) -> tuple[ShortForm, ...]:
    """Every short form the text defines in a bracket right after an organisation's name
    (以下简称, 简称, 下称): the text before the bracket ends like one (…公司, …研究院)."""
    defined = [
        ShortForm(m["short"], m.start())
        for m in _DEFINITION.finditer(text)
        if _ends_like_org(text[max(0, m.start() - 30) : m.start()])
    ]
    given = [  # 某某数码港管理有限公司（数码港）: the short name alone in the bracket
        ShortForm(m["short"], m.start())
        for m in _ASIDE.finditer(text)
        if short_name_aside(text, m.end() - 1, max(0, m.start() - 30)) == m.start()
    ]
    return tuple(sorted(defined + given, key=lambda f: f.at))


def _ends_like_org(before: str) -> bool:
    return bool(before) and (org_suffix_of(before) is not None or company_suffix(before))


def short_form_ending_at(text: str, start: int, end: int) -> int | None:
    """Start of a defined short form that ends at ``end`` and starts at or after ``start``,
    used after its definition (None when there is none)."""
    for form in defined_short_forms(text):
        begin = end - len(form.short)
        if begin >= start and form.at < begin and text[begin:end] == form.short:
            return begin
    return None


_NOT_NAME_START = tuple("我你他她它本该这那各每其此全两几某")
"""Pronouns and quantifiers: 我们公司, 这家公司 are no names."""


def short_name_ending_at(text: str, word_starts: Iterable[int], start: int, end: int) -> int | None:
    """Start of an organisation's short name used without a definition that ends at ``end``
    (某电代理董事长): two to four characters starting a word, which the article also writes
    with an organisation ending (某电公司), themselves no organisation word or place.

    >>> short_name_ending_at("东电董事长林晓峰到东电公司视察。", [0, 2], 0, 2)
    0
    >>> short_name_ending_at("集团董事长林晓峰到集团公司视察。", [0, 2], 0, 2) is None
    True
    """
    starts = set(word_starts)
    for k in (4, 3, 2):
        begin = end - k
        name = text[begin:end]
        if (
            begin >= start
            and begin in starts
            and all("\u4e00" <= ch <= "\u9fff" for ch in name)
            and org_suffix_of("某" + name) is None
            and not company_suffix("某" + name)
            and not is_place(name)
            and not name.startswith(_NOT_NAME_START)
            and (written_in_full(text, begin, end) or university_short_name(text, name))
        ):
            return begin
    return None


_UNIVERSITY = re.compile(r"[\u4e00-\u9fff]{2,12}?大学")
_SHORT_NAME_TAGS = ("nt", "j", "ns", "nz")


def university_short_name(text: str, name: str) -> bool:
    """Whether ``name`` is the short name of a university the article writes in full: it ends
    with 大, is no common word, and its other characters occur in order in the full name (理大:
    东华理工大学, 西科大: 西岭科技大学).

    >>> university_short_name("东华理工大学校长说，理大很好。", "理大"), university_short_name("规模扩大", "扩大")
    (True, False)
    """
    if not 2 <= len(name) <= 4 or not name.endswith("大"):
        return False
    tag = word_tags().get(name)
    if tag is not None and tag not in _SHORT_NAME_TAGS:
        return False
    return any(_in_order(name[:-1], full) for full in _universities(text))


@lru_cache(maxsize=64)
def _universities(text: str) -> tuple[str, ...]:
    """The names before 大学 the text writes (read once per text)."""
    return tuple(m.group()[:-2] for m in _UNIVERSITY.finditer(text)) if "大学" in text else ()


def _in_order(chars: str, full: str) -> bool:
    at = 0
    for ch in chars:
        at = full.find(ch, at) + 1
        if at == 0:
            return False
    return True


def short_form_targets(
    forms: Iterable[ShortForm],
    names: Iterable[tuple[int, int, str]],
    keys_of: Mapping[str, Iterable[str]],
) -> dict[str, str]:
    """Organisation key of a short form (and of every key it was resolved to, ``keys_of``) ->
    key of the full name that ends where its definition opens (the longest such name)."""
    ending: dict[int, str] = {}
    for _, end, key in sorted(names, key=lambda n: n[0] - n[1]):
        ending.setdefault(end, key)
    out: dict[str, str] = {}
    for form in forms:
        full = ending.get(form.at)
        if full is None or full == form.short:
            continue
        for key in (form.short, *keys_of.get(form.short, ())):
            if key != full:
                out[key] = full
    return out


def short_form_aliases(
    text: str, names: Iterable[tuple[int, int, str]], resolved: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """Short forms ``text`` defines -> the full names before their brackets, from the
    organisation names found (``(start, end, key)``) and the keys each surface was resolved
    to (``(surface, key)``: 省某院 may have become 某省某院)."""
    forms = defined_short_forms(text)
    if not forms:
        return {}
    keys_of: dict[str, list[str]] = defaultdict(list)
    for surface, key in resolved:
        keys_of[surface].append(key)
    return short_form_targets(forms, names, keys_of)


def is_short_form(text: str, surface: str) -> bool:
    """Whether ``surface`` is a short form ``text`` defines."""
    return any(f.short == surface for f in defined_short_forms(text))


_FEDERATION_ENDINGS = {"协": "协会", "联": "联合会", "总": "总会"}


def federation_short_forms(short: Iterable[str], full: Iterable[str]) -> dict[str, str]:
    """Conventional short forms of associations and federations (书协, 作协, 妇联) -> the full
    name the article writes (某市书法家协会): the first full name that ends with the short
    form's type (协会, 联合会) and holds its first characters before that ending, in order.

    >>> federation_short_forms(["书协", "作协"], ["东江市书法家协会", "东江市总工会"])
    {'书协': '东江市书法家协会'}
    >>> federation_short_forms(["东江足总"], ["东江足球总会"])
    {'东江足总': '东江足球总会'}
    """
    names = list(full)
    out: dict[str, str] = {}
    for s in short:
        # 中国香港足总: the region written in full before the short form
        head, tail = (s[:-2], s[-2:]) if len(s) > 3 else ("", s)
        ending = _FEDERATION_ENDINGS.get(tail[-1:])
        if ending is None or not federation_short_name(tail):
            continue
        for name in names:
            inner = name[len(head) : -len(ending)]
            if (
                name != s
                and name.startswith(head)
                and name.endswith(ending)
                and is_subsequence(tail[:-1], inner)
            ):
                out[s] = name
                break
    return out


def is_subsequence(short: str, name: str) -> bool:
    """Whether the characters of ``short`` occur in ``name`` in order."""
    it = iter(name)
    return all(ch in it for ch in short)


_PLACE_BODY_WORDS = frozenset(
    {
        "人大",
        "人大常委会",
        "政协",
        "党委",
        "纪委",
        "团委",
        "妇联",
        "工会",
        "总工会",
        "人民政府",
        "政府",
    }
)


def bare_bodies(keys: Iterable[str]) -> dict[str, str]:
    """A place's body named alone (人大主席A) -> the one body of that kind the article names
    with its place (新驿镇人大).

    >>> bare_bodies(["人大", "新驿镇人大", "东江县政协"])
    {'人大': '新驿镇人大'}
    """
    names = set(keys)
    out: dict[str, str] = {}
    for bare in names & _PLACE_BODY_WORDS:
        full = {n for n in names if n != bare and n.endswith(bare) and is_place(n[: -len(bare)])}
        if len(full) == 1:
            out[bare] = full.pop()
    return out


def alias_targets(names: dict[str, str], people_at: dict[str, set[str]]) -> dict[str, str]:
    """Map a shortened/broken name key to the full name key it stands for."""
    out: dict[str, str] = {}
    for a in names:
        for b in names:
            if (
                len(a) < len(b)
                and (_shortened(a, b) or _without_region(a, b))
                and people_at.get(a, set()) & people_at.get(b, set())
            ):
                out[a] = b
    return out


def _shortened(a: str, b: str) -> bool:
    """``a``, written with ``b``'s first characters, is ``b`` with characters left out."""
    return (
        a[:2] == b[:2]
        and org_suffix_of(a) == org_suffix_of(b)
        and is_subsequence(a, b)
        and not (b.startswith(a) and org_suffix_of(b[len(a) :]) is not None)
        and not _another_committee(a, b)
    )


def _without_region(a: str, b: str) -> bool:
    """``a`` is ``b`` without the region it opens with (交通局 of 大同市交通局).

    >>> _without_region("交通局", "东江市交通局"), _without_region("交通局", "东江集团交通局")
    (True, False)
    """
    return len(a) >= 3 and b.endswith(a) and is_place(b[: -len(a)])


def _another_committee(short: str, long: str) -> bool:
    """A place's committee and one of its committees named by a word before 委 (区委 and
    区监委, 区纪委, 区政法委): two bodies, not a name and its short form.

    >>> _another_committee("东江区委", "东江区监委"), _another_committee("东江公司", "东江电力公司")
    (True, False)
    """
    return (
        short.endswith("委")
        and long.endswith("委")
        and long.startswith(short[:-1])
        and is_place(short[:-1])
    )
