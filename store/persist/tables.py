"""Write a Corpus as a store (the TinyDB file and its parts beside it) and read it back.

The store file holds the tables the explorer's first view needs (documents without their text,
regions, companies, meta). The two big tables, figures and mentions, are TinyDB files of their
own in `STORE.d/tables/`, named by the hash of their bytes and read on first use; the texts
and per-article passages and extractions are files of their own too (texts.py,
extraction_cache.py). Every part is written, whole and fsynced, before the store file that
names it replaces the old one, so a crash leaves the old store with all its parts.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import asdict, fields
from pathlib import Path

import orjson
from tinydb import TinyDB

from ..errors import StoreFileError
from ..models import Company, Document, Figure, Mention, Passage, Region
from . import extraction_cache
from .collect import collect_parts
from .shards import ShardedRows, TableUpdate, valid_record, write_table
from .storage import (
    REPAIR_HINT,
    AtomicOrjsonStorage,
    parts_folder,
    write_once,
)
from .texts import document_row, write_texts
from .validate import sane_figures

SCHEMA_VERSION = 3  # 2: texts, passages, extractions, figures and mentions beside the store file;
# 3: figures and mentions in shards by document, figure links not stored
TABLES = {
    "documents": Document, "passages": Passage, "regions": Region,
    "companies": Company, "mentions": Mention, "figures": Figure,
}
MAIN = ("documents", "regions", "companies")  # in the store file, checked by its digest
PARTS = ("figures", "mentions")  # each in shard files of its own (shards.py), read on first use
LINKS = ("corroborated_by", "conflicts_with")  # figure fields that name other figures (not stored)
MERGE_STATE = "merge"  # what company merging needs to add articles (only ingest reads it)
TABLES_FOLDER = "tables"


def tables_folder(store_path: Path) -> Path:
    """`STORE.d/tables`, where the big tables live."""
    return parts_folder(store_path) / TABLES_FOLDER


def digest(payload: bytes) -> str:
    """The hash that names a part and checks the store file's own tables."""
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def figure_row(fig: Figure) -> dict:
    """A figure as a stored row: its fields but its links, which are worked out when asked
    (`corroborate.LinkIndex`; stored, they grew with the square of a subject's figures)."""
    row = asdict(fig)
    for key in LINKS:
        del row[key]
    return row


def subject_counts(figures, counts: dict[str, int] | None = None, sign: int = 1) -> dict[str, int]:
    """How many figures each subject has (the region tree's counts, without reading the figures);
    with `counts`, those counts with `figures` added (`sign` 1) or taken away (-1)."""
    counts = {} if counts is None else counts
    for f in figures:
        if f["subject_id"]:
            counts[f["subject_id"]] = counts.get(f["subject_id"], 0) + sign
    return counts


def write_corpus(path: Path, corpus, meta: dict, sources: dict[str, str], reused=frozenset()) -> None:
    """Replace the store at `path` with `corpus`: new parts first, then the store file atomically.

    `sources` maps document id → "bundled" or "user", so a rebuild keeps the user's articles;
    `reused` holds the ids whose extraction came from this store's own files.
    """
    figures = [figure_row(f) for f in sane_figures(corpus.figures)]
    rows = {"documents": [document_row(d, sources.get(d.id, "user")) for d in corpus.documents],
            "regions": [asdict(r) for r in corpus.regions],
            "companies": [asdict(c) for c in corpus.companies],
            "figures": TableUpdate.whole(figures),
            "mentions": TableUpdate.whole([asdict(m) for m in corpus.mentions])}
    state = corpus.state.as_json() if getattr(corpus, "state", None) is not None else None
    extracted = {ex.doc.id for ex in corpus.extractions}
    loose: dict[str, list] = {}
    for passage in corpus.passages:
        if passage.doc_id not in extracted:
            loose.setdefault(passage.doc_id, []).append(passage)
    if loose:
        extraction_cache.write_passages(path, meta["seeds_fingerprint"], loose)
    meta = {**meta, "passages": len(corpus.passages), "subject_figures": subject_counts(figures)}
    write_rows(path, rows, meta, corpus.documents, [ex for ex in corpus.extractions if ex.doc.id not in reused], state)


