"""The results table: search hits or a region's contents, sortable by value, category, document."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from store import Row, sort_rows

from ..highlight import highlighted_label, plain
from ..marks import MARKER, MarkRequested
from ..state import Selection

COLUMNS = (("", "kind", 4), ("label", "label", 30), ("value", "value", None),
           ("subject", "subject", 24), ("category", "category", None), ("document", "document", None))
# Short kind marks keep the label column in view on narrow terminals (4 wide: room for a mark, "●reg").
KIND_MARKS = {"figure": "fig", "company": "co", "region": "reg"}
SORTABLE = ("rank", "value", "category", "document")


class ResultsTable(DataTable):
    """Rows of companies, regions and figures; the highlighted row drives the detail pane."""

    BINDINGS = [
        Binding("s", "cycle_sort", "Sort", tooltip="Sort by value, category, document, relevance",
                id="results.sort"),
        Binding("space", "mark", "Mark", tooltip="Mark/unmark the company or region for comparison (c)",
                id="results.mark"),
    ]

    marked: reactive[tuple[str, ...]] = reactive(tuple)
    """Ids the app has marked; their rows show MARKER (set by the screen: attributes down)."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto a row."""

        selection: Selection

    @dataclass
    class Chosen(Message):
        """A row was chosen with enter or a click."""

        selection: Selection

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.rows_shown: list[Row] = []
        self.sort_column = "rank"
        self._query = ""

    def on_mount(self) -> None:
        """Create the columns once."""
        for label, key, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    def show_rows(self, rows: list[Row], query: str = "") -> None:
        """Replace the table's rows (keeping the current sort); `query` drives the highlight."""
        self._query = query
        self.rows_shown = list(rows)
        self._render_rows()

    def _render_rows(self) -> None:
        """Redraw rows in the current sort order, cursor back on the first row."""
        # A refill is not the user moving the cursor: it must not change the detail pane.
        with self.prevent(DataTable.RowHighlighted):
            self.clear()
            for i, row in enumerate(sort_rows(self.rows_shown, self.sort_column)):
                label = highlighted_label(row.label, self._query) if self._query else plain(row.label)
                self.add_row(self._kind_cell(row.kind, row.id), label,
                             Text(row.value_text, justify="right"), plain(row.subject),
                             row.category, plain(row.document), key=f"{i}:{row.kind}:{row.id}")
        self.border_subtitle = f"{len(self.rows_shown)} rows · sort: {self.sort_column}"

    def _kind_cell(self, kind: str, item_id: str) -> str:
        """The short kind mark, with MARKER in front when the item is marked."""
        mark = KIND_MARKS.get(kind, kind)
        return f"{MARKER}{mark}" if item_id in self.marked else mark

    def watch_marked(self) -> None:
        """Update the kind cells in place, so the cursor stays where it is."""
        for key in list(self.rows):
            sel = self._selection(key)
            self.update_cell(key, "kind", self._kind_cell(sel.kind, sel.id))

    def cursor_selection(self) -> Selection | None:
        """The item on the cursor row (None when the table is empty)."""
        if not self.row_count:
            return None
        return self._selection(self.coordinate_to_cell_key(self.cursor_coordinate).row_key)

    def action_mark(self) -> None:
        """Ask the screen to mark or unmark the row's company or region."""
        self.post_message(MarkRequested(self.cursor_selection()))

    def move_to(self, selection: Selection) -> None:
        """Put the cursor on the row showing `selection`, if there is one."""
        for index, key in enumerate(self.rows):
            if self._selection(key) == selection:
                self.move_cursor(row=index)
                return

    def sort_by(self, column: str) -> None:
        """Order the rows by `column` (one of SORTABLE)."""
        self.sort_column = column
        self._render_rows()

    def action_cycle_sort(self) -> None:
        """Sort by the next sortable column."""
        self.sort_by(SORTABLE[(SORTABLE.index(self.sort_column) + 1) % len(SORTABLE)])

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """Clicking a sortable header sorts by it."""
        key = str(event.column_key.value)
        if key in SORTABLE:
            event.stop()
            self.sort_by(key)

    def _selection(self, row_key) -> Selection:
        """The Selection a row key stands for."""
        _, kind, item_id = str(row_key.value).split(":", 2)
        return Selection(kind, item_id)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Turn the table's own event into ours."""
        event.stop()
        if event.row_key is not None and event.row_key.value:
            self.post_message(self.Highlighted(self._selection(event.row_key)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Turn the table's own event into ours."""
        event.stop()
        self.post_message(self.Chosen(self._selection(event.row_key)))
