"""Add articles to an assembled corpus without assembling it again: `extend(state, ...)`.

A `MergeState` (JSON-ready: `as_json` / `from_json`) holds what merging needs of the
documents already in: per canonical company name its group root, core, surface cores and hit
statistics; the blocking index; the merged regions; each group's company id. `extend` merges
only the new articles' names (through the blocking keys) and attributes their figures (links
between figures are worked out when asked, see `corroborate.LinkIndex`). The result (`Delta`) applied to
the old corpus is exactly what `assemble` of all the documents (new ones last) gives, rows
ordered aside (tests/unit/test_company_merging.py checks this).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..models import Company, Document, Figure, Mention, Passage, Region
from .companies.blocking import NameFeatures, NameIndex
from .companies.merge import (
    company_id,
    core,
    name_features,
    partners,
    same_features,
    union_in_order,
)
from .pipeline import Corpus, Extraction, add_regions, local_mentions, settle_figures
from .subjects import attribute_subjects

# One canonical name's entry in MergeState.names (a list, so the state stays compact JSON).
ROOT, CORE, RESEARCH, BRANDS, SURFACE, COUNT, FIRST, TEXTS, REGIONS, DOCS = range(10)


@dataclass
class MergeState:
    """What `extend` needs of the documents already merged (see the module docstring)."""

    doc_count: int = 0
    # name -> [root, core, research, brands, surface cores, hits, [doc seq, hit index] of the
    # first hit, texts, {region key: [hits, doc seq, hit index]}, doc ids]
    names: dict[str, list] = field(default_factory=dict)
    index: NameIndex = field(default_factory=NameIndex)
    regions: dict[str, list] = field(default_factory=dict)  # id -> [name, level, parent_id, aliases]
    ids: dict[str, str] = field(default_factory=dict)  # group root -> company id

    @classmethod
    def of(cls, extractions: list[Extraction], root: dict[str, str], index: NameIndex,
           corpus: Corpus, id_of_root: dict[str, str]) -> MergeState:
        """The state after `assemble` of `extractions` gave `corpus` (names grouped as `root`)."""
        state = cls(index=index, ids=dict(id_of_root))
        state.regions = {r.id: [r.name, r.level, r.parent_id, list(r.aliases)] for r in corpus.regions}
        for ex in extractions:
            state.note_document(ex, index_new=False)
        for name, entry in state.names.items():
            entry[ROOT] = root[name]
        return state

    def as_json(self) -> dict:
        """The state as plain JSON-ready data."""
        return {"doc_count": self.doc_count, "names": self.names, "index": self.index.as_json(),
                "regions": self.regions, "ids": self.ids}

    @classmethod
    def from_json(cls, data: dict) -> MergeState:
        """A state from `as_json` output (the dicts are used as they are, not copied)."""
        return cls(data["doc_count"], data["names"], NameIndex(**data["index"]), data["regions"], data["ids"])

    def features(self, name: str) -> NameFeatures:
        """The same-firm features of a known name."""
        e = self.names[name]
        return NameFeatures(e[CORE], bool(e[RESEARCH]), frozenset(e[CORE].split()), tuple(e[BRANDS]))

    def surface(self, name: str) -> set[str]:
        """The cores of every text a known name was written as."""
        return set(self.names[name][SURFACE])

    def company_of(self, name: str) -> str:
        """The company id a known name belongs to now."""
        return self.ids[self.names[name][ROOT]]

    def note_document(self, ex: Extraction, index_new: bool = True) -> tuple[list[str], list[tuple[str, str]]]:
        """Count one more document's company hits; its new names, and (name, core) surfaces gained."""
        seq, doc_id = self.doc_count, ex.doc.id
        self.doc_count += 1
        new, grown = [], []
        for i, h in enumerate(ex.company_hits):
            entry = self.names.get(h.name)
            if entry is None:
                f = name_features(h.name)
                entry = self.names[h.name] = [h.name, f.core, int(f.research), list(f.brands), [], 0,
                                              [seq, i], [], {}, []]
                new.append(h.name)
                if index_new:
                    self.index.add(h.name, f)
            s = core(h.text)
            if s not in entry[SURFACE]:
                entry[SURFACE].append(s)
                if index_new:
                    self.index.add_surface(h.name, s)
                grown.append((h.name, s))
            entry[COUNT] += 1
            if h.text not in entry[TEXTS]:
                entry[TEXTS].append(h.text)
            if h.region_key:
                entry[REGIONS].setdefault(h.region_key, [0, seq, i])[0] += 1
            if not entry[DOCS] or entry[DOCS][-1] != doc_id:
                entry[DOCS].append(doc_id)
        return new, grown


