"""Briefings (简报): built from a page's view, written as DOCX and PDF, read back as a reader would.

The fixture (tests/fixtures/briefing) holds one rule per row: a value qualified 近, a plan, an
about (约) over a narrower scope, and a region (丙市) with no figure for the metric. Files are
read back with python-docx, pdftotext, pdffonts and pdfinfo. Without Chromium (or poppler) the
file tests skip with the reason, except under CI=true, where they must run.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import os
import shutil
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pytest
from docx import Document
from docx.oxml.ns import qn

from ruraldash import paths
from ruraldash.cli import main
from ruraldash.language.i18n import t
from ruraldash.store.build import ensure_database
from ruraldash.store.db import connect, run_query
from ruraldash.views.briefing import docx as briefing_docx
from ruraldash.views.briefing import images
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.briefing import pdf as briefing_pdf
from ruraldash.views.briefing import view as briefing_view
from ruraldash.views.briefing.files import briefing_file
from ruraldash.views.export.provenance import shown_table
from ruraldash.views.pages import compare as compare_page
from ruraldash.views.pages import map as map_page
from tests.support.tools import require_tool

FIXTURE = Path(__file__).parents[1] / "fixtures" / "briefing"
DAY = date(2026, 11, 30)
VALUES_AS_WRITTEN = ("近8亿元", "2亿元（计划）", "约1000万元")  # as the quotes write them
QUOTES = ("2015年以来投入资金近8亿元", "今年计划投入资金2亿元", "石门村投入资金约1000万元")
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def poppler() -> None:
    require_tool(
        "pdftotext/pdffonts/pdfinfo (apt-get install -y poppler-utils)",
        bool(shutil.which("pdffonts")),
    )


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ensure_database(
        FIXTURE / "data", FIXTURE / "metrics", tmp_path_factory.mktemp("briefing") / "db.duckdb"
    )


@pytest.fixture(scope="module")
def con(fixture_db: Path) -> duckdb.DuckDBPyConnection:
    with connect(fixture_db) as connection:
        yield connection


@pytest.fixture(scope="module")
def funds_view(con: duckdb.DuckDBPyConnection) -> briefing_view.View:
    return briefing_pages.compare(con, "zh", metric="funds_invested")


def _cells(made: briefing_view.Briefing) -> list[str]:
    return [cell for row in made.rows for cell in row]


# --- the briefing itself (no browser needed) ------------------------------------------------


def test_a_briefing_carries_the_pages_table_caveats_and_selection(
    con: duckdb.DuckDBPyConnection, funds_view: briefing_view.View
) -> None:
    level = compare_page.busiest_level(con, "")
    page = compare_page.comparison(con, "zh", "", level, "funds_invested", "actual", "", "")
    made = briefing_view.make_briefing(funds_view, DAY)
    assert made.title == "投入资金：各地区比较"
    # what the page warns, word for word, then the units without a figure, named (not 0)
    assert made.caveats[:-1] == tuple(page.differences)
    assert made.caveats[-1].startswith("无数据（没有画成0）：")
    assert made.chart is not None and made.chart.to_json() == page.chart.to_json()
    selection = dict(made.selection)
    assert selection["指标"] == "投入资金"
    assert selection["有数据的地区"] == page.headline
    # No two regions have figures of one period: the briefing says so and ranks nothing.
    assert selection["时期"] == "各项时期不同（见表）"
    assert selection["说明"] == t("lfl_side_by_side", "zh")
    assert "rank" not in made.keys
    assert made.stem.startswith("投入资金_")


def test_every_value_is_as_written_and_refers_to_its_numbered_clause(
    funds_view: briefing_view.View,
) -> None:
    made = briefing_view.make_briefing(funds_view, DAY)
    by_value = {row[made.keys.index("value_text")]: row for row in made.rows}
    assert set(VALUES_AS_WRITTEN) <= set(by_value)
    clauses = {f"[{clause.number}]": clause for clause in made.clauses}
    for value, quote in zip(VALUES_AS_WRITTEN, QUOTES, strict=True):
        clause = clauses[by_value[value][-1]]
        assert clause.quote == quote
    assert by_value["约1000万元"][made.keys.index("scope")] == "石门村"
    assert by_value["2亿元（计划）"][made.keys.index("status")] == "计划"
    assert "unit" not in made.keys  # the unit is written after each value
    assert clauses["[1]"].report == "甲市报告" and clauses["[1]"].date == "2021-11-04（原文写明）"
    assert clauses["[3]"].date == "2020（推断）"


def test_a_handful_of_different_periods_is_listed_in_region_order(
    funds_view: briefing_view.View,
) -> None:
    made = briefing_view.make_briefing(funds_view, DAY)
    values = [row[made.keys.index("value_text")] for row in made.rows]
    # alpha's two figures (report order), then beta's: never sorted by value.
    assert values == ["近8亿元", "2亿元（计划）", "约1000万元"]


def test_briefings_follow_the_pages_language(con: duckdb.DuckDBPyConnection) -> None:
    made = briefing_view.make_briefing(briefing_pages.compare(con, "en", metric="funds_invested"))
    assert made.title == "Funds invested: regions compared"
    assert ("Period", "periods differ (see the table)") in made.selection


def test_programs_and_profile_are_views_too(con: duckdb.DuckDBPyConnection) -> None:
    programs = briefing_view.make_briefing(
        briefing_pages.compare_programs(con, "zh", "training"), DAY
    )
    assert programs.title == "教育培训：各地同类项目比较"
    assert {"1.2万多人次", "5000人次"} < set(_cells(programs))
    # every figure of the kind counts the whole region and is actual: said once, not per row
    assert ("范围", "全域（各行相同）") in programs.selection
    assert ("状态", "实际（各行相同）") in programs.selection
    assert "scope" not in programs.keys and "status" not in programs.keys
    assert [clause.quote for clause in programs.clauses] == [
        "受训党员1.2万多人次",
        "轮训党员5000人次",
    ]
    profile = briefing_view.make_briefing(briefing_pages.region_profile(con, "zh", "350100"), DAY)
    # the page names a region as the national list does: 甲市's code 350100 is 福州市's
    assert profile.title == "福州市：地区档案"
    assert {"近8亿元", "2亿元（计划）", "1.2万多人次"} < set(_cells(profile))
    assert len(profile.clauses) == 3


# --- DOCX ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_file(funds_view: briefing_view.View, chromium: None) -> bytes:
    return briefing_file(funds_view, "docx", DAY)


def test_the_docx_reads_back_with_every_value_caveat_and_clause(
    docx_file: bytes, funds_view: briefing_view.View
) -> None:
    document = Document(io.BytesIO(docx_file))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[:3] == [
        "乡村振兴数据简报",
        "2026年11月30日　　数据来源：各地公开报告，经整理",
        "投入资金：各地区比较",
    ]
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][:3] == ["行政单位", "层级", "统计对象（原文）"] and rows[0][-1] == "来源"
    # a unit without a figure is no row of the side-by-side table: it is named in the caveats
    assert not [row for row in rows if row[0] == "丙市"]
    cells = {cell for row in rows for cell in row}
    assert set(VALUES_AS_WRITTEN) | {"石门村", "计划", "[1]", "[2]", "[3]"} <= cells
    caveats = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert caveats == list(funds_view.caveats)
    assert any(line.startswith("无数据（没有画成0）：") for line in caveats)
    text = "\n".join(paragraphs)
    assert "甲市 · 甲市报告（2021-11-04（原文写明））： [1] “2015年以来投入资金近8亿元”" in text
    for quote in QUOTES:
        assert f"“{quote}”" in text


def test_the_docx_is_a4_with_its_chart_inline_at_print_resolution(docx_file: bytes) -> None:
    document = Document(io.BytesIO(docx_file))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 15 <= section.left_margin.mm <= 25 and 10 <= section.top_margin.mm <= 25
    (picture,) = document.inline_shapes
    blob = picture._inline.graphic.graphicData.pic.blipFill.blip.embed
    png = document.part.related_parts[blob].blob
    assert png.startswith(b"\x89PNG")
    pixels_wide = int.from_bytes(png[16:20], "big")
    assert pixels_wide / (picture.width.mm / 25.4) >= 290  # dots per inch on paper


def test_the_docx_names_east_asian_fonts_on_its_defaults_and_styles(docx_file: bytes) -> None:
    document = Document(io.BytesIO(docx_file))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    wanted = {"Normal": "SimSun", "List Bullet": "SimSun", "Title": "SimHei", "Heading 1": "SimHei"}
    for name, font in wanted.items():
        rfonts = document.styles[name].element.rPr.rFonts
        assert rfonts.get(qn("w:eastAsia")) == font, name
        assert rfonts.get(qn("w:eastAsiaTheme")) is None, name  # a theme font would win
    language = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert language.get(qn("w:eastAsia")) == "zh-CN"


# --- PDF -----------------------------------------------------------------------------------


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdf_path(
    funds_view: briefing_view.View,
    chromium: None,
    poppler: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "briefing_view.pdf"
    path.write_bytes(briefing_file(funds_view, "pdf", DAY))
    return path


def test_the_pdf_holds_every_value_caveat_and_clause(
    pdf_path: Path, funds_view: briefing_view.View
) -> None:
    text = _run("pdftotext", "-enc", "UTF-8", str(pdf_path), "-")
    flat = "".join(text.split())  # pdftotext breaks lines where the page does
    assert "投入资金：各地区比较" in flat
    for expected in (*VALUES_AS_WRITTEN, "无数据（没有画成0）", "石门村", *QUOTES, "[1]", "[3]"):
        assert expected in flat, expected
    for caveat in funds_view.caveats:
        assert "".join(caveat.split()) in flat, caveat


def test_the_pdf_is_one_a4_page_with_its_cjk_font_embedded(pdf_path: Path) -> None:
    info = _run("pdfinfo", str(pdf_path))
    assert "Pages:           1" in info
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(number) for number in size.split()[2:5:2])
    assert (round(width), round(height)) == A4_POINTS
    fonts = _run("pdffonts", str(pdf_path)).splitlines()[2:]
    assert fonts, "the PDF has no fonts"
    for line in fonts:  # columns: … emb sub uni object ID
        embedded, _, unicode_map = line.split()[-5:-2]
        assert embedded == "yes" and unicode_map == "yes", line
    image_list = _run("pdfimages", "-list", str(pdf_path)).splitlines()[2:]
    assert len(image_list) >= 1  # the chart


def test_a_long_table_prints_smaller_to_stay_within_two_pages(
    funds_view: briefing_view.View, chromium: None, poppler: None, tmp_path: Path
) -> None:
    made = briefing_view.make_briefing(funds_view, DAY)
    # A whole category of many regions: the fixture's rows and clauses 24 times over, three
    # pages as written.
    clauses = tuple(
        dataclasses.replace(clause, number=clause.number + len(made.clauses) * copy)
        for copy in range(24)
        for clause in made.clauses
    )
    long = dataclasses.replace(made, rows=made.rows * 24, clauses=clauses)
    html, footer = briefing_pdf.to_html(long, None), briefing_pdf.footer_html(long)
    assert briefing_pdf.page_count(images.html_pdf(html, footer)) > briefing_pdf.MOST_PAGES
    path = tmp_path / "long.pdf"
    path.write_bytes(briefing_pdf.to_pdf(long))
    pages = int(
        next(line for line in _run("pdfinfo", str(path)).splitlines() if "Pages" in line).split()[
            -1
        ]
    )
    assert pages == briefing_pdf.page_count(path.read_bytes()) <= briefing_pdf.MOST_PAGES
    flat = "".join(_run("pdftotext", "-enc", "UTF-8", str(path), "-").split())
    assert f"[{len(clauses)}]" in flat  # the last clause is still printed


# --- the command line ----------------------------------------------------------------------


def _cli(*args: str, db: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ruraldash",
            "briefing",
            *args,
            "--data",
            str(FIXTURE / "data"),
            "--metrics",
            str(FIXTURE / "metrics"),
            "--db",
            str(db),
        ],
        cwd=paths.REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def _main(*args: str, db: Path) -> int:
    """Run the command line in this process (its Chromium already running for the others)."""
    data = ("--data", str(FIXTURE / "data"), "--metrics", str(FIXTURE / "metrics"))
    return main(["briefing", *args, *data, "--db", str(db)])


def test_the_command_line_writes_each_view(
    chromium: None, tmp_path: Path, fixture_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for view, *selection in (
        ("compare-regions", "--category", "funds", "--metric", "funds_invested"),
        ("compare-programs", "--type", "training"),
        ("region-profile", "--report", "beta_2020", "--lang", "en"),
    ):
        out = tmp_path / f"{view}.docx"
        assert _main(view, *selection, "--format", "docx", "--out", str(out), db=fixture_db) == 0
        assert f"wrote {out}" in capsys.readouterr().out
        assert len(Document(str(out)).inline_shapes) == 1


def test_the_command_line_names_an_unknown_selection_with_exit_code_2(
    tmp_path: Path, fixture_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for view, flag, value in (
        ("compare-regions", "--metric", "nope"),
        ("compare-regions", "--category", "nope"),
        ("compare-programs", "--type", "mentoring"),
        ("region-profile", "--report", "nope"),
    ):
        selection = [flag, value]
        if view == "compare-regions" and flag == "--metric":
            selection = ["--category", "funds", *selection]
        out = tmp_path / "never.pdf"
        assert _main(view, *selection, "--format", "pdf", "--out", str(out), db=fixture_db) == 2
        error = capsys.readouterr().err
        assert f"{flag} '{value}': expected one of" in error
        assert not out.exists()


def test_without_chromium_a_pdf_fails_with_exit_code_3_and_a_docx_says_it_has_no_chart(
    tmp_path: Path, fixture_db: Path
) -> None:
    missing = {"RURALDASH_CHROMIUM": str(tmp_path / "no-chromium")}
    selection = ("compare-regions", "--category", "funds", "--metric", "funds_invested")
    pdf = tmp_path / "b.pdf"
    done = _cli(*selection, "--format", "pdf", "--out", str(pdf), db=fixture_db, env=missing)
    assert done.returncode == 3 and "Chromium not found" in done.stderr
    assert not pdf.exists()
    docx = tmp_path / "b.docx"
    done = _cli(*selection, "--format", "docx", "--out", str(docx), db=fixture_db, env=missing)
    assert done.returncode == 0 and "no chart" in done.stderr
    document = Document(str(docx))
    assert not document.inline_shapes
    assert any("图表未生成" in paragraph.text for paragraph in document.paragraphs)


# --- the DOCX as a word processor lays it out -----------------------------------------------


def test_libreoffice_lays_the_docx_out_on_one_a4_page(
    docx_file: bytes, poppler: None, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    require_tool("soffice (apt-get install -y libreoffice-writer-nogui)", soffice is not None)
    source = tmp_path / "briefing_view.docx"
    source.write_bytes(docx_file)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    converted = tmp_path / "briefing_view.pdf"
    assert "Pages:           1" in _run("pdfinfo", str(converted))
    flat = "".join(_run("pdftotext", "-enc", "UTF-8", str(converted), "-").split())
    for expected in ("投入资金：各地区比较", *VALUES_AS_WRITTEN, "无数据", *QUOTES):
        assert expected in flat, expected


# --- long tables and tall charts ------------------------------------------------------------


def _long_view(
    rows_with_figures: int, rows_without: int, chart: go.Figure | None
) -> briefing_view.View:
    """A view built by hand: a few figures, then many 无数据 rows over two metrics."""
    lang = "zh"
    names = ("region", "metric", "label", "value_text", "unit", "period", "scope", "status")
    figures = [
        ("甲市", "投入资金", f"资金{n}", f"{n}万", "元", "2021年", "全域", "实际", f"f-{n}")
        for n in range(rows_with_figures)
    ]
    absent = [
        (f"地区{n}", "投入资金" if n % 2 else "培训人次", "", "无数据", "", "", "", "", "")
        for n in range(rows_without)
    ]
    shown = pd.DataFrame(
        figures + absent, columns=[t(f"col_{name}", lang) for name in (*names, "figure_id")]
    )
    sources = pd.DataFrame(
        {
            t("col_figure_id", lang): [row[-1] for row in figures],
            t("col_region", lang): "甲市",
            t("col_source", lang): "甲市报告",
            t("col_source_date", lang): "2021",
            t("col_quote", lang): [f"投入资金{n}万元" for n in range(rows_with_figures)],
        }
    )
    table = shown_table("地区比较", shown, sources, [], [], lang, "long")
    return briefing_view.View("compare", "投入资金", table, names, chart, (), (), lang, ("long",))


def test_a_long_table_names_its_regions_without_a_figure_under_it_once() -> None:
    made = briefing_view.make_briefing(_long_view(4, briefing_view.LONG_TABLE, None), DAY)
    assert len(made.rows) == 4 and "无数据" not in _cells(made)
    assert made.absent.startswith("无数据（未列入上表）：")
    assert "投入资金：地区1、地区3" in made.absent and "培训人次：地区0、地区2" in made.absent
    short = briefing_view.make_briefing(_long_view(4, 3, None), DAY)
    assert short.absent == "" and _cells(short).count("无数据") == 3


def test_a_chart_too_tall_for_the_page_is_left_out_with_a_note() -> None:
    tall = go.Figure(layout={"height": 5000, "annotations": [{"text": "a"}, {"text": "b"}]})
    view = _long_view(4, 0, tall)
    made = briefing_view.make_briefing(view, DAY)
    assert not briefing_docx.chart_fits(made)
    document = Document(io.BytesIO(briefing_file(view, "docx", DAY)))  # no Chromium needed
    assert not document.inline_shapes
    assert any("图表有 2 个指标，放不进一页" in p.text for p in document.paragraphs)


# --- one page at any scale --------------------------------------------------------------------


def test_a_briefing_names_some_regions_without_a_figure_and_counts_them_all() -> None:
    made = briefing_view.make_briefing(_long_view(4, 100, None), DAY)
    # 50 regions without a figure per metric: the first twelve are named, then the count.
    assert made.absent.count("（共 50 个，全部见页面的 CSV/Excel 下载）") == 2
    assert "地区23" in made.absent and "地区25" not in made.absent
    assert "地区22" in made.absent and "地区24" not in made.absent


def test_a_briefing_prints_at_most_its_row_limit_and_only_their_clauses() -> None:
    made = briefing_view.make_briefing(_long_view(100, 0, None), DAY)
    assert len(made.rows) == briefing_view.BRIEFING_ROWS == 60
    assert made.table_note == "表中只列前 60 行（共 100 行），全部见页面的 CSV/Excel 下载。"
    assert [clause.quote for clause in made.clauses] == [f"投入资金{n}万元" for n in range(60)]
    assert made.rows[-1][-1] == "[60]"
    short = briefing_view.make_briefing(_long_view(60, 0, None), DAY)
    assert len(short.rows) == 60 and short.table_note == ""


def test_a_view_keeping_some_figures_prints_those_with_their_clauses_and_its_note() -> None:
    view = dataclasses.replace(
        _long_view(20, 30, None), kept_ids=frozenset({"f-3", "f-17"}), kept_note="只列两项。"
    )
    made = briefing_view.make_briefing(view, DAY)
    assert [clause.quote for clause in made.clauses] == ["投入资金3万元", "投入资金17万元"]
    assert [row[-1] for row in made.rows] == ["[1]", "[2]"]
    assert made.table_note == "只列两项。"
    assert made.absent.startswith("无数据（未列入上表）：")  # still named under the table


def test_the_docx_prints_the_table_note_under_the_table() -> None:
    view = _long_view(100, 0, None)
    document = Document(io.BytesIO(briefing_file(view, "docx", DAY)))  # no chart, no Chromium
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "表中只列前 60 行（共 100 行），全部见页面的 CSV/Excel 下载。" in texts
    assert len(document.tables[0].rows) == 1 + 60


@pytest.fixture(scope="module")
def many_regions(national: Path) -> duckdb.DuckDBPyConnection:
    with connect(national / "national.duckdb") as connection:
        yield connection


def test_comparing_many_regions_a_briefing_keeps_the_extremes_of_one_period(
    many_regions: duckdb.DuckDBPyConnection,
) -> None:
    level = compare_page.busiest_level(many_regions, "")
    metric = compare_page.default_metric(many_regions, "", level)
    found = compare_page.period_choices(many_regions, "", level, metric)
    view = briefing_pages.compare(many_regions, "zh", "", level, metric)
    made = briefing_view.make_briefing(view, DAY)
    keep = briefing_pages.BRIEFING_EXTREMES
    label = found.labels[found.default][0]
    page = compare_page.comparison(
        many_regions, "zh", "", level, metric, "actual", found.default, label
    )
    figured = page.table.shown[t("col_value_text", "zh")] != t("no_figure", "zh")
    assert int(figured.sum()) > 2 * keep  # enough figures for the briefing to leave some out
    assert len(view.kept_ids) == len(made.rows) == 2 * keep
    bars = [trace for trace in view.chart.data if trace.type == "bar"]
    assert sum(len(trace.y) for trace in bars) == 2 * keep
    assert made.table_note.startswith(f"单位较多：图与表只列数值最大和最小的各 {keep} 项")
    assert f"其余 {int(figured.sum()) - 2 * keep:,} 项" in made.table_note
    # One period, stated: the latest with like-for-like figures, never a mix.
    assert dict(made.selection)["时期"] == found.periods[found.default]
    assert {row[made.keys.index("period")] for row in made.rows} == {
        page.table.shown.loc[figured, t("col_period", "zh")].iloc[0]
    }
    rows = page.table.shown[figured.to_numpy()]
    ordered = rows.sort_values(t("col_value", "zh"), ascending=False, kind="stable")
    ids = ordered[t("col_figure_id", "zh")].astype(str)
    assert view.kept_ids == {*ids.head(keep), *ids.tail(keep)}


def test_chromium_that_does_not_finish_in_time_is_reported_not_raised_as_a_timeout() -> None:
    browser = images._Browser()
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    browser._loop = loop
    try:
        with pytest.raises(images.ImagesUnavailable, match="did not finish within 0 s"):
            browser._run(asyncio.sleep(5), timeout=0.05)
    finally:
        asyncio.run_coroutine_threadsafe(asyncio.sleep(0.01), loop).result(
            5
        )  # cancelled sleep ends
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        loop.close()


def test_a_map_of_many_units_briefs_its_largest_and_smallest_figures(
    many_regions: duckdb.DuckDBPyConnection,
) -> None:
    metric = str(run_query(many_regions, "metric_catalogue")["metric_id"].iloc[0])
    every = (metric, "actual", "china", "county", map_page.ALL_PERIODS)
    mixed = map_page.map_view(many_regions, "zh", *every)
    # Every period at once: no top and bottom list of figures of different periods.
    assert briefing_pages.map_briefing(mixed, "zh", *every).kept_ids is None
    latest = map_page.period_options(many_regions, "zh", metric, "actual")[1]
    selection = (metric, "actual", "china", "county", latest)
    shown = map_page.map_view(many_regions, "zh", *selection)
    view = briefing_pages.map_briefing(shown, "zh", *selection)
    made = briefing_view.make_briefing(view, DAY)
    keep = briefing_pages.BRIEFING_EXTREMES
    table = shown.table.shown
    figured = table[table[t("col_value_text", "zh")] != t("no_figure", "zh")]
    assert len(figured) > 2 * keep and len(made.rows) == 2 * keep
    values = figured[t("col_value", "zh")].astype(float).sort_values(ascending=False)
    printed = figured[figured[t("col_figure_id", "zh")].astype(str).isin(view.kept_ids)]
    assert sorted(printed[t("col_value", "zh")].astype(float)) == sorted(
        [*values.head(keep), *values.tail(keep)]
    )
    assert made.table_note.startswith(f"单位较多：表中只列数值最大和最小的各 {keep} 项")
    assert f"其余 {len(figured) - 2 * keep:,} 项数字" in made.table_note
