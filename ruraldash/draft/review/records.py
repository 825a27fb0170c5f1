"""A figures file as its records: every row's text kept, a changed row written in the file's
own dialect, so that a diff of a saved file shows only the rows a curator changed."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ruraldash.store.excel_text import BOM

# One physical line with its end (CRLF or LF), or a last line without one.
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


@dataclass(frozen=True)
class Record:
    """One row of a figures file: its text as in the file (line end included) and its cells."""

    text: str
    cells: Mapping[str, str]


@dataclass(frozen=True)
class FigureFile:
    """A figures file read for review: its layout (BOM, line end, header) and its rows."""

    path: Path
    bom: bool
    newline: str
    header: tuple[str, ...]
    header_text: str
    records: tuple[Record, ...]
    digest: str  # of the bytes read: a save compares it with the file's bytes at that moment

    def to_bytes(self) -> bytes:
        """Return the file's bytes: the header and every record as they are held."""
        text = self.header_text + "".join(record.text for record in self.records)
        return (BOM if self.bom else b"") + text.encode("utf-8")

    def row_text(self, cells: Mapping[str, str], ending: str | None = None) -> str:
        """Return one row in this file's dialect: minimal quoting, the file's line end."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator=self.newline if ending is None else ending)
        writer.writerow([cells.get(name, "") for name in self.header])
        return out.getvalue()

    def with_columns(self, names: Sequence[str]) -> FigureFile:
        """Return the file with `names` appended to its header where missing, cells empty."""
        missing = [name for name in names if name not in self.header]
        if not missing:
            return self
        commas = "," * len(missing)
        return replace(
            self,
            header=(*self.header, *missing),
            header_text=_extended(self.header_text, ",".join(["", *missing])),
            records=tuple(
                Record(
                    _extended(record.text, commas), {**record.cells, **dict.fromkeys(missing, "")}
                )
                for record in self.records
            ),
        )


def digest(data: bytes) -> str:
    """Return the digest a save compares: the file as it was read against the file as it is."""
    return hashlib.sha256(data).hexdigest()


def _extended(text: str, tail: str) -> str:
    """Return a line with `tail` put before its line end."""
    body = text.rstrip("\r\n")
    return body + tail + text[len(body) :]


def _records(lines: list[str]) -> list[str]:
    """Join physical lines into records: a record ends where its quote marks are balanced."""
    records: list[str] = []
    pending = ""
    for line in lines:
        pending += line
        if pending.count('"') % 2 == 0:
            records.append(pending)
            pending = ""
    if pending:
        records.append(pending)
    return records


def parse(path: Path, data: bytes) -> FigureFile:
    """Return a figures file's records from its bytes (UTF-8, a BOM kept if it had one)."""
    bom = data.startswith(BOM)
    text = data[len(BOM) :].decode("utf-8") if bom else data.decode("utf-8")
    records = _records(_LINE.findall(text))
    header_text = records[0] if records else ""
    header = tuple(name.strip() for name in next(csv.reader([header_text.rstrip("\r\n")]), []))
    newline = "\r\n" if header_text.endswith("\r\n") else "\n"
    rows = []
    for record in records[1:]:
        if not record.strip():
            rows.append(Record(record, {}))
            continue
        values = next(csv.reader(io.StringIO(record, newline="")), [])
        rows.append(Record(record, dict(zip(header, values, strict=False))))
    return FigureFile(path, bom, newline, header, header_text, tuple(rows), digest(data))


def read(path: Path) -> FigureFile:
    """Read one figures file for review."""
    return parse(path, path.read_bytes())
