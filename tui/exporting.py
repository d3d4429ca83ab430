"""What `e` / ctrl+e and `y` export: every screen names its current view as an ExportView."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class ExportView:
    """A view to export: its kind and name (for the file name) and how to build its Markdown."""

    view: str  # search | list | region | entity | comparison | ranking
    name: str
    build: Callable[[], str]  # runs in a worker thread: it may take a while on a big store


def current_export_view(screen) -> ExportView | None:
    """The screen's current view, if the screen has one to export."""
    describe = getattr(screen, "export_view", None)
    return describe() if callable(describe) else None


def explorer_export_view(store, title: str, query: str, rows: list, in_list: bool, current) -> ExportView | None:
    """The explorer's current view: the listed rows, in screen order, while the search box or the
    results have focus; else what the detail pane shows (a region, or the card of a company or of a
    figure's subject)."""
    from store import entity_markdown, region_markdown, rows_markdown, search_markdown
    if in_list and rows:
        if query.strip():
            return ExportView("search", query, lambda: search_markdown(store, query, rows))
        return ExportView("list", title, lambda: rows_markdown(store, title, rows))
    entity_id = current.id if current is not None else None
    if current is not None and current.kind == "figure":
        fig = store.figures.get(current.id)
        entity_id = fig.subject_id if fig else None
    if not entity_id or store.entity(entity_id) is None:
        return None
    if store.kind_of(entity_id) == "region":
        return ExportView("region", store.name_of(entity_id), lambda: region_markdown(store, entity_id))
    return ExportView("entity", store.name_of(entity_id), lambda: entity_markdown(store, entity_id))
