"""Places on the map: the country, provinces and prefectures, the levels under each, their units.

Pure functions of the units table (store/boundaries.boundary_units: code, name_zh, level,
parent, province); a municipality (北京市) is a province and its own prefecture-level unit.
"""

from __future__ import annotations

import pandas as pd

from ruraldash.language.i18n import t

COUNTRY = "china"
LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}


def _municipal(units: pd.DataFrame) -> set[str]:
    """Return the prefecture-level codes that are their province too (北京市, 香港, 台湾省)."""
    provinces = set(units.loc[units["level"] == "province", "code"])
    prefectures = units[units["level"] == "prefecture"]
    return set(prefectures.loc[prefectures["code"].isin(provinces), "code"])


def place_choices(units: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return the places one can look under: the country, each province, each prefecture."""
    provinces = units[units["level"] == "province"]
    names = dict(zip(provinces["code"], provinces["name_zh"], strict=True))
    choices = {COUNTRY: t("map_country", lang), **names}
    skip = _municipal(units)
    prefectures = units[(units["level"] == "prefecture") & ~units["code"].isin(skip)]
    for code, name, parent in zip(
        prefectures["code"], prefectures["name_zh"], prefectures["parent"], strict=True
    ):
        choices[code] = f"{names.get(parent, '')} · {name}"
    return choices


def place_level(units: pd.DataFrame, place: str) -> str | None:
    """Return the level of a place (None for the country); provinces win a shared code."""
    if place == COUNTRY:
        return None
    levels = units.loc[units["code"] == place, "level"]
    if levels.empty:
        raise ValueError(f"no unit has the code {place!r}")
    return min(levels, key=LEVEL_ORDER.__getitem__)


def level_choices(units: pd.DataFrame, place: str, lang: str) -> dict[str, str]:
    """Return the levels of units one can draw under a place, as {level: name}."""
    above = place_level(units, place)
    start = 0 if above is None else LEVEL_ORDER[above] + 1
    return {
        level: t(f"map_level_{level}", lang)
        for level, order in LEVEL_ORDER.items()
        if order >= start
    }


def default_level(units: pd.DataFrame, place: str) -> str:
    """Return the level to start from: prefectures nationally, else one level down.

    A municipality's only prefecture-level unit is itself, so it starts from its counties.
    """
    above = place_level(units, place)
    if above is None:
        return "prefecture"
    if above == "province" and place not in _municipal(units):
        return "prefecture"
    return "county"


def within(units: pd.DataFrame, place: str) -> pd.Series:
    """Return, per unit, whether it lies in the place (the place itself included)."""
    above = place_level(units, place)
    if above is None:
        return pd.Series(True, index=units.index)
    if above == "province":
        return units["province"] == place
    return (units["code"] == place) & (units["level"] == "prefecture") | (
        (units["parent"] == place) & (units["level"] == "county")
    )


def units_under(units: pd.DataFrame, place: str, level: str) -> pd.DataFrame:
    """Return the units of `level` in the place, in the boundary source's order."""
    chosen = units[(units["level"] == level) & within(units, place)]
    return chosen.reset_index(drop=True)


def next_level(level: str) -> str | None:
    """Return the level below `level`, or None below counties."""
    order = LEVEL_ORDER[level] + 1
    return next((name for name, n in LEVEL_ORDER.items() if n == order), None)
