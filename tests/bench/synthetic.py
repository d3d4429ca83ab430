"""About 100,000 search items without building 1,400 articles: a store's items, altered per copy
exactly as the corpus copies are (alter.py), regions once each."""
from __future__ import annotations

import math

from store.query.index import index_entries
from store.query.search import Entry, SearchIndex

from .alter import Alteration
from .corpus import Places, Renamer, seed_files


def synthetic_entries(store, target: int) -> list[Entry]:
    """The store's entries, copied until there are about `target` of them."""
    base = index_entries(store)  # with their keys as written (a kept index has them normalised)
    per_copy = sum(e.kind != "region" for e in base)
    copies = max(1, math.ceil((target - len(base)) / per_copy) + 1)
    renamer = Renamer(store, Places.load(), [p.read_text(encoding="utf-8") for p in seed_files()])
    out, regions = list(base), {e.label for e in base if e.kind == "region"}
    for copy in range(1, copies):
        alt = Alteration(copy, renamer.names_for(copy))
        for e in base:
            label = alt(e.label)
            if e.kind == "region":
                if label in regions:
                    continue
                regions.add(label)
            typo = tuple(alt(k) for k in e.typo_keys) if e.typo_keys is not None else None
            out.append(Entry(e.kind, f"{e.id}~{copy}", label, tuple(alt(k) for k in e.keys), typo))
    return out


def synthetic_index(store, target: int) -> SearchIndex:
    """A search index over about `target` synthetic items."""
    return SearchIndex(synthetic_entries(store, target))
