"""Link figures across documents at build time: the same fact stated again (corroboration) or differently (conflict).

Corroboration: other document, same subject, unit and value (within rounding), and nothing saying
they measure different things (categories agree or one is "other"; metric labels mostly share
content words, or one has none). A conflict is a stronger claim, so it needs the same subject,
category, unit and a known, equal period, metrics that agree, and values that do not.

Both need the same subject and unit, so figures are only compared within a bucket of that key
(`link_key`). A store keeps no links: they grow with the square of the figures about one subject,
so a figure's are worked out when asked (`query.corroboration.LinkIndex`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
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
    """Links for every figure id (empty Links where a figure stands alone), all at once (the
    reference: a store works one figure's out when asked, `query.corroboration.LinkIndex`)."""
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


def conflict_key(fig: Figure) -> tuple | None:
    """The group a figure's conflicts are all in (see `conflicts`); None when it can have none."""
    if fig.subject_id is None or not fig.period or fig.status != "actual":
        return None
    return fig.subject_id, fig.unit, fig.category, fig.period, fig.kind


def agreeing_range(value: float) -> tuple[float, float]:
    """Bounds holding every value `same_value` accepts with `value` (a hair wide: it re-checks)."""
    a, b = value * (1 - VALUE_TOLERANCE), value / (1 - VALUE_TOLERANCE)
    lo, hi = min(a, b), max(a, b)
    return lo - abs(lo) * 1e-9, hi + abs(hi) * 1e-9
