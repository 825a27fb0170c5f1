"""Plotly figures as pure functions of a DataFrame and a language; styles in one place.

Over 300 lines on purpose: every chart shares the axis, number and style helpers here, so
that all charts read alike.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare.figures import localised
from ruraldash.language.english import english_period
from ruraldash.language.formatting import (
    axis_ticks,
    format_number,
    format_period,
    format_report_date,
    format_scope,
    format_value,
    is_missing,
    round_significant,
    written_unit,
)
from ruraldash.language.i18n import localised_column, t
from ruraldash.language.punctuation import punctuation
from ruraldash.views.plain import hover_text

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, Source Han Sans SC, sans-serif"
COLOURS = {
    "actual": "#2F6B9A",
    "plan": "#E3A33B",
    "missing": "#8A8F98",
    "grid": "#E6E9EE",
    "part": "#9CC3E4",  # a part of a whole (其中), drawn inside its whole's bar
}
PART_WIDTH = 0.4  # a part's bar, inside its whole's (plotly's default bar is 0.8 wide)
PATTERNS = {"actual": "", "plan": "/"}  # plans are hatched, never mixed silently with actuals
HEATMAP_SCALE = [[0.0, "#DCE8F3"], [1.0, "#2F6B9A"]]
ROW_HEIGHT = 46
PANEL_GAP = 90
LABEL_CHARS = 18
HEADROOM = 1.3  # room right of the longest bar for its label ("近8亿（计划）")

# What a bar chart of figures reads from each row; the rest of a figures frame is not touched.
_BAR_COLUMNS = (
    "figure_id",
    "part_of",
    "region_id",
    "missing",
    "label",
    "value",
    "unit",
    "qualifier",
    "status",
    "period_text",
    "period_start",
    "period_end",
    "scope",
    "quote",
    "quote_shown",
    "source_date",
    "source_date_basis",
    "per_10k",
    "per_capita_reason",
)


def _layout(height: int, **layout: object) -> dict[str, object]:
    """Return the house layout (font, margins, legend on top) with `layout` on top of it."""
    return {
        "height": height,
        "font": {"family": FONT, "size": 13},
        "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 30, "t": 60, "b": 40},
        "hoverlabel": {"font": {"family": FONT}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        **layout,
    }


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    """Cut curated text to `limit` characters, escaped for plotly's HTML afterwards."""
    return hover_text(text if len(text) <= limit else text[: limit - 1] + "…")


def _wrap(text: object, width: int = 28) -> str:
    """Wrap curated text into lines, each escaped for plotly's HTML."""
    if is_missing(text):
        return ""
    return "<br>".join(hover_text(line) for line in textwrap.wrap(str(text), width))


def _records(frame: pd.DataFrame, lang: str) -> list[dict[str, object]]:
    """Return the rows a chart draws as dicts of the columns it reads, names in `lang`.

    Records of a few columns, not iterrows over all of them: iterrows builds a Series per row
    from every column of the frame, which costs more than the whole chart.
    """
    names = {
        localised_column("region", lang): "region",
        localised_column("metric", lang): "metric",
        localised_column("unit", lang): "unit_name",
        localised_column("source_title", lang): "source_title",
    }
    columns = [column for column in (*_BAR_COLUMNS, *names) if column in frame.columns]
    return frame[columns].rename(columns=names).to_dict("records")


def _row_label(row: dict, lang: str) -> str:
    """Region and label on the first line; period and scope, smaller, on the second."""
    region = hover_text(row["region"])
    if row["missing"]:
        return f"<b>{region}</b>"
    written = row["period_text"]
    english = None if lang != "en" or is_missing(written) else english_period(written)
    detail = english or (written if not is_missing(written) else t("period_not_stated", lang))
    if not is_missing(row["scope"]):
        detail += f" · {format_scope(row['scope'], lang)}"
    return (
        f"<b>{region}</b> · {_short(row['label'])}<br>"
        f"<span style='font-size:11px;color:{COLOURS['missing']}'>{_short(detail, 30)}</span>"
    )


def _bar_text(row: dict, lang: str, per_capita: bool) -> str:
    if row["missing"]:
        return t("no_figure", lang)
    if per_capita:
        if is_missing(row["per_10k"]):
            return t(row["per_capita_reason"], lang)
        return format_value(
            round_significant(row["per_10k"]), "count", row["qualifier"], row["status"], lang
        )
    return format_value(
        row["value"], row["unit"], row["qualifier"], row["status"], lang, row.get("quote")
    )


