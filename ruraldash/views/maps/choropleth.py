"""The map: units under a place, matched to figures by admin code, drawn as a pure go.Figure.

A unit is filled by value only when it has exactly one figure of the chosen status for the
whole unit; a unit with several figures (or only figures about a narrower place) is drawn in
its own neutral tone, "see the table"; a unit without a figure is grey, "no figure", never
a value of 0. One map shows one status, so plan and actual never share a colour scale.

Over 300 lines as one job: one figure (the choropleth) and the matching it needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare.figures import localised
from ruraldash.compare.parts import without_parts
from ruraldash.language.formatting import axis_ticks, format_period, format_value, is_missing
from ruraldash.language.i18n import localised_column, t
from ruraldash.views.charts import FONT
from ruraldash.views.maps.places import LEVEL_ORDER, units_under, within
from ruraldash.views.plain import hover_text
from ruraldash.views.tables import figure_table

NO_FIGURE_GREY = "#D3D6DB"
SEE_TABLE_TONE = "#EFE3C2"  # a pale sand: neither grey (missing) nor on any value scale
BORDER = "#FFFFFF"
LINE_COLOUR = "#5B6470"
# One sequential scale per status, so a plan map never reads as an actual one.
SCALES = {
    "actual": [[0.0, "#DCE9F5"], [0.5, "#6A9FCB"], [1.0, "#173F66"]],
    "plan": [[0.0, "#FBE7C6"], [0.5, "#E3A33B"], [1.0, "#8A4B08"]],
}
HEIGHT = 640
ASSUMED_WIDTH = 1000  # the map's width in pixels is the page's; zoom is fitted to about this
HOVER_FIGURES = 4  # figures listed in a unit's hover; the table has them all
MAX_FINER = 30  # finer units drawn over a map of coarser ones; past this, choose their level
MAP_COLUMNS = (
    "label",
    "value_text",
    "value",
    "qualifier",
    "unit",
    "period",
    "scope",
    "status",
    "quote",
    "source",
    "figure_id",
)


# --- units matched to figures ---------------------------------------------------------------


def map_rows(
    units: pd.DataFrame, figures: pd.DataFrame, regions: pd.DataFrame, place: str, level: str
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Return (the units drawn, one row per figure or missing unit, regions not drawn).

    `figures` are one metric's figures of one status; `regions` the regions query (with
    admin_code). Units drawn are the units of `level` in the place (`drawn` == "base") and,
    on top, the units of up to MAX_FINER regions with figures at a finer level (`drawn` ==
    "finer"): a few reported counties stay visible on a map of prefectures, but a county
    dataset is drawn at the county level, not as a second map over the first. Each unit has
    `state`: "value" (one whole-unit figure, in `value`), "see_table" or "none". Regions not
    drawn are those at a coarser level, and finer ones past MAX_FINER.
    """
    coded = figures.merge(regions[["region_id", "admin_code"]], on="region_id", how="left")
    coded["unit_key"] = coded["region_level"] + ":" + coded["admin_code"].fillna("")
    inside = units[within(units, place)]
    keys = inside["level"] + ":" + inside["code"]
    base = units_under(units, place, level).assign(drawn="base")
    finer_keys = {
        key
        for key, unit_level in zip(coded["unit_key"], coded["region_level"], strict=True)
        if unit_level in LEVEL_ORDER and LEVEL_ORDER[unit_level] > LEVEL_ORDER[level]
    }
    finer = inside[keys.isin(finer_keys)].assign(drawn="finer")
    if len(finer) > MAX_FINER:
        finer = finer.iloc[:0]
    drawn = pd.concat([base, finer], ignore_index=True)
    drawn["unit_key"] = drawn["level"] + ":" + drawn["code"]
    coarser_keys = {
        key
        for key, unit_level in zip(coded["unit_key"], coded["region_level"], strict=True)
        if unit_level in LEVEL_ORDER and LEVEL_ORDER[unit_level] < LEVEL_ORDER[level]
    } & set(keys)
    hidden = coarser_keys | (finer_keys & set(keys)) - set(finer["level"] + ":" + finer["code"])
    not_drawn = list(dict.fromkeys(coded.loc[coded["unit_key"].isin(hidden), "region_id"]))
    matched = coded[coded["unit_key"].isin(set(drawn["unit_key"]))]
    # A part of a whole (其中) never colours a unit, nor makes its whole one of several: the
    # colour reads the figures that are no part; the count and the table keep every figure.
    drawn["figure_count"] = (
        drawn["unit_key"].map(matched.groupby("unit_key").size()).fillna(0).astype(int)
    )
    per_unit = without_parts(matched).groupby("unit_key", sort=False)
    count = per_unit.size()
    whole = per_unit["scope"].apply(lambda scopes: scopes.isna().all())
    single_keys = set(count.index[(count == 1) & whole.reindex(count.index).astype(bool)])
    single = drawn["unit_key"].isin(single_keys)
    drawn["state"] = [
        "none" if n == 0 else "value" if one else "see_table"
        for n, one in zip(drawn["figure_count"], single, strict=True)
    ]
    first_value = per_unit["value"].first()
    drawn["value"] = drawn["unit_key"].map(first_value).where(drawn["state"] == "value")
    # The drawn value is the map's; each row keeps its own figure's value.
    rows = drawn.drop(columns=["value"]).merge(matched, on="unit_key", how="left")
    rows["missing"] = rows["figure_id"].isna()
    # Units with figures first (in the source's order), then every unit without one.
    rows = rows.sort_values("missing", kind="stable").reset_index(drop=True)
    return drawn, rows, not_drawn


