"""Process-wide caches: the one home of state a process keeps between reruns and sessions.

Imports nothing from the package, so every layer may use it.

| cache | what it holds | what invalidates it |
|---|---|---|
| FILE_READS | input files' digests, by path, size, time | a file's size or time; a new process |

FILE_READS (input fingerprint, store.fingerprint) keeps per input file and reader the file's
(mtime_ns, size) stamp and what was read: its sha256, or the reports sources.yaml names. A new
process starts empty and takes a database's `.digests` memo once (`recalled`); that memo file is
written again after a fingerprint that read a file (`reads`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")

# ---- input fingerprint (store.fingerprint) -------------------------------------------------


@dataclass
class FileReads:
    """What this process read from input files, reused while their size and time are unchanged."""

    known: dict[tuple[str, str], tuple[tuple[int, int], object]] = field(default_factory=dict)
    recalled: set[str] = field(default_factory=set)  # the memo files already taken in
    reads: int = 0  # files read (not recalled): a memo is written only after a read

    def unless_unchanged(
        self, path: str, read: Callable[[str], T], stat: os.stat_result | None = None
    ) -> T:
        """Return read(path), reusing the last while the file's size and time are unchanged."""
        try:
            stat = stat or os.stat(path)
        except OSError:
            return read(path)  # absent: read says what that means (and is not remembered)
        stamp = (stat.st_mtime_ns, stat.st_size)
        key = (path, read.__name__)
        known = self.known.get(key)
        if known is not None and known[0] == stamp:
            return known[1]  # type: ignore[return-value]
        result = read(path)
        self.known[key] = (stamp, result)
        self.reads += 1
        return result


FILE_READS = FileReads()
