"""What the explorer remembers between runs (marks, search history, the last view), in state.json.

The file sits beside the store and may hold other user state as well: the explorer owns only its
"tui" section, keeps every other key as it found it, and replaces the file atomically. A missing
or unreadable file means "nothing remembered"; an unreadable one is never written over.
"""
from __future__ import annotations

from pathlib import Path

import orjson

from store import write_atomic

SECTION = "tui"
STATE_FILE = "state.json"
HISTORY_LIMIT = 100


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
        whole = self._read_whole()
        if whole is None:
            self.writable = False
            return
        whole[SECTION] = self.section
        try:
            write_atomic(self.path, orjson.dumps(whole, option=orjson.OPT_INDENT_2))
        except OSError:
            self.writable = False  # a read-only folder: the explorer works on without memory


def remembered_query(history: list[str], query: str) -> list[str]:
    """The history with `query` as its newest entry (moved up if it was there), capped."""
    query = query.strip()
    if not query:
        return list(history)
    kept = [q for q in history if q != query]
    return [*kept, query][-HISTORY_LIMIT:]
