"""Command palette provider: jump to any company, region or figure through the store's search."""
from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .highlight import highlighted_label
from .state import Selection


class JumpProvider(Provider):
    """Ctrl+P → type a name, a number or `company:…` → jump to it."""

    @property
    def store(self):
        """The app's store (None until it has loaded)."""
        return getattr(self.app, "store", None)

    async def discover(self) -> Hits:
        """With no input: the companies, largest figure count first."""
        if self.store is None:
            return
        companies = sorted(self.store.companies.values(),
                           key=lambda c: (-len(self.store.figures_of(c.id)), c.name))
        for c in companies[:20]:
            yield DiscoveryHit(highlighted_label(c.name, ""), partial(self.app.jump_to, Selection("company", c.id)),
                               text=c.name, help="company")

    async def search(self, query: str) -> Hits:
        """Store search results as palette hits."""
        if self.store is None:
            return
        for r in self.store.search(query, limit=30):
            yield Hit(min(r.score / 100, 1.0), highlighted_label(r.label, query),
                      partial(self.app.jump_to, Selection(r.kind, r.id)), text=r.label, help=r.kind)


class ViewsProvider(Provider):
    """Ctrl+P → compare marked items, clear marks, export or copy the view, rank by a category."""

    def commands(self) -> list[tuple[str, object, str]]:
        """(name, callback, help) for every command that makes sense now."""
        app, store = self.app, getattr(self.app, "store", None)
        if store is None:
            return []
        found = [("Compare marked items", self._compare, f"{len(app.marked)} marked (space marks)"),
                 ("Clear marks", self._clear_marks, "unmark every company and region"),
                 ("Export current view to Markdown", app.action_export, "e / ctrl+e"),
                 ("Copy current view as Markdown", app.action_copy_markdown, "y")]
        from store import CATEGORIES, kinds_for, units_for
        for category in CATEGORIES:
            for kind in kinds_for(store, category):
                for unit in units_for(store, category, kind):
                    found.append((f"Rank: {category} · {kind} ({unit or 'no unit'})",
                                  partial(self._rank, category, unit, kind),
                                  "every entity with such a figure, largest first"))
        return found

    def _compare(self) -> None:
        """Open the comparison (through the explorer, which checks the marks)."""
        from .screens.explorer import ExplorerScreen
        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, ExplorerScreen):
                screen.action_compare()
                return

    def _clear_marks(self) -> None:
        """Unmark everything."""
        self.app.marked = ()

    def _rank(self, category: str, unit: str, kind: str) -> None:
        """Open the ranking of one category, kind and unit."""
        from .screens.rank import RankScreen
        self.app.push_screen(RankScreen(self.app.store, category, unit, kind))

    async def discover(self) -> Hits:
        """With no input: every command."""
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name matches the query, fuzzily."""
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
