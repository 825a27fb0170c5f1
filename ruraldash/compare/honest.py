"""Honest comparison: missing rows, per-capita values and what is not like for like.

Over 300 lines on purpose: the rules every view follows (missing rows, per-capita
denominators, caveats) stay together, so no view can take one without the others. The pages'
choices are in compare.pickers, what a ranking may hold in compare.like_for_like.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ruraldash.compare.figures import localised
from ruraldash.compare.parts import is_part, without_parts
from ruraldash.language.citations import address_text, publication_text
from ruraldash.language.formatting import (
    format_period,
    format_report_date,
    format_scope,
    is_missing,
    written_values,
)
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation

PER_10K = 10_000
# Units whose totals can be divided by a population; a percentage, an age or a term cannot.
PER_CAPITA_UNITS = frozenset(
    {
        "yuan",
        "person",
        "person_time",
        "count",
        "session",
        "household",
        "village",
        "township",
        "mu",
        "tonne",
    }
)


_REGION_COLUMNS = ("region_id", "region_zh", "region_en", "region_level")
_METRIC_COLUMNS = (
    "metric_id",
    "metric_zh",
    "metric_en",
    "category",
    "category_zh",
    "category_en",
    "unit",
    "unit_zh",
    "unit_en",
    "comparable",
    "summable",
)


def region_rows(
    figures: pd.DataFrame, regions: pd.DataFrame, metrics: pd.DataFrame
) -> pd.DataFrame:
    """Return one row per figure and one per region without a figure for a metric (value missing).

    `metrics` are catalogue rows (metric_catalogue.sql); rows come out in catalogue, region and
    report order, with `missing` True on the rows that stand for "no figure".
    """
    present = set(zip(figures["region_id"], figures["metric_id"], strict=True))
    # A few regions times a few metrics: a loop is cheaper than a cross join and an anti-join.
    absent = [
        {**region, **metric}
        for metric in metrics[list(_METRIC_COLUMNS)].to_dict("records")
        for region in regions[list(_REGION_COLUMNS)].to_dict("records")
        if (region["region_id"], metric["metric_id"]) not in present
    ]
    parts = [figures.assign(missing=False)]
    if absent:
        parts.append(pd.DataFrame(absent).assign(missing=True))
    rows = pd.concat(parts, ignore_index=True)
    region_order = {region: n for n, region in enumerate(regions["region_id"])}
    metric_order = {metric: n for n, metric in enumerate(metrics["metric_id"])}
    last = len(region_order) + len(metric_order)
    keys = [
        (
            metric_order.get(metric, last),
            region_order.get(region, last),
            missing,
            last if is_missing(line) else line,
        )
        for metric, region, missing, line in zip(
            rows["metric_id"], rows["region_id"], rows["missing"], rows["line"], strict=True
        )
    ]
    order = sorted(range(len(rows)), key=keys.__getitem__)
    return rows.take(order).reset_index(drop=True)


def per_capita_reasons(rows: pd.DataFrame) -> pd.Series:
    """Return why each row gets no per-10,000-residents value (an i18n key), or None if it gets one.

    The first reason that applies wins: no figure, not a total, a narrower scope, no population.
    """
    reasons = np.select(
        [
            rows["missing"].to_numpy(dtype=bool),
            ~(
                rows["summable"].fillna(False).to_numpy(dtype=bool)
                & rows["unit"].isin(PER_CAPITA_UNITS).to_numpy()
            ),
            rows["scope"].notna().to_numpy(),
            rows["population"].isna().to_numpy(),
        ],
        ["reason_no_figure", "reason_not_total", "reason_narrower_scope", "reason_no_population"],
        default="",
    )
    return pd.Series([reason or None for reason in reasons], index=rows.index, dtype=object)


def add_per_capita(rows: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """Add each region's resident population and the value per 10,000 residents where it is fair."""
    denominators = regions[
        [
            "region_id",
            "population",
            "population_year",
            "population_publication",
            "population_issuer",
            "population_published",
            "population_source",
            "population_read_at",
            "population_note_zh",
            "population_note_en",
        ]
    ]
    out = rows.drop(
        columns=[c for c in denominators.columns if c != "region_id"], errors="ignore"
    ).merge(denominators, on="region_id", how="left")
    out["per_capita_reason"] = per_capita_reasons(out)
    fair = out["per_capita_reason"].isna()
    out["per_10k"] = (out["value"] / out["population"] * PER_10K).where(fair)
    return out


