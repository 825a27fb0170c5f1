"""The figures of Compare units: bars of the units' own figures and county sums, their spread."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import units as unit_rules
from ruraldash.language.formatting import format_count, format_number, format_period, format_value
from ruraldash.language.i18n import t
from ruraldash.views.charts import COLOURS, FONT, value_axis
from ruraldash.views.national_list import unit_names
from ruraldash.views.plain import hover_text

TOP_N = 10


def value_texts(rows: pd.DataFrame, unit: str, lang: str) -> list[str]:
    """Return each unit's own figure as written (800多, ≈5000万), or "no figure"."""
    return [
        format_value(value, unit, qualifier, status, lang)
        if basis == "reported"
        else t("no_figure", lang)
        for value, qualifier, status, basis in zip(
            rows["value"], rows["qualifier"], rows["status"], rows["basis"], strict=True
        )
    ]


def layout(height: int, title: str) -> dict[str, object]:
    return {
        "height": height,
        "title": {"text": hover_text(title), "font": {"size": 15}},
        "font": {"family": FONT, "size": 13},
        "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 30, "t": 60, "b": 40},
        "hoverlabel": {"font": {"family": FONT}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
    }


def unit_bars(
    rows: pd.DataFrame, unit: str, title: str, show_all: bool, lang: str, top: int = TOP_N
) -> go.Figure:
    """Sorted bars of own figures and complete county sums: top and bottom `top` unless
    show_all."""
    drawn = rows[rows["basis"].isin(["reported", unit_rules.SUM_COMPLETE])].copy()
    drawn["drawn_value"] = drawn["value"].where(drawn["basis"] == "reported", drawn["county_sum"])
    drawn = drawn.sort_values("drawn_value", ascending=False, kind="stable")
    hidden = 0
    if not show_all and len(drawn) > 2 * top:
        hidden = len(drawn) - 2 * top
        drawn = pd.concat([drawn.head(top), drawn.tail(top)])
    figure = go.Figure()
    for basis, colour in (("reported", COLOURS["actual"]), (unit_rules.SUM_COMPLETE, "#7FA7C9")):
        part = drawn[drawn["basis"] == basis]
        if part.empty:
            continue
        texts = (
            value_texts(part, unit, lang)
            if basis == "reported"
            else [format_number(value, lang, unit) for value in part["drawn_value"]]
        )
        figure.add_bar(
            x=part["drawn_value"],
            y=(part["name"] + " " + part["admin_code"]).map(hover_text),
            orientation="h",
            name=t(f"basis_{basis}", lang),
            marker={"color": colour, "pattern": {"shape": "" if basis == "reported" else "/"}},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=texts,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    order = list((drawn["name"] + " " + drawn["admin_code"]).map(hover_text))
    if hidden:
        gap = t("units_hidden", lang).format(count=format_count(hidden))
        order = [*order[:top], gap, *order[top:]]
        figure.add_annotation(
            x=0, y=gap, text=gap, showarrow=False, xanchor="left", font={"color": "#666"}
        )
    figure.update_layout(
        **layout(max(260, 26 * len(order) + 120), title),
        barmode="overlay",
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "automargin": True},
        xaxis=value_axis(drawn["drawn_value"].max(), unit, lang),
    )
    return figure


def unit_spread(rows: pd.DataFrame, unit: str, title: str, lang: str) -> go.Figure:
    """A box with every reported unit as a point: the distribution at any number of units."""
    reported = rows[rows["basis"] == "reported"]
    figure = go.Figure(
        go.Box(
            x=reported["value"],
            text=reported["name"].map(hover_text),
            name=t("basis_reported", lang),
            boxpoints="all",
            jitter=0.5,
            pointpos=0,
            orientation="h",
            marker={"color": COLOURS["actual"], "size": 6},
            customdata=value_texts(reported, unit, lang),
            hovertemplate="%{text}: %{customdata}<extra></extra>",
        )
    )
    figure.update_layout(
        **layout(320, title), xaxis=value_axis(reported["value"].max(), unit, lang)
    )
    return figure


def side_by_side_bars(figures: pd.DataFrame, unit: str, title: str, lang: str) -> go.Figure:
    """Bars of a handful of figures in the order given (region order), never sorted by value:
    each labelled with its unit, what it counts and its period, plans in their own colour."""
    names = unit_names(figures, lang)
    periods = [
        format_period(text, start, end, lang)
        for text, start, end in zip(
            figures["period_text"], figures["period_start"], figures["period_end"], strict=True
        )
    ]
    # One bar per figure: its name says whose, what and when, so no two bars merge.
    bars = [
        hover_text(f"{name} · {label} · {period} ({number})")
        for number, (name, label, period) in enumerate(
            zip(names, figures["label"], periods, strict=True), start=1
        )
    ]
    texts = [
        format_value(value, unit, qualifier, status, lang)
        for value, qualifier, status in zip(
            figures["value"], figures["qualifier"], figures["status"], strict=True
        )
    ]
    colours = [COLOURS.get(status, COLOURS["actual"]) for status in figures["status"]]
    figure = go.Figure(
        go.Bar(
            x=figures["value"],
            y=bars,
            orientation="h",
            marker={"color": colours},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        **layout(max(260, 34 * len(bars) + 120), title),
        yaxis={"categoryorder": "array", "categoryarray": bars[::-1], "automargin": True},
        xaxis=value_axis(figures["value"].max(), unit, lang),
        showlegend=False,
    )
    return figure
