"""Rank entities by one measure: like compared with like.

A ranking holds one category, one kind (level, change or share) and one unit family (tons with
kilograms, never yuan with dollars). Only actual figures by default; plans can be switched in and are
marked; thresholds (the bounds that define a group) never appear. Each entity is ranked by its figure
for the latest period, and that period is shown beside it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..errors import NotFound
from ..models import CATEGORIES, KINDS, Figure
from .periods import period_end
from .units import family_of, in_base_unit

RANKED_STATUSES = ("actual", "plan")  # a threshold is never ranked


@dataclass(frozen=True)
class RankedEntity:
    """One entity in a ranking: its figure for the latest period, and all its figures of the measure."""

    entity_id: str
    name: str
    kind: str  # "company" | "region"
    figure: Figure
    figures: tuple[Figure, ...]

    @property
    def value(self) -> float:
        """The value the entity is ranked by, in the unit family's base unit."""
        return in_base_unit(self.figure.value, self.figure.unit)

    @property
    def period(self) -> str:
        """The period of the ranked figure: its calendar period, else as written, else ''."""
        return self.figure.period or self.figure.period_text or ""


@dataclass(frozen=True)
class Ranking:
    """Entities with a figure of `category`, `kind` and `unit`'s family, largest first.

    `other_units` and `other_kinds` are what the same category can also be ranked by;
    `with_plans` says whether plans are ranked beside actual figures.
    """

    category: str
    unit: str | None
    entries: tuple[RankedEntity, ...]
    other_units: tuple[str, ...] = ()
    kind: str = "level"
    other_kinds: tuple[str, ...] = ()
    with_plans: bool = False

    def bar_fraction(self, entry: RankedEntity) -> float:
        """Length of the entry's bar relative to the largest value (0..1), for a bar chart."""
        top = max((abs(e.value) for e in self.entries), default=0.0)
        return abs(entry.value) / top if top else 0.0


def _rankable(store, category: str, kind: str | None = None, with_plans: bool = False) -> list[Figure]:
    """Figures of a category (and kind) that have a subject and may be ranked."""
    statuses = RANKED_STATUSES if with_plans else RANKED_STATUSES[:1]
    return [f for f in store.figures_by_category(category) if f.subject_id and f.status in statuses
            and (kind is None or f.kind == kind)]


def kinds_for(store, category: str, with_plans: bool = False) -> list[str]:
    """Kinds of the category's rankable figures, most figures first (ties in KINDS order)."""
    counts = Counter(f.kind for f in _rankable(store, category, None, with_plans))
    return sorted(counts, key=lambda k: (-counts[k], KINDS.index(k) if k in KINDS else len(KINDS)))


def units_for(store, category: str, kind: str | None = None, with_plans: bool = False) -> list[str]:
    """One unit per unit family of the category's rankable figures (its commonest), most figures first."""
    counts = Counter(f.unit for f in _rankable(store, category, kind, with_plans))
    families: dict[str, Counter] = {}
    for unit, n in counts.items():
        families.setdefault(family_of(unit), Counter())[unit] = n
    ordered = sorted(families.values(), key=lambda c: (-sum(c.values()), c.most_common(1)[0][0]))
    return [c.most_common(1)[0][0] for c in ordered]


def _latest(figures: list[Figure]) -> Figure:
    """The figure for the latest period (an undated one only when none is dated); largest on a tie."""
    return max(figures, key=lambda f: (period_end(f.period), f.status == "actual", in_base_unit(f.value, f.unit)))


def rank(store, category: str, unit: str | None = None, kind: str | None = None,
         with_plans: bool = False) -> Ranking:
    """Rank every entity with a figure of `category`, `kind` (default: the commonest) and the unit
    family of `unit` (default: the commonest); actual figures only unless `with_plans`."""
    if category not in CATEGORIES:
        raise NotFound(category, what="figure category", known="categories: " + ", ".join(CATEGORIES))
    kinds = kinds_for(store, category, with_plans)
    kind = kind if kind is not None else (kinds[0] if kinds else "level")
    units = units_for(store, category, kind, with_plans)
    if unit is None:
        unit = units[0] if units else None
    family = family_of(unit) if unit is not None else None
    by_entity: dict[str, list[Figure]] = {}
    for fig in _rankable(store, category, kind, with_plans):
        if family_of(fig.unit) == family and store.entity(fig.subject_id):
            by_entity.setdefault(fig.subject_id, []).append(fig)
    entries = []
    for eid, figs in by_entity.items():
        figs.sort(key=lambda f: (-period_end(f.period)[0], -period_end(f.period)[1], f.doc_id, f.start))
        entries.append(RankedEntity(eid, store.name_of(eid), store.kind_of(eid), _latest(figs), tuple(figs)))
    entries.sort(key=lambda e: (-e.value, e.name.lower()))
    return Ranking(category, unit, tuple(entries), tuple(u for u in units if family_of(u) != family),
                   kind, tuple(k for k in kinds if k != kind), with_plans)


def rank_like(store, figure: Figure) -> Ranking:
    """The ranking a figure belongs to: its category, kind and unit family (plans in for a plan)."""
    return rank(store, figure.category, figure.unit, figure.kind, with_plans=figure.status == "plan")


def resolve_category(category: str) -> str:
    """A figure category from what the user typed ('market share' → 'market_share'); NotFound if none."""
    wanted = re.sub(r"[-\s]+", "_", category.strip().lower())
    if wanted in CATEGORIES:
        return wanted
    close = [c for c, _, _ in process.extract(wanted, CATEGORIES, scorer=fuzz.WRatio, limit=3,
                                              score_cutoff=60)]
    raise NotFound(category, close, "figure category", "categories: " + ", ".join(CATEGORIES))


def resolve_kind(kind: str) -> str:
    """A figure kind from what the user typed; NotFound if it is none of KINDS."""
    wanted = kind.strip().lower()
    if wanted in KINDS:
        return wanted
    raise NotFound(kind, [k for k in KINDS if k.startswith(wanted[:1])], "figure kind", "kinds: " + ", ".join(KINDS))
