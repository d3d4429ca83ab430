"""Per-document extractions kept in the store, so `ingest` extracts only the new articles.

The cache is only ever read for a store whose fingerprint matches the running extractor
(a changed extractor rebuilds everything), so a cached extraction is what `extract` would give.
"""
from __future__ import annotations

from dataclasses import asdict

from ..models import CompanyHit, Document, FigureHit, Passage, Region, RegionHit

TABLE = "extractions"


def to_row(ex) -> dict:
    """One document's extraction as a JSON-ready row (passages live in their own table)."""
    return {"doc_id": ex.doc.id,
            "region_hits": [asdict(h) for h in ex.region_hits],
            "regions": [asdict(r) for r in ex.regions.values()],
            "company_hits": [asdict(h) for h in ex.company_hits],
            "figure_hits": [asdict(h) for h in ex.figure_hits]}


def from_row(row: dict, doc: Document, passages: list[Passage]):
    """The Extraction a row was made from, for `doc` with its stored passages."""
    from ..extract.pipeline import Extraction
    return Extraction(doc, passages,
                      [RegionHit(**h) for h in row["region_hits"]],
                      {r["id"]: Region(**r) for r in row["regions"]},
                      [CompanyHit(**h) for h in row["company_hits"]],
                      [FigureHit(**h) for h in row["figure_hits"]])


def cached_extractions(tables: dict[str, list[dict]], documents: list[Document]) -> dict[str, object]:
    """Document id → Extraction for every stored document that has a cached row."""
    passages: dict[str, list[Passage]] = {}
    for row in tables["passages"]:
        passages.setdefault(row["doc_id"], []).append(Passage(**row))
    by_id = {d.id: d for d in documents}
    return {row["doc_id"]: from_row(row, by_id[row["doc_id"]], passages.get(row["doc_id"], []))
            for row in tables.get(TABLE, []) if row["doc_id"] in by_id}
