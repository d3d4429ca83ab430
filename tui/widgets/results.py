"""The results table: search hits or a view's rows, sortable, its columns sized by their content."""
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
from .columns import Column, middle_ellipsis, share, widest

# Short kind names when the full words would take room from the labels.
KIND_MARKS = {"figure": "fig", "company": "co", "region": "reg"}
SORTABLE = ("rank", "value", "period", "category", "document")
SCROLLBAR = 1  # the vertical scrollbar (app.tcss makes it one cell)


def row_selection(row: Row) -> Selection:
    """The item a row shows."""
    return Selection(row.kind, row.id)


class ResultsTable(DataTable):
    """Rows of companies, regions and figures; the highlighted row drives the detail pane."""

    BINDINGS = [
        Binding("s", "cycle_sort", "Sort", show=False, tooltip="Sort by value, period, category, document, relevance",
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

    @dataclass
    class Sorted(Message):
        """The sort order changed (the status line shows it)."""

        column: str

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.rows_shown: list[Row] = []
        self.sort_column = "rank"
        self._query = ""
        self._laid_out_for = 0  # the width the columns were last sized for (0: never)
        self._waiting: Selection | None = None  # where the cursor goes when rows wait for a width
        self.wide_kinds = True

    def show_rows(self, rows: list[Row], query: str = "") -> None:
        """Replace the table's rows (keeping the current sort); `query` drives the highlight."""
        self._query = query
        self.rows_shown = list(rows)
        self._render_rows(keep=None)

    def displayed_rows(self) -> list[Row]:
        """The rows in the order the table shows them (what export and copy write)."""
        return sort_rows(self.rows_shown, self.sort_column)

    def on_resize(self) -> None:
        """Columns share the new width; the cursor stays on its row."""
        if self.size.width != self._laid_out_for:
            self._render_rows(keep=self.cursor_selection())

    def _cells(self, row: Row, wide: bool) -> dict[str, Text]:
        """Every cell of one row, by column key, before fitting."""
        label = highlighted_label(row.label, self._query) if self._query else plain(row.label)
        return {"kind": Text(self._kind_text(row.kind, row.id, wide)), "label": label,
                "value": Text(row.value_text, justify="right"), "period": plain(row.period),
                "subject": plain(row.subject), "category": Text(row.category),
                "document": plain(row.document)}

    def _layout(self, cells: list[dict[str, Text]]) -> dict[str, int]:
        """Column widths from the cells: kind, value and period whole; label and subject flexible;
        a column no row fills is left out."""
        def want(key: str, header: str) -> int:
            return widest((c[key] for c in cells), header)

        def filled(key: str) -> bool:
            return any(c[key].plain for c in cells)
        kinds = max((len(c["kind"].plain.lstrip(MARKER)) for c in cells), default=1)
        columns = [Column("kind", kinds + len(MARKER)), Column("label", want("label", "what"), least=12)]
        columns += [Column(key, want(key, key)) for key in ("value", "period") if filled(key)]
        columns += [Column("subject", want("subject", "about"), least=10, optional=True)] * filled("subject")
        columns += [Column("category", want("category", "category"), optional=True)] * filled("category")
        columns += [Column("document", want("document", "document"), least=12, optional=True)] * filled("document")
        return share(self.size.width - SCROLLBAR, columns)

    def _render_rows(self, keep: Selection | None) -> None:
        """Redraw columns and rows in the current sort order; the cursor goes to `keep` or the top."""
        ordered = self.displayed_rows()
        if not self.size.width:
            # Not laid out yet (the screen is mounting): the first resize draws the rows at the
            # table's width. Drawn now, they would be sized for no width and painted for nothing.
            self._waiting = keep if keep in {row_selection(r) for r in ordered} else None
            self._laid_out_for = 0
            self._count_rows()
            return
        self._waiting = None
        self.wide_kinds = True  # kinds written out, unless that costs the labels room
        cells = [self._cells(row, True) for row in ordered]
        widths = self._layout(cells)
        if widths.get("label", 0) < widest((c["label"] for c in cells), "what"):
            self.wide_kinds = False
            cells = [self._cells(row, False) for row in ordered]
            widths = self._layout(cells)
        self._laid_out_for = self.size.width
        # A refill is not the user moving the cursor: it must not change the detail pane.
        with self.prevent(DataTable.RowHighlighted):
            self.clear(columns=True)
            for key, width in widths.items():
                header = {"kind": "", "label": "what", "subject": "about"}.get(key, key)
                self.add_column(Text(header, justify="right") if key == "value" else header, key=key, width=width)
            for i, (row, row_cells) in enumerate(zip(ordered, cells)):
                fitted = [middle_ellipsis(row_cells[k], w) for k, w in widths.items()]
                self.add_row(*fitted, key=f"{i}:{row.kind}:{row.id}")
            if keep is not None:
                self.move_to(keep)
        self._count_rows()

    def _count_rows(self) -> None:
        """The border's subtitle: how many rows, and the sort."""
        count = len(self.rows_shown)
        self.border_subtitle = f"{count} row{'' if count == 1 else 's'} · sort: {self.sort_column} (s)"

    def _kind_text(self, kind: str, item_id: str, wide: bool) -> str:
        """The kind of a row (short when narrow), with MARKER in front when the item is marked."""
        name = kind if wide else KIND_MARKS.get(kind, kind)
        return f"{MARKER}{name}" if item_id in self.marked else name

    def watch_marked(self) -> None:
        """Update the kind cells in place, so the cursor stays where it is."""
        if "kind" not in self.columns:
            return
        for key in list(self.rows):
            sel = self._selection(key)
            self.update_cell(key, "kind", self._kind_text(sel.kind, sel.id, self.wide_kinds))

    def cursor_selection(self) -> Selection | None:
        """The item on the cursor row (None when the table is empty)."""
        if not self._laid_out_for:  # rows waiting for a width: the cursor will go to the top or `_waiting`
            ordered = self.displayed_rows()
            return self._waiting or (row_selection(ordered[0]) if ordered else None)
        if not self.row_count:
            return None
        return self._selection(self.coordinate_to_cell_key(self.cursor_coordinate).row_key)

    def action_mark(self) -> None:
        """Ask the screen to mark or unmark the row's company or region."""
        self.post_message(MarkRequested(self.cursor_selection()))

    def move_to(self, selection: Selection) -> bool:
        """Put the cursor on the row showing `selection`; False if no row shows it."""
        if not self._laid_out_for:
            if selection in {row_selection(r) for r in self.rows_shown}:
                self._waiting = selection
                return True
            return False
        for index, key in enumerate(self.rows):
            if self._selection(key) == selection:
                self.move_cursor(row=index)
                return True
        return False

    def sort_by(self, column: str) -> None:
        """Order the rows by `column` (one of SORTABLE); the cursor stays on its item."""
        self.sort_column = column
        self._render_rows(keep=self.cursor_selection())
        self.post_message(self.Sorted(column))
        selection = self.cursor_selection()
        if selection is not None and self.has_focus:
            self.post_message(self.Highlighted(selection))  # the detail shows the cursor's row

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
