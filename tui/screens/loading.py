"""The first screen while the store opens (and is built from the bundled seeds if needed)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Static

from store import visible


class LoadingScreen(Screen[None]):
    """A progress indicator and a status line; `advance` is called once per extracted document."""

    def __init__(self, store_path) -> None:
        super().__init__()
        self.store_path = store_path
        self.done = 0

    def compose(self) -> ComposeResult:
        """Header, a centred status and progress bar, footer."""
        yield Header()
        with Middle(), Center(id="loading-box"):
            yield Static(Text(f"Opening {visible(str(self.store_path))} …"), id="loading-status")
            yield ProgressBar(total=None, show_eta=False, id="loading-bar")
        yield Footer()

    def advance(self, file_name: str) -> None:
        """One more document extracted while building the store."""
        self.done += 1
        status = f"Building the store from the bundled articles: {self.done} done, last {visible(file_name)}"
        self.query_one("#loading-status", Static).update(Text(status))
        self.query_one("#loading-bar", ProgressBar).advance(1)

    def failed(self, message: str) -> None:
        """Show why the store could not be opened; the user can still quit with q."""
        self.query_one("#loading-status", Static).update(Text(f"Could not open the store: {message}",
                                                              style="bold red"))
        self.query_one("#loading-bar", ProgressBar).display = False
