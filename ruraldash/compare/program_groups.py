"""Program types × regions when the regions are too many for a column each: one column per
region of a level above (prefectures, else provinces), each cell how many of its regions with
a report name a program of that kind, of how many have a report."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ruraldash.compare.figures import localised
from ruraldash.store.hierarchy import LEVELS

MATRIX_COLUMNS = 40  # more regions with reports than this: they are grouped


def grouping(groups: pd.DataFrame, max_columns: int = MATRIX_COLUMNS) -> str | None:
    """Return the finest level that groups the reported regions into at most `max_columns`
    columns, or None when every region fits a column of its own.

    `groups` is region_groups.sql: each reported region with itself and each region above it.
    """
    regions = groups["region_id"].nunique()
    if regions <= max_columns:
        return None
    for level in reversed(LEVELS):
        columns = group_of(groups, level).nunique()
        if columns < regions and columns <= max_columns:
            return level
    return LEVELS[0]


def group_of(groups: pd.DataFrame, level: str) -> pd.Series:
    """Return each reported region's group at `level`: the region at that level it lies in (or
    is), else itself (it lies above that level, or its hierarchy skips it)."""
    regions = pd.Index(groups["region_id"].drop_duplicates(), name="region_id")
    at_level = groups[groups["group_level"] == level].drop_duplicates("region_id")
    found = at_level.set_index("region_id")["group_id"].reindex(regions)
    return found.fillna(pd.Series(regions, index=regions))


@dataclass(frozen=True)
class GroupedMatrix:
    """Program types × groups: regions naming a kind, regions with a report, and their names."""

    named: pd.DataFrame  # types × groups: how many of the group's regions name a program of it
    reported: pd.Series  # group -> how many of its regions have a report
    names: pd.DataFrame  # types × groups: the regions that name one ("" where none)
    group_names: pd.Series  # group -> its name in the reader's language
    group_codes: pd.Series  # group -> its admin code


def grouped_matrix(
    programs: pd.DataFrame,
    groups: pd.DataFrame,
    types: pd.DataFrame,
    level: str,
    lang: str,
    listed: int = 5,
) -> GroupedMatrix:
    """Return program types × the groups at `level` of the regions with a report.

    A region counts once per kind however many programs of it it runs; `names` lists the first
    `listed` such regions of a cell. Only groups with a report are columns.
    """
    owner = group_of(groups, level)
    ordered = groups.drop_duplicates("group_id").set_index("group_id")
    owners = set(owner)
    columns = [group for group in ordered.index if group in owners]
    found = ordered.loc[columns]
    # Two groups may share a name (朝阳区 of Beijing and of Changchun are both Chaoyang): a
    # repeated name has its code.
    names = pd.Series(list(localised(found, "group", lang)), index=columns)
    repeated = names.duplicated(keep=False)
    names[repeated] = names[repeated] + " " + found.loc[repeated, "group_code"].astype(str)
    reported = owner.value_counts().reindex(columns).astype(int)
    regions = programs.drop_duplicates(["program_type", "region_id"])[
        ["program_type", "region_id", "region_zh", "region_en"]
    ]
    regions = regions[regions["region_id"].isin(owner.index)]
    regions = regions.assign(group=regions["region_id"].map(owner))
    regions = regions.assign(name=list(localised(regions, "region", lang)))
    cells = regions.groupby(["program_type", "group"])
    order = {"index": types["program_type"], "columns": columns}
    named = cells.size().unstack("group").reindex(**order).fillna(0).astype(int)
    shown = cells["name"].agg(lambda found: list(found)[:listed]).unstack("group")
    shown = shown.reindex(**order)
    codes = found["group_code"].fillna("").astype(str)
    return GroupedMatrix(named, reported, shown, names, codes)
