"""Command palette providers: jump to any item, run a view command, pick a filter."""
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
        """Store search results as palette hits, best first (names before figures)."""
        if self.store is None:
            return
        from store import find
        hits = find(self.store, query, limit=30)
        for n, r in enumerate(hits):
            yield Hit(1.0 - n / (len(hits) + 1), highlighted_label(r.label, query),
                      partial(self.app.jump_to, Selection(r.kind, r.id)), text=r.label, help=r.kind)


class ViewsProvider(Provider):
    """Ctrl+P → compare or list marked items, clear marks or filters, export or copy, rank a category."""

    def commands(self) -> list[tuple[str, object, str]]:
        """(name, callback, help) for every command that makes sense now."""
        app, store = self.app, getattr(self.app, "store", None)
        if store is None:
            return []
        found = [("Compare marked items", app.action_compare, f"{len(app.marked)} marked (space marks)"),
                 ("List marked items", app.action_marks, "M: unmark, reorder, compare"),
                 ("Clear marks", partial(setattr, app, "marked", ()), "unmark every company and region"),
                 ("Filter…", app.action_filter, "f: kind, category, status, period, document, region"),
                 ("Clear filters", app.clear_filters, "show everything again"),
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


class FilterProvider(Provider):
    """`f` → every facet value with its count (as Datasette lists facets); the active ones to remove."""

    def choices(self) -> list[tuple[str, object, str]]:
        """(text, callback, help): removals first, then the region shown, then every facet value."""
        from store import facet_values
        app, store = self.app, self.app.store
        out = [(f"remove {chip.label}", partial(app.remove_filter, chip.facet, chip.value), "active filter")
               for chip in app.filters.chips(store)]
        if app.filters.active:
            out.append(("remove every filter", app.clear_filters, f"{len(out)} active"))
        current = app.current
        if current is not None and current.kind == "region":
            out.append((f"region: {store.name_of(current.id)} and everything under it",
                        partial(app.add_filter, "region", current.id), "the region shown"))
        for value in facet_values(store):
            noun = "items" if value.facet == "kind" else "figures"
            out.append((f"{value.facet}: {value.label.strip()}", partial(app.add_filter, value.facet, value.value),
                        f"{value.count} {noun}"))
        return out

    async def discover(self) -> Hits:
        """With no input: everything, in order."""
        for text, callback, help_text in self.choices():
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Facet values matching the query; a typed year range ('2019-2022') is offered as a period."""
        from store import parse_period
        years = parse_period(query.removeprefix("period:").strip())
        if years:
            label = str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"
            yield Hit(1.0, f"period: {label}", partial(self.app.add_filter, "period", label),
                      text=f"period: {label}", help="figures whose period overlaps it")
        matcher = self.matcher(query)
        for text, callback, help_text in self.choices():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score * 0.99, matcher.highlight(text), callback, text=text, help=help_text)
