"""Plotly figures as pure functions of a DataFrame and a language; styles in one place."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ruraldash.figures import localised, name_of
from ruraldash.formatting import (
    format_period,
    format_report_date,
    format_value,
    is_missing,
    round_significant,
)
from ruraldash.i18n import t

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, Source Han Sans SC, sans-serif"
COLOURS = {"actual": "#2F6B9A", "plan": "#E3A33B", "missing": "#8A8F98", "grid": "#E6E9EE"}
PATTERNS = {"actual": "", "plan": "/"}  # plans are hatched, never mixed silently with actuals
HEATMAP_SCALE = [[0.0, "#DCE8F3"], [1.0, "#2F6B9A"]]
ROW_HEIGHT = 46
PANEL_GAP = 90
LABEL_CHARS = 18


def _layout(figure: go.Figure, height: int) -> go.Figure:
    figure.update_layout(
        height=height, font={"family": FONT, "size": 13}, plot_bgcolor="white",
        margin={"l": 10, "r": 30, "t": 60, "b": 40}, hoverlabel={"font": {"family": FONT}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
    )
    return figure


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrap(text: object, width: int = 28) -> str:
    return "" if is_missing(text) else "<br>".join(textwrap.wrap(str(text), width))


def _row_label(row: pd.Series, lang: str) -> str:
    """Region and label on the first line; period and scope, smaller, on the second."""
    region = name_of(row, "region", lang)
    if row["missing"]:
        return f"<b>{region}</b>"
    detail = row["period_text"] if not is_missing(row["period_text"]) else t(
        "period_not_stated", lang)
    if not is_missing(row["scope"]):
        detail += f" · {row['scope']}"
    return (f"<b>{region}</b> · {_short(row['label'])}<br>"
            f"<span style='font-size:11px;color:{COLOURS['missing']}'>{_short(detail, 30)}</span>")


def _bar_text(row: pd.Series, lang: str, per_capita: bool) -> str:
    if row["missing"]:
        return t("no_figure", lang)
    if per_capita:
        if is_missing(row["per_10k"]):
            return t(row["per_capita_reason"], lang)
        return format_value(round_significant(row["per_10k"]), "count", row["qualifier"],
                            row["status"], lang)
    return format_value(row["value"], row["unit"], row["qualifier"], row["status"], lang)


def _hover(row: pd.Series, lang: str) -> list[str]:
    if row["missing"]:
        return [name_of(row, "region", lang), t("no_figure", lang), "", "", "", "", ""]
    return [
        name_of(row, "region", lang), _wrap(row["label"]),
        format_value(row["value"], row["unit"], row["qualifier"], row["status"], lang)
        + " " + name_of(row, "unit", lang),
        format_period(row["period_text"], row["period_start"], row["period_end"], lang),
        t("scope_whole", lang) if is_missing(row["scope"]) else str(row["scope"]),
        _wrap(row["quote"]),
        _wrap(name_of(row, "source_title", lang) + " · " + format_report_date(
            row["source_date"], row["source_date_basis"], lang)),
    ]


def _unique(labels: list[str]) -> list[str]:
    """Keep equal labels apart (a zero-width space per repeat) so plotly draws one bar each."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, -1) + 1
        out.append(label + "\u200b" * seen[label])
    return out


def _panel_title(first: pd.Series, lang: str, per_capita: bool) -> str:
    """Name a panel by its metric and what its axis counts: 培训人次（人次）."""
    metric = f"<b>{name_of(first, 'metric', lang)}</b>"
    measure = t("per_10k_axis", lang) if per_capita else name_of(first, "unit", lang)
    return f"{metric}（{measure}）" if lang != "en" else f"{metric} ({measure})"


def _hover_template(lang: str) -> str:
    keys = ("col_region", "col_label", "col_value_text", "col_period", "col_scope", "col_quote",
            "col_source")
    lines = (f"{t(key, lang)}: %{{customdata[{n}]}}" for n, key in enumerate(keys))
    return "<br>".join(lines) + "<extra></extra>"


