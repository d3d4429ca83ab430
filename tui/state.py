"""What the explorer is showing: a small value shared by the app, its widgets and later screens."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Selection:
    """The kind ("company" | "region" | "figure") and id of the item in the detail pane."""

    kind: str
    id: str
