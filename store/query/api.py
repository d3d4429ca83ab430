"""The read API that the TUI and the CLI use: one Store, loaded once, queried in memory."""
from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..errors import StoreFileError
from ..models import Company, Document, Figure, Mention, Passage, Region
from ..persist.tables import SCHEMA_VERSION, TABLES, rows_to_records
from .corroboration import NO_LINKS, FigureLinks, Links
from .index import load_or_build_index
from .search import Result, SearchIndex
from .tree import TreeNode, build_tree, unplaced_companies


@contextmanager
def _no_collection():
    """Load rows with the cyclic garbage collector paused: records make no cycles, and its
    passes over hundreds of thousands of new objects are most of a large load otherwise.

    Afterwards the new objects go straight to the oldest generation (freeze, then unfreeze:
    two list splices), so the next young collection does not walk them all either; they stay
    collectable as before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def _row_count(rows) -> int:
    """Rows in a table, read or not yet (then as the store file recorded it)."""
    return len(rows) if isinstance(rows, list) else int(rows.record.get("rows", 0))


def _documents(rows: list[dict], path: Path | None) -> list[Document]:
    """Document records; a row without its text reads it from beside the store when asked."""
    from ..persist.texts import stored_document
    if all("text" in r for r in rows) or path is None:
        return rows_to_records(rows, Document)
    return [stored_document(r, path) if "text" not in r else rows_to_records([r], Document)[0] for r in rows]


class LazyMapping(Mapping):
    """A dict built on first use; its length is known before (so counting reads nothing)."""

    def __init__(self, load, size: int):
        self._load, self._size, self._data = load, size, None

    @property
    def loaded(self) -> bool:
        """True once the rows have been read."""
        return self._data is not None

    @property
    def data(self) -> dict:
        """The mapping itself, read on first use."""
        if self._data is None:
            self._data = self._load()
        return self._data

    def __getitem__(self, key):
        return self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __len__(self) -> int:
        return self._size if self._data is None else len(self._data)

    def __contains__(self, key) -> bool:
        return key in self.data

    def get(self, key, default=None):
        """The value for `key`, or `default`."""
        return self.data.get(key, default)

    def keys(self):
        """The keys (reads the rows)."""
        return self.data.keys()

    def values(self):
        """The values (reads the rows)."""
        return self.data.values()

    def items(self):
        """The pairs (reads the rows)."""
        return self.data.items()


@dataclass(frozen=True)
class PassageView:
    """A paragraph with spans to highlight; spans are offsets into `text` (kind, start, end)."""

    doc: Document
    start: int
    text: str
    highlights: tuple[tuple[str, int, int], ...]


def unreadable_passage(doc: Document, exc: StoreFileError) -> PassageView:
    """What the detail pane shows when an article's text or passages cannot be read: the one
    line saying which file and what to do (the CLI raises the same error instead)."""
    return PassageView(doc, 0, f"error: {exc.message}", ())


class Store:
    """All tables in memory, with lookups by id, entity and category, and a search index.

    Opening reads what the first view needs: documents (without their text), regions,
    companies and each subject's figure count. Figures and mentions are read on first use,
    a document's text and passages when something shows them (see README "Store layout").
    """

    def __init__(self, tables: dict[str, list[dict]], path: Path | None = None):
        self.path = path
        self.warnings: list[str] = []  # damaged rows left out, state that could not be read
        self.decisions: list[tuple[dict, bool]] = []  # the user's, each with whether it applied
        self._tables = tables
        self.meta = tables["meta"][0] if tables["meta"] else {}
        with _no_collection():
            self.documents = {d.id: d for d in _documents(tables["documents"], path)}
            self.regions = {r.id: r for r in rows_to_records(tables["regions"], Region)}
            self.companies = {c.id: c for c in rows_to_records(tables["companies"], Company)}
        self.figures = LazyMapping(self._load_figures, _row_count(tables["figures"]))
        self._passages: dict[str, list[Passage]] = {}  # per document, read when shown
        if "passages" in tables:  # a store made in memory, or an old one-file store
            for row in tables["passages"]:
                self._passages.setdefault(row["doc_id"], []).append(Passage(**row))

    def _part_rows(self, name: str) -> list[dict]:
        """The rows of figures or mentions, read from their file on first use."""
        from ..persist.opening import load_part
        return load_part(self._tables, name, self.path, self.warnings)

    def _load_figures(self) -> dict[str, Figure]:
        """Every figure by id (read on first use)."""
        with _no_collection():
            return {f.id: f for f in rows_to_records(self._part_rows("figures"), Figure)}

    @cached_property
    def mentions(self) -> list[Mention]:
        """Every place an entity is named (read on first use)."""
        with _no_collection():
            return rows_to_records(self._part_rows("mentions"), Mention)

    @cached_property
    def links(self) -> FigureLinks:
        """Figure id → the figures that restate or contradict it (each worked out when asked)."""
        return FigureLinks(self.figures)

    @cached_property
    def _figures_of(self) -> dict[str, list[Figure]]:
        """Subject id → its figures, in document order (built on first use)."""
        out: dict[str, list[Figure]] = defaultdict(list)
        with _no_collection():
            for fig in self.figures.values():
                if fig.subject_id:
                    out[fig.subject_id].append(fig)
            for figs in out.values():
                figs.sort(key=lambda f: (f.doc_id, f.start))
        return out

    @cached_property
    def _mentions_of(self) -> dict[str, list[Mention]]:
        """Entity id → its mentions, in document order (built on first use)."""
        out: dict[str, list[Mention]] = defaultdict(list)
        with _no_collection():
            for m in sorted(self.mentions, key=lambda m: (m.doc_id, m.start)):
                out[m.entity_id].append(m)
        return out

    @property
    def passages(self) -> list[Passage]:
        """Every paragraph and sentence of every document (reads every document's passages)."""
        return [p for doc_id in self.documents for p in self.passages_of(doc_id)]

    def passages_of(self, doc_id: str) -> list[Passage]:
        """One document's paragraphs and sentences, read from its file when first shown."""
        found = self._passages.get(doc_id)
        if found is None:
            from ..persist.extraction_cache import read_passages
            found = read_passages(self.path, self.meta.get("seeds_fingerprint", ""), doc_id) \
                if self.path is not None else []
            self._passages[doc_id] = found
        return found

    def preload(self) -> None:
        """Read figures and mentions now (for a worker thread after the first view is shown)."""
        len(self.figures.data)
        len(self.mentions)
        len(self._figures_of)

    def figure_count(self, entity_id: str) -> int:
        """How many figures have this subject (from the store's counts until figures are read)."""
        counts = self.meta.get("subject_figures")
        if isinstance(counts, dict) and self.figures.loaded is False:
            n = counts.get(entity_id, 0)
            return n if isinstance(n, int) else 0
        return len(self._figures_of.get(entity_id, ()))

    def sentence(self, figure: Figure) -> Passage | None:
        """The sentence passage that states a figure, if the store has it."""
        return next((p for p in self.passages_of(figure.doc_id) if p.id == figure.sentence_id), None)

    @classmethod
    def open(cls, path: Path | None = None, progress=None) -> Store:
        """Load the store at `path` (default location if None), building it first if needed;
        damaged rows are left out (see `warnings`) and the user's decisions applied."""
        # Imported here: the extractors are only needed when the store must be (re)built.
        from ..persist.locations import default_store_path
        from ..persist.opening import open_tables
        path = Path(path) if path else default_store_path()
        opened = open_tables(path, progress)
        store = cls(opened.tables, path)
        store.warnings, store.decisions = opened.warnings, opened.decisions
        return store

    @classmethod
    def from_corpus(cls, corpus) -> Store:
        """A Store straight from an in-memory Corpus (tests, previews), no file involved."""
        tables = {t: [vars(r).copy() for r in getattr(corpus, t)] for t in TABLES}  # texts in the rows
        tables["meta"] = [{"schema_version": SCHEMA_VERSION}]
        return cls(tables)

    def entity(self, entity_id: str) -> Company | Region | None:
        """The company or region with this id."""
        return self.companies.get(entity_id) or self.regions.get(entity_id)

    def kind_of(self, entity_id: str) -> str | None:
        """"company", "region", "figure" or None."""
        if entity_id in self.companies:
            return "company"
        if entity_id in self.regions:
            return "region"
        return "figure" if entity_id in self.figures else None

    def figures_of(self, entity_id: str) -> list[Figure]:
        """Figures whose subject is this entity, in document order."""
        return list(self._figures_of.get(entity_id, ()))

    def links_of(self, figure_id: str) -> Links:
        """Figures in other documents that restate or contradict this one."""
        return self.links.get(figure_id, NO_LINKS)

    def mentions_of(self, entity_id: str) -> list[Mention]:
        """Every place this entity is named, in document order."""
        return self._mentions_of.get(entity_id, [])

    def name_of(self, entity_id: str | None) -> str:
        """Display name of an entity id ('' for None or unknown)."""
        ent = self.entity(entity_id) if entity_id else None
        return ent.name if ent else ""

    def ancestors(self, region_id: str) -> list[Region]:
        """A region's parents, nearest first."""
        out, seen = [], set()
        region = self.regions.get(region_id)
        while region and region.parent_id and region.parent_id not in seen:
            seen.add(region.parent_id)
            region = self.regions.get(region.parent_id)
            if region:
                out.append(region)
        return out

    def passage(self, doc_id: str, start: int, end: int, marks: list[tuple[str, int, int]] = ()) -> PassageView:
        """The paragraph holding [start, end), with it (and any `marks`) as highlight spans."""
        doc = self.documents[doc_id]
        try:
            para = next((p for p in self.passages_of(doc_id)
                         if p.kind == "paragraph" and p.start <= start and end <= p.end), None)
            text = doc.text
        except StoreFileError as exc:
            return unreadable_passage(doc, exc)
        p_start, p_end = (para.start, para.end) if para else (start, end)
        spans = [("focus", start, end), *marks]
        inside = tuple((k, s - p_start, e - p_start) for k, s, e in spans if p_start <= s and e <= p_end)
        return PassageView(doc, p_start, text[p_start:p_end], inside)

    def figure_passage(self, figure: Figure) -> PassageView:
        """A figure's paragraph with the figure and its subject's mentions highlighted."""
        marks = [("subject", m.start, m.end) for m in self.mentions_of(figure.subject_id or "")
                 if m.doc_id == figure.doc_id]
        return self.passage(figure.doc_id, figure.start, figure.end, marks)

    def sentence_of(self, figure: Figure) -> str:
        """The sentence that states a figure."""
        doc = self.documents[figure.doc_id]
        p = self.sentence(figure)
        return doc.text[p.start:p.end] if p else doc.text[figure.start:figure.end]

    def region_tree(self) -> list[TreeNode]:
        """Provinces (and any parentless places) as roots of the region tree."""
        return build_tree(self)

    def unplaced_companies(self) -> list[Company]:
        """Companies with no place the text supports (never the article's province by default)."""
        return unplaced_companies(self)

    @cached_property
    def index(self) -> SearchIndex:
        """The search index, on first use (commands that never search never pay for it): read
        from beside the store when it was built for this content, else built and kept there."""
        return load_or_build_index(self)

    def search(self, query: str, kind: str | None = None, limit: int = 20,
               exhaustive: bool = False) -> list[Result]:
        """Ranked search over companies, regions and figures (`exhaustive`: the slow exact ranking)."""
        return self.index.search(query, kind, limit, exhaustive)

    def figures_by_category(self, category: str, unit: str | None = None) -> list[Figure]:
        """Figures of one category (and unit), largest value first."""
        found = [f for f in self.figures.values()
                 if f.category == category and (unit is None or f.unit == unit)]
        return sorted(found, key=lambda f: -f.value)

    def stats(self) -> dict:
        """Counts per table, and per document."""
        per_doc = {d.id: {"file": d.file, "figures": 0, "mentions": 0} for d in self.documents.values()}
        for f in self.figures.values():
            per_doc[f.doc_id]["figures"] += 1
        for m in self.mentions:
            per_doc[m.doc_id]["mentions"] += 1
        passages = self.meta.get("passages")
        if not isinstance(passages, int):
            passages = len(self.passages)
        return {"tables": {"documents": len(self.documents), "passages": passages,
                           "regions": len(self.regions), "companies": len(self.companies),
                           "mentions": len(self.mentions), "figures": len(self.figures)},
                "documents": list(per_doc.values())}