def census_basis(publication: object, year: object, lang: str) -> str:
    """Name what a population figure is: the 2020 census (its bulletin says 人口普查) or another."""
    if not is_missing(publication) and "人口普查" in str(publication) and year == 2020:
        return t("census_2020", lang)
    return t("population_other", lang)


def denominator_lines(rows: pd.DataFrame, lang: str) -> list[str]:
    """Return one line per region naming its denominator: population, year, kind, publication
    and address — or saying that the region has no official population figure."""
    lines = []
    regions = rows.drop_duplicates("region_id")
    for name, population, year, region, note in zip(
        localised(regions, "region", lang),
        regions["population"],
        regions["population_year"],
        regions.to_dict("records"),
        localised(regions, "population_note", lang),
        strict=True,
    ):
        if is_missing(population):
            lines.append(t("denominator_missing", lang).format(region=name))
            continue
        lines.append(
            t("denominator_line", lang).format(
                region=name,
                population=f"{int(population):,}",
                year=int(year) if not is_missing(year) else "?",
                basis=census_basis(region["population_publication"], year, lang),
                publication=publication_text(
                    region["population_publication"],
                    region["population_issuer"],
                    region["population_published"],
                    lang,
                ),
                address=address_text(
                    region["population_source"], region["population_read_at"], lang
                ),
                # A note only in the other language is left out: one language per page.
                note=""
                if is_missing(note) or not note
                else t("denominator_note", lang).format(note=note),
            )
        )
    return lines


def _per_region(rows: pd.DataFrame, lang: str, described: Iterable[str]) -> str:
    """List each region with what is said of its rows, each thing once: 宁德市：2019年6月以来.

    `described` holds one text per row of `rows`, in order.
    """
    seen: dict[str, dict[str, None]] = {}
    for region, text in zip(localised(rows, "region", lang), described, strict=True):
        seen.setdefault(region, {})[text] = None
    marks = punctuation(lang)
    return _some_of(
        [marks.labelled(region, _first_of(list(texts), lang)) for region, texts in seen.items()],
        lang,
    )


def _first_of(texts: list[str], lang: str) -> str:
    """Join what is said of one region: the first few things and how many there are."""
    if len(texts) <= CAVEAT_TEXTS:
        return ", ".join(texts)
    return ", ".join(texts[:CAVEAT_TEXTS]) + t("caveat_more_texts", lang).format(count=len(texts))


CAVEAT_REGIONS = 12  # a warning names this many regions; the table lists every one
CAVEAT_TEXTS = 3  # and says this many things of each (periods, say)


def _some_of(items: list[str], lang: str) -> str:
    """Join a warning's items, the first CAVEAT_REGIONS of them and how many there are in all.

    At national scale a warning would name thousands of regions: a line nobody reads, and
    seconds to draw on every rerun.
    """
    marks = punctuation(lang)
    if len(items) <= CAVEAT_REGIONS:
        return marks.join(items)
    more = t("caveat_more", lang).format(count=f"{len(items):,}")
    return marks.join(items[:CAVEAT_REGIONS]) + more


_CAVEAT_COLUMNS = frozenset(
    {
        "quote",
        "metric_id",
        "metric_zh",
        "metric_en",
        "region_id",
        "region_zh",
        "region_en",
        "region_level",
        "missing",
        "comparable",
        "label",
        "value",
        "unit",
        "qualifier",
        "status",
        "scope",
        "period_text",
        "period_start",
        "period_end",
        "source_date",
        "source_date_basis",
        "population",
        "population_year",
    }
)


