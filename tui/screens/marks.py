"""The marks list (`M`): the marked companies and regions in comparison order; unmark, reorder, compare."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ..highlight import plain
from ..state import Selection

HINT = "space unmark · K/J move up/down · c compare · enter show · escape close"


def moved(marked: tuple[str, ...], index: int, step: int) -> tuple[str, ...]:
    """The marks with the one at `index` moved by `step` places (clamped at the ends)."""
    target = max(0, min(len(marked) - 1, index + step))
    items = list(marked)
    items.insert(target, items.pop(index))
    return tuple(items)


class MarksScreen(ModalScreen[None]):
    """A table of the app's marks (attributes down from the app; every change goes back to it)."""

    BINDINGS = [
        Binding("escape,M", "dismiss", "Close", tooltip="Back to where you were", id="marks.close"),
        Binding("space,delete,x", "unmark", "Unmark", key_display="space",
                tooltip="Unmark the highlighted item", id="marks.unmark"),
        Binding("K,shift+up", "move(-1)", "Move up", key_display="K",
                tooltip="Move the item one column to the left in the comparison", id="marks.up"),
        Binding("J,shift+down", "move(1)", "Move down", key_display="J",
                tooltip="Move the item one column to the right in the comparison", id="marks.down"),
        Binding("c", "compare", "Compare", tooltip="Compare the marked items in this order", id="marks.compare"),
        Binding("enter", "open", "Show", tooltip="Show the item in the explorer", id="marks.open",
                priority=True),
    ]

    def __init__(self, store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        """The table of marks and a line of keys."""
        with Vertical(id="marks-box") as box:
            box.border_title = "marked items (comparison order)"
            box.border_subtitle = HINT
            yield DataTable(id="marks-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text("Nothing is marked: press space on a company or region.", "dim"), id="marks-empty")

    def on_mount(self) -> None:
        """Fill the table, and follow the app's marks from now on."""
        table = self.query_one(DataTable)
        table.add_columns("#", "name", "kind", "figures")
        self.watch(self.app, "marked", self.fill)
        table.focus()

    def fill(self, marked: tuple[str, ...]) -> None:
        """One row per mark, in order; the cursor keeps its position."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for n, entity_id in enumerate(marked, 1):
            table.add_row(str(n), plain(self.store.name_of(entity_id)), self.store.kind_of(entity_id) or "",
                          str(len(self.store.figures_of(entity_id))), key=entity_id)
        table.move_cursor(row=min(row, max(0, len(marked) - 1)))
        self.query_one("#marks-empty").display = not marked

    def _cursor(self) -> int | None:
        """The index of the highlighted mark (None when there are none)."""
        return self.query_one(DataTable).cursor_row if self.app.marked else None

    def action_unmark(self) -> None:
        """Unmark the highlighted item."""
        at = self._cursor()
        if at is not None:
            self.app.marked = tuple(m for i, m in enumerate(self.app.marked) if i != at)

    def action_move(self, step: int) -> None:
        """Move the highlighted item up or down; the cursor moves with it."""
        at = self._cursor()
        if at is None:
            return
        self.app.marked = moved(self.app.marked, at, step)
        self.query_one(DataTable).move_cursor(row=max(0, min(len(self.app.marked) - 1, at + step)))

    def action_compare(self) -> None:
        """Close the list and compare."""
        self.dismiss(None)
        self.app.call_later(self.app.action_compare)

    def action_open(self) -> None:
        """Close the list and show the highlighted item in the explorer."""
        at = self._cursor()
        if at is None:
            return
        entity_id = self.app.marked[at]
        self.dismiss(None)
        self.app.call_later(self.app.jump_to, Selection(self.store.kind_of(entity_id), entity_id))

    def action_dismiss(self) -> None:
        """Close the list."""
        self.dismiss(None)
