"""Repair a broken store: salvage the user's own articles, move the broken file aside, rebuild.

A store that cannot be used (broken JSON, a table of the wrong shape, damaged rows, no
fingerprint, a missing or damaged file in `STORE.d`) is never written over by other commands.
`plan_repair` says what is wrong and which of the user's articles can be saved from it (and
from `STORE.bak`): an article is saved when its text (in its row, in an old one-file store, or
its file in `STORE.d/texts`) still hashes to the article's id, so a salvaged article is
exactly what was stored. `repair` moves the broken file aside as
`STORE.corrupt-<time>` (kept, never deleted) and builds the store again from the bundled seeds
and the salvaged articles. The user's decisions live in state.json and apply again.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path

from ..articles.parsed import document_id
from ..errors import MfgError, StoreFileError
from ..models import Document
from .build import BuildReport, _store_documents, load_current, read_documents
from .locations import bundled_seeds_dir
from .lock import writing
from .storage import backup_path, read_store_bytes, resolved
from .texts import read_text
from .validate import row_problem, usable_tables

_ROW_START = re.compile(r'\{\s*"id"\s*:')
_DOCUMENT_FIELDS = {f.name for f in fields(Document)}


@dataclass
class RepairPlan:
    """What is wrong with a store, and what a repair would keep."""

    store_path: Path
    problem: str | None  # None: the store is sound, nothing to repair
    salvaged: list[Document] = field(default_factory=list)  # the user's articles that can be kept
    unreadable: int = 0  # rows of the user's articles whose text no longer matches their id
    aside: Path | None = None  # where the broken file will be kept
    with_seeds: bool = True  # the store held the bundled seeds (or nothing could be told)


@dataclass
class Salvage:
    """What a store file's bytes still hold."""

    documents: list[Document] = field(default_factory=list)  # the user's articles, intact
    unreadable: int = 0  # rows of the user's articles whose text could not be trusted
    bundled: int = 0  # rows of bundled seed articles seen


def _with_text(row: dict, store_path: Path | None) -> dict | None:
    """The row with its text: its own, or its text file's when that is intact; None otherwise."""
    if "text" in row:
        return row
    if store_path is None:
        return None
    try:
        return {**row, "text": read_text(store_path, str(row["id"]))}
    except StoreFileError:
        return None


def salvage_documents(raw: bytes, store_path: Path | None = None) -> Salvage:
    """The user's articles found in a store file's bytes, however broken the rest (their texts
    from the row itself, or from the text files beside the store at `store_path`)."""
    text = raw.decode("utf-8", errors="replace")
    decoder = json.JSONDecoder()
    found = Salvage()
    pos = 0
    while (m := _ROW_START.search(text, pos)) is not None:
        try:
            row, pos = decoder.raw_decode(text, m.start())
        except ValueError:
            pos = m.end()
            continue
        if not isinstance(row, dict) or not {"file", "title"} <= row.keys() or not row.keys() & {"text", "chars"}:
            continue  # a row of another table
        if row.get("source", "user") != "user":
            found.bundled += 1  # bundled articles come back from the seeds
            continue
        row = _with_text(row, store_path) if isinstance(row.get("id"), str) else None
        if row is None or row_problem(row, Document) or document_id(row["text"]) != row["id"]:
            found.unreadable += 1
        else:
            found.documents.append(Document(**{k: v for k, v in row.items() if k in _DOCUMENT_FIELDS}))
    return found


def diagnose(store_path: Path) -> str | None:
    """Why the store cannot be used as it is, or None when it is sound (or not there)."""
    try:
        tables = load_current(store_path)
    except StoreFileError as exc:
        return exc.message
    _, warnings = usable_tables(tables, store_path)
    return warnings[0] if warnings else None


def plan_repair(store_path: Path, now: datetime | None = None) -> RepairPlan:
    """What is wrong with the store and which of the user's articles a repair keeps."""
    target = resolved(Path(store_path))
    raw = read_store_bytes(store_path)  # a folder, pipe or device is refused here, not moved
    problem = diagnose(store_path) if raw is not None else None
    if problem is None:
        return RepairPlan(store_path, None)
    found = salvage_documents(raw, store_path)
    salvaged, seen = list(found.documents), {d.id for d in found.documents}
    bak = backup_path(store_path)
    if bak.is_file():  # the previous store may hold articles the broken one lost
        older = salvage_documents(bak.read_bytes(), store_path)
        salvaged += [d for d in older.documents if d.id not in seen]
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    # A store of the user's own articles only (`build PATH`) is rebuilt without the seeds.
    with_seeds = bool(found.bundled) or not found.documents
    return RepairPlan(store_path, problem, salvaged, found.unreadable,
                      target.with_name(f"{target.name}.corrupt-{stamp}"), with_seeds)


def repair(plan: RepairPlan, progress=None) -> BuildReport:
    """Move the broken store aside and build it again with the salvaged articles."""
    if plan.problem is None or plan.aside is None:
        raise MfgError(f"{plan.store_path}: the store is sound; nothing to repair")
    report = BuildReport()
    seeds = read_documents([bundled_seeds_dir()], report) if plan.with_seeds else []
    with writing(plan.store_path):
        target = resolved(Path(plan.store_path))
        try:
            os.replace(target, plan.aside)  # kept as it was, under a name no command reads
        except OSError as exc:
            raise StoreFileError(f"{target}: cannot move it aside ({exc.strerror or exc}); "
                                 "check the folder's permissions") from None
        sources = {d.id: "bundled" for d in seeds} | {d.id: "user" for d in plan.salvaged}
        return _store_documents(plan.store_path, seeds + plan.salvaged, sources, report, progress)
