"""Link figures across documents at build time: the same fact stated again (corroboration) or differently (conflict).

Corroboration: other document, same subject, unit and value (within rounding), and nothing saying
they measure different things (categories agree or one is "other"; metric labels mostly share
content words, or one has none). A conflict is a stronger claim, so it needs the same subject,
category, unit and a known, equal period, metrics that agree, and values that do not.

Both need the same subject and unit, so figures are only compared within a bucket of that key
(`link_key`), and `relink` links again only the buckets an ingest touches.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from typing import Iterable

from ..models import Figure

# Rounding: "8.88 billion" and "8.9 billion" are one figure; 1% is also the shared scorer's tolerance.
VALUE_TOLERANCE = 0.01
# Words that say nothing about *what* is measured, so sharing them does not make two metrics alike.
GENERIC_WORDS = frozenset("""a an the of in on for to by at from with and or its their this that than as per total
    number amount value rate share level scale annual yearly year years about over more less nearly
    around some which was were is are be been has have had new
    manufacturing industry industrial""".split())  # the whole corpus is about manufacturing
# Share of the shorter metric label's content words the other must contain: one shared word in
# five ("output") is a coincidence, two ("space utilization") is the same measure.
MIN_OVERLAP = 0.4
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Links:
    """Figures in other documents that state the same fact, or a different value for it."""

    corroborated_by: tuple[str, ...] = ()
    conflicts_with: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, list[str]]:
        """The two id lists, JSON-ready (the shape `dump` carries per figure)."""
        return {"corroborated_by": list(self.corroborated_by), "conflicts_with": list(self.conflicts_with)}


NO_LINKS = Links()


def same_value(a: float, b: float, tolerance: float = VALUE_TOLERANCE) -> bool:
    """True when two values agree within a relative rounding tolerance."""
    scale = max(abs(a), abs(b))
    return scale == 0 or abs(a - b) <= tolerance * scale


@lru_cache(maxsize=4096)
def metric_words(metric: str) -> frozenset[str]:
    """Content words of a metric label, plurals folded ("Crane outputs" → {crane, output})."""
    return frozenset(_singular(w) for w in _WORD.findall(metric.lower()) if w not in GENERIC_WORDS)


def _singular(word: str) -> str:
    """'industries' → 'industry', 'glasses' → 'glass', 'cranes' → 'crane'; 'gross' is kept."""
    if len(word) > 4 and word.endswith(("ies", "sses")):
        return word[:-3] + "y" if word.endswith("ies") else word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def metric_overlap(a: str, b: str) -> float | None:
    """Shared content words over the shorter label's (0..1); None when a label has none."""
    wa, wb = metric_words(a or ""), metric_words(b or "")
    if not wa or not wb:
        return None
    return len(wa & wb) / min(len(wa), len(wb))


def _metrics_may_match(a: Figure, b: Figure) -> bool:
    """Metric labels mostly agree, or one of them is too vague to tell."""
    overlap = metric_overlap(a.metric, b.metric)
    return overlap is None or overlap >= MIN_OVERLAP


def corroborates(a: Figure, b: Figure) -> bool:
    """True when `b` restates `a` in another document: same subject, unit, kind and value."""
    return (a.doc_id != b.doc_id and a.subject_id is not None and a.subject_id == b.subject_id
            and a.unit == b.unit and a.kind == b.kind and same_value(a.value, b.value)
            and (a.category == b.category or "other" in (a.category, b.category))
            and _metrics_may_match(a, b))


def conflicts(a: Figure, b: Figure) -> bool:
    """True when another document gives a different value for the same subject, measure and period
    (a plan does not contradict a fact, and a group's bound is not a fact about the subject)."""
    return (a.doc_id != b.doc_id and a.subject_id is not None and a.subject_id == b.subject_id
            and a.unit == b.unit and a.category == b.category and a.kind == b.kind
            and a.status == b.status == "actual"
            and a.period is not None and a.period == b.period
            and (metric_overlap(a.metric, b.metric) or 0) >= MIN_OVERLAP
            and not same_value(a.value, b.value))


def link_key(fig: Figure) -> tuple[str | None, str]:
    """The bucket a figure is linked within: only figures with the same key can be linked."""
    return fig.subject_id, fig.unit


