"""The read API that the TUI and the CLI use: one Store, loaded once, queried in memory."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..models import Company, Document, Figure, Mention, Passage, Region
from ..persist.tables import SCHEMA_VERSION, TABLES, rows_to_records
from .corroboration import NO_LINKS, Links
from .index import load_or_build_index
from .search import Result, SearchIndex
from .tree import TreeNode, build_tree, unplaced_companies


@dataclass(frozen=True)
class PassageView:
    """A paragraph with spans to highlight; spans are offsets into `text` (kind, start, end)."""

    doc: Document
    start: int
    text: str
    highlights: tuple[tuple[str, int, int], ...]


class Store:
    """All tables in memory, with lookups by id, entity and category, and a search index."""

    def __init__(self, tables: dict[str, list[dict]], path: Path | None = None):
        self.path = path
        self.warnings: list[str] = []  # damaged rows left out, state that could not be read
        self.decisions: list[tuple[dict, bool]] = []  # the user's, each with whether it applied
        self.meta = tables["meta"][0] if tables["meta"] else {}
        self.documents = {d.id: d for d in rows_to_records(tables["documents"], Document)}
        self.regions = {r.id: r for r in rows_to_records(tables["regions"], Region)}
        self.companies = {c.id: c for c in rows_to_records(tables["companies"], Company)}
        self.figures = {f.id: f for f in rows_to_records(tables["figures"], Figure)}
        self.mentions = rows_to_records(tables["mentions"], Mention)
        self.passages = rows_to_records(tables["passages"], Passage)
        self._passage_by_id = {p.id: p for p in self.passages}
        self.links = {f.id: Links(tuple(f.corroborated_by), tuple(f.conflicts_with))
                      for f in self.figures.values() if f.corroborated_by or f.conflicts_with}
        self._figures_of: dict[str, list[Figure]] = defaultdict(list)
        for fig in self.figures.values():
            if fig.subject_id:
                self._figures_of[fig.subject_id].append(fig)
        self._mentions_of: dict[str, list[Mention]] = defaultdict(list)
        for m in sorted(self.mentions, key=lambda m: (m.doc_id, m.start)):
            self._mentions_of[m.entity_id].append(m)
        self._paragraphs: dict[str, list[Passage]] = defaultdict(list)
        for p in self.passages:
            if p.kind == "paragraph":
                self._paragraphs[p.doc_id].append(p)

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
        tables = {t: [vars(r).copy() for r in getattr(corpus, t)] for t in TABLES}
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
        return sorted(self._figures_of.get(entity_id, []), key=lambda f: (f.doc_id, f.start))

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
        para = next((p for p in self._paragraphs[doc_id] if p.start <= start and end <= p.end), None)
        p_start, p_end = (para.start, para.end) if para else (start, end)
        spans = [("focus", start, end), *marks]
        inside = tuple((k, s - p_start, e - p_start) for k, s, e in spans if p_start <= s and e <= p_end)
        return PassageView(doc, p_start, doc.text[p_start:p_end], inside)

    def figure_passage(self, figure: Figure) -> PassageView:
        """A figure's paragraph with the figure and its subject's mentions highlighted."""
        marks = [("subject", m.start, m.end) for m in self.mentions_of(figure.subject_id or "")
                 if m.doc_id == figure.doc_id]
        return self.passage(figure.doc_id, figure.start, figure.end, marks)

    def sentence_of(self, figure: Figure) -> str:
        """The sentence that states a figure."""
        doc = self.documents[figure.doc_id]
        p = self._passage_by_id.get(figure.sentence_id or "")
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
        return {"tables": {"documents": len(self.documents), "passages": len(self.passages),
                           "regions": len(self.regions), "companies": len(self.companies),
                           "mentions": len(self.mentions), "figures": len(self.figures)},
                "documents": list(per_doc.values())}
