"""A curator's decisions on one report's drafts, applied to its figures file in memory.

Accepted rows change in place (their order kept), rejected rows leave the file for the report's
rejected list with their reason, and a figure the draft missed is added at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ruraldash.draft.review.records import FigureFile, Record
from ruraldash.store.figure_files import REVIEW_COLUMNS

# The fields a curator may change on the review page (part_of where a file has that column).
EDITABLE = (
    "metric",
    "label",
    "program",
    "value",
    "unit",
    "qualifier",
    "status",
    "period_text",
    "period_start",
    "period_end",
    "scope",
    "part_of",
)
# The columns of a report's rejected list: the figure as it was, then why, who and when.
REJECTED_EXTRA = ("reason", "rejected_by", "rejected_at")


@dataclass(frozen=True)
class Decision:
    """Accept (with corrections) or reject one figure, or add one the draft missed (no id yet)."""

    action: Literal["accept", "reject", "add"]
    figure_id: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    reason: str = ""


@dataclass(frozen=True)
class Applied:
    """A figures file after the decisions, and the rows that leave it for the rejected list."""

    figures: FigureFile
    rejected: tuple[Mapping[str, str], ...]
    accepted: int
    added: tuple[str, ...]


class DecisionError(ValueError):
    """A decision that cannot apply: an unknown figure, a figure decided twice, no reason."""


def _next_ids(records: Iterable[Record], source: str, count: int) -> list[str]:
    """Return `count` new ids after the highest number of the file (<source>-NNN)."""
    pattern = re.compile(rf"{re.escape(source)}-(\d+)")
    numbers = [
        int(found.group(1))
        for record in records
        if (found := pattern.fullmatch(record.cells.get("id", "")))
    ]
    top = max(numbers, default=0)
    return [f"{source}-{top + step:03d}" for step in range(1, count + 1)]


def apply(original: FigureFile, decisions: Iterable[Decision], reviewer: str, when: str) -> Applied:
    """Return the file with every decision applied; untouched rows keep their text exactly."""
    decisions = list(decisions)
    figures = original.with_columns(REVIEW_COLUMNS)
    by_id: dict[str, Decision] = {}
    for decision in decisions:
        if decision.action == "add":
            continue
        if decision.figure_id in by_id:
            raise DecisionError(f"figure {decision.figure_id!r} is decided twice")
        if decision.action == "reject" and not decision.reason.strip():
            raise DecisionError(f"figure {decision.figure_id!r}: a rejection needs a reason")
        by_id[decision.figure_id] = decision
    known = {record.cells.get("id") for record in figures.records}
    unknown = sorted(set(by_id) - known)
    if unknown:
        raise DecisionError(f"no figure {unknown[0]!r} in {original.path.name}")
    stamp = {"review": "reviewed", "reviewed_by": reviewer, "reviewed_at": when}
    kept: list[Record] = []
    rejected: list[Mapping[str, str]] = []
    for record in figures.records:
        decision = by_id.get(record.cells.get("id", ""))
        if decision is None:
            kept.append(record)
        elif decision.action == "reject":
            rejected.append(
                {
                    **record.cells,
                    "reason": decision.reason.strip(),
                    "rejected_by": reviewer,
                    "rejected_at": when,
                }
            )
        else:
            cells = {**record.cells, **_allowed(decision.fields, figures.header), **stamp}
            ending = record.text[len(record.text.rstrip("\r\n")) :]
            kept.append(Record(figures.row_text(cells, ending), cells))
    additions = [decision for decision in decisions if decision.action == "add"]
    new_ids = _next_ids(figures.records, original.path.stem, len(additions))
    if additions and kept and not kept[-1].text.endswith("\n"):
        last = kept[-1]
        kept[-1] = Record(last.text + figures.newline, last.cells)
    for new_id, decision in zip(new_ids, additions, strict=True):
        cells = {**dict.fromkeys(figures.header, ""), **decision.fields, "id": new_id, **stamp}
        kept.append(Record(figures.row_text(cells), cells))
    return Applied(
        FigureFile(
            figures.path,
            figures.bom,
            figures.newline,
            figures.header,
            figures.header_text,
            tuple(kept),
            original.digest,
        ),
        tuple(rejected),
        sum(1 for decision in by_id.values() if decision.action == "accept"),
        tuple(new_ids),
    )


def _allowed(fields: Mapping[str, str], header: tuple[str, ...]) -> dict[str, str]:
    """Return the corrections to fields a curator may change and the file has; refuse others."""
    refused = sorted(name for name in fields if name not in EDITABLE or name not in header)
    if refused:
        raise DecisionError(f"column {refused[0]!r} cannot be changed on the review page")
    return {name: str(value).strip() for name, value in fields.items()}


def rejected_header(figures_header: tuple[str, ...]) -> tuple[str, ...]:
    """Return the columns of a rejected list: the figures file's, then reason, who and when."""
    return (*(name for name in figures_header if name not in REVIEW_COLUMNS), *REJECTED_EXTRA)
