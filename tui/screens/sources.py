"""The sources of some figures: each figure's paragraph with its span highlighted, document and links."""
from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from store import figure_summary

from ..highlight import passage_text, plain
from ..keymap import back_binding
from ..widgets.detail_render import shorten
from ..widgets.link_marks import corroboration_lines


def figure_source(store, fig, number: int) -> Group:
    """One figure: number, value and subject, its document, its paragraph with the span marked."""
    doc = store.documents[fig.doc_id]
    title = Text(f"{number}. ", "bold")
    title.append(plain(figure_summary(fig), "bold"))
    title.append(plain(f" — {fig.metric}  ·  {store.name_of(fig.subject_id)}"))
    where = plain(f"{shorten(doc.title, 80)} ({doc.date or 'undated'}) · {doc.file}", "dim")
    return Group(title, where, passage_text(store.figure_passage(fig)), *corroboration_lines(store, fig),
                 Text(""))


class SourcesScreen(Screen[None]):
    """Where some figures come from (a comparison cell, a ranked entity); escape goes back."""

    BINDINGS = [back_binding("sources")]

    def __init__(self, store, figures: list, title: str) -> None:
        super().__init__()
        self.store = store
        self.figures = list(figures)
        self.heading = title

    def compose(self) -> ComposeResult:
        """Header, the passages, footer."""
        yield Header()
        with VerticalScroll(id="sources-box") as box:
            box.border_title = f"sources · {self.heading}"
            box.border_subtitle = f"{len(self.figures)} figure(s) · escape goes back"
            parts = [figure_source(self.store, f, n) for n, f in enumerate(self.figures, 1)]
            yield Static(Group(*parts) if parts else Text("no figures in this cell", "dim"), id="sources-body")
        yield Footer()

    def on_mount(self) -> None:
        """Keys scroll the passages at once."""
        self.query_one("#sources-box").focus()
