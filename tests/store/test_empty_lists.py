"""A YAML list written empty: programs may be none, every other list is a located error."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ruraldash.cli import main
from ruraldash.store.build import build, validate

ALPHA = "data/figures/alpha_2021.csv"
BETA = "data/figures/beta_2020.csv"
NO_PROGRAMS = "programs: []\n"


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in validate(root / "data", root / "metrics").problems]


def edit(root: Path, file: str, old: str, new: str) -> None:
    """Replace every `old` in a curated file with `new` (which must be there to replace)."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def empty_list(root: Path, file: str, section: str) -> None:
    """Write `section:` of a YAML file as an empty list, keeping the file's other lists."""
    path = root / file
    kept, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("-"):
            inside = line.startswith(f"{section}:")
            if inside:
                kept.append(f"{section}: []")
                continue
        if not inside:
            kept.append(line)
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


def test_no_programs_builds_when_no_figure_names_one(mini: Path, tmp_path: Path) -> None:
    (mini / "data/programs.yaml").write_text(NO_PROGRAMS, encoding="utf-8")
    edit(mini, ALPHA, ",alpha_training,", ",,")
    edit(mini, BETA, ",beta_fund,", ",,")
    assert problems(mini) == []
    db_path = tmp_path / "rural.duckdb"
    build(mini / "data", mini / "metrics", db_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT id, region, source, also_types FROM programs").fetchall() == []
        assert con.execute("SELECT count(*) FROM figures").fetchone() == (4,)


def test_no_programs_names_each_figure_that_uses_one(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini / "data/programs.yaml").write_text(NO_PROGRAMS, encoding="utf-8")
    code = main(["validate", "--data", "data", "--metrics", "metrics", "--lang", "en"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err[:3] == [
        f"{ALPHA}:2: column 'program': 'alpha_training' is not a program (none is declared)",
        f"{ALPHA}:4: column 'program': 'alpha_training' is not a program (none is declared)",
        f"{BETA}:2: column 'program': 'beta_fund' is not a program (none is declared)",
    ]


@pytest.mark.parametrize(
    ("file", "section", "line"),
    [
        ("metrics/units.yaml", "units", 1),
        ("metrics/units.yaml", "qualifiers", 5),
        ("metrics/units.yaml", "statuses", 9),
        ("metrics/metrics.yaml", "categories", 1),
        ("metrics/metrics.yaml", "metrics", 4),
        ("metrics/program_types.yaml", "program_types", 1),
        ("data/regions.yaml", "regions", 1),
        ("data/sources.yaml", "sources", 2),
    ],
)
def test_an_empty_list_others_refer_to_is_named_beside_other_problems(
    mini: Path, file: str, section: str, line: int
) -> None:
    empty_list(mini, file, section)
    (mini / "data/programs.yaml").write_text(
        (mini / "data/programs.yaml").read_text(encoding="utf-8") + "extra: 1\n", encoding="utf-8"
    )
    assert problems(mini) == [
        "data/programs.yaml:1: field 'extra': unknown section (expected one of: programs)",
        f"{file}:{line}: section '{section}': has no entries",
    ]