def _hover(row: dict, lang: str) -> list[str]:
    if row["missing"]:
        return [hover_text(row["region"]), t("no_figure", lang), "", "", "", "", ""]
    return [
        hover_text(row["region"]),
        _wrap(row["label"]),
        hover_text(
            format_value(
                row["value"], row["unit"], row["qualifier"], row["status"], lang, row.get("quote")
            )
            + " "
            + written_unit(row.get("quote"), row["value"], row["unit"], row["unit_name"], lang)
        ),
        hover_text(format_period(row["period_text"], row["period_start"], row["period_end"], lang)),
        hover_text(format_scope(row["scope"], lang)),
        _wrap(row["quote_shown"] if not is_missing(row.get("quote_shown")) else row["quote"]),
        _wrap(
            row["source_title"]
            + " · "
            + format_report_date(row["source_date"], row["source_date_basis"], lang)
        ),
    ]


def _unique(labels: list[str]) -> list[str]:
    """Keep equal labels apart (a zero-width space per repeat) so plotly draws one bar each."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, -1) + 1
        out.append(label + "\u200b" * seen[label])
    return out


def _panel_title(group: list[dict], lang: str, per_capita: bool) -> str:
    """Name a panel by its metric and what its axis counts: 培训人次（人次）; 培训期数（期）
    when every figure of it is counted in the one word, else the catalogue's 期/场/次."""
    first = group[0]
    metric = f"<b>{hover_text(first['metric'])}</b>"
    words = {
        written_unit(row.get("quote"), row["value"], row["unit"], row["unit_name"], lang)
        for row in group
        if not row["missing"]
    }
    unit_name = words.pop() if len(words) == 1 else first["unit_name"]
    measure = t("per_10k_axis", lang) if per_capita else hover_text(unit_name)
    return punctuation(lang).aside(metric, measure)


def _hover_template(lang: str) -> str:
    keys = (
        "col_region",
        "col_label",
        "col_value_text",
        "col_period",
        "col_scope",
        "col_quote",
        "col_source",
    )
    lines = (f"{t(key, lang)}: %{{customdata[{n}]}}" for n, key in enumerate(keys))
    return "<br>".join(lines) + "<extra></extra>"


def _panels(rows: pd.DataFrame, lang: str) -> Iterator[list[dict]]:
    """Yield the rows of each metric, in the order the metrics first appear."""
    groups: dict[str, list[dict]] = {}
    for row, metric in zip(_records(rows, lang), rows["metric_id"], strict=True):
        groups.setdefault(metric, []).append(row)
    yield from groups.values()


def _is_part(row: dict) -> bool:
    return not row["missing"] and not is_missing(row.get("part_of"))


def _bars(group: list[dict]) -> list[dict]:
    """The rows of a panel that have a bar (or a "no figure") of their own: all but parts."""
    return [row for row in group if not _is_part(row)]


def _parts_said(
    wholes: list[dict], group: list[dict], lang: str, per_capita: bool
) -> dict[int, str]:
    """Return {row number of a whole: "（其中 8500万）"}: a whole's label names its parts' values,
    which its bar holds (a thin bar inside is too small to carry its own text)."""
    by_whole: dict[str, list[str]] = {}
    measure = "per_10k" if per_capita else "value"
    for row in group:
        if _is_part(row) and not is_missing(row[measure]):
            by_whole.setdefault(row["part_of"], []).append(_bar_text(row, lang, per_capita))
    marks = punctuation(lang)
    return {
        n: marks.aside(
            "", t("part_bar_text", lang).format(value=marks.enumerate(by_whole[row["figure_id"]]))
        )
        for n, row in enumerate(wholes)
        if not row["missing"] and row.get("figure_id") in by_whole
    }


