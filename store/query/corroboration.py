"""Read the links between figures: which other documents state a figure again, or differently."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from threading import Lock

from ..extract.corroborate import (
    MIN_OVERLAP,
    NO_LINKS,
    Links,
    agreeing_range,
    conflict_key,
    corroborates,
    link_key,
    metric_overlap,
    same_value,
)
from ..models import Figure

__all__ = ["NO_LINKS", "FigureLinks", "LinkIndex", "Links", "describe_links", "store_links"]


class LinkIndex:
    """Each figure's links worked out from its groups when asked (what `link_figures` gives it).

    Links are not stored: every value stated for one subject conflicts with every other, so they
    grow with the square of a subject's figures (tens of millions at 5,000 articles). A figure's
    corroborations are its neighbours by value in its (subject, unit) bucket, found by bisection;
    its conflicts are in its (subject, unit, category, period, kind) group of actual figures, by
    metric label (`corroborate.conflicts`, with the metric test made once per label).
    """

    def __init__(self, figures: Iterable[Figure]):
        by_key: dict[tuple, list[Figure]] = defaultdict(list)
        # conflict group -> metric label -> its figures: the metric test is made once per label
        self._conflict_groups: dict[tuple, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
        for fig in figures:
            if fig.subject_id is None:
                continue
            by_key[link_key(fig)].append(fig)
            key = conflict_key(fig)
            if key is not None:
                self._conflict_groups[key][fig.metric].append(fig)
        self._by_key = {}
        for key, group in by_key.items():
            group.sort(key=lambda f: f.value)
            self._by_key[key] = (group, [f.value for f in group])

    def links(self, fig: Figure) -> Links:
        """The figures of other documents that restate `fig` or give another value for it."""
        if fig.subject_id is None:
            return NO_LINKS
        group, values = self._by_key.get(link_key(fig), ((), ()))
        lo, hi = agreeing_range(fig.value)
        agree = [b.id for b in group[bisect_left(values, lo):bisect_right(values, hi)] if corroborates(fig, b)]
        differ = self._conflicts(fig)
        return Links(tuple(sorted(agree)), tuple(sorted(differ))) if agree or differ else NO_LINKS

    def _conflicts(self, fig: Figure) -> list[str]:
        """Ids of the figures `conflicts` accepts with `fig`: in its group, of a metric label close
        enough (tested once per label), in another document, with another value."""
        key = conflict_key(fig)
        if key is None:
            return []
        return [b.id for label, members in self._conflict_groups.get(key, {}).items()
                if (metric_overlap(fig.metric, label) or 0) >= MIN_OVERLAP
                for b in members if b.doc_id != fig.doc_id and not same_value(fig.value, b.value)]


class FigureLinks(Mapping):
    """Figure id → its Links, for the figures that have any; each worked out from its groups
    when first asked (the store keeps no links: see `corroborate.LinkIndex`).

    Looking one figure up costs a bisect and a pass over its period group; iterating works out
    every figure's links.
    """

    def __init__(self, figures: Mapping[str, Figure]):
        self._figures = figures
        self._index: LinkIndex | None = None
        self._known: dict[str, Links] = {}
        self._lock = Lock()  # the explorer's worker threads may ask first at the same time

    def _links(self, figure_id: str) -> Links:
        """The figure's links (NO_LINKS when it has none or is unknown)."""
        found = self._known.get(figure_id)
        if found is None:
            fig = self._figures.get(figure_id)
            if fig is None:
                return NO_LINKS
            if self._index is None:
                with self._lock:
                    if self._index is None:
                        self._index = LinkIndex(self._figures.values())
            found = self._known[figure_id] = self._index.links(fig)
        return found

    def __getitem__(self, figure_id: str) -> Links:
        link = self._links(figure_id)
        if link is NO_LINKS:
            raise KeyError(figure_id)
        return link

    def __iter__(self):
        return (i for i in list(self._figures) if self._links(i) is not NO_LINKS)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def store_links(store) -> Mapping[str, Links]:
    """The store's links: its own mapping when it has one, else worked out now."""
    links = getattr(store, "links", None)
    return links if isinstance(links, Mapping) else FigureLinks(store.figures)


def describe_links(store, figure: Figure, links: Mapping[str, Links] | None = None) -> str:
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
