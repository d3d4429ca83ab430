"""Read the links between figures: which other documents state a figure again, or differently."""
from __future__ import annotations

from ..extract.corroborate import NO_LINKS, Links, link_figures
from ..models import Figure

__all__ = ["NO_LINKS", "Links", "describe_links", "store_links"]


def store_links(store) -> dict[str, Links]:
    """The store's links: its own table when it has one, else computed now."""
    links = getattr(store, "links", None)
    return links if isinstance(links, dict) else link_figures(store.figures.values())


def describe_links(store, figure: Figure, links: dict[str, Links] | None = None) -> str:
    """'stated in N sources: …' and/or 'sources differ: …' for one figure ('' when alone)."""
    link = (links if links is not None else store_links(store)).get(figure.id, NO_LINKS)
    parts = []
    if link.corroborated_by:
        ids = [figure.id, *link.corroborated_by]
        files = list(dict.fromkeys(store.documents[store.figures[i].doc_id].file for i in ids if i in store.figures))
        parts.append(f"stated in {len(files)} sources: {', '.join(files)}")
    if link.conflicts_with:
        others = [store.figures[i] for i in link.conflicts_with if i in store.figures]
        stated = "; ".join(f"{o.text} in {store.documents[o.doc_id].file}" for o in others)
        parts.append(f"sources differ: {figure.text} here; {stated}")
    return " | ".join(parts)
