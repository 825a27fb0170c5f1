"""The map reads figures as every page does: unreviewed drafts left out, or shown marked."""

from __future__ import annotations

import csv
from pathlib import Path

from ruraldash import paths
from ruraldash.store.build import build
from ruraldash.store.db import DRAFT_MARK, connect
from ruraldash.views.pages import map as map_page

DRAFT = "qingyuan_2019-001"  # 河头村外流人口, population_outflow, actual


def test_the_map_leaves_drafts_out_unless_shown_and_then_marks_them(
    data_copy: Path, tmp_path: Path
) -> None:
    figures = data_copy / "figures" / "qingyuan_2019.csv"
    with figures.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == DRAFT
    rows[1][rows[0].index("review")] = "draft"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    db = build(data_copy, paths.METRICS_DIR, tmp_path / "map.duckdb").db_path

    def drawn(drafts: bool) -> tuple[list[str], str]:
        with connect(db, drafts=drafts) as con:
            view = map_page.map_view(
                con, "zh", "population_outflow", "actual", "china", "prefecture"
            )
        table = view.table.shown
        cells = [str(cell) for row in table.itertuples(index=False) for cell in row]
        return cells, view.figure.to_json()

    hidden_cells, hidden_figure = drawn(False)
    shown_cells, shown_figure = drawn(True)
    assert DRAFT not in hidden_cells and DRAFT_MARK not in hidden_figure
    assert not any(DRAFT_MARK in cell for cell in hidden_cells)
    assert DRAFT in shown_cells
    assert sum(DRAFT_MARK in cell for cell in shown_cells) == 1
    assert DRAFT_MARK in shown_figure  # the hover names the figure by its marked label
