"""The hand-edited declarations (metrics, units, regions, sources, programs) as dataclasses."""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruraldash.store.hierarchy import check_hierarchy
from ruraldash.store.problems import Problem, display_path, one_of, quoted
from ruraldash.store.yamlio import KEY_LINES, LINE_KEY, YamlError, load_yaml

DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _is_date(text: str) -> bool:
    """True for a real date written as YYYY, YYYY-MM or YYYY-MM-DD."""
    if not DATE_PATTERN.match(text):
        return False
    padded = text + "-01-01"[len(text) - 4 :] if len(text) < 10 else text
    try:
        date.fromisoformat(padded)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Origin:
    """Where a declaration was written, and the line of each of its fields, for messages."""

    path: str
    line: int
    field_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, name: str | None) -> int:
        """Return the line of field `name`, or the entry's first line."""
        return dict(self.field_lines).get(name, self.line) if name else self.line


_NO_ORIGIN = Origin("", 0)


def _origin() -> Any:
    return field(default=_NO_ORIGIN, compare=False, repr=False)


@dataclass(frozen=True)
class Term:
    """A named entry of a small vocabulary: a unit, a qualifier, a status or a category."""

    id: str
    name_zh: str
    name_en: str
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
    field: str
    value: float
    unit: str
    source: str
    year: int | None = None
    note: str = ""
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
    date_note: str
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
    origin: Origin = _origin()


@dataclass(frozen=True)
class Catalogue:
    """Everything declared by hand, keyed by id, plus where the report texts live."""

    units: dict[str, Term]
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


# Which list in which file holds which declaration.
_SECTIONS: tuple[tuple[str, str, str, type], ...] = (
    ("metrics", "units.yaml", "units", Term),
    ("metrics", "units.yaml", "qualifiers", Term),
    ("metrics", "units.yaml", "statuses", Term),
    ("metrics", "metrics.yaml", "categories", Term),
    ("metrics", "metrics.yaml", "metrics", Metric),
    ("metrics", "program_types.yaml", "program_types", ProgramType),
    ("data", "regions.yaml", "regions", Region),
    ("data", "sources.yaml", "sources", Source),
    ("data", "programs.yaml", "programs", Program),
)

# Top-level keys each file may have besides its lists.
_FILE_SETTINGS = {"sources.yaml": {"reports_dir"}}

_DATE_BASES = ("stated", "inferred")


