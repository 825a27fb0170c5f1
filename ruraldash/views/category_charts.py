"""Small multiples of a category: one panel per metric, each sorted within itself, never across."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ruraldash.language.formatting import format_count
from ruraldash.language.i18n import t_count
from ruraldash.views.charts import COLOURS, value_axis
from ruraldash.views.plain import hover_text
from ruraldash.views.unit_charts import TOP_N, layout, value_texts

BAR_HEIGHT = 24  # pixels per bar
PANEL_ROOM = 70  # pixels per panel for its title and axis


@dataclass(frozen=True)
class Panel:
    """One metric's like-for-like figures: its title (指标 · 时期), unit and reported units."""

    title: str
    unit: str
    rows: pd.DataFrame  # reported units: name, admin_code, value, qualifier, status, basis


def _drawn(rows: pd.DataFrame, show_all: bool, top: int) -> tuple[pd.DataFrame, int]:
    """The panel's bars, largest first: the `top` largest and smallest unless `show_all`."""
    ordered = rows.sort_values("value", ascending=False, kind="stable")
    if show_all or len(ordered) <= 2 * top:
        return ordered, 0
    return pd.concat([ordered.head(top), ordered.tail(top)]), len(ordered) - 2 * top


def category_bars(panels: list[Panel], lang: str, show_all: bool, top: int = TOP_N) -> go.Figure:
    """Return one panel per metric, stacked: each panel's bars sorted by its own values (its
    extremes only, past 2 × `top`), its own value axis in 万/亿; no bar is set beside another
    metric's."""
    drawn = [_drawn(panel.rows, show_all, top) for panel in panels]
    bars = [len(rows) + (1 if hidden else 0) for rows, hidden in drawn]
    heights = [BAR_HEIGHT * count + PANEL_ROOM for count in bars]
    total = sum(heights)
    figure = make_subplots(
        rows=len(panels),
        cols=1,
        row_heights=[height / total for height in heights],
        vertical_spacing=min(0.6 / max(len(panels), 1), PANEL_ROOM / total),
        subplot_titles=[hover_text(panel.title) for panel in panels],
    )
    for row, (panel, (rows, hidden)) in enumerate(zip(panels, drawn, strict=True), start=1):
        names = list((rows["name"] + " " + rows["admin_code"]).map(hover_text))
        texts = value_texts(rows, panel.unit, lang)
        figure.add_bar(
            x=rows["value"],
            y=names,
            orientation="h",
            marker={"color": COLOURS["actual"]},
            text=texts,
            textposition="outside",
            cliponaxis=False,
            customdata=texts,
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            showlegend=False,
            row=row,
            col=1,
        )
        order = names
        if hidden:
            # The row between the largest and the smallest says how many units it stands for.
            gap = t_count("units_hidden", hidden, lang).format(count=format_count(hidden))
            order = [*names[:top], gap, *names[top:]]
        figure.update_yaxes(
            categoryorder="array", categoryarray=order[::-1], automargin=True, row=row, col=1
        )
        figure.update_xaxes(**value_axis(rows["value"].max(), panel.unit, lang), row=row, col=1)
    figure.update_annotations(xanchor="left", x=0, font={"size": 15, "color": "#1F2329"})
    figure.update_layout(**layout(total + 80, ""), showlegend=False)
    return figure
