"""Load figures and catalogue lists from the database, and name their ids in either language."""

from __future__ import annotations

from dataclasses import dataclass, fields

import duckdb
import pandas as pd

from ruraldash.language.i18n import localised_column
from ruraldash.language.textnorm import normalise
from ruraldash.store.db import run_query


@dataclass(frozen=True)
class FigureFilter:
    """Which figures to load; an empty tuple or search text means no restriction."""

    regions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    program_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    search: str = ""

    def is_active(self) -> bool:
        """Return True when any restriction is set."""
        return any(getattr(self, f.name) for f in fields(self))


def search_text(text: str) -> str:
    """Return what the user typed in the form quotes are stored in: simplified, half-width."""
    return normalise(text).strip()


def load_figures(
    con: duckdb.DuckDBPyConnection, where: FigureFilter = FigureFilter()
) -> pd.DataFrame:
    """Return the figures that pass `where`, with every name in both languages, in report order."""
    params: dict[str, object] = {f.name: list(getattr(where, f.name)) for f in fields(where)}
    params["search"] = search_text(where.search)
    return run_query(con, "figures", **params)


def names(frame: pd.DataFrame, id_column: str, name_base: str, lang: str) -> dict[str, str]:
    """Map each id in `id_column` to its name in `lang` (column `<name_base>_<lang>`), in order."""
    column = f"{name_base}_{'en' if lang == 'en' else 'zh'}"
    return dict(zip(frame[id_column], frame[column], strict=True))


def localised(frame: pd.DataFrame, name_base: str, lang: str) -> pd.Series:
    """Return the column `<name_base>_zh` or `<name_base>_en` for `lang`."""
    return frame[localised_column(name_base, lang)]


def name_of(row: pd.Series, name_base: str, lang: str) -> str:
    """Return one row's `<name_base>_zh` or `<name_base>_en` for `lang`."""
    return row[f"{name_base}_{'en' if lang == 'en' else 'zh'}"]


def filter_options(
    regions: pd.DataFrame,
    catalogue: pd.DataFrame,
    programs: pd.DataFrame,
    vocabulary: pd.DataFrame,
    lang: str,
) -> dict[str, dict[str, str]]:
    """Return, for each Explore filter, its options as {id: name} in `lang`."""
    used = catalogue[catalogue["figure_count"] > 0]
    vocab = {kind: vocabulary[vocabulary["kind"] == kind] for kind in ("status", "qualifier")}
    program_names = [
        f"{region} · {program}"
        for region, program in zip(
            localised(programs, "region", lang), localised(programs, "program", lang), strict=True
        )
    ]
    return {
        "regions": names(regions[regions["figure_count"] > 0], "region_id", "region", lang),
        "categories": names(used.drop_duplicates("category"), "category", "category", lang),
        "metrics": names(used, "metric_id", "metric", lang),
        "programs": dict(zip(programs["program_id"], program_names, strict=True)),
        "statuses": names(vocab["status"], "id", "name", lang),
        "qualifiers": names(vocab["qualifier"], "id", "name", lang),
    }