def _part_trace(
    group: list[dict], labels: dict[str, str], axes: tuple[str, str], lang: str, measure: str
) -> go.Bar | None:
    """Draw the parts of a whole (其中) inside their whole's bar, thinner and lighter: a part
    is never a bar of its own beside its whole. A part whose whole is not drawn is left to the
    table."""
    parts = [
        row
        for row in group
        if _is_part(row) and row["part_of"] in labels and not is_missing(row[measure])
    ]
    if not parts:
        return None
    return go.Bar(
        x=[row[measure] for row in parts],
        y=[labels[row["part_of"]] for row in parts],
        xaxis=axes[0],
        yaxis=axes[1],
        orientation="h",
        width=PART_WIDTH,
        name=t("part_legend", lang),
        legendgroup="part",
        marker={
            "color": COLOURS["part"],
            "pattern": {"shape": [PATTERNS[row["status"]] for row in parts]},
            "line": {"color": "white", "width": 1},
        },
        customdata=[
            _hover({**row, "label": t("part_label", lang).format(label=row["label"])}, lang)
            for row in parts
        ],
        hovertemplate=_hover_template(lang),
    )


def _panel_traces(
    group: list[dict], axes: tuple[str, str], lang: str, per_capita: bool, legend: set[str]
) -> tuple[list[go.Bar | go.Scatter], list[str], float]:
    """Draw one metric: a bar per figure (plans hatched), a part inside its whole's bar,
    "no figure" as text at zero.

    Returns the traces, the y labels top to bottom and the longest bar.
    """
    parts_too = group
    group = _bars(group)
    labels = _unique([_row_label(row, lang) for row in group])
    parts_said = _parts_said(group, parts_too, lang, per_capita)
    measure = "per_10k" if per_capita else "value"
    drawn = [not row["missing"] and not is_missing(row[measure]) for row in group]
    traces: list[go.Bar | go.Scatter] = []
    for status in ("actual", "plan"):
        chosen = [n for n, row in enumerate(group) if drawn[n] and row["status"] == status]
        if not chosen:
            continue
        traces.append(
            go.Bar(
                x=[group[n][measure] for n in chosen],
                y=[labels[n] for n in chosen],
                xaxis=axes[0],
                yaxis=axes[1],
                orientation="h",
                name=t(f"status_{status}", lang),
                legendgroup=status,
                showlegend=status not in legend,
                marker={"color": COLOURS[status], "pattern": {"shape": PATTERNS[status]}},
                text=[
                    _bar_text(group[n], lang, per_capita) + parts_said.get(n, "") for n in chosen
                ],
                textposition="outside",
                cliponaxis=False,
                customdata=[_hover(group[n], lang) for n in chosen],
                hovertemplate=_hover_template(lang),
            )
        )
        legend.add(status)
    empty = [n for n, keep in enumerate(drawn) if not keep]
    if empty:
        traces.append(
            go.Scatter(
                x=[0] * len(empty),
                y=[labels[n] for n in empty],
                xaxis=axes[0],
                yaxis=axes[1],
                mode="text",
                textposition="middle right",
                showlegend=False,
                hoverinfo="skip",
                text=[_bar_text(group[n], lang, per_capita) for n in empty],
                textfont={"color": COLOURS["missing"]},
            )
        )
    whole_labels = {
        row["figure_id"]: label
        for row, label, keep in zip(group, labels, drawn, strict=True)
        if keep and not is_missing(row.get("figure_id"))
    }
    part = _part_trace(parts_too, whole_labels, axes, lang, measure)
    if part is not None:
        part.showlegend = "part" not in legend
        legend.add("part")
        traces.append(part)
    longest = max((row[measure] for row, keep in zip(group, drawn, strict=True) if keep), default=0)
    return traces, labels, longest


def value_axis(longest: float, unit: str | None, lang: str, **axis: object) -> dict[str, object]:
    """A value axis from 0, ticks written as the tables write numbers (2亿, 200 million).

    Plotly's own ticks would read 2k or 200M; these never do. A panel without a bar has no
    scale to read: its axis keeps the grid and drops the numbers.
    """
    axis = {"showgrid": True, "gridcolor": COLOURS["grid"], "zeroline": True, **axis}
    if not longest > 0:
        return {**axis, "range": [0, 1], "showticklabels": False}
    top = longest * HEADROOM
    values, labels = axis_ticks(top, lang, unit)
    return {**axis, "range": [0, top], "tickmode": "array", "tickvals": values, "ticktext": labels}