def without_scale(drawn: pd.DataFrame) -> pd.DataFrame:
    """Return the drawn units with no value on a colour scale: every unit with a figure is drawn
    "see the table" (figures of different periods are not coloured against each other)."""
    valued = drawn["state"] == "value"
    return drawn.assign(
        state=drawn["state"].where(~valued, "see_table"), value=drawn["value"].where(~valued)
    )


def _escape(text: object) -> str:
    """Return curated text safe inside plotly's hover markup; a missing value shows as nothing."""
    return "" if is_missing(text) else hover_text(text)


def _figure_line(row: Mapping, lang: str) -> str:
    value = format_value(row["value"], row["unit"], row["qualifier"], row["status"], lang)
    unit_name = row[localised_column("unit", lang)]
    period = format_period(row["period_text"], row["period_start"], row["period_end"], lang)
    line = f"{_escape(row['label'])}: <b>{_escape(value)}</b> {_escape(unit_name)} · {period}"
    if not is_missing(row["scope"]):
        line += " · " + t("map_narrower", lang).format(scope=_escape(row["scope"]))
    return line


def hover_texts(drawn: pd.DataFrame, rows: pd.DataFrame, lang: str) -> list[str]:
    """Return each drawn unit's hover: its name and level, then its figures as written."""
    lines: dict[str, list[str]] = {}
    for row in rows[~rows["missing"]].to_dict("records"):
        lines.setdefault(row["unit_key"], []).append(_figure_line(row, lang))
    out = []
    for key, name, level in zip(drawn["unit_key"], drawn["name_zh"], drawn["level"], strict=True):
        head = f"<b>{_escape(name)}</b> · {t(f'map_unit_{level}', lang)}"
        found = lines.get(key, [])
        if not found:
            body = [t("no_figure", lang)]
        else:
            body = found[:HOVER_FIGURES]
            if len(found) > HOVER_FIGURES:
                body.append(t("map_several", lang).format(count=len(found)) + " …")
        out.append("<br>".join([head, *body]))
    return out


# --- the figure -----------------------------------------------------------------------------


def _collection(shapes: Mapping[str, dict], codes: list[str]) -> dict:
    """Return the features of `codes` only: each trace carries just the outlines it fills."""
    return {"type": "FeatureCollection", "features": [shapes[code] for code in codes]}


def _flat_trace(
    shapes: Mapping[str, dict],
    codes: list[str],
    hovers: list[str],
    colour: str,
    name: str,
    first: bool = True,
) -> go.Choroplethmap:
    """A trace of units in one fixed colour (no value scale), shown in the legend."""
    return go.Choroplethmap(
        geojson=_collection(shapes, codes),
        locations=codes,
        z=[1] * len(codes),  # the one colour of a constant scale: not a value
        colorscale=[[0.0, colour], [1.0, colour]],
        showscale=False,
        marker={"line": {"color": BORDER, "width": 0.6}},
        name=name,
        # One legend entry per state, however many levels draw it (units under finer ones).
        legendgroup=name,
        showlegend=first,
        text=hovers,
        hovertemplate="%{text}<extra></extra>",
    )


def _bounds(
    boxes: Mapping[str, tuple[float, ...]], codes: list[str], lines: list
) -> tuple[float, ...]:
    """Return (west, east, south, north) around the drawn units and lines."""
    chosen = [boxes[code] for code in codes] + [
        (min(lon), max(lon), min(lat), max(lat))
        for lon, lat in (zip(*line, strict=True) for line in lines)
    ]
    if not chosen:
        return (73.0, 135.0, 3.0, 54.0)  # the country, should nothing be drawn
    west, east, south, north = zip(*chosen, strict=True)
    return min(west), max(east), min(south), max(north)


def _mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _view(bounds: tuple[float, ...]) -> dict[str, object]:
    """Return a map centre and zoom that fit the bounds into the figure."""
    west, east, south, north = bounds
    centre_y = (_mercator(south) + _mercator(north)) / 2
    centre_lat = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    span_x = max(east - west, 0.01) / 360
    span_y = max(_mercator(north) - _mercator(south), 0.0002) / (2 * math.pi)
    zoom = min(
        math.log2(ASSUMED_WIDTH * 0.9 / (512 * span_x)),
        math.log2((HEIGHT - 90) * 0.95 / (512 * span_y)),
    )
    return {"center": {"lon": (west + east) / 2, "lat": centre_lat}, "zoom": round(zoom, 2)}


