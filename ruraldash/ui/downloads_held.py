"""Keep a file made on click until the browser has fetched it.

Streamlit 1.67 makes a deferred download (st.download_button with a callable) in
MediaFileManager.execute_deferred and stores it referenced by no session. Its orphan sweep,
remove_orphaned_files, runs at the end of every script run of every session in the process: the
first marks such a file, the second deletes it. So under load, two script runs of other
sessions between a click and the browser's GET (the frontend fetches twice: a check, then the
download) make the download 404. Streamlit has no setting for this; hold_made_files() gives
each made file a reference of its own for HOLD_SECONDS, which the sweep honours, and drops it
after, so the file goes as before. tests/ui/test_downloads_held.py fails if Streamlit changes
the mechanism.
"""

from __future__ import annotations

import functools
import posixpath
import time
from collections.abc import Callable

from streamlit import runtime
from streamlit.runtime.media_file_manager import MediaFileManager

# Long enough for a slow browser's two fetches under load; a made file is at most megabytes.
HOLD_SECONDS = 120.0
# Where held files are referenced: a name no Streamlit session id (a UUID) can take.
HOLDER = "ruraldash:downloads-held"


def hold_made_files() -> None:
    """Hold the files this process's deferred downloads make (once per process; no-op outside
    a Streamlit runtime)."""
    if runtime.exists():
        hold(runtime.get_instance().media_file_mgr)


def hold(manager: MediaFileManager, clock: Callable[[], float] = time.monotonic) -> None:
    """Make `manager` keep every file execute_deferred makes for HOLD_SECONDS (idempotent)."""
    if getattr(manager, "_ruraldash_held", None) is not None:
        return
    held: dict[str, float] = {}  # file id -> when its hold ends
    manager._ruraldash_held = held
    made, sweep = manager.execute_deferred, manager.remove_orphaned_files

    def release_expired(now: float) -> dict[str, str]:
        """Drop the holds that have ended (the caller holds the lock); return the references."""
        references = manager._files_by_session_and_coord[HOLDER]
        for expired in [name for name, until in held.items() if until <= now]:
            del held[expired]
            references.pop(expired, None)
        return references

    @functools.wraps(made)
    def execute_deferred(file_id: str) -> str:
        url = made(file_id)
        made_id = posixpath.splitext(posixpath.basename(url))[0]
        now = clock()
        with manager._lock:
            release_expired(now)[made_id] = made_id
            held[made_id] = now + HOLD_SECONDS
        return url

    @functools.wraps(sweep)
    def remove_orphaned_files() -> None:
        with manager._lock:
            release_expired(clock())
        sweep()

    manager.execute_deferred = execute_deferred
    manager.remove_orphaned_files = remove_orphaned_files
