"""The extraction pipeline: documents → passages → regions, companies, figures → records.

Per-document work (reading, the extractors, and subject attribution under provisional company
ids) is a pure map, run in a process pool by `run`; the cross-document steps (company merging,
corroboration) run once in the calling process. `incremental.extend` adds articles to an
assembled corpus without assembling it again.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import (
    Company,
    CompanyHit,
    Document,
    Figure,
    FigureHit,
    Mention,
    Passage,
    Region,
    RegionHit,
)
from .companies import find_companies
from .companies.blocking import NameIndex
from .companies.merge import (
    assemble_records,
    group_names,
    name_features,
    same_features,
    surfaces,
    union_in_order,
)
from .document import read_with_passages
from .figures import find_figures
from .regions import find_regions
from .subjects import attribute_subjects

PROVISIONAL = "name:"  # company ids while a document is attributed on its own


@dataclass
class Extraction:
    """What one document yields before cross-document merging."""

    doc: Document
    passages: list[Passage]
    region_hits: list[RegionHit]
    regions: dict[str, Region]
    company_hits: list[CompanyHit]
    figure_hits: list[FigureHit]


@dataclass
class Corpus:
    """Everything the store holds, ready to be written."""

    documents: list[Document] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)  # kept so ingest can reuse them
    # What `incremental.extend` needs to add articles later: an incremental.MergeState, saved with
    # the store as `state.as_json()`.
    state: object = None


# The model `extract` read last, so attributing the same document next does not read it again.
_last_model: list = [(None, None)]  # one (doc id, model) pair, swapped whole so threads see a consistent pair


def extract(doc: Document) -> Extraction:
    """Run every per-document extractor over one document."""
    model, passages = read_with_passages(doc)
    region_hits, regions = find_regions(model)
    company_hits = find_companies(model, region_hits, regions)
    figure_hits = find_figures(model)
    _last_model[0] = (doc.id, model)
    return Extraction(doc, passages, region_hits, regions, company_hits, figure_hits)


def merge_regions(extractions: list[Extraction]) -> list[Region]:
    """One Region per id across documents, aliases unioned."""
    merged: dict[str, Region] = {}
    for ex in extractions:
        add_regions(merged, ex.regions)
    return sorted(merged.values(), key=lambda r: r.id)


def add_regions(merged: dict[str, Region], regions: dict[str, Region]) -> list[str]:
    """Fold one document's regions into `merged` (first record wins, aliases appended); ids changed."""
    changed = []
    for rid, region in regions.items():
        known = merged.get(rid)
        if known is None:
            known = merged[rid] = Region(rid, region.name, region.level, region.parent_id, [])
            changed.append(rid)
        new = [a for a in dict.fromkeys(region.aliases) if a not in known.aliases]
        if new:
            known.aliases.extend(new)
            if rid not in changed:
                changed.append(rid)
    return changed


def local_groups(ex: Extraction) -> dict[str, str]:
    """Each company name of the document → one name standing for all its names that are one firm
    by this document alone (merging across documents can only join these groups further)."""
    surface = surfaces({ex.doc.id: ex.company_hits})
    names = sorted(surface)
    feats = {n: name_features(n) for n in names}
    return union_in_order(names, lambda a: [b for b in names if b < a and same_features(
        feats[a], feats[b], surface[a], surface[b])])


def local_mentions(ex: Extraction, company_id_of) -> list[Mention]:
    """The document's mentions, companies first (as in an assembled corpus), then places."""
    return [Mention(company_id_of(h.name), ex.doc.id, h.start, h.end, h.text) for h in ex.company_hits] + [
        Mention(h.key, ex.doc.id, h.start, h.end, h.text) for h in ex.region_hits]


