"""What stands between an organisation's name and a title: a tenure (新任), a term (第五届),
an association's council or presidium (理事会, 主席团), an institution's board (董事会), a past
term (上届) — each read off the name so that the title is the organisation's or its body's.
"""

from __future__ import annotations

import re

from graph.extract.names import Piece, token_at
from graph.extract.orgnames import company_suffix, org_suffix_of
from graph.extract.places import DEMOCRATIC_PARTIES, is_place
from graph.types import Segmented

_TENURE = frozenset({"新任", "现任", "首任"})
_PAST_TENURE = frozenset({"前任", "上任"})
_SENDING = frozenset({"派出", "派遣", "委派", "选派", "聘任", "聘请"})
"""Verbs by which an organisation sends or hires the holder of a title it names (某商会派出
理事长A, 某公司聘任总经理B): the title is the organisation's, the verb no part of it."""
TERM = re.compile(
    r"(?:第[一二三四五六七八九十百零〇\d]{1,4}|新一|本|首|上一)届"
    r"(?:理事会|委员会|常务委员会|董事会|监事会|领导班子)?$"
)
"""A term before a title (第五届主席, 新一届理事会会长): the title of the organisation named
before it, whose council of that term is not an organisation of its own."""
_COUNCIL = re.compile(
    r"(?<!大会|会议)(?:第[一二三四五六七八九十百零〇\d]{1,4}届)?(?:理事会|主席团)$"
)
_COUNCIL_HEADS = ("主席", "理事长", "会长", "秘书长")
"""An association's council or presidium before the titles of its heads (书协主席团副主席,
某会理事会常务副会长): the association's titles; a meeting's presidium (大会主席团) is not
one, nor the council's members (主席团委员)."""
_PAST_TERMS = ("上一届", "上届", "前任", "前届")


_PRESENT_TERMS = ("新一届", "本届", "新一任")


def after_present_term(text: str, start: int, end: int) -> int:
    """Where an organisation's name starts after the present term (新一届某协会主席: the
    association's) or a party membership (民进党籍 + 某市议员), else ``start``.

    >>> after_present_term("新一届东华棋协", 0, 7), after_present_term("东华棋协", 0, 4)
    (3, 0)
    >>> after_present_term("国民党籍东华市", 0, 7)
    4
    """
    term = next((t for t in _PRESENT_TERMS if text.startswith(t, start)), "")
    if not term and (member := _PARTY_MEMBER.match(text, start, end)):
        term = member.group()
    return start + len(term) if term and end - start > len(term) + 1 else start


_PARTY_MEMBER = re.compile(r"[\u4e00-\u9fff]{0,4}?党籍")


def after_past_term(text: str, start: int, end: int) -> int:
    """Where an organisation's name starts after a past term (上届书协), else ``start``."""
    term = next((t for t in _PAST_TERMS if text.startswith(t, start)), "")
    return start + len(term) if term and end - start > len(term) else start


def before_title_words(text: str, start: int, role_start: int) -> tuple[int, bool]:
    """Where the name before a role ends, past 的, 原 (or 前 after a name's ending) and a
    tenure; whether the post has ended (原, 前, 前任).

    >>> before_title_words("东华市财政局前局长", 0, 7), before_title_words("东华局局长", 0, 3)
    ((6, True), (3, False))
    """
    rest_end = role_start
    if rest_end - 1 > start and text[rest_end - 1] == "的":
        rest_end -= 1  # 某某大学的副校长
    former = rest_end - 1 >= start and text[rest_end - 1] == "原"
    if not former and rest_end - 2 > start and text[rest_end - 1] == "前":
        former = org_suffix_of(text[start : rest_end - 1]) is not None  # 某局前局长
    rest_end -= former  # 某局原局长: a post that has ended
    if not former and text[max(start, rest_end - 2) : rest_end] in _PAST_TENURE:
        rest_end, former = rest_end - 2, True  # 某局前任局长: a post that has ended
    elif not former and text[max(start, rest_end - 2) : rest_end] in _TENURE | _SENDING:
        rest_end -= 2  # 某局新任局长, 某会派出理事长: not part of the title
    elif "届" in text[max(start, rest_end - 12) : rest_end]:
        term = TERM.search(text, max(start, rest_end - 12), rest_end)
        if term is not None and not text.startswith(DEMOCRATIC_PARTIES, start):
            rest_end = term.start()  # 协会第五届理事会会长: the association's 会长
    return rest_end, former


