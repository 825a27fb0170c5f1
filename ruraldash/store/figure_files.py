"""Read the figures CSVs into DuckDB as text, each row keeping its file and line for messages.

Over 300 lines as one job: reading the figures CSVs, their header and their rows' places.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from ruraldash.language.messages import Message, message
from ruraldash.store.excel_text import GB18030, decode_text
from ruraldash.store.problems import Problem, display_path, one_of, quoted

# The columns of a curated figures CSV (data/figures/<source>.csv), in their order.
CSV_COLUMNS = (
    "id",
    "region",
    "scope",
    "metric",
    "label",
    "program",
    "part_of",
    "value",
    "unit",
    "qualifier",
    "status",
    "period_text",
    "period_start",
    "period_end",
    "quote",
    "note_zh",
    "note_en",
    "review",
)
# Who accepted a figure on the review page and when (ISO date-time): optional, so files written
# before the review page existed stay valid; a review page's save adds them to a file's header.
REVIEW_COLUMNS = ("reviewed_by", "reviewed_at")
# Every column a figures file may have, in the order a new file is written with.
FILE_COLUMNS = (*CSV_COLUMNS, *REVIEW_COLUMNS)
# Optional too: a file without `part_of` reads as if every cell were empty (the column came
# after the first curated files, which give no part of a whole).
PART_COLUMNS = ("part_of",)
# A figure is a `draft` until a curator has checked it against its report (`reviewed`).
REVIEW_STATES = ("draft", "reviewed")
RAW_COLUMNS = ("file", "source_id", "line", *FILE_COLUMNS)

_FAST_READ = """
INSERT INTO raw
SELECT filename AS file, parse_filename(filename, true) AS source_id, NULL AS line, {columns}
FROM read_csv($files, header = true, filename = true, delim = ',', quote = '"', escape = '"',
              auto_detect = false, store_rejects = true, strict_mode = true,
              columns = {{{declared}}})
"""

# Rows read by DuckDB carry no line of their own: a table keeps the scan's order
# (preserve_insertion_order), so a row's line is its distance from its file's first row + 2
# (header, 1-based). Rows read in Python carry their exact line.
LINE_SQL = "coalesce(r.line, (r.rowid - rf.first_row_id + 2)::INTEGER)"
_FILE_STARTS = """
CREATE OR REPLACE TEMP TABLE raw_files AS
SELECT file, min(rowid) AS first_row_id FROM raw WHERE line IS NULL GROUP BY file
"""


@dataclass
class RawLoad:
    """What reading the CSVs found: problems (data is wrong) and warnings (read it anyway)."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def figure_files(data_dir: Path) -> list[Path]:
    """Return the curated figures files, one per source, in a stable order."""
    # Links (a linked file, or figures/ itself a link) are refused by store.folders, never read.
    folder = data_dir / "figures"
    if folder.is_symlink():
        return []
    return sorted(path for path in folder.glob("*.csv") if not path.is_symlink())


def _decode(data: bytes, shown: str, load: RawLoad) -> str | None:
    """Return a CSV's text: UTF-8 (BOM or not), or GB18030 as Excel on Chinese Windows saves."""
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as utf8_error:
        load.problems.append(
            Problem(
                shown,
                data.count(b"\n", 0, utf8_error.start) + 1,
                None,
                message("problem_not_utf8", reason=utf8_error.reason, byte=utf8_error.start),
                kind="file",
            )
        )
        return None
    if encoding == GB18030:
        load.warnings.append(message("warn_gb18030", path=shown))
    return text


def _header_problems(header: list[str], shown: str) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for name in header:
        if name not in FILE_COLUMNS:
            problems.append(
                Problem(
                    shown, 1, name, message("problem_unknown_column", expected=one_of(FILE_COLUMNS))
                )
            )
        elif name in seen:
            problems.append(Problem(shown, 1, name, message("problem_header_twice")))
        seen.add(name)
    for name in CSV_COLUMNS:
        if name not in seen and name not in PART_COLUMNS:
            problems.append(Problem(shown, 1, name, message("problem_header_missing")))
    return problems


def _read_header(path: Path, shown: str, load: RawLoad) -> list[str] | None:
    with path.open("rb") as handle:
        first = handle.readline()
    if not first.strip():
        load.problems.append(
            Problem(
                shown,
                1,
                None,
                message("problem_no_header", columns=",".join(CSV_COLUMNS)),
                kind="file",
            )
        )
        return None
    refused = _refused_layout(first)
    if refused:
        load.problems.append(Problem(shown, 1, None, refused, kind="file"))
        return None
    text = _decode(first, shown, RawLoad()) or ""
    header = [name.strip() for name in next(csv.reader([text.strip("\r\n")]))]
    problems = _header_problems(header, shown)
    load.problems.extend(problems)
    return None if problems else header


def _refused_layout(first: bytes) -> Message | None:
    """Name a whole-file mistake seen in the first line, which would otherwise look like a
    dozen header errors: UTF-16 text, or lines ending in a lone CR."""
    if first.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in first:
        return message("problem_utf16")
    cr = first.find(b"\r")
    if cr != -1 and first[cr + 1 : cr + 2] != b"\n":
        return message("problem_lone_cr")
    return None


def _data_lines(path: Path) -> int:
    data = path.read_bytes()
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    return lines - 1


def _unreadable(error: csv.Error) -> Message:
    # The usual cause of both: a quote mark opened and never closed swallows the rest of the
    # file into one cell.
    if "field limit" in str(error):
        return message("problem_cell_too_long", limit=f"{csv.field_size_limit():,}")
    return message("problem_unreadable_csv", error=error)


