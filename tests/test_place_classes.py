"""Villages, regions named inside words or names, and military districts (invented names)."""

from __future__ import annotations

from post_triples import posts as _posts

from graph.extract.document import extract_document
from graph.extract.elision import dominant_regions
from graph.extract.orgs import regions
from graph.types import Document, EventFact


def test_a_villages_party_secretary_is_a_post_of_the_village() -> None:
    posts = _posts("获奖的是北京韩庄村党委书记张振华、辽宁省四方村党支部书记李春芳。")
    assert ("张振华", "书记", "北京韩庄村党委") in posts or (
        "张振华",
        "党委书记",
        "北京韩庄村",
    ) in posts
    assert any(p == "李春芳" and o.startswith("辽宁省四方村") for p, _, o in posts)


def test_a_two_character_county_inside_words_is_no_mention_of_it() -> None:
    # 和县 (a county) inside 市和县, 任县 (a county) inside 历任县长
    found = dominant_regions("会议要求市和县两级落实。他历任县长、县委书记。")
    assert found.get("县") is None
    assert dominant_regions("（安徽省和县）会议召开。")["县"] == "和县"


def test_a_city_whose_short_name_is_a_word_is_listed_but_its_word_counts_not() -> None:
    assert "安康市" in regions()
    assert dominant_regions("祝大家新春安康，万事如意。").get("市") is None
    assert dominant_regions("安康市召开会议。")["市"] == "安康市"


def test_a_region_inside_a_persons_name_does_not_place_the_article() -> None:
    # 高兴平 is a name: 兴平 (兴平市) is not the article's city
    posts = _posts("市委常委、副市长张振华，军分区司令员高兴平出席会议。")
    assert not any("兴平" in o for _, _, o in posts)


def test_a_military_district_is_an_organisation() -> None:
    assert ("李春芳", "政委", "东华军分区") in _posts("东华军分区政委李春芳出席会议。")


def test_an_event_name_with_a_quoted_word_inside_is_whole() -> None:
    x = extract_document(
        Document.from_text("e.txt", "2006年10月14日，第六届全国“村长”论坛在东阳召开。")
    )
    names = {f.name for f in x.facts if isinstance(f, EventFact)}
    assert "第六届全国“村长”论坛" in names


def test_a_pointing_word_is_not_an_organisation_named_beside_it() -> None:
    posts = _posts(
        "东江第一济困医院党委书记王琪一行来我院参访交流\n"
        "10月11日，东江第一济困医院王琪书记一行8人来我院参访交流。"
        "我院党委书记钟福国、副院长张有成参加了座谈会。\n"
        "会上，党委书记钟福国对考察团一行表示热烈欢迎。"
    )
    assert ("王琪", "书记", "东江第一济困医院党委") in posts  # 第一 + 济困: a name
    assert ("钟福国", "书记", "我院党委") in posts
    assert ("张有成", "副院长", "我院") in posts
    assert not any(p == "钟福国" and o.startswith("东江") for p, _, o in posts)


def test_a_region_the_gazetteer_lacks_is_read_after_a_preposition_or_a_visit() -> None:
    posts = _posts("东华市委书记张振华一行到东岭县调研，县委书记李春芳、县长王建国陪同。")
    assert ("李春芳", "书记", "东岭县委") in posts
    assert ("王建国", "县长", "东岭县人民政府") in posts
    posts = _posts("会议由东华市委副书记、市长张振华主持，市委书记李春芳出席。")
    assert ("李春芳", "书记", "东华市委") in posts


def test_a_word_before_a_county_title_is_no_place() -> None:
    # 同党籍县议员, 代理县长: 党籍 and 代理 are words, 理县 inside 代理县长 is no mention
    posts = _posts("东华县代理县长张振华任命同党籍县议员李春芳担任副县长。")
    assert not any(o.startswith(("党籍", "理县")) for _, _, o in posts)


def test_a_source_in_brackets_opening_the_story_holds_its_reporters() -> None:
    posts = _posts("【东华网】（记者 张振华）东华集团领导班子主要成员已确定。")
    assert posts == {("张振华", "记者", "东华网")}


def test_a_places_body_named_alone_is_the_one_the_article_names_in_full() -> None:
    posts = _posts(
        "近日，东华镇人大组织人大代表视察。党委书记、人大主席张振华主持。人大副主席李春芳参加。"
    )
    assert ("张振华", "主席", "东华镇人大") in posts
    assert ("李春芳", "副主席", "东华镇人大") in posts


