"""Noticing that another program changed the store (or state.json) while the explorer shows it."""
from __future__ import annotations

from store import on_disk

from .user_state import SECTION


class DiskWatch:
    """What the store's files were when it was opened; `changed` says once that they are not."""

    def __init__(self) -> None:
        self.path = None
        self.seen: tuple = ()
        self.told = False
        self.reloading = False  # our own reload is under way: its writes are not news
        self.select = None  # what to show once the reload is done

    def opened(self, path) -> None:
        """The store at `path` was (re)opened just now."""
        self.path, self.seen, self.told, self.reloading = path, self._now(path), False, False

    @staticmethod
    def _now(path) -> tuple:
        """The files as they are; the explorer's own section of state.json (marks, history,
        the last view), which it writes itself, does not count."""
        return on_disk(path, ignore=(SECTION,))

    def changed(self) -> bool:
        """True the first time the files differ from when the store was opened."""
        if self.path is None or self.told or self.reloading:
            return False
        if self._now(self.path) == self.seen:
            return False
        self.told = True
        return True