def extract_and_attribute(doc: Document, cached: Extraction | None = None) -> tuple[Extraction, list[Figure]]:
    """Extract one document (unless cached) and attribute its figures under provisional company ids.

    Attribution reads only the document's own mentions, and reads entity ids only by equality,
    so with one provisional id per group of `local_groups` it is the assembled corpus's as long
    as merging leaves those groups distinct companies and the document's regions agree with the
    merged ones (`settle_figures` checks both).
    """
    ex = extract(doc) if cached is None else cached
    last_id, model = _last_model[0]
    model = model if last_id == doc.id else None
    _last_model[0] = (None, None)
    group = local_groups(ex)
    return ex, attribute_subjects(ex, local_mentions(ex, lambda n: PROVISIONAL + group[n]), ex.regions, model)


def settle_figures(ex: Extraction, figures: list[Figure] | None, company_of: dict[str, str],
                   region_by_id: dict[str, Region], mentions: list[Mention]) -> list[Figure]:
    """The document's figures under final company ids: provisional ones renamed, or attributed again."""
    names = {h.name for h in ex.company_hits}
    ids = {company_of[n] for n in names}
    # Names that stay apart across documents were apart locally too: no need to group them.
    distinct = len(ids) == len(names) or (
        figures is not None and len(ids) == len(set(local_groups(ex).values())))
    agree = all((r.level, r.parent_id) == (region_by_id[rid].level, region_by_id[rid].parent_id)
                for rid, r in ex.regions.items())
    if figures is None or not distinct or not agree:
        return attribute_subjects(ex, mentions, region_by_id)
    for fig in figures:
        if fig.subject_id and fig.subject_id.startswith(PROVISIONAL):
            fig.subject_id = company_of[fig.subject_id[len(PROVISIONAL):]]
    return figures


def assemble(extractions: list[Extraction], figures: dict[str, list[Figure]] | None = None) -> Corpus:
    """Merge per-document extractions into one corpus with subjects attributed.

    `figures` maps document id → its figures from `extract_and_attribute`, when the caller
    already attributed them (in the pool); other documents are attributed here.
    """
    from .incremental import MergeState
    corpus = Corpus(documents=[ex.doc for ex in extractions], extractions=list(extractions))
    corpus.regions = merge_regions(extractions)
    hits_by_doc = {ex.doc.id: ex.company_hits for ex in extractions}
    surface = surfaces(hits_by_doc)
    index = NameIndex()
    root = group_names(surface, index)
    corpus.companies, company_mentions, id_of_root = assemble_records(hits_by_doc, root)
    company_of = {n: id_of_root[r] for n, r in root.items()}
    corpus.mentions = company_mentions + [
        Mention(hit.key, ex.doc.id, hit.start, hit.end, hit.text)
        for ex in extractions for hit in ex.region_hits]
    region_by_id = {r.id: r for r in corpus.regions}
    mentions_by_doc: dict[str, list[Mention]] = {}
    for m in corpus.mentions:
        mentions_by_doc.setdefault(m.doc_id, []).append(m)
    for ex in extractions:
        corpus.passages.extend(ex.passages)
        corpus.figures.extend(settle_figures(ex, (figures or {}).get(ex.doc.id), company_of, region_by_id,
                                             mentions_by_doc.get(ex.doc.id, [])))
    corpus.state = MergeState.of(extractions, root, index, corpus, id_of_root)
    return corpus


def run(documents: list[Document], progress=None, cached: dict | None = None,
        workers: int | None = None) -> Corpus:
    """Extract every document (calling `progress(doc)` after each, in order) and assemble the corpus.

    `cached` maps document id → an Extraction made earlier by this same extractor; those
    documents are not extracted again. The per-document work runs in `workers` processes
    (default: one per CPU; 1 or a handful of documents: in this process).
    """
    from .parallel import map_documents, paused_gc
    extractions, figures = [], {}
    with paused_gc():  # process-wide: a build from the explorer's worker thread pauses it for the UI too
        for doc, (ex, figs) in map_documents(documents, cached or {}, workers):
            extractions.append(ex)
            figures[doc.id] = figs
            if progress:
                progress(doc)
        return assemble(extractions, figures)
