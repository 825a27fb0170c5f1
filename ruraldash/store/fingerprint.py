"""The input fingerprint: one hash of everything that decides a database's content.

A database is rebuilt when its fingerprint changes: the curated files and reports in data/, the
catalogue, views and queries in metrics/, the list of national units and the code that stages,
checks and writes the database (BUILD_CODE) — not the rest of the package, so editing a page or
a chart does not rebuild. What was read is kept in caches.FILE_READS and in a `.digests` memo.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path
from stat import S_ISLNK, S_ISREG

from ruraldash import caches
from ruraldash.paths import REPO_ROOT
from ruraldash.store.admin_units import units_version
from ruraldash.store.folders import DATA_FILES, METRICS_FILES
from ruraldash.store.yamlio import YamlError, load_yaml

CODE_ROOT = REPO_ROOT / "ruraldash"
# The modules store/build.py runs (its imports, followed through the package): they decide what
# a database holds. tests/store/test_fingerprint.py checks the list against those imports.
BUILD_CODE = (
    "__init__.py",
    "caches.py",
    "language/__init__.py",
    "language/romanise.py",
    "language/textnorm.py",
    "language/widths.py",
    "paths.py",
    "store/__init__.py",
    "store/admin_units.py",
    "store/build.py",
    "store/catalogue.py",
    "store/checks.py",
    "store/csvsafe.py",
    "store/db.py",
    "store/declarations.py",
    "store/excel_text.py",
    "store/figure_files.py",
    "store/folders.py",
    "store/hierarchy.py",
    "store/official_sources.py",
    "store/problems.py",
    "store/records.py",
    "store/yamlio.py",
)


def content_hash(data_dir: Path, metrics_dir: Path, memo: Path | None = None) -> str:
    """Return a hash of everything a build reads: curated files, reports, views and build code.

    The app asks on every rerun, so a file is read again only when its size or time changed,
    and each file costs one stat and no Path object: at national scale data/ holds thousands.
    With `memo` (see digest_memo) what was read is kept on disk too, so a new process reads
    only the files changed since: a cold start need not read a national folder's 100 MB.
    """
    if memo is not None:
        _recall(memo)
    reads = caches.FILE_READS.reads
    digest = hashlib.sha256(units_version().encode())
    # Every file in data/, whatever its name: a misnamed or linked file must trigger a check too.
    # Each file is hashed under its name relative to its folder, so two copies of the same data
    # in different places (two machines' checkouts) give one digest.
    files = _named(_walk(str(data_dir)), data_dir, "data")
    files += _named(_walk(str(metrics_dir), (".yaml", ".sql")), metrics_dir, "metrics")
    files += [(f"code/{name}", str(CODE_ROOT / name), None) for name in BUILD_CODE]
    inside = {path for _, path, _ in files}
    names = caches.FILE_READS.unless_unchanged(str(data_dir / "sources.yaml"), _reports_named)
    outside = [(name, None) for name in set(names) - inside if os.path.isfile(name)]
    files += sorted(_named(outside, data_dir, "data"))
    for name, path, stat in files:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(_file_digest(path, stat))
    if memo is not None and caches.FILE_READS.reads != reads:
        _remember(memo, {str(data_dir / "sources.yaml"), *(path for _, path, _ in files)})
    return digest.hexdigest()


def catalogue_hash(data_dir: Path, metrics_dir: Path) -> str:
    """Return a hash of what the catalogue is read from: the top files of data/ and metrics/,
    the reports sources.yaml names and the national units, never the figures files.

    Every file is read and hashed, trusting no file time: they are small, and a validation
    must never reuse a catalogue its files no longer hold.
    """
    digest = hashlib.sha256(units_version().encode())
    names = [str(data_dir / name) for name in DATA_FILES]
    names += [str(metrics_dir / name) for name in METRICS_FILES]
    names += _reports_named(str(data_dir / "sources.yaml"))
    for name in names:
        digest.update(name.encode())
        digest.update(b"\0")
        if os.path.islink(name):
            digest.update(b"link:" + os.readlink(name).encode())
        elif os.path.isfile(name):
            digest.update(_sha256(name))
        else:
            digest.update(b"absent")
    return digest.hexdigest()


def digest_memo(db_path: Path) -> Path:
    """Return where the digests of a database's inputs are kept: beside it, git-ignored."""
    return db_path.with_name(db_path.name + ".digests")