_BOARD_OF_ATERM = re.compile(
    r"(?:第[一二三四五六七八九十百零〇\d]{1,4}|新一|本|首)届(董事会|监事会)$"
)


def board_of_a_term(text: str, start: int, role_start: int) -> Piece | None:
    """The board of an institution that is no company, named with its term before a title
    (某大学第六届董事会副董事长): the board, as when it is named without one; a company's
    board and its titles are the company's (公司第七届董事会董事长).

    >>> board_of_a_term("东华大学第六届董事会董事", 0, 10)
    Piece(start=7, end=10, text='董事会')
    >>> board_of_a_term("选举东华股份有限公司第七届董事会董事长", 2, 16) is None
    True
    """
    m = _BOARD_OF_ATERM.search(text, start, role_start)
    if m is None or m.start() == start:
        return None
    owner = text[start : m.start()]
    if company_suffix(owner) or owner.endswith(("公司", "集团", "银行")):
        return None
    return Piece(m.start(1), m.end(1), m[1])


def before_council(text: str, start: int, rest_end: int, role: str) -> int:
    """Where the organisation ends before its council or presidium (see ``_COUNCIL``).

    >>> t = "东江市书协主席团副主席"
    >>> before_council(t, 0, 8, "副主席"), before_council("主席团委员", 0, 3, "委员")
    (5, 3)
    >>> before_council("理事会副主席", 0, 3, "副主席")  # the article's association's
    0
    """
    council = _COUNCIL.search(text, start, rest_end)
    if council is None or not role.endswith(_COUNCIL_HEADS):
        return rest_end
    return council.start()


_TERM = re.compile(
    r"(?<=.{2})第[一二三四五六七八九十0-9]{1,3}届(?=(?:全国|常务|执行)?委员会$|理事会$|董事会$|监事会$|主席团$)"
)
_CONGRESS_TERM = re.compile(
    r"(?<=[省市县区州旗镇乡])第?[一二三四五六七八九十0-9]{1,3}届"
    r"(?=(?:人大|人民代表大会|政协)(?:常委会|常务委员会)?$)"
)
"""A term between a place and its congress or conference (某市十一届人大常委会): the same body."""
_TERM_OF_BODY = re.compile(r"(?<=.{2})(?:新一|本)届(?:委员会|理事会|领导班子)$")
_LEADING_TERM = re.compile(r"(?:新一|本|上一|上)届")


def without_term(surface: str) -> str:
    """An organisation's name without its term: a body's new council is the body (某足协新一届
    委员会: 某足协; a numbered term's council or presidium stays one); a place's committee of a
    term is its committee, whatever the term (某市第八届委员会: 某市委员会).

    >>> without_term("东华市足协新一届委员会"), without_term("东华市第八届委员会")
    ('东华市足协', '东华市委员会')
    >>> without_term("新一届镇人大"), without_term("新一届委员会")  # a term written before a name
    ('镇人大', '新一届委员会')
    >>> without_term("东华市十一届人大常委会"), without_term("十一届全国人大")
    ('东华市人大常委会', '十一届全国人大')
    """
    if (opening := _LEADING_TERM.match(surface)) and org_suffix_of(surface[opening.end() :]):
        surface = surface[opening.end() :]
    council = _TERM_OF_BODY.search(surface)
    body = surface[: council.start()] if council else ""
    if body and org_suffix_of(body) and not is_place(body):
        return body
    return _CONGRESS_TERM.sub("", _TERM.sub("", surface))


def former_word_at(seg: Segmented, starts: dict[int, int], at: int) -> bool:
    """Whether 前 at ``at`` says that the post after it has ended: a word of its own (前 +
    民政事务局局长) or glued to the preposition before it (由前 + 省委书记), not 前海.

    >>> from graph.text.segment import segment, token_index
    >>> from graph.types import Document
    >>> seg = segment(Document.from_text("d.txt", "由前省委书记接任，前海管理局局长出席"))
    >>> former_word_at(seg, token_index(seg), 1), former_word_at(seg, token_index(seg), 9)
    (True, False)
    """
    if seg.doc.text[at : at + 1] != "前":
        return False
    word = token_at(seg.tokens, starts, at) or token_at(seg.tokens, starts, at - 1)
    return word is not None and (word.text == "前" or word.text in _GLUED_FORMER)


_GLUED_FORMER = frozenset(c + "前" for c in "由的和与及为是向对将被")
