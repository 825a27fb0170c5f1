"""The figures of Compare units: bars of the units' own figures and county sums, their spread.

A part of a whole (其中) is drawn inside its whole's bar, narrower and lighter (`_part_bar`),
and its whole's label says it: never a bar of its own, never in the order, never summed.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import parts as part_rules
from ruraldash.compare import units as unit_rules
from ruraldash.language.formatting import (
    format_count,
    format_number,
    format_period,
    format_value,
    round_significant,
)
from ruraldash.language.i18n import t, t_count
from ruraldash.language.punctuation import punctuation
from ruraldash.views.charts import COLOURS, FONT, PART_WIDTH, PATTERNS, value_axis
from ruraldash.views.national_list import unit_names
from ruraldash.views.plain import hover_text

TOP_N = 10


def value_texts(rows: pd.DataFrame, unit: str, lang: str, per_capita: bool = False) -> list[str]:
    """Return each unit's own figure as written (800多, ≈5000万), or "no figure"; per 10,000
    residents to three significant digits (222万, not 2224489.79)."""
    return [
        format_value(
            round_significant(value) if per_capita else value, unit, qualifier, status, lang
        )
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
    rows: pd.DataFrame,
    unit: str,
    title: str,
    show_all: bool,
    lang: str,
    top: int = TOP_N,
    parts: pd.DataFrame | None = None,
    per_capita: bool = False,
) -> go.Figure:
    """Sorted bars of own figures and complete county sums: top and bottom `top` unless
    show_all. `parts` (其中) of the drawn figures lie inside their wholes' bars. `per_capita`:
    the values are per 10,000 residents, written to three significant digits."""
    drawn = rows[rows["basis"].isin(["reported", unit_rules.SUM_COMPLETE])].copy()
    drawn["drawn_value"] = drawn["value"].where(drawn["basis"] == "reported", drawn["county_sum"])
    drawn = drawn.sort_values("drawn_value", ascending=False, kind="stable")
    hidden = 0
    if not show_all and len(drawn) > 2 * top:
        hidden = len(drawn) - 2 * top
        drawn = pd.concat([drawn.head(top), drawn.tail(top)])
    drawn["bar"] = (drawn["name"] + " " + drawn["admin_code"]).map(hover_text)
    reported = drawn[drawn["basis"] == "reported"]
    # Parts are looked up by their wholes' figure ids; without parts no id is needed.
    wholes = {} if parts is None else dict(zip(reported["figure_id"], reported["bar"], strict=True))
    inside = _parts_of(parts, wholes)
    figure = go.Figure()
    for basis, colour in (("reported", COLOURS["actual"]), (unit_rules.SUM_COMPLETE, "#7FA7C9")):
        part = drawn[drawn["basis"] == basis]
        if part.empty:
            continue
        texts = (
            value_texts(part, unit, lang, per_capita)
            if basis == "reported"
            else [format_number(value, lang, unit) for value in part["drawn_value"]]
        )
        if basis == "reported" and not inside.empty:
            texts = _with_parts_said(texts, part["figure_id"], inside, unit, lang)
        figure.add_bar(
            x=part["drawn_value"],
            y=part["bar"],
            orientation="h",
            name=t(f"basis_{basis}", lang),
            marker={"color": colour, "pattern": {"shape": "" if basis == "reported" else "/"}},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=texts,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    if not inside.empty:
        figure.add_trace(_part_bar(inside, unit, lang))
    order = list(drawn["bar"])
    if hidden:
        gap = t_count("units_hidden", hidden, lang).format(count=format_count(hidden))
        order = [*order[:top], gap, *order[top:]]
        figure.add_annotation(
            x=0, y=gap, text=gap, showarrow=False, xanchor="left", font={"color": "#666"}
        )
    figure.update_layout(
        **layout(max(260, 26 * len(order) + 120), title),
        barmode="overlay",
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "automargin": True},
        xaxis=value_axis(_longest(drawn["drawn_value"], inside), unit, lang),
    )
    return figure


def _parts_of(parts: pd.DataFrame | None, bars: dict[str, str]) -> pd.DataFrame:
    """Return the parts (其中) of the drawn wholes, each with its whole's bar (column `bar`),
    largest first: a smaller part lies over a larger one. `bars` maps a whole's figure id to
    its bar."""
    if parts is None or parts.empty:
        return pd.DataFrame(columns=["part_of", "bar", "value"])
    found = parts[part_rules.is_part(parts) & parts["part_of"].isin(bars)]
    found = found.assign(bar=found["part_of"].map(bars))
    return found.sort_values("value", ascending=False, kind="stable")


def _part_texts(parts: pd.DataFrame, unit: str, lang: str) -> list[str]:
    """Each part's value as written (8500万)."""
    return [
        format_value(value, unit, qualifier, status, lang, quote)
        for value, qualifier, status, quote in zip(
            parts["value"], parts["qualifier"], parts["status"], parts["quote"], strict=True
        )
    ]


