"""The extraction pipeline: documents → passages → regions, companies, figures → records."""
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
from .companies import find_companies, merge_companies
from .corroborate import attach_links
from .document import read_with_passages
from .figures import find_figures
from .regions import find_regions
from .subjects import attribute_subjects


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


def extract(doc: Document) -> Extraction:
    """Run every per-document extractor over one document."""
    model, passages = read_with_passages(doc)
    region_hits, regions = find_regions(model)
    company_hits = find_companies(model, region_hits, regions)
    figure_hits = find_figures(model)
    return Extraction(doc, passages, region_hits, regions, company_hits, figure_hits)


def _merge_regions(extractions: list[Extraction]) -> list[Region]:
    """One Region per id across documents, aliases unioned."""
    merged: dict[str, Region] = {}
    for ex in extractions:
        for rid, region in ex.regions.items():
            known = merged.setdefault(rid, Region(rid, region.name, region.level,
                                                  region.parent_id, []))
            for alias in region.aliases:
                if alias not in known.aliases:
                    known.aliases.append(alias)
    return sorted(merged.values(), key=lambda r: r.id)


def assemble(extractions: list[Extraction]) -> Corpus:
    """Merge per-document extractions into one corpus with subjects attributed."""
    corpus = Corpus(documents=[ex.doc for ex in extractions], extractions=list(extractions))
    corpus.regions = _merge_regions(extractions)
    corpus.companies, company_mentions = merge_companies(
        {ex.doc.id: ex.company_hits for ex in extractions})
    corpus.mentions = company_mentions + [
        Mention(hit.key, ex.doc.id, hit.start, hit.end, hit.text)
        for ex in extractions for hit in ex.region_hits]
    region_by_id = {r.id: r for r in corpus.regions}
    mentions_by_doc: dict[str, list[Mention]] = {}
    for m in corpus.mentions:
        mentions_by_doc.setdefault(m.doc_id, []).append(m)
    for ex in extractions:
        corpus.passages.extend(ex.passages)
        corpus.figures.extend(attribute_subjects(ex, mentions_by_doc.get(ex.doc.id, []), region_by_id))
    # Linked once at build time, so loading the store never pays for the pairwise checks.
    attach_links(corpus.figures)
    return corpus


def run(documents: list[Document], progress=None, cached: dict | None = None) -> Corpus:
    """Extract every document (calling `progress(doc)` after each) and assemble the corpus.

    `cached` maps document id → an Extraction made earlier by this same extractor; those
    documents are not extracted again.
    """
    extractions = []
    for doc in documents:
        extractions.append((cached or {}).get(doc.id) or extract(doc))
        if progress:
            progress(doc)
    return assemble(extractions)