def _add_panel(figure: go.Figure, group: pd.DataFrame, panel: int, lang: str,
               per_capita: bool, legend: set[str]) -> None:
    """Draw one metric: a bar per figure (plans hatched), "no figure" as text at zero."""
    labels = _unique([_row_label(row, lang) for _, row in group.iterrows()])
    x = group["per_10k"] if per_capita else group["value"]
    missing = group["missing"].to_numpy()
    for status in ("actual", "plan"):
        chosen = (group["status"] == status).to_numpy() & ~missing & x.notna().to_numpy()
        if not chosen.any():
            continue
        part = group[chosen]
        figure.add_trace(go.Bar(
            x=x[chosen], y=[label for label, keep in zip(labels, chosen, strict=True) if keep],
            orientation="h", name=t(f"status_{status}", lang), legendgroup=status,
            showlegend=status not in legend,
            marker={"color": COLOURS[status], "pattern": {"shape": PATTERNS[status]}},
            text=[_bar_text(row, lang, per_capita) for _, row in part.iterrows()],
            textposition="outside", cliponaxis=False,
            customdata=[_hover(row, lang) for _, row in part.iterrows()],
            hovertemplate=_hover_template(lang),
        ), row=panel, col=1)
        legend.add(status)
    empty = missing | x.isna().to_numpy()
    if empty.any():
        figure.add_trace(go.Scatter(
            x=[0] * int(empty.sum()), y=[label for label, keep in zip(labels, empty, strict=True)
                                         if keep],
            mode="text", textposition="middle right", showlegend=False, hoverinfo="skip",
            text=[_bar_text(row, lang, per_capita) for _, row in group[empty].iterrows()],
            textfont={"color": COLOURS["missing"]},
        ), row=panel, col=1)
    top = x.max() if x.notna().any() else 1
    figure.update_xaxes(range=[0, top * 1.3], row=panel, col=1)
    figure.update_yaxes(categoryorder="array", categoryarray=labels[::-1], row=panel, col=1)


def region_bars(rows: pd.DataFrame, lang: str, per_capita: bool = False) -> go.Figure:
    """Return horizontal bars, one panel per metric and one bar per figure; no bar for no figure."""
    groups = [group for _, group in rows.groupby("metric_id", sort=False)]
    heights = [len(group) * ROW_HEIGHT for group in groups]
    figure = make_subplots(
        rows=len(groups), cols=1, row_heights=heights,
        subplot_titles=[_panel_title(group.iloc[0], lang, per_capita) for group in groups],
        vertical_spacing=PANEL_GAP / (sum(heights) + PANEL_GAP) if len(groups) > 1 else 0.0)
    figure.update_annotations(x=0, xanchor="left", font={"size": 15})
    legend: set[str] = set()
    for panel, group in enumerate(groups, start=1):
        _add_panel(figure, group, panel, lang, per_capita, legend)
    figure.update_xaxes(showgrid=True, gridcolor=COLOURS["grid"], zeroline=True,
                        separatethousands=True, exponentformat="none")
    figure.update_yaxes(automargin=True)
    return _layout(figure, sum(heights) + PANEL_GAP * len(groups) + 40)


def heatmap(matrix: pd.DataFrame, lang: str, hover_names: pd.DataFrame | None = None) -> go.Figure:
    """Return a grid of counts, rows by columns; a cell without any figure stays blank, not 0."""
    text = matrix.map(lambda v: "" if is_missing(v) else f"{int(v)}")
    trace = go.Heatmap(
        z=matrix.to_numpy(), x=list(matrix.columns), y=list(matrix.index),
        text=text.to_numpy(), texttemplate="%{text}", colorscale=HEATMAP_SCALE,
        showscale=False, hoverongaps=False, xgap=3, ygap=3,
    )
    if hover_names is not None:
        trace.customdata = hover_names.fillna("").map(_wrap).to_numpy()
        trace.hovertemplate = "%{y} · %{x}<br>%{customdata}<extra></extra>"
    else:
        trace.hovertemplate = f"%{{y}} · %{{x}}: %{{z}} {t('figures_unit', lang)}<extra></extra>"
    figure = go.Figure(trace)
    figure.update_yaxes(autorange="reversed", automargin=True)
    figure.update_xaxes(side="top")
    return _layout(figure, 28 * len(matrix) + 120)


def category_bars(categories: pd.DataFrame, lang: str) -> go.Figure:
    """Return the number of figures per category as horizontal bars."""
    names = list(localised(categories, "category", lang))
    figure = go.Figure(go.Bar(
        x=categories["figure_count"], y=names, orientation="h",
        marker={"color": COLOURS["actual"]}, text=categories["figure_count"],
        textposition="outside", cliponaxis=False,
        hovertemplate=f"%{{y}}: %{{x}} {t('figures_unit', lang)}<extra></extra>",
    ))
    figure.update_yaxes(autorange="reversed", automargin=True)
    figure.update_xaxes(title=t("col_figure_count", lang), gridcolor=COLOURS["grid"])
    return _layout(figure, 30 * len(categories) + 100)