def _read_slowly(path: Path, read: Path, shown: str, load: RawLoad) -> pa.Table | None:
    """Parse one irregular file (its bytes in `read`) in Python, keeping exact line numbers
    (blank lines, ragged rows)."""
    text = _decode(read.read_bytes(), shown, load)
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip() for name in next(reader)]
    columns: dict[str, list[object]] = {name: [] for name in RAW_COLUMNS}
    line = reader.line_num
    while True:
        start = line + 1
        try:
            record = next(reader, None)
        except csv.Error as error:
            load.problems.append(Problem(shown, start, None, _unreadable(error), kind="row"))
            break
        if record is None:
            break
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            load.problems.append(
                Problem(
                    shown,
                    start,
                    None,
                    message(
                        "problem_ragged_row",
                        values=len(record),
                        columns=len(header),
                        row=quoted(",".join(record)),
                    ),
                    kind="row",
                )
            )
            continue
        values = dict(zip(header, record, strict=True))
        columns["file"].append(str(path))
        columns["source_id"].append(path.stem)
        columns["line"].append(start)
        for name in FILE_COLUMNS:
            columns[name].append(values.get(name, "").strip() or None)
    schema = pa.schema(
        [(name, pa.int32() if name == "line" else pa.string()) for name in RAW_COLUMNS]
    )
    return pa.table(columns, schema=schema)


def load_raw_figures(
    con: duckdb.DuckDBPyConnection, files: list[Path], read_from: Mapping[Path, Path] | None = None
) -> RawLoad:
    """Create table `raw` (text columns plus file, source_id, line) from the figures CSVs.

    A file in `read_from` is read from the file it maps to (a staged copy, named alike) and
    named as itself in `raw` and in every message.
    """
    read = {path: (read_from or {}).get(path, path) for path in files}
    load = RawLoad()
    fast: dict[tuple[str, ...], list[Path]] = {
        header: []
        for full in (CSV_COLUMNS, FILE_COLUMNS)
        for header in (full, tuple(name for name in full if name not in PART_COLUMNS))
    }
    slow: list[Path] = []
    for path in files:
        header = _read_header(read[path], display_path(path), load)
        if header is not None:
            fast.get(tuple(header), slow).append(path)

    slow.extend(_read_fast(con, fast, read))
    fast_files = [path for paths in fast.values() for path in paths]
    # A file whose rows DuckDB rejected, or whose line count differs from its row count (blank
    # lines, line breaks inside cells), is re-read in Python so that every line number is exact.
    counts = dict(con.execute("SELECT source_id, count(*) FROM raw GROUP BY ALL").fetchall())
    rejected = (
        {
            Path(row[0]).stem
            for row in con.execute(
                "SELECT DISTINCT s.file_path FROM reject_errors AS e "
                "JOIN reject_scans AS s USING (scan_id, file_id)"
            ).fetchall()
        }
        if fast_files
        else set()
    )
    for path in fast_files:
        if path in slow:
            continue
        if path.stem in rejected or counts.get(path.stem, 0) != _data_lines(read[path]):
            slow.append(path)
    if slow:
        con.execute(
            "DELETE FROM raw WHERE source_id IN (SELECT unnest($stems))",
            {"stems": [path.stem for path in slow]},
        )
    for path in slow:
        rows = _read_slowly(path, read[path], display_path(path), load)
        if rows is not None and rows.num_rows:
            con.register("_slow_rows", rows)
            con.execute("INSERT INTO raw SELECT * FROM _slow_rows")
            con.unregister("_slow_rows")
    con.execute(_FILE_STARTS)
    return load


def _read_fast(
    con: duckdb.DuckDBPyConnection,
    files: dict[tuple[str, ...], list[Path]],
    read: Mapping[Path, Path],
) -> list[Path]:
    """Read regular files in one DuckDB scan per header; return the files it could not read.

    Line = position in the file + 2 (header, 1-based). If the scan fails outright (some byte
    sequences stop DuckDB's parser instead of being rejected), files are scanned one at a time
    so that only the unreadable ones go to the slow path.
    """
    columns = ", ".join(f"{name} VARCHAR" for name in FILE_COLUMNS)
    con.execute(f"CREATE TEMP TABLE raw (file VARCHAR, source_id VARCHAR, line INTEGER, {columns})")
    unreadable = []
    for header, paths in files.items():
        if not paths:
            continue
        try:
            _scan(con, [read[path] for path in paths], header)
        except duckdb.Error:
            for path in paths:
                try:
                    _scan(con, [read[path]], header)
                except duckdb.Error:
                    unreadable.append(path)
    # A staged file is named as the file it stands for.
    for path, staged in read.items():
        if staged != path:
            con.execute(
                "UPDATE raw SET file = $path WHERE file = $staged",
                {"path": str(path), "staged": str(staged)},
            )
    return unreadable


def _scan(con: duckdb.DuckDBPyConnection, files: list[Path], header: tuple[str, ...]) -> None:
    # Column names come from FILE_COLUMNS, never from the files: safe to place in the SQL.
    columns = ",\n       ".join(
        f"NULLIF(trim({name}), '') AS {name}" if name in header else f"NULL AS {name}"
        for name in FILE_COLUMNS
    )
    declared = ", ".join(f"'{name}': 'VARCHAR'" for name in header)
    con.execute(
        _FAST_READ.format(columns=columns, declared=declared),
        {"files": [str(path) for path in files]},
    )
