"""`python -m ruraldash add`: region, date, draft figures and validation, all or nothing.

The reports here are written for these tests (a Yunnan county, a Fujian city's district);
none is a seed report or a benchmark text.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.cli import main
from ruraldash.draft import add as add_module
from ruraldash.draft.add import AddError, add_report
from ruraldash.draft.dating import find_date
from ruraldash.draft.region_guess import guess_region
from ruraldash.store.build import validate
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.release import write_release

MILE = """弥勒市：党建引领绘就乡村振兴新画卷
日期:2024-06-12  来源：红河州委组织部  阅读：905

今年以来，弥勒市坚持以党建引领乡村振兴。全市12个镇(街道)、121个村(社区)全部成立乡村振兴工作专班。
弥勒市委选派驻村第一书记和工作队员264名，投入衔接资金2.3亿元，实施产业项目96个。
全市葡萄种植面积达12.5万亩，年产量约35万吨，带动农户2.1万户增收。
培训高素质农民3600人(次)，举办专题培训班48期。计划年内新建冷库20座，目前已建成8座。
"""

NO_DATE = """某县组织工作简报
全县投入资金800万元，举办培训班12期。
"""

TWO_PLACES = """两县联合开展党建共建
武定县与元谋县签订协议。武定县投入资金300万元，元谋县投入资金280万元。
"""


@pytest.fixture
def data_dir(data_copy: Path, tmp_path: Path) -> Path:
    """A copy of data/ whose reports folder is a private copy too (add writes into it)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    catalogue, _ = load_catalogue(data_copy, paths.METRICS_DIR)
    for source in catalogue.sources.values():
        original = catalogue.report_path(source)
        if original is not None and original.is_file():
            (reports / source.file).write_bytes(original.read_bytes())
    sources = data_copy / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(
        re.sub(r"(?m)^reports_dir:.*$", f"reports_dir: {reports}", text), encoding="utf-8"
    )
    # Never let a test write into the shared reports folder.
    assert load_catalogue(data_copy, paths.METRICS_DIR)[0].reports_dir == reports.resolve()
    return data_copy


