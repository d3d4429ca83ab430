"""The main screen: region tree, search and results, detail pane; it routes messages between them."""
from __future__ import annotations

from dataclasses import dataclass, field

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from store import entity_rows, result_rows

from ..state import Selection
from ..widgets.detail import DetailPane
from ..widgets.region_tree import RegionTree
from ..widgets.results import ResultsTable
from ..widgets.search_bar import SearchBar
from .explorer_actions import MarksAndViews


class ExplorerScreen(MarksAndViews, Screen[None]):
    """Attributes down (selection, rows), messages up (Picked, Highlighted, Left)."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", tooltip="Focus the search box", id="explorer.search",
                priority=True),
        Binding("n", "step_mention(1)", "Next mention", tooltip="Next place the company/region is named",
                id="explorer.next_mention"),
        Binding("N", "step_mention(-1)", "Prev mention", key_display="N",
                tooltip="Previous place the company/region is named", id="explorer.prev_mention"),
        Binding("ctrl+b", "toggle_pane('#tree')", "Tree", tooltip="Show/hide the region tree",
                id="explorer.toggle_tree"),
        Binding("ctrl+d", "toggle_pane('#detail')", "Detail", show=False,
                tooltip="Show/hide the detail pane", id="explorer.toggle_detail"),
        Binding("c", "compare", "Compare", tooltip="Compare the marked companies/regions side by side",
                id="explorer.compare"),
        Binding("m", "rank", "Rank", tooltip="Rank every entity by the shown figure's category and unit",
                id="explorer.rank"),
        Binding("t", "focus('#tree')", "Go to tree", show=False, id="explorer.focus_tree"),
        Binding("r", "focus('#results')", "Go to results", show=False, id="explorer.focus_results"),
        Binding("d", "focus('#detail')", "Go to detail", show=False, id="explorer.focus_detail"),
    ]

    @dataclass
    class SearchDone(Message):
        """Rows for query number `seq`, computed in a worker."""

        seq: int
        query: str
        rows: list
        results: list = field(default_factory=list)  # the store's Results behind the rows (export needs scores)

    def __init__(self, store) -> None:
        super().__init__()
        self.store = store
        self._seq = 0
        self.search_query = ""  # the query behind the results table ('' when it lists a region's rows)
        self.search_results: list = []

    def compose(self) -> ComposeResult:
        """Header, the three panes, footer."""
        yield Header()
        with Horizontal(id="body"):
            yield RegionTree(self.store, id="tree")
            with Vertical(id="centre"):
                yield SearchBar(id="search")
                yield ResultsTable(id="results")
            yield DetailPane(self.store, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        """Titles for the panes, and the keyboard starts in the search box."""
        self.query_one("#tree").border_title = "regions"
        self.query_one("#results").border_title = "results"
        self.query_one("#detail").border_title = "detail"
        self.query_one(SearchBar).focus()
        self.watch(self.app, "marked", self.marks_changed)

    def marks_changed(self, marked: tuple[str, ...]) -> None:
        """Hand the app's marks down to the panes that show markers."""
        for pane in (self.query_one(RegionTree), self.query_one(ResultsTable), self.query_one(DetailPane)):
            pane.marked = marked

    # ---- showing things -------------------------------------------------------------------
    def show(self, selection: Selection) -> None:
        """Put `selection` in the detail pane and record it as the app's current item."""
        self.query_one(DetailPane).selection = selection
        self.app.current = selection
        self.refresh_bindings()

    def show_rows(self, rows: list, query: str = "", results: list | None = None) -> None:
        """Fill the results table and record the rows as the app's current results."""
        self.query_one(ResultsTable).show_rows(rows, query)
        self.app.results = rows
        self.search_query, self.search_results = query, list(results or [])

    def jump_to(self, selection: Selection) -> None:
        """Show any item: reveal it in the tree, list its rows, and put it in the detail pane."""
        if selection.kind == "figure":
            subject = self.store.figures[selection.id].subject_id
            if subject:  # list the figure among its subject's figures, cursor on it
                self.show_rows(entity_rows(self.store, subject))
                self.query_one(ResultsTable).move_to(selection)
        else:
            self.query_one(RegionTree).reveal(selection)
            self.show_rows(entity_rows(self.store, selection.id))
        self.show(selection)

    # ---- search ---------------------------------------------------------------------------
    @on(SearchBar.Changed)
    def search_changed(self, event: SearchBar.Changed) -> None:
        """Every keystroke starts a fresh search; older ones are cancelled."""
        self._seq += 1
        self.run_search(self._seq, event.value)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, seq: int, query: str) -> None:
        """Search in a thread so typing never waits; post the rows unless superseded."""
        results = self.store.search(query, limit=50) if query.strip() else []
        rows = result_rows(self.store, results)
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(seq, query, rows, results))

    @on(SearchDone)
    def search_done(self, event: SearchDone) -> None:
        """Show a search's rows, unless a newer query has been typed since."""
        if event.seq == self._seq:
            self.show_rows(event.rows, event.query, event.results)
            if event.rows:  # the detail previews the best hit while typing
                self.show(Selection(event.rows[0].kind, event.rows[0].id))

    @on(SearchBar.Submitted)
    @on(SearchBar.Left)
    def leave_search(self) -> None:
        """Enter, down or escape in the search box moves to the results."""
        self.query_one(ResultsTable).focus()

    # ---- following the cursor -------------------------------------------------------------
    @on(RegionTree.Picked)
    def tree_picked(self, event: RegionTree.Picked) -> None:
        """The detail follows the tree cursor; choosing a node also lists its rows (or opens a
        saved comparison)."""
        if event.selection.kind == "saved":
            self.query_one(DetailPane).selection = event.selection
            if event.chosen:
                self.open_saved(event.selection.id)
            return
        self.show(event.selection)
        if event.chosen:
            self.show_rows(entity_rows(self.store, event.selection.id))

    @on(ResultsTable.Highlighted)
    def row_highlighted(self, event: ResultsTable.Highlighted) -> None:
        """The detail follows the results cursor (refills don't report; see ResultsTable)."""
        self.show(event.selection)

    @on(ResultsTable.Chosen)
    def row_chosen(self, event: ResultsTable.Chosen) -> None:
        """Enter on a row: show it and move to the detail pane to read it."""
        self.show(event.selection)
        self.query_one(DetailPane).focus()

    # ---- actions --------------------------------------------------------------------------
    def action_focus_search(self) -> None:
        """Focus the search box."""
        self.query_one(SearchBar).focus()

    def action_focus(self, selector: str) -> None:
        """Focus one pane (showing it if it was hidden)."""
        pane = self.query_one(selector)
        pane.display = True
        pane.focus()

    def action_step_mention(self, delta: int) -> None:
        """Step through the mentions of the company or region in the detail pane."""
        self.query_one(DetailPane).step_mention(delta)

    def action_toggle_pane(self, selector: str) -> None:
        """Collapse or restore a side pane, so small terminals can give room to the rest."""
        pane = self.query_one(selector)
        pane.display = not pane.display

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Mention stepping is only offered when a company or region is shown."""
        if action == "step_mention":
            current = self.query_one(DetailPane).selection
            return current is not None and current.kind != "figure"
        return True
