"""The store as one JSON-ready dict: the `dump` shape the shared scorer reads."""
from __future__ import annotations

from dataclasses import asdict


def dump_store(store) -> dict:
    """documents, regions, companies, mentions and figures, with offsets into the original text."""
    return {
        "documents": [{k: v for k, v in asdict(d).items() if k != "text"}
                      for d in store.documents.values()],
        "regions": [asdict(r) for r in store.regions.values()],
        "companies": [asdict(c) for c in store.companies.values()],
        "mentions": [asdict(m) for m in store.mentions],
        "figures": [asdict(f) for f in store.figures.values()],
    }
