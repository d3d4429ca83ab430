"""Rank entities by one metric: every company or region with a figure of a category and unit."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..errors import NotFound
from ..models import CATEGORIES, Figure


@dataclass(frozen=True)
class RankedEntity:
    """One entity in a ranking: its largest figure of the metric, and all of them."""

    entity_id: str
    name: str
    kind: str
    figure: Figure
    figures: tuple[Figure, ...]

    @property
    def value(self) -> float:
        """The value the entity is ranked by (its largest figure)."""
        return self.figure.value


@dataclass(frozen=True)
class Ranking:
    """Entities with a figure of `category` in `unit`, largest first; other units are listed apart."""

    category: str
    unit: str | None
    entries: tuple[RankedEntity, ...]
    other_units: tuple[str, ...] = ()

    def bar_fraction(self, entry: RankedEntity) -> float:
        """Length of the entry's bar relative to the largest value (0..1), for a bar chart."""
        top = max((abs(e.value) for e in self.entries), default=0.0)
        return abs(entry.value) / top if top else 0.0


def units_for(store, category: str) -> list[str]:
    """Units of the figures of `category` that have a subject, most figures first."""
    counts = Counter(f.unit for f in store.figures.values() if f.category == category and f.subject_id)
    return [u for u, _ in sorted(counts.items(), key=lambda uc: (-uc[1], uc[0]))]


def rank(store, category: str, unit: str | None = None) -> Ranking:
    """Rank every entity with a figure of `category` in `unit` (default: the commonest unit)."""
    if category not in CATEGORIES:
        raise NotFound(category, what="figure category", known="categories: " + ", ".join(CATEGORIES))
    units = units_for(store, category)
    if unit is None:
        unit = units[0] if units else None
    by_entity: dict[str, list[Figure]] = {}
    for fig in store.figures_by_category(category, unit):
        if store.entity(fig.subject_id or ""):
            by_entity.setdefault(fig.subject_id, []).append(fig)
    entries = []
    for eid, figs in by_entity.items():
        figs.sort(key=lambda f: (-f.value, f.doc_id, f.start))
        entries.append(RankedEntity(eid, store.name_of(eid), store.kind_of(eid), figs[0], tuple(figs)))
    entries.sort(key=lambda e: (-e.value, e.name.lower()))
    return Ranking(category, unit, tuple(entries), tuple(u for u in units if u != unit))


def rank_like(store, figure: Figure) -> Ranking:
    """The ranking a figure belongs to: same category, same unit (the TUI's `m`)."""
    return rank(store, figure.category, figure.unit)


def resolve_category(category: str) -> str:
    """A figure category from what the user typed ('market-share' → 'market share'); NotFound if none."""
    wanted = re.sub(r"[-_\s]+", " ", category.strip().lower())
    if wanted in CATEGORIES:
        return wanted
    close = [c for c, _, _ in process.extract(wanted, CATEGORIES, scorer=fuzz.WRatio, limit=3,
                                              score_cutoff=60)]
    raise NotFound(category, close, "figure category", "categories: " + ", ".join(CATEGORIES))
