"""Ingest without assembling again: new articles merged into the stored rows, only changes written.

`store.extract.incremental.extend` merges the new articles' company names against the stored
merge state, attributes their figures and re-links only the figure buckets they enter; this
module feeds it the stored rows and applies its Delta to them as dicts (stored rows are never
turned into records unless extend asks for them). The result is what a full build of the same
articles (new ones last) gives, rows ordered aside; `tests/unit/test_storage.py` checks it.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from ..models import Document, Figure
from .extraction_cache import cached_extractions
from .tables import read_merge_state, rows_to_records, write_rows
from .texts import document_row
from .validate import sane_figures


def _loader(store_path: Path, fingerprint: str, docs: dict[str, Document], figures: list[dict]):
    """extend's `load`: stored documents' extractions with their stored figures."""
    from ..extract.pipeline import extract

    def load(doc_ids: list[str]):
        cached = cached_extractions(store_path, fingerprint, [docs[i] for i in doc_ids])
        for i in doc_ids:  # a missing or damaged extraction file: extract that article again
            if i not in cached:
                cached[i] = extract(docs[i])
        wanted = set(doc_ids)
        by_doc: dict[str, list[dict]] = {}
        for row in figures:
            if row["doc_id"] in wanted:
                by_doc.setdefault(row["doc_id"], []).append(row)
        return [(cached[i], rows_to_records(by_doc.get(i, []), Figure)) for i in doc_ids]
    return load


def _figures_in(figures: list[dict]):
    """extend's `figures_in`: stored figures whose (subject, unit) bucket is in `keys`."""
    def figures_in(keys: set[tuple]):
        return rows_to_records([r for r in figures if (r["subject_id"], r["unit"]) in keys], Figure)
    return figures_in


def _by_id(rows: list[dict], replace: list[dict], drop=frozenset()) -> list[dict]:
    """Rows with those of `replace` put in place by id (new ones appended) and `drop` left out."""
    new = {r["id"]: r for r in replace}
    out = [new.pop(r["id"], r) for r in rows if r["id"] not in drop]
    return out + list(new.values())


def _by_doc(rows: list[dict], replaced: dict[str, list[dict]]) -> list[dict]:
    """Rows of the documents in `replaced` swapped for their new rows."""
    return [r for r in rows if r["doc_id"] not in replaced] + [r for rs in replaced.values() for r in rs]


def _new_figures(delta) -> tuple[dict[str, list[dict]], list[dict]]:
    """The changed figures as rows (sane values only), and the relinked ones without links to
    a figure left out."""
    fresh = {doc: sane_figures(figs) for doc, figs in delta.figures.items()}
    kept = {f.id for figs in fresh.values() for f in figs}
    gone = {f.id for figs in delta.figures.values() for f in figs} - kept
    relinked = [_row(f) for f in delta.relinked]
    for row in relinked:
        row["corroborated_by"] = [i for i in row["corroborated_by"] if i not in gone]
        row["conflicts_with"] = [i for i in row["conflicts_with"] if i not in gone]
    return {doc: [_row(f) for f in figs] for doc, figs in fresh.items()}, relinked


def _row(record) -> dict:
    """A record as a row: a shallow copy of its fields (asdict's deep copy costs seconds when
    thousands of relinked figures each carry long link lists; the lists are not shared on)."""
    row = dict(vars(record))
    for key in ("corroborated_by", "conflicts_with", "aliases"):
        if key in row:
            row[key] = list(row[key])
    return row


def extend_store(store_path: Path, tables: dict[str, list], old_docs: list[Document],
                 new_docs: list[Document], progress=None) -> dict[str, int] | None:
    """Add `new_docs` (none stored yet) to the store incrementally; rows per table after, or
    None when the store has no usable merge state (then the caller assembles everything)."""
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
    delta = extend(state, extractions, _loader(store_path, meta["seeds_fingerprint"], docs, tables["figures"]),
                   _figures_in(tables["figures"]), provisional)
    figures, relinked = _new_figures(delta)
    rows = {
        "documents": tables["documents"] + [document_row(d, "user") for d in new_docs],
        "regions": sorted(_by_id(tables["regions"], [asdict(r) for r in delta.regions]), key=lambda r: r["id"]),
        "companies": _by_id(tables["companies"], [asdict(c) for c in delta.companies],
                            set(delta.removed_companies)),
        "mentions": _by_doc(tables["mentions"], {d: [_row(m) for m in ms] for d, ms in delta.mentions.items()}),
        "figures": _by_id(_by_doc(tables["figures"], figures), relinked),
    }
    passages = meta.get("passages", 0) + len(delta.passages)
    keep = {k: v for k, v in meta.items() if k in ("seeds_fingerprint",)}
    write_rows(store_path, rows, {**keep, "passages": passages}, new_docs, extractions, state.as_json())
    return {"documents": len(rows["documents"]), "passages": passages, "regions": len(rows["regions"]),
            "companies": len(rows["companies"]), "mentions": len(rows["mentions"]),
            "figures": len(rows["figures"])}
