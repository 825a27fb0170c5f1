"""The region an added report is about: recognised or named, and declared with those above it."""

from __future__ import annotations

import re

from ruraldash.draft import places
from ruraldash.draft.add_error import AddError
from ruraldash.draft.places import AdminUnit
from ruraldash.draft.region_guess import RegionGuess, find_unit, guess_region
from ruraldash.language.messages import Message, message
from ruraldash.language.romanise import english_name, romanise
from ruraldash.store.declarations import Catalogue, Region


def _english(unit: AdminUnit) -> str:
    """A unit's English name as regions.yaml writes it: Ningde, Chaoyang District, Fujian."""
    return english_name(unit.name_zh, kind=unit.level == "county")


def _province(unit: AdminUnit) -> AdminUnit:
    chain = [unit, *places.parents(unit)]
    return chain[-1]


def _existing_region(catalogue: Catalogue, unit: AdminUnit) -> Region | None:
    """Return the declared region of a national unit (by its code), if there is one."""
    return next(
        (region for region in catalogue.regions.values() if region.admin_code == unit.admin_code),
        None,
    )


def _region_entry(unit: AdminUnit, region_id: str, parent: str) -> dict[str, str]:
    """A region's declaration: names, level, code and the id of the region above it."""
    entry = {
        "id": region_id,
        "name_zh": unit.name_zh,
        "name_en": _english(unit),
        "level": unit.level,
        "admin_code": unit.admin_code,
    }
    if parent:
        entry["parent"] = parent
    if unit.level != "province":
        province = _province(unit)
        entry["province_zh"] = province.name_zh
        entry["province_en"] = _english(province)
    parents = places.parents(unit)
    if unit.level == "county" and parents and parents[0].level == "prefecture":
        entry["parent_zh"] = parents[0].name_zh
        entry["parent_en"] = _english(parents[0])
    return entry


def region_entries(catalogue: Catalogue, unit: AdminUnit, region_id: str) -> list[dict[str, str]]:
    """The new region's declaration, after those of the units above it not yet declared.

    Every region but a province names its parent region, so a county whose prefecture and
    province are not regions yet brings them along (top down, each under the one above).
    """
    taken = {*catalogue.regions, region_id}
    entries: list[dict[str, str]] = []
    parent = ""
    for each in [*reversed(places.parents(unit)), unit]:
        existing = _existing_region(catalogue, each)
        if existing is not None and each is not unit:
            parent = existing.id
            continue
        each_id = region_id if each is unit else new_region_id(catalogue, each, taken)
        taken.add(each_id)
        entries.append(_region_entry(each, each_id, parent))
        parent = each_id
    return entries


def new_region_id(
    catalogue: Catalogue, unit: AdminUnit, taken: set[str] | frozenset[str] = frozenset()
) -> str:
    """Return an id for a new region: its name in pinyin, with its code if that is taken.

    A province goes by its English name, which tells 陕西 (shaanxi) from 山西 (shanxi) and reads
    内蒙古 as inner_mongolia.
    """
    words = english_name(unit.name_zh) if unit.level == "province" else romanise(unit.short_name)
    words = words.lower().replace("ü", "v").replace(" ", "_")
    base = re.sub(r"[^a-z0-9_]", "", words) or "region"
    used = {*catalogue.regions, *taken}
    return base if base not in used else f"{base}_{unit.admin_code}"


def choose_region(
    catalogue: Catalogue, text: str, asked: str | None
) -> tuple[Region | None, AdminUnit | None, Message]:
    """Return the declared region or the national unit the report is about, and why."""
    if asked:
        named = message("add_region_asked", asked=asked)
        if asked in catalogue.regions:
            return catalogue.regions[asked], None, named
        declared = [r for r in catalogue.regions.values() if asked in (r.name_zh, r.admin_code)]
        if len(declared) == 1:
            return declared[0], None, named
        units = find_unit(asked)
        if len(units) == 1:
            return _existing_region(catalogue, units[0]), units[0], named
        if not units:
            raise AddError(message("add_region_unknown", asked=asked))
        raise AddError(
            message("add_region_ambiguous", asked=asked, count=len(units)),
            tuple(_describe(unit) for unit in units),
        )
    guess: RegionGuess = guess_region(text)
    if guess.unit is None:
        raise AddError(
            message("add_region_unsure", reason=guess.reason),
            tuple(_describe(unit) for unit, _ in guess.candidates),
        )
    return _existing_region(catalogue, guess.unit), guess.unit, guess.reason


def _describe(unit: AdminUnit) -> Message:
    chain = "".join(parent.name_zh for parent in reversed(places.parents(unit)))
    level = message(f"add_level_{unit.level}")  # every level: tests/test_i18n_keys.py
    return message("add_unit", code=unit.admin_code, chain=chain, name=unit.name_zh, level=level)
