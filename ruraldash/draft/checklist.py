"""The review checklist of an added report: the drafted figures a curator should look at first."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ruraldash.draft.engine import Draft, DraftFigure
from ruraldash.draft.metric_guess import UNSURE_BELOW
from ruraldash.language.messages import Message, message
from ruraldash.store.declarations import Metric

_THRESHOLD_AFTER = re.compile(r"以上|以下|以内|的")


def checklist(
    draft: Draft, figures: list[DraftFigure], metrics: Mapping[str, Metric]
) -> list[Message]:
    """The rows a curator should look at first: unsure metrics, possible thresholds, periods."""
    items = []
    for figure in figures:
        reasons: list[Message] = []
        if figure.confidence < UNSURE_BELOW:  # the draft notes these "metric uncertain" too
            # In Chinese the metric by its Chinese name, as the page's table shows it.
            known = metrics.get(figure.metric)
            metric_zh = f"“{known.name_zh}”" if known else f" {figure.metric} "
            reasons.append(
                message(
                    "add_unsure_metric",
                    metric_zh=metric_zh,
                    metric=figure.metric,
                    confidence=figure.confidence,
                )
            )
        after = draft.text[figure.end : figure.end + 2]
        if figure.qualifier in ("more_than", "at_least") and _THRESHOLD_AFTER.match(after):
            reasons.append(message("add_threshold"))
        dated = figure.period_start or figure.period_end
        if dated and figure.period_text and figure.period_text not in figure.quote:
            reasons.append(message("add_period_carried", period=figure.period_text))
        elif figure.period_end and not figure.period_start and figure.status == "plan":
            reasons.append(message("add_deadline", period=figure.period_text))
        if reasons:
            items.append(
                message(
                    "add_checklist_line",
                    id=figure.id,
                    raw=figure.raw,
                    label=figure.label,
                    reasons=tuple(reasons),
                )
            )
    return items
