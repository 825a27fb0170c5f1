"""Measure a draft against the curated figures of its report: recall, values, precision, metrics."""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ruraldash.draft.engine import Draft, DraftFigure
from ruraldash.draft.metric_guess import UNSURE_BELOW
from ruraldash.draft.sentences import SENTENCE_ENDS, sentence_start


@dataclass(frozen=True)
class Quality:
    """How a draft compares with the curated figures of the same report."""

    curated: int  # curated figures
    drafted: int  # drafted rows
    found: int  # curated figures drafted with the same value and unit, in the same place
    placed: int  # curated figures with a drafted number inside their quote
    values_right: int  # of those placed, how many have value, unit and qualifier right
    metrics_right: int  # of those found with a metric, how many have the curated metric
    statuses_right: int
    periods_right: int  # of those found, how many have the curated period_text
    numbers_right: int = 0  # of those placed, how many have the value right
    units_right: int = 0  # of those placed, how many have the unit right
    qualifiers_right: int = 0  # of those placed, how many have the qualifier right
    metrics_labelled: int = 0  # of those found, how many have a curated metric (not '')
    wrong_flagged: int = 0  # of the found metrics guessed wrong, how many are flagged as unsure
    right_flagged: int = 0  # of the found metrics guessed right, how many are flagged (alarms)
    missed: tuple[str, ...] = ()  # curated ids not found
    wrong: tuple[str, ...] = ()  # curated ids placed with a wrong value, unit or qualifier

    @property
    def recall(self) -> float:
        """Share of the curated figures the draft finds."""
        return self.found / self.curated if self.curated else 1.0

    @property
    def value_accuracy(self) -> float:
        """Share of the placed curated figures whose value, unit and qualifier are right."""
        return self.values_right / self.placed if self.placed else 1.0

    def share(self, count: str, base: str) -> float:
        """Return one count of the quality as a share of another (1.0 when the base is 0)."""
        total = getattr(self, base)
        return getattr(self, count) / total if total else 1.0

    @property
    def precision(self) -> float:
        """Share of the drafted rows that are curated figures."""
        return self.found / self.drafted if self.drafted else 1.0

    @property
    def metric_accuracy(self) -> float:
        """Share of the found figures with a curated metric whose guessed metric is that one."""
        return self.metrics_right / self.metrics_labelled if self.metrics_labelled else 1.0

    @property
    def metrics_wrong(self) -> int:
        """How many found figures with a curated metric were guessed another metric."""
        return self.metrics_labelled - self.metrics_right

    def __add__(self, other: Quality) -> Quality:
        return Quality(
            *(getattr(self, name) + getattr(other, name) for name in self.__dataclass_fields__)
        )


def read_figures(path: Path) -> list[dict[str, str]]:
    """Return the rows of a figures CSV (UTF-8, BOM or not)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    """Return where a quote stands in the text, white space ignored as validation ignores it."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    letters = [re.escape(char) for char in quote if not char.isspace()]
    match = re.search(r"\s*".join(letters), text) if letters else None
    return match.span() if match else None


def _sentence(text: str, pos: int) -> tuple[int, int]:
    end = pos
    while end < len(text) and text[end] not in SENTENCE_ENDS:
        end += 1
    return sentence_start(text, pos), end


def _same(row: DraftFigure, figure: Mapping[str, str]) -> bool:
    value = _number(figure["value"])
    return value is not None and _number(row.value) == value and row.unit == figure["unit"]


def _overlaps(row: DraftFigure, span: tuple[int, int]) -> bool:
    return row.start < span[1] and span[0] < row.end


def match_figures(draft: Draft, curated: Sequence[Mapping[str, str]]) -> dict[str, DraftFigure]:
    """Return the drafted row that finds each curated figure, by curated id.

    A curated figure is found when a drafted row has its value and unit and stands inside its
    quote or, failing that, in the same sentence; each row answers for one figure only.
    """
    spans = _spans(draft, curated)

    def same_sentence(row: DraftFigure, span: tuple[int, int]) -> bool:
        return _sentence(draft.text, row.start) == _sentence(draft.text, span[0])

    pairs: dict[str, DraftFigure] = {}
    used: set[str] = set()
    for near in (_overlaps, same_sentence):
        for figure in curated:
            span = spans[figure["id"]]
            if figure["id"] in pairs or span is None:
                continue
            row = next(
                (
                    row
                    for row in draft.figures
                    if row.id not in used and _same(row, figure) and near(row, span)
                ),
                None,
            )
            if row is not None:
                pairs[figure["id"]] = row
                used.add(row.id)
    return pairs


def _spans(draft: Draft, curated: Sequence[Mapping[str, str]]) -> dict[str, tuple[int, int] | None]:
    return {figure["id"]: _locate(draft.text, figure["quote"]) for figure in curated}


def _flagged(row: DraftFigure) -> bool:
    """True when the review queue flags the row's metric as uncertain (as the checklist does)."""
    return row.confidence < UNSURE_BELOW


def measure(draft: Draft, curated: Sequence[Mapping[str, str]]) -> Quality:
    """Compare a draft with the curated figures of the same report (see match_figures)."""
    pairs = match_figures(draft, curated)
    spans = _spans(draft, curated)
    placed, wrong = 0, []
    numbers = units = qualifiers = 0
    for figure in curated:
        span = spans[figure["id"]]
        inside = [row for row in draft.figures if span and _overlaps(row, span)]
        if not inside:
            continue
        placed += 1
        value = _number(figure["value"])
        row = next(
            (row for row in inside if _same(row, figure)),
            next((row for row in inside if _number(row.value) == value), inside[0]),
        )
        numbers += _number(row.value) == value
        units += row.unit == figure["unit"]
        qualifiers += row.qualifier == figure["qualifier"]
        if not (_same(row, figure) and row.qualifier == figure["qualifier"]):
            wrong.append(figure["id"])
    found = [(figure, pairs[figure["id"]]) for figure in curated if figure["id"] in pairs]
    return Quality(
        curated=len(curated),
        drafted=len(draft.figures),
        found=len(found),
        placed=placed,
        values_right=placed - len(wrong),
        metrics_right=sum(
            bool(figure["metric"]) and row.metric == figure["metric"] for figure, row in found
        ),
        statuses_right=sum(row.status == figure["status"] for figure, row in found),
        periods_right=sum(row.period_text == figure["period_text"] for figure, row in found),
        wrong_flagged=sum(
            bool(figure["metric"]) and row.metric != figure["metric"] and _flagged(row)
            for figure, row in found
        ),
        right_flagged=sum(
            bool(figure["metric"]) and row.metric == figure["metric"] and _flagged(row)
            for figure, row in found
        ),
        missed=tuple(figure["id"] for figure in curated if figure["id"] not in pairs),
        wrong=tuple(wrong),
        numbers_right=numbers,
        units_right=units,
        qualifiers_right=qualifiers,
        metrics_labelled=sum(bool(figure["metric"]) for figure, _ in found),
    )
