"""What the explorer remembers between runs (marks, search history, the last view), in state.json.

The file sits beside the store and holds the user's other state as well (decisions, saved
comparisons: store/persist/state.py): the explorer owns only its "tui" section, keeps every other
key as it found it, and changes the file through the library, atomically and under its lock. A
missing or unreadable file means "nothing remembered"; an unreadable one is never written over.
"""
from __future__ import annotations

from pathlib import Path

import orjson

from store import MfgError, StoreBusy, update_state_file

SECTION = "tui"
STATE_FILE = "state.json"
HISTORY_LIMIT = 100
LOCK_WAIT = 1.0  # seconds the explorer waits for another writer of state.json before going on


def state_path_for(store_path: Path | None) -> Path | None:
    """state.json in the store's folder (None for a store that has no file)."""
    return Path(store_path).with_name(STATE_FILE) if store_path else None


class UserState:
    """The "tui" section of the user-state file: read once, written back on every change."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.writable = path is not None
        self.section: dict = {}
        whole = self._read_whole()
        if whole is None:
            self.writable = False  # unreadable: keep it as the user left it
        elif isinstance(whole.get(SECTION), dict):
            self.section = dict(whole[SECTION])

    def _read_whole(self) -> dict | None:
        """The whole file as a dict ({} when absent), or None when it cannot be read as one."""
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = orjson.loads(self.path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        return data if isinstance(data, dict) else None

    def get(self, key: str, default=None):
        """One remembered value."""
        return self.section.get(key, default)

    def update(self, **values) -> None:
        """Remember some values and write the file (other sections re-read and kept)."""
        if all(self.section.get(k) == v for k, v in values.items()):
            return
        self.section.update(values)
        if not self.writable:
            return
        section = dict(self.section)
        try:  # a read-modify-write under the file's lock: a merge recorded meanwhile is kept
            update_state_file(self.path, lambda whole: whole.update({SECTION: section}), wait=LOCK_WAIT)
        except StoreBusy:
            pass  # another program is writing it this moment: the next change writes this one too
        except MfgError:
            self.writable = False  # unreadable, or a read-only folder: the explorer works on without memory


def remembered_query(history: list[str], query: str) -> list[str]:
    """The history with `query` as its newest entry (moved up if it was there), capped."""
    query = query.strip()
    if not query:
        return list(history)
    kept = [q for q in history if q != query]
    return [*kept, query][-HISTORY_LIMIT:]
