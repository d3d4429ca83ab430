"""The store as one JSON-ready dict: the `dump` shape the shared scorer reads."""
from __future__ import annotations

from dataclasses import asdict, fields


def dump_store(store) -> dict:
    """documents, regions, companies, mentions and figures, with offsets into the original text."""
    return {
        # Field by field, not asdict: a stored document's text stays in its file.
        "documents": [{f.name: _plain(getattr(d, f.name)) for f in fields(d) if f.name != "text"}
                      for d in store.documents.values()],
        "regions": [asdict(r) for r in store.regions.values()],
        "companies": [asdict(c) for c in store.companies.values()],
        "mentions": [asdict(m) for m in store.mentions],
        "figures": [_with_links(asdict(f), store.links_of(f.id)) for f in store.figures.values()],
    }


def _with_links(row: dict, links) -> dict:
    """A figure's row with its links, worked out now (the store keeps none), in their places."""
    row.update(links.as_dict())
    return row


def _plain(value):
    """A copy of a field's value, as asdict would give it (lists copied)."""
    return [_plain(v) for v in value] if isinstance(value, list) else value