def write_rows(path: Path, rows: dict, meta: dict, documents, extractions, merge_state: dict | None,
               replaced: dict | None = None) -> dict:
    """Write a store: the texts of `documents` and the files of `extractions` that are not there
    yet, the changed shards of the big tables (`rows[name]` a shards.TableUpdate) and the merge
    state (each a file named by its hash, so an unchanged one is not written again), then the
    store file with the main tables' rows and `meta`, atomically.

    Only what is new is written (an ingest writes the new article's files and the shards that
    changed); parts no store file names any more are collected afterwards (`replaced`: the
    tables of the store file this write replaces, as read under the same lock, if the caller has
    them). Returns what the store file records of its parts (file names, sizes, rows).
    """
    path = Path(path)
    try:
        write_texts(path, documents)
        extraction_cache.write_extractions(path, meta["seeds_fingerprint"], extractions)
        folder = tables_folder(path)
        folder.mkdir(parents=True, exist_ok=True)
        parts = {name: write_table(folder, name, rows[name]) for name in PARTS}
        if merge_state is not None:
            parts[MERGE_STATE] = _write_state(path, merge_state)
    except OSError as exc:
        raise StoreFileError(f"{path}: cannot write the store ({exc.strerror or exc}); "
                             "choose a writable --store path") from None
    data: dict[str, dict] = {t: {str(i + 1): r for i, r in enumerate(rows[t])} for t in MAIN}
    data["meta"] = {"1": {**meta, "schema_version": SCHEMA_VERSION, "built_at": time.time(),
                          "parts": parts, "digest": digest(orjson.dumps([data[t] for t in MAIN]))}}
    # One TinyDB write of the store file (TinyDB's own format), done atomically by the storage.
    db = TinyDB(path, storage=AtomicOrjsonStorage)
    db.storage.write(data)
    db.close()
    before = {"documents": dict(enumerate(replaced["documents"])), "meta": {"1": replaced["meta"][0]}} \
        if replaced is not None else None
    collect_parts(path, data, before)
    return parts


def _write_state(store_path: Path, state: dict) -> dict:
    """Write what merging needs to add articles later (perf: ingest without assembling again)."""
    payload = orjson.dumps(state)
    file = f"{MERGE_STATE}-{digest(payload)}.json"
    folder = tables_folder(store_path)
    folder.mkdir(parents=True, exist_ok=True)
    write_once(folder / file, payload)
    return {"file": file, "size": len(payload)}


def read_merge_state(store_path: Path, meta: dict) -> dict | None:
    """The stored merge state, or None when there is none or its file is not the one written."""
    record = (meta.get("parts") or {}).get(MERGE_STATE)
    if not isinstance(record, dict) or not isinstance(record.get("file"), str):
        return None
    path = tables_folder(store_path) / os.path.basename(record["file"])
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if path.name != f"{MERGE_STATE}-{digest(raw)}.json":
        return None  # damaged: the caller assembles everything again instead
    return orjson.loads(raw)


def _parts_of(path: Path, meta: dict) -> dict[str, ShardedRows]:
    """The big tables the store file names, not yet read; StoreFileError when it names none."""
    parts = meta.get("parts")
    if not isinstance(parts, dict) or not all(valid_record(parts.get(n)) for n in PARTS):
        raise StoreFileError(f"{path}: its meta table names no figures and mentions files (damaged); {REPAIR_HINT}")
    folder = tables_folder(path)
    return {n: ShardedRows(folder, n, parts[n]) for n in PARTS}


def main_intact(raw_tables: dict, meta: dict) -> bool:
    """True when the store file's own tables are exactly as written (their digest matches)."""
    try:
        return meta.get("digest") == digest(orjson.dumps([raw_tables[t] for t in MAIN]))
    except (KeyError, TypeError, orjson.JSONEncodeError):
        return False


def _older(meta: dict) -> bool:
    """True for a store written by an older schema (its fingerprint is stale: it is rebuilt)."""
    version = meta.get("schema_version")
    return isinstance(version, int) and version < SCHEMA_VERSION


def read_tables(path: Path, lazy: bool = False) -> dict[str, list]:
    """Every table of the store as a list of rows, from one read of the store file.

    With `lazy`, figures and mentions are ShardedRows when their files look whole (read on first
    use); otherwise they are read now. A store of an older layout is read as it is, without the
    big tables of its own layout (its fingerprint is stale, so it is rebuilt from its documents).
    `meta[0]["intact"]` says whether the store file's own tables passed their digest.
    """
    db = TinyDB(path, storage=AtomicOrjsonStorage)
    try:
        names = db.tables()
        raw = db.storage.read() or {}
    finally:
        db.close()
    old_layout = "figures" in names
    needed = (*TABLES, "meta") if old_layout else (*MAIN, "meta")
    missing = [t for t in needed if t not in names]
    if missing:
        raise StoreFileError(f"{path}: not an mfg-explore store (no {missing[0]} table); "
                             "choose another --store path or rebuild it")
    # The storage's parsed dict, not Table.all(): the same rows without a wrapper per row.
    tables = {name: list(raw.get(name, {}).values()) for name in (*TABLES, "meta")}
    meta = tables["meta"][0] if tables["meta"] and isinstance(tables["meta"][0], dict) else None
    if old_layout or meta is None or "seeds_fingerprint" not in meta or _older(meta):
        return tables  # an older layout or damaged meta: the caller rebuilds or reports it
    meta["intact"] = main_intact(raw, meta)
    meta["intact_parts"] = []
    for name, part in _parts_of(path, meta).items():
        if lazy and part.size_matches():
            tables[name] = part
            continue
        tables[name], intact = part.load()
        if intact:
            meta["intact_parts"].append(name)
    return tables


def rows_to_records(rows: list[dict], cls):
    """Rows of one table as dataclass records (extra keys such as `source` are dropped)."""
    try:
        return [cls(**row) for row in rows]  # the common case: rows hold exactly the fields
    except TypeError:
        pass
    names = {f.name for f in fields(cls)}
    return [cls(**{k: v for k, v in row.items() if k in names}) for row in rows]
