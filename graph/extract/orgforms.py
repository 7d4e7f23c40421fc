"""Conventional forms of organisation names that carry no ending of their own: the short
names of associations and federations (书协, 妇联, 足总) and diplomatic missions named by their
head's title (某国驻沪 + 总领事 = 某国驻沪总领事馆).
"""

from __future__ import annotations

import re

from graph.extract.orgnames import org_suffix_of
from graph.resources import load_lexicon


def federation_short_name(name: str) -> bool:
    """A conventional short name of an association or federation written alone (书协, 妇联,
    工商联): the article's own, which linking resolves to its full name.

    >>> federation_short_name("书协"), federation_short_name("协会"), federation_short_name("某书协")
    (True, False, False)
    """
    return (
        2 <= len(name) <= 3
        and name.endswith(("协", "联", "总"))
        and org_suffix_of("某" + name) == name
    )


_MISSIONS = {
    "总领事": "总领事馆",
    "领事": "领事馆",
    "大使": "大使馆",
    "公使": "大使馆",
    "参赞": "大使馆",
}


def mission_name(name: str, role: str) -> str | None:
    """The mission a head of mission's title names with a country's posting (西班牙驻沪 +
    总领事: 西班牙驻沪总领事馆), else None.

    >>> mission_name("西班牙驻沪", "总领事"), mission_name("中国驻法国", "大使"), mission_name("某某公司", "大使")
    ('西班牙驻沪总领事馆', '中国驻法国大使馆', None)
    >>> mission_name("外国驻华使节团代表东江国驻华", "大使")
    '东江国驻华大使馆'
    """
    mission = _MISSIONS.get(role.removeprefix("副").removeprefix("特命全权"))
    if mission is None or "驻" not in name[1:] or name.endswith(("馆", "团", "处", "办")):
        return None
    for cut in range(name.rfind("驻") - 1, 1, -1):
        if name.endswith(_SPEAKING_FOR, 0, cut):
            return name[cut:] + mission  # 外国驻华使节团代表 + 斯里兰卡驻华: the country's
    return name + mission


_SPEAKING_FOR = ("代表", "团长")
"""Titles of one who speaks for a group, before the country whose head of mission they are."""


_DELEGATION = re.compile(
    r"为(?:团长|组长|首|领队)的(?P<sender>[\u4e00-\u9fff·]{3,30}?)"
    r"(?:党政|政府|议会|友好|经贸|高级|青年)?(?:代表团|访华团|访问团|考察团|友好团|团)"
)


def delegation_sender(text: str, at: int) -> tuple[int, int] | None:
    """The organisation that sends a delegation led by the person whose name ends at ``at``
    (以总书记A为团长的某某党代表团: A's title is at 某某党), when it is one.

    >>> t = "会见了以总书记张振华为团长的东江民主共和党代表团"
    >>> s = delegation_sender(t, t.index("为")); t[s[0]:s[1]]
    '东江民主共和党'
    >>> delegation_sender("以总统张振华为首的东江国代表团", 8) is None
    True
    """
    m = _DELEGATION.match(text, at)
    if m is None:
        return None
    sender = m["sender"]
    if org_suffix_of(sender) is None and not (sender.endswith("党") and len(sender) >= 4):
        return None
    return m.start("sender"), m.end("sender")


_LED_BY = re.compile(r"[^，,。；;：:！？\n]{0,16}?的(?:带领|率领)下")
"""The rest of ``在A、B的带领下`` after a name."""
_GROUP = re.compile(
    r"(?P<sender>[\u4e00-\u9fff·]{3,30}?)(?:[（(][^（）()]{1,10}[）)])?"
    r"(?:党政|政府|友好|经贸|高级)?(?:代表团|访问团|考察团|参观团|调研组|考察组|访问组)"
    r"(?:一行)?[0-9０-９一二三四五六七八九十]{0,3}人?[，,]?在$"
)


def led_group_sender(text: str, at: int) -> tuple[int, int] | None:
    """The organisation that sends a group led by the person whose name ends at ``at``, the
    leaders' titles and names written in ``在…的带领下`` (某大学参观团一行8人，在董事长A、校长B
    的带领下: both titles are at 某大学), when it is one.

    >>> t = "东华大学参观团一行8人，在董事长张振华、校长胡文成的带领下参观"
    >>> [t.__getitem__(slice(*led_group_sender(t, t.index(n) + 3))) for n in ("张振华", "胡文成")]
    ['东华大学', '东华大学']
    >>> led_group_sender("会上，在董事长张振华的带领下参观", 10) is None
    True
    """
    if _LED_BY.match(text, at) is None:
        return None
    clause = max(text.rfind(c, 0, at) for c in "。；;！？\n") + 1
    opening = text.rfind("在", clause, at)
    m = _GROUP.search(text, clause, opening + 1) if opening >= 0 else None
    if m is None or org_suffix_of(m["sender"]) is None:
        return None
    return m.start("sender"), m.end("sender")


_LEADS_ON = re.compile(r"率领|带领|率")
_LEADER_TITLE = re.compile(r"[\u4e00-\u9fff]{0,4}(?:长|主席|书记|主任|经理|总裁)")
_PARTY_OF = re.compile(r"[^。；;！？\n]{0,40}?等?一行")


def led_list_sender(text: str, at: int) -> tuple[int, int] | None:
    """The organisation of the leader who leads a group whose listed member's name ends at
    ``at`` (某公会主席A率领B、C，以及总干事D、秘书长E等一行13人: D's and E's titles are at
    某公会), when the group closes with 一行.

    >>> t = "东华银行公会主席林晓峰率领陈思远，以及秘书长周立平等一行13人拜访某处"
    >>> t.__getitem__(slice(*led_list_sender(t, t.index("周立平") + 3)))
    '东华银行公会'
    >>> led_list_sender("会上，秘书长周立平发言", 11) is None
    True
    >>> t = "昨日上午，东华省科技厅副厅长林晓峰率领陈思远，以及处长周立平等一行9人到校调研"
    >>> t.__getitem__(slice(*led_list_sender(t, t.index("周立平") + 3)))
    '东华省科技厅'
    """
    if _PARTY_OF.match(text, at) is None:
        return None
    sentence = max(text.rfind(c, 0, at) for c in "。；;！？\n") + 1
    verb = _LEADS_ON.search(text, sentence, at)
    if verb is None:
        return None
    clause = max(sentence, max(text.rfind(c, sentence, verb.start()) for c in "，,") + 1)
    roles = load_lexicon("roles")
    for name_length in (3, 2, 4):
        before = text[clause : verb.start() - name_length]
        for cut in range(len(before) - 1, 2, -1):
            org, title = before[:cut], before[cut:]
            if (
                _LEADER_TITLE.fullmatch(title)
                and title in roles  # 某厅 + 副厅长, not 某厅副厅 + 长
                and (org_suffix_of(org) or org.endswith("会"))
            ):
                return clause, clause + cut
    return None


def group_sender(text: str, at: int) -> tuple[int, int] | None:
    """The organisation sending the group whose leader or member's name ends at ``at``: a
    delegation headed by them, a group led by them, or the group their leader leads."""
    return delegation_sender(text, at) or led_group_sender(text, at) or led_list_sender(text, at)
