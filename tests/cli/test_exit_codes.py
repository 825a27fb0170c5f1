"""The command line: exit codes 0 ok, 1 invalid data, 2 usage; located errors on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ruraldash import paths
from ruraldash.cli import main, make_parser
from ruraldash.serving import command as serving_command


def run(*args: str) -> int:
    return main([*args, "--data", "data", "--metrics", "metrics"])


def test_help_documents_the_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruraldash", "--help"],
        cwd=paths.REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for word in ("validate", "build", "release", "export", "normalise", "serve", "exit codes"):
        assert word in result.stdout


def test_validate_ok_speaks_chinese_by_default(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("validate") == 0
    assert capsys.readouterr().out == "通过：data 中 2 个来源的 4 条数据均有效\n"
    assert run("validate", "--lang", "en") == 0
    assert capsys.readouterr().out == "ok: 4 figures from 2 sources in data are valid\n"


def test_validate_invalid_prints_located_problems(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = mini / "data/figures/alpha_2021.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",person_time,", ",ren,"), encoding="utf-8"
    )
    assert run("validate") == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/figures/alpha_2021.csv:2: 列 'unit'：'ren' 不是单位"
        "（应为以下之一：person, person_time, yuan）",
        "发现 1 个问题；未构建任何内容。",
    ]
    assert run("validate", "--lang", "en") == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/figures/alpha_2021.csv:2: column 'unit': 'ren' is not a unit "
        "(expected one of: person, person_time, yuan)",
        "1 problem found; nothing was built.",
    ]


def test_build_invalid_keeps_the_database_and_says_so(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--data", "data", "--metrics", "metrics", "--db", "out.duckdb"]) == 0
    path = mini / "data/figures/beta_2020.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",yuan,", ",,"), encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--data", "data", "--metrics", "metrics", "--db", "out.duckdb"]) == 1
    err = capsys.readouterr().err
    assert "data/figures/beta_2020.csv:2: 列 'unit'：为空" in err
    assert "原有数据库 out.duckdb 未改动。" in err
    english = ["build", "--data", "data", "--metrics", "metrics", "--db", "out.duckdb"]
    assert main([*english, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "data/figures/beta_2020.csv:2: column 'unit': is empty" in err
    assert "The previous database out.duckdb is unchanged." in err
    with duckdb.connect("out.duckdb", read_only=True) as con:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 4


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["export", "figures", "--format", "pdf", "--out", "x.pdf"],
        ["export", "figures", "--format", "csv"],
        ["validate", "--max-problems", "many"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "usage: python -m ruraldash" in capsys.readouterr().err


def test_export_builds_when_needed_and_writes_csv(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "export",
            "figures",
            "--format",
            "csv",
            "--out",
            "out/figures.csv",
            "--data",
            "data",
            "--metrics",
            "metrics",
            "--db",
            "db/x.duckdb",
            "--lang",
            "en",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == "wrote 4 figures to out/figures.csv\n"
    assert (mini / "out/figures.csv").read_bytes().startswith(b"\xef\xbb\xbffigure_id,")


def test_the_module_runs_as_a_program(mini: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(paths.REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "ruraldash", "validate", "--data", "data", "--metrics", "metrics"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    broken = mini / "data/sources.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "  - id: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ruraldash", "validate", "--data", "data", "--metrics", "metrics"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("data/sources.yaml:")


def test_serve_is_the_serving_command_under_both_names() -> None:
    args = make_parser().parse_args(["serve", "--replicas", "3", "--port", "8870"])
    assert (args.run, args.replicas, args.port, args.upstream) == (
        serving_command.run,
        3,
        8870,
        None,
    )
    result = subprocess.run(
        [sys.executable, "-m", "ruraldash.serving", "--help"],
        cwd=paths.REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "--replicas" in result.stdout and "--upstream" in result.stdout