def test_a_title_before_a_conjunction_ends_the_clause_before_a_chain() -> None:
    posts = _posts("由东华大学副校长张振华等六位大陆高校校长和南岭大学副校长李春芳发表演讲。")
    assert ("李春芳", "副校长", "南岭大学") in posts


def test_the_chair_of_a_democratic_partys_committee() -> None:
    posts = _posts("吉林省政协副主席、民革吉林省委主委、吉林省教育厅厅长张振华致辞。")
    assert ("张振华", "主委", "民革吉林省委") in posts
    assert ("张振华", "厅长", "吉林省教育厅") in posts


def test_a_two_character_county_written_with_its_level_twice_has_one_government() -> None:
    posts = _posts("岚县县委副书记、县长张振华出席。副县长李春芳主持会议。")
    assert ("张振华", "县长", "岚县人民政府") in posts
    assert ("李春芳", "副县长", "岚县人民政府") in posts


def test_a_province_body_in_an_article_that_names_only_a_city_is_that_citys_province() -> None:
    text = "活动在西安市举行，由文化部和省政府共同主办。副省长张振华、西安市副市长李春芳出席。"
    assert dominant_regions(text)["省"] == "陕西省"
    assert any(o in ("陕西省政府", "陕西省人民政府") for p, _, o in _posts(text) if p == "张振华")


def test_a_county_level_city_named_as_often_as_its_prefecture_is_the_articles() -> None:
    text = (
        "市长张振华主持会议。会议听取了镇江市交办句容问题整改汇报和句容市安全生产汇报，"
        "研究了句容城区治理，贯彻镇江市专题会议纪要。"
    )
    assert dominant_regions(text)["市"] == "句容市"
    assert ("张振华", "市长", "句容市人民政府") in _posts(text)


def test_a_township_body_written_alone_is_the_articles_township() -> None:
    text = "7月6日上午，东岭镇召开对接会。会议由镇党委组织委员赵一鸣主持。镇党委副书记、镇长林晓峰讲话。"
    posts = _posts(text)
    assert ("林晓峰", "镇长", "东岭镇人民政府") in posts
    assert ("林晓峰", "副书记", "东岭镇党委") in posts


def test_a_city_whose_name_opens_with_a_township_level_is_no_township() -> None:
    assert ("张振华", "书记", "镇江市委") in _posts("东华镇召开会议。镇江市委书记张振华出席。")


def test_a_city_body_in_an_article_about_a_county_is_the_countys_prefecture() -> None:
    text = "平利县召开现场会。市委常委、副市长张振华出席。"
    assert dominant_regions(text)["市"] == "安康市"
    assert any(o in ("安康市政府", "安康市人民政府") for p, r, o in _posts(text) if r == "副市长")


def test_a_government_named_alone_after_a_committee_title_is_the_places() -> None:
    posts = _posts("霍林郭勒市委常委、政府副市长张振华出席。")
    assert any(o in ("霍林郭勒市政府", "霍林郭勒市人民政府") for p, r, o in posts if r == "副市长")
    posts = _posts("霍林郭勒市委常委、副市长张振华、政府副市长李春芳一行来校座谈。")
    assert ("李春芳", "副市长", "霍林郭勒市人民政府") in posts


def test_a_place_written_with_its_standing_committee_is_its_party_committee() -> None:
    posts = _posts("霍林郭勒市常委、政府副市长张振华出席。")
    assert ("张振华", "常委", "霍林郭勒市委") in posts


def test_a_word_before_a_level_and_a_body_is_no_unlisted_place() -> None:
    assert "市" not in dominant_regions("由市政协副主席带队，组织市政协委员考察团到社区视察。")


def test_a_committee_and_its_department_are_two_organisations() -> None:
    text = (
        "3月10日，南华县召开推进会。县委常委、县委政法委书记张振华出席会议，副县长李春芳主持会议。"
    )
    posts = _posts(text)
    assert ("张振华", "常委", "南华县委") in posts
    assert ("张振华", "书记", "南华县委政法委") in posts
    assert any(o in ("南华县政府", "南华县人民政府") for p, r, o in posts if p == "李春芳")


def test_a_township_named_before_its_leaders_resolves_its_bodies() -> None:
    found = _posts(
        "岁寒情深暖人心，东岭镇领导开展春节前走访慰问\n镇党委书记王川明走访慰问了退休干部。\n"
        "镇党委副书记、镇长潘舟走访慰问了困难家庭。"
    )
    assert found == {
        ("王川明", "书记", "东岭镇党委"),
        ("潘舟", "副书记", "东岭镇党委"),
        ("潘舟", "镇长", "东岭镇人民政府"),
    }