@dataclass
class Delta:
    """What `extend` changed: whole rows to add or replace, and ids to drop."""

    documents: list[Document] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)  # the new documents'
    regions: list[Region] = field(default_factory=list)  # new, or with new aliases
    companies: list[Company] = field(default_factory=list)  # new or changed (replace by id)
    removed_companies: list[str] = field(default_factory=list)  # ids merged away or renamed
    mentions: dict[str, list[Mention]] = field(default_factory=dict)  # doc id -> all its mentions
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # doc id -> all its figures


Loader = Callable[[list[str]], list[Extraction]]


def extend(state: MergeState, extractions: list[Extraction], load: Loader,
           figures: dict[str, list[Figure]] | None = None) -> Delta:
    """Add new documents' extractions (ids not in the store yet) to a merged corpus; `state` is updated.

    - `state`: the `MergeState` of the stored corpus (`Corpus.state` after `run`/`assemble`, or
      `MergeState.from_json` of what was saved); updated in place to include the new documents,
      so save `state.as_json()` with the rows. If `extend` raises, reload the state.
    - `extractions`: the new documents' Extractions, in the order they are added (after every
      stored document).
    - `load(doc_ids)`: for stored documents whose company ids changed (renamed or merged
      companies), each one's Extraction, in any order; called at most once, and only when some
      id changed.
    - `figures`: optionally, new document id → its figures from `pipeline.extract_and_attribute`
      (what `parallel.map_documents` yields), so they are not attributed again.

    Apply the `Delta` with `apply_delta`, or row by row: add its documents and passages; put its
    regions and companies in place by id and drop `removed_companies`; replace all mentions and
    all figures of each document in `mentions` / `figures`.
    """
    delta = Delta(documents=[ex.doc for ex in extractions], extractions=list(extractions),
                  passages=[p for ex in extractions for p in ex.passages])
    merged = {rid: Region(rid, v[0], v[1], v[2], list(v[3])) for rid, v in state.regions.items()}
    changed_regions = {rid for ex in extractions for rid in add_regions(merged, ex.regions)}
    for rid in sorted(changed_regions):
        r = merged[rid]
        state.regions[rid] = [r.name, r.level, r.parent_id, list(r.aliases)]
        delta.regions.append(r)
    touched, new_names, edges = _merge_names(state, extractions)
    renamed = _regroup(state, delta, touched, new_names, edges)
    new_ids = {ex.doc.id for ex in extractions}
    old_docs = sorted({d for n in renamed for d in state.names[n][DOCS]} - new_ids)
    old = load(old_docs) if old_docs else []
    fresh: dict[str, list[Figure]] = {}
    for ex in extractions:
        mentions = local_mentions(ex, state.company_of)
        delta.mentions[ex.doc.id] = mentions
        fresh[ex.doc.id] = settle_figures(ex, (figures or {}).get(ex.doc.id), _company_map(state, ex),
                                          merged, mentions)
    for ex in old:
        delta.mentions[ex.doc.id] = local_mentions(ex, state.company_of)
        fresh[ex.doc.id] = attribute_subjects(ex, delta.mentions[ex.doc.id], merged)
    delta.figures = fresh
    return delta


class _View:
    """A read-only mapping computed per key (what `merge.partners` reads)."""

    def __init__(self, get):
        self._get = get

    def __getitem__(self, key):
        return self._get(key)


def _company_map(state: MergeState, ex: Extraction) -> dict[str, str]:
    """Company id of each name the document uses."""
    return {h.name: state.company_of(h.name) for h in ex.company_hits}


