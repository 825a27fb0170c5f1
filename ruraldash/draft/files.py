"""Draft files: the figures CSV and its sidecar of skipped numerals, and where they may go."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from ruraldash import paths
from ruraldash.draft.engine import DEFAULT_SOURCE, Draft, Skipped
from ruraldash.store.excel_text import decode_text, excel_csv
from ruraldash.store.figure_files import FILE_COLUMNS

SKIPPED_COLUMNS = ("line", "raw", "reason", "context")


def decode_report(data: bytes) -> str:
    """Return an uploaded report's text: UTF-8 (BOM or not), else GB18030 (Chinese Windows)."""
    return decode_text(data, errors="replace")[0]


def source_id_from_name(file_name: str) -> str:
    """Return a source id made from a report's file name (000_761c….txt -> 000_761c…)."""
    stem = Path(file_name).name.split(".")[0]
    return re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_") or DEFAULT_SOURCE


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _csv(columns: tuple[str, ...], rows: Iterable[Mapping[str, object]]) -> bytes:
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    return excel_csv(pd.DataFrame(cells, columns=list(columns), dtype=object))


def figures_csv(rows: Iterable[Mapping[str, object]]) -> bytes:
    """Return figure rows as a figures file: the curated header, UTF-8 with BOM, CRLF for Excel.

    A row without the review columns (reviewed_by, reviewed_at) leaves them empty."""
    return _csv(FILE_COLUMNS, rows)


def skipped_csv(skipped: Iterable[Skipped]) -> bytes:
    """Return the skipped numerals as the sidecar file (line, raw, reason, context)."""
    return _csv(SKIPPED_COLUMNS, (item.row() for item in skipped))


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or lies under it (symbolic links resolved)."""
    return path.resolve().is_relative_to(folder.resolve())


def skipped_path(out: Path, data_dir: Path) -> Path:
    """Return where the sidecar of `out` goes: beside it, but never among the curated files."""
    name = f"{out.name.split('.')[0]}.skipped.csv"
    if is_inside(out, data_dir):
        # Every CSV in data/figures/ is read as figures: the sidecar must not land there. It goes
        # beside the database instead (.cache/drafts/ unless RURALDASH_DB says otherwise).
        return paths.default_db_path().parent / "drafts" / name
    return out.with_name(name)


def write_draft(draft: Draft, out: Path, sidecar: Path) -> None:
    """Write the draft's figures to `out` and its skipped numerals to `sidecar`."""
    for path in (out, sidecar):
        path.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(figures_csv(figure.row() for figure in draft.figures))
    sidecar.write_bytes(skipped_csv(draft.skipped))