def test_a_level_written_twice_before_a_places_institution() -> None:
    found = _posts("昨日，贵州省东江县县委副书记、县长张振华一行来访。")
    assert found == {
        ("张振华", "副书记", "贵州省东江县委"),
        ("张振华", "县长", "贵州省东江县人民政府"),
    }, found


def test_a_county_named_only_by_its_stem_resolves_its_elided_bodies() -> None:
    found = _posts("灵寿要闻\n本报讯 9月21日上午，县委常委、副县长张振华出席汇报会。")
    assert found == {("张振华", "常委", "灵寿县委"), ("张振华", "副县长", "灵寿县人民政府")}, found


def test_a_region_a_name_and_its_government_title_is_a_post_of_that_government() -> None:
    found = _posts("座谈会上，东江县周立平县长、东华市陈思远副市长先后发言。")
    assert ("周立平", "县长", "东江县人民政府") in found, found
    assert ("陈思远", "副市长", "东华市人民政府") in found, found


def test_a_taiwan_county_is_read_whole_before_a_government_title() -> None:
    found = _posts("东华盐业董事长一职将由现任嘉义县副县长林晓峰接任。")
    orgs = {org for _, role, org in found if role == "副县长"}
    assert orgs and all(org.startswith("嘉义县") for org in orgs), found


def test_a_bare_chief_executive_is_the_chief_of_the_region_the_copy_names() -> None:
    found = _posts(
        "行政長官會見東華省委書記\n2010-05-03\n"
        "行政長官林曉峰今日在禮賓府會見到訪的東華省委書記陳思遠，並介紹香港的最新發展。"
    )
    assert ("林曉峰", "行政长官", "香港特別行政區") in found  # role keys are simplified


def test_a_visiting_groups_leader_holds_no_standing_post() -> None:
    found = _posts("行政长官林晓峰率访问团抵达东华，访问团团长林晓峰、副团长陈思远出席欢迎宴会。")
    assert not any(role in ("团长", "副团长") for _, role, _ in found)


def test_a_citys_stem_naming_a_village_or_a_road_is_no_mention_of_the_city() -> None:
    text = (
        "东板中山村饮水工程落成\n廉江讯 本月27日，东板镇的中山村的饮水工程建成，中山村群众很高兴。\n"
        "市委常委、常务副市长林晓峰出席了落成仪式。"
    )
    assert dominant_regions(text)["市"] == "廉江市"
    assert ("林晓峰", "常务副市长", "廉江市人民政府") in _posts(text)


def test_a_villages_committee_after_its_party_branchs_title_is_the_villages() -> None:
    found = _posts("东华镇星火村党总支书记、村委会主任林晓峰陪同调研。")
    assert ("林晓峰", "主任", "东华镇星火村村委会") in found, found


def test_a_town_the_gazetteer_lacks_is_where_a_bare_deputy_head_is() -> None:
    text = (
        "区人大常委会副主任陈思远来东华卫镇开展调研\n"
        "10月9日下午，区人大常委会副主任陈思远带队来东华卫镇开展专项调研。东华卫镇星火村党总支书记"
        "周立平陪同调研。副镇长林晓峰参加调研。"
    )
    found = _posts(text)
    assert ("林晓峰", "副镇长", "东华卫镇人民政府") in found, found
    assert not any(p == "陈思远来" for p, _, _ in found)  # the headline's 来 is no part of the name


def test_a_youth_league_committee_is_no_party_committee() -> None:
    x = extract_document(
        Document.from_text("t.txt", "团市委书记林晓峰、共青团东华市委副书记陈思远出席。")
    )
    orgs = {e.label: e.aliases for e in x.entities if e.ref.kind == "org"}
    assert not any("中共" in a or "中国共产党" in a for aliases in orgs.values() for a in aliases)
    assert "中共团风县委" in next(
        e.aliases
        for e in extract_document(Document.from_text("t.txt", "团风县委书记林晓峰出席。")).entities
        if e.label == "团风县委"
    )


def test_a_subdistricts_office_after_its_working_committees_title() -> None:
    found = _posts("东华街道党工委书记、办事处主任林晓峰汇报了工作。")
    assert ("林晓峰", "主任", "东华街道办事处") in found, found


def test_a_dispatch_from_a_county_level_city_is_no_persons_name() -> None:
    text = "饮水工程落成\n吴川讯 本月27日，东板镇的饮水工程建成。\n市委常委、常务副市长林晓峰出席了仪式。"
    x = extract_document(Document.from_text("t.txt", text))
    assert "吴川" not in {e.label for e in x.entities if e.ref.kind == "person"}
    assert ("林晓峰", "常务副市长", "吴川市人民政府") in _posts(text)
