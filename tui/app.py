"""The mfg-explore Textual app: opens (or first builds) the store in a worker, then explores it."""
from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.worker import Worker, WorkerState

from .commands import JumpProvider
from .state import Selection


class MfgExplorer(App[None]):
    """App state for every screen: `store`, `current` (the item in the detail) and `results`."""

    CSS_PATH = "app.tcss"
    TITLE = "mfg-explore"
    COMMANDS = App.COMMANDS | {JumpProvider}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave mfg-explore", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?",
                tooltip="Every key, and how to find a figure", id="app.help"),
    ]

    current: var[Selection | None] = var(None)
    """What the detail pane shows; later screens (compare, rank, export, copy) read this."""
    results: var[list] = var(list)
    """The rows in the results table (store.views.Row), in the order they were produced."""

    def __init__(self, store_path: Path | None = None, store=None) -> None:
        super().__init__()
        self.store_path = store_path
        self.store = store

    def on_mount(self) -> None:
        """Explore a given store at once; otherwise open (or build) it in a thread."""
        if self.store is not None:
            self._explore()
            return
        from .loading import LoadingScreen
        self.push_screen(LoadingScreen(self.store_path or "the default store"))
        self.open_store()

    @work(thread=True, exit_on_error=False, name="open-store")
    def open_store(self):
        """Open the store, building it from the bundled seeds first if missing or stale."""
        from store.api import Store  # imported here: keeps the first frame as quick as a bare app

        def progress(doc) -> None:
            self.call_from_thread(self.screen.advance, doc.file)

        return Store.open(self.store_path, progress)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """When the store is open, switch to the explorer; if it failed, say why."""
        if event.worker.name != "open-store":
            return
        if event.state == WorkerState.SUCCESS:
            self.store = event.worker.result
            self._explore()
        elif event.state == WorkerState.ERROR:
            self.screen.failed(str(event.worker.error))

    def _explore(self) -> None:
        """Counts in the header and the explorer screen on top."""
        from store.views import counts
        from .explorer import ExplorerScreen
        self.sub_title = " · ".join(f"{n} {name}" for name, n in counts(self.store).items())
        screen = ExplorerScreen(self.store)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def jump_to(self, selection: Selection) -> None:
        """Show any company, region or figure (used by the command palette)."""
        from .explorer import ExplorerScreen
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ExplorerScreen):
                screen.jump_to(selection)
                return

    def action_help(self) -> None:
        """Open the help screen listing every key."""
        from .help_screen import HelpScreen
        from .explorer import ExplorerScreen
        from .results import ResultsTable
        from .region_tree import RegionTree
        from .search_bar import SearchBar
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen([("anywhere", type(self), True),
                                         ("explorer", ExplorerScreen, True),
                                         ("search box", SearchBar, False),
                                         ("results", ResultsTable, False),
                                         ("region tree", RegionTree, False)]))


def run_app(store_path: Path) -> None:
    """Run the explorer on the store at `store_path` (built on first start)."""
    MfgExplorer(store_path).run()