def _with_parts_said(
    texts: list[str], figure_ids: pd.Series, parts: pd.DataFrame, unit: str, lang: str
) -> list[str]:
    """Follow each whole's value with its parts' (3.2亿（其中 8500万）): its bar holds them, and
    a printed chart has no hover to say so."""
    said: dict[str, list[str]] = {}
    if not parts.empty:
        for whole, text in zip(parts["part_of"], _part_texts(parts, unit, lang), strict=True):
            said.setdefault(whole, []).append(text)
    marks = punctuation(lang)
    return [
        marks.aside(text, t("part_bar_text", lang).format(value=marks.enumerate(said[whole])))
        if whole in said
        else text
        for text, whole in zip(texts, figure_ids, strict=True)
    ]


def _part_bar(parts: pd.DataFrame, unit: str, lang: str) -> go.Bar:
    """Draw parts (其中) inside their wholes' bars (column `bar`), narrower and lighter, each
    hovered "其中：<label> <value as written>"; plans hatched as their wholes are."""
    hovers = [
        hover_text(t("part_hover", lang).format(label=label, value=text))
        for label, text in zip(parts["label"], _part_texts(parts, unit, lang), strict=True)
    ]
    return go.Bar(
        x=parts["value"],
        y=parts["bar"],
        orientation="h",
        width=PART_WIDTH,
        name=t("part_legend", lang),
        legendgroup="part",
        marker={
            "color": COLOURS["part"],
            "pattern": {"shape": [PATTERNS.get(status, "") for status in parts["status"]]},
            "line": {"color": "white", "width": 1},
        },
        customdata=hovers,
        hovertemplate="%{y}<br>%{customdata}<extra></extra>",
    )


def _longest(values: pd.Series, parts: pd.DataFrame) -> float:
    """The longest bar, a part's too (a part of an approximate whole may pass it)."""
    return max(values.max(), parts["value"].max() if not parts.empty else 0)


def unit_spread(
    rows: pd.DataFrame, unit: str, title: str, lang: str, per_capita: bool = False
) -> go.Figure:
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
            customdata=value_texts(reported, unit, lang, per_capita),
            hovertemplate="%{text}: %{customdata}<extra></extra>",
        )
    )
    figure.update_layout(
        **layout(320, title), xaxis=value_axis(reported["value"].max(), unit, lang)
    )
    return figure


def side_by_side_bars(figures: pd.DataFrame, unit: str, title: str, lang: str) -> go.Figure:
    """Bars of a handful of figures in the order given (region order), never sorted by value:
    each labelled with its unit, what it counts and its period, plans in their own colour. A
    part of a whole (其中) is no bar of its own: it lies inside its whole's bar."""
    inside = figures[part_rules.is_part(figures)]
    figures = part_rules.without_parts(figures)
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
    inside = _parts_of(inside, dict(zip(figures["figure_id"], bars, strict=True)))
    texts = [
        format_value(value, unit, qualifier, status, lang)
        for value, qualifier, status in zip(
            figures["value"], figures["qualifier"], figures["status"], strict=True
        )
    ]
    texts = _with_parts_said(texts, figures["figure_id"], inside, unit, lang)
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
            showlegend=False,
        )
    )
    if not inside.empty:
        figure.add_trace(_part_bar(inside, unit, lang))
    figure.update_layout(
        **layout(max(260, 34 * len(bars) + 120), title),
        barmode="overlay",
        yaxis={"categoryorder": "array", "categoryarray": bars[::-1], "automargin": True},
        xaxis=value_axis(_longest(figures["value"], inside), unit, lang),
        # Only a part is named in a legend: every other bar names itself.
        showlegend=not inside.empty,
    )
    return figure
