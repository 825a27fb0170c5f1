"""Every plotly figure writes its numbers as the tables do: 万/亿 in Chinese, never 2k or 4M."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ruraldash.views.charts import value_axis
from ruraldash.views.unit_charts import unit_bars, unit_spread

SI = re.compile(r"\d[kMG]\b|\d\s?[kMG]$")


def units(values: list[float]) -> pd.DataFrame:
    """Counties reporting values 0 … 40000 people, one row each."""
    return pd.DataFrame(
        {
            "admin_code": [f"3501{n:02d}" for n in range(len(values))],
            "name": [f"县{n}" for n in range(len(values))],
            "value": values,
            "qualifier": ["exact"] * len(values),
            "status": ["actual"] * len(values),
            "basis": ["reported"] * len(values),
            "county_sum": [float("nan")] * len(values),
        }
    )


VALUES = [0.0, 2000.0, 12500.0, 26000.0, 40000.0]


def test_value_axis_writes_wan_in_chinese_and_no_si_suffix() -> None:
    axis = value_axis(40000, "person", "zh")
    assert axis["tickmode"] == "array"
    assert any("万" in label for label in axis["ticktext"])
    assert not any(SI.search(label) for label in axis["ticktext"])


def test_value_axis_writes_grouped_digits_in_english() -> None:
    axis = value_axis(40000, "person", "en")
    assert "40,000" in axis["ticktext"]
    assert not any(SI.search(label) for label in axis["ticktext"])


@pytest.mark.parametrize("chart", [unit_bars, unit_spread])
def test_unit_charts_tick_in_wan_and_hover_as_written(chart) -> None:
    rows = units(VALUES)
    figure = (
        chart(rows, "person", "t", True, "zh")
        if chart is unit_bars
        else chart(rows, "person", "t", "zh")
    )
    axis = figure.layout.xaxis
    assert axis.tickmode == "array"
    assert "万" in "".join(axis.ticktext) and not any(SI.search(text) for text in axis.ticktext)
    hovered = [value for trace in figure.data for value in trace.customdata]
    assert "4万" in hovered and "1.25万" in hovered
    assert all("%{x}" not in trace.hovertemplate for trace in figure.data)


def test_unit_charts_in_english_keep_digits() -> None:
    figure = unit_bars(units(VALUES), "person", "t", True, "en")
    assert "40,000" in figure.layout.xaxis.ticktext
    assert "12,500" in figure.data[0].customdata