def _recall(memo: Path) -> None:
    """Take a memo's digests (once per process) for files whose size and time are unchanged."""
    cache = caches.FILE_READS
    if str(memo) in cache.recalled:
        return
    cache.recalled.add(str(memo))
    try:
        entries = json.loads(memo.read_bytes())
    except (OSError, ValueError):
        return  # none yet, or unreadable: every file is read and the memo written anew
    readers = {"_sha256": bytes.fromhex, "_reports_named": list}
    for entry in entries if isinstance(entries, list) else []:
        try:
            path, reader, mtime_ns, size, value = entry
            cache.known.setdefault(
                (path, reader), ((int(mtime_ns), int(size)), readers[reader](value))
            )
        except (KeyError, TypeError, ValueError):
            continue  # a stale or mangled entry: that file is read again


def _remember(memo: Path, hashed: set[str]) -> None:
    """Write the digests of the `hashed` files to `memo`, atomically; a failure costs only time."""
    entries = [
        [path, reader, stamp[0], stamp[1], value.hex() if isinstance(value, bytes) else value]
        for (path, reader), (stamp, value) in list(caches.FILE_READS.known.items())
        if reader in ("_sha256", "_reports_named") and path in hashed
    ]
    partial = memo.with_name(f".{memo.name}.{os.getpid()}.{uuid.uuid4().hex}.partial")
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        partial.replace(memo)
    except OSError:
        partial.unlink(missing_ok=True)


def _walk(folder: str, suffixes: tuple[str, ...] | None = None) -> list[tuple[str, os.stat_result]]:
    """Return the regular files and links below `folder` (links never followed), each with its
    lstat, sorted by path; `suffixes` keeps only names ending so."""
    found: list[tuple[str, os.stat_result]] = []
    folders = [folder]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                    elif suffixes is None or entry.name.endswith(suffixes):
                        stat = entry.stat(follow_symlinks=False)
                        if S_ISREG(stat.st_mode) or S_ISLNK(stat.st_mode):
                            found.append((entry.path, stat))
        except (FileNotFoundError, NotADirectoryError):
            continue
    found.sort(key=lambda item: item[0])
    return found


def _named(
    found: list[tuple[str, os.stat_result | None]], folder: Path, label: str
) -> list[tuple[str, str, os.stat_result | None]]:
    """Return (name relative to `folder` under `label`, path, stat) for each file `found`.

    Files walked from `folder` start with it (cut, fast: thousands at national scale); the few
    named from elsewhere (reports outside data/) are named by their relative path.
    """
    root = str(folder)
    start = len(root) + 1
    return [
        (
            f"{label}/"
            + (path[start:] if path.startswith(root + os.sep) else os.path.relpath(path, root)),
            path,
            stat,
        )
        for path, stat in found
    ]


def _file_digest(path: str, stat: os.stat_result | None = None) -> bytes:
    if (stat is not None and S_ISLNK(stat.st_mode)) or (stat is None and os.path.islink(path)):
        # A link is refused by the checks and never followed: hash where it points.
        return hashlib.sha256(os.readlink(path).encode()).digest()
    return caches.FILE_READS.unless_unchanged(path, _sha256, stat)


def _sha256(path: str) -> bytes:
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").digest()


def _reports_named(sources_yaml: str) -> list[str]:
    """Return the report files sources.yaml names (as paths; they may not exist)."""
    try:
        document = load_yaml(Path(sources_yaml))
    except (OSError, YamlError):
        return []
    if not isinstance(document, dict) or not document.get("reports_dir"):
        return []
    reports_dir = Path(sources_yaml).parent / str(document["reports_dir"])
    return [
        os.path.normpath(reports_dir / str(item.get("file")))
        for item in document.get("sources") or []
        if isinstance(item, dict)
    ]
