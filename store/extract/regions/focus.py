"""The place an article is about: named in its title or opening, named most, most local."""
from __future__ import annotations

from collections import Counter

from ...models import Region, RegionHit
from ..document import DocModel
from .hierarchy import chain

LEVEL_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "district": 2, "town": 3, "zone": 4}
TITLE_WEIGHT = 3
OPENING_WEIGHT = 2
OPENING_PARAGRAPHS = 2
# A more local place takes over from its parent when it gets this share of the parent's weight.
LOCAL_SHARE = 0.5


def focus_place(model: DocModel, hits: list[RegionHit], records: dict[str, Region]) -> str | None:
    """The region the article is about, or None when it names no place clearly enough.

    Each mention weighs 1, more in the title or the opening paragraphs; a place's weight also
    counts for its ancestors. The heaviest place wins, and then the most local place under it
    whose own weight is at least half of it (an article about Jiading, a district of Shanghai,
    is about Jiading).
    """
    weights: Counter[str] = Counter()
    opening = {p.index for p in model.paragraphs if not p.is_heading}
    opening = set(sorted(opening)[:OPENING_PARAGRAPHS])
    for hit in hits:
        para = model.paragraph_at(hit.start)
        weight = 1
        if model.title is not None and model.title.start <= hit.start < model.title.end:
            weight = TITLE_WEIGHT
        elif para is not None and para.index in opening:
            weight = OPENING_WEIGHT
        own = chain(hit.key, records)
        weights[hit.key] += weight
        for ancestor in own[1:]:
            weights[ancestor] += weight / 2  # a district's news is partly its city's
    if not weights:
        return None
    best = max(weights, key=lambda r: (weights[r], LEVEL_DEPTH.get(records[r].level, 0)))
    while True:
        children = [r for r in weights if records[r].parent_id == best
                    and weights[r] >= LOCAL_SHARE * weights[best]]
        if not children:
            return best
        best = max(children, key=lambda r: weights[r])
