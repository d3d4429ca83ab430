"""The detail pane: the selected figure, company or region, grounded in its source passage."""
from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from ..marks import MARKER, MarkRequested
from ..state import Selection
from . import detail_render as render
from .corrections import CorrectionActions

EMPTY_HINT = "Nothing selected.\n\nPress / to search, or move through the region tree."


class DetailPane(CorrectionActions, VerticalScroll, can_focus=True):
    """Shows `selection`; for a company, `mention_index` picks which mention is in context."""

    BINDINGS = [Binding("space", "mark", "Mark", tooltip="Mark/unmark the company or region shown",
                        id="detail.mark"),
                Binding("j", "merge", "Merge", tooltip="Merge another company into this one (the same firm)",
                        id="detail.merge"),
                Binding("u", "split", "Split", tooltip="Split one of this company's names off as a firm of its own",
                        id="detail.split"),
                Binding("F", "fix", "Correct", key_display="F",
                        tooltip="Correct this figure's subject or category", id="detail.fix")]

    selection: reactive[Selection | None] = reactive(None)
    mention_index: reactive[int] = reactive(0)
    marked: reactive[tuple[str, ...]] = reactive(tuple)
    """Ids the app has marked (set by the screen); the border title says when the item is one."""

    def __init__(self, store, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.shown = None  # the last renderable drawn (tests and copy/export read it)

    def compose(self):
        """One Static holds the rendered detail."""
        yield Static(EMPTY_HINT, id="detail-body", markup=False)

    def watch_selection(self, selection: Selection | None) -> None:
        """A new item starts at its first mention, scrolled to the top."""
        self.refresh_bindings()  # merge and split on a company, correct on a figure
        self.mention_index = 0
        self.refresh_body()
        self.scroll_home(animate=False)

    def watch_mention_index(self) -> None:
        """Stepping mentions redraws the body."""
        self.refresh_body()

    def watch_marked(self) -> None:
        """The border title follows the marks."""
        self.refresh_body()

    def action_mark(self) -> None:
        """Ask the screen to mark or unmark the item shown."""
        self.post_message(MarkRequested(self.selection))

    def step_mention(self, delta: int) -> None:
        """Show the next (+1) or previous (-1) mention of the company or region shown."""
        if self.selection and self.selection.kind != "figure":
            count = len(self.store.mentions_of(self.selection.id))
            if count:
                self.mention_index = (self.mention_index + delta) % count
                self.call_after_refresh(self.scroll_end, animate=False)

    def refresh_body(self) -> None:
        """Render the current selection into the body."""
        if not self.is_mounted:
            return
        body = self.query_one("#detail-body", Static)
        sel = self.selection
        if sel is None:
            body.update(EMPTY_HINT)
            self.border_title = "detail"
            return
        self.border_title = f"{sel.kind} {MARKER} marked" if sel.id in self.marked else sel.kind
        self.shown = self._renderable(sel)
        body.update(self.shown)

    def _renderable(self, sel: Selection):
        """The renderable for one selection."""
        store = self.store
        if sel.kind == "figure" and sel.id in store.figures:
            return render.figure_detail(store, store.figures[sel.id])
        if sel.kind == "company" and sel.id in store.companies:
            return render.company_detail(store, store.companies[sel.id], self.mention_index)
        if sel.kind == "region" and sel.id in store.regions:
            return render.region_detail(store, store.regions[sel.id], self.mention_index)
        if sel.kind == "saved":
            return render.saved_detail(store, sel.id)
        return f"{sel.kind} {sel.id} is not in the store"
