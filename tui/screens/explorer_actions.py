"""The explorer's marking (space) and ranking (m) actions, and the view it exports (e, y)."""
from __future__ import annotations

from ..exporting import ExportView, explorer_export_view
from ..marks import MarkRequested, can_mark
from ..widgets.results import ResultsTable
from ..widgets.search_bar import SearchBar


class MarksAndViews:
    """Mixed into ExplorerScreen, which provides `store`, `listing` and `view_name()`."""

    # Named handler, not @on: the decorator only registers on MessagePump classes, not on a mixin.
    def on_mark_requested(self, event: MarkRequested) -> None:
        """Mark or unmark a company or region; anything else gets a hint."""
        if can_mark(event.selection):
            self.app.toggle_mark(event.selection.id)
        else:
            self.notify("Only companies and regions can be marked for comparison.", severity="warning")

    def open_saved(self, name: str) -> None:
        """Open a saved comparison (chosen in the tree's Saved node)."""
        from store import MfgError, one_line, saved_comparison

        from .compare import CompareScreen
        try:
            entry = saved_comparison(self.store, name)
        except MfgError as exc:
            self.notify(one_line(exc.message), severity="warning", markup=False)
            return
        self.app.push_screen(CompareScreen(self.store, list(entry.ids), hide_empty=not entry.empty_rows))

    def action_rank(self) -> None:
        """Rank by the figure in the detail pane: same category, same unit."""
        from .rank import RankScreen
        current = self.app.current
        fig = self.store.figures.get(current.id) if current and current.kind == "figure" else None
        if fig is None:
            self.notify("Show a figure first: m ranks by its category and unit.", severity="warning")
            return
        self.app.push_screen(RankScreen(self.store, fig.category, fig.unit, fig.kind, fig.status == "plan"))

    def export_view(self) -> ExportView | None:
        """The list as shown while the search box or results have focus, else the detail's item."""
        in_list = isinstance(self.app.focused, (SearchBar, ResultsTable))
        rows = self.query_one(ResultsTable).displayed_rows()
        query = self.listing.key if self.listing.kind == "search" else ""
        return explorer_export_view(self.store, self.view_name(), query, rows, in_list, self.app.current)
