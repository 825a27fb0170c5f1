"""The national list of units (province, prefecture, county) for the place picker; their names."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ruraldash.language.i18n import localised_column, t
from ruraldash.store.db import run_query

NATION = ""


@dataclass(frozen=True)
class Places:
    """The national list for the place picker: names, children, and what to search."""

    names_zh: dict[str, str]
    names_en: dict[str, str]
    level: dict[str, str]
    parent: dict[str, str]
    children: dict[str, tuple[str, ...]]

    def name(self, code: str, lang: str) -> str:
        """Return a unit's name in `lang` (the nation for '')."""
        if code == NATION:
            return t("nation", lang)
        names = getattr(self, localised_column("names", lang))
        return names.get(code) or self.names_zh.get(code, code)

    def chain(self, code: str) -> list[str]:
        """Return the codes from the province down to `code` ([] for the nation or unknown)."""
        chain = []
        while code and code in self.level:
            chain.insert(0, code)
            code = self.parent[code]
        return chain

    def chain_name(self, code: str, lang: str) -> str:
        """Return a unit's name and its parents' up to the province (渭源县 · 定西市 · 甘肃省),
        the nation's name for ''."""
        codes = self.chain(code)[::-1] or [code]
        return " · ".join(self.name(unit, lang) for unit in codes)

    def search(self, text: str, limit: int = 30) -> list[str]:
        """Return codes whose Chinese name, English name or code contains `text`."""
        needle = text.strip().lower()
        if not needle:
            return []
        found = [
            code
            for code, name in self.names_zh.items()
            if needle in name or needle in self.names_en[code].lower() or code.startswith(needle)
        ]
        return found[:limit]


def places(con: duckdb.DuckDBPyConnection) -> Places:
    """Return the national list of units for the picker."""
    units = run_query(con, "units_below", code=NATION)
    children: dict[str, list[str]] = {}
    for code, parent in zip(units["admin_code"], units["parent_code"], strict=True):
        children.setdefault(parent, []).append(code)
    return Places(
        dict(zip(units["admin_code"], units["name_zh"], strict=True)),
        dict(zip(units["admin_code"], units["name_en"].fillna(""), strict=True)),
        dict(zip(units["admin_code"], units["level"], strict=True)),
        dict(zip(units["admin_code"], units["parent_code"], strict=True)),
        {code: tuple(codes) for code, codes in children.items()},
    )


def unit_names(rows: pd.DataFrame, lang: str) -> pd.Series:
    """Name each unit as the national list does, in Chinese where it has no English name."""
    names = rows[localised_column("name", lang)]
    return names.where(names.fillna("") != "", rows["name_zh"])
