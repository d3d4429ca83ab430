"""Per-document extractions beside the store, so `ingest` extracts only the new articles.

Each article's passages and extractor output live in `STORE.d/docs/<extractor>/<doc id>.json`,
where `<extractor>` is the start of the store's fingerprint. An extraction is a pure function
of the article's text and the extractor, so the file for one (extractor, id) pair is written
once and never changes; a new extractor writes a new folder, and the old one is collected once
no store file names that extractor. The views read one article's passages when they show it.
"""
from __future__ import annotations

import os
from dataclasses import asdict
from pathlib import Path

import orjson

from ..errors import StoreFileError
from ..models import CompanyHit, Document, FigureHit, Passage, Region, RegionHit
from .storage import REPAIR_HINT, parts_folder, write_once
from .validate import sane_hits

FOLDER = "docs"
KEY_CHARS = 16  # of the fingerprint: enough to tell extractors apart


def docs_folder(store_path: Path, fingerprint: str) -> Path:
    """`STORE.d/docs/<extractor>`: the extractions one extractor made for this store."""
    return parts_folder(store_path) / FOLDER / fingerprint[:KEY_CHARS]


def to_row(ex) -> dict:
    """One document's passages and extraction as a JSON-ready row."""
    return {"doc_id": ex.doc.id,
            "passages": [asdict(p) for p in ex.passages],
            "region_hits": [asdict(h) for h in ex.region_hits],
            "regions": [asdict(r) for r in ex.regions.values()],
            "company_hits": [asdict(h) for h in ex.company_hits],
            "figure_hits": sane_hits([asdict(h) for h in ex.figure_hits])}


def from_row(row: dict, doc: Document):
    """The Extraction a row was made from, for `doc`."""
    from ..extract.pipeline import Extraction
    return Extraction(doc, [Passage(**p) for p in row["passages"]],
                      [RegionHit(**h) for h in row["region_hits"]],
                      {r["id"]: Region(**r) for r in row["regions"]},
                      [CompanyHit(**h) for h in row["company_hits"]],
                      [FigureHit(**h) for h in row["figure_hits"]])


def write_extractions(store_path: Path, fingerprint: str, extractions, reused=frozenset()) -> int:
    """Write the file of every extraction made now (a damaged file of the same name is
    replaced); those `reused` from this store's files are not touched. How many were written."""
    folder = docs_folder(store_path, fingerprint)
    folder.mkdir(parents=True, exist_ok=True)
    have = set(os.listdir(folder))
    written = 0
    for ex in extractions:
        if ex.doc.id in reused and f"{ex.doc.id}.json" in have:
            continue
        written += write_once(folder / f"{ex.doc.id}.json", orjson.dumps(to_row(ex)))
    return written


def write_passages(store_path: Path, fingerprint: str, passages: dict[str, list[Passage]]) -> int:
    """Write the passages of documents that come without an extraction (a corpus made in
    memory): a file with no hits, which ingest never takes for an extraction."""
    folder = docs_folder(store_path, fingerprint)
    folder.mkdir(parents=True, exist_ok=True)
    return sum(write_once(folder / f"{doc_id}.json",
                          orjson.dumps({"doc_id": doc_id, "passages": [asdict(p) for p in rows]}))
               for doc_id, rows in passages.items())


def read_row(store_path: Path, fingerprint: str, doc_id: str) -> dict | None:
    """One article's stored row, or None when its file is missing or unreadable."""
    try:
        row = orjson.loads((docs_folder(store_path, fingerprint) / f"{doc_id}.json").read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return row if isinstance(row, dict) and row.get("doc_id") == doc_id else None


def read_passages(store_path: Path, fingerprint: str, doc_id: str) -> list[Passage]:
    """One article's paragraphs and sentences; StoreFileError naming the file when it is unusable."""
    from .validate import row_problem  # the row checks the tables use
    row = read_row(store_path, fingerprint, doc_id)
    rows = row.get("passages") if row else None
    if not isinstance(rows, list) or any(row_problem(p, Passage) for p in rows):
        path = docs_folder(store_path, fingerprint) / f"{doc_id}.json"
        raise StoreFileError(f"{path}: the passages of article {doc_id} are missing or damaged; {REPAIR_HINT}")
    return [Passage(**p) for p in rows]


def cached_extractions(store_path: Path, fingerprint: str, documents: list[Document]) -> dict[str, object]:
    """Document id → Extraction for every stored document whose file is sound (others are extracted again)."""
    from .validate import cache_row_ok
    out = {}
    for doc in documents:
        row = read_row(store_path, fingerprint, doc.id)
        if row is not None and cache_row_ok(row):
            out[doc.id] = from_row(row, doc)
    return out
