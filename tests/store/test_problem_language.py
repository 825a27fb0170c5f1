"""A located problem is said in the reader's language and keeps its file:line: column prefix."""

from __future__ import annotations

from pathlib import Path

from ruraldash.store.build import validate
from ruraldash.store.hierarchy import code_shape_problem


def test_a_check_failure_reads_in_chinese_and_in_english(mini: Path) -> None:
    path = mini / "data/figures/alpha_2021.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",person_time,", ",ren,"), encoding="utf-8"
    )
    (problem,) = validate(mini / "data", mini / "metrics").problems
    assert problem.text("zh") == (
        "data/figures/alpha_2021.csv:2: 列 'unit'：'ren' 不是单位"
        "（应为以下之一：person, person_time, yuan）"
    )
    assert (
        problem.text("en")
        == str(problem)
        == (
            "data/figures/alpha_2021.csv:2: column 'unit': 'ren' is not a unit "
            "(expected one of: person, person_time, yuan)"
        )
    )


def test_a_warning_reads_in_both_languages(mini: Path) -> None:
    (mini / "data/regions.yml").write_text("x: 1\n", encoding="utf-8")
    (warning,) = validate(mini / "data", mini / "metrics").warnings
    assert warning.text("zh").startswith("data/regions.yml：不是构建会读取的文件")
    assert warning.text("en").startswith("data/regions.yml: not a file the build reads")


def test_a_level_inside_a_message_follows_the_language() -> None:
    said = code_shape_problem("430528", "township")
    assert said is not None
    assert said.text("zh") == "'430528' 不是乡镇代码（9 位数字，如 430528100）"
    assert said.text("en") == "'430528' is not a code of a township (nine digits, e.g. 430528100)"
