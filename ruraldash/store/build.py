"""Validate the curated files and build the DuckDB database atomically (never half-written).

One job, staged then written: reading the CSVs, checking them and swapping the database file in
are the steps of one transaction that must never leave half a database. When to rebuild (the
input fingerprint) is store.fingerprint's job. Over 300 lines as that one job: a validation
stages the same tables (the catalogue's kept between validations while its files are unchanged).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import threading
import typing
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from ruraldash.caches import CATALOGUES
from ruraldash.language.messages import Message, message
from ruraldash.language.textnorm import as_written, match_key, normalise
from ruraldash.paths import VIEWS_DIR
from ruraldash.store.admin_units import admin_units
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.checks import run_checks, unused_programs
from ruraldash.store.db import connect
from ruraldash.store.declarations import (
    Catalogue,
    Metric,
    Program,
    ProgramType,
    Region,
    Source,
    Term,
    Unit,
)
from ruraldash.store.figure_files import LINE_SQL, figure_files, load_raw_figures
from ruraldash.store.fingerprint import catalogue_hash, content_hash, digest_memo
from ruraldash.store.folders import REJECTED_SUFFIX, check_folders
from ruraldash.store.hierarchy import ancestor_table
from ruraldash.store.problems import InvalidData, Problem, display_path, one_of

# Told when each step of a build is done: "reading" (figure files, reports), "checking"
# (figures) and "building" (figures written), with those counts, so a first start can say so.
Progress = Callable[[str, dict[str, int]], None]
BUILD_STEPS = ("reading", "checking", "building")


def _no_progress(step: str, counts: dict[str, int]) -> None:
    """Report nothing (the command line and tests build silently)."""


@dataclass
class Validation:
    """The outcome of checking the curated files: problems stop a build, warnings do not."""

    catalogue: Catalogue | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Message | Problem] = field(default_factory=list)  # said with .text(lang)
    figure_count: int = 0

    @property
    def ok(self) -> bool:
        return self.catalogue is not None and not self.problems


def validate(
    data_dir: Path, metrics_dir: Path, replaced: Mapping[Path, bytes] | None = None
) -> Validation:
    """Check every curated file at once, in memory; nothing is written.

    With `replaced`, data/ is checked as it would be with those files' new bytes (figures files
    and rejected lists, all that a review save writes): the rest is read where it lies.
    The catalogue and its tables are read once per content of its files (_prepared), so a
    validation after a figures file changed reads and checks the figures only.
    """
    stand_in = _stand_ins(data_dir, replaced or {})
    folders = check_folders(data_dir, metrics_dir)
    prepared = _prepared(data_dir, metrics_dir)
    # A linked YAML file is named by both checks: once is enough.
    result = Validation(
        prepared.catalogue,
        sorted(set(folders.problems + list(prepared.problems))),
        list(folders.warnings),
    )
    if prepared.catalogue is None:
        return result
    result.problems.extend(prepared.report_problems)
    with tempfile.TemporaryDirectory(prefix="ruraldash-validate-") as folder:
        read_from = {}
        for number, (path, data) in enumerate(sorted(stand_in.items())):
            staged = Path(folder) / str(number) / path.name
            staged.parent.mkdir()
            staged.write_bytes(data)
            read_from[path] = staged
        with prepared.cursor() as con:
            _check_figures(con, data_dir, result, read_from)
    return result


def _stand_ins(data_dir: Path, replaced: Mapping[Path, bytes]) -> dict[Path, bytes]:
    """Return the replaced figures files; refuse a replaced file validation would not read
    as a figures file or a rejected list (those are only named, and a save names them right)."""
    figures = {}
    for path, data in replaced.items():
        folder = path.parent
        if folder == data_dir / "figures" and path.suffix == ".csv":
            figures[path] = data
        elif folder != data_dir / "notes" or not path.name.endswith(REJECTED_SUFFIX):
            raise ValueError(f"{path}: only figures files and rejected lists may be replaced")
    return figures


@dataclass(frozen=True)
class _Prepared:
    """The catalogue read once, with its tables in an in-memory database that every validation
    of the same catalogue files opens a cursor on (its figures go in the cursor's own tables)."""

    catalogue: Catalogue | None
    problems: tuple[Problem, ...]  # reading the declarations
    report_problems: tuple[Problem, ...]  # reports named but unreadable
    con: duckdb.DuckDBPyConnection | None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """Return a connection of its own to the catalogue's database (one per validation)."""
        assert self.con is not None
        with self.lock:
            return self.con.cursor()


def _prepared(data_dir: Path, metrics_dir: Path) -> _Prepared:
    """Return the catalogue of these folders and its tables, read again when a file of it
    (store.fingerprint.catalogue_hash) changed; problem paths follow the working folder."""
    key = (str(data_dir), str(metrics_dir), os.getcwd(), catalogue_hash(data_dir, metrics_dir))
    kept = CATALOGUES.get(key)
    if kept is not None:
        return kept
    catalogue, problems = load_catalogue(data_dir, metrics_dir)
    if catalogue is None:
        return CATALOGUES.put(key, _Prepared(None, tuple(problems), (), None))
    con = duckdb.connect()
    # Cursors do not see a connection's temporary tables: here the match keys are a table.
    report_problems = _write_catalogue(con, catalogue, temporary_keys=False)
    prepared = _Prepared(catalogue, tuple(problems), tuple(report_problems), con)
    return CATALOGUES.put(key, prepared)


def _stage(
    con: duckdb.DuckDBPyConnection,
    data_dir: Path,
    metrics_dir: Path,
    progress: Progress = _no_progress,
) -> Validation:
    """Load declarations and raw figures into `con` and run every check."""
    folders = check_folders(data_dir, metrics_dir)
    catalogue, problems = load_catalogue(data_dir, metrics_dir)
    # A linked YAML file is named by both checks: once is enough.
    result = Validation(catalogue, sorted(set(folders.problems + problems)), folders.warnings)
    if catalogue is None:
        return result
    result.problems.extend(_write_catalogue(con, catalogue))
    _check_figures(con, data_dir, result, {}, progress)
    return result


def _check_figures(
    con: duckdb.DuckDBPyConnection,
    data_dir: Path,
    result: Validation,
    read_from: Mapping[Path, Path],
    progress: Progress = _no_progress,
) -> None:
    """Load the raw figures into `con` beside the catalogue's tables and run every check;
    a figures file in `read_from` is read from the file it maps to, named as itself."""
    catalogue = result.catalogue
    assert catalogue is not None
    files = sorted({*figure_files(data_dir), *read_from})
    for path in files:
        if path.stem not in catalogue.sources:
            result.problems.append(
                Problem(
                    display_path(path),
                    1,
                    None,
                    message(
                        "problem_file_not_source",
                        name=path.stem,
                        expected=one_of(list(catalogue.sources)),
                    ),
                    kind="file",
                )
            )
    load = load_raw_figures(con, files, read_from)
    result.problems.extend(load.problems)
    result.warnings.extend(load.warnings)
    result.figure_count = con.execute("SELECT count(*) FROM raw").fetchone()[0]
    progress(
        "reading",
        {"files": len(files), "figures": result.figure_count, "reports": len(catalogue.sources)},
    )
    result.problems.extend(run_checks(con, catalogue))
    if not load.problems:  # with a file unread, its programs would look unused
        # A warning, not an error: a fresh draft has no program cells until it is reviewed.
        result.warnings.extend(unused_programs(con, catalogue))
    result.problems.sort()
    progress("checking", {"figures": result.figure_count, "problems": len(result.problems)})


def _create_table(
    con: duckdb.DuckDBPyConnection, name: str, rows: pa.Table, temporary: bool = False
) -> None:
    """Create table `name` (a fixed identifier of ours) from Arrow rows."""
    con.register("_incoming", rows)
    con.execute(f"CREATE {'TEMP ' if temporary else ''}TABLE {name} AS SELECT * FROM _incoming")
    con.unregister("_incoming")


def _records_table(records: list[object], kind: type, skip: tuple[str, ...] = ()) -> pa.Table:
    """Return one row per record of dataclass `kind`: with none, still every column, typed,
    so that a query naming a column of an empty section (programs: []) binds."""
    hints = typing.get_type_hints(kind)
    names = [f.name for f in dataclasses.fields(kind) if f.name != "origin" and f.name not in skip]
    columns = {
        name: pa.array(
            [_cell(getattr(record, name)) for record in records], _ARROW_TYPES.get(hints[name])
        )
        for name in names
    }
    # The order of declaration is the order officials see lists in: keep it as data.
    columns["position"] = pa.array(range(len(records)), pa.int64())
    return pa.table(columns)


# The Arrow type of each kind of declared field (any other is a text).
_ARROW_TYPES: dict[object, pa.DataType] = {
    str: pa.string(),
    str | None: pa.string(),
    bool: pa.bool_(),
    int: pa.int64(),
    float: pa.float64(),
    tuple[str, ...]: pa.list_(pa.string()),
}


def _cell(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _write_catalogue(
    con: duckdb.DuckDBPyConnection, catalogue: Catalogue, temporary_keys: bool = True
) -> list[Problem]:
    """Create one table per catalogue section, plus region references and normalised reports;
    return the problems of reports that cannot be read."""
    problems: list[Problem] = []
    sections = {
        "units": (catalogue.units, Unit),
        "qualifiers": (catalogue.qualifiers, Term),
        "statuses": (catalogue.statuses, Term),
        "categories": (catalogue.categories, Term),
        "metrics": (catalogue.metrics, Metric),
        "program_types": (catalogue.program_types, ProgramType),
        "regions": (catalogue.regions, Region),
        "programs": (catalogue.programs, Program),
    }
    for name, (section, kind) in sections.items():
        records = list(section.values())
        _create_table(con, name, _records_table(records, kind, skip=("reference", "conversions")))
    references = [
        {
            "region_id": region.id,
            **{
                f.name: getattr(figure, f.name)
                for f in dataclasses.fields(figure)
                if f.name != "origin"
            },
        }
        for region in catalogue.regions.values()
        for figure in region.reference
    ]
    reference_table = (
        pa.Table.from_pylist(references)
        if references
        else pa.table(
            {
                "region_id": pa.array([], pa.string()),
                "field": pa.array([], pa.string()),
                "value": pa.array([], pa.float64()),
                "unit": pa.array([], pa.string()),
                "year": pa.array([], pa.int64()),
                "publication": pa.array([], pa.string()),
                "issuer": pa.array([], pa.string()),
                "published": pa.array([], pa.string()),
                "source": pa.array([], pa.string()),
                "read_at": pa.array([], pa.string()),
                "note_zh": pa.array([], pa.string()),
                "note_en": pa.array([], pa.string()),
            }
        )
    )
    _create_table(con, "region_reference", reference_table)
    _create_table(con, "region_ancestors", ancestor_table(catalogue.regions))
    # The national list of units, so that a unit without a figure can be named as such.
    _create_table(con, "admin_units", pa.Table.from_pandas(admin_units(), preserve_index=False))

    sources = []
    keys: list[dict[str, str | None]] = []
    for source in catalogue.sources.values():
        text = _read_report(catalogue, source, problems)
        row = {
            f.name: getattr(source, f.name)
            for f in dataclasses.fields(source)
            if f.name != "origin"
        }
        row["report_available"] = text is not None
        row["report_text"] = normalise(text) if text is not None else None
        # The same text with the report's own punctuation, aligned with report_text.
        row["report_shown"] = as_written(text) if text is not None else None
        sources.append(row)
        keys.append({"source_id": source.id, "report_key": match_key(text) if text else None})
    source_table = (
        pa.Table.from_pylist(sources)
        if sources
        else pa.table(
            {
                "id": pa.array([], pa.string()),
                "region": pa.array([], pa.string()),
                "file": pa.array([], pa.string()),
            }
        )
    )
    _create_table(con, "sources", source_table)
    # The match keys are only for checking quotes: a temporary table, never written out.
    key_table = pa.Table.from_pylist(
        keys, schema=pa.schema([("source_id", pa.string()), ("report_key", pa.string())])
    )
    _create_table(con, "report_keys", key_table, temporary=temporary_keys)
    return problems


def _read_report(catalogue: Catalogue, source: Source, problems: list[Problem]) -> str | None:
    """Return a source's report text; a report it names but that cannot be read is a problem.

    Quotes are checked against the report, so a missing report would let any quote through.
    """
    path = catalogue.report_path(source)
    where = source.origin
    if path is None:
        said = message("problem_no_reports_dir", source=source.id)
    elif not path.is_file():
        said = message("problem_report_missing", source=source.id, path=display_path(path))
    else:
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            said = message(
                "problem_report_unreadable", source=source.id, path=display_path(path), error=error
            )
    problems.append(Problem(where.path, where.line_of("file"), "file", said, "field"))
    return None


_FIGURES = f"""
CREATE TABLE figures AS
SELECT r.id AS figure_id, r.source_id, r.region AS region_id, r.scope, r.metric AS metric_id,
       r.label, r.program AS program_id, r.part_of, r.value::DOUBLE AS value, r.unit,
       r.qualifier, r.status,
       r.period_text, r.period_start::DATE AS period_start, r.period_end::DATE AS period_end,
       r.quote, r.note_zh, r.note_en, r.review, r.file, {LINE_SQL} AS line,
       coalesce(substr(s.report_shown, nullif(strpos(s.report_text, r.quote), 0),
                       length(r.quote)), r.quote) AS quote_shown
FROM raw AS r
LEFT JOIN raw_files AS rf ON rf.file = r.file
LEFT JOIN sources AS s ON s.id = r.source_id
"""


@dataclass(frozen=True)
class BuildResult:
    """A finished build: where the database is and what went into it."""

    db_path: Path
    input_hash: str
    figure_count: int
    warnings: tuple[Message | Problem, ...]


def build(
    data_dir: Path, metrics_dir: Path, db_path: Path, progress: Progress = _no_progress
) -> BuildResult:
    """Validate and write the database to `db_path` atomically; raise InvalidData if invalid.

    The new database is written beside the old one and renamed over it only when complete,
    so a failed or interrupted build leaves the last good database as it was.
    """
    input_hash = content_hash(data_dir, metrics_dir)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # A name of its own per build: other builds, in this process or another, may be running.
    partial = db_path.with_name(f".{db_path.name}.{os.getpid()}.{uuid.uuid4().hex}.partial")
    try:
        with duckdb.connect(str(partial)) as con:
            con.execute("SET preserve_insertion_order = true")
            validation = _stage(con, data_dir, metrics_dir, progress)
            if not validation.ok:
                raise InvalidData(validation.problems)
            _write_figures(con, input_hash)
        os.replace(partial, db_path)
        progress("building", {"figures": validation.figure_count})
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + ".wal").unlink(missing_ok=True)
    return BuildResult(db_path, input_hash, validation.figure_count, tuple(validation.warnings))


def _write_figures(con: duckdb.DuckDBPyConnection, input_hash: str) -> None:
    con.execute(_FIGURES)
    con.execute("DROP TABLE raw")
    for view in sorted(VIEWS_DIR.glob("*.sql")):
        con.execute(view.read_text(encoding="utf-8"))
    con.execute("CREATE TABLE build_info (key VARCHAR, value VARCHAR)")
    con.execute(
        "INSERT INTO build_info VALUES ('input_hash', $hash), ('built_at', $built)",
        {"hash": input_hash, "built": datetime.now(UTC).isoformat(timespec="seconds")},
    )
    con.execute("CHECKPOINT")


def stored_hash(db_path: Path) -> str | None:
    """Return the input hash a database was built from, or None if it is missing or unreadable."""
    if not db_path.is_file():
        return None
    try:
        with connect(db_path) as con:
            row = con.execute("SELECT value FROM build_info WHERE key = 'input_hash'").fetchone()
    except duckdb.Error:
        return None
    return row[0] if row else None


_BUILDING = threading.Lock()


def ensure_database(
    data_dir: Path, metrics_dir: Path, db_path: Path, progress: Progress = _no_progress
) -> Path:
    """Return a database built from the current inputs, building it only if they changed.

    Sessions that notice new inputs at the same moment build one after another; each looks
    again once it holds the lock, so the same inputs are built once.
    """
    memo = digest_memo(db_path)
    if stored_hash(db_path) == content_hash(data_dir, metrics_dir, memo):
        return db_path
    with _BUILDING:
        if stored_hash(db_path) != content_hash(data_dir, metrics_dir, memo):
            build(data_dir, metrics_dir, db_path, progress)
    return db_path
