"""A file made on click survives other sessions' script runs until the browser fetches it.

Streamlit's orphan sweep runs at the end of every session's script run; without the hold, two
runs of other sessions between a click and its GET delete the made file (a 404 under load).
"""

from __future__ import annotations

from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.media_file_storage import MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from ruraldash.ui import downloads_held


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _clicked(manager: MediaFileManager) -> str:
    """A download button's deferred file, clicked: return the made file's name in its URL."""
    deferred = manager.add_deferred(lambda: b"a,b\r\n1,2\r\n", "text/csv", "1.(2).3", "t.csv")
    return manager.execute_deferred(deferred).rsplit("/", 1)[1]


def _other_sessions_run(manager: MediaFileManager, runs: int = 2) -> None:
    """Script runs of other sessions finish: each ends with Streamlit's orphan sweep."""
    for _ in range(runs):
        manager.remove_orphaned_files()


def test_without_the_hold_two_other_runs_delete_a_file_made_on_click() -> None:
    """The mechanism the hold exists for: if Streamlit changes it, this test says so."""
    storage = MemoryMediaFileStorage("/media")
    manager = MediaFileManager(storage)
    name = _clicked(manager)
    _other_sessions_run(manager, 1)
    assert storage.get_file(name).content  # marked only
    _other_sessions_run(manager, 1)
    try:
        storage.get_file(name)
    except MediaFileStorageError:
        return
    raise AssertionError("Streamlit kept a made file through two sweeps: the hold may go")


def test_a_held_file_survives_other_runs_and_goes_after_its_hold() -> None:
    storage = MemoryMediaFileStorage("/media")
    manager = MediaFileManager(storage)
    clock = Clock()
    downloads_held.hold(manager, clock)
    downloads_held.hold(manager, clock)  # once per process, however often asked
    name = _clicked(manager)
    _other_sessions_run(manager, 10)
    assert storage.get_file(name).content == b"a,b\r\n1,2\r\n"
    assert manager.execute_deferred.__wrapped__.__self__ is manager  # wrapped once only
    clock.now += downloads_held.HOLD_SECONDS + 1
    _other_sessions_run(manager, 2)  # the hold ended: the sweep deletes it as before
    assert manager.read_file(name) is None