def _merge_names(state: MergeState, extractions: list[Extraction]):
    """Note the new documents' hits; the existing names they use, their new names, new same-firm pairs."""
    touched, new_names, grown = set(), [], []
    for ex in extractions:
        touched.update(h.name for h in ex.company_hits)
        new, more = state.note_document(ex)
        new_names += new
        grown += more
    edges = set()
    feats, surface = _View(state.features), _View(state.surface)
    for a in new_names:
        edges.update((min(a, b), max(a, b)) for b in partners(state.index, a, feats, surface, lambda b: True))
    for a, s in grown:  # a name seen written a new way may now match names whose core that is
        fa, sa = state.features(a), set(state.names[a][SURFACE])
        for b in state.index.by_core.get(s, ()):
            if b != a and same_features(fa, state.features(b), sa, set(state.names[b][SURFACE])):
                edges.add((min(a, b), max(a, b)))
    return touched - set(new_names), new_names, edges


def _regroup(state: MergeState, delta: Delta, touched: set[str], new_names: list[str], edges) -> set[str]:
    """Regroup the components the new pairs join and rebuild the records of every group that changed.

    Returns the existing names whose company id changed.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for a, b in edges:
        ra, rb = find(state.names[a][ROOT]), find(state.names[b][ROOT])
        if ra != rb:
            parent[ra] = rb
    old_roots = {state.names[n][ROOT] for n in touched} | {state.names[n][ROOT] for e in edges for n in e}
    new_set = set(new_names)
    members: dict[str, list[str]] = {}
    for n, e in state.names.items():
        if e[ROOT] in old_roots or n in new_set:
            members.setdefault(find(e[ROOT]), []).append(n)
    old_id = {r: state.ids.get(r) for r in old_roots}
    renamed, removed = set(), set()
    for group in members.values():
        group.sort()
        root_before = {n: state.names[n][ROOT] for n in group}
        before = set(root_before.values())
        if len(before) > 1:
            _replay(state, group)
        for r in before:
            if r in state.ids:
                removed.add(state.ids.pop(r))
        company = _record(state, group)
        state.ids[state.names[group[0]][ROOT]] = company.id
        delta.companies.append(company)
        renamed.update(n for n in group if n not in new_set and old_id[root_before[n]] != company.id)
    live = set(state.ids.values())
    delta.removed_companies = sorted(removed - live)
    return renamed


def _replay(state: MergeState, group: list[str]) -> None:
    """Set the group's root as the all-pairs loop would, from its members' same-firm pairs."""
    inside = set(group)
    feats, surface = _View(state.features), _View(state.surface)

    def earlier(a: str) -> list[str]:
        return partners(state.index, a, feats, surface, lambda b: b in inside and b < a)
    for n, r in union_in_order(group, earlier).items():
        state.names[n][ROOT] = r


def _record(state: MergeState, group: list[str]) -> Company:
    """A group's Company from its members' statistics (what `merge.company_record` gives)."""
    entries = [state.names[n] for n in group]
    name = min(group, key=lambda n: (-state.names[n][COUNT], state.names[n][FIRST]))
    aliases = {t for e in entries for t in e[TEXTS]} | set(group)
    regions: dict[str, list] = {}
    for e in entries:
        for key, (hits, seq, i) in e[REGIONS].items():
            known = regions.setdefault(key, [0, seq, i])
            known[0] += hits
            known[1:] = min(known[1:], [seq, i])
    region = min(regions, key=lambda k: (-regions[k][0], regions[k][1:])) if regions else None
    return Company(company_id(name), name, sorted(aliases), region)


def apply_delta(corpus: Corpus, delta: Delta) -> Corpus:
    """The corpus with `delta` applied (rows replaced by id or by document; order not kept)."""
    def by_doc(rows, replaced: dict):
        return [r for r in rows if r.doc_id not in replaced] + [r for rows_ in replaced.values() for r in rows_]
    regions = {r.id: r for r in corpus.regions} | {r.id: r for r in delta.regions}
    companies = {c.id: c for c in corpus.companies if c.id not in set(delta.removed_companies)}
    companies |= {c.id: c for c in delta.companies}
    figures = by_doc(corpus.figures, delta.figures)
    return Corpus(corpus.documents + delta.documents, corpus.passages + delta.passages,
                  sorted(regions.values(), key=lambda r: r.id), list(companies.values()),
                  by_doc(corpus.mentions, delta.mentions), figures,
                  corpus.extractions + delta.extractions, corpus.state)
