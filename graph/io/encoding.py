"""Charset detection: decode the bytes of a source file into text, or say why it is not text.

Decodes UTF-8 (with or without BOM), UTF-16 (with BOM, or BOM-less LE/BE when the bytes show
it), GB18030/GBK and Big5; other legacy encodings go to charset-normalizer.  Bytes that are not
text raise ``IngestError`` naming the source and the reason.

GBK and Big5 byte strings are often both decodable; the choice is made by how plausible each
decoding is as Chinese text (share of frequent characters of either script), which is reliable
even on a short headline.

>>> decode("上海市总工会".encode("gb18030"), name="a.txt")
('上海市总工会', 'gb18030')
"""

from __future__ import annotations

import codecs
import logging

from charset_normalizer import from_bytes

from graph.errors import IngestError

log = logging.getLogger(__name__)

SAMPLE_BYTES = 64 * 1024
_CJK_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")
_UTF16 = ("utf-16-le", "utf-16-be")
_MIN_PLAUSIBILITY = 0.5
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes, returning ``(text, encoding)``; raise IngestError when it is not text.

    Order: a BOM; valid UTF-8 (unless it is BOM-less UTF-16 in disguise); then the most
    plausible of GB18030, Big5 and BOM-less UTF-16 (see :func:`plausibility`); then
    charset-normalizer for other legacy encodings.  Very short inputs can be ambiguous: the
    GBK bytes of ``0十`` are also valid UTF-8, and UTF-8 wins.

    >>> decode("中文".encode("big5"))
    ('中文', 'big5')
    >>> decode("中国".encode("gbk"))
    ('中国', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "中文".encode())
    ('中文', 'utf-8-sig')
    >>> decode("局长表示".encode("utf-16-be"))
    ('局长表示', 'utf-16-be')
    >>> decode(b"\\x00\\x01\\x02\\xff" * 8, name="x.txt")
    Traceback (most recent call last):
    ...
    graph.errors.IngestError: x.txt: binary content, not text in UTF-8, UTF-16, GB18030/GBK or Big5
    """
    if not data:
        raise IngestError(name, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _strict(data, enc, name), enc
    if b"\x00" not in data[:SAMPLE_BYTES]:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            utf16 = _utf16_instead(data, text)
            if utf16 is not None:
                return _strict(data, utf16, name), utf16
            return _check_text(text, name), "utf-8"
    best, score = _best_candidate(data)
    if best is not None and score >= _MIN_PLAUSIBILITY:
        return _strict(data, best, name), best
    return _fallback(data, name)


def _utf16_instead(data: bytes, text: str) -> str | None:
    """BOM-less UTF-16 that happens to be valid UTF-8: short CJK texts (主主 is b";N;N").

    Ordinary ASCII text (it has whitespace) and plausible UTF-8 text are kept as UTF-8.
    """
    if len(data) % 2:
        return None
    sample = text[:SAMPLE_BYTES]
    as_text = looks_like_text(sample)
    if text.isascii():
        if as_text and any(ch.isspace() for ch in sample):
            return None
    elif as_text and plausibility(sample) >= _MIN_PLAUSIBILITY:
        return None
    best, score = _best_candidate(data, _UTF16)
    return best if score >= (0.9 if as_text else _MIN_PLAUSIBILITY) else None


def _best_candidate(
    data: bytes, candidates: tuple[str, ...] = _CJK_CANDIDATES + _UTF16
) -> tuple[str | None, float]:
    """The most plausible of the CJK and BOM-less UTF-16 decodings of a sample of ``data``."""
    sample = data[:SAMPLE_BYTES]
    final = len(sample) == len(data)
    if len(data) % 2:
        candidates = tuple(c for c in candidates if c not in _UTF16)
    best: str | None = None
    best_score = -1.0
    for enc in candidates:
        try:
            text = codecs.getincrementaldecoder(enc)("strict").decode(sample, final=final)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if enc == "gb18030":
            score -= 0.05 * _outside_gb2312(text)
        log.debug("decode candidate %s: plausibility %.2f", enc, score)
        if score > best_score + 1e-9:
            best, best_score = enc, score
    return best, best_score


def _outside_gb2312(text: str) -> float:
    """Share of the CJK characters of a GB18030 reading that GB2312 lacks (traditional, rare).

    Simplified text rarely needs them, so they break ties in favour of Big5:

    >>> _outside_gb2312("現在"), _outside_gb2312("现在")
    (0.5, 0.0)
    """
    cjk = [ch for ch in text if "\u3400" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    outside = 0
    for ch in cjk:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            outside += 1
    return outside / len(cjk)


def plausibility(text: str) -> float:
    """Share of ``text`` that looks like ordinary (Chinese) prose, from -1 to 1.

    Frequent characters of either script and ASCII text count 1, CJK punctuation 0.5, rarer
    CJK characters 0.1, other letters 0.2, control and private-use characters -1.

    >>> plausibility("局长表示"), plausibility("局長表示")
    (1.0, 1.0)
    >>> plausibility("陔貌扦控儔萇") < 0.5  # GBK bytes read as Big5
    True
    """
    if not text:
        return 0.0
    total = 0.0
    for ch in text:
        total += _char_weight(ch)
    return total / len(text)


def _char_weight(ch: str) -> float:
    o = ord(ch)
    if o < 128:
        return 1.0 if ch.isprintable() or ch in "\t\n\r\f\v" else -1.0
    if ch in _COMMON_HANZI:
        return 1.0
    if 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x2027:
        return 0.5
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return 0.1
    if 0xE000 <= o <= 0xF8FF or o < 0xA0 or o >= 0xFFF0:
        return -1.0
    return 0.2 if ch.isalpha() else 0.0


def _fallback(data: bytes, name: str) -> tuple[str, str]:
    """Non-Chinese legacy encodings (Latin-1, Cyrillic …) via charset-normalizer."""
    guess = from_bytes(data[:SAMPLE_BYTES]).best()
    if guess is not None and guess.encoding:
        try:
            text = data.decode(guess.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and looks_like_text(text) and plausibility(text[:4096]) >= _MIN_PLAUSIBILITY:
            return text, guess.encoding
    raise IngestError(name, "binary content, not text in UTF-8, UTF-16, GB18030/GBK or Big5")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return _check_text(data.decode(encoding), name)
    except UnicodeDecodeError as e:
        raise IngestError(name, f"invalid {encoding} at byte {e.start}") from e


def _check_text(text: str, name: str) -> str:
    if not looks_like_text(text):
        raise IngestError(name, "binary content (control characters), not a text document")
    return text


def looks_like_text(text: str) -> bool:
    if not text:
        return True
    sample = text[: SAMPLE_BYTES * 4]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" not in text and controls / len(sample) < 0.01


# Frequent characters (top 1,500 of jieba's dictionary) and their traditional forms (OpenCC).
_COMMON_HANZI = frozenset(
    "一丁七万丈三上下不与专且世业东丝两严並个中丰临丹为主丽举乃久么义之乌乎乐乘九也习乡书买乱"
    "亂了予争事二于云互五井亚些亞亡交亦产亩享京亮亲人亿什仁仅今介仍从他付仙代令以仪们件价任份"
    "企伊伍伏休众优伙会伟传伤伦伯伴伸似但位低住体佔何余佛作你佳使來例侍供依侧侵便促俄俗保信修"
    "個倍們倒候借倫值倾假偉偏做停健側備储傳傷傾僅像僧價儀億優儲儿元兄充先光克免兒党入內全兩八"
    "公六兰共关兴兵其具典养兼内再冒写军农冠冬冰冲决况冷净准减几凡凤凭出击刀分切刑划列刘则刚创"
    "初判別利别到制刺刻剂則前剑剛剧剩副創劃劇劉劍劑力办功加务动助努劲劳势勁勇勒動務勝勞勢包化"
    "北匯区医區十千升午半华协協单卖南博占卡卫印危即却卷卻厂厅历厉压厚原厲去县参參又及友双反发"
    "叔取受变口古句另只叫召可台史右叶号司叹吃各合吉同名后向吗君否吧吨含听启吳吴吸呀呈告员呢周"
    "味呼命和咱品哈响員哥哪哭唐售唯唱商啊問啓啦善喊喜喝喫單嗎嘆嘉嘴器噸嚴四回因团园困围固国图"
    "圆圈國圍園圓圖團土圣在地场址均坏坐块坚坛坡坦型埃城域執培基堂堅堰報場塊塔塞境墓墙增墨壁壇"
    "壓壞士壮壯声处备复夏外多夜够夠夢夥大天太夫央失头夺奇奉奋奏奔奖套奥奧奪奮女奴奶她好如妇妈"
    "妹妻始姐姑姓委威娘婆婚婦媒媽子孔字存孙孝季学孩孫學宁它宇守安宋完宏宗官定宜宝实审客宣室宪"
    "宫宮害家容宽密富寒察實寧寨審寫寬寶对寺寻导封射将將專尊尋對導小少尔尖尚尤就尸尼尽尾局层居"
    "屆届屋屍展属層屬山岁岗岛岩岭岳岸峡峯峰島峽崇崗嶺嶽巖川州工左巧巨差己已巴币市布师希帝带師"
    "席帮帶常幅幕幣幫干平年并幸幹幾广庄庆床序库应底店庙府废度座庫庭康廟廠廢廣廳延廷建开异弃弄"
    "式引弟张弱張強弹强彈归当录形彩影役彻往征径待很律後徐徑徒得從御復微徵德徹心必忌忍志忘忙忠"
    "快念忽怀态怎怒怕思急性怪总恐恢恨恩息恶患您情惊惡惯想意愛感愿態慢慣慮慶憑憲應懷戏成我或战"
    "截戰戲戶户房所手才扎打托执扩扬批找承技把抓投抗折抢护报抬抱抵抽担拉拍拔招拜拥择括拿持挂指"
    "按挑挥振捕损换据授掉掌排掛採探接控推措提揚換握揮援損搖搜搞搶摆摇摩摸撤播擁擇擊操擔據擴擺"
    "支收改攻放政故效敌敏救敗教敢散敬数整敵數文斗料斤断斯新斷方於施旁旅旋族旗无既日旦旧早时昌"
    "明易星映春昨是显時晉晋晚普景晶智暖暗暴曰曲更書曹曾替最會月有朋服朗望朝期木未末本术朱机杀"
    "杂权李材村杜束条来杨杯東松板极构析林果枪架某染查柱标树校样核根格桂桃案桌桥梁梅條梦械检棄"
    "棉森植楊楚業極楼概榮構槍樂樓標模樣横樹橋機橫檢權次欢欧欲款歌歐歡止正此步武歲歷歸死殊残殖"
    "殘段殺殿毀毁母每毒比毕毛毫民气氣水永求汇汉汗江池汤決汽沉沒沙沟没河油治沿況泉法泛波泥注泪"
    "泰泽洋洗洛洞津洪洲活派流测济浓浪海消涉涓润涨液淚淡淨深混清渐減渡温測港游湖湘湯湾湿源準溝"
    "溫溼滅滑满滿演漢漲漸潛潜潤潮澤激濃濟灣火灭灯灰灵災灾炮炸点烈烏烟烧热無焦然煙照熟熱燈燒營"
    "爆爭爱爲父爷爹爺爾牀牆片版牌牙牛物特犯状狀狐狗独猛献獎獨獲獻率玉王玩环现珍珠班現球理瑞環"
    "瓦甘甚生產用田由甲申电男画界留畝畢略番畫異當疑疗疾病症痛療登發白百的皆皇皮益盐监盖盘盛盟"
    "盡監盤目直相省看真眼着睛睡督瞧知短石矿码研破础硬确確碼磁磨礎礦示礼社祕祖神祥票祭禁福禮离"
    "秀私秋种科秘秦积称移稅程税種稱稳積穩究穷空穿突窗窮立站竞竟章童端競竹笑笔符第筆等筑答策签"
    "简算管箭節範篇築簡籤米类粉粮精糖糧系紀約紅納純紙級紛紝素紡索紧紫累細紹終組結絕絡給統絲經"
    "綜綠維網緊緒線緣編緩練縣縮縱總績繁織繞繼續红约级纪纯纳纵纷纸纺线练组细织终绍经结绕给络绝"
    "统继绩绪续维综绿缓编缘缩缺网罗罢罪置署罵罷羅羊美羣群義習翻老考者而耳职联聖聘聚聞聯聲職聽"
    "肉股肥肯育胆背胜胞胡胸能脈脉脑脚脫脱脸腦腰腳腹腿膽臉臣臨自至致臺與興舉舊舍舞航般舰船艦良"
    "色艺节花苏苗若苦英范茶荆草荊荒荡荣药荷莊莫莲获菜華营萨萬落葉著董蒙蓋蓝蓮蕩薩藍藏藝藥蘇蘭"
    "虎虑處虚虛號虫虽蛋融蟲血衆行術街衛衝衡衣补表袁被袭裁裂装裏補裝襄襲西要見規視親覺覽觀见观"
    "规视览觉角解触觸言訂計訊討訓託記訪設許訴評詞詢試詩話該誉認語誤說誰課調談請論諸諾謀謂講謝"
    "證識警議護譽讀變讓计订认讨让训议讯记讲许论设访证评识诉词试诗话询该语误说请诸诺读课谁调谈"
    "谋谓谢谷豆豐象豪貌貝負財貢貧貨貫責貴買費貼貿資賊賞賣質購賽贊贝负贡财责败货质贫购贯贴贵贸"
    "费贼资赏赛赞走赵赶起超越趕趙趣足跃跑距跟跡路跳躍身車軍軟較載輕輩輪輯輸轄轉车转轮软轻载较"
    "辈辑输辖辛辞辦辭農边辽达迁迅过迎运近还这进远连迫述迷迹追退送适逃选透逐递途這通速造連進遇"
    "遊運遍過道達遗遞遠適遭遷選遺遼避還邊那邦郎郑郡部郭都鄂鄉鄭配酒酸醒醫采释釋里重野量金針銀"
    "銅銷鋒鋪鋼錄錛錢錯鍵鍾鎮鏡鐵针钟钢钱铁铜银铺销锋错锛键镇镜長长門閃閉開閒間閣閱闖關门闪闭"
    "问闯闲间闹闻阁阅队防阳阴阵阶阻阿附际陆陈降限院陣除险陰陳陵陷陸陽隆隊階随隐隔際障隨險隱隶"
    "隸难雄雅集雕雖雙雜雞離難雨雪雲零雷電需震露靈青静靜非靠面革韋韓韦韩音響頁頂項順須預頓領頭"
    "頻題額願類顧顯页顶项顺须顾顿预领频题额風风飛飞食飯飲養餘館饭饮馆首香馬駐騎驗驚马驻骂验骑"
    "骨體高鬥鬧鬼魏魚魯鮮鱼鲁鲜鳥鳳鴻鸟鸡鸿鹽鹿麗麥麦麻麼黃黄黎黑默點黨鼓齊齐齡龄龍龙"
)
