"""A release: the database built once from validated data, with a manifest beside it.

`python -m ruraldash release --db PATH` writes PATH and PATH.manifest.json. The database is built
under a name of its own, its digest written into the manifest, and both are renamed into place
(database first): a served app opens a database only when the manifest beside it names its
digest, so it never reads a half-replaced release. Invalid data raises InvalidData before
anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ruraldash import paths
from ruraldash.store.build import build

MANIFEST_SUFFIX = ".manifest.json"
FORMAT = 1
FIELDS = (
    "format",
    "database",
    "database_sha256",
    "database_bytes",
    "data_digest",
    "counts",
    "built_at",
    "code_version",
)
_COUNTED = ("figures", "sources", "regions", "metrics", "programs")


class IncompleteRelease(Exception):
    """A database without a complete manifest that names it: not served."""


@dataclass(frozen=True)
class Manifest:
    """What a release holds: its database's digest, the data's digest, counts, when, what code."""

    format: int
    database: str
    database_sha256: str
    database_bytes: int
    data_digest: str
    counts: dict[str, int]
    built_at: str
    code_version: str


def manifest_path(db_path: Path) -> Path:
    """Return the manifest's path beside the database."""
    return db_path.with_name(db_path.name + MANIFEST_SUFFIX)


def file_sha256(path: Path) -> str:
    """Return a file's SHA-256 in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def code_version() -> str:
    """Return `git describe --always --dirty` of the checkout, else the package's version."""
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=paths.REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        described = None
    if described is not None and described.returncode == 0 and described.stdout.strip():
        return described.stdout.strip()
    return os.environ.get("RURALDASH_CODE_VERSION", "ruraldash 0.1.0")


def _counts(db_path: Path) -> dict[str, int]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        counts = {
            name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in _COUNTED
        }
        for review, count in con.execute(
            "SELECT review, count(*) FROM figures GROUP BY review ORDER BY review"
        ).fetchall():
            counts[f"figures_{review}"] = count
    return counts


def write_release(data_dir: Path, metrics_dir: Path, db_path: Path) -> Manifest:
    """Validate and build, then put the database and its manifest in place; return the manifest.

    Raises InvalidData (every located problem) before anything is written at `db_path`.
    """
    staged = db_path.with_name(f".{db_path.name}.{os.getpid()}.{uuid.uuid4().hex}.release")
    staged_manifest = staged.with_name(staged.name + MANIFEST_SUFFIX)
    try:
        result = build(data_dir, metrics_dir, staged)
        manifest = Manifest(
            FORMAT,
            db_path.name,
            file_sha256(staged),
            staged.stat().st_size,
            result.input_hash,
            _counts(staged),
            datetime.now(UTC).isoformat(timespec="seconds"),
            code_version(),
        )
        staged_manifest.write_text(
            json.dumps(asdict(manifest), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        os.replace(staged, db_path)
        os.replace(staged_manifest, manifest_path(db_path))
    finally:
        staged.unlink(missing_ok=True)
        staged_manifest.unlink(missing_ok=True)
    return manifest


def read_manifest(db_path: Path) -> Manifest:
    """Return the manifest of the release at `db_path`; IncompleteRelease unless it is complete
    and names this very database (its size and SHA-256)."""
    where = manifest_path(db_path)
    if not db_path.is_file():
        raise IncompleteRelease(f"{db_path}: no release database here")
    try:
        document = json.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IncompleteRelease(f"{where}: no manifest beside the database") from None
    except (OSError, ValueError) as error:
        raise IncompleteRelease(f"{where}: unreadable manifest ({error})") from None
    missing = [name for name in FIELDS if not isinstance(document, dict) or name not in document]
    if missing:
        raise IncompleteRelease(f"{where}: manifest lacks {', '.join(missing)}")
    manifest = Manifest(**{name: document[name] for name in FIELDS})
    if manifest.database_bytes != db_path.stat().st_size or manifest.database_sha256 != (
        file_sha256(db_path)
    ):
        raise IncompleteRelease(f"{where}: the manifest names another database than {db_path}")
    return manifest
