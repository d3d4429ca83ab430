"""The mfg-explore Textual app: opens (or first builds) the store in a worker, then explores it."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from store import one_line

from .commands import JumpProvider, ViewsProvider
from .disk import DiskWatch
from .export_flow import ExportActions
from .state import Selection
from .user_state import UserState, remembered_query, state_path_for
from .widgets.status_line import ChipRemoved

if TYPE_CHECKING:
    from store import Filters, Store

    from .screens.explorer import ExplorerScreen
    from .screens.loading import LoadingScreen

# Actions that make no sense over a modal (help, export dialog, palette): they would stack screens.
NOT_ON_MODALS = {"export", "copy_markdown", "filter", "marks", "compare"}


class MfgExplorer(ExportActions, App[None]):
    """App state every screen reads: `store`, `current` (the item in the detail), `marked`, `filters`."""

    CSS_PATH = "app.tcss"
    TITLE = "mfg-explore"
    COMMANDS = App.COMMANDS | {JumpProvider, ViewsProvider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave mfg-explore", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?",
                tooltip="Every key, and how to find a figure", id="app.help"),
        Binding("f", "filter", "Filter", tooltip="Narrow results, rankings and comparisons: kind, category, "
                "status, period, document, region", id="app.filter"),
        Binding("M", "marks", "Marks", key_display="M", show=False, tooltip="List the marked items: unmark, reorder, compare",
                id="app.marks"),
        Binding("e", "export", "Export", tooltip="Write the current view to a Markdown file (asks for the name)",
                id="app.export"),
        # A priority binding: ctrl+e exports even from the search box, where e is a letter.
        Binding("ctrl+e", "export", "Export", show=False, priority=True,
                tooltip="Export the current view, from anywhere (even the search box)", id="app.export_anywhere"),
        Binding("y", "copy_markdown", "Copy", show=False, tooltip="Copy the current view as Markdown to the clipboard",
                id="app.copy"),
        Binding("ctrl+r", "reload", "Reload", show=False,
                tooltip="Open the store again (after another mfg-explore changed it)", id="app.reload"),
    ]
    DISK_CHECK = 2.0  # seconds between looks at the store file and state.json
    LOADING_DELAY = 0.3  # seconds the store may take to open before the loading screen shows

    current: var[Selection | None] = var(None)
    """What the detail pane shows; later screens (compare, rank, export, copy) read this."""
    marked: var[tuple[str, ...]] = var(tuple)
    """Ids of the marked companies/regions (`space`), in marking order: the comparison's columns."""
    filters: var[Filters | None] = var(None)
    """The active filters (None until the store is open); every list, ranking and comparison obeys them."""

    def __init__(self, store_path: Path | None = None, store: Store | None = None,
                 keymap: dict[str, str] | None = None, state_path: Path | None = None) -> None:
        super().__init__()
        self.store_path = store_path
        self.store: Store | None = store
        self.keymap = dict(keymap or {})
        # A store opened here remembers beside its file; a store handed in (tests, screenshots)
        # remembers only in the state_path given, if any.
        self.state_path = state_path
        self._state_beside_store = store is None
        self.state = UserState(None)
        self.history: tuple[str, ...] = ()
        self.explorer: ExplorerScreen | None = None
        self.corpus_counts = ""
        self._disk = DiskWatch()
        self._loading_timer: Timer | None = None

    def on_mount(self) -> None:
        """Apply the user's keys; explore a given store at once, otherwise open (or build) it in a thread."""
        self.set_interval(self.DISK_CHECK, self.check_disk)
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.store is not None:
            self._explore()
            return
        # A store that opens quickly goes straight to the explorer: laying out a loading screen
        # first would cost more than the wait it covers. A slow one gets it after LOADING_DELAY.
        self._loading_timer = self.set_timer(self.LOADING_DELAY, self._loading)
        self.open_store()

    def _loading(self) -> LoadingScreen:
        """The loading screen, pushed the first time it is needed (until the explorer is up)."""
        from .screens.loading import LoadingScreen
        screen = self.screen
        if not isinstance(screen, LoadingScreen):
            screen = LoadingScreen(self.store_path or "the default store")
            self.push_screen(screen)
        return screen

    @work(thread=True, exit_on_error=False, name="open-store")
    def open_store(self):
        """Open the store, building it from the bundled seeds first if missing or stale."""
        from store import (
            Store,  # imported here: keeps the first frame as quick as a bare app
        )

        def progress(doc) -> None:
            if self.explorer is None:  # a first open that builds: the loading screen counts
                self.call_from_thread(lambda: self._loading().advance(doc.file))

        store = Store.open(self.store_path, progress)
        store.index  # read (or built) here, in the worker, so the first keystroke does not wait
        return store

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """When the store is open, switch to the explorer; if it failed, say why."""
        if event.worker.name != "open-store":
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR) and self._loading_timer is not None:
            self._loading_timer.stop()
        if event.state == WorkerState.SUCCESS:
            self.store = event.worker.result
            self._disk.opened(self.store.path)
            self._explore()
            self._after_open()
        elif event.state == WorkerState.ERROR:
            self._disk.reloading = False
            if self.explorer is None:
                self._loading().failed(str(event.worker.error))
            else:  # a reload that failed: the store shown stays as it was
                self.notify(one_line(str(event.worker.error)), title="could not reload",
                            severity="error", markup=False)

    def _explore(self) -> None:
        """Restore what the user left (marks, filters, history, view), then show the explorer."""
        from store import Filters, counts

        from .screens.explorer import ExplorerScreen
        beside = state_path_for(self.store.path) if self._state_beside_store else None
        self.state = UserState(self.state_path or beside)
        self.history = tuple(q for q in self.state.get("history", []) if isinstance(q, str))
        self.filters = Filters.from_dict(self.state.get("filters"), self.store)
        marks = self.state.get("marks", [])
        self.marked = tuple(m for m in marks if isinstance(m, str) and self.store.entity(m) is not None) \
            if isinstance(marks, list) else ()
        self.corpus_counts = " · ".join(f"{n} {name}" for name, n in counts(self.store).items())
        self.watch_marked(self.marked)
        self.explorer = ExplorerScreen(self.store, self.state.get("view"))
        if len(self.screen_stack) > 1:
            self.switch_screen(self.explorer)
        else:
            self.push_screen(self.explorer)

    def _after_open(self) -> None:
        """Say what the store left out, and show again what a reload was asked to show."""
        for line in self.store.warnings:
            self.notify(one_line(line), title="store", severity="warning", timeout=20, markup=False)
        select, self._disk.select = self._disk.select, None
        if select is not None and (self.store.entity(select.id) or select.id in self.store.figures):
            self.call_after_refresh(self.jump_to, select)

    def reload_store(self, select: Selection | None = None) -> None:
        """Open the store again (the user's decisions apply at opening), then show `select`."""
        if self.store_path is None:
            self.notify("This store has no file to reload from.", severity="warning")
            return
        self._disk.reloading, self._disk.select = True, select
        while len(self.screen_stack) > 2:  # back to the explorer, which is replaced
            self.pop_screen()
        self.open_store()

    def action_reload(self) -> None:
        """Reload the store from disk, keeping what the detail pane shows."""
        self.reload_store(self.current)

    def check_disk(self) -> None:
        """Every few seconds: if another program wrote the store or state.json, offer to reload."""
        if self._disk.changed():
            self.notify("The store changed on disk (another mfg-explore wrote it). Press ctrl+r to "
                        "reload it; nothing here writes over it.", title="store changed", timeout=30)

    def saved_changed(self) -> None:
        """A comparison was saved: the tree's Saved node shows it."""
        from .widgets.region_tree import RegionTree
        for screen in self.screen_stack:
            for tree in screen.query(RegionTree):
                tree.show_saved()

    # ---- state every screen shares ------------------------------------------------------------
    def jump_to(self, selection: Selection) -> None:
        """Show any company, region or figure in the explorer, bringing it to the front."""
        if self.explorer is None:
            return
        while self.screen is not self.explorer and len(self.screen_stack) > 1:
            self.pop_screen()
        self.explorer.jump_to(selection)

    def toggle_mark(self, entity_id: str) -> None:
        """Mark or unmark a company or region for comparison."""
        from .marks import toggled
        self.marked = toggled(self.marked, entity_id)

    def watch_marked(self, marked: tuple[str, ...]) -> None:
        """The header's sub-title carries the count of marked items; the marks are remembered."""
        from .marks import marks_note
        note = marks_note(len(marked))
        base = self.corpus_counts
        self.sub_title = f"{base} · {note}" if note and base else note or base
        if self.store is not None:
            self.state.update(marks=list(marked))

    def watch_filters(self, filters: Filters | None) -> None:
        """Remember the filters."""
        if filters is not None and self.store is not None:
            self.state.update(filters=filters.to_dict())

    def add_filter(self, facet: str, value: str) -> None:
        """Narrow every view by one more facet value."""
        self.filters = self.filters.with_value(facet, value)

    def remove_filter(self, facet: str, value: str) -> None:
        """Drop one facet value."""
        self.filters = self.filters.without(facet, value)

    def clear_filters(self) -> None:
        """Drop every filter."""
        from store import Filters
        self.filters = Filters()

    @on(ChipRemoved)
    def chip_removed(self, event: ChipRemoved) -> None:
        """A chip's button was pressed: that filter goes."""
        self.remove_filter(event.chip.facet, event.chip.value)

    def remember_query(self, query: str) -> None:
        """Add a query to the search history (kept across restarts)."""
        history = remembered_query(list(self.history), query)
        if tuple(history) != self.history:
            self.history = tuple(history)
            self.state.update(history=history)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """No export, filter or marks list over a modal screen (help, a dialog, the palette): a
        second export dialog, or a palette over a palette, would stack screens."""
        if action in NOT_ON_MODALS and (self.screen.is_modal or self.explorer is None):
            return False
        return True

    # ---- actions ------------------------------------------------------------------------------
    def action_help(self) -> None:
        """Open the help screen listing every key (in a modal, `?` closes it again)."""
        from .keymap import key_scopes
        from .screens.help import HelpScreen
        self.push_screen(HelpScreen(key_scopes(), self.keymap))

    def action_filter(self) -> None:
        """Open the filter picker: every facet value with its count, and the active ones to remove."""
        from textual.command import CommandPalette

        from .commands import FilterProvider
        self.push_screen(CommandPalette(providers=[FilterProvider], placeholder=(
            "filter by kind, category, status, period (2022 or 2021-2023), document, region…")))

    def action_marks(self) -> None:
        """List the marked items."""
        from .screens.marks import MarksScreen
        self.push_screen(MarksScreen(self.store))

    def action_compare(self) -> None:
        """Open the comparison of the marked items (at least one)."""
        from .screens.compare import CompareScreen
        marked = [m for m in self.marked if self.store.entity(m) is not None]
        if not marked:
            self.notify("Mark companies or regions with space first, then press c.", severity="warning")
            return
        self.push_screen(CompareScreen(self.store, marked))

    async def action_quit(self) -> None:
        """Remember the explorer's view, then quit."""
        self.save_view()
        await super().action_quit()

    def save_view(self) -> None:
        """Write the explorer's view (what it lists, the item shown, the sort) to the user state."""
        if self.explorer is not None and self.explorer.is_mounted:
            self.state.update(view=self.explorer.view_state())


def run_app(store_path: Path, keymap: dict[str, str] | None = None) -> None:
    """Run the explorer on the store at `store_path` (built on first start)."""
    MfgExplorer(store_path, keymap=keymap).run()