def link_figures(figures: Iterable[Figure]) -> dict[str, Links]:
    """Links for every figure id (empty Links where a figure stands alone), computed once at load."""
    figures = list(figures)
    agree: dict[str, list[str]] = defaultdict(list)
    differ: dict[str, list[str]] = defaultdict(list)
    # Corroborating values are close, so sort each (subject, unit) group by value and only compare
    # neighbours within the tolerance: near-linear even when one province has thousands of figures.
    for group in _groups(figures, link_key):
        group.sort(key=lambda f: f.value)
        for i, a in enumerate(group):
            for j in range(i + 1, len(group)):
                b = group[j]
                if not same_value(a.value, b.value):
                    break
                if corroborates(a, b):
                    agree[a.id].append(b.id)
                    agree[b.id].append(a.id)
    # Conflicts need an equal, known period, which keeps these groups small enough to pair up.
    for group in _groups([f for f in figures if f.period], lambda f: (f.subject_id, f.unit, f.category, f.period)):
        for a, b in combinations(group, 2):
            if conflicts(a, b):
                differ[a.id].append(b.id)
                differ[b.id].append(a.id)
    return {f.id: Links(tuple(sorted(agree[f.id])), tuple(sorted(differ[f.id])))
            if f.id in agree or f.id in differ else NO_LINKS for f in figures}


def _groups(figures: list[Figure], key) -> list[list[Figure]]:
    """Figures with a subject, grouped by `key`; groups of one are dropped (nothing to link)."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for fig in figures:
        if fig.subject_id:
            groups[key(fig)].append(fig)
    return [g for g in groups.values() if len(g) > 1]


def attach_links(figures: list[Figure]) -> None:
    """Store each figure's links on the figure itself (done once, when a store is built)."""
    links = link_figures(figures)
    for fig in figures:
        if fig.id in links:
            fig.corroborated_by = list(links[fig.id].corroborated_by)
            fig.conflicts_with = list(links[fig.id].conflicts_with)


def relink(fresh: dict[str, list[Figure]], replaced: list[Figure], figures_in) -> list[Figure]:
    """Link the `fresh` figures (doc id → figures, new or replacing all of that document's) and
    return the stored figures (from `figures_in(keys)`) whose links change, as new records.

    Only the buckets fresh figures enter or `replaced` ones (their old versions) leave are read,
    and only pairs with a fresh figure are compared: `link_figures` links exactly the pairs the
    predicates accept (within a bucket sorted by value the agreeing values are contiguous), so a
    stored figure keeps its links but those to replaced figures, and gains the fresh ones.
    """
    new = [f for figs in fresh.values() for f in figs]
    keys = {k for k in map(link_key, new + list(replaced)) if k[0] is not None}
    stored = [f for f in figures_in(keys) if f.doc_id not in fresh] if keys else []
    agree, differ = _pairs_with(new, stored)
    for f in new:
        f.corroborated_by, f.conflicts_with = sorted(agree[f.id]), sorted(differ[f.id])
    gone = {f.id for f in new} | {f.id for f in replaced}
    changed = []
    for f in stored:
        corroborated = sorted((set(f.corroborated_by) - gone) | agree[f.id])
        conflicting = sorted((set(f.conflicts_with) - gone) | differ[f.id])
        if corroborated != list(f.corroborated_by) or conflicting != list(f.conflicts_with):
            changed.append(replace(f, corroborated_by=corroborated, conflicts_with=conflicting))
    return changed


def _pairs_with(new: list[Figure], stored: list[Figure]) -> tuple[dict, dict]:
    """Corroborating and conflicting pairs that involve a figure of `new` (id → partner ids)."""
    agree: dict[str, set] = defaultdict(set)
    differ: dict[str, set] = defaultdict(set)
    by_key: dict[tuple, list[Figure]] = defaultdict(list)
    by_period: dict[tuple, list[Figure]] = defaultdict(list)
    for f in stored:
        by_key[link_key(f)].append(f)
    for group in by_key.values():
        group.sort(key=lambda f: f.value)
    values = {k: [f.value for f in group] for k, group in by_key.items()}
    for f in stored:
        if f.period:
            by_period[_period_key(f)].append(f)
    seen: list[Figure] = []
    for g in (f for f in new if f.subject_id is not None):
        lo, hi = _agreeing_range(g.value)
        group, vals = by_key.get(link_key(g), []), values.get(link_key(g), [])
        near = group[bisect_left(vals, lo):bisect_right(vals, hi)]
        for b in near + [f for f in seen if link_key(f) == link_key(g)]:
            if corroborates(g, b):
                agree[g.id].add(b.id)
                agree[b.id].add(g.id)
        if g.period:
            for b in by_period.get(_period_key(g), []) + [f for f in seen if f.period and _period_key(f) == _period_key(g)]:
                if conflicts(g, b):
                    differ[g.id].add(b.id)
                    differ[b.id].add(g.id)
        seen.append(g)
    return agree, differ


def _period_key(f: Figure) -> tuple:
    """The group conflicts are looked for in."""
    return f.subject_id, f.unit, f.category, f.period


def _agreeing_range(value: float) -> tuple[float, float]:
    """Bounds holding every value `same_value` accepts with `value` (a hair wide: it re-checks)."""
    a, b = value * (1 - VALUE_TOLERANCE), value / (1 - VALUE_TOLERANCE)
    lo, hi = min(a, b), max(a, b)
    return lo - abs(lo) * 1e-9, hi + abs(hi) * 1e-9
