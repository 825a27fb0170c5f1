"""The process-wide caches the code keeps by hand, in one place: what each holds, what ends it.

It imports nothing from the package, so every layer may use it. Each cache is bounded (beyond
its size the least recently used entry goes) and safe to use from any thread.

cache         holds                                            invalidated by
DRAWN_TABLES  a frame ui.table shows -> its Arrow table and    the frame being freed; 256 kept
              decimal columns
SENT_CHARTS   a figure ui.chart draws -> its copy whose dict   the figure being freed; 64 kept
              is made once
SENT_MAPS     a map ui.map_chart draws -> its copy whose dict  the figure being freed; 16 kept
              and JSON are made once                           (a map is megabytes)
CHART_PNGS    (sha256 of a figure's JSON, width, height,       a changed figure is another key;
              scale) -> its PNG from Chromium (images)         32 kept
DEFERRED      (database state, day, function, arguments) ->    a rebuild or a new day is another
              a download's result (ui.deferred)                key; 4 kept
INPUT_CHECKS  (data, metrics, database paths) -> (when, how    trusted RECHECK_SECONDS only, and
              long, the input hash) (ui.database)              only while checking is slow; 16 kept
SEEN_BUILT    (data, database, input hash) -> True once this   a new input hash is another key;
              process saw that state built (ui.database)       64 kept
CATALOGUES    (data, metrics folders, working folder, hash of   a changed catalogue file is another
              the catalogue's files) -> the catalogue read     key; 4 kept (the database of one
              and its tables in an in-memory DuckDB            is a few megabytes)
              (store.build.validate)
FILE_READS    per input file and reader: its (mtime_ns, size)  a file's size or time; a new
              stamp and what was read (store.fingerprint)      process
RELEASES      a served release's path -> (the inode, time and  a renamed-in release (another
              size of it and its manifest, the Manifest read)  stat) read afresh; kept while
              (ui.database.release_manifest)                   half in place; 4 kept

Streamlit's caches stay on the functions they wrap, keyed by their arguments (an argument
with a leading underscore is left out of the key):

function                      holds                                keyed by
ui.database._open             the read-only connection, or the     data folder, database path,
                              data's problems                      input hash, drafts; 4 kept
ui.database._open_last_good   the last good database's connection  its path and modification
                                                                   time; 1 kept
ui.database._cached           every ui.cached result: a page's     database state, day,
                              choices, views and tables            function, arguments; 256 kept
ui.database._prepared_add     the draft page's prepared report     the report, its choices, the
                                                                   folders, input hash; 16 kept
ui.database._open_release     a served release's read-only         its path, its database's
                              connection (sessions in flight       SHA-256 (a new release is a
                              finish on the one they hold)         new key), drafts; 4 kept

FILE_READS keeps, per input file, its sha256 or the reports sources.yaml names. A new process
starts empty and takes a database's `.digests` memo once (`recalled`); that memo file is written
again after a fingerprint that read a file (`reads`).

Not caches, but state a process keeps: views/briefing/images.py's one Chromium, started on
first use; ui/warm.py's `_warmed` flag, set once the replica's default pages have run (its
/ready answers 200 from then on, while the release is complete) and never cleared: a restarted
process warms again; ui/pageviews.py's `_SALT`, drawn per process for the page-view log's
session hashes.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Value = TypeVar("Value")
T = TypeVar("T")


class Kept(Generic[Value]):
    """A map that keeps its `size` most recently used entries."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, Value] = OrderedDict()
        self._lock = threading.RLock()  # a freed owner drops its entry, maybe mid-put

    def get(self, key: Hashable) -> Value | None:
        """Return the value kept under `key` (now the most recent), or None."""
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key]

    def put(self, key: Hashable, value: Value) -> Value:
        """Keep `value` under `key`, dropping the least recently used beyond `size`; return it."""
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        """Return how many entries are kept."""
        return len(self._entries)

    def clear(self) -> None:
        """Drop every entry."""
        with self._lock:
            self._entries.clear()


class ByObject(Generic[Value]):
    """Values worked out from live objects (frames, figures that are not hashable), kept while
    the object lives: an entry goes when its object is freed, so no other object can take its
    place under the same id(). At most `size` are kept, the least recently used going first."""

    def __init__(self, size: int) -> None:
        self._kept: Kept[tuple[weakref.ref, Value]] = Kept(size)

    def get(self, owner: object) -> Value | None:
        """Return the value worked out from `owner`, or None."""
        held = self._kept.get(id(owner))
        if held is None or held[0]() is not owner:
            return None
        return held[1]

    def put(self, owner: object, value: Value) -> Value:
        """Keep `value` for as long as `owner` lives; return it."""
        key = id(owner)
        kept = self._kept

        def forget(_: weakref.ref, key: int = key) -> None:
            with kept._lock:
                held = kept._entries.get(key)
                if held is not None and held[0]() is None:
                    del kept._entries[key]

        kept.put(key, (weakref.ref(owner, forget), value))
        return value

    def __len__(self) -> int:
        """Return how many entries are kept."""
        return len(self._kept)

    def clear(self) -> None:
        """Drop every entry."""
        self._kept.clear()


DRAWN_TABLES: ByObject[tuple] = ByObject(256)
SENT_CHARTS: ByObject[object] = ByObject(64)
SENT_MAPS: ByObject[object] = ByObject(16)
CHART_PNGS: Kept[bytes] = Kept(32)
DEFERRED: Kept[object] = Kept(4)
INPUT_CHECKS: Kept[tuple[float, float, str]] = Kept(16)
SEEN_BUILT: Kept[bool] = Kept(64)
RELEASES: Kept[tuple] = Kept(4)
CATALOGUES: Kept[object] = Kept(4)

# ---- input fingerprint (store.fingerprint) ------------------------------------------------


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
