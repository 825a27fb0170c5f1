"""Programs of several kinds, programs named without figures, and "not mentioned in the report"."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ruraldash.store.build import build, validate
from ruraldash.store.db import connect, run_query
from ruraldash.views.pages import compare_programs

PROGRAMS = "data/programs.yaml"


def edit(root: Path, old: str, new: str, file: str = PROGRAMS) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in validate(root / "data", root / "metrics").problems]


def opened(root: Path) -> duckdb.DuckDBPyConnection:
    return connect(build(root / "data", root / "metrics", root / "out.duckdb").db_path)


BETA_FUND_LAST_LINE = "    description_en: A fund.\n"
A_THIRD_PROGRAM = """  - id: beta_training
    name_zh: 乙县培训
    name_en: Beta training
    region: beta
    source: beta_2020
    type: training
    description_zh: 培训。
    description_en: Training.
"""


def test_a_program_no_figure_uses_is_warned_of_unless_marked(mini: Path) -> None:
    edit(mini, BETA_FUND_LAST_LINE, BETA_FUND_LAST_LINE + A_THIRD_PROGRAM)
    result = validate(mini / "data", mini / "metrics")
    # A warning: a draft dropped in before review has no program cells yet.
    assert result.ok
    assert [str(warning) for warning in result.warnings] == [
        "data/programs.yaml:18: field 'id': program 'beta_training' is used by no figure: link "
        "its figures (column 'program') or mark it `without_figures: true`"
    ]
    edit(
        mini,
        "    description_en: Training.\n",
        "    description_en: Training.\n    without_figures: true\n",
    )
    assert validate(mini / "data", mini / "metrics").warnings == []


def test_a_program_marked_without_figures_may_not_have_one(mini: Path) -> None:
    edit(mini, BETA_FUND_LAST_LINE, BETA_FUND_LAST_LINE + "    without_figures: true\n")
    assert problems(mini) == [
        "data/figures/beta_2020.csv:2: column 'program': 'beta_fund' is marked "
        "`without_figures: true` in programs.yaml; remove the mark"
    ]


def test_also_types_are_program_types_listed_once(mini: Path) -> None:
    edit(mini, BETA_FUND_LAST_LINE, BETA_FUND_LAST_LINE + "    also_types: [train, funding]\n")
    assert problems(mini) == [
        "data/programs.yaml:18: field 'also_types': 'funding' is listed twice",
        "data/programs.yaml:18: field 'also_types': 'train' is not a program type "
        "(expected one of: funding, training)",
    ]


def test_a_region_whose_report_names_no_such_program_is_said_so(mini: Path) -> None:
    with opened(mini) as con:
        compared = compare_programs.program_comparison(con, "zh", "training").figures.shown
        assert list(compared["地区"]) == ["甲市", "甲市", "乙县"]
        beta = compared.iloc[-1]
        assert (beta["项目"], beta["数值"]) == ("报告未提及", "报告未提及")
        english = compare_programs.program_comparison(con, "en", "training").figures.shown
        assert english.iloc[-1]["Program"] == "not mentioned in the report"
        matrix = compare_programs.program_matrix(con, "zh").table.shown
        training = matrix[matrix["项目类型"] == "教育培训"].iloc[0]
        assert (training["甲市"], training["乙县"]) == ("甲市党员培训", "报告未提及")


def test_a_program_of_two_kinds_is_compared_under_each(mini: Path) -> None:
    edit(mini, BETA_FUND_LAST_LINE, BETA_FUND_LAST_LINE + "    also_types: [training]\n")
    with opened(mini) as con:
        compared = compare_programs.program_comparison(con, "zh", "training").figures.shown
        assert list(compared["地区"]) == ["甲市", "甲市", "乙县"]
        assert list(compared["项目"]) == ["甲市党员培训", "甲市党员培训", "乙县基金"]
        assert "报告未提及" not in set(compared["数值"])
        funding = compare_programs.program_comparison(con, "zh", "funding").figures.shown
        assert list(funding["项目"]) == ["报告未提及", "乙县基金"]
        kinds = run_query(con, "program_types").set_index("program_type")["program_count"]
        assert kinds.to_dict() == {"training": 2, "funding": 1}
        programs = run_query(con, "programs").set_index("program_id")
        assert programs.loc["beta_fund", "program_kinds_zh"] == "资金扶持、教育培训"
        assert programs.loc["beta_fund", "program_type"] == "funding"
