"""The hierarchy rules of regions.yaml, each on a purpose-built broken copy, with exact messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ruraldash.store.build import validate
from ruraldash.store.hierarchy import ancestors, code_shape_problem, own_prefix

FIXTURES = Path(__file__).parents[1] / "fixtures"
REGIONS = "data/regions.yaml"


def problems_with(regions: str, root: Path) -> list[str]:
    """Validate the mini copy `root` with regions.yaml from tests/fixtures/hierarchy/<name>."""
    shutil.copy(FIXTURES / "hierarchy" / regions, root / REGIONS)
    return [str(problem) for problem in validate(root / "data", root / "metrics").problems]


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("valid.yaml", []),
        ("below.yaml", []),
        (
            "bad_code.yaml",
            [
                f"{REGIONS}:6: field 'admin_code': '35990' is not a code of a prefecture "
                "(six digits, e.g. 350900)",
                f"{REGIONS}:12: field 'admin_code': '439900' is not a county code "
                "(a county's code does not end in 00)",
            ],
        ),
        (
            "bad_level.yaml",
            [
                f"{REGIONS}:5: field 'level': 'prefecture_city' is not a level "
                "(expected one of: county, prefecture, province, township, village)"
            ],
        ),
        (
            "duplicate_code.yaml",
            [
                f"{REGIONS}:12: field 'admin_code': '359900' is already the code of region "
                "'alpha' (line 2)"
            ],
        ),
        (
            "parent_below.yaml",
            [f"{REGIONS}:7: field 'parent': 'beta' is a county, not above this prefecture"],
        ),
        (
            "parents_missing.yaml",
            [
                f"{REGIONS}:7: field 'parent': 'fujan' is not a region "
                "(expected one of: alpha, beta, fujian, hunan)",
                f"{REGIONS}:8: field 'parent': is missing (a county lies under another region)",
            ],
        ),
        (
            "prefix.yaml",
            [
                f"{REGIONS}:12: field 'admin_code': '359901' does not lie under its parent "
                "'hunan' (430000): it must start with 43"
            ],
        ),
        (
            "cycle.yaml",
            [
                f"{REGIONS}:7: field 'parent': 'beta' is a county, not above this county",
                f"{REGIONS}:7: field 'parent': parents form a cycle: alpha → beta → gamma → alpha",
                f"{REGIONS}:13: field 'parent': 'gamma' is a county, not above this county",
                f"{REGIONS}:19: field 'parent': 'alpha' is a county, not above this county",
            ],
        ),
    ],
)
def test_each_hierarchy_rule_names_file_line_field_and_value(
    fixture: str, expected: list[str], mini: Path
) -> None:
    assert problems_with(fixture, mini) == expected


def _set_scope(root: Path, scope: str) -> None:
    path = root / "data/figures/alpha_2021.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("scope")] = scope
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("alpha_east", []),
        ("某村", []),
        (
            "beta",
            [
                "data/figures/alpha_2021.csv:2: column 'scope': 'beta' is a region that does not "
                "lie below the figure's region 'alpha'"
            ],
        ),
        (
            "alpha",
            [
                "data/figures/alpha_2021.csv:2: column 'scope': 'alpha' is a region that does "
                "not lie below the figure's region 'alpha'"
            ],
        ),
    ],
)
def test_a_scope_may_name_a_region_below_the_figures_region(
    scope: str, expected: list[str], mini: Path
) -> None:
    shutil.copy(FIXTURES / "hierarchy" / "below.yaml", mini / REGIONS)
    _set_scope(mini, scope)
    assert [str(p) for p in validate(mini / "data", mini / "metrics").problems] == expected


def test_code_shapes_and_prefixes() -> None:
    assert code_shape_problem("350000", "province") is None
    assert str(code_shape_problem("350900", "province")) == (
        "'350900' is not a province code (a province's code ends in 0000)"
    )
    assert code_shape_problem("350000", "prefecture") is not None
    assert code_shape_problem("430528100", "township") is None
    assert str(code_shape_problem("430528", "township")) == (
        "'430528' is not a code of a township (nine digits, e.g. 430528100)"
    )
    assert own_prefix("350000", "province") == "35"
    assert own_prefix("350900", "prefecture") == "3509"


def test_the_shipped_regions_carry_their_real_codes_and_parents() -> None:
    from ruraldash.paths import DATA_DIR, METRICS_DIR
    from ruraldash.store.catalogue import load_catalogue

    catalogue, problems = load_catalogue(DATA_DIR, METRICS_DIR)
    assert catalogue is not None and problems == []
    regions = catalogue.regions
    expected = {
        "ningde": ("350900", ["fujian"]),
        "putian": ("350300", ["fujian"]),
        "dingxi": ("621100", ["gansu"]),
        "xinning": ("430528", ["shaoyang", "hunan"]),
        "qingyuan": ("441800", ["guangdong"]),
    }
    for region_id, (code, above) in expected.items():
        assert regions[region_id].admin_code == code
        assert ancestors(region_id, regions) == above
    assert {regions[name].admin_code for name in ("fujian", "gansu", "hunan", "guangdong")} == {
        "350000",
        "620000",
        "430000",
        "440000",
    }
    assert regions["shaoyang"].admin_code == "430500"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_regions_writes_id_names_level_code_and_parent(fmt: str, tmp_path: Path) -> None:
    import pandas as pd

    from ruraldash.cli import main

    out = tmp_path / f"regions.{fmt}"
    mini = FIXTURES / "mini"
    code = main(
        [
            "export",
            "regions",
            "--format",
            fmt,
            "--out",
            str(out),
            "--data",
            str(mini / "data"),
            "--metrics",
            str(mini / "metrics"),
            "--db",
            str(tmp_path / "mini.duckdb"),
        ]
    )
    assert code == 0
    if fmt == "csv":
        assert out.read_bytes().startswith(
            b"\xef\xbb\xbfregion_id,name_zh,name_en,level,admin_code"
        )
        table = pd.read_csv(out, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    else:
        table = pd.read_excel(out, sheet_name=0, dtype=str, keep_default_na=False)
    rows = table.set_index("region_id")
    assert list(rows.index) == ["fujian", "alpha", "hunan", "beta"]
    assert rows.loc["alpha", ["name_zh", "level", "admin_code", "parent_id"]].tolist() == [
        "甲市",
        "prefecture",
        "359900",
        "fujian",
    ]
    assert rows.loc["fujian", "parent_id"] == ""
