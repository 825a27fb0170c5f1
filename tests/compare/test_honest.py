"""Honest comparison: missing regions stay missing, per-capita names its denominator, warnings,
derived ratios, coverage matrices and the exports of tables as shown."""

from __future__ import annotations

import io
from datetime import date

import duckdb
import openpyxl
import pandas as pd
import pytest

from ruraldash.compare import coverage, honest, pickers, ratios
from ruraldash.compare.figures import FigureFilter, load_figures
from ruraldash.store.db import run_query
from ruraldash.views import tables
from ruraldash.views.export import provenance
from ruraldash.views.export.files import EXPORTERS


@pytest.fixture(scope="module")
def regions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return run_query(con, "regions")


@pytest.fixture(scope="module")
def catalogue(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return coverage.used_metrics(run_query(con, "metric_catalogue"))


def rows_for(
    con: duckdb.DuckDBPyConnection,
    regions: pd.DataFrame,
    catalogue: pd.DataFrame,
    metric: str,
    category: str | None = None,
) -> pd.DataFrame:
    chosen = pickers.chosen_metrics(
        catalogue, category or catalogue.set_index("metric_id").loc[metric, "category"], metric
    )
    figures = load_figures(con, FigureFilter(metrics=tuple(chosen["metric_id"])))
    return honest.region_rows(figures, regions, chosen)


def test_a_region_without_a_figure_gets_a_no_figure_row_not_a_zero(con, regions, catalogue) -> None:
    rows = rows_for(con, regions, catalogue, "mentors")
    missing = rows[rows["missing"]]
    assert set(missing["region_id"]) == {"gamma", "delta"}
    assert missing["value"].isna().all()
    shown = tables.figure_table(rows, "zh", tables.COMPARE_COLUMNS)
    assert list(shown.loc[shown["地区"] == "丁市", "数值"]) == ["无数据"]
    english = tables.figure_table(rows, "en", tables.COMPARE_COLUMNS)
    assert list(english.loc[english["Region"] == "Gamma", "Value"]) == ["no figure"]


def test_several_figures_for_one_region_are_each_shown_and_never_summed(
    con, regions, catalogue
) -> None:
    rows = rows_for(con, regions, catalogue, "cadres_dispatched")
    alpha = rows[(rows["region_id"] == "alpha") & ~rows["missing"]]
    assert sorted(alpha["value"]) == [420, 2663]
    warnings = honest.caveats(rows, "zh")
    assert any(line.startswith("同一地区有多个数值") and "甲市：2" in line for line in warnings)


def test_warnings_name_periods_scopes_plans_and_levels(con, regions, catalogue) -> None:
    warnings = " ".join(
        honest.caveats(rows_for(con, regions, catalogue, "trainee_person_times"), "en")
    )
    assert "Different periods" in warnings
    assert "Includes plans or targets" in warnings and "2,700 (plan)" in warnings
    assert "No figure (not drawn as 0): Gamma" in warnings
    scoped = " ".join(
        honest.caveats(rows_for(con, regions, catalogue, "party_organisations_set_up"), "zh")
    )
    assert "某镇某村" in scoped
    assert "乙县：县" in scoped


def test_a_metric_not_comparable_is_flagged(con, regions, catalogue) -> None:
    warnings = honest.caveats(rows_for(con, regions, catalogue, "policy_measures"), "en")
    assert any("not comparable" in line for line in warnings)


def test_a_whole_category_gets_one_short_line_per_metric(con, regions, catalogue) -> None:
    rows = rows_for(con, regions, catalogue, pickers.ALL_METRICS, category="mentoring")
    warnings = honest.caveats(rows, "zh")
    assert [line.split("：")[0] for line in warnings] == ["帮带导师", "被帮带对象"]


def test_per_capita_divides_totals_by_resident_population_and_names_it(
    con, regions, catalogue
) -> None:
    rows = honest.add_per_capita(rows_for(con, regions, catalogue, "trainee_person_times"), regions)
    alpha = rows[rows["figure_id"] == "alpha_2021-001"].iloc[0]
    assert alpha["per_10k"] == pytest.approx(12000 / 1000000 * 10000)
    lines = honest.denominator_lines(rows, "zh")
    assert any(
        "甲市" in line
        and "2020年" in line
        and "第七次全国人口普查" in line
        and "《甲市第七次全国人口普查公报（第一号）》（甲市统计局，2021-05-20）" in line
        and line.endswith("来源：https://tjj.alpha.gov.cn/census-1")
        for line in lines
    )
    # 乙县's bulletin was read in a reprint: the line says so, and names the publication.
    assert any(
        line.startswith("乙县")
        and "2018年" in line
        and "非普查数据" in line
        and "《乙县2018年国民经济和社会发展统计公报》（乙县统计局，2019-04）" in line
        and line.endswith("转载，阅读于：https://example.org/beta-bulletin")
        for line in lines
    )
    english = honest.denominator_lines(rows, "en")
    assert any("(note: 7th national census)" in line for line in english)
    assert any(
        line.endswith("reprint, read at: https://example.org/beta-bulletin") for line in english
    )
    # Shown as Markdown, an address autolinks up to the next space: it ends the line.
    addresses = set(regions["population_source"].dropna()) | set(
        regions["population_read_at"].dropna()
    )
    assert all(line.endswith(tuple(addresses)) for line in lines + english if "://" in line)
    assert "Population figures from different years: 2018, 2020" in honest.caveats(
        rows, "en", per_capita=True
    )


def test_a_region_without_an_official_population_gets_no_value_and_a_line_saying_so(
    con, regions, catalogue
) -> None:
    rows = honest.add_per_capita(rows_for(con, regions, catalogue, "fund_size"), regions)
    gamma = rows[rows["region_id"] == "gamma"]
    assert not gamma.empty and not gamma["missing"].any()
    assert gamma["per_10k"].isna().all()
    assert set(gamma["per_capita_reason"]) == {"reason_no_population"}
    assert "丙市：无官方人口数（人口普查公报、统计公报或统计年鉴），不计算每万人数值" in (
        honest.denominator_lines(rows, "zh")
    )
    assert (
        "Gamma: no official population figure (census bulletin, statistical bulletin or "
        "yearbook); no per-10,000 value" in honest.denominator_lines(rows, "en")
    )
    shown = tables.figure_table(rows, "en", tables.COMPARE_COLUMNS + tables.PER_CAPITA_COLUMNS)
    gamma_shown = shown[shown["Region"] == "Gamma"]
    assert set(gamma_shown["Per-10,000 note"]) == {
        "no official population figure; no per-10,000 value"
    }


def test_per_capita_is_refused_for_a_narrower_scope_or_a_share(con, regions, catalogue) -> None:
    scoped = honest.add_per_capita(
        rows_for(con, regions, catalogue, "party_organisations_set_up"), regions
    )
    village = scoped[scoped["figure_id"] == "gamma_2019-001"].iloc[0]
    assert village["per_capita_reason"] == "reason_narrower_scope"
    assert pd.isna(village["per_10k"])
    share = honest.add_per_capita(rows_for(con, regions, catalogue, "cadre_share"), regions)
    assert set(share.loc[~share["missing"], "per_capita_reason"]) == {"reason_not_total"}


def test_ratios_pair_figures_of_one_report_period_and_program(con) -> None:
    found = ratios.derived_ratios(load_figures(con))
    by_rule = {(row.rule, row.region_id): row for row in found.itertuples()}
    mentees = by_rule[("mentees_per_mentor", "alpha")]
    assert mentees.ratio == pytest.approx(1300 / 800) and mentees.approximate
    beta = by_rule[("mentees_per_mentor", "beta")]
    assert beta.ratio == pytest.approx(1093 / 857) and not beta.approximate
    assert by_rule[("trainees_per_session", "alpha")].ratio == pytest.approx(12000 / 20)
    assert by_rule[("funds_per_project", "alpha")].ratio == pytest.approx(200000000 / 500)
    # Alpha's projects (2021年) and its dispatched cadres (none, or 2019年以来) differ in period.
    assert ("projects_per_cadre", "alpha") not in by_rule
    shown = tables.ratio_table(found[found["rule"] == "mentees_per_mentor"], "zh")
    assert "1300多 ÷ 800多 = ≈1.62" in list(shown["计算方法"])
    assert shown["分子原文"].str.contains("后备力量1300多名").any()


def test_program_rows_list_programs_without_figures(con, regions) -> None:
    programs = run_query(con, "programs")
    figures = load_figures(con, FigureFilter(program_types=("credit",)))
    rows = honest.program_rows(programs, figures, regions, "credit")
    silent = rows[rows["missing"]]
    assert not silent.empty and silent["value"].isna().all()
    shown = tables.figure_table(rows, "en", tables.PROGRAM_FIGURE_COLUMNS)
    assert "no figure" in set(shown["Value"])


def test_the_coverage_matrix_leaves_blank_where_there_is_no_figure(con, regions) -> None:
    categories = run_query(con, "categories")
    matrix = coverage.coverage_matrix(
        run_query(con, "coverage"), regions, categories, "category", "en"
    )
    assert list(matrix.columns) == ["Alpha", "Beta County", "Gamma", "Delta"]
    assert pd.isna(matrix.loc["Mentoring", "Gamma"])
    assert matrix.loc["Mentoring", "Alpha"] == 2
    programs = run_query(con, "programs")
    counts, listed = coverage.program_matrix(
        programs, regions, run_query(con, "program_types"), "zh"
    )
    assert listed.loc["导师帮带", "甲市"] == "甲市导师帮带制"
    assert pd.isna(counts.loc["导师帮带", "丙市"])


def test_file_names_say_what_is_inside_and_that_it_is_filtered() -> None:
    day = date(2026, 11, 21)
    assert (
        provenance.file_stem("compare_regions", "trainees", filtered=True, day=day)
        == "compare_regions_trainees_filtered_2026-11-21"
    )
    assert provenance.file_stem("explore", "", filtered=False, day=day) == "explore_all_2026-11-21"


def test_a_table_is_exported_as_shown_with_sources_and_notes(con, regions, catalogue) -> None:
    rows = rows_for(con, regions, catalogue, "mentors")
    shown = tables.figure_table(rows, "zh", tables.COMPARE_COLUMNS)
    export = provenance.table_export(
        "地区比较",
        shown,
        provenance.figure_sources(rows, "zh"),
        [("指标", "帮带导师")],
        honest.caveats(rows, "zh"),
        "zh",
    )
    csv = EXPORTERS["csv"](export)
    assert csv.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig").columns[0] == "数值"  # as shown
    book = openpyxl.load_workbook(io.BytesIO(EXPORTERS["xlsx"](export)))
    printed, data, sources, notes = book.worksheets
    assert printed["A1"].value == "帮带导师：地区比较"  # the print-ready table comes first
    assert [cell.value for cell in data[1]] == list(shown.columns)
    assert data.freeze_panes == "A2"
    base = list(shown.columns).index("数值（基本单位）")
    values = [row[base].value for row in data.iter_rows(min_row=2)]
    assert 800 in values and None in values  # numbers stay numbers; no figure stays empty
    assert sources.max_row == 1 + int((~rows["missing"]).sum())
    noted = [row[1].value for row in notes.iter_rows(min_row=2)]
    assert "指标: 帮带导师" in noted and any("无数据" in str(text) for text in noted)


def test_a_kind_of_program_without_pairs_has_an_empty_ratio_table(con) -> None:
    figures = load_figures(con, FigureFilter(program_types=("grid_service",)))
    assert not figures.empty
    found = ratios.derived_ratios(figures)
    assert found.empty and list(found.columns) == list(ratios.RATIO_COLUMNS)
    shown = tables.ratio_table(found, "zh")
    assert shown.empty and "计算方法" in shown.columns
    assert provenance.ratio_sources(found, figures, "zh").empty


def test_per_capita_reasons_name_the_first_reason_that_applies() -> None:
    rows = pd.DataFrame(
        {
            "missing": [True, False, False, False, False, False],
            "summable": [True, False, True, True, True, True],
            "unit": ["person", "person", "percent", "person", "yuan", "yuan"],
            "scope": ["某村", "某村", None, "某村", None, None],
            "population": [None, 1.0, 1.0, None, None, 2.0],
        }
    )
    assert list(honest.per_capita_reasons(rows)) == [
        "reason_no_figure",
        "reason_not_total",
        "reason_not_total",
        "reason_narrower_scope",
        "reason_no_population",
        None,
    ]
