"""Turn a store's companies, regions and figures into search entries."""
from __future__ import annotations

import gc
import hashlib
import sys
from contextlib import contextmanager
from pathlib import Path

import orjson

from ..persist.index_file import index_path, read_index, write_index
from . import scoring, search
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


def index_key(store) -> str:
    """What the index depends on: the store's meta (schema, build time, fingerprint), the user's
    decisions, the rows left out, the counts, and the code that builds and reads the index."""
    code = b"".join(Path(m.__file__).read_bytes() for m in (search, scoring, sys.modules[__name__]))
    content = orjson.dumps([store.meta, [[d, ok] for d, ok in store.decisions], store.warnings,
                            len(store.companies), len(store.regions), len(store.figures)],
                           option=orjson.OPT_SORT_KEYS, default=str)
    return hashlib.blake2b(code + content, digest_size=16).hexdigest()


@contextmanager
def _collector_paused():
    """No garbage collection while millions of small objects are made: it would walk them all
    again and again (a 100k-item index loads in 0.45 s instead of 2.7 s)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def load_or_build_index(store) -> SearchIndex:
    """The store's index: read from beside the store when it was built for this content, else
    built and kept there for the next open."""
    with _collector_paused():
        return _load_or_build(store)


def _load_or_build(store) -> SearchIndex:
    """load_or_build_index, with the collector paused."""
    if store.path is None:
        return build_index(store)
    path, key = index_path(store.path), index_key(store)
    payload = read_index(path, key)
    if payload is not None:
        try:
            return SearchIndex.from_payload(payload)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            pass  # a file this code did not write: built again below
    index = build_index(store)
    write_index(path, key, index.to_payload())
    return index