def map_figure(
    drawn: pd.DataFrame,
    hovers: list[str],
    shapes: Mapping[str, Mapping[str, dict]],
    boxes: Mapping[str, Mapping[str, tuple[float, ...]]],
    lines: Mapping[str, list] | None,
    status: str,
    unit: str,
    scale_title: str,
    caption: str,
    lang: str,
) -> go.Figure:
    """Return the choropleth: grey units without a figure, toned units to see in the table,
    units with one figure on the status's own sequential scale, and the national lines.

    `shapes` holds each level's features by admin code, `boxes` their (west, east, south,
    north); `lines` the nine-dash line and the
    undetermined border (national view only), or None. Pure: the same inputs give the same
    figure, which can be exported as an image.
    """
    traces: list[go.BaseTraceType] = []
    hover = pd.Series(hovers, index=drawn.index)
    for state, colour, name in (
        ("none", NO_FIGURE_GREY, t("no_figure", lang)),
        ("see_table", SEE_TABLE_TONE, t("map_see_table", lang)),
    ):
        groups = drawn[drawn["state"] == state].groupby("level", sort=False)
        for n, (level, part) in enumerate(groups):
            traces.append(
                _flat_trace(
                    shapes[level],
                    list(part["code"]),
                    list(hover[part.index]),
                    colour,
                    name,
                    first=n == 0,
                )
            )
    valued = drawn[drawn["state"] == "value"]
    top = float(valued["value"].max()) if not valued.empty else 0.0
    ticks, labels = axis_ticks(top, lang, unit)
    # Base units under units of a finer level drawn on top, on the one scale of this status.
    for drawn_as in ("base", "finer"):
        for level, part in valued[valued["drawn"] == drawn_as].groupby("level", sort=False):
            traces.append(
                go.Choroplethmap(
                    geojson=_collection(shapes[level], list(part["code"])),
                    locations=list(part["code"]),
                    z=list(part["value"]),
                    coloraxis="coloraxis",
                    marker={"line": {"color": LINE_COLOUR, "width": 0.8}},
                    name=t(f"status_{status}", lang),
                    showlegend=False,
                    text=list(hover[part.index]),
                    hovertemplate="%{text}<extra></extra>",
                )
            )
    # Units without a figure first, then on top of them in the legend's order.
    for name, key in (
        ("nine_dash_line", "map_nine_dash"),
        ("undetermined_line", "map_undetermined"),
    ):
        if lines and lines.get(name):
            lon: list[float | None] = []
            lat: list[float | None] = []
            for line in lines[name]:
                lon += [point[0] for point in line] + [None]
                lat += [point[1] for point in line] + [None]
            traces.append(
                go.Scattermap(
                    lon=lon,
                    lat=lat,
                    mode="lines",
                    line={"color": LINE_COLOUR, "width": 1.6},
                    name=t(key, lang),
                    hoverinfo="skip",
                )
            )
    all_lines = [line for part in (lines or {}).values() for line in part]
    base = drawn[drawn["drawn"] == "base"]
    bounds = _bounds(
        {code: box for level in set(base["level"]) for code, box in boxes[level].items()},
        list(base["code"]),
        all_lines,
    )
    figure = go.Figure(traces)
    figure.update_layout(
        height=HEIGHT,
        font={"family": FONT, "size": 13},
        hoverlabel={"font": {"family": FONT}},
        margin={"l": 0, "r": 0, "t": 40, "b": 60},
        map={"style": "white-bg", **_view(bounds)},
        coloraxis={
            "colorscale": SCALES[status],
            "cmin": 0,
            "cmax": top if top > 0 else 1,
            "colorbar": {
                "title": {"text": scale_title},
                "tickvals": ticks,
                "ticktext": labels,
                "len": 0.6,
            },
        },
        showlegend=True,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        annotations=[
            {
                "text": caption,
                "showarrow": False,
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "top",
                "yshift": -6,
                "align": "left",
                "font": {"size": 11, "color": LINE_COLOUR},
            }
        ],
    )
    return figure


def map_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the map's table: every unit drawn, its figures as written or "no figure"."""
    shown = figure_table(rows, lang, MAP_COLUMNS)
    region = localised(rows, "region", lang).fillna("") if "region_zh" in rows else ""
    front = pd.DataFrame(
        {
            t("col_map_unit", lang): rows["name_zh"],
            t("col_admin_code", lang): rows["code"],
            t("col_map_level", lang): [t(f"map_unit_{level}", lang) for level in rows["level"]],
            t("col_map_region", lang): region,
        }
    )
    return pd.concat([front, shown], axis=1)
