"""Default locations: the repo's curated data, its catalogue and the git-ignored database.

RURALDASH_DATA, RURALDASH_METRICS and RURALDASH_DB select another data folder, catalogue and
database (a national folder written by benchmarks/national.py, say) for the app and command line.
RURALDASH_MODE=served with RURALDASH_RELEASE=PATH serves a release: nothing built on a request;
there curators write only to a curation folder RURALDASH_DATA names (curation_dir).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
METRICS_DIR = REPO_ROOT / "metrics"
QUERIES_DIR = METRICS_DIR / "queries"
VIEWS_DIR = METRICS_DIR / "views"


def default_db_path() -> Path:
    """Return the database path: $RURALDASH_DB if set, else .cache/ruraldash.duckdb in the repo."""
    override = os.environ.get("RURALDASH_DB")
    return Path(override) if override else REPO_ROOT / ".cache" / "ruraldash.duckdb"


def default_data_dir() -> Path:
    """Return the curated data folder: $RURALDASH_DATA if set, else the repo's data/."""
    override = os.environ.get("RURALDASH_DATA")
    return Path(override) if override else DATA_DIR


def default_metrics_dir() -> Path:
    """Return the metric catalogue folder: $RURALDASH_METRICS if set, else the repo's metrics/."""
    override = os.environ.get("RURALDASH_METRICS")
    return Path(override) if override else METRICS_DIR


def served_release() -> Path | None:
    """Return the release a served app reads ($RURALDASH_RELEASE when $RURALDASH_MODE=served).

    None in local use (README command 1: the app builds on demand). Served without a release
    path, the path is the empty one, which the app refuses with a message.
    """
    if os.environ.get("RURALDASH_MODE") != "served":
        return None
    return Path(os.environ.get("RURALDASH_RELEASE", ""))


def curation_dir() -> Path | None:
    """Return the folder adding and reviewing write to, or None where nothing may be written.

    Locally the data folder (default_data_dir). In a served app only a folder that
    $RURALDASH_DATA names and the process may write: never the replica's own checkout, which is
    not what readers see; readers see what is added once `release` publishes that folder.
    """
    if served_release() is None:
        return default_data_dir()
    named = os.environ.get("RURALDASH_DATA")
    if not named or not os.path.isdir(named) or not os.access(named, os.W_OK | os.X_OK):
        return None
    return Path(named)
