"""The one romaniser of place names: 朝阳区 -> Chaoyang District, 陕西省 -> Shaanxi, 六安 -> Lu'an.

Every English place name the package writes comes from here: the national list's `name_en`,
the regions `ruraldash add` declares, and the places a figure's scope names. Pinyin is
pypinyin's, corrected where a place keeps an old reading (乐亭 Laoting, 长治 Changzhi), written
without tones, with an apostrophe before a syllable that starts with a, o or e (Xi'an), and
followed by the kind of place (区 District, 县 County …) where the context wants it.
"""

from __future__ import annotations

import re

# The provinces' English names as used in English: pinyin alone would give Shanxi for both 山西
# and 陕西 (Shaanxi), and Neimenggu, Xianggang, Aomen for the ones below. 西藏 is Xizang, as in
# the State Council's English documents since 2023.
PROVINCES_EN = {
    "北京市": "Beijing", "天津市": "Tianjin", "河北省": "Hebei", "山西省": "Shanxi",
    "内蒙古自治区": "Inner Mongolia", "辽宁省": "Liaoning", "吉林省": "Jilin",
    "黑龙江省": "Heilongjiang", "上海市": "Shanghai", "江苏省": "Jiangsu", "浙江省": "Zhejiang",
    "安徽省": "Anhui", "福建省": "Fujian", "江西省": "Jiangxi", "山东省": "Shandong",
    "河南省": "Henan", "湖北省": "Hubei", "湖南省": "Hunan", "广东省": "Guangdong",
    "广西壮族自治区": "Guangxi", "海南省": "Hainan", "重庆市": "Chongqing", "四川省": "Sichuan",
    "贵州省": "Guizhou", "云南省": "Yunnan", "西藏自治区": "Xizang", "陕西省": "Shaanxi",
    "甘肃省": "Gansu", "青海省": "Qinghai", "宁夏回族自治区": "Ningxia",
    "新疆维吾尔自治区": "Xinjiang", "台湾省": "Taiwan", "香港特别行政区": "Hong Kong",
    "澳门特别行政区": "Macao",
}  # fmt: skip

# Place names whose reading differs from pypinyin's everyday one (or that pin a reading it
# happens to get right, so a new pypinyin cannot change them). Matched inside a name, longest first.
PLACE_READINGS = {
    "朝阳": "chao yang", "长沙": "chang sha", "长治": "chang zhi", "长子": "zhang zi",
    "重庆": "chong qing", "厦门": "xia men", "蚌埠": "beng bu", "六安": "lu an",
    "六合": "lu he", "乐亭": "lao ting", "乐清": "yue qing", "洪洞": "hong tong",
    "单县": "shan xian", "浚县": "xun xian", "筠连": "jun lian", "覃塘": "qin tang",
    "荥经": "ying jing", "万柏林": "wan bai lin", "涡阳": "guo yang", "番禺": "pan yu",
    "铅山": "yan shan", "蔚县": "yu xian", "莘县": "shen xian", "歙县": "she xian",
    "大埔": "da bu", "枞阳": "zong yang", "黄陂": "huang pi", "犍为": "qian wei",
    "盱眙": "xu yi", "句容": "ju rong", "尉犁": "yu li", "亳州": "bo zhou", "台州": "tai zhou",
    "东阿": "dong e",
}  # fmt: skip
# Characters that read one way in place names whatever pypinyin's phrase guess (长泰 Changtai,
# 都匀 Duyun, 库尔勒 Kuerle, 塔什库尔干 Tashikuergan); PLACE_READINGS wins (长子 Zhangzi).
CHARACTER_READINGS = {
    "长": "chang", "都": "du", "朝": "chao", "重": "chong", "勒": "le", "什": "shi",
}  # fmt: skip

