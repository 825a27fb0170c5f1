"""Every validation rule, each with a deliberately broken copy of the mini fixture."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ruraldash.store.build import validate
from ruraldash.store.figure_files import CSV_COLUMNS

ALPHA = "data/figures/alpha_2021.csv"


def problems(root: Path) -> list[str]:
    result = validate(root / "data", root / "metrics")
    return [str(problem) for problem in result.problems]


def set_cell(root: Path, row: int, column: str, value: str, file: str = ALPHA) -> None:
    """Set one cell; row 1 is the first data row (line 2 of the file)."""
    path = root / file
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[row][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def test_the_fixture_is_valid(mini: Path) -> None:
    result = validate(mini / "data", mini / "metrics")
    assert result.ok, result.problems
    assert result.figure_count == 4
    assert result.warnings == []


@pytest.mark.parametrize(
    ("row", "column", "value", "message"),
    [
        (
            1,
            "region",
            "gamma",
            "column 'region': 'gamma' is not a region "
            "(expected one of: alpha, beta, fujian, hunan)",
        ),
        (
            1,
            "metric",
            "trainees",
            "column 'metric': 'trainees' is not a metric (expected one of: funds_invested, "
            "trainee_person_times, training_sessions)",
        ),
        (
            1,
            "program",
            "alpha_fund",
            "column 'program': 'alpha_fund' is not a program (expected one of: alpha_training, "
            "beta_fund)",
        ),
        (
            1,
            "program",
            "beta_fund",
            "column 'program': 'beta_fund' is a program of another region ('beta')",
        ),
        (
            1,
            "unit",
            "ren",
            "column 'unit': 'ren' is not a unit (expected one of: person, person_time, yuan)",
        ),
        (
            1,
            "unit",
            "person",
            "column 'unit': 'person' does not fit the metric (its unit is 'person_time')",
        ),
        (
            1,
            "qualifier",
            "many",
            "column 'qualifier': 'many' is not a qualifier (expected one of: exact, more_than, "
            "nearly)",
        ),
        (
            1,
            "status",
            "done",
            "column 'status': 'done' is not a status (expected one of: actual, plan)",
        ),
        (
            1,
            "value",
            "1.2万",
            "column 'value': '1.2万' is not a number (write base units with digits only: 126000, "
            "not 12.6万)",
        ),
        (
            1,
            "value",
            "-5",
            "column 'value': '-5' is negative (a decrease is a positive value of a 'decrease' "
            "metric)",
        ),
        (1, "value", "", "column 'value': is empty"),
        (1, "label", "  ", "column 'label': is empty"),
        (
            1,
            "period_start",
            "2021/01/01",
            "column 'period_start': '2021/01/01' is not a date (YYYY-MM-DD)",
        ),
        (
            1,
            "period_end",
            "2021-02-30",
            "column 'period_end': '2021-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            1,
            "period_end",
            "2020-12-31",
            "column 'period_end': '2020-12-31' is before period_start '2021-01-01'",
        ),
        (1, "quote", "", "column 'quote': is empty"),
        (
            1,
            "quote",
            "受训党员一万人次",
            "column 'quote': '受训党员一万人次' is not in the normalised text of report "
            "'alpha.txt' (quotes are simplified characters without pinyin: see "
            "`python -m ruraldash normalise`)",
        ),
        (
            1,
            "quote",
            "受訓黨員1.2萬多人次",
            "column 'quote': '受訓黨員1.2萬多人次' is not in the normalised text of report "
            "'alpha.txt' (quotes are simplified characters without pinyin: see "
            "`python -m ruraldash normalise`)",
        ),
    ],
)
def test_a_broken_cell_is_located(
    mini: Path, row: int, column: str, value: str, message: str
) -> None:
    set_cell(mini, row, column, value)
    assert problems(mini) == [f"{ALPHA}:{row + 1}: {message}"]


def test_a_region_other_than_the_reports_is_an_error(mini: Path) -> None:
    set_cell(mini, 2, "region", "beta")
    assert problems(mini) == [
        f"{ALPHA}:3: column 'region': 'beta' is not the region of its source "
        "(the report is about 'alpha')"
    ]


def test_quotes_match_the_normalised_report_ignoring_spaces(mini: Path) -> None:
    # The report is traditional with pinyin; the quote is simplified, with a stray space.
    set_cell(mini, 3, "quote", "村(社区) 全覆盖")
    assert problems(mini) == []


def test_a_duplicate_id_names_every_place(mini: Path) -> None:
    set_cell(mini, 2, "id", "alpha_2021-001")
    assert problems(mini) == [
        f"{ALPHA}:2: column 'id': 'alpha_2021-001' is used by more than one figure "
        f"(also at {ALPHA}:3)",
        f"{ALPHA}:3: column 'id': 'alpha_2021-001' is used by more than one figure "
        f"(also at {ALPHA}:2)",
    ]


def test_a_duplicate_id_across_files_is_found(mini: Path) -> None:
    set_cell(mini, 1, "id", "alpha_2021-001", file="data/figures/beta_2020.csv")
    found = problems(mini)
    assert len(found) == 3
    assert found[0].startswith(f"{ALPHA}:2: column 'id': 'alpha_2021-001' is used by more than")
    assert found[1].startswith("data/figures/beta_2020.csv:2: column 'id': 'alpha_2021-001' is no")
    assert found[2].startswith("data/figures/beta_2020.csv:2: column 'id': 'alpha_2021-001' is us")


def test_every_problem_is_reported_at_once(mini: Path) -> None:
    set_cell(mini, 1, "unit", "ren")
    set_cell(mini, 2, "value", "abc")
    set_cell(mini, 3, "status", "done")
    set_cell(mini, 1, "metric", "nope", file="data/figures/beta_2020.csv")
    found = problems(mini)
    assert [line.split(": ")[0] for line in found] == [
        f"{ALPHA}:2",
        f"{ALPHA}:3",
        f"{ALPHA}:4",
        "data/figures/beta_2020.csv:2",
    ]


def write_text(root: Path, text: str, file: str = ALPHA, encoding: str = "utf-8") -> None:
    (root / file).write_bytes(text.encode(encoding))


def read_text(root: Path, file: str = ALPHA) -> str:
    return (root / file).read_text(encoding="utf-8")


def test_a_misspelled_header_column_is_named(mini: Path) -> None:
    write_text(mini, read_text(mini).replace(",value,", ",vlaue,", 1))
    assert problems(mini) == [
        f"{ALPHA}:1: column 'value': is missing from the header",
        f"{ALPHA}:1: column 'vlaue': unknown column (expected one of: id, label, metric, note_en, "
        "note_zh, period_end, period_start, period_text, program, qualifier, quote, region, …)",
    ]


def test_a_missing_header_is_reported(mini: Path) -> None:
    lines = read_text(mini).splitlines(keepends=True)
    write_text(mini, "".join(lines[1:]))
    found = problems(mini)
    assert f"{ALPHA}:1: column 'status': is missing from the header" in found
    assert all(line.startswith(f"{ALPHA}:1: ") for line in found)


def test_an_empty_file_has_no_header(mini: Path) -> None:
    write_text(mini, "")
    assert problems(mini) == [f"{ALPHA}:1: has no header line (expected: {','.join(CSV_COLUMNS)})"]


def test_a_ragged_row_and_later_lines_keep_their_numbers(mini: Path) -> None:
    lines = read_text(mini).splitlines(keepends=True)
    lines.insert(2, "\r\n")  # a blank line: line 3
    lines[3] = lines[3].rstrip("\r\n") + ",extra\r\n"  # line 4 has one value too many
    write_text(mini, "".join(lines))
    set_cell(mini, 4, "unit", "ren")  # csv rows: header, row1, blank, ragged, row3
    found = problems(mini)
    assert found[0].startswith(f"{ALPHA}:4: has 18 values but the header has 17 columns: ")
    assert found[1] == (
        f"{ALPHA}:5: column 'unit': 'ren' is not a unit "
        "(expected one of: person, person_time, yuan)"
    )


def test_a_line_break_inside_a_cell_keeps_later_line_numbers(mini: Path) -> None:
    set_cell(mini, 1, "note_zh", "two\nlines")
    set_cell(mini, 3, "status", "done")
    assert problems(mini) == [
        f"{ALPHA}:5: column 'status': 'done' is not a status (expected one of: actual, plan)"
    ]


def test_a_utf8_bom_is_accepted(mini: Path) -> None:
    write_text(mini, "\ufeff" + read_text(mini))
    assert problems(mini) == []


def test_a_gb18030_file_from_excel_is_read_with_a_warning(mini: Path) -> None:
    write_text(mini, read_text(mini), encoding="gb18030")
    result = validate(mini / "data", mini / "metrics")
    assert result.ok
    assert result.figure_count == 4
    assert [str(warning) for warning in result.warnings] == [
        f"{ALPHA}: read as GB18030 (the encoding Excel uses on Chinese Windows); save it as "
        "'CSV UTF-8 (逗号分隔)' to keep it portable"
    ]


def test_a_gb18030_file_is_checked_like_any_other(mini: Path) -> None:
    set_cell(mini, 2, "unit", "ren")
    write_text(mini, read_text(mini), encoding="gb18030")
    assert problems(mini) == [
        f"{ALPHA}:3: column 'unit': 'ren' is not a unit (expected one of: person, person_time, "
        "yuan)"
    ]


def test_a_file_in_no_known_encoding_is_refused(mini: Path) -> None:
    data = read_text(mini).encode("utf-8") + b"alpha_2021-009,\x80\xff\xfe\r\n"
    (mini / ALPHA).write_bytes(data)
    found = problems(mini)
    assert len(found) == 1
    assert found[0].startswith(f"{ALPHA}:5: is not UTF-8 (invalid start byte at byte ")
    assert found[0].endswith("and not GB18030 either; save it as 'CSV UTF-8 (逗号分隔)'")


def test_a_figures_file_must_be_named_after_a_source(mini: Path) -> None:
    (mini / ALPHA).rename(mini / "data/figures/alpha.csv")
    found = problems(mini)
    assert found[0] == (
        "data/figures/alpha.csv:1: file name 'alpha' is not a source id in sources.yaml "
        "(expected one of: alpha_2021, beta_2020)"
    )


def test_a_missing_report_is_an_error_naming_its_source_and_path(mini: Path) -> None:
    (mini / "reports/beta.txt").unlink()
    assert problems(mini) == [
        "data/sources.yaml:14: field 'file': report of source 'beta_2020' not found: "
        "expected reports/beta.txt"
    ]


def test_a_report_that_is_not_utf8_is_an_error(mini: Path) -> None:
    (mini / "reports/beta.txt").write_bytes(b"\xff\xfe\x00\xd8")
    (found,) = problems(mini)
    assert found.startswith(
        "data/sources.yaml:14: field 'file': report of source 'beta_2020' cannot be read as "
        "UTF-8 text at reports/beta.txt: "
    )


def test_sources_naming_reports_need_a_reports_dir(mini: Path) -> None:
    path = mini / "data/sources.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("reports_dir: ../reports\n", ""),
        encoding="utf-8",
    )
    assert problems(mini) == [
        f"data/sources.yaml:{line}: field 'file': source '{source}' names its report but "
        "sources.yaml has no reports_dir"
        for line, source in ((4, "alpha_2021"), (13, "beta_2020"))
    ]


def test_an_unknown_yaml_field_is_an_error_with_its_line(mini: Path) -> None:
    path = mini / "metrics/metrics.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    description_en: Money put in.", "    descripton_en: Money put in."
        ),
        encoding="utf-8",
    )
    assert problems(mini) == [
        "metrics/metrics.yaml:5: field 'description_en': is missing",
        "metrics/metrics.yaml:11: field 'descripton_en': unknown field (expected one of: "
        "category, comparable, description_en, description_zh, id, keywords, name_en, name_zh, "
        "per, summable, unit)",
    ]


def test_catalogue_references_are_checked(mini: Path) -> None:
    path = mini / "data/programs.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("type: funding", "type: funds"), encoding="utf-8"
    )
    assert problems(mini) == [
        "data/programs.yaml:15: field 'type': 'funds' is not a program type "
        "(expected one of: funding, training)"
    ]


def test_a_duplicate_catalogue_id_is_an_error(mini: Path) -> None:
    path = mini / "data/regions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: beta", "id: alpha"), encoding="utf-8"
    )
    assert (
        "data/regions.yaml:12: field 'id': 'alpha' is declared twice in regions (first at line 2)"
    ) in problems(mini)


def test_broken_yaml_is_located_and_stops_before_the_figures(mini: Path) -> None:
    path = mini / "data/regions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name_zh: 甲市", "name_zh: [甲市"),
        encoding="utf-8",
    )
    found = problems(mini)
    assert len(found) == 1
    assert found[0].startswith("data/regions.yaml:")
    assert "not valid YAML" in found[0]


def test_a_bad_source_date_is_an_error_and_dates_stay_text(mini: Path) -> None:
    result = validate(mini / "data", mini / "metrics")
    assert result.catalogue.sources["alpha_2021"].date == "2021-11-04"
    path = mini / "data/sources.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"2020"', "2020-13"), encoding="utf-8")
    assert problems(mini) == [
        "data/sources.yaml:17: field 'date': '2020-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    ]
