"""Save a curator's decisions: validated with the new files standing in, then moved in atomically.

A save refuses, and writes nothing, when another curator saved the file since this page read it
(its digest differs) or when the result would not validate. Files are replaced with os.replace,
so a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import fcntl
import hashlib
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ruraldash.draft.review import records
from ruraldash.draft.review.decisions import Applied, Decision, apply, rejected_header
from ruraldash.draft.staging import move_in
from ruraldash.store.build import validate
from ruraldash.store.excel_text import BOM
from ruraldash.store.folders import REJECTED_SUFFIX

_IN_PROCESS = threading.Lock()


class StaleFile(RuntimeError):
    """The file changed since the page read it: another curator saved it first."""


class SaveRefused(RuntimeError):
    """The saved files would not validate; `problems` are the validator's lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Saved:
    """What a save wrote: how many figures were accepted, rejected and added, and the new digest."""

    accepted: int
    rejected: int
    added: tuple[str, ...]
    digest: str


def now() -> str:
    """Return the time a review is recorded with: local ISO date-time, to the second, offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def figures_path(data_dir: Path, source: str) -> Path:
    """Return the figures file of a source."""
    return data_dir / "figures" / f"{source}.csv"


def rejected_path(data_dir: Path, source: str) -> Path:
    """Return the rejected list of a source: notes/<source>.rejected.csv."""
    return data_dir / "notes" / f"{source}{REJECTED_SUFFIX}"


def _rejected_bytes(path: Path, applied: Applied, newline: str) -> bytes | None:
    """Return the rejected list with the newly rejected rows appended (None if none)."""
    if not applied.rejected:
        return None
    if path.is_file():
        existing = records.read(path)
    else:
        header = rejected_header(applied.figures.header)
        text = ",".join(header) + newline
        existing = records.parse(path, BOM + text.encode("utf-8"))
    rows = list(existing.records)
    if rows and not rows[-1].text.endswith("\n"):
        rows[-1] = records.Record(rows[-1].text + existing.newline, rows[-1].cells)
    rows += [records.Record(existing.row_text(row), row) for row in applied.rejected]
    return records.FigureFile(
        path,
        existing.bom,
        existing.newline,
        existing.header,
        existing.header_text,
        tuple(rows),
        existing.digest,
    ).to_bytes()


def _lock_path(path: Path) -> Path:
    """Return the lock file that serialises saves of one figures file across processes."""
    name = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"ruraldash-review-{name}.lock"


def save(
    data_dir: Path,
    metrics_dir: Path,
    source: str,
    decisions: Iterable[Decision],
    read_digest: str,
    reviewer: str,
    when: str | None = None,
) -> Saved:
    """Apply decisions to a source's figures file read with `read_digest`; all or nothing.

    Raises StaleFile if the file changed since, SaveRefused if the result would not validate,
    DecisionError if a decision cannot apply. Nothing is written in any of these cases.
    """
    path = figures_path(data_dir, source)
    with _IN_PROCESS, _lock_path(path).open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        current = records.read(path)
        if current.digest != read_digest:
            raise StaleFile(str(path))
        applied = apply(current, decisions, reviewer, when or now())
        files = {path: applied.figures.to_bytes()}
        rejected = _rejected_bytes(rejected_path(data_dir, source), applied, current.newline)
        if rejected is not None:
            files[rejected_path(data_dir, source)] = rejected
        # Validated as data/ would be with the new files; the catalogue is read once per content.
        problems = validate(data_dir, metrics_dir, files).problems
        if problems:
            raise SaveRefused([str(problem) for problem in problems])
        # The rejected list first: if the figures file then failed to move in, the row would
        # be in both places, never in neither.
        for target in sorted(files, key=lambda target: target != rejected_path(data_dir, source)):
            move_in(target, files[target])
        return Saved(
            applied.accepted,
            len(applied.rejected),
            applied.added,
            records.digest(files[path]),
        )
