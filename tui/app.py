"""The mfg-explore Textual app: opens (or first builds) the store in a worker, then explores it."""
from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.worker import Worker, WorkerState

from store import one_line

from .commands import JumpProvider, ViewsProvider
from .disk import DiskWatch
from .export_flow import ExportActions
from .state import Selection


class MfgExplorer(ExportActions, App[None]):
    """App state for every screen: `store`, `current` (the item in the detail) and `results`."""

    CSS_PATH = "app.tcss"
    TITLE = "mfg-explore"
    COMMANDS = App.COMMANDS | {JumpProvider, ViewsProvider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave mfg-explore", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?",
                tooltip="Every key, and how to find a figure", id="app.help"),
        Binding("e", "export", "Export", tooltip="Write the current view to a Markdown file (asks for the name)",
                id="app.export"),
        # A priority binding: ctrl+e exports even from the search box, where e is a letter.
        Binding("ctrl+e", "export", "Export", show=False, priority=True,
                tooltip="Export the current view, from anywhere (even the search box)", id="app.export_anywhere"),
        Binding("y", "copy_markdown", "Copy", tooltip="Copy the current view as Markdown to the clipboard",
                id="app.copy"),
        Binding("ctrl+r", "reload", "Reload", show=False,
                tooltip="Open the store again (after another mfg-explore changed it)", id="app.reload"),
    ]
    DISK_CHECK = 2.0  # seconds between looks at the store file and state.json

    current: var[Selection | None] = var(None)
    """What the detail pane shows; later screens (compare, rank, export, copy) read this."""
    results: var[list] = var(list)
    """The rows in the results table (store.Row), in the order they were produced."""
    marked: var[tuple[str, ...]] = var(tuple)
    """Ids of the marked companies/regions (`space`), in marking order: the comparison's columns."""

    def __init__(self, store_path: Path | None = None, store=None) -> None:
        super().__init__()
        self.store_path = store_path
        self.store = store
        self._disk = DiskWatch()

    def on_mount(self) -> None:
        """Explore a given store at once; otherwise open (or build) it in a thread."""
        self.set_interval(self.DISK_CHECK, self.check_disk)
        if self.store is not None:
            self._explore()
            return
        from .screens.loading import LoadingScreen
        self.push_screen(LoadingScreen(self.store_path or "the default store"))
        self.open_store()

    @work(thread=True, exit_on_error=False, name="open-store")
    def open_store(self):
        """Open the store, building it from the bundled seeds first if missing or stale."""
        from store import (
            Store,  # imported here: keeps the first frame as quick as a bare app
        )

        def progress(doc) -> None:
            advance = getattr(self.screen, "advance", None)  # the loading screen, on first open
            if advance is not None:
                self.call_from_thread(advance, doc.file)

        return Store.open(self.store_path, progress)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """When the store is open, switch to the explorer; if it failed, say why."""
        if event.worker.name != "open-store":
            return
        if event.state == WorkerState.SUCCESS:
            self.store = event.worker.result
            self._disk.opened(self.store.path)
            self._explore()
            self._after_open()
        elif event.state == WorkerState.ERROR:
            self._disk.reloading = False
            failed = getattr(self.screen, "failed", None)
            if failed is not None:
                failed(str(event.worker.error))
            else:  # a reload that failed: the store shown stays as it was
                self.notify(one_line(str(event.worker.error)), title="could not reload",
                            severity="error", markup=False)

    def _explore(self) -> None:
        """Counts in the header and the explorer screen on top."""
        from store import counts

        from .screens.explorer import ExplorerScreen
        self.corpus_counts = " · ".join(f"{n} {name}" for name, n in counts(self.store).items())
        self.sub_title = self.corpus_counts
        screen = ExplorerScreen(self.store)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

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

    def jump_to(self, selection: Selection) -> None:
        """Show any company, region or figure (used by the command palette)."""
        from .screens.explorer import ExplorerScreen
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ExplorerScreen):
                screen.jump_to(selection)
                return

    def toggle_mark(self, entity_id: str) -> None:
        """Mark or unmark a company or region for comparison."""
        from .marks import toggled
        self.marked = toggled(self.marked, entity_id)

    def watch_marked(self, marked: tuple[str, ...]) -> None:
        """The header's sub-title carries the count of marked items."""
        from .marks import marks_note
        note = marks_note(len(marked))
        base = getattr(self, "corpus_counts", "")
        self.sub_title = f"{base} · {note}" if note and base else note or base

    def action_help(self) -> None:
        """Open the help screen listing every key."""
        from .screens.compare import CompareScreen
        from .screens.explorer import ExplorerScreen
        from .screens.export_modal import ConfirmOverwrite, ExportModal
        from .screens.help import HelpScreen
        from .screens.rank import RankScreen
        from .screens.sources import SourcesScreen
        from .widgets.detail import DetailPane
        from .widgets.region_tree import RegionTree
        from .widgets.results import ResultsTable
        from .widgets.search_bar import SearchBar
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen([("anywhere", type(self), True),
                                         ("explorer", ExplorerScreen, True),
                                         ("search box", SearchBar, False),
                                         ("results", ResultsTable, False),
                                         ("region tree", RegionTree, False),
                                         ("detail", DetailPane, False),
                                         ("comparison", CompareScreen, False),
                                         ("ranking", RankScreen, False),
                                         ("sources", SourcesScreen, False),
                                         ("export", ExportModal, False),
                                         ("overwrite?", ConfirmOverwrite, False)]))


def run_app(store_path: Path) -> None:
    """Run the explorer on the store at `store_path` (built on first start)."""
    MfgExplorer(store_path).run()