class _Reader:
    """Turns YAML mappings into dataclasses, collecting every problem instead of stopping."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, origin: Origin, name: str | None, message: str) -> None:
        self.problems.append(
            Problem(origin.path, origin.line_of(name), name, message, kind="field")
        )

    def records(self, cls: type, items: Any, origin: Origin, section: str) -> list[Any]:
        if items is None:
            return []
        if not isinstance(items, list):
            self.problem(origin, section, "must be a list of entries")
            return []
        records = []
        for item in items:
            record = self.record(cls, item, origin)
            if record is not None:
                records.append(record)
        return records

    def record(self, cls: type, item: Any, parent: Origin) -> Any:
        """Build one declaration; an entry with problems is still built (with blanks) when it
        has an id, so that what refers to it is not reported as a second, false problem."""
        if not isinstance(item, dict):
            self.problem(parent, None, f"expected an entry with fields, got {quoted(item)}")
            return None
        key_lines = tuple((str(key), line) for key, line in item.get(KEY_LINES, {}).items())
        origin = Origin(parent.path, item.get(LINE_KEY, parent.line), key_lines)
        hints, declared = _fields_of(cls)
        names = [f.name for f in declared]
        values: dict[str, Any] = {"origin": origin}
        ok = True
        for key in item:
            if key not in (LINE_KEY, KEY_LINES) and key not in names:
                self.problem(origin, str(key), f"unknown field ({one_of(names)})")
                ok = False
        for spec in declared:
            required = (
                spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            )
            if spec.name not in item or item[spec.name] is None:
                if required:
                    self.problem(origin, spec.name, "is missing")
                    values[spec.name] = _blank(hints[spec.name])
                    ok = False
                continue
            value = self.coerce(hints[spec.name], item[spec.name], origin, spec.name)
            if value is _INVALID:
                ok = False
                if required:
                    values[spec.name] = _blank(hints[spec.name])
            else:
                values[spec.name] = value
        if ok or values.get("id"):
            return cls(**values)
        return None

    def coerce(self, hint: Any, value: Any, origin: Origin, name: str) -> Any:
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        if typing.get_origin(hint) is tuple:
            element = typing.get_args(hint)[0]
            if not isinstance(value, list):
                self.problem(origin, name, f"must be a list, got {quoted(value)}")
                return _INVALID
            items = [self.coerce(element, entry, origin, name) for entry in value]
            return _INVALID if _INVALID in items else tuple(items)
        if dataclasses.is_dataclass(hint):
            record = self.record(hint, value, origin)
            return _INVALID if record is None else record
        if hint is bool:
            if isinstance(value, bool):
                return value
            self.problem(origin, name, f"{quoted(value)} must be true or false")
            return _INVALID
        if hint in (int, float):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return hint(value)
            self.problem(origin, name, f"{quoted(value)} is not a number")
            return _INVALID
        if isinstance(value, (dict, list)):
            self.problem(origin, name, f"must be text, got {quoted(value)}")
            return _INVALID
        text = str(value).strip()
        if not text:
            self.problem(origin, name, "is empty")
            return _INVALID
        return text


_INVALID = object()


@functools.cache
def _fields_of(cls: type) -> tuple[dict[str, Any], list[dataclasses.Field]]:
    """Return a declaration's type hints and fields (but origin), worked out once per class:
    typing.get_type_hints is slow, and a national catalogue has thousands of entries."""
    return typing.get_type_hints(cls), [f for f in dataclasses.fields(cls) if f.name != "origin"]


def _blank(hint: Any) -> Any:
    """A stand-in for a missing or invalid required field of an entry that has problems."""
    if typing.get_origin(hint) is tuple:
        return ()
    return {bool: False, int: 0, float: 0.0}.get(hint, "")


def _index(reader: _Reader, records: Iterable[Any], section: str) -> dict[str, Any]:
    index: dict[str, Any] = {}
    for record in records:
        if record.id in index:
            first = index[record.id].origin
            reader.problem(
                record.origin,
                "id",
                f"{quoted(record.id)} is declared twice in {section} (first at line {first.line})",
            )
        else:
            index[record.id] = record
    return index


def load_catalogue(data_dir: Path, metrics_dir: Path) -> tuple[Catalogue | None, list[Problem]]:
    """Read and cross-check every declaration; return the catalogue (None if unusable), problems."""
    reader = _Reader()
    sections: dict[str, dict[str, Any]] = {}
    settings: dict[str, Any] = {}
    documents: dict[Path, Any] = {}
    for folder_name, file_name, section, cls in _SECTIONS:
        folder = data_dir if folder_name == "data" else metrics_dir
        path = folder / file_name
        shown = display_path(path)
        if path not in documents:
            documents[path] = _read_document(reader, path, shown, file_name)
        document = documents[path] or {}
        origin = Origin(shown, 1)
        allowed = {name for _, other, name, _ in _SECTIONS if other == file_name}
        allowed |= _FILE_SETTINGS.get(file_name, set())
        if section == next(name for _, other, name, _ in _SECTIONS if other == file_name):
            for key in document:
                if key not in (LINE_KEY, KEY_LINES) and key not in allowed:
                    reader.problem(origin, str(key), f"unknown section ({one_of(sorted(allowed))})")
            settings.update(
                {key: document[key] for key in _FILE_SETTINGS.get(file_name, ()) if key in document}
            )
        records = reader.records(cls, document.get(section), origin, section)
        sections[section] = _index(reader, records, section)

    reports_dir = None
    if settings.get("reports_dir"):
        reports_dir = (data_dir / str(settings["reports_dir"])).resolve()
    catalogue = Catalogue(
        **sections, reports_dir=reports_dir, data_dir=data_dir, metrics_dir=metrics_dir
    )
    # A file that could not be read at all would make everything else look wrong: stop at it.
    if any(document is None for document in documents.values()):
        return None, reader.problems
    _cross_check(reader, catalogue)
    return catalogue, reader.problems


def _read_document(
    reader: _Reader, path: Path, shown: str, file_name: str
) -> dict[str, Any] | None:
    """Return the file's mapping, {} for an empty file, None when it cannot be read at all."""
    if not path.is_file():
        reader.problems.append(Problem(shown, 1, None, f"{file_name} is missing"))
        return None
    try:
        document = load_yaml(path)
    except YamlError as error:
        reader.problems.append(Problem(shown, error.line, None, error.message))
        return None
    if document is None:
        return {}
    if not isinstance(document, dict):
        reader.problems.append(Problem(shown, 1, None, "must be a mapping of sections"))
        return None
    return document


def _check_reference(
    reader: _Reader, origin: Origin, name: str, value: str, known: dict[str, Any], what: str
) -> None:
    if value not in known:
        reader.problem(origin, name, f"{quoted(value)} is not a {what} ({one_of(list(known))})")


def _cross_check(reader: _Reader, catalogue: Catalogue) -> None:
    reader.problems.extend(check_hierarchy(catalogue.regions))
    for metric in catalogue.metrics.values():
        _check_reference(
            reader, metric.origin, "category", metric.category, catalogue.categories, "category"
        )
        _check_reference(reader, metric.origin, "unit", metric.unit, catalogue.units, "unit")
    for region in catalogue.regions.values():
        for figure in region.reference:
            _check_reference(
                reader, figure.origin, "unit", figure.unit, {**catalogue.units, "km2": None}, "unit"
            )
    for source in catalogue.sources.values():
        _check_reference(
            reader, source.origin, "region", source.region, catalogue.regions, "region"
        )
        if not _is_date(source.date):
            reader.problem(
                source.origin,
                "date",
                f"{quoted(source.date)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            )
        if source.date_basis not in _DATE_BASES:
            reader.problem(
                source.origin,
                "date_basis",
                f"{quoted(source.date_basis)} is not a date basis ({one_of(_DATE_BASES)})",
            )
    for program in catalogue.programs.values():
        _check_reference(
            reader, program.origin, "region", program.region, catalogue.regions, "region"
        )
        _check_reference(
            reader, program.origin, "source", program.source, catalogue.sources, "source"
        )
        _check_reference(
            reader, program.origin, "type", program.type, catalogue.program_types, "program type"
        )