def report(tmp_path: Path, text: str, name: str = "mile_report.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(*folders: Path) -> dict[str, str]:
    return {
        str(path): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_add_recognises_region_and_date_and_writes_valid_drafts(
    data_dir: Path, tmp_path: Path
) -> None:
    result = add_report(report(tmp_path, MILE), data_dir, paths.METRICS_DIR)
    assert (result.source_id, result.region_id, result.region_is_new) == (
        "mile_2024",
        "mile",
        True,
    )
    assert (result.date.date, result.date.basis) == ("2024-06-12", "stated")
    catalogue, problems = load_catalogue(data_dir, paths.METRICS_DIR)
    assert problems == []
    region = catalogue.regions["mile"]
    assert (region.name_zh, region.level, region.admin_code) == ("弥勒市", "county", "532504")
    assert (region.province_zh, region.parent_zh) == ("云南省", "红河哈尼族彝族自治州")
    # Its prefecture and province were not regions yet: they are declared above it.
    prefecture = catalogue.regions[region.parent]
    assert (prefecture.name_zh, prefecture.level, prefecture.admin_code) == (
        "红河哈尼族彝族自治州",
        "prefecture",
        "532500",
    )
    province = catalogue.regions[prefecture.parent]
    assert (province.name_zh, province.level, province.parent) == ("云南省", "province", "")
    source = catalogue.sources["mile_2024"]
    assert source.region == "mile" and source.date_basis == "stated"
    assert catalogue.report_path(source).read_text(encoding="utf-8") == MILE
    with (data_dir / "figures" / "mile_2024.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == result.figures >= 10
    assert {row["review"] for row in rows} == {"draft"}
    assert {row["region"] for row in rows} == {"mile"}
    values = {(row["value"], row["unit"], row["status"]) for row in rows}
    assert ("264", "person", "actual") in values
    assert ("3600", "person_time", "actual") in values
    assert ("20", "count", "plan") in values and ("8", "count", "actual") in values
    assert "905" not in {row["value"] for row in rows}  # 阅读 counter
    assert validate(data_dir, paths.METRICS_DIR).ok


def test_add_reuses_a_declared_region_named_by_id(data_dir: Path, tmp_path: Path) -> None:
    text = "宁德市组织工作动态\n2023年,宁德市投入资金1500万元,举办培训班30期。\n"
    result = add_report(
        report(tmp_path, text, "nd.txt"), data_dir, paths.METRICS_DIR, region="ningde"
    )
    assert (result.region_id, result.region_is_new) == ("ningde", False)
    assert (result.date.date, result.date.basis) == ("2023", "inferred")
    assert "2023" in result.date.note
    regions = (data_dir / "regions.yaml").read_text(encoding="utf-8")
    assert regions.count("id: ningde") == 1  # no second declaration


def test_a_new_county_hangs_under_its_declared_prefecture(data_dir: Path, tmp_path: Path) -> None:
    text = "霞浦县组织工作动态\n2023年,霞浦县投入资金1500万元,举办培训班30期。\n"
    before = load_catalogue(data_dir, paths.METRICS_DIR)[0].regions
    result = add_report(
        report(tmp_path, text, "xp.txt"), data_dir, paths.METRICS_DIR, region="350921"
    )
    catalogue, problems = load_catalogue(data_dir, paths.METRICS_DIR)
    assert problems == []
    assert set(catalogue.regions) - set(before) == {result.region_id}  # 宁德 and 福建 exist
    county = catalogue.regions[result.region_id]
    assert (county.name_zh, county.level, county.admin_code) == ("霞浦县", "county", "350921")
    assert county.parent == "ningde"


def test_a_declared_region_is_found_by_its_code_from_the_text(
    data_dir: Path, tmp_path: Path
) -> None:
    text = (
        "宁德市:党建促振兴\n宁德市委组织部 2023年7月26日\n"
        "全市投入资金1500万元。宁德市举办培训班30期。\n"
    )
    result = add_report(report(tmp_path, text, "nd.txt"), data_dir, paths.METRICS_DIR)
    assert (result.region_id, result.region_is_new) == ("ningde", False)
    assert result.date.date == "2023-07-26"


def test_add_asks_for_the_region_when_it_cannot_tell(data_dir: Path, tmp_path: Path) -> None:
    before = snapshot(data_dir)
    with pytest.raises(AddError) as raised:
        add_report(
            report(tmp_path, TWO_PLACES, "two.txt"), data_dir, paths.METRICS_DIR, date="2024"
        )
    assert "--region" in str(raised.value)
    assert any("武定县" in candidate for candidate in raised.value.candidates)
    assert any("元谋县" in candidate for candidate in raised.value.candidates)
    assert snapshot(data_dir) == before


def test_add_never_overwrites_a_source(data_dir: Path, tmp_path: Path) -> None:
    add_report(report(tmp_path, MILE), data_dir, paths.METRICS_DIR)
    before = snapshot(data_dir)
    with pytest.raises(AddError, match="exists already"):
        add_report(report(tmp_path, MILE, "again.txt"), data_dir, paths.METRICS_DIR)
    with pytest.raises(AddError, match="exists already"):
        add_report(
            report(tmp_path, MILE, "again.txt"), data_dir, paths.METRICS_DIR, source="putian_2022"
        )
    assert snapshot(data_dir) == before


def test_add_without_any_date_asks_for_one(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(AddError, match="--date"):
        add_report(
            report(tmp_path, NO_DATE, "nd.txt"), data_dir, paths.METRICS_DIR, region="ningde"
        )


def test_nothing_is_written_when_the_result_would_be_invalid(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue, _ = load_catalogue(data_dir, paths.METRICS_DIR)
    before = snapshot(data_dir, catalogue.reports_dir)
    broken = add_module.figures_csv

    def with_a_bad_unit(rows):  # a figure whose unit is no unit: validation must fail
        rows = [{**row, "unit": "ren"} for row in rows]
        return broken(rows)

    monkeypatch.setattr(add_module, "figures_csv", with_a_bad_unit)
    with pytest.raises(AddError, match="nothing was written") as raised:
        add_report(report(tmp_path, MILE), data_dir, paths.METRICS_DIR)
    assert "'ren' is not a unit" in str(raised.value)
    assert snapshot(data_dir, catalogue.reports_dir) == before


def test_the_cli_prints_the_region_date_and_a_review_checklist(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = report(tmp_path, MILE)
    assert main(["add", str(path), "--data", str(data_dir), "--title", "弥勒市党建"]) == 0
    out = capsys.readouterr().out
    assert "已添加来源 mile_2024" in out and "地区：mile（新地区；" in out
    assert "日期：2024-06-12（原文写明）" in out and "校验：通过" in out
    assert "审核清单" in out
    assert load_catalogue(data_dir, paths.METRICS_DIR)[0].sources["mile_2024"].title_zh == (
        "弥勒市党建"
    )
    assert main(["add", str(path), "--data", str(data_dir)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert main(["add", str(path), "--data", str(data_dir), "--lang", "en"]) == 2
    assert "exists already" in capsys.readouterr().err


def test_the_cli_prints_in_english_with_lang_en(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = report(tmp_path, MILE)
    assert main(["add", str(path), "--data", str(data_dir), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "added source mile_2024" in out and "region: mile (new region" in out
    assert "date: 2024-06-12 (stated)" in out and "validate: ok" in out
    assert "review checklist" in out


def test_the_cli_lists_candidates_when_unsure(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = report(tmp_path, TWO_PLACES, "two.txt")
    assert main(["add", str(path), "--data", str(data_dir), "--date", "2024"]) == 2
    err = capsys.readouterr().err
    assert "可能的地区（用 --region 指定其一）" in err and "武定县" in err
    english = ["add", str(path), "--data", str(data_dir), "--date", "2024", "--lang", "en"]
    assert main(english) == 2
    err = capsys.readouterr().err
    assert "candidates (pass one with --region)" in err and "武定县 (county)" in err


def test_region_and_date_recognition_on_their_own() -> None:
    assert guess_region("乡村振兴示范区建设\n合作共建。").unit is None  # 振兴/合作 are words
    mile = guess_region(MILE)
    assert mile.unit is not None and mile.unit.name_zh == "弥勒市"
    assert find_date("截至2022年底,全县建成光伏电站48座。").date == "2023"
    assert find_date("到2025年,建成300个;2021年,已建成120个。").date == "2021"


def test_the_zip_holds_what_add_would_write(data_dir: Path) -> None:
    import io
    import zipfile

    from ruraldash.draft.add import add_zip, prepare_add

    before = snapshot(data_dir)
    prepared = prepare_add(MILE.encode(), "mile.txt", data_dir, paths.METRICS_DIR)
    assert snapshot(data_dir) == before  # preparing writes nothing
    with zipfile.ZipFile(io.BytesIO(add_zip(prepared))) as archive:
        names = set(archive.namelist())
        assert names == {
            "reports/mile_2024.txt",
            "sources_entry.yaml",
            "regions_entry.yaml",
            "figures/mile_2024.csv",
            "mile_2024.skipped.csv",
            "README.txt",
        }
        assert archive.read("reports/mile_2024.txt").decode() == MILE
        assert b'id: "mile_2024"' in archive.read("sources_entry.yaml")
        figures = archive.read("figures/mile_2024.csv").decode("utf-8-sig")
        assert figures.count(",draft,,\r\n") == prepared.result.figures  # reviewed_by, _at empty


def _draft_page(data_dir: Path, monkeypatch: pytest.MonkeyPatch, curator: bool):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("RURALDASH_DATA", str(data_dir))
    if curator:
        monkeypatch.setenv("RURALDASH_CURATOR", "1")
    else:
        monkeypatch.delenv("RURALDASH_CURATOR", raising=False)
    pages = Path(__file__).resolve().parents[2] / "pages"
    at = AppTest.from_file(str(pages / "draft.py"), default_timeout=60)
    at.run()
    at.text_area(key="draft_text").input(MILE).run()
    assert not at.exception
    return at


def test_the_draft_page_is_read_only_unless_started_for_curation(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(data_dir)
    at = _draft_page(data_dir, monkeypatch, curator=False)
    labels = [button.proto.label for button in at.get("download_button")]
    assert "下载加入所需文件（ZIP）" in labels
    assert not [button for button in at.button if button.key == "draft_add"]
    assert snapshot(data_dir) == before


def test_a_curator_adds_the_report_from_the_draft_page(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _draft_page(data_dir, monkeypatch, curator=True)
    assert "下载加入所需文件（ZIP）" not in [b.proto.label for b in at.get("download_button")]
    at.button(key="draft_add").click().run()
    assert not at.exception
    assert at.success[0].value.startswith("已加入 `mile_2024`")
    assert (data_dir / "figures" / "mile_2024.csv").is_file()
    assert validate(data_dir, paths.METRICS_DIR).ok


def test_a_served_draft_page_never_adds_without_a_signed_in_curator(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Served, RURALDASH_CURATOR=1 is no curator: without sign-in the page offers only the ZIP."""
    release = tmp_path / "release" / "ruraldash.duckdb"
    write_release(data_dir, paths.METRICS_DIR, release)
    monkeypatch.setenv("RURALDASH_MODE", "served")
    monkeypatch.setenv("RURALDASH_RELEASE", str(release))
    before = snapshot(data_dir)
    at = _draft_page(data_dir, monkeypatch, curator=True)
    assert "下载加入所需文件（ZIP）" in [button.proto.label for button in at.get("download_button")]
    assert not [button for button in at.button if button.key == "draft_add"]
    assert snapshot(data_dir) == before


def test_the_report_file_is_named_after_its_source_and_a_province_by_its_english_name(
    data_dir: Path, tmp_path: Path
) -> None:
    text = (
        "富平县：党建赋能乡村振兴\n发布时间：2022-10-18 16:40 来源：富平县委组织部\n"
        "今年以来，富平县选派第一书记和驻村工作队员516名。\n"
    )
    result = add_report(report(tmp_path, text, "富平县党建材料.txt"), data_dir, paths.METRICS_DIR)
    catalogue, _ = load_catalogue(data_dir, paths.METRICS_DIR)
    source = catalogue.sources[result.source_id]
    assert source.file == f"{result.source_id}.txt"
    assert (catalogue.reports_dir / source.file).is_file()
    # 陕西 is Shaanxi: its id must not take 山西's pinyin, shanxi.
    assert "shaanxi" in catalogue.regions and "shanxi" not in catalogue.regions
    figures = (data_dir / "figures" / f"{result.source_id}.csv").read_text(encoding="utf-8-sig")
    assert "今年以来,2022-01-01," in figures  # dated against the report's date


def test_the_cli_adds_several_reports_each_all_or_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, undated = report(tmp_path, MILE, "mile.txt"), report(tmp_path, NO_DATE, "nd.txt")
    assert main(["add", str(undated), str(good), "--data", str(data_dir)]) == 2
    catalogue, _ = load_catalogue(data_dir, paths.METRICS_DIR)
    added = [source for source in catalogue.sources.values() if source.file == "mile_2024.txt"]
    assert len(added) == 1 and len(catalogue.sources) == 6  # the undated one left no trace
    out = capsys.readouterr()
    assert (
        "已加入 1 份报告（共 2 份）" in out.out
        and f"未加入（未写入其任何文件）：{undated}" in out.err
    )


def test_the_cli_refuses_one_source_id_for_several_reports(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = report(tmp_path, MILE, "a.txt"), report(tmp_path, MILE, "b.txt")
    before = snapshot(data_dir)
    assert main(["add", str(first), str(second), "--source", "x", "--data", str(data_dir)]) == 2
    assert snapshot(data_dir) == before
    assert "--source 和 --title 只针对一份报告" in capsys.readouterr().err
