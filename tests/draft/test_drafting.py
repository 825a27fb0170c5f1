"""Drafting figures from a report: quality on the five reports, the rules it reads by, the CLI."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.cli import main
from ruraldash.draft.engine import Draft, DraftFigure, draft_report
from ruraldash.draft.files import (
    decode_report,
    figures_csv,
    skipped_path,
    source_id_from_name,
)
from ruraldash.draft.quality import match_figures, measure, read_figures
from ruraldash.draft.stub import yaml_stub
from ruraldash.draft.view import highlight_html
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.declarations import Catalogue
from ruraldash.store.excel_text import BOM
from ruraldash.store.figure_files import FILE_COLUMNS

REPORTS_DIR = paths.DATA_DIR / "reports"
RECALL, VALUES_RIGHT = 0.90, 0.98


@pytest.fixture(scope="module")
def sources_dir() -> Path:
    return REPORTS_DIR


def draft(text: str, catalogue: Catalogue) -> Draft:
    return draft_report(text, catalogue.metrics, "test", "ningde")


def only(text: str, catalogue: Catalogue) -> DraftFigure:
    figures = draft(text, catalogue).figures
    assert len(figures) == 1, [figure.raw for figure in figures]
    return figures[0]


def reasons(text: str, catalogue: Catalogue) -> dict[str, str]:
    return {item.raw: item.reason for item in draft(text, catalogue).skipped}


# --- quality on the five curated reports ----------------------------------------------------

SOURCE_IDS = ["ningde_2021", "dingxi_2021", "xinning_2021", "qingyuan_2019", "putian_2022"]


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_draft_finds_the_curated_figures(
    source_id: str, catalogue: Catalogue, sources_dir: Path
) -> None:
    source = catalogue.sources[source_id]
    text = (sources_dir / source.file).read_text(encoding="utf-8-sig")
    result = measure(
        draft_report(text, catalogue.metrics, source.id, source.region),
        read_figures(paths.DATA_DIR / "figures" / f"{source.id}.csv"),
    )
    assert result.recall >= RECALL, f"missed: {result.missed}"
    assert result.value_accuracy >= VALUES_RIGHT, f"wrong values: {result.wrong}"
    # What the curators leave out (names, thresholds, dates) is mostly left out here too.
    assert result.precision >= 0.85


def test_every_drafted_quote_is_in_the_normalised_report(
    catalogue: Catalogue, sources_dir: Path
) -> None:
    for path in sorted(sources_dir.glob("*.txt")):
        result = draft(path.read_text(encoding="utf-8-sig"), catalogue)
        assert all(figure.quote in result.text for figure in result.figures)
        assert all(result.text[f.start : f.end] == f.raw for f in result.figures)


# --- reading one figure ---------------------------------------------------------------------


def test_values_are_in_base_units_with_their_qualifier(catalogue: Catalogue) -> None:
    figure = only("受训党员12.6万多人次。", catalogue)
    assert (figure.value, figure.unit, figure.qualifier) == ("126000", "person_time", "more_than")
    assert only("各级投入补助资金近8亿元。", catalogue).qualifier == "nearly"
    assert only("每年约5000万元。", catalogue).qualifier == "about"
    assert only("每年按不低于投入10%的收益用于扶持集体经济。", catalogue).qualifier == "at_least"
    half = only("人口外流超过该村总人口的半数。", catalogue)
    assert (half.value, half.unit, half.qualifier) == ("50", "percent", "more_than")


def test_traditional_text_with_pinyin_is_read_normalised(catalogue: Catalogue) -> None:
    figure = only("舉辦培訓(xùn)班2198期。", catalogue)
    assert figure.quote == "举办培训班2198期"
    assert (figure.value, figure.unit) == ("2198", "session")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("计划培训基层干部2700人次。", "plan"),
        ("力争新建示范点20个。", "plan"),
        ("拟选派170名专技人才赴青岛市研修学习。", "plan"),
        ("将53项服务事项审批权限下放到乡镇。", "actual"),  # 将 + number: "take 53 items"
        ("实施“万名党员帮带计划”,举办培训班10期。", "actual"),  # 计划 ends a name
        ("启动培训计划,举办培训班10期。", "actual"),
        ("举办培训班2198期。", "actual"),
    ],
)
def test_plan_words_mark_a_plan(text: str, status: str, catalogue: Catalogue) -> None:
    assert only(text, catalogue).status == status


def test_a_plan_word_carries_to_the_end_of_its_sentence_not_past_a_semicolon(
    catalogue: Catalogue,
) -> None:
    figures = draft(
        "计划开展培训5万人次以上,新增技能人才1.2万人以上;举办培训班30期。选派120名人才。", catalogue
    ).figures
    assert [figure.status for figure in figures] == ["plan", "plan", "actual", "actual"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("截至2020年底,年收入超过20万元以上的村达到27.5%。", ("截至2020年底", "", "2020-12-31")),
        ("2019年6月以来,我市先后选派420名干部。", ("2019年6月以来", "2019-06-01", "")),
        ("2015年以来,各级投入补助资金近8亿元。", ("2015年以来", "2015-01-01", "")),
        ("今年以来,共组织专家2663人。", ("今年以来", "", "")),
        ("去年来,举办培训班230期。", ("去年来", "", "")),
        ("2020年总结经验,确定42个乡镇开展达标创建。", ("2020年", "2020-01-01", "2020-12-31")),
        (
            "制定规划(2021-2023年),计划开展培训5万人次以上。",
            ("2021-2023年", "2021-01-01", "2023-12-31"),
        ),
        ("截至2021年6月,建成党校126个。", ("截至2021年6月", "", "2021-06-30")),
        ("开展“五个到户”工作以来,上门走访40万人次。", ("开展“五个到户”工作以来", "", "")),
        ("举办培训班2198期。", ("", "", "")),
    ],
)
def test_period_phrases_and_the_dates_they_fix(
    text: str, period: tuple[str, str, str], catalogue: Catalogue
) -> None:
    figure = only(text, catalogue)
    assert (figure.period_text, figure.period_start, figure.period_end) == period


def test_the_nearest_period_of_the_sentence_applies_and_cumulative_only_without_one(
    catalogue: Catalogue,
) -> None:
    figures = draft(
        "2019年6月以来,累计筹措资金3亿多元;今年以来,共组织专家2663人,"
        "每年帮助共建村办2件以上实事。累计带动43万多群众增收致富。",
        catalogue,
    ).figures
    assert [figure.period_text for figure in figures] == [
        "2019年6月以来",
        "今年以来",
        "每年",
        "累计",
    ]
    assert figures[-1].value == "430000" and figures[-1].unit == "person"  # 43万多群众


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("受训党员12.6万多人次。", "受训党员"),
        ("优选800多名老乡镇、老村干等组成8类帮带导师队伍。", "老乡镇、老村干"),
        ("全面建成126个乡镇党校。", "乡镇党校"),
        ("举办培训班2198期。", "培训班"),
        ("确定42个乡镇开展达标创建。", "开展达标创建的乡镇"),
        ("去年联建的184个村集体经济平均增收。", "去年联建的村"),
        ("全县脐橙种植面积达到50万亩。", "脐橙种植面积"),
        ("857名乡村“老基层”与村干部结成帮带对子。", "乡村“老基层”"),
    ],
)
def test_the_label_names_what_is_counted(text: str, label: str, catalogue: Catalogue) -> None:
    assert draft(text, catalogue).figures[0].label == label


def test_mentor_groups_are_labelled_by_the_noun_after_the_measure_word(
    catalogue: Catalogue,
) -> None:
    figures = draft("优选800多名老乡镇组成8类帮带导师队伍。", catalogue).figures
    assert figures[1].label == "帮带导师队伍" and figures[1].metric == "mentor_groups"


def test_a_relative_label_is_read_with_the_figure_before_it(catalogue: Catalogue) -> None:
    figures = draft("新一届村班子平均年龄41.4岁,下降9.4岁。", catalogue).figures
    assert figures[1].label == "新一届村班子平均年龄下降"
    assert figures[1].metric == "cadre_average_age_decrease"


def test_a_count_of_places_named_at_the_end_of_its_phrase_is_in_villages(
    catalogue: Catalogue,
) -> None:
    figure = only("优选81个班子团结、产业兴旺、治理有效的村。", catalogue)
    assert (figure.unit, figure.metric) == ("village", "villages_covered")


# --- what is skipped, and why ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "reason"),
    [
        ("2019年6月以来,选派420名干部。", "2019年6月", "date"),
        ("开展选派驻村第一书记工作。", "第一", "ordinal"),
        ("持续深化“八个行动”、25条措施。", "八个", "name"),
        ("实施“万名党员帮带计划”。", "万名", "name"),
        ("实施“3个100”人才下乡工程。", "3个", "name"),
        ("《全市抓党建促乡村振兴五年规划》。", "五年", "name"),
        ("加强党的基层组织建设三年行动计划的落实。", "三年", "name"),
        ("基本消除年经营性收入10万元以下的薄弱村。", "10万元以下", "threshold"),
        ("年收入超过20万元以上的村达到27.5%。", "超过20万元以上", "threshold"),
        ("能带出一支好队伍。", "一支", "lone_one"),
        ("计划利用三年时间开展培训。", "三年", "period"),
        ("3年来共有超过1000人回流。", "3年", "period"),
        ("13个300亩再生稻示范片。", "300亩", "size_class"),
        ("全县共创建4个万亩双季稻示范片。", "万亩", "size_class"),
        ("连水村几千亩油茶树。", "千亩", "vague"),
        ("每3-4名为一组。", "3-4名", "range"),
        ("集中2个月时间开展分析。", "2个月", "months"),
    ],
)
def test_numerals_that_are_not_figures_are_skipped_with_a_reason(
    text: str, raw: str, reason: str, catalogue: Catalogue
) -> None:
    found = reasons(text, catalogue)
    assert found.get(raw) == reason, found
    assert all(figure.raw != raw for figure in draft(text, catalogue).figures)


def test_page_furniture_is_skipped(catalogue: Catalogue) -> None:
    result = draft(
        "共计2620个字,预计阅读时长9分钟\n举办培训班20期。\n责任编辑:张三\n221381\n", catalogue
    )
    assert [figure.raw for figure in result.figures] == ["20期"]
    assert {item.raw: item.reason for item in result.skipped} == {
        "2620个": "furniture",
        "9": "furniture",
        "221381": "furniture",
    }


def test_the_summary_counts_the_reasons(catalogue: Catalogue) -> None:
    result = draft("2020年以来,举办培训班20期,“八个行动”,10万元以下,一支队伍,2021年。", catalogue)
    assert result.summary().text("en") == (
        "drafted 1 figure, skipped 5 numerals: 2 dates, 1 part of a name, 1 threshold, 1 lone 一"
    )
    assert result.summary().text("zh") == (
        "起草 1 条数据，跳过 5 个数字：日期 2 个、名称的一部分 1 个、门槛 1 个、单独的“一” 1 个"
    )


# --- metrics come from the catalogue's keywords ---------------------------------------------


def test_the_metric_is_guessed_from_keywords_and_fits_the_unit(catalogue: Catalogue) -> None:
    trainees = only("受训党员12.6万多人次。", catalogue)
    assert trainees.metric == "trainee_person_times"
    assert trainees.note_en.startswith("metric guess trainee_person_times (")
    visits = only("联户党员干部上门走访40万人次。", catalogue)
    assert visits.metric == "visits"
    for figure in (trainees, visits):
        assert catalogue.metrics[figure.metric].unit == figure.unit


def test_a_keyword_added_to_the_catalogue_changes_the_guess(tmp_path: Path) -> None:
    text = "开展擂台比武活动680余次。"
    before, _ = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    assert only(text, before).metric == "service_events"
    metrics_dir = tmp_path / "metrics"
    shutil.copytree(paths.METRICS_DIR, metrics_dir)
    yaml_path = metrics_dir / "metrics.yaml"
    yaml_text = yaml_path.read_text(encoding="utf-8")
    old = "keywords: [培训班, 期, 专题培训, 培训, 夜校, 课堂, 讲座]"
    assert old in yaml_text
    yaml_path.write_text(yaml_text.replace(old, old[:-1] + ", 擂台比武活动]"), encoding="utf-8")
    after, _ = load_catalogue(paths.DATA_DIR, metrics_dir)
    guessed = only(text, after)
    assert guessed.metric == "training_sessions"
    assert "also: service_events" in guessed.note_en


def test_without_a_metric_of_its_unit_the_metric_is_left_empty(catalogue: Catalogue) -> None:
    figure = draft_report("每年服务100天。", catalogue.metrics)
    assert figure.figures[0].metric == "" and figure.figures[0].note_en == "no metric has unit day"
    assert draft_report("举办培训班20期。", {}).figures[0].metric == ""


# --- files, the command line and the round trip through validate -----------------------------


def test_an_empty_report_drafts_nothing(catalogue: Catalogue) -> None:
    result = draft_report("", catalogue.metrics)
    assert (result.figures, result.skipped) == ((), ())
    assert result.summary().text("en") == "drafted 0 figures, skipped 0 numerals"


def test_uploads_are_read_as_utf8_or_as_excel_saves_them() -> None:
    assert decode_report(BOM + "培训班".encode()) == "培训班"
    assert decode_report("培训班".encode("gb18030")) == "培训班"


def test_source_ids_from_file_names() -> None:
    assert source_id_from_name("000_761c9567abe209e1.txt") == "000_761c9567abe209e1"
    assert source_id_from_name("Putian Report 2022.txt") == "putian_report_2022"
    assert source_id_from_name("报告.txt") == "draft"


def _read_csv(path: Path) -> tuple[bytes, list[dict[str, str]]]:
    data = path.read_bytes()
    return data, list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_cli_writes_the_draft_and_its_sidecar(
    tmp_path: Path, sources_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drafts" / "ningde.csv"
    code = main(
        [
            "draft",
            str(sources_dir / "ningde_2021.txt"),
            "--out",
            str(out),
            "--source",
            "ningde_2021",
            "--region",
            "ningde",
            "--lang",
            "en",
        ]
    )
    assert code == 0
    data, rows = _read_csv(out)
    assert data.startswith(BOM + ",".join(FILE_COLUMNS).encode() + b"\r\n")
    assert rows[0]["id"] == "ningde_2021-001" and rows[0]["region"] == "ningde"
    skipped_data, skipped = _read_csv(tmp_path / "drafts" / "ningde.skipped.csv")
    assert skipped_data.startswith(BOM + b"line,raw,reason,context\r\n")
    assert {"date", "name", "threshold"} <= {row["reason"] for row in skipped}
    err = capsys.readouterr().err
    assert f"drafted {len(rows)} figures, skipped {len(skipped)} numerals: " in err


def test_cli_derives_the_source_and_says_the_region_is_missing(
    tmp_path: Path, sources_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.csv"
    assert main(["draft", str(sources_dir / "putian_2022.txt"), "--out", str(out)]) == 0
    _, rows = _read_csv(out)
    assert rows[0]["id"] == "putian_2022-001" and rows[0]["region"] == ""
    err = capsys.readouterr().err
    assert "未给 --source：编号以 'putian_2022' 开头" in err and "未给 --region" in err


def test_cli_reads_a_bom_and_rejects_unreadable_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(BOM + "举办培训班20期。".encode())
    assert main(["draft", str(report), "--out", str(tmp_path / "a.csv"), "--region", "x"]) == 0
    assert _read_csv(tmp_path / "a.csv")[1][0]["quote"] == "举办培训班20期"
    report.write_bytes("举办培训班20期。".encode("gb18030"))
    assert main(["draft", str(report), "--out", str(tmp_path / "b.csv")]) == 2
    assert main(["draft", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "c.csv")]) == 2
    assert not (tmp_path / "b.csv").exists() and not (tmp_path / "c.csv").exists()
    assert "无法按 UTF-8 文本读取" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["draft", str(report)])  # --out is required
    assert exit_info.value.code == 2


def test_cli_refuses_to_write_into_the_data_folder(
    data_copy: Path, sources_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = str(sources_dir / "ningde_2021.txt")
    out = data_copy / "figures" / "new_2023.csv"
    curated = sorted(path.name for path in (data_copy / "figures").iterdir())
    assert main(["draft", report, "--out", str(out), "--data", str(data_copy)]) == 2
    assert "位于整理数据文件夹" in capsys.readouterr().err
    assert not out.exists()
    assert main(["draft", report, "--out", str(out), "--data", str(data_copy), "--into-data"]) == 0
    assert out.exists()
    # The sidecar never lands among the curated files, where it would be read as figures.
    sidecar = skipped_path(out, data_copy)
    assert sidecar.exists() and not sidecar.is_relative_to(data_copy)
    assert sorted(path.name for path in (data_copy / "figures").iterdir()) == sorted(
        [*curated, "new_2023.csv"]
    )
    sidecar.unlink()


def test_a_draft_with_the_curated_rows_passes_validate(
    data_copy: Path, tmp_path: Path, sources_dir: Path, catalogue: Catalogue
) -> None:
    report = sources_dir / "ningde_2021.txt"
    out = tmp_path / "ningde_2021.csv"
    assert (
        main(
            [
                "draft",
                str(report),
                "--out",
                str(out),
                "--source",
                "ningde_2021",
                "--region",
                "ningde",
            ]
        )
        == 0
    )
    _, rows = _read_csv(out)
    assert list(rows[0]) == list(FILE_COLUMNS)
    # Keep the drafted rows that are curated figures, as drafted, with the note cleared.
    curated = read_figures(paths.DATA_DIR / "figures" / "ningde_2021.csv")
    result = draft_report(
        report.read_text(encoding="utf-8"), catalogue.metrics, "ningde_2021", "ningde"
    )
    found = {figure.id for figure in match_figures(result, curated).values()}
    kept = [{**row, "note_zh": "", "note_en": ""} for row in rows if row["id"] in found]
    assert len(kept) >= RECALL * len(curated)
    (data_copy / "figures" / "ningde_2021.csv").write_bytes(figures_csv(kept))
    validated = subprocess.run(
        [sys.executable, "-m", "ruraldash", "validate", "--data", str(data_copy)],
        cwd=paths.REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.startswith("通过：")


# --- what the page shows --------------------------------------------------------------------


def test_the_highlighted_text_escapes_the_report(catalogue: Catalogue) -> None:
    result = draft('<script>alert("x")</script>举办培训班20期&amp;“八个行动”。', catalogue)
    rendered = highlight_html(result, "zh")
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "&amp;amp;" in rendered
    assert rendered.count("<mark ") == 1 and ">20期</mark>" in rendered
    assert "名称的一部分" in rendered  # the reason a skipped numeral is marked


def test_the_yaml_stub_has_the_fields_the_catalogue_requires(catalogue: Catalogue) -> None:
    result = draft_report(
        "日期:2019-11-04\n举辦培訓(xùn)班20期。", catalogue.metrics, "newtown_2019", "newtown"
    )
    stub = yaml_stub(
        result, "日期:2019-11-04\n举辦培訓(xùn)班20期。", "005_x.txt", catalogue.regions
    )
    for field in (
        "id",
        "region",
        "file",
        "title_zh",
        "title_en",
        "date",
        "date_basis",
        "date_note_zh",
        "name_zh",
        "name_en",
        "level",
        "province_zh",
        "province_en",
        "admin_code",
    ):
        assert f"    {field}: " in stub or f"  - {field}: " in stub, field
    assert 'date: "2019-11-04"' in stub and "date_basis: stated" in stub
    assert "script: traditional_with_pinyin" in stub and "TODO" in stub
    known = draft_report("举办培训班20期。", catalogue.metrics, "ningde_2023", "ningde")
    assert "name_zh" not in yaml_stub(known, "举办培训班20期。", "", catalogue.regions)
