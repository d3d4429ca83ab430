"""Build, rebuild and extend the store file; find it and keep it in step with the bundled seeds."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import StoreFileError
from ..models import Document
from .extend import extend_store
from .extraction_cache import cached_extractions
from .fingerprint import seeds_fingerprint
from .locations import bundled_seeds_dir
from .lock import tidy, writing
from .storage import REPAIR_HINT, store_exists
from .tables import TABLES, read_tables, rows_to_records, write_corpus
from .texts import stored_document
from .validate import require_sound, sound_documents


@dataclass
class BuildReport:
    """What a build or ingest did: documents stored, counts per table, one line per problem."""

    documents: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # not errors: e.g. the files skipped as unsupported


def read_documents(paths: list[Path], report: BuildReport, glob: str | None = None) -> list[Document]:
    """Read the articles under `paths`; record one error line per unusable path or file."""
    from ..articles import documents as readers  # the format readers: only building reads files
    reading = readers.read_documents(paths, glob)
    report.errors.extend(reading.errors)
    report.notes.extend(reading.notes)
    return reading.documents


def _store_documents(store_path: Path, docs: list[Document], sources: dict[str, str],
                     report: BuildReport, progress=None, cached: dict | None = None) -> BuildReport:
    """Extract `docs` (unique by content; `cached` ones are reused) and write the whole store."""
    from ..extract.pipeline import (
        run,  # the extractors load their data only when something is built
    )
    unique = list({d.id: d for d in docs}.values())
    corpus = run(unique, progress, cached)
    write_corpus(store_path, corpus, {"seeds_fingerprint": seeds_fingerprint()}, sources, set(cached or ()))
    report.documents = len(unique)
    report.counts = {t: len(getattr(corpus, t)) for t in TABLES}
    return report


def build(store_path: Path, paths: list[Path] | None = None, progress=None,
          glob: str | None = None) -> BuildReport:
    """(Re)build the store from `paths` (default: the bundled seeds). Nothing is written on failure."""
    report = BuildReport()
    docs = read_documents(paths or [bundled_seeds_dir()], report, glob)
    if not docs:
        report.errors.append("no usable articles found; nothing was written")
        return report
    bundled = paths is None
    with writing(store_path):
        if store_exists(store_path):  # a broken store is reported, never written over
            _is_current(require_sound(read_tables(store_path), store_path), store_path)
        return _store_documents(store_path, docs, {d.id: "bundled" if bundled else "user" for d in docs},
                                report, progress)


def _documents_of(rows: list[dict], store_path: Path, checked: bool = False) -> tuple[list[Document], dict[str, str]]:
    """Document records and their source marks from the documents table's rows (all sound:
    checked here unless `checked` says the caller did); a row without its text (the text is a
    file beside the store) reads it when it is needed."""
    rows = rows if checked else sound_documents(rows, store_path)
    docs = [stored_document(r, store_path) if "text" not in r else rows_to_records([r], Document)[0]
            for r in rows]
    return docs, {r["id"]: r.get("source", "user") for r in rows}


def stored_documents(store_path: Path) -> tuple[list[Document], dict[str, str]]:
    """The documents already in a store, with their source marks."""
    return _documents_of(read_tables(store_path, lazy=True)["documents"], store_path)


def ingest(store_path: Path, files: list[Path], progress=None, glob: str | None = None) -> BuildReport:
    """Add the user's articles to the store: extract the new ones, merge entities across all."""
    report = BuildReport()
    new_docs = read_documents(files, report, glob)
    if not new_docs:
        if not report.errors:
            report.errors.append("no articles given; nothing was added")
        return report
    with writing(store_path):  # the read, the merge and the write: no other writer in between
        # Rebuilt first if stale; figures and mentions stay unread: the ingest reads only the
        # shards it changes (and checks them then), the rest are kept as they are.
        tables = require_sound(load_current(store_path, lazy=True), store_path)
        old_docs, sources = _documents_of(tables["documents"], store_path, checked=True)  # require_sound did
        stored = {d.id for d in old_docs}
        report.notes += [f"{d.file} is already in the store (same text); nothing new from it"
                         for d in new_docs if d.id in stored]
        fresh = [d for d in {d.id: d for d in new_docs}.values() if d.id not in stored]
        counts = extend_store(store_path, tables, old_docs, fresh, progress) if fresh else _counts(tables)
        if counts is not None:  # merged into the stored rows: only the changes were written
            report.documents, report.counts = counts.pop("documents"), {"documents": len(old_docs) + len(fresh),
                                                                         **counts}
            return report
        sources.update({d.id: sources.get(d.id, "user") for d in new_docs})
        # Stored articles keep their extraction; only the new ones go through the extractors.
        cached = cached_extractions(store_path, tables["meta"][0]["seeds_fingerprint"], old_docs)
        return _store_documents(store_path, old_docs + new_docs, sources, report, progress, cached)


