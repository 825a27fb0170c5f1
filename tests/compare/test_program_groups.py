"""Which level the program matrix groups regions by, and what a grouped cell counts."""

from __future__ import annotations

import pandas as pd

from ruraldash.compare.program_groups import grouped_matrix, grouping


def pairs(counties: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Build region_groups.sql's rows: {county: (prefecture, province)} paired with each."""
    rows = []
    for county, (prefecture, province) in counties.items():
        for group, level in (
            (county, "county"),
            (prefecture, "prefecture"),
            (province, "province"),
        ):
            rows.append((county, group, level, group, f"{group}中", group))
    return pd.DataFrame(
        rows, columns=["region_id", "group_id", "group_level", "group_code", "group_zh", "group_en"]
    )


def test_a_few_regions_keep_a_column_each() -> None:
    assert grouping(pairs({f"c{n}": ("p1", "s1") for n in range(40)})) is None


def test_many_regions_in_a_few_prefectures_are_grouped_by_prefecture() -> None:
    counties = {f"c{n}": (f"p{n % 5}", "s1") for n in range(50)}
    assert grouping(pairs(counties)) == "prefecture"


def test_many_regions_in_many_prefectures_are_grouped_by_province() -> None:
    counties = {f"c{n}": (f"p{n}", f"s{n % 10}") for n in range(50)}
    assert grouping(pairs(counties)) == "province"


def test_a_region_above_the_level_keeps_its_own_column() -> None:
    groups = pairs({f"c{n}": (f"p{n % 5}", "s1") for n in range(50)})
    province = pd.DataFrame(
        [("s2", "s2", "province", "s2", "乙省", "s2")], columns=list(groups.columns)
    )
    groups = pd.concat([groups, province], ignore_index=True)
    assert grouping(groups) == "prefecture"
    types = pd.DataFrame(
        {"program_type": ["mentoring", "funding"], "program_type_zh": ["甲", "乙"]}
    )
    programs = pd.DataFrame(
        {
            # c0 runs two mentoring programs (counted once), c5 one; s2 a fund.
            "program_type": ["mentoring", "mentoring", "mentoring", "funding"],
            "region_id": ["c0", "c0", "c5", "s2"],
            "region_zh": ["c0", "c0", "c5", "s2"],
            "region_en": ["c0", "c0", "c5", "s2"],
        }
    )
    matrix = grouped_matrix(programs, groups, types, "prefecture", "zh")
    assert list(matrix.group_names.index) == ["p0", "p1", "p2", "p3", "p4", "s2"]
    assert list(matrix.reported) == [10, 10, 10, 10, 10, 1]
    assert matrix.named.loc["mentoring", "p0"] == 2  # c0 and c5, each once
    assert matrix.names.loc["mentoring", "p0"] == ["c0", "c5"]
    assert matrix.named.loc["funding", "s2"] == 1
    assert matrix.named.loc["funding", "p0"] == 0
