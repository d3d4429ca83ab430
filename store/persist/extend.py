"""Ingest without assembling again: new articles merged into the stored rows, only changes written.

`store.extract.incremental.extend` merges the new articles' company names against the stored
merge state and attributes their figures; this module feeds it what it asks for and applies its
Delta to the stored rows as dicts. Figures and mentions are read and rewritten only in the
shards of the documents the Delta changes (the new articles', and those of stored articles whose
company ids changed); the other shards stay as they are. Links between figures are not stored,
so nothing else changes. The result is what a full build of the same articles (new ones last)
gives, rows ordered aside; `tests/unit/test_store_files.py` checks it.
"""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from ..errors import StoreFileError
from ..models import Document
from .extraction_cache import cached_extractions
from .shards import ShardedRows, TableUpdate, bucket_of
from .tables import figure_row, read_merge_state, subject_counts, write_rows
from .texts import document_row
from .validate import document_lengths, sane_figures, usable_rows


@contextmanager
def _collector_paused():
    """No cyclic garbage collection inside the block."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _loader(store_path: Path, fingerprint: str, docs: dict[str, Document]):
    """extend's `load`: stored documents' extractions (extracted again when their file is unusable)."""
    from ..extract.pipeline import extract

    def load(doc_ids: list[str]):
        cached = cached_extractions(store_path, fingerprint, [docs[i] for i in doc_ids])
        return [cached[i] if i in cached else extract(docs[i]) for i in doc_ids]
    return load


def _by_id(rows: list[dict], replace: list[dict], drop=frozenset()) -> list[dict]:
    """Rows with those of `replace` put in place by id (new ones appended) and `drop` left out."""
    new = {r["id"]: r for r in replace}
    out = [new.pop(r["id"], r) for r in rows if r["id"] not in drop]
    return out + list(new.values())


def _row(record) -> dict:
    """A record as a row: a shallow copy of its fields (lists copied)."""
    row = dict(vars(record))
    if "aliases" in row:
        row["aliases"] = list(row["aliases"])
    return row


def _stored_shard(part: ShardedRows, bucket: str, lengths: dict, store_path: Path) -> list[tuple]:
    """One stored shard's (key, row) pairs; StoreFileError when its rows are damaged (a store
    with damaged rows is not written over: `mfg-explore repair` is how the user agrees to it)."""
    pairs, intact = part.shard(bucket)
    if not intact:
        _, line = usable_rows(part.name, [row for _, row in pairs], lengths, store_path)
        if line:
            raise StoreFileError(line)
    return pairs


def _checked_record(part: ShardedRows, rewritten: set[str], lengths: dict, store_path: Path) -> dict:
    """The table's record, with every shard the ingest keeps as it is known sound: unchanged
    since written (its size and time), or else read and its rows checked (StoreFileError when
    damaged), its size and time then recorded anew so the next ingest need not read it again."""
    shards = dict(part.record["shards"])
    for bucket in part.buckets:
        if bucket in rewritten or part.unchanged(bucket):
            continue
        _stored_shard(part, bucket, lengths, store_path)
        st = os.stat(part.path_of(bucket))
        shards[bucket] = {**shards[bucket], "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    return {**part.record, "shards": shards}


def _shards_after(part, replaced: dict[str, list[dict]], lengths: dict, store_path: Path,
                  removed: list[dict]) -> TableUpdate:
    """The table with every row of the documents in `replaced` swapped for their new rows (which
    go last, in order); only their shards are read. The rows taken out are added to `removed`."""
    if isinstance(part, list):  # read whole already (its files did not look as recorded)
        removed += [r for r in part if r["doc_id"] in replaced]
        return TableUpdate.whole([r for r in part if r["doc_id"] not in replaced]
                                 + [r for rows in replaced.values() for r in rows])
    changed: dict[str, list[tuple]] = {}
    rewritten = {bucket_of(d) for d in replaced}
    record = _checked_record(part, rewritten, lengths, store_path)
    for bucket in sorted(rewritten):
        pairs = _stored_shard(part, bucket, lengths, store_path)
        removed += [row for _, row in pairs if row["doc_id"] in replaced]
        changed[bucket] = [(k, row) for k, row in pairs if row["doc_id"] not in replaced]
    key = int(record.get("next", 1))
    for doc_id, rows in replaced.items():
        for row in rows:
            changed[bucket_of(doc_id)].append((key, row))
            key += 1
    return TableUpdate(changed, {**record, "next": key})


def _counts_after(meta: dict, figures, removed: list[dict], added: dict[str, list[dict]]) -> dict[str, int]:
    """Figures per subject after the ingest, from the stored counts (all figures read when
    the store file has none)."""
    counts = meta.get("subject_figures")
    if not isinstance(counts, dict):
        rows = figures.load()[0] if isinstance(figures, ShardedRows) else figures
        counts, removed = subject_counts(rows), [r for r in rows if r["doc_id"] in added]
    counts = subject_counts(removed, dict(counts), -1)
    counts = subject_counts([r for rows in added.values() for r in rows], counts)
    return {s: n for s, n in counts.items() if n}


def extend_store(store_path: Path, tables: dict[str, list], old_docs: list[Document],
                 new_docs: list[Document], progress=None) -> dict[str, int] | None:
    """Add `new_docs` (none stored yet) to the store incrementally; rows per table after, or
    None when the store has no usable merge state (then the caller assembles everything)."""
    # The merge state is millions of small objects without cycles: a collector pass would walk
    # them all (a third of a second at 5,000 articles), and would come as the rows are built.
    with _collector_paused():
        return _extend(store_path, tables, old_docs, new_docs, progress)


def _extend(store_path: Path, tables: dict[str, list], old_docs: list[Document],
            new_docs: list[Document], progress=None) -> dict[str, int] | None:
    """`extend_store`, with the collector paused."""
    from ..extract.incremental import MergeState, extend
    from ..extract.parallel import map_documents
    meta = tables["meta"][0]
    state_json = read_merge_state(store_path, meta)
    if state_json is None:
        return None
    state = MergeState.from_json(state_json)
    extractions, provisional = [], {}
    for doc, (ex, figs) in map_documents(new_docs, {}):
        extractions.append(ex)
        provisional[doc.id] = figs
        if progress:
            progress(doc)
    docs = {d.id: d for d in old_docs}
    delta = extend(state, extractions, _loader(store_path, meta["seeds_fingerprint"], docs), provisional)
    documents = tables["documents"] + [document_row(d, "user") for d in new_docs]
    lengths = document_lengths(documents)
    figures = {doc: [figure_row(f) for f in sane_figures(figs)] for doc, figs in delta.figures.items()}
    mentions = {doc: [_row(m) for m in ms] for doc, ms in delta.mentions.items()}
    removed: list[dict] = []
    rows = {
        "documents": documents,
        "regions": sorted(_by_id(tables["regions"], [asdict(r) for r in delta.regions]), key=lambda r: r["id"]),
        "companies": _by_id(tables["companies"], [asdict(c) for c in delta.companies],
                            set(delta.removed_companies)),
        "figures": _shards_after(tables["figures"], figures, lengths, store_path, removed),
        "mentions": _shards_after(tables["mentions"], mentions, lengths, store_path, []),
    }
    passages = meta.get("passages", 0) + len(delta.passages)
    keep = {"seeds_fingerprint": meta["seeds_fingerprint"], "passages": passages,
            "subject_figures": _counts_after(meta, tables["figures"], removed, figures)}
    parts = write_rows(store_path, rows, keep, new_docs, extractions, state.as_json(), replaced=tables)
    return {"documents": len(documents), "passages": passages, "regions": len(rows["regions"]),
            "companies": len(rows["companies"]), "mentions": parts["mentions"]["rows"],
            "figures": parts["figures"]["rows"]}
