"""Guess a drafted figure's metric from the keywords the metric catalogue declares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation
from ruraldash.store.declarations import Metric

# How much a keyword counts by where it stands: most in what the clause says the counted people or
# things do (担任一级网格长, 赴浙江学习考察: their role outweighs who they are), then in the phrase
# naming what is counted, less elsewhere in the clause, elsewhere in the sentence only enough to
# break a tie.
PHRASE_WEIGHT, PREDICATE_WEIGHT, CLAUSE_WEIGHT, SENTENCE_WEIGHT = 3.0, 5.0, 1.0, 0.25
# A longer keyword says more (村党组织书记 over 村); beyond four characters no more.
LONGEST_COUNTED = 4
# Confidence is the product of three reasons to doubt a guess (issue #24, tuned on
# benchmarks/unseen and holdout):
# - the margin over the second metric, (best - second) / (best + second): a keyword several
#   metrics share, or a close runner-up (村党组织书记 in a training clause: cadres or trainees?),
#   leaves the choice open; a runner-up scoring nothing leaves none;
# - the evidence: a keyword found only elsewhere in the clause or sentence is weaker than one in
#   the label, phrase or predicate; one two-character keyword in the phrase is full evidence;
# - how much of the label the metric's keywords explain: 活动场所 guessed from 建立 elsewhere in
#   the clause explains none of it. A guess explaining nothing keeps UNEXPLAINED_FLOOR.
# A metric chosen by the unit alone (no keyword matched) has confidence 0.
FULL_EVIDENCE = PHRASE_WEIGHT * 2
UNEXPLAINED_FLOOR = 0.75
ALTERNATIVE_SHARE = 0.25  # alternatives scoring at least this share of the best are named
MAX_ALTERNATIVES = 2
# Below this confidence a guess is flagged for the curator ("metric uncertain"), not kept silently:
# on the benchmark texts most wrong guesses fall below it and most right ones above.
UNSURE_BELOW = 0.3
# A figure "per X" (户均增收, 人均纯收入, 村均) is an average of its own kind: only the metrics
# declared `per` X (or with a keyword saying per X) may take it, and those take no other figure.
PER_MARKERS: dict[str, tuple[str, ...]] = {
    "household": ("户均", "每户"),
    "person": ("人均", "每人"),
    "village": ("村均", "每个村", "每村", "所有村", "所有嘎查村"),
}
# Chinese noun phrases end in their head (农民人均可支配收入年均增长 is a growth): a keyword that
# ends the label counts this much more.
HEAD_WEIGHT = 2.0


@dataclass(frozen=True)
class MetricGuess:
    """The metric guessed for a figure, how sure (0–1), and the runners-up."""

    metric: str  # "" when no metric of the catalogue has the figure's unit
    confidence: float
    alternatives: tuple[str, ...] = ()
    matched: bool = True  # False when no keyword matched and the guess is the unit's first metric

    @property
    def unsure(self) -> bool:
        """True when the curator should check the metric: a guess below UNSURE_BELOW."""
        return bool(self.metric) and self.confidence < UNSURE_BELOW

    def note(self, unit: str, lang: str = "en", metrics: Mapping[str, Metric] | None = None) -> str:
        """Return the note (in `lang`) that tells the curator how the metric was guessed.

        In Chinese the metrics are named by their Chinese names (from `metrics`, by id when not
        given there) and the unit not at all: the page shows the unit beside the note.
        """
        metrics = metrics or {}

        def name(metric: str) -> str:
            if lang != "zh" or metric not in metrics:
                return metric  # English names a metric by its id, as the command line always has
            return metrics[metric].name_zh

        if not self.metric:
            return t("metric_no_unit", lang).format(unit=unit)
        if not self.matched:
            return t("metric_unmatched", lang).format(metric=name(self.metric))
        also = ""
        if self.alternatives:
            also = t("metric_also", lang).format(
                metrics=punctuation(lang).enumerate([name(m) for m in self.alternatives])
            )
        return t("metric_guess", lang).format(
            unsure=t("metric_unsure", lang) if self.unsure else "",
            metric=name(self.metric),
            confidence=self.confidence,
            also=also,
        )


def _score(metric: Metric, zones: tuple[tuple[str, float], ...], label: str) -> float:
    total = 0.0
    for keyword in metric.keywords:
        weight = max((weight for text, weight in zones if keyword in text), default=0.0)
        weight += HEAD_WEIGHT if label and label.endswith(keyword) else 0.0
        total += weight * min(len(keyword), LONGEST_COUNTED)
    return total


def guess_metric(
    metrics: Mapping[str, Metric],
    unit: str,
    phrase: str,
    predicate: str,
    clause: str,
    sentence: str,
    label: str = "",
) -> MetricGuess:
    """Return the metric of this unit whose catalogue keywords best fit the words around it,
    with a confidence from its margin over the runner-up, the weight of its evidence and how much
    of the label (the phrase when no label is given) its keywords explain."""
    fitting = _of_kind([metric for metric in metrics.values() if metric.unit == unit], label)
    if not fitting:
        return MetricGuess("", 0.0, matched=False)
    zones = (
        (label, PHRASE_WEIGHT),
        (phrase, PHRASE_WEIGHT),
        (predicate, PREDICATE_WEIGHT),
        (clause, CLAUSE_WEIGHT),
        (sentence, SENTENCE_WEIGHT),
    )
    # sorted() is stable: among equal scores the catalogue's order decides.
    scored = sorted(
        ((_score(metric, zones, label), metric.id) for metric in fitting),
        key=lambda item: -item[0],
    )
    best_score, best = scored[0]
    if best_score == 0:
        return MetricGuess(best, 0.0, matched=False)
    second = scored[1][0] if len(scored) > 1 else 0.0
    alternatives = tuple(
        metric for score, metric in scored[1:] if score >= ALTERNATIVE_SHARE * best_score
    )[:MAX_ALTERNATIVES]
    explained = explained_share(metrics[best], label or phrase)
    margin = (best_score - second) / (best_score + second)
    evidence = min(1.0, best_score / FULL_EVIDENCE)
    confidence = margin * evidence * (UNEXPLAINED_FLOOR + (1 - UNEXPLAINED_FLOOR) * explained)
    return MetricGuess(best, round(confidence, 4), alternatives)


def _per(words: str) -> str:
    """What a text says its figure is an average per (household, person, village), or ''."""
    return next(
        (per for per, markers in PER_MARKERS.items() if any(m in words for m in markers)), ""
    )


def _of_kind(fitting: list[Metric], label: str) -> list[Metric]:
    """The metrics that may take a figure: averages per X for a label saying per X, else the
    others. When no metric of the unit is of the label's kind, all of them stay."""
    per = _per(label)
    chosen = [
        metric
        for metric in fitting
        if metric.per == per or (per and any(_per(keyword) == per for keyword in metric.keywords))
    ]
    return chosen or fitting


def explained_share(metric: Metric, label: str) -> float:
    """Return the share of the label's characters that the metric's keywords cover (0–1)."""
    letters = [char for char in label if not char.isspace() and char not in '“”"()、,的']
    if not letters:
        return 0.0
    covered = [False] * len(label)
    for keyword in metric.keywords:
        at = label.find(keyword)
        while at >= 0:
            covered[at : at + len(keyword)] = [True] * len(keyword)
            at = label.find(keyword, at + 1)
    hits = sum(flag for char, flag in zip(label, covered, strict=True) if char in letters)
    return min(1.0, hits / len(letters))
