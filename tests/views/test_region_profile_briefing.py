"""The region profile's briefing covers the region, at every level: its parent chain in the head,
per metric its figures with period and source, the rank among like-for-like peers on the figure
the page ranks (never across periods), the trend, the figures a report above gives for it
(marked), a factual lead made from the table and the unreviewed drafts it leaves out.

On the places fixture (tests/fixtures/places/README.md names the row behind each rule).
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from ruraldash import paths
from ruraldash.cli import main
from ruraldash.store.build import build, ensure_database
from ruraldash.store.db import connect
from ruraldash.views.briefing import pages
from ruraldash.views.briefing.docx import to_docx
from ruraldash.views.briefing.view import Briefing, make_briefing
from tests.support.tools import require_tool

PLACES = Path(__file__).parents[1] / "fixtures" / "places"
WEIYUAN, LINTAO, DINGXI, GANSU = "621123", "621124", "621100", "620000"
DAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def places_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The places fixture built as the app builds it."""
    db = tmp_path_factory.mktemp("places") / "places.duckdb"
    return ensure_database(PLACES / "data", paths.METRICS_DIR, db)


def briefing_of(db: Path, code: str, lang: str = "zh", drafts: bool = False) -> Briefing:
    with connect(db, drafts=drafts) as con:
        return make_briefing(pages.region_profile(con, lang, code), DAY)


def rows_by_value(made: Briefing) -> dict[str, dict[str, str]]:
    """Each row as {header: cell}, by its value as written."""
    headers = made.headers
    return {row[headers.index("数值")]: dict(zip(headers, row, strict=True)) for row in made.rows}


def test_the_head_names_the_region_and_its_parent_chain(places_db: Path) -> None:
    made = briefing_of(places_db, WEIYUAN)
    assert made.title == "渭源县：地区档案"
    assert made.stem == "渭源县_地区档案_简报_2026-12-07"
    head = dict(made.selection)
    assert head["地区"] == "渭源县"
    assert head["所属地区"] == "渭源县 · 定西市 · 甘肃省"
    assert head["本地区的报告"].count("渭源县") == 2  # its 2020 and 2021 reports
    english = briefing_of(places_db, WEIYUAN, "en")
    assert english.title == "Weiyuan: region profile"
    assert dict(english.selection)["Within"] == "Weiyuan · Dingxi · Gansu"


def test_each_figure_has_its_period_and_source_and_the_part_stays_under_its_whole(
    places_db: Path,
) -> None:
    made = briefing_of(places_db, WEIYUAN)
    values = [row[made.headers.index("数值")] for row in made.rows]
    assert values == ["2.5亿元", "3.2亿元", "8500万元", "260人"]  # per metric, part under whole
    rows = rows_by_value(made)
    assert [rows[value]["时期"] for value in values] == ["2020年"] * 1 + ["2021年"] * 3
    assert [rows[value]["来源"] for value in values] == ["[1]", "[2]", "[3]", "[4]"]
    assert rows["8500万元"]["统计对象（原文）"] == "└ 其中：县财政安排专项资金"
    assert [clause.quote for clause in made.clauses][3] == "渭源县选派驻村干部260人"


def test_the_rank_and_trend_stand_on_the_figure_the_page_ranks_only(places_db: Path) -> None:
    rows = rows_by_value(briefing_of(places_db, WEIYUAN))
    assert rows["3.2亿元"]["位次（同口径）"] == "第2位 / 3个有数据（共7个县）"
    assert rows["3.2亿元"]["变化"] == "+7000万，+28.0%（2020年→2021年）"
    # the earlier year, the part and the prefecture's figure about it are ranked against nothing
    for value in ("2.5亿元", "8500万元", "260人"):
        assert (rows[value]["位次（同口径）"], rows[value]["变化"]) == ("", "")


def test_a_plan_and_a_cumulative_total_are_never_ranked_with_in_period_actuals(
    places_db: Path,
) -> None:
    made = briefing_of(places_db, LINTAO)
    rows = rows_by_value(made)
    assert rows["1亿元"]["位次（同口径）"] == "第3位 / 3个有数据（共7个县）"
    assert rows["5亿元（计划）"]["位次（同口径）"] == "第1位 / 1个有数据（共7个县）"
    # 2019年以来 has no peer: its cell stays blank, and a caveat says what a blank means
    assert rows["9亿元"]["位次（同口径）"] == ""
    assert any(line.startswith("位次空白：没有同口径可比的数字") for line in made.caveats)