def _counts(tables: dict[str, list]) -> dict[str, int]:
    """Rows per table of a store as read (passages as the store file counted them)."""
    counts = {t: len(tables[t]) for t in TABLES if t != "passages"}  # a table not read: as recorded
    return {**counts, "passages": tables["meta"][0].get("passages", 0)}


def _is_current(tables: dict[str, list[dict]], store_path: Path) -> bool:
    """True when the tables were built from these bundled seeds, schema and extractor.

    A store whose meta has no fingerprint was not written by mfg-explore (or was damaged): it
    is reported rather than rebuilt over.
    """
    meta = tables["meta"]
    if not meta or not isinstance(meta[0], dict) or not isinstance(meta[0].get("seeds_fingerprint"), str):
        raise StoreFileError(f"{store_path}: its meta table has no seeds_fingerprint (not written by "
                             f"mfg-explore, or damaged); {REPAIR_HINT}")
    return meta[0]["seeds_fingerprint"] == seeds_fingerprint()


def needs_rebuild(store_path: Path) -> bool:
    """True when the store is missing, or built from other bundled seeds, schema or extractor."""
    return not store_exists(store_path) or not _is_current(read_tables(store_path, lazy=True), store_path)


def _rebuild(store_path: Path, tables: dict[str, list[dict]] | None, progress=None) -> None:
    """Build from the bundled seeds, keeping the user's own articles from `tables` (if any)."""
    docs: list[Document] = []
    sources: dict[str, str] = {}
    if tables is not None:
        # Bundled articles are re-read from disk; the user's own come from the old store.
        old, old_sources = _documents_of(tables["documents"], store_path)
        docs = [d for d in old if old_sources.get(d.id) == "user"]
        sources = {d.id: "user" for d in docs}
    report = BuildReport()
    seeds = read_documents([bundled_seeds_dir()], report)
    sources.update({d.id: "bundled" for d in seeds})
    _store_documents(store_path, seeds + docs, sources, report, progress)


def _current_tables(store_path: Path, progress=None, lazy: bool = False) -> tuple[dict[str, list[dict]], bool]:
    """The store's tables, rebuilt first when missing or stale; and whether it was rebuilt."""
    tidy(store_path)  # temporary files of writers that crashed
    tables = read_tables(store_path, lazy) if store_exists(store_path) else None
    if tables is not None and _is_current(tables, store_path):
        return tables, False
    with writing(store_path):
        # Another process may have rebuilt it while this one waited for the lock.
        tables = read_tables(store_path, lazy) if store_exists(store_path) else None
        if tables is not None and _is_current(tables, store_path):
            return tables, False
        _rebuild(store_path, tables, progress)
        return read_tables(store_path, lazy), True


def load_current(store_path: Path, progress=None, lazy: bool = False) -> dict[str, list[dict]]:
    """The store's tables, built or rebuilt first when missing or stale (one file read if current);
    with `lazy`, figures and mentions are read on first use (see tables.read_tables)."""
    return _current_tables(store_path, progress, lazy)[0]


def ensure_store(store_path: Path, progress=None) -> bool:
    """Build the store from the bundled seeds when it is missing or stale; True if it built."""
    return _current_tables(store_path, progress)[1]
