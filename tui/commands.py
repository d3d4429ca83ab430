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
