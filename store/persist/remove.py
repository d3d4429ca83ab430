"""Take documents out of a store: their figures and mentions, and the entities only they named.

The rest of the store is assembled again from the stored extractions (nothing is re-extracted),
so company merging, subjects and corroboration are exactly what a build of the remaining
articles gives. The plan is computed first, so the caller can show it and ask; the store is
written once, atomically, only when the plan is carried out. The removed articles' own files
(text, extraction) stay while `STORE.bak` names them, and go at the next write after that
(collect.py), so the backup is always a whole store.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MfgError
from ..models import Document
from .build import _documents_of, load_current
from .extraction_cache import cached_extractions
from .fingerprint import seeds_fingerprint
from .lock import writing
from .tables import TABLES, read_tables, write_corpus
from .validate import require_sound


@dataclass
class RemovalPlan:
    """What removing `documents` from the store at `store_path` takes out, and the store after it."""

    store_path: Path
    documents: list[Document]
    figures: int  # figures stated in the removed documents
    entities: list[str] = field(default_factory=list)  # names of companies and places no other document names
    corpus: object = None  # the store without them, ready to write
    sources: dict[str, str] = field(default_factory=dict)
    built_at: float | None = None  # when the store the plan was made from was written
    reused: set[str] = field(default_factory=set)  # documents whose stored extraction is used as it is


def _entity_names(corpus) -> dict[str, str]:
    """Entity id → display name for every company and region in a corpus or table set."""
    return {e.id: e.name for e in [*corpus.companies, *corpus.regions]}


def plan_removal(store_path: Path, doc_ids: list[str]) -> RemovalPlan:
    """The plan for removing the documents `doc_ids`; MfgError for bundled or unknown ones."""
    from ..extract.pipeline import (
        run,  # the extractors' assembly step, loaded only when needed
    )
    load_current(store_path)
    tables = require_sound(read_tables(store_path), store_path)
    docs, sources = _documents_of(tables["documents"], store_path)
    by_id = {d.id: d for d in docs}
    unknown = [i for i in doc_ids if i not in by_id]
    if unknown:
        raise MfgError(f"no document with id {unknown[0]!r} in {store_path}; list them with `mfg-explore docs`")
    bundled = [by_id[i].file for i in doc_ids if sources.get(i) == "bundled"]
    if bundled:
        raise MfgError(f"{bundled[0]} is a bundled seed article, which comes back whenever the store "
                       "is rebuilt; to leave the seeds out, build a store of your own articles "
                       "(mfg-explore build PATH --store NEW)")
    gone = set(doc_ids)
    kept = [d for d in docs if d.id not in gone]
    cached = cached_extractions(store_path, tables["meta"][0]["seeds_fingerprint"], kept)
    corpus = run(kept, cached=cached)
    before = {r["id"]: r["name"] for t in ("companies", "regions") for r in tables[t]}
    after = _entity_names(corpus)
    return RemovalPlan(store_path, [by_id[i] for i in doc_ids],
                       figures=sum(1 for f in tables["figures"] if f["doc_id"] in gone),
                       entities=sorted(name for eid, name in before.items() if eid not in after),
                       corpus=corpus, sources={d.id: sources[d.id] for d in kept},
                       built_at=tables["meta"][0].get("built_at"), reused=set(cached))


def remove_documents(plan: RemovalPlan) -> dict[str, int]:
    """Carry out `plan`: write the store without its documents, atomically; rows per table after.

    Under the write lock; if another writer changed the store since the plan was made (an
    ingest meanwhile), the plan is made again from the store as it is now, so nothing is lost.
    """
    with writing(plan.store_path):
        if read_tables(plan.store_path, lazy=True)["meta"][0].get("built_at") != plan.built_at:
            plan = plan_removal(plan.store_path, [d.id for d in plan.documents])
        write_corpus(plan.store_path, plan.corpus, {"seeds_fingerprint": seeds_fingerprint()},
                     plan.sources, plan.reused)
    return {t: len(getattr(plan.corpus, t)) for t in TABLES}
