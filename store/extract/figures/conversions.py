"""A currency conversion in brackets is the same fact as the figure before it, not a second figure.

"1.22 trillion yuan ($181.83 billion)": the dollar amount is kept as the yuan figure's
`conversion` (grounded: its own offsets and text), so rankings and comparisons count the fact once.
"""
from __future__ import annotations

import re

from ...models import FigureHit
from .vocabulary import vocabulary

_OPEN = re.compile(r"\s*[(（]\s*")
_CLOSE = re.compile(r"\s*[)）]")


def fold_conversions(text: str, hits: list[FigureHit]) -> list[FigureHit]:
    """The hits without bracketed currency conversions; each is stored on the figure it converts."""
    currencies = vocabulary().currencies
    kept: list[FigureHit] = []
    for hit in hits:
        before = kept[-1] if kept else None
        if before is not None and before.unit in currencies and hit.unit in currencies \
                and hit.unit != before.unit and _OPEN.fullmatch(text, before.end, hit.start) \
                and _CLOSE.match(text, hit.end):
            before.conversion = {"start": hit.start, "end": hit.end, "text": hit.text,
                                 "value": hit.value, "unit": hit.unit}
            continue
        kept.append(hit)
    return kept