# The peoples named in autonomous units' names, dropped with the suffix: 长阳土家族自治县 -> 长阳.
PEOPLES = (
    "苗|侗|布依|土家|彝|藏|羌|回|壮|瑶|哈尼|傣|白|傈僳|景颇|纳西|蒙古|朝鲜|满|黎|畲|水|仡佬|仫佬"
    "|毛南|京|达斡尔|鄂温克|鄂伦春|哈萨克|柯尔克孜|塔吉克|锡伯|撒拉|土|东乡|保安|裕固|怒|独龙|普米"
    "|拉祜|佤|基诺|阿昌|德昂|布朗|门巴|珞巴|各"
)
# The kinds of place, their English and the fewest characters the name before them must keep
# (万柏林区 is 万柏林 + 区, not 万柏 + 林区). Tried in this order: the longest suffix first.
PLACE_KINDS: tuple[tuple[str, str, int], ...] = (
    ("特别行政区", "Special Administrative Region", 2),
    ("自治区", "Autonomous Region", 2),
    ("自治州", "Autonomous Prefecture", 2),
    ("自治县", "Autonomous County", 2),
    ("自治旗", "Autonomous Banner", 2),
    ("行政委员会", "Administrative Committee", 2),
    ("街道", "Subdistrict", 2),
    ("地区", "Prefecture", 2),
    ("新区", "New Area", 2),
    ("林区", "Forestry District", 3),
    ("特区", "Special District", 2),
    ("省", "Province", 1),
    ("市", "City", 1),
    ("州", "Prefecture", 1),
    ("盟", "League", 1),
    ("县", "County", 1),
    ("区", "District", 1),
    ("旗", "Banner", 1),
    ("镇", "Town", 1),
    ("乡", "Township", 1),
    ("村", "Village", 1),
    ("岛", "Island", 1),
)
_PEOPLES_BEFORE = re.compile(rf"(?:(?:{PEOPLES})族)*(?:{PEOPLES})族?$")
_SYLLABLE_NEEDS_MARK = re.compile(r"^[aoe]")


def split_kind(name: str) -> tuple[str, str]:
    """Return (stem, English kind) of a place name: 朝阳区 -> (朝阳, District); (name, "") if none.

    The peoples before 自治县 and the like are dropped with it (长阳土家族自治县 -> 长阳). A
    stem of one character keeps its suffix, as in use: 和县 -> (和县, County), Hexian County.
    """
    for suffix, english, shortest in PLACE_KINDS:
        if not name.endswith(suffix):
            continue
        stem = name[: -len(suffix)]
        if suffix.startswith("自治"):
            stem = _PEOPLES_BEFORE.sub("", stem) or stem.removesuffix("族")
        if len(stem) >= max(shortest, 2):
            return stem, english
        if len(stem) >= shortest:
            return name, english
    return name, ""


def syllables(name: str) -> list[str]:
    """Return the toneless pinyin of each character of a place name, place readings applied."""
    from pypinyin import lazy_pinyin  # a 0.3 s dictionary: loaded when a place is romanised

    read = lazy_pinyin(name, v_to_u=True)
    if len(read) != len(name):  # a non-Han run (a digit, a dot) reads as one item
        read = [lazy_pinyin(char, v_to_u=True)[0] for char in name]
    read = [
        CHARACTER_READINGS.get(char, syllable) for char, syllable in zip(name, read, strict=True)
    ]
    taken = [False] * len(name)
    for place in sorted(PLACE_READINGS, key=len, reverse=True):
        for match in re.finditer(re.escape(place), name):
            span = range(match.start(), match.end())
            if not any(taken[i] for i in span):
                read[match.start() : match.end()] = PLACE_READINGS[place].split()
                for i in span:
                    taken[i] = True
    return read


def romanise(name: str) -> str:
    """Return a name in pinyin as written in English: 朝阳 -> Chaoyang, 六安 -> Lu'an."""
    read = syllables(name)
    joined = "".join(
        ("'" if n and _SYLLABLE_NEEDS_MARK.match(syllable) else "") + syllable
        for n, syllable in enumerate(read)
    )
    return joined[:1].upper() + joined[1:]


def english_name(name: str, kind: bool = False) -> str:
    """Return the English name of a place: a province's as used (陕西省 -> Shaanxi), another's in
    pinyin without its kind (朝阳区 -> Chaoyang) or, with `kind`, with it (Chaoyang District)."""
    if name in PROVINCES_EN:
        return PROVINCES_EN[name]
    stem, english_kind = split_kind(name)
    if kind and english_kind:
        return f"{romanise(stem)} {english_kind}"
    return romanise(stem)
