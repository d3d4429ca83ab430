"""Turn a store's companies, regions and figures into search entries."""
from __future__ import annotations

from .search import Entry, SearchIndex


def format_value(value: float) -> str:
    """A value without a spurious '.0' (18500000000.0 → '18500000000')."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def figure_label(store, fig) -> str:
    """How a figure reads in a result list: its text, metric and subject."""
    subject = store.name_of(fig.subject_id)
    return f"{fig.text} — {fig.metric}" + (f" ({subject})" if subject else "")


def build_index(store) -> SearchIndex:
    """One index over every company, region and figure of the store."""
    entries = []
    for c in store.companies.values():
        entries.append(Entry("company", c.id, c.name, (c.name, *c.aliases)))
    for r in store.regions.values():
        entries.append(Entry("region", r.id, r.name, (r.name, *r.aliases)))
    for f in store.figures.values():
        keys = (f.text, f.metric, f"{f.text} {f.metric} {store.name_of(f.subject_id)}",
                format_value(f.value), f.category)
        entries.append(Entry("figure", f.id, figure_label(store, f), keys))
    return SearchIndex(entries)
