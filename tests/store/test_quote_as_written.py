"""The database keeps each quote as its report punctuates it, beside the normalised quote."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ruraldash.store.build import build


def test_a_quote_is_stored_with_the_reports_full_width_punctuation(mini: Path) -> None:
    report = mini / "reports/alpha.txt"
    report.write_text(
        report.read_text(encoding="utf-8").replace("20期,受訓", "20期，受訓"), encoding="utf-8"
    )
    figures = mini / "data/figures/alpha_2021.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace(
            ",举办培训班20期,", ',"举办培训班20期,受训党员",'
        ),
        encoding="utf-8",
    )
    built = build(mini / "data", mini / "metrics", mini / "out.duckdb")
    with duckdb.connect(str(built.db_path), read_only=True) as con:
        rows = dict(con.execute("SELECT quote, quote_shown FROM figures_full").fetchall())
    assert rows["举办培训班20期,受训党员"] == "举办培训班20期，受训党员"
    assert rows["设立基金1000万元"] == "设立基金1000万元"
