"""The screen shown while the store opens slowly (or is built from the bundled seeds first)."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Header, ProgressBar, Static

from store import visible


class LoadingScreen(Screen[None]):
    """A progress indicator and a status line; `advance` is called once per extracted document.

    Both `advance` and `failed` may come before the screen has composed (it is pushed just then):
    what they say is kept and shown once it has."""

    def __init__(self, store_path) -> None:
        super().__init__()
        self.store_path = store_path
        self.done = 0
        self.status = Text(f"Opening {visible(str(store_path))} …")
        self.error = False
        self._up = False  # composed and mounted: the widgets can be updated

    def compose(self) -> ComposeResult:
        """Header, a centred status and progress bar, footer."""
        yield Header()
        with Middle(), Center(id="loading-box"):
            yield Static(self.status, id="loading-status")
            yield ProgressBar(total=None, show_eta=False, id="loading-bar")
        yield Footer()

    def on_mount(self) -> None:
        """Show what was said before the screen was up."""
        self._up = True
        self._show()

    def advance(self, file_name: str) -> None:
        """One more document extracted while building the store."""
        self.done += 1
        self.status = Text(f"Building the store from the bundled articles: {self.done} done, "
                           f"last {visible(file_name)}")
        self._show()

    def failed(self, message: str) -> None:
        """Show why the store could not be opened; the user can still quit with q."""
        self.status = Text(f"Could not open the store: {message}", style="bold red")
        self.error = True
        self._show()

    def _show(self) -> None:
        """The status line and the bar as `done` and `error` say (once composed)."""
        if not self._up:
            return
        self.query_one("#loading-status", Static).update(self.status)
        bar = self.query_one("#loading-bar", ProgressBar)
        bar.display = not self.error
        if bar.progress != self.done:
            bar.update(progress=self.done)
