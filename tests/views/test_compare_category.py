"""Compare for every metric of a category: each metric ranked alone in its own period, panels
sorted within themselves, no cross-metric rank or sum, and a print sheet of seven columns."""

from __future__ import annotations

import dataclasses
import io

import duckdb
import openpyxl
import pandas as pd
import pytest

from ruraldash.language.i18n import t, t_count
from ruraldash.store.db import connect
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.briefing.view import make_briefing
from ruraldash.views.category_charts import Panel, category_bars
from ruraldash.views.export.files import to_xlsx
from ruraldash.views.export.print_table import MOST_COLUMNS, print_table
from ruraldash.views.pages.compare_category import PRINTED_METRICS, category_comparison

FUNDS_2021 = ("投入资金 · 2021年", "Funds invested · in 2021")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_metric_has_a_value_and_a_position_among_its_own_figures(
    con: duckdb.DuckDBPyConnection, lang: str
) -> None:
    compared = category_comparison(con, lang, "", "prefecture", "funds", "actual")
    table = compared.table.shown
    value = FUNDS_2021[lang == "en"]
    rank = next(column for column in table.columns if column.startswith(value) and column != value)
    assert list(table.columns) == [
        t("col_map_unit", lang),
        value,
        rank,
        t("col_admin_code", lang),
    ]
    ranked = table[table[rank] != ""].set_index(t("col_admin_code", lang))
    # 定西市 近8亿 above 福州市 约2亿: positions among the metric's own two figures.
    assert ranked.loc["621100", rank] == t("category_rank_text", lang).format(
        position=1, reported=2
    )
    assert ranked.loc["350100", rank] == t("category_rank_text", lang).format(
        position=2, reported=2
    )
    assert ranked.loc["621100", value].startswith(("近8亿", "<800 million"))
    # No total: the metrics of a category are never added up, nor a column of sums shown.
    assert not any(
        word in column for column in table.columns for word in ("合计", "总计", "total", "sum")
    )


def test_a_metric_without_a_comparable_period_is_named_in_one_line_and_not_drawn(
    con: duckdb.DuckDBPyConnection,
) -> None:
    compared = category_comparison(con, "zh", "", "prefecture", "funds", "actual")
    line = t_count("category_without_period", 1, "zh").format(count=1, names="专项基金规模")
    assert line in compared.notes
    titles = [annotation.text for annotation in compared.chart.layout.annotations]
    assert titles == [FUNDS_2021[0]]
    assert [column.metric for column in compared.columns] == ["funds_invested"]


def test_panels_are_sorted_each_by_its_own_values_and_cut_to_their_extremes() -> None:
    def rows(values: list[float]) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "name": [f"单位{n}" for n in range(len(values))],
                "admin_code": [f"99{n:04d}" for n in range(len(values))],
                "value": values,
                "qualifier": "exact",
                "status": "actual",
                "basis": "reported",
            }
        )

    panels = [
        Panel("甲 · 2021年", "person", rows([5, 50, 20])),
        Panel("乙 · 2020年", "yuan", rows([3e8, 1e8, 2e8, 4e8, 5e8])),
    ]
    figure = category_bars(panels, "zh", show_all=False, top=2)
    first, second = figure.data
    assert list(first.x) == [50, 20, 5]  # within the panel, largest first
    assert list(second.x) == [5e8, 4e8, 2e8, 1e8]  # two largest and two smallest of five
    assert first.xaxis != second.xaxis  # each panel reads on its own axis
    assert "…" in figure.layout.yaxis2.categoryarray[2]  # the unit left out between them
    ticks = figure.layout.xaxis2.ticktext
    assert any(tick.endswith("亿") for tick in ticks) and not any("k" in tick for tick in ticks)
    assert [annotation.text for annotation in figure.layout.annotations][:2] == [
        "甲 · 2021年",
        "乙 · 2020年",
    ]


@pytest.fixture(scope="module")
def national_con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """A small national folder with five training metrics."""
    from tests.support.national_folder import write_national_folder

    root = write_national_folder(tmp_path_factory.mktemp("category"), counties=40, metrics=12)
    with connect(root / "national.duckdb") as connection:
        yield connection


def test_at_national_scale_each_position_is_among_one_metrics_figures_of_one_period(
    national_con: duckdb.DuckDBPyConnection,
) -> None:
    compared = category_comparison(national_con, "zh", "", "county", "training", "actual")
    assert len(compared.columns) > PRINTED_METRICS
    table = compared.table.shown.set_index(t("col_admin_code", "zh"))
    for column in compared.columns:
        figures = column.figures
        assert figures["metric_id"].nunique() == 1
        assert figures["period_key"].nunique() == 1
        assert figures["admin_code"].is_unique
        header = next(
            name
            for name in table.columns
            if name.startswith(f"{column.name} · {column.period_text} ")
        )
        highest = figures.loc[figures["value"].idxmax(), "admin_code"]
        assert table.loc[highest, header].startswith(f"第1位/{len(figures)}")


def test_the_print_sheet_keeps_seven_columns_and_says_which_metrics(
    national_con: duckdb.DuckDBPyConnection,
) -> None:
    compared = category_comparison(national_con, "zh", "", "county", "training", "actual")
    export = compared.table.export
    printed = print_table(export)
    assert len(printed.headers) == MOST_COLUMNS
    kept = t("category_print_kept", "zh").format(
        kept=PRINTED_METRICS, metrics=len(compared.columns), sheet=t("sheet_data", "zh")
    )
    assert kept in printed.caveats
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(export)))
    full = book[t("sheet_data", "zh")]
    assert full.max_column == 2 + 2 * len(compared.columns)  # every metric on the full sheet


def test_the_briefing_has_a_table_per_metric_with_its_period_and_ranks_no_metric_above_another(
    national_con: duckdb.DuckDBPyConnection,
) -> None:
    view = briefing_pages.compare_category(national_con, "zh", "", "county", "training")
    briefing = make_briefing(view)
    compared = category_comparison(national_con, "zh", "", "county", "training", "actual")
    headings = [block.heading for block in briefing.blocks()]
    assert headings[: len(compared.columns)] == [
        f"{column.name} · {column.period_text}" for column in compared.columns
    ]
    assert "最高" not in briefing.lead
    assert t("lead_aspect_metric", "zh") in briefing.lead


def test_the_briefing_files_print_one_table_under_each_metrics_heading(
    national_con: duckdb.DuckDBPyConnection,
) -> None:
    import docx

    from ruraldash.views.briefing.docx import to_docx
    from ruraldash.views.briefing.pdf import to_html

    view = briefing_pages.compare_category(national_con, "zh", "", "county", "training")
    # The chart is drawn by Chromium: these check the tables only.
    briefing = make_briefing(dataclasses.replace(view, chart=None))
    blocks = briefing.blocks()
    document = docx.Document(io.BytesIO(to_docx(briefing)))
    assert len(document.tables) == len(blocks) > 1
    for block, table in zip(blocks, document.tables, strict=True):
        assert [cell.text for cell in table.rows[0].cells] == list(block.headers)
        assert t("col_metric", "zh") not in block.headers  # the heading names it instead
    html = to_html(briefing, None)
    assert html.count("<table>") == len(blocks)
    for block in blocks:
        assert f'<p class="block">{block.heading}</p>' in html
