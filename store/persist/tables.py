"""Write a Corpus into the TinyDB file and read it back."""
from __future__ import annotations

import time
from dataclasses import asdict, fields
from pathlib import Path

from tinydb import TinyDB

from ..errors import StoreFileError
from ..models import Company, Document, Figure, Mention, Passage, Region
from . import extraction_cache
from .storage import AtomicOrjsonStorage
from .validate import sane_figures, sane_hits

SCHEMA_VERSION = 1
TABLES = {
    "documents": Document, "passages": Passage, "regions": Region,
    "companies": Company, "mentions": Mention, "figures": Figure,
}


def write_corpus(path: Path, corpus, meta: dict, sources: dict[str, str]) -> None:
    """Replace the store at `path` with `corpus` in one atomic write.

    `sources` maps document id → "bundled" or "user", so a rebuild keeps the user's articles.
    """
    data: dict[str, dict] = {}
    for table, cls in TABLES.items():
        rows = getattr(corpus, table)
        if table == "figures":  # a value JSON cannot hold, or an absurd one, is left out
            rows = sane_figures(rows)
        data[table] = {str(i + 1): asdict(r) for i, r in enumerate(rows)}
    for row in data["documents"].values():
        row["source"] = sources.get(row["id"], "user")
    data[extraction_cache.TABLE] = {str(i + 1): extraction_cache.to_row(ex)
                                    for i, ex in enumerate(corpus.extractions)}
    for row in data[extraction_cache.TABLE].values():
        row["figure_hits"] = sane_hits(row["figure_hits"])
    data["meta"] = {"1": {**meta, "schema_version": SCHEMA_VERSION, "built_at": time.time()}}
    # One TinyDB write of the whole database (TinyDB's own format), done atomically by the storage.
    db = TinyDB(path, storage=AtomicOrjsonStorage)
    db.storage.write(data)
    db.close()


def read_tables(path: Path, with_cache: bool = False) -> dict[str, list[dict]]:
    """Every table of the store as a list of rows, read through TinyDB in one file read.

    With `with_cache`, also the per-document extraction cache (only `ingest` needs it).
    """
    db = TinyDB(path, storage=AtomicOrjsonStorage)
    try:
        names = db.tables()
        missing = [t for t in (*TABLES, "meta") if t not in names]
        if missing:
            raise StoreFileError(f"{path}: not an mfg-explore store (no {missing[0]} table); "
                                 "choose another --store path or rebuild it")
        # The storage's parsed dict, not Table.all(): the same rows without a wrapper per row.
        raw = db.storage.read() or {}
        names = (*TABLES, "meta", *([extraction_cache.TABLE] if with_cache else []))
        return {name: list(raw.get(name, {}).values()) for name in names}
    finally:
        db.close()


def rows_to_records(rows: list[dict], cls):
    """Rows of one table as dataclass records (extra keys such as `source` are dropped)."""
    try:
        return [cls(**row) for row in rows]  # the common case: rows hold exactly the fields
    except TypeError:
        pass
    names = {f.name for f in fields(cls)}
    return [cls(**{k: v for k, v in row.items() if k in names}) for row in rows]
