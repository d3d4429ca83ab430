"""The search input: `/` focuses it, escape leaves it; every keystroke asks for new results."""
from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

PLACEHOLDER = "/ search: company, region, figure, number (e.g. weihua, 8.88, company:crane)"


class SearchBar(Input):
    """An Input that reports when the user wants to leave it."""

    BINDINGS = [
        Binding("escape", "leave", "Leave search", tooltip="Back to the results", id="search.leave"),
        Binding("down", "leave", "Results", show=False, id="search.down"),
    ]

    @dataclass
    class Left(Message):
        """The user left the search box (escape or down)."""

        search_bar: SearchBar

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=PLACEHOLDER, **kwargs)

    def action_leave(self) -> None:
        """Tell the screen to move focus on."""
        self.post_message(self.Left(self))
