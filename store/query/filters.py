"""Filters that narrow what the explorer lists, ranks and compares: facets, as Datasette has them.

A `Filters` value holds the active facets; values within one facet are alternatives (OR), and
facets combine (AND). A `Narrowing` applies them to one store: to table rows, to a ranking and to
a comparison, so all three views agree on what "filtered" means.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..models import CATEGORIES, Figure

FACETS = ("kind", "category", "status", "period", "document", "region")
STATUSES = ("actual", "plan")  # thresholds define a group; they are not a figure anyone filters for
KINDS = ("company", "region", "figure")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_RANGE = re.compile(r"^\s*((?:19|20)\d\d)\s*(?:(?:-|–|/|\.\.|to)\s*((?:19|20)\d\d))?\s*$")


def period_years(period: str | None) -> tuple[int, int] | None:
    """The first and last calendar year a period names ('2024-01/2024-04' → (2024, 2024)), or None."""
    years = [int(y) for y in _YEAR.findall(period or "")]
    return (min(years), max(years)) if years else None


def parse_period(text: str) -> tuple[int, int] | None:
    """A year or a range a user types ('2022', '2021-2023', '2021..2023', '2023/2021'), or None."""
    m = _RANGE.match(text)
    if not m:
        return None
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    return (min(first, last), max(first, last))


def period_label(years: tuple[int, int]) -> str:
    """'2022' or '2021–2023'."""
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


@dataclass(frozen=True)
class Chip:
    """One active filter value, as the chip bar shows it; removing it gives `Filters.without`."""

    facet: str
    value: str
    label: str


@dataclass(frozen=True)
class Filters:
    """The active facets; empty tuples (and None for the period) mean "no filter"."""

    kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    period: tuple[int, int] | None = None
    documents: tuple[str, ...] = ()  # document ids
    regions: tuple[str, ...] = ()  # region ids: everything under each of them

    _FIELDS = {"kind": "kinds", "category": "categories", "status": "statuses",
               "document": "documents", "region": "regions"}

    @property
    def active(self) -> bool:
        """True when any facet is set."""
        return bool(self.kinds or self.categories or self.statuses or self.period
                    or self.documents or self.regions)

    @property
    def on_figures(self) -> bool:
        """True when a facet about figures (category, status, period, document) is set."""
        return bool(self.categories or self.statuses or self.period or self.documents)

    def with_value(self, facet: str, value: str) -> Filters:
        """These filters plus one facet value (a period replaces the one before)."""
        if facet == "period":
            years = parse_period(value)
            return replace(self, period=years) if years else self
        name = self._FIELDS[facet]
        values = getattr(self, name)
        return self if value in values else replace(self, **{name: (*values, value)})

    def without(self, facet: str, value: str) -> Filters:
        """These filters less one facet value."""
        if facet == "period":
            return replace(self, period=None)
        name = self._FIELDS[facet]
        return replace(self, **{name: tuple(v for v in getattr(self, name) if v != value)})

    def chips(self, store) -> list[Chip]:
        """Every active value as a chip, in facet order, labelled with names, not ids."""
        chips = [Chip("kind", k, f"kind: {k}") for k in self.kinds]
        chips += [Chip("category", c, f"category: {c}") for c in self.categories]
        chips += [Chip("status", s, f"status: {s}") for s in self.statuses]
        if self.period:
            label = period_label(self.period)
            chips.append(Chip("period", label, f"period: {label}"))
        for doc_id in self.documents:
            doc = store.documents.get(doc_id)
            chips.append(Chip("document", doc_id, f"document: {doc.file if doc else doc_id}"))
        chips += [Chip("region", r, f"under: {store.name_of(r) or r}") for r in self.regions]
        return chips

    def to_dict(self) -> dict:
        """A JSON-ready form (user state)."""
        return {"kinds": list(self.kinds), "categories": list(self.categories),
                "statuses": list(self.statuses), "period": list(self.period) if self.period else None,
                "documents": list(self.documents), "regions": list(self.regions)}

    @classmethod
    def from_dict(cls, data, store=None) -> Filters:
        """Filters read back from `to_dict`; values the store no longer knows are dropped."""
        if not isinstance(data, dict):
            return cls()

        def strings(key: str, known=None) -> tuple[str, ...]:
            values = data.get(key)
            if not isinstance(values, list):
                return ()
            return tuple(v for v in values if isinstance(v, str) and (known is None or v in known))
        period = data.get("period")
        years = (tuple(period) if isinstance(period, list) and len(period) == 2
                 and all(isinstance(y, int) for y in period) else None)
        return cls(strings("kinds", KINDS), strings("categories"), strings("statuses", STATUSES), years,
                   strings("documents", store.documents if store else None),
                   strings("regions", store.regions if store else None))


NO_FILTERS = Filters()


@dataclass
class Narrowing:
    """Filters applied to one store: which figures, entities and rows pass."""

    store: object
    filters: Filters = field(default_factory=Filters)

    @cached_property
    def _region_members(self) -> set[str]:
        """Ids under the region facet: the regions of each subtree and the companies located there."""
        from .views import subtree_ids  # views imports nothing from here
        regions = {rid for top in self.filters.regions for rid in subtree_ids(self.store, top)}
        companies = {c.id for c in self.store.companies.values() if c.region_id in regions}
        return regions | companies

    def figure(self, fig: Figure) -> bool:
        """True when a figure passes every figure facet and its subject lies under the region facet."""
        f = self.filters
        return (self._figure_facets(fig)
                and (not f.regions or (fig.subject_id or "") in self._region_members))

    def _figure_facets(self, fig: Figure) -> bool:
        """Category, status, period and document of one figure."""
        f = self.filters
        if f.categories and fig.category not in f.categories:
            return False
        if f.statuses and fig.status not in f.statuses:
            return False
        if f.documents and fig.doc_id not in f.documents:
            return False
        if f.period:
            years = period_years(fig.period)
            return years is not None and years[0] <= f.period[1] and f.period[0] <= years[1]
        return True

    def entity(self, kind: str, entity_id: str) -> bool:
        """True when a company or region passes: its kind, its place, and (with figure facets set)
        at least one of its own figures, or for a document facet a mention in that document."""
        f = self.filters
        if f.kinds and kind not in f.kinds:
            return False
        if f.regions and entity_id not in self._region_members:
            return False
        if not f.on_figures:
            return True
        if any(self._figure_facets(fig) for fig in self.store.figures_of(entity_id)):
            return True
        return bool(f.documents) and not (f.categories or f.statuses or f.period) and any(
            m.doc_id in f.documents for m in self.store.mentions_of(entity_id))

    def row(self, row) -> bool:
        """True when a results-table row (company, region or figure) passes."""
        if row.kind == "figure":
            fig = self.store.figures.get(row.id)
            return (not self.filters.kinds or "figure" in self.filters.kinds) and (
                fig is not None and self.figure(fig))
        return self.entity(row.kind, row.id)

    def rows(self, rows: list) -> list:
        """The rows that pass, in their order."""
        if not self.filters.active:
            return list(rows)
        return [r for r in rows if self.row(r)]

    def ranking(self, ranking):
        """A ranking with only passing figures; entities left without one drop out.

        Each entry keeps the figure it was ranked by when that passes, else the first of its passing
        figures in the ranking's own order (latest period first), so the choice stays the ranking's.
        """
        if not self.filters.active:
            return ranking
        entries = []
        for entry in ranking.entries:
            figs = tuple(fig for fig in entry.figures if self.figure(fig))
            if figs and (not self.filters.kinds or entry.kind in self.filters.kinds):
                entries.append(replace(entry, figure=entry.figure if entry.figure in figs else figs[0], figures=figs))
        entries.sort(key=lambda e: (-e.value, e.name.lower()))
        return replace(ranking, entries=tuple(entries))

    def comparison(self, comparison):
        """A comparison whose cells hold only passing figures (rows left empty go when hidden)."""
        if not self.filters.active:
            return comparison
        rows = [replace(row, cells=tuple(tuple(fig for fig in cell if self.figure(fig)) for cell in row.cells))
                for row in comparison.rows]
        if comparison.hidden_empty:
            rows = [r for r in rows if any(r.cells)]
        return replace(comparison, rows=tuple(rows))


@dataclass(frozen=True)
class FacetValue:
    """A value a user can filter by, with how many figures (or items) have it."""

    facet: str
    value: str
    label: str
    count: int


def facet_values(store) -> list[FacetValue]:
    """Every facet value the store has, with counts, for the filter picker (most figures first)."""
    figs = list(store.figures.values())
    out = [FacetValue("kind", k, k, n) for k, n in
           (("company", len(store.companies)), ("region", len(store.regions)), ("figure", len(figs)))]
    by_category = Counter(f.category for f in figs)
    known = [c for c in CATEGORIES if by_category[c]] + sorted(c for c in by_category if c not in CATEGORIES)
    out += [FacetValue("category", c, c, by_category[c]) for c in known]
    by_status = Counter(f.status for f in figs)
    out += [FacetValue("status", s, s, by_status[s]) for s in STATUSES if by_status[s]]
    by_year = Counter(y for f in figs for y in _years_in(period_years(f.period)))
    out += [FacetValue("period", str(y), str(y), n) for y, n in sorted(by_year.items(), reverse=True)]
    by_doc = Counter(f.doc_id for f in figs)
    out += [FacetValue("document", d.id, d.file, by_doc[d.id])
            for d in sorted(store.documents.values(), key=lambda d: d.file)]
    out += [FacetValue("region", node.region.id, "  " * depth + node.region.name, node.figure_count)
            for node, depth in _walk(store.region_tree())]
    return out


def _years_in(years: tuple[int, int] | None) -> range:
    """Every year of a (first, last) pair; an empty range for None."""
    return range(years[0], years[1] + 1) if years else range(0)


def _walk(nodes, depth: int = 0):
    """(node, depth) for every region tree node, parents before children."""
    for node in nodes:
        yield node, depth
        yield from _walk(node.children, depth + 1)