def region_bars(rows: pd.DataFrame, lang: str, per_capita: bool = False) -> go.Figure:
    """Return horizontal bars, one panel per metric and one bar per figure; no bar for no figure."""
    groups = list(_panels(rows, lang))
    heights = [len(_bars(group)) * ROW_HEIGHT for group in groups]
    total = sum(heights) + PANEL_GAP * (len(groups) - 1)
    traces: list[go.Bar | go.Scatter] = []
    layout: dict[str, object] = {}
    titles = []
    legend: set[str] = set()
    top = 1.0  # panels stack downwards in paper coordinates, the first at the top
    for panel, (group, height) in enumerate(zip(groups, heights, strict=True), start=1):
        suffix = "" if panel == 1 else str(panel)
        drawn, labels, longest = _panel_traces(
            group, (f"x{suffix}", f"y{suffix}"), lang, per_capita, legend
        )
        traces += drawn
        bottom = max(top - height / total, 0.0)
        unit = None if per_capita else group[0]["unit"]
        layout[f"xaxis{suffix}"] = value_axis(longest, unit, lang, anchor=f"y{suffix}")
        layout[f"yaxis{suffix}"] = {
            "domain": [bottom, top],
            "anchor": f"x{suffix}",
            "categoryorder": "array",
            "categoryarray": labels[::-1],
            "automargin": True,
        }
        titles.append(
            {
                "text": _panel_title(group, lang, per_capita),
                "x": 0,
                "y": top,
                "xref": "paper",
                "yref": "paper",
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 15},
            }
        )
        top = bottom - PANEL_GAP / total
    # Overlaid: a part's bar lies inside its whole's; every other bar has a row of its own.
    return go.Figure(
        traces,
        _layout(total + PANEL_GAP + 40, annotations=titles, barmode="overlay", **layout),
    )


def heatmap(matrix: pd.DataFrame, lang: str, hover_names: pd.DataFrame | None = None) -> go.Figure:
    """Return a grid of counts, rows by columns; a cell without any figure stays blank, not 0."""
    text = matrix.map(lambda v: "" if is_missing(v) else format_number(v, lang))
    trace = go.Heatmap(
        z=matrix.to_numpy(),
        x=[hover_text(column) for column in matrix.columns],
        y=[hover_text(row) for row in matrix.index],
        text=text.to_numpy(),
        texttemplate="%{text}",
        colorscale=HEATMAP_SCALE,
        showscale=False,
        hoverongaps=False,
        xgap=3,
        ygap=3,
    )
    if hover_names is not None:
        trace.customdata = hover_names.fillna("").map(_wrap).to_numpy()
        trace.hovertemplate = "%{y} · %{x}<br>%{customdata}<extra></extra>"
    else:
        trace.customdata = text.to_numpy()
        trace.hovertemplate = (
            f"%{{y}} · %{{x}}: %{{customdata}} {t('figures_unit', lang)}<extra></extra>"
        )
    return go.Figure(
        trace,
        _layout(
            28 * len(matrix) + 120,
            yaxis={"autorange": "reversed", "automargin": True},
            xaxis={"side": "top"},
        ),
    )


def category_bars(categories: pd.DataFrame, lang: str) -> go.Figure:
    """Return the number of figures per category as horizontal bars."""
    counts = [int(count) for count in categories["figure_count"]]
    written = [format_number(count, lang) for count in counts]
    top = max(counts, default=0) * 1.15 or 1
    values, labels = axis_ticks(top, lang)
    figure = go.Bar(
        x=counts,
        y=[hover_text(name) for name in localised(categories, "category", lang)],
        orientation="h",
        marker={"color": COLOURS["actual"]},
        text=written,
        textposition="outside",
        cliponaxis=False,
        customdata=written,
        hovertemplate=f"%{{y}}: %{{customdata}} {t('figures_unit', lang)}<extra></extra>",
    )
    return go.Figure(
        figure,
        _layout(
            30 * len(categories) + 100,
            # Every category named, even where a printed chart's rows are too close for
            # plotly's own choice of labels (a briefing of two categories lost the second).
            yaxis={"autorange": "reversed", "automargin": True, "dtick": 1},
            xaxis={
                "title": {"text": t("col_figure_count", lang)},
                "gridcolor": COLOURS["grid"],
                "range": [0, top],
                "tickmode": "array",
                "tickvals": values,
                "ticktext": labels,
            },
        ),
    )
