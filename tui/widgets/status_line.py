"""The status line: what the screen shows (view, query, sort, marks) and the active filters as chips.

Each chip is a small button: enter or a click removes that filter. The line is set by its screen
(attributes down); removing a chip posts ChipRemoved, which the app handles (messages up).
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Static

from store import visible

CHIP_CLOSE = " ✕"


@dataclass
class ChipRemoved(Message):
    """The user removed a filter chip."""

    chip: object  # store.Chip


class FilterChip(Button):
    """One active filter; pressing it removes the filter."""

    def __init__(self, chip) -> None:
        super().__init__(Text(visible(chip.label) + CHIP_CLOSE), compact=True, classes="chip",
                         tooltip="Remove this filter (enter or click)")
        self.chip = chip

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Ask for the filter to go."""
        event.stop()
        self.post_message(ChipRemoved(self.chip))


class StatusLine(Horizontal):
    """One line: a summary of the view, then a chip per active filter."""

    summary: reactive[str] = reactive("")
    chips: reactive[tuple] = reactive(tuple, recompose=True)

    def compose(self) -> ComposeResult:
        """The summary text, then the chips."""
        yield Static(Text(self.summary), id="status-text", markup=False)
        for chip in self.chips:
            yield FilterChip(chip)

    def show(self, view: str, rows: int | None = None, sort: str = "") -> None:
        """Describe the screen's view; marks and filters come from the app."""
        filters = self.app.filters
        chips = tuple(filters.chips(self.app.store)) if filters else ()
        self.summary = summary_text(view, rows, sort, len(self.app.marked), len(chips))
        if self.chips != chips:
            self.chips = chips

    def watch_summary(self, summary: str) -> None:
        """Redraw the summary in place (chips stay)."""
        if self.is_mounted and self.query("#status-text"):
            self.query_one("#status-text", Static).update(Text(summary))


def summary_text(view: str, rows: int | None = None, sort: str = "", marks: int = 0, filters: int = 0) -> str:
    """'search “weihua” · 12 rows · sort: value · 2 marked · filters:' (parts that apply)."""
    parts = [view]
    if rows is not None:
        parts.append(f"{rows} row{'' if rows == 1 else 's'}")
    if sort:
        parts.append(f"sort: {sort}")
    if marks:
        parts.append(f"{marks} marked")
    parts.append("filters (f):" if filters else "no filters (f)")
    return " · ".join(parts)
