"""What `e` / ctrl+e and `y` export: every screen names its current view as an ExportView."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class ExportView:
    """A view to export: its kind and name (for the file name) and how to build its Markdown."""

    view: str  # search | region | entity | comparison | ranking
    name: str
    build: Callable[[], str]  # runs in a worker thread: it may take a while on a big store


def current_export_view(screen) -> ExportView | None:
    """The screen's current view, if the screen has one to export."""
    describe = getattr(screen, "export_view", None)
    return describe() if callable(describe) else None
