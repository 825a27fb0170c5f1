"""A metric guess's confidence says why to doubt it: a close runner-up, weak evidence, a label
its keywords leave unexplained; below UNSURE_BELOW the review queue flags it."""

from __future__ import annotations

from dataclasses import replace

from ruraldash.draft.metric_guess import UNSURE_BELOW, MetricGuess, guess_metric
from ruraldash.store.catalogue import Catalogue
from ruraldash.store.declarations import Metric


def two_metrics(
    catalogue: Catalogue, first: tuple[str, ...], second: tuple[str, ...]
) -> dict[str, Metric]:
    """Two person metrics of the catalogue with the keywords given, and no other."""
    trainees, cadres = catalogue.metrics["trainees"], catalogue.metrics["village_cadres"]
    return {
        "trainees": replace(trainees, keywords=first, per=""),
        "village_cadres": replace(cadres, keywords=second, per=""),
    }


def guess(
    metrics: dict[str, Metric], label: str, sentence: str = "", predicate: str = ""
) -> MetricGuess:
    clause = label + predicate
    return guess_metric(metrics, "person", label, predicate, clause, sentence or clause, label)


def test_a_keyword_two_metrics_share_leaves_the_guess_unsure(catalogue: Catalogue) -> None:
    shared = guess(two_metrics(catalogue, ("书记",), ("书记",)), "村书记")
    assert shared.confidence < UNSURE_BELOW and shared.unsure
    assert shared.alternatives == ("village_cadres",)
    alone = guess(two_metrics(catalogue, ("培训",), ("书记",)), "村书记")
    assert alone.metric == "village_cadres" and alone.confidence >= 0.8


def test_a_close_runner_up_lowers_the_confidence(catalogue: Catalogue) -> None:
    metrics = two_metrics(catalogue, ("培训",), ("村党组织书记",))
    clear = guess(metrics, "村党组织书记", predicate="当选")
    close = guess(metrics, "村党组织书记", predicate="参加培训")
    assert clear.metric == close.metric == "village_cadres"
    assert close.confidence < clear.confidence
    assert close.alternatives == ("trainees",)


def test_a_keyword_only_elsewhere_in_the_sentence_is_weak_evidence(catalogue: Catalogue) -> None:
    metrics = two_metrics(catalogue, ("培训",), ("书记",))
    named = guess(metrics, "培训", sentence="全县培训46人")
    aside = guess(metrics, "共有", sentence="在培训方面，全县共有46人")
    assert named.metric == aside.metric == "trainees"
    assert named.confidence >= 0.8
    assert aside.confidence < UNSURE_BELOW


def test_a_metric_no_keyword_chose_has_no_confidence(catalogue: Catalogue) -> None:
    fallback = guess(two_metrics(catalogue, ("培训",), ("书记",)), "群众")
    assert not fallback.matched and fallback.confidence == 0.0
