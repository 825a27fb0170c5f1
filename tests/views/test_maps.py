"""The map as pure functions: units matched to figures, grey when missing, one status a map."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from ruraldash.compare import like_for_like
from ruraldash.views.maps import choropleth
from ruraldash.views.maps import places as map_places
from ruraldash.views.pages import map as map_page

# One province, three prefectures under it and a county under the first prefecture.
UNITS = pd.DataFrame(
    [
        ("100000", "甲省", "province", "", "100000"),
        ("100100", "乙市", "prefecture", "100000", "100000"),
        ("100200", "丙市", "prefecture", "100000", "100000"),
        ("100300", "丁市", "prefecture", "100000", "100000"),
        ("100101", "戊县", "county", "100100", "100000"),
    ],
    columns=["code", "name_zh", "level", "parent", "province"],
)
REGIONS = pd.DataFrame(
    {
        "region_id": ["yi", "bing", "wu"],
        "admin_code": ["100100", "100200", "100101"],
    }
)


def square(x: float) -> dict:
    ring = np.asarray([[x, 30.0], [x + 1, 30.0], [x + 1, 31.0], [x, 31.0], [x, 30.0]])
    return {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]}}


SHAPES = {
    "prefecture": {code: square(n) for n, code in enumerate(["100100", "100200", "100300"])},
    "county": {"100101": square(0.2)},
}
BOXES = {
    level: {
        code: (f["geometry"]["coordinates"][0][0][0][0], 0, 30.0, 31.0) for code, f in s.items()
    }
    for level, s in SHAPES.items()
}


def figure_row(region: str, level: str, value: float, **extra: object) -> dict:
    """One figure as the figures query returns it (the columns the map reads)."""
    row = {
        "figure_id": f"{region}-{value}",
        "region_id": region,
        "region_zh": region,
        "region_en": region,
        "region_level": level,
        "label": "新建党组织",
        "value": value,
        "unit": "count",
        "unit_zh": "个",
        "unit_en": "count",
        "qualifier": "exact",
        "qualifier_zh": "确数",
        "qualifier_en": "exact",
        "status": "actual",
        "status_zh": "实际",
        "status_en": "actual",
        "period_text": "2020年",
        "period_start": None,
        "period_end": None,
        "scope": None,
        "quote": "建立党组织",
        "source_title_zh": "报告",
        "source_title_en": "report",
        "source_date": "2021",
        "source_date_basis": "inferred",
        "source_file": "x.txt",
    }
    return {**row, **extra}


def drawn_for(figures: list[dict], level: str = "prefecture") -> tuple:
    return choropleth.map_rows(UNITS, pd.DataFrame(figures), REGIONS, "100000", level)


def build(figures: list[dict], status: str = "actual", lang: str = "zh") -> go.Figure:
    drawn, rows, _ = drawn_for(figures)
    return choropleth.map_figure(
        drawn,
        choropleth.hover_texts(drawn, rows, lang),
        SHAPES,
        BOXES,
        None,
        status,
        "count",
        "新建党组织",
        "示意图，不作为行政区划或国界依据",
        lang,
    )


def traces(figure: go.Figure, name: str) -> list:
    return [trace for trace in figure.data if trace.name == name]


def test_a_unit_without_a_figure_is_grey_and_never_on_the_value_scale() -> None:
    figure = build([figure_row("yi", "prefecture", 800, qualifier="more_than")])
    (grey,) = traces(figure, "无数据")
    assert sorted(grey.locations) == ["100200", "100300"]
    assert grey.showlegend and {c for _, c in grey.colorscale} == {choropleth.NO_FIGURE_GREY}
    assert all("无数据" in text for text in grey.text)
    (valued,) = [trace for trace in figure.data if trace.coloraxis == "coloraxis"]
    assert list(valued.locations) == ["100100"] and list(valued.z) == [800]
    assert "800多" in valued.text[0], "the value as written, with its qualifier"
    assert not any(trace.type == "scattermap" for trace in figure.data), "no national lines"
    assert figure.layout.map.style == "white-bg"
    assert "示意图" in figure.layout.annotations[0].text


def test_a_zero_is_a_figure_and_missing_is_not_zero() -> None:
    figure = build([figure_row("yi", "prefecture", 0), figure_row("bing", "prefecture", 5)])
    (valued,) = [trace for trace in figure.data if trace.coloraxis == "coloraxis"]
    assert dict(zip(valued.locations, valued.z, strict=True)) == {"100100": 0, "100200": 5}
    assert list(traces(figure, "无数据")[0].locations) == ["100300"]


def test_several_figures_or_a_narrower_scope_are_told_to_see_the_table() -> None:
    figure = build(
        [
            figure_row("yi", "prefecture", 3),
            figure_row("yi", "prefecture", 4, label="另一种党组织"),
            figure_row("bing", "prefecture", 9, scope="某村"),
        ]
    )
    (toned,) = traces(figure, "多个或局部数字，见表")
    assert sorted(toned.locations) == ["100100", "100200"]
    assert not [trace for trace in figure.data if trace.coloraxis == "coloraxis"]


def test_a_finer_region_is_drawn_over_its_unit_and_the_table_lists_every_unit() -> None:
    drawn, rows, not_drawn = drawn_for([figure_row("wu", "county", 32)])
    assert drawn.set_index("code")["drawn"].to_dict() == {
        "100100": "base",
        "100200": "base",
        "100300": "base",
        "100101": "finer",
    }
    assert not_drawn == []
    table = choropleth.map_table(rows, "zh")
    assert list(table["行政单位"]) == ["戊县", "乙市", "丙市", "丁市"], "figures first"
    assert list(table["数值"]) == ["32", "无数据", "无数据", "无数据"]
    _, _, not_drawn = drawn_for([figure_row("yi", "prefecture", 1)], level="county")
    assert not_drawn == ["yi"]


def test_many_finer_regions_are_not_drawn_over_a_map_of_coarser_units(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(choropleth, "MAX_FINER", 0)
    drawn, _, not_drawn = drawn_for([figure_row("wu", "county", 32)])
    assert set(drawn["drawn"]) == {"base"} and not_drawn == ["wu"]


def test_plan_and_actual_maps_use_different_scales() -> None:
    actual = build([figure_row("yi", "prefecture", 1)], "actual")
    plan = build([figure_row("yi", "prefecture", 1, status="plan")], "plan")
    scale = [colour for _, colour in actual.layout.coloraxis.colorscale]
    assert scale and not set(scale) & {c for _, c in plan.layout.coloraxis.colorscale}


def test_curated_text_is_escaped_in_the_hover() -> None:
    figure = build([figure_row("yi", "prefecture", 1, label="<b>x</b> & y")])
    (valued,) = [trace for trace in figure.data if trace.coloraxis == "coloraxis"]
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in valued.text[0]


def test_places_and_levels_follow_the_hierarchy() -> None:
    assert list(map_places.place_choices(UNITS, "zh")) == [
        "china",
        "100000",
        "100100",
        "100200",
        "100300",
    ]
    assert list(map_places.level_choices(UNITS, "100000", "en")) == ["prefecture", "county"]
    assert map_places.default_level(UNITS, "china") == "prefecture"
    assert map_places.default_level(UNITS, "100100") == "county"
    assert list(map_places.units_under(UNITS, "100100", "county")["code"]) == ["100101"]
    with pytest.raises(ValueError, match="999999"):
        map_places.place_level(UNITS, "999999")


# --- on the shipped data (invariants only) ---------------------------------------------------


def test_the_national_view_fills_reported_regions_and_draws_the_whole_country(shipped_con) -> None:
    view = map_page.map_view(
        shipped_con, "zh", "party_organisations_set_up", "actual", "china", "prefecture"
    )
    names = {trace.name for trace in view.figure.data}
    assert {"九段线", "未定国界", "无数据"} <= names
    grey = traces(view.figure, "无数据")[0]
    assert {"710000", "810000", "820000", "460300"} <= set(grey.locations), (
        "Taiwan, HK, Macau, Sansha"
    )
    coded = set(
        pd.Series(
            [
                loc
                for trace in view.figure.data
                if trace.type == "choroplethmap"
                for loc in trace.locations
            ]
        )
    )
    assert len(coded) == 375 + 1, (
        "every prefecture-level unit once, and Xinning drawn over Shaoyang"
    )
    targets = {code: page for code, (page, _) in view.targets.items()}
    assert targets["350900"] == map_page.PROFILE_PAGE and targets["130100"] is None
    assert "示意图，不作为行政区划或国界依据" in view.caption


def test_an_actual_map_shows_no_plan_figure(shipped_con) -> None:
    for status in ("actual", "plan"):
        view = map_page.map_view(shipped_con, "en", "trainees", status, "china", "prefecture")
        shown = view.table.shown
        statuses = set(shown.loc[shown["Value"] != "no figure", "Status"])
        assert statuses == {"actual" if status == "actual" else "plan or target"}
        assert any("own map" in note for note in view.notes)
        assert "A schematic map, not an authority" in view.caption


def test_a_year_colours_only_that_year_s_like_for_like_figures() -> None:
    def year(region: str, value: float, when: int) -> dict:
        return figure_row(
            region,
            "prefecture",
            value,
            period_text=f"{when}年",
            period_start=f"{when}-01-01",
            period_end=f"{when}-12-31",
        )

    figures = pd.DataFrame([year("yi", 1, 2020), year("yi", 2, 2021), year("bing", 3, 2021)])
    in_2021 = like_for_like.period_key("in_period", "2021-01-01", "2021-12-31")
    chosen, line = map_page._in_period(figures, in_2021, "actual", "zh")
    assert sorted(chosen["value"]) == [2, 3]  # yi's 2020 figure is not on a 2021 scale
    assert "1" in line  # and it is counted, not dropped silently
    every, _ = map_page._in_period(figures, map_page.ALL_PERIODS, "actual", "zh")
    assert sorted(every["value"]) == [1, 2, 3]
    drawn, _, _ = choropleth.map_rows(UNITS, chosen, REGIONS, "100000", "prefecture")
    assert drawn.set_index("code")["state"].to_dict() == {
        "100100": "value",
        "100200": "value",
        "100300": "none",
    }
