"""The search input: `/` focuses it, escape leaves it, up recalls earlier queries."""
from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

PLACEHOLDER = "/ search: company, region, figure, number (e.g. weihua, 8.88, company:crane)"


class SearchBar(Input):
    """An Input that reports when the user leaves it, and walks the query history with up/down."""

    BINDINGS = [
        Binding("escape", "leave", "Leave search", tooltip="Back to the results", id="search.leave"),
        Binding("up", "history(-1)", "Earlier query", show=False,
                tooltip="Recall the previous query (kept across restarts)", id="search.history_back"),
        Binding("down", "history(1)", "Results", show=False,
                tooltip="The next query in the history; past the newest, down to the results",
                id="search.down"),
    ]

    history: tuple[str, ...] = ()
    """Earlier queries, oldest first (set by the screen from the user state: attributes down)."""

    @dataclass
    class Left(Message):
        """The user left the search box (escape, or down past the history)."""

        search_bar: SearchBar

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=PLACEHOLDER, **kwargs)
        self._recalled: int | None = None  # index into history while walking it
        self._draft = ""  # what was typed before walking the history

    def action_leave(self) -> None:
        """Tell the screen to move focus on."""
        self._recalled = None
        self.post_message(self.Left(self))

    def action_history(self, step: int) -> None:
        """Walk the history: -1 older, +1 newer; down past the newest entry leaves the box."""
        if self._recalled is None:
            if step > 0 or not self.history:
                if step > 0:
                    self.action_leave()
                return
            self._draft = self.value
            self._recalled = len(self.history)
        at = self._recalled + step
        if at < 0:
            return
        if at >= len(self.history):
            self._recalled = None
            self.value = self._draft
        else:
            self._recalled = at
            self.value = self.history[at]
        self.cursor_position = len(self.value)

    def set_quietly(self, value: str) -> None:
        """Show `value` without starting a search (the results now list something else)."""
        self._recalled = None
        with self.prevent(Input.Changed):
            self.value = value
