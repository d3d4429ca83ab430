"""China's township-level places (towns, townships, subdistricts) from data/towns.json.

There are tens of thousands, so a town is named only by its base spelling followed by a head
word of its kind ("Anting Town", "Weizhuang Street"), and the table loads on first need.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import orjson

from .gazetteer import spelling_key

DATA = Path(__file__).parent / "data" / "towns.json"
# How a base spelling names a town: its usual reading, or another reading of its characters.
PRIMARY, ALTERNATE = 0, 1


@dataclass(frozen=True)
class TownCandidate:
    """A town that a written "<base> <head>" may name, and how strongly."""

    id: str
    name: str
    parent: str
    kind: str
    zh: str
    rank: int


@contextmanager
def paused_gc():
    """Pause the cyclic GC while tens of thousands of small rows are built (halves the load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Towns:
    """Base-spelling index over the town table; the head word decides which kinds may match."""

    def __init__(self, data: dict):
        self.heads = {kind: {spelling_key(h) for h in heads["names"] + heads["alt"]}
                      for kind, heads in data["heads"].items()}
        self.rows = data["rows"]
        self._col = {name: i for i, name in enumerate(data["columns"])}
        self._index = self._build(self._col["base"])
        self._alt_index: dict[str, list[int]] | None = None

    def _build(self, column: int) -> dict[str, list[int]]:
        """Base spelling (lower case) → row numbers."""
        index: dict[str, list[int]] = defaultdict(list)
        for i, row in enumerate(self.rows):
            if len(row) > column and row[column]:
                for name in row[column]:
                    index[name.lower()].append(i)
        return dict(index)

    def lookup(self, base: str, head: str) -> list[TownCandidate]:
        """Towns that "<base> <head>" may name; other readings only when no usual one fits."""
        key, head = spelling_key(base), spelling_key(head)
        found = self._fitting(self._index.get(key, ()), head, PRIMARY)
        if not found:
            if self._alt_index is None:
                with paused_gc():
                    self._alt_index = self._build(self._col["base_alt"])
            found = self._fitting(self._alt_index.get(key, ()), head, ALTERNATE)
        return found

    def _fitting(self, rows, head: str, rank: int) -> list[TownCandidate]:
        """The candidate towns of `rows` whose kind the head word fits."""
        c = self._col
        return [TownCandidate(r[c["id"]], r[c["name"]], r[c["parent"]], r[c["kind"]], r[c["zh"]], rank)
                for r in (self.rows[i] for i in rows) if head in self.heads.get(r[c["kind"]], ())]

    def parent_of(self, written: str, context: set[str], ancestors) -> str | None:
        """The parent of the town "<base> <head>" that the places named nearby point at.

        `context` holds the ids of places named in the text; `ancestors(id)` gives a place's
        chain. A single candidate needs no context; several need one under a named place.
        """
        base, _, head = written.rpartition(" ")
        cands = self.lookup(base, head) if base else []
        if len(cands) == 1 and (not context or {cands[0].parent, *ancestors(cands[0].parent)} & context):
            return cands[0].parent
        fitting = [c for c in cands if {c.parent, *ancestors(c.parent)} & context]
        parents = {c.parent for c in fitting}
        return parents.pop() if len(parents) == 1 else None


@lru_cache(maxsize=1)
def load() -> Towns:
    """The town index, read from disk on first use and shared afterwards."""
    with paused_gc():
        return Towns(orjson.loads(DATA.read_bytes()))
