"""The comparison screen: category × kind down (plans in their own rows, last), marked companies/regions
across, each fact once in its cell (with how many sources state it)."""
from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from store import (
    MfgError,
    Narrowing,
    compare,
    comparison_markdown,
    figure_summary,
    one_line,
    save_comparison,
    toggle_empty_rows,
)

from ..exporting import ExportView
from ..highlight import plain
from ..keymap import back_binding, sources_binding
from ..widgets.columns import widest
from ..widgets.link_marks import link_mark
from ..widgets.status_line import StatusLine

MIN_COLUMN = 26
# Border (2), vertical scrollbar (2) and one cell of padding each side of every column.
CHROME = 4


def column_width(screen_width: int, columns: int, measure_width: int) -> int:
    """Width of each entity column so the table fits the screen (scrolls sideways below MIN_COLUMN)."""
    free = screen_width - CHROME - measure_width - 2 * (columns + 1)
    return max(MIN_COLUMN, free // max(1, columns))


def cell_text(store, figures) -> Text:
    """A cell: each fact's value with qualifier and period and its sources mark, its metric dimmed beneath."""
    if not figures:
        return Text("—", "dim")
    text = Text()
    for i, fig in enumerate(figures):
        if i:
            text.append("\n")
        text.append(plain(figure_summary(fig), "bold"))
        text.append(link_mark(store, fig))  # "✓ N sources" when other articles state it too
        text.append(plain(f"\n  {fig.metric}", "dim"))
    return text


class CompareScreen(Screen[None]):
    """Holds a store Comparison and shows it under the app's filters (h toggles empty rows)."""

    BINDINGS = [
        back_binding("compare", "Back to the explorer"),
        Binding("h", "toggle_empty", "Empty rows", tooltip="Show or hide rows with no figure",
                id="compare.toggle_empty"),
        Binding("m", "rank_row", "Rank row", tooltip="Rank every entity by this row's category and kind",
                id="compare.rank"),
        sources_binding("compare", "The cell's figures in their source passages"),
        Binding("s", "save", "Save", tooltip="Save this comparison under a name (the tree's Saved node reopens it)",
                id="compare.save"),
    ]

    def __init__(self, store, entity_ids: list[str], hide_empty: bool = True) -> None:
        super().__init__()
        self.store = store
        self.base = compare(store, entity_ids, hide_empty=hide_empty)
        self.comparison = self.base

    def compose(self) -> ComposeResult:
        """Header, the comparison table, the status line, footer."""
        yield Header()
        yield DataTable(id="compare-table", cursor_type="cell", zebra_stripes=True)
        yield StatusLine(id="status")
        yield Footer()

    def on_resize(self) -> None:
        """Columns share the new width."""
        self.fill()

    def on_mount(self) -> None:
        """Title the screen, fill the table, and follow the app's filters."""
        self.title = "compare: " + " vs ".join(c.name for c in self.base.columns)
        self.watch(self.app, "filters", lambda _: self.fill())

    def fill(self) -> None:
        """Redraw the table from the comparison under the filters, keeping the cursor's column."""
        filters = self.app.filters
        self.comparison = Narrowing(self.store, filters).comparison(self.base) if filters else self.base
        table = self.query_one(DataTable)
        column = table.cursor_column
        table.clear(columns=True)
        measure_width = widest((r.label for r in self.comparison.rows), "measure")
        width = column_width(self.size.width, len(self.comparison.columns), measure_width)
        table.add_column("measure", width=measure_width, key="category")
        for col in self.comparison.columns:
            table.add_column(Text.assemble(plain(col.name, "bold"), (f" {col.kind}", "dim")),
                             width=width, key=col.entity_id)
        for row in self.comparison.rows:
            table.add_row(Text(row.label, "italic" if row.plan else "bold"),
                          *(cell_text(self.store, figs) for figs in row.cells),
                          height=None, key=row.key)
        table.move_cursor(row=0, column=max(1, column))
        shown = "hidden (h shows)" if self.comparison.hidden_empty else "shown (h hides)"
        table.border_subtitle = f"{len(self.comparison.rows)} rows · plans last · empty rows {shown}"
        self.query_one(StatusLine).show(f"comparison of {len(self.comparison.columns)}", len(self.comparison.rows))

    def cursor_figures(self) -> tuple[str, list]:
        """The row label under the cursor and the figures of the cell (the whole row on 'measure'),
        every source of each fact included."""
        table = self.query_one(DataTable)
        if not self.comparison.rows:
            return "", []
        row = self.comparison.rows[min(table.cursor_row, len(self.comparison.rows) - 1)]
        column = table.cursor_column
        shown = [f for cell in row.cells for f in cell] if column == 0 else list(row.cells[column - 1])
        return row.label, [s for f in shown for s in self.comparison.sources_of(f)]

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        """A click on a cell opens its sources, as enter does."""
        event.stop()
        self.action_show_sources()

    def action_toggle_empty(self) -> None:
        """Show or hide rows where no compared entity has a figure."""
        self.base = toggle_empty_rows(self.store, self.base)
        self.fill()

    def action_show_sources(self) -> None:
        """Open the cell's figures in their source passages."""
        from .sources import SourcesScreen
        category, figures = self.cursor_figures()
        column = self.query_one(DataTable).cursor_column
        who = "all" if column == 0 else self.comparison.columns[column - 1].name
        self.app.push_screen(SourcesScreen(self.store, figures, f"{category} · {who}"))

    def action_rank_row(self) -> None:
        """Rank by the row's category and kind, in the unit most of the row's figures use."""
        from .rank import RankScreen
        if not self.comparison.rows:
            return
        row = self._row()
        units = Counter(f.unit for cell in row.cells for f in cell)
        self.app.push_screen(RankScreen(self.store, row.category, units.most_common(1)[0][0] if units else None,
                                        row.kind, row.plan))

    def _row(self):
        """The row under the cursor."""
        table = self.query_one(DataTable)
        return self.comparison.rows[min(table.cursor_row, len(self.comparison.rows) - 1)]

    def action_save(self) -> None:
        """Ask for a name, then save the comparison under it (in state.json beside the store)."""
        from .ask import NameModal
        names = " vs ".join(c.name for c in self.comparison.columns)
        self.app.push_screen(NameModal("save this comparison as", names), self.save_as)

    def save_as(self, name: str | None) -> None:
        """Save under `name` (None: cancelled); the tree's Saved node shows it."""
        if name is None:
            return
        try:
            said = save_comparison(self.store, name, [c.entity_id for c in self.comparison.columns],
                                   empty_rows=not self.comparison.hidden_empty)
        except MfgError as exc:
            self.notify(one_line(exc.message), title="not saved", severity="error", markup=False)
            return
        self.notify(one_line(said), title="saved", markup=False)
        self.app.saved_changed()

    def export_view(self) -> ExportView:
        """The comparison as shown (filters applied, empty rows hidden or not)."""
        comparison = self.comparison
        return ExportView("comparison", " vs ".join(c.name for c in comparison.columns),
                          lambda: comparison_markdown(self.store, comparison))
