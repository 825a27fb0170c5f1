"""The review checklist of an added report: the drafted figures a curator should look at first."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ruraldash.draft.engine import Draft, DraftFigure
from ruraldash.language.messages import Message
from ruraldash.store.declarations import Metric

LOW_CONFIDENCE = 0.3  # metric guesses below this are listed for review
_THRESHOLD_AFTER = re.compile(r"以上|以下|以内|的")


def checklist(
    draft: Draft, figures: list[DraftFigure], metrics: Mapping[str, Metric]
) -> list[Message]:
    """The rows a curator should look at first: unsure metrics, possible thresholds, periods."""
    items = []
    for figure in figures:
        reasons: list[Message] = []
        if figure.confidence < LOW_CONFIDENCE:
            # In Chinese the metric by its Chinese name, as the page's table shows it.
            known = metrics.get(figure.metric)
            metric_zh = f"“{known.name_zh}”" if known else f" {figure.metric} "
            reasons.append(
                Message(
                    f"指标{metric_zh}把握不大（{figure.confidence:.2f}）",
                    f"unsure metric {figure.metric} ({figure.confidence:.2f})",
                )
            )
        after = draft.text[figure.end : figure.end + 2]
        if figure.qualifier in ("more_than", "at_least") and _THRESHOLD_AFTER.match(after):
            reasons.append(
                Message(
                    "可能是门槛（指一类事物，而非数量？）",
                    "possible threshold (a class of things, not a count?)",
                )
            )
        dated = figure.period_start or figure.period_end
        if dated and figure.period_text and figure.period_text not in figure.quote:
            reasons.append(
                Message(
                    f"时期“{figure.period_text}”取自句子前文",
                    f"period {figure.period_text} carried from earlier in the sentence",
                )
            )
        elif figure.period_end and not figure.period_start and figure.status == "plan":
            reasons.append(
                Message(
                    f"期限“{figure.period_text}”：未说明何时开始",
                    f"deadline {figure.period_text}: when the work starts is not said",
                )
            )
        if reasons:
            items.append(
                Message(
                    f"{figure.id} {figure.raw}（{figure.label}）："
                    + "；".join(reason.zh for reason in reasons),
                    f"{figure.id} {figure.raw} ({figure.label}): "
                    + "; ".join(reason.en for reason in reasons),
                )
            )
    return items
