"""Compare programs on data that declares no program (programs: []): a note, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest


def test_no_program_declared_is_said_not_raised(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (mini / "data/programs.yaml").write_text("programs: []\n", encoding="utf-8")
    for file, program in (("alpha_2021", "alpha_training"), ("beta_2020", "beta_fund")):
        path = mini / "data/figures" / f"{file}.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(f",{program},", ",,"), "utf-8")
    monkeypatch.setenv("RURALDASH_DATA", str(mini / "data"))
    monkeypatch.setenv("RURALDASH_METRICS", str(mini / "metrics"))
    monkeypatch.setenv("RURALDASH_DB", str(tmp_path / "db.duckdb"))
    app = AppTest.from_file("../../pages/compare_programs.py", default_timeout=120)
    app.run()
    assert not app.exception
    assert "数据中尚未声明任何项目。" in [caption.value for caption in app.caption]
