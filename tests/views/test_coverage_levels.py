"""National coverage reads "n / N units reporting" per province and level, zeros as 0 / N."""

from __future__ import annotations

import pandas as pd

from ruraldash.views.coverage_levels import reporting_by_level

# Two provinces: Fujian with one reporting prefecture and one of its two counties reporting,
# Hunan with nothing reported anywhere (it must read 0 / N, not vanish).
BELOW = pd.DataFrame(
    {
        "admin_code": ["350000", "350900", "350902", "350921", "430000", "430500", "430528"],
        "parent_code": ["", "350000", "350900", "350900", "", "430000", "430500"],
        "level": ["province", "prefecture", "county", "county", "province", "prefecture", "county"],
        "figure_count": [0, 12, 0, 3, 0, 0, 0],
    }
)


def test_provinces_count_reporting_units_per_level_in_code_order() -> None:
    counts = reporting_by_level(BELOW, "")
    assert list(counts.index) == ["350000", "430000"]
    assert list(dict.fromkeys(counts.columns.get_level_values(0))) == [
        "province",
        "prefecture",
        "county",
    ]
    assert counts.loc["350000", ("county", "reporting")] == 1
    assert counts.loc["350000", ("county", "total")] == 2
    assert counts.loc["350000", ("prefecture", "reporting")] == 1
    assert counts.loc["430000"].tolist() == [0, 1, 0, 1, 0, 1]


def test_drilling_down_counts_below_the_chosen_place_only() -> None:
    counts = reporting_by_level(BELOW, "350000")
    assert list(counts.index) == ["350900"]
    assert counts.loc["350900", ("county", "reporting")] == 1
    assert counts.loc["350900", ("county", "total")] == 2
