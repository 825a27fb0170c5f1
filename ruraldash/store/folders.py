"""What may lie in the curated folders: real files of the expected kinds, never symbolic links."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ruraldash.language.messages import Message, message
from ruraldash.store.problems import Problem, display_path

# The files the build reads at the top of data/ and metrics/, and the folders it looks into.
DATA_FILES = ("sources.yaml", "regions.yaml", "programs.yaml", "README.md")
METRICS_FILES = ("metrics.yaml", "units.yaml", "program_types.yaml")
# Folder -> the one suffix its files carry (exact case: "*.CSV" is not read on Linux).
FOLDERS = {
    "figures": ".csv",
    "notes": ".md",
    "reports": ".txt",
    "queries": ".sql",
    "views": ".sql",
}
# Besides its notes, notes/ keeps the figures a curator rejected: <source_id>.rejected.csv.
REJECTED_SUFFIX = ".rejected.csv"

LINK = message("problem_symlink")


@dataclass
class FolderCheck:
    """Problems (files refused) and warnings (files ignored) found in the curated folders."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def _problem(path: Path, said: Message) -> Problem:
    return Problem(display_path(path), 1, None, said, kind="file")


def check_folders(data_dir: Path, metrics_dir: Path) -> FolderCheck:
    """Refuse symbolic links and misnamed files; report files the build would silently skip.

    Nothing is opened: a link is named, never followed, so no outside content reaches a message.
    """
    check = FolderCheck()
    for root, known in ((data_dir, DATA_FILES), (metrics_dir, METRICS_FILES)):
        for entry in _entries(root):
            if entry.is_symlink():
                check.problems.append(_problem(entry, LINK))
            elif entry.is_dir() and entry.name in FOLDERS:
                _check_folder(entry, FOLDERS[entry.name], check)
            elif entry.name not in known and not entry.name.startswith("."):
                check.warnings.append(
                    message(
                        "warn_not_read",
                        path=display_path(entry),
                        known=", ".join([*known, *(f"{name}/" for name in FOLDERS)]),
                    )
                )
    return check


def _check_folder(folder: Path, suffix: str, check: FolderCheck) -> None:
    for entry in _entries(folder):
        if entry.is_symlink():
            check.problems.append(_problem(entry, LINK))
        elif entry.is_file() and entry.suffix == suffix:
            continue
        elif entry.is_file() and folder.name == "notes" and entry.name.endswith(REJECTED_SUFFIX):
            continue
        elif entry.is_file() and entry.suffix.lower() == suffix:
            check.problems.append(
                _problem(
                    entry,
                    message(
                        "problem_suffix_case", found=entry.suffix, folder=folder.name, suffix=suffix
                    ),
                )
            )
        elif entry.name != ".gitkeep":
            check.problems.append(
                _problem(
                    entry,
                    message(
                        "problem_suffix_notes" if folder.name == "notes" else "problem_suffix",
                        folder=folder.name,
                        suffix=suffix,
                    ),
                )
            )


def _entries(folder: Path) -> list[Path]:
    """Return a folder's entries in a stable order, without following links; [] if absent."""
    try:
        with os.scandir(folder) as scan:
            return sorted(folder / entry.name for entry in scan)
    except (FileNotFoundError, NotADirectoryError):
        return []


def is_real_file(path: Path) -> bool:
    """True for a regular file that is not a symbolic link (links are refused, never followed)."""
    return path.is_file() and not path.is_symlink()
