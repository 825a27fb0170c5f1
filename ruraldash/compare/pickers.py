"""The choices a comparison page offers: categories, metrics, program types; what it compares.

Pure functions of the catalogue frames (metric_catalogue.sql, program_types.sql).
"""

from __future__ import annotations

import pandas as pd

from ruraldash.compare.figures import localised
from ruraldash.language.i18n import t, t_count

ALL_METRICS = "all"


def category_choices(catalogue: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return the categories that have figures, in catalogue order, as {id: name}."""
    used = catalogue.drop_duplicates("category")
    return dict(zip(used["category"], localised(used, "category", lang), strict=True))


def metric_choices(catalogue: pd.DataFrame, category: str, lang: str) -> dict[str, str]:
    """Return "all metrics of the category" and then each of its metrics, as {id: name}."""
    chosen = catalogue[catalogue["category"] == category]
    named = dict(zip(chosen["metric_id"], localised(chosen, "metric", lang), strict=True))
    return {ALL_METRICS: t("all_metrics_of_category", lang), **named}


def widest_metric(catalogue: pd.DataFrame, category: str | None = None) -> pd.Series:
    """Return the comparable metric with figures from the most regions (in a category, if given)."""
    pool = catalogue if category is None else catalogue[catalogue["category"] == category]
    ranked = pool.assign(_rank=pool["comparable"].astype(int) * 100 + pool["region_count"])
    return ranked.sort_values("_rank", ascending=False, kind="stable").iloc[0]


def chosen_metrics(catalogue: pd.DataFrame, category: str, metric: str) -> pd.DataFrame:
    """Return the catalogue rows to compare: one metric, or every metric of the category."""
    if metric == ALL_METRICS:
        return catalogue[catalogue["category"] == category].reset_index(drop=True)
    return catalogue[catalogue["metric_id"] == metric].reset_index(drop=True)


def subject(category: str, metric: str) -> str:
    """Return what a comparison is of, for a file name: the metric, or the whole category."""
    return category if metric == ALL_METRICS else metric


def program_type_choices(types: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return the program types that some region runs, as {id: name (regions)}."""
    used = types[types["program_count"] > 0]
    named = localised(used, "program_type", lang)
    return {
        kind: t_count("type_with_regions", int(count), lang).format(name=name, regions=count)
        for kind, name, count in zip(used["program_type"], named, used["region_count"], strict=True)
    }
