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


def figure_entry(store, fig) -> Entry:
    """A figure is found by its text, metric, subject, value, category and period ("revenue
    2022"); a typo may match only its metric, subject or category, never its own wording
    (else "yuhuan" would find every "yuan")."""
    subject = store.name_of(fig.subject_id)
    keys = (fig.text, fig.metric, f"{fig.text} {fig.metric} {subject}",
            format_value(fig.value), fig.category, fig.period or "")
    return Entry("figure", fig.id, figure_label(store, fig), keys, (fig.metric, subject, fig.category))


def index_entries(store) -> list[Entry]:
    """One entry per company, region and figure of the store."""
    entries = [Entry("company", c.id, c.name, (c.name, *c.aliases)) for c in store.companies.values()]
    entries += [Entry("region", r.id, r.name, (r.name, *r.aliases)) for r in store.regions.values()]
    entries += [figure_entry(store, f) for f in store.figures.values()]
    return entries


def build_index(store) -> SearchIndex:
    """One index over every company, region and figure of the store."""
    return SearchIndex(index_entries(store))
