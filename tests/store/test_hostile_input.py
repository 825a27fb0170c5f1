"""Awkward and hostile curated input: every case a located error, nothing silently changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.cli import main
from ruraldash.store.build import build, validate

ALPHA = "data/figures/alpha_2021.csv"
SAVE_AS = "save it as 'CSV UTF-8 (逗号分隔)'"


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in validate(root / "data", root / "metrics").problems]


def edit(root: Path, file: str, old: str, new: str) -> None:
    """Replace the first `old` in a curated file with `new` (which must be there to replace)."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def validate_exit(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run `python -m ruraldash validate --lang en` in-process; return its exit code and stderr
    lines."""
    code = main(["validate", "--data", "data", "--metrics", "metrics", "--lang", "en"])
    return code, capsys.readouterr().err.splitlines()


# --- 1. what used to end in a traceback -------------------------------------------------------


def test_lone_cr_line_ends_are_named(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini / ALPHA
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    code, err = validate_exit(capsys)
    assert code == 1
    assert err[0] == (
        f"{ALPHA}:1: ends its lines with a lone CR (old Mac Excel's 'CSV (Macintosh)'); {SAVE_AS}"
    )


def test_a_cell_past_the_csv_field_limit_is_located(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A blank line sends the file to the slow path, where Python's csv module has a limit.
    lines = (mini / ALPHA).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace("投入资金,", "投入资金" + "多" * 200_000 + ",", 1)
    lines.insert(1, "\r\n")
    (mini / ALPHA).write_text("".join(lines), encoding="utf-8")
    code, err = validate_exit(capsys)
    assert code == 1
    assert err[0] == (
        f'{ALPHA}:4: has a cell longer than 131,072 characters: most likely a quote mark (") '
        "opens a cell and is never closed"
    )


def test_problems_with_and_without_a_column_sort_together(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An extra figures file named after no source, whose header is misspelled as well.
    text = (mini / ALPHA).read_text(encoding="utf-8").replace(",value,", ",vlaue,", 1)
    (mini / "data/figures/gamma.csv").write_text(text, encoding="utf-8")
    code, err = validate_exit(capsys)
    assert code == 1
    assert err[:3] == [
        "data/figures/gamma.csv:1: file name 'gamma' is not a source id in sources.yaml "
        "(expected one of: alpha_2021, beta_2020)",
        "data/figures/gamma.csv:1: column 'value': is missing from the header",
        "data/figures/gamma.csv:1: column 'vlaue': unknown column (expected one of: id, label, "
        "metric, note_en, note_zh, part_of, period_end, period_start, period_text, program, "
        "qualifier, quote, …)",
    ]


# --- 2. a YAML alias bomb -----------------------------------------------------------------------

BOMB = "".join(
    [f"a0: &a0 [{','.join(['lol'] * 9)}]\n"]
    + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 12)]
)


def test_an_alias_bomb_is_refused_at_its_first_anchor(mini: Path) -> None:
    path = mini / "data/programs.yaml"
    path.write_text(BOMB + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert problems(mini) == [
        "data/programs.yaml:1: an anchor ('&a0') is not allowed in curated YAML: write every "
        "value out"
    ]


def test_an_alias_bomb_returns_at_once_in_a_fresh_process(mini: Path) -> None:
    """9**12 expanded values would take hours and gigabytes: the command must just return."""
    path = mini / "metrics/units.yaml"
    path.write_text(path.read_text(encoding="utf-8") + BOMB.replace("a0:", "x: 1\na0:"))
    result = subprocess.run(
        [sys.executable, "-m", "ruraldash", "validate", "--data", "data", "--metrics", "metrics"],
        cwd=mini,
        env={**os.environ, "PYTHONPATH": str(paths.REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "不允许使用锚点（'&a0'）" in result.stderr


def test_a_lone_alias_is_refused_where_it_is_used(mini: Path) -> None:
    edit(mini, "data/regions.yaml", "    name_en: Beta County", "    name_en: *alpha_name")
    edit(mini, "data/regions.yaml", "name_en: Alpha\n", "name_en: &alpha_name Alpha\n")
    assert problems(mini) == [
        "data/regions.yaml:4: an anchor ('&alpha_name') is not allowed in curated YAML: write "
        "every value out"
    ]


# --- 3. values that used to be accepted silently ------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            ",12000,",
            ",12_000,",
            "2: column 'value': '12_000' is not a number (write base units with digits only: "
            "126000, not 12.6万)",
        ),
        (
            ",300000000,",
            ",3.00000E+08,",
            "3: column 'value': '3.00000E+08' is in scientific notation, which Excel writes for "
            "long numbers and which loses digits; write the number out in full from the report",
        ),
        (
            ",投入资金,",
            ",投入\x00资金,",
            "3: column 'label': '投入\\x00资金' contains an invisible or control character "
            "(shown escaped); delete it",
        ),
        (
            "alpha_2021-002,",
            "x'; DROP TABLE figures; --,",
            "3: column 'id': 'x'; DROP TABLE figures; --' is not of the form <source_id>-NNN "
            "(the file's source id 'alpha_2021', a hyphen and 3 to 6 digits: 'alpha_2021-001')",
        ),
        (
            "alpha_2021-002,",
            "alpha_2021-" + "0" * 10_000 + ",",
            "3: column 'id': '" + ("alpha_2021-" + "0" * 46) + "…' is not "
            "of the form <source_id>-NNN (the file's source id 'alpha_2021', a hyphen and 3 to "
            "6 digits: 'alpha_2021-001')",
        ),
    ],
)
def test_a_value_no_longer_accepted_silently(mini: Path, old: str, new: str, message: str) -> None:
    edit(mini, ALPHA, old, new)
    assert problems(mini) == [f"{ALPHA}:{message}"]


def test_a_nan_reference_population_is_refused(mini: Path) -> None:
    edit(mini, "data/regions.yaml", "value: 1000000", "value: .nan")
    assert problems(mini) == ["data/regions.yaml:11: field 'value': 'nan' is not a finite number"]


def test_a_duplicate_yaml_key_is_refused(mini: Path) -> None:
    edit(mini, "data/regions.yaml", "    name_en: Alpha\n", "    name_en: Alpha\n    name_en: A2\n")
    assert problems(mini) == ["data/regions.yaml:5: key 'name_en' appears twice (first at line 4)"]


# --- 4. files that vanished or leaked -----------------------------------------------------------


def test_an_upper_case_csv_is_not_skipped(mini: Path) -> None:
    (mini / ALPHA).rename(mini / "data/figures/alpha_2021.CSV")
    assert problems(mini) == [
        "data/figures/alpha_2021.CSV:1: ends in '.CSV': files in figures/ end in '.csv' "
        "(lower case); rename it, or it is not read"
    ]


LINK = "is a symbolic link; curated files must be real files in the folder (it was not read)"


def test_a_linked_figures_file_is_refused_without_echoing_its_target(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("SECRET-FIRST-LINE,x\n", encoding="utf-8")
    (mini / "data/figures/zz_2021.csv").symlink_to(outside)
    code, err = validate_exit(capsys)
    assert code == 1
    assert err == [f"data/figures/zz_2021.csv:1: {LINK}", "1 problem found; nothing was built."]


@pytest.mark.parametrize("file", ["data/regions.yaml", "data/notes/alpha_2021.md"])
def test_a_linked_curated_file_is_refused(mini: Path, tmp_path: Path, file: str) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("regions: SECRET\n", encoding="utf-8")
    target = mini / file
    target.parent.mkdir(exist_ok=True)
    target.unlink(missing_ok=True)
    target.symlink_to(outside)
    found = problems(mini)
    assert found == [f"{file}:1: {LINK}"]
    assert not any("SECRET" in line for line in found)


def test_an_unexpected_file_among_the_figures_is_refused(mini: Path) -> None:
    (mini / "data/figures/alpha_2021.xlsx").write_bytes(b"PK")
    assert problems(mini) == [
        "data/figures/alpha_2021.xlsx:1: is not a '.csv' file; figures/ holds only '.csv' files "
        "(move it elsewhere)"
    ]


def test_an_unexpected_file_beside_the_catalogue_is_reported(mini: Path) -> None:
    (mini / "data/regions.yml").write_text("regions: []\n", encoding="utf-8")
    result = validate(mini / "data", mini / "metrics")
    assert result.ok
    assert [str(warning) for warning in result.warnings] == [
        "data/regions.yml: not a file the build reads (sources.yaml, regions.yaml, "
        "programs.yaml, README.md, figures/, notes/, reports/, queries/, views/); it was ignored"
    ]


# --- 5. errors that pointed elsewhere -----------------------------------------------------------


def test_a_utf16_csv_gets_one_error_naming_the_encoding(mini: Path) -> None:
    path = mini / ALPHA
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert problems(mini) == [
        f"{ALPHA}:1: is UTF-16 (Excel's 'Unicode text'), not UTF-8; {SAVE_AS}"
    ]


def test_an_unterminated_yaml_string_is_named_on_its_line(mini: Path) -> None:
    edit(mini, "data/regions.yaml", "name_zh: 甲市", 'name_zh: "甲市')
    assert problems(mini) == [
        "data/regions.yaml:3: a quoted string opened on this line is not closed on it"
    ]


def test_an_empty_regions_file_is_named_once(mini: Path) -> None:
    (mini / "data/regions.yaml").write_text("", encoding="utf-8")
    assert problems(mini) == ["data/regions.yaml:1: is empty (expected: regions)"]


def test_an_invisible_character_in_an_id_is_shown(mini: Path) -> None:
    edit(mini, ALPHA, ",alpha_training,", ",alpha\u200b_training,")
    assert problems(mini) == [
        f"{ALPHA}:2: column 'program': 'alpha\\u200b_training' contains an invisible or control "
        "character (shown escaped); delete it"
    ]


# --- the last good database survives every one of them -----------------------------------------


@pytest.mark.parametrize("breakage", ["bomb", "link", "utf16", "empty"])
def test_a_failed_build_leaves_the_last_good_database(
    mini: Path, tmp_path: Path, breakage: str
) -> None:
    db_path = tmp_path / "rural.duckdb"
    build(mini / "data", mini / "metrics", db_path)
    before = db_path.read_bytes()
    if breakage == "bomb":
        path = mini / "data/programs.yaml"
        path.write_text(BOMB + path.read_text(encoding="utf-8"), encoding="utf-8")
    elif breakage == "link":
        (mini / "data/figures/zz_2021.csv").symlink_to(mini / ALPHA)
    elif breakage == "utf16":
        (mini / ALPHA).write_bytes((mini / ALPHA).read_text(encoding="utf-8").encode("utf-16"))
    else:
        (mini / "data/regions.yaml").write_text("", encoding="utf-8")
    with pytest.raises(Exception, match="problem"):
        build(mini / "data", mini / "metrics", db_path)
    assert db_path.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".partial")] == []


def test_an_empty_regions_list_is_named_once(mini: Path) -> None:
    (mini / "data/regions.yaml").write_text("regions: []\n", encoding="utf-8")
    assert problems(mini) == ["data/regions.yaml:1: section 'regions': has no entries"]


def test_a_linked_figures_folder_is_refused_and_not_read(mini: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "alpha_2021.csv").write_text("SECRET,header\n", encoding="utf-8")
    shutil.rmtree(mini / "data/figures")
    (mini / "data/figures").symlink_to(outside)
    assert problems(mini) == [f"data/figures:1: {LINK}"]
