"""The hand-edited declarations (metrics, units, regions, sources, programs) as dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Origin:
    """Where a declaration was written, and the line of each of its fields, for messages."""

    path: str
    line: int
    field_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, name: str | None) -> int:
        """Return the line of field `name`, or the entry's first line."""
        return dict(self.field_lines).get(name, self.line) if name else self.line


NO_ORIGIN = Origin("", 0)


def _origin() -> Any:
    return field(default=NO_ORIGIN, compare=False, repr=False)


@dataclass(frozen=True)
class Term:
    """A named entry of a small vocabulary: a unit, a qualifier, a status or a category."""

    id: str
    name_zh: str
    name_en: str
    origin: Origin = _origin()


@dataclass(frozen=True)
class Conversion:
    """A measure word read into a base unit and what one is worth there (1 斤 = 0.0005 吨)."""

    word: str
    factor: str  # a decimal written as text, so that 0.0005 stays exact
    origin: Origin = _origin()


@dataclass(frozen=True)
class Unit:
    """A base unit, and the measure words of its kind that drafting converts into it."""

    id: str
    name_zh: str
    name_en: str
    conversions: tuple[Conversion, ...] = ()
    origin: Origin = _origin()


@dataclass(frozen=True)
class Metric:
    id: str
    name_zh: str
    name_en: str
    category: str
    unit: str
    description_zh: str
    description_en: str
    comparable: bool
    summable: bool
    keywords: tuple[str, ...] = ()
    per: str = ""  # household, person or village: an average per one of these, never a total
    origin: Origin = _origin()


@dataclass(frozen=True)
class ProgramType:
    id: str
    name_zh: str
    name_en: str
    description_zh: str
    description_en: str
    origin: Origin = _origin()


@dataclass(frozen=True)
class ReferenceFigure:
    """A region's population, area … as an official statistical publication states it.

    `publication`, `issuer` and `published` name the publication (宁德市第七次全国人口普查公报,
    宁德市统计局, 2021-06-15). `source` is its address on a government site; `read_at` is where
    its text was read when that page could not be opened here: a reprint, marked as such.
    store/official_sources.py declares the rule the two addresses follow.
    """

    field: str
    value: float
    unit: str
    year: int
    publication: str
    issuer: str
    published: str
    source: str = ""
    read_at: str = ""
    note_zh: str = ""  # a curator's remark, per language (either may be empty)
    note_en: str = ""
    origin: Origin = _origin()


@dataclass(frozen=True)
class Region:
    id: str
    name_zh: str
    name_en: str
    level: str
    admin_code: str
    parent: str = ""
    province_zh: str = ""
    province_en: str = ""
    parent_zh: str = ""
    parent_en: str = ""
    reference: tuple[ReferenceFigure, ...] = ()
    origin: Origin = _origin()

    def reference_figure(self, name: str) -> ReferenceFigure | None:
        """Return the reference figure `name` (resident_population …), if the region has one."""
        return next((figure for figure in self.reference if figure.field == name), None)


@dataclass(frozen=True)
class Source:
    id: str
    region: str
    file: str
    title_zh: str
    title_en: str
    date: str
    date_basis: str
    date_note_zh: str = ""  # why this date, per language; at least one is required
    date_note_en: str = ""
    publisher_zh: str = ""
    publisher_en: str = ""
    script: str = "simplified"
    origin: Origin = _origin()


@dataclass(frozen=True)
class Program:
    id: str
    name_zh: str
    name_en: str
    region: str
    source: str
    type: str
    description_zh: str
    description_en: str
    # Further kinds of work the report says the program does (五个到户 also sends cadres):
    # Compare programs lists it, with all its figures, under each of its kinds.
    also_types: tuple[str, ...] = ()
    # The report names the program but states no figure of it; otherwise a figure must use it.
    without_figures: bool = False
    origin: Origin = _origin()


@dataclass(frozen=True)
class Catalogue:
    """Everything declared by hand, keyed by id, plus where the report texts live."""

    units: dict[str, Unit]
    qualifiers: dict[str, Term]
    statuses: dict[str, Term]
    categories: dict[str, Term]
    metrics: dict[str, Metric]
    program_types: dict[str, ProgramType]
    regions: dict[str, Region]
    sources: dict[str, Source]
    programs: dict[str, Program]
    reports_dir: Path | None
    data_dir: Path
    metrics_dir: Path

    def report_path(self, source: Source) -> Path | None:
        """Return the report file of a source, or None when the reports folder is not declared."""
        if self.reports_dir is None:
            return None
        return self.reports_dir / source.file
