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

from store import Narrowing, company_rows, entity_rows, find, result_rows

from ..state import Selection
from ..widgets.detail import DetailPane
from ..widgets.region_tree import RegionTree
from ..widgets.results import ResultsTable
from ..widgets.search_bar import SearchBar
from ..widgets.status_line import StatusLine
from .explorer_actions import MarksAndViews

SHOWN = 50  # search hits listed
POOL_FILTERED = 1000  # hits read before filtering, so filters do not empty a short list


def width_class(breakpoints: list[tuple[int, str]], width: int) -> list[str]:
    """The class Textual gives a screen `width` cells wide: that of the widest breakpoint it reaches."""
    return [name for at, name in sorted(breakpoints, reverse=True) if width >= at][:1]


@dataclass(frozen=True)
class Listing:
    """What the results table lists: every company, a search, or an entity's rows."""

    kind: str = "all"  # all | search | entity
    key: str = ""  # the query, or the entity id


class ExplorerScreen(MarksAndViews, Screen[None]):
    """Attributes down (selection, rows, marks), messages up (Picked, Highlighted, Left)."""

    AUTO_FOCUS = "#results"  # normal mode: keys act on the list, not typed into the search box
    BINDINGS = [
        Binding("slash", "focus_search", "Search", tooltip="Focus the search box", id="explorer.search",
                priority=True),
        Binding("n", "step_mention(1)", "Next mention", tooltip="Next place the company/region is named",
                id="explorer.next_mention"),
        Binding("N", "step_mention(-1)", "Prev mention", key_display="N",
                tooltip="Previous place the company/region is named", id="explorer.prev_mention"),
        # Not ctrl+b: that is tmux's prefix key, so it never reaches an app inside tmux.
        Binding("ctrl+t", "toggle_pane('#tree')", "Tree", show=False, tooltip="Show/hide the region tree",
                id="explorer.toggle_tree"),
        Binding("ctrl+d", "toggle_pane('#detail')", "Detail", show=False,
                tooltip="Show/hide the detail pane", id="explorer.toggle_detail"),
        Binding("c", "app.compare", "Compare", tooltip="Compare the marked companies/regions side by side",
                id="explorer.compare"),
        Binding("m", "rank", "Rank", tooltip="Rank every entity by the shown figure's category and unit",
                id="explorer.rank"),
        Binding("t", "focus('#tree')", "Go to tree", show=False, tooltip="Focus the region tree",
                id="explorer.focus_tree"),
        Binding("r", "focus('#results')", "Go to results", show=False, tooltip="Focus the results",
                id="explorer.focus_results"),
        Binding("d", "focus('#detail')", "Go to detail", show=False, tooltip="Focus the detail pane",
                id="explorer.focus_detail"),
    ]

    @dataclass
    class SearchDone(Message):
        """Rows for query number `seq`, computed in a worker."""

        seq: int
        query: str
        rows: list
        keep: Selection | None = field(default=None)

    def __init__(self, store, view: dict | None = None) -> None:
        super().__init__()
        self.store = store
        self._seq = 0
        self.listing = Listing()
        self._restore = view if isinstance(view, dict) else {}
        # The width class (-wide / -narrow) the first resize would add, set now: added then, it
        # would restyle every pane a second time and lay the screen out again.
        self.add_class(*width_class(self.app.HORIZONTAL_BREAKPOINTS or [], self.app.size.width), update=False)

    def compose(self) -> ComposeResult:
        """Header, the three panes, the status line, footer."""
        yield Header()
        with Horizontal(id="body"):
            yield RegionTree(self.store, id="tree")
            with Vertical(id="centre"):
                yield SearchBar(id="search")
                yield ResultsTable(id="results")
            yield DetailPane(self.store, id="detail")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Pane titles, then the last view (or every company), in normal mode: keys act at once."""
        self.query_one("#tree").border_title = "regions"
        self.query_one("#results").border_title = "results"
        self.query_one("#detail").border_title = "detail"
        self.watch(self.app, "marked", self.marks_changed)
        self.watch(self.app, "filters", self.filters_changed, init=False)
        self.query_one(SearchBar).history = self.app.history
        self._restore_view(self._restore)

    def _restore_view(self, view: dict) -> None:
        """Show what the user last looked at (anything the store no longer has is skipped)."""
        table = self.query_one(ResultsTable)
        if view.get("sort") in ("rank", "value", "period", "category", "document"):
            table.sort_column = view["sort"]
        listing = view.get("listing") or {}
        detail = view.get("detail") or {}
        shown = Selection(detail.get("kind", ""), detail.get("id", "")) if detail else None
        if shown is not None and self.store.kind_of(shown.id) != shown.kind:
            shown = None
        kind, key = listing.get("kind"), listing.get("key", "")
        if kind == "search" and isinstance(key, str) and key.strip():
            self.query_one(SearchBar).set_quietly(key)
            self.list_search(key, keep=shown)
        elif kind == "entity" and self.store.entity(key) is not None:
            self.list_rows(Listing("entity", key), keep=shown)
        else:
            self.list_rows(Listing(), keep=shown)
        if shown is None and kind != "search" and table.rows_shown:
            shown = table.cursor_selection()  # the detail agrees with the cursor from the start
        if shown is not None:
            self.show(shown)
        (table if table.rows_shown or kind == "search" else self.query_one(RegionTree)).focus()

    def view_state(self) -> dict:
        """What to restore next time: the listing, the item shown and the sort."""
        current = self.query_one(DetailPane).selection
        return {"listing": {"kind": self.listing.kind, "key": self.listing.key},
                "detail": {"kind": current.kind, "id": current.id} if current else None,
                "sort": self.query_one(ResultsTable).sort_column}

    # ---- attributes down ----------------------------------------------------------------------
    def marks_changed(self, marked: tuple[str, ...]) -> None:
        """Hand the app's marks down to the panes that show markers."""
        for pane in (self.query_one(RegionTree), self.query_one(ResultsTable), self.query_one(DetailPane)):
            pane.marked = marked
        self.update_status()

    def filters_changed(self) -> None:
        """List the same thing again under the new filters, cursor kept on its item."""
        keep = self.query_one(ResultsTable).cursor_selection()
        if self.listing.kind == "search":
            self.list_search(self.listing.key, keep=keep)
        else:
            self.list_rows(self.listing, keep=keep, clear_box=False)

    def update_status(self) -> None:
        """The status line: view, rows, sort, marks and the filter chips."""
        table = self.query_one(ResultsTable)
        self.query_one(StatusLine).show(self.view_name(), len(table.rows_shown), table.sort_column)

    def view_name(self) -> str:
        """'all companies', 'search “weihua”', 'Changyuan (region)'."""
        if self.listing.kind == "search":
            return f"search “{self.listing.key}”"
        if self.listing.kind == "entity":
            return f"{self.store.name_of(self.listing.key)} ({self.store.kind_of(self.listing.key)})"
        return "all companies"

    # ---- showing things -----------------------------------------------------------------------
    def show(self, selection: Selection) -> None:
        """Put `selection` in the detail pane and record it as the app's current item."""
        self.query_one(DetailPane).selection = selection
        self.app.current = selection
        self.refresh_bindings()

    def narrowed(self, rows: list) -> list:
        """Rows that pass the app's filters."""
        return Narrowing(self.store, self.app.filters).rows(rows) if self.app.filters else list(rows)

    def list_rows(self, listing: Listing, keep: Selection | None = None, clear_box: bool = True) -> None:
        """List every company or an entity's rows (filtered); the search box empties, as the
        query no longer describes the list (unless the user is typing in it)."""
        self.listing = listing
        rows = entity_rows(self.store, listing.key) if listing.kind == "entity" else company_rows(self.store)
        if clear_box:
            self.query_one(SearchBar).set_quietly("")
        self._fill(self.narrowed(rows), "", keep)

    def _fill(self, rows: list, query: str, keep: Selection | None) -> None:
        """Put rows in the table (cursor on `keep` when listed) and update the status line."""
        table = self.query_one(ResultsTable)
        table.show_rows(rows, query)
        if keep is not None:
            table.move_to(keep)
        table.border_title = self.view_name()
        self.update_status()

    def jump_to(self, selection: Selection) -> None:
        """Show any item: reveal it in the tree, list its rows, and put it in the detail pane."""
        if selection.kind == "figure":
            subject = self.store.figures[selection.id].subject_id
            if subject:  # list the figure among its subject's figures, cursor on it
                self.list_rows(Listing("entity", subject), keep=selection)
        else:
            self.query_one(RegionTree).reveal(selection)
            self.list_rows(Listing("entity", selection.id))
        self.show(selection)

    # ---- search -------------------------------------------------------------------------------
    @on(SearchBar.Changed)
    def search_changed(self, event: SearchBar.Changed) -> None:
        """Every keystroke starts a fresh search; an empty box lists every company again."""
        if event.value.strip():
            self.list_search(event.value)
        else:
            self._seq += 1  # any search still running is stale now
            self.list_rows(Listing(), clear_box=False)

    def list_search(self, query: str, keep: Selection | None = None) -> None:
        """Start a search (in a worker); its rows arrive as SearchDone."""
        self._seq += 1
        self.listing = Listing("search", query)
        self.run_search(self._seq, query, keep)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, seq: int, query: str, keep: Selection | None) -> None:
        """Search in a thread so typing never waits; post the rows unless superseded."""
        filters = self.app.filters
        narrowing = filters is not None and filters.active
        results = find(self.store, query, limit=POOL_FILTERED if narrowing else SHOWN)
        rows = result_rows(self.store, results)
        if narrowing:
            rows = Narrowing(self.store, filters).rows(rows)[:SHOWN]
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(seq, query, rows, keep))

    @on(SearchDone)
    def search_done(self, event: SearchDone) -> None:
        """Show a search's rows, unless a newer query has been typed since."""
        if event.seq != self._seq:
            return
        self._fill(event.rows, event.query, event.keep)
        if event.rows and event.keep is None:  # the detail previews the best hit while typing
            self.show(self.query_one(ResultsTable).cursor_selection())

    @on(SearchBar.Submitted)
    @on(SearchBar.Left)
    def leave_search(self) -> None:
        """Enter, down or escape in the search box: remember the query, move to the results."""
        query = self.query_one(SearchBar).value
        if query.strip():
            self.app.remember_query(query)
            self.query_one(SearchBar).history = self.app.history
        self.query_one(ResultsTable).focus()

    # ---- following the cursor -----------------------------------------------------------------
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
            self.list_rows(Listing("entity", event.selection.id))

    @on(ResultsTable.Highlighted)
    def row_highlighted(self, event: ResultsTable.Highlighted) -> None:
        """The detail follows the results cursor (refills don't report; see ResultsTable)."""
        self.show(event.selection)

    @on(ResultsTable.Chosen)
    def row_chosen(self, event: ResultsTable.Chosen) -> None:
        """Enter on a row: show it and move to the detail pane to read it."""
        self.show(event.selection)
        self.query_one(DetailPane).focus()

    @on(ResultsTable.Sorted)
    def sorted_by(self) -> None:
        """The status line names the sort."""
        self.update_status()

    # ---- actions ------------------------------------------------------------------------------
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