def _metric_caveats(rows: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """Return the warnings for the rows of one metric as (kind, detail) pairs."""
    present = rows[~rows["missing"]]
    if present.empty:
        return [("no_region", "")]
    found: list[tuple[str, str]] = []
    if not bool(present["comparable"].iloc[0]):
        found.append(("not_comparable", ""))
    counts = present["region_id"].value_counts(sort=False)
    if (counts > 1).any():
        several = present[present["region_id"].map(counts) > 1]
        found.append(
            ("several", _per_region(several, lang, several["region_id"].map(counts).astype(str)))
        )
    if present["region_id"].nunique() > 1:
        periods = [
            format_period(text, start, end, lang)
            for text, start, end in zip(
                present["period_text"], present["period_start"], present["period_end"], strict=True
            )
        ]
        if len(set(periods)) > 1:
            found.append(("periods", _per_region(present, lang, periods)))
        if present["label"].nunique() > 1:
            found.append(("labels", ""))
        if present["region_level"].nunique() > 1:
            found.append(
                (
                    "levels",
                    _per_region(
                        present,
                        lang,
                        (t(f"level_{level}", lang) for level in present["region_level"]),
                    ),
                )
            )
        if present["source_date"].nunique() > 1:
            found.append(
                (
                    "report_dates",
                    _per_region(
                        present,
                        lang,
                        (
                            format_report_date(value, basis, lang)
                            for value, basis in zip(
                                present["source_date"], present["source_date_basis"], strict=True
                            )
                        ),
                    ),
                )
            )
    narrower = present[present["scope"].notna()]
    if not narrower.empty:
        found.append(
            (
                "scope",
                _per_region(
                    narrower, lang, (format_scope(scope, lang) for scope in narrower["scope"])
                ),
            )
        )
    plans = present[present["status"] == "plan"]
    if not plans.empty:
        found.append(
            ("all_plan", "")
            if len(plans) == len(present)
            else (
                "plan",
                _per_region(plans, lang, written_values(plans, lang)),
            )
        )
    if (present["qualifier"] != "exact").any():
        found.append(("approximate", ""))
    absent = rows[rows["missing"]]
    if not absent.empty:
        found.append(("missing", _some_of(list(localised(absent, "region", lang)), lang)))
    return found


def caveats(rows: pd.DataFrame, lang: str, per_capita: bool = False) -> list[str]:
    """Return every reason the rows are not like for like, in `lang`.

    One metric gets a sentence per reason; several metrics (a whole category) get one line each
    that names the metric and its reasons in short. A part of a whole (其中) stands with its
    whole, not side by side with it: it is left out of the reasons and said so in one line.
    """
    parts = int(is_part(rows).sum())
    rows = without_parts(rows)
    # Every filter below copies the frame it filters: keep only the columns read here.
    rows = rows[[column for column in rows.columns if column in _CAVEAT_COLUMNS]]
    groups = [group for _, group in rows.groupby("metric_id", sort=False)]
    if len(groups) == 1:
        found = [
            t(f"warn_{kind}", lang).format(detail=detail)
            for kind, detail in _metric_caveats(groups[0], lang)
        ]
    else:
        marks = punctuation(lang)
        found = [
            marks.labelled(
                localised(group, "metric", lang).iloc[0],
                marks.join(
                    [
                        t(f"warn_short_{kind}", lang).format(detail=detail)
                        for kind, detail in _metric_caveats(group, lang)
                    ]
                ),
            )
            for group in groups
        ]
    if parts:
        found.append(t("warn_parts", lang).format(count=parts))
    if per_capita:
        years = rows.loc[rows["population"].notna(), "population_year"].dropna().unique()
        if len(years) > 1:
            found.append(
                t("warn_population_years", lang).format(
                    years=punctuation(lang).enumerate([str(int(year)) for year in sorted(years)])
                )
            )
    return found


def program_rows(
    programs: pd.DataFrame,
    figures: pd.DataFrame,
    regions: pd.DataFrame,
    program_type: str,
    reported: Iterable[str] = (),
) -> pd.DataFrame:
    """Return the figures of one type's programs, and a "no figure" row per program without.

    `programs` has one row per program and kind (programs_by_kind.sql). Each region in
    `reported` (those with a report) whose report names no program of the type gets a row
    marked `not_mentioned`, so the comparison says so instead of leaving the region out.
    """
    chosen = programs[programs["program_type"] == program_type]
    silent = chosen[~chosen["program_id"].isin(figures["program_id"])]
    absent = regions[
        regions["region_id"].isin(list(reported)) & ~regions["region_id"].isin(chosen["region_id"])
    ]
    unnamed = absent[["region_id", "region_zh", "region_en"]].assign(
        missing=True,
        not_mentioned=True,
        program_zh=t("not_mentioned", "zh"),
        program_en=t("not_mentioned", "en"),
    )
    parts = [figures.assign(missing=False), silent.assign(missing=True)]
    # The figures' columns stay even when there are none; an empty frame adds nothing else.
    rows = pd.concat(parts + ([unnamed] if not unnamed.empty else []), ignore_index=True)
    rows["not_mentioned"] = rows.get("not_mentioned", pd.Series(False, index=rows.index)).eq(True)
    region_order = {region: n for n, region in enumerate(regions["region_id"])}
    program_order = {program: n for n, program in enumerate(chosen["program_id"])}
    rows["_region"] = rows["region_id"].map(region_order)
    rows["_program"] = rows["program_id"].map(program_order) if "program_id" in rows else 0
    rows = rows.sort_values(["_region", "_program"], kind="stable")
    return rows.drop(columns=["_region", "_program"]).reset_index(drop=True)