def test_a_figure_from_a_report_above_is_marked_as_such(places_db: Path) -> None:
    rows = rows_by_value(briefing_of(places_db, WEIYUAN))
    assert rows["260人"]["出自"] == "上级地区报告（定西市）"
    assert {rows[value]["出自"] for value in ("2.5亿元", "3.2亿元", "8500万元")} == {"本地区报告"}
    # in 定西's own profile the same figure is its own report's
    assert rows_by_value(briefing_of(places_db, DINGXI))["260人"]["出自"] == "本地区报告"


def test_the_lead_states_what_the_table_shows(places_db: Path) -> None:
    assert briefing_of(places_db, WEIYUAN).lead == (
        "表中列出关于渭源县的 4 项数字，其中 1 项出自上级地区的报告；有同口径位次的 1 项："
        "投入资金3.2亿元（2021年），第2位 / 3个有数据（共7个县）。"
    )
    assert briefing_of(places_db, GANSU).lead == "表中没有关于甘肃省的数字。"
    assert briefing_of(places_db, WEIYUAN, "en").lead.startswith(
        "The table lists 4 figures about Weiyuan, 1 of them from reports about a place above it; "
    )


def test_the_unreviewed_drafts_about_the_region_left_out_are_counted(tmp_path: Path) -> None:
    shutil.copytree(PLACES, tmp_path / "places")  # its reports beside its data
    figures = tmp_path / "places" / "data" / "figures"
    # one of 渭源's own, 定西's figure about 渭源 and 定西's own: two are about 渭源
    for name, ids in (
        ("weiyuan_2020.csv", {"weiyuan_2020-001"}),
        ("dingxi_2021.csv", {"dingxi_2021-001", "dingxi_2021-002"}),
    ):
        with (figures / name).open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        for row in rows[1:]:
            if row[0] in ids:
                row[rows[0].index("review")] = "draft"
        with (figures / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    db = build(tmp_path / "places" / "data", paths.METRICS_DIR, tmp_path / "d.duckdb").db_path
    reader = briefing_of(db, WEIYUAN)
    assert reader.drafts == "另有 2 项未审核数字未列入。"
    assert "2.5亿元" not in rows_by_value(reader)
    assert briefing_of(db, DINGXI).drafts == "另有 2 项未审核数字未列入。"
    assert briefing_of(db, LINTAO).drafts == ""
    assert briefing_of(db, WEIYUAN, drafts=True).drafts == ""  # a curator's table lists them


def test_the_docx_reads_as_a_briefing_of_the_region(places_db: Path, chromium: None) -> None:
    made = briefing_of(places_db, WEIYUAN)
    document = Document(io.BytesIO(to_docx(made)))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == "乡村振兴数据简报"
    assert paragraphs[2:4] == ["渭源县：地区档案", made.lead]
    (table,) = document.tables
    cells = {cell.text for row in table.rows for cell in row.cells}
    assert {"上级地区报告（定西市）", "第2位 / 3个有数据（共7个县）", "3.2亿元"} <= cells
    assert "“渭源县选派驻村干部260人”" in "\n".join(paragraphs)


def test_libreoffice_prints_it_on_one_a4_page(
    places_db: Path, chromium: None, tmp_path: Path
) -> None:
    soffice = shutil.which("soffice")
    require_tool("soffice (apt-get install -y libreoffice-writer-nogui)", soffice is not None)
    require_tool("poppler (apt-get install -y poppler-utils)", bool(shutil.which("pdfinfo")))
    source = tmp_path / "profile.docx"
    source.write_bytes(to_docx(briefing_of(places_db, WEIYUAN)))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
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
    printed = tmp_path / "profile.pdf"
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(printed), "-"], capture_output=True, text=True
    ).stdout
    flat = "".join(text.split())
    for expected in ("渭源县：地区档案", "渭源县·定西市·甘肃省", "上级地区报告（定西市）"):
        assert expected in flat, expected


def test_the_command_line_writes_a_region_by_its_code_or_its_report(
    places_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ("--data", str(PLACES / "data"), "--db", str(places_db))
    for selection in (("--region", WEIYUAN), ("--report", "weiyuan_2021")):
        out = tmp_path / "profile.docx"
        args = ["briefing", "region-profile", *selection, "--format", "docx", "--out", str(out)]
        assert main([*args, *data]) == 0
        paragraphs = [paragraph.text for paragraph in Document(str(out)).paragraphs]
        assert paragraphs[2] == "渭源县：地区档案"
    capsys.readouterr()
    args = ["briefing", "region-profile", "--region", "999999", "--format", "docx"]
    assert main([*args, "--out", str(tmp_path / "never.docx"), *data]) == 2
    assert "--region '999999': expected an admin code" in capsys.readouterr().err
