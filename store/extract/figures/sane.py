"""Which figure values are worth keeping: finite, not absurd, negative only where that means something.

The rule lives with the extractor, so a figure with a 400-digit amount (which overflows to
infinity, and JSON cannot hold) never leaves extraction; the store applies the same rule again
to rows it reads, so a damaged file cannot bring one back.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import TypeVar

from ...models import FigureHit

# No figure in manufacturing news comes near 10^18 in any unit (world output is ~10^14 dollars).
MAX_VALUE = 1e18
# Where a negative value means something besides a change (kind "change"): a loss, anything else.
SIGNED_CATEGORIES = frozenset({"profit", "other"})
F = TypeVar("F")  # FigureHit or Figure: both carry value, category, kind, unit, conversion


def sane_value(value, category: str = "other", kind: str = "level", unit: str = "") -> bool:
    """True for a value worth storing: a finite number, not absurdly large, negative only where
    a negative means something, a market share no larger than the whole market."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return False
    if abs(value) > MAX_VALUE:
        return False
    if value < 0 and kind != "change" and category not in SIGNED_CATEGORIES:
        return False
    return not (category == "market_share" and unit == "%" and value > 100)


def sane_figure(figure: F) -> F | None:
    """The figure (a hit or a stored Figure) as worth keeping: -0 made 0, a conversion with a bad
    value dropped; None when its own value is not sane."""
    if not sane_value(figure.value, figure.category, figure.kind, figure.unit):
        return None
    conversion = figure.conversion
    if conversion is not None and not sane_value(conversion.get("value")):
        conversion = None
    if figure.value == 0 or conversion is not figure.conversion:  # -0.0 == 0: kept as 0.0
        figure = replace(figure, value=figure.value if figure.value else 0.0, conversion=conversion)
    return figure


def sane_hits(hits: list[FigureHit]) -> list[FigureHit]:
    """The hits worth keeping (see `sane_figure`)."""
    return [kept for kept in map(sane_figure, hits) if kept is not None]
