"""Compare programs' matrix when regions are grouped: a heatmap and a table, groups × types."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare.program_groups import GroupedMatrix
from ruraldash.language.formatting import format_number
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation
from ruraldash.views.charts import FONT, HEATMAP_SCALE
from ruraldash.views.plain import hover_text


def _cell(named: int, reported: int) -> str:
    """Write a cell as "named/reported" (12/84)."""
    return f"{named}/{reported}"


def grouped_chart(matrix: GroupedMatrix, type_names: list[str], lang: str) -> go.Figure:
    """Return groups × types (a row per group, as in the table: thirty-odd columns leave no
    room for "12/84"), coloured by the share of a group's reports that name a kind.

    A group where no report names a kind stays blank: not mentioned is not none.
    """
    named = matrix.named.T.to_numpy()
    reported = matrix.reported.to_numpy()
    share = pd.DataFrame(named / reported[:, None]).where(named > 0).to_numpy()
    text = [
        [_cell(count, of) if count else "" for count in row]
        for row, of in zip(named, reported, strict=True)
    ]
    hover = [
        [
            _hover(count, of, names, lang) if count else ""
            for count, names in zip(row, name_row, strict=True)
        ]
        for row, of, name_row in zip(named, reported, matrix.names.T.to_numpy(), strict=True)
    ]
    trace = go.Heatmap(
        z=share,
        x=[hover_text(name) for name in type_names],
        y=[hover_text(name) for name in matrix.group_names],
        text=text,
        texttemplate="%{text}",
        customdata=hover,
        hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>",
        colorscale=HEATMAP_SCALE,
        zmin=0,
        zmax=1,
        showscale=False,
        hoverongaps=False,
        xgap=3,
        ygap=2,
    )
    return go.Figure(
        trace,
        {
            "height": 24 * len(matrix.group_names) + 180,
            "font": {"family": FONT, "size": 13},
            "plot_bgcolor": "white",
            "margin": {"l": 10, "r": 30, "t": 140, "b": 20},
            "hoverlabel": {"font": {"family": FONT}},
            "yaxis": {"autorange": "reversed", "automargin": True},
            "xaxis": {"side": "top", "tickangle": -30, "automargin": True},
        },
    )


def _hover(named: int, reported: int, names: object, lang: str) -> str:
    """Say how many of a group's reports name a kind, and name the first few regions."""
    shown = names if isinstance(names, list) else []
    listed = punctuation(lang).enumerate([hover_text(name) for name in shown])
    if named > len(shown):
        listed += t("programs_group_more", lang).format(count=named - len(shown))
    return t("programs_group_hover", lang).format(named=named, reported=reported) + "<br>" + listed


def grouped_table(matrix: GroupedMatrix, type_names: list[str], lang: str) -> pd.DataFrame:
    """Return one row per group (and one for all of them): its regions with a report, then per
    type how many of them name such a program ("12/84"), or that none of their reports does.

    A row per group, not a column: thirty-odd columns are neither readable nor printable.
    """
    reported = matrix.reported.to_list()
    named = matrix.named.T
    rows = [*matrix.group_names, t("programs_group_all", lang)]
    totals = [*reported, sum(reported)]
    table = pd.DataFrame(
        {
            t("col_region", lang): rows,
            t("col_admin_code", lang): [*matrix.group_codes, ""],
            t("col_regions_reported", lang): totals,
        }
    )
    for kind, name in zip(named.columns, type_names, strict=True):
        counts = [*named[kind], int(named[kind].sum())]
        table[name] = [
            _cell(count, of) if count else t("programs_group_none", lang)
            for count, of in zip(counts, totals, strict=True)
        ]
    return table


def grouped_note(regions: int, level: str, lang: str, groups: int) -> str:
    """Say why the matrix has a column per group, and how to read a cell."""
    return t("programs_grouped", lang).format(
        regions=format_number(regions, lang), levels=t(f"levels_{level}", lang), groups=groups
    )
