"""Search as people read it: names and places matched by their words first, typos last.

The index ranks hits the way a person reads them (see scoring.py): companies and regions whose
names contain every query word (or words starting with them), then figures whose text, metric,
subject, category, value or period do, then names matched by a typo, then figures matched by a
typo of their subject, metric or category (never of their own wording: "yuhuan" is not "yuan").
Typo hits far below the best hit are left out. `find` is that ranking, as the explorer and the
CLI ask for it.
"""
from __future__ import annotations

from .search import Result


def find(store, query: str, kind: str | None = None, limit: int = 20) -> list[Result]:
    """Ranked search hits for a person: word matches first, entities before figures, no noise."""
    return store.search(query, kind, limit)
