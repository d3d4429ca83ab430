"""Delete the parts in `STORE.d` that neither the store file nor its backup names any more.

Called after each write of the store (under its lock). A part stays while `STORE` or
`STORE.bak` names it, so the backup stays a whole store; a removed article's text therefore
goes at the second write after its removal. When either file cannot be read, nothing is
deleted: a part is only ever collected when it is known to be unused.
"""
from __future__ import annotations

import os
from pathlib import Path

import orjson

from .shards import shard_files
from .storage import backup_path, parts_folder, resolved

KEEP_SUFFIX = ".tmp"  # temporary files are the tidy step's, by the rules for crashed writers


def _named(store_file: Path) -> tuple[set[str], set[str], set[str]] | None:
    """(text ids, extractor keys, table files) a store file names; None when unreadable."""
    try:
        return named_in(orjson.loads(store_file.read_bytes()))
    except (OSError, orjson.JSONDecodeError):
        return None


def named_in(data) -> tuple[set[str], set[str], set[str]] | None:
    """(text ids, extractor keys, table files) a parsed store file names; None when it cannot tell."""
    try:
        meta = next(iter(data["meta"].values()))
        docs = {r["id"] for r in data["documents"].values()}
        fingerprint = meta["seeds_fingerprint"]
        parts = meta.get("parts") or {}
        files = {os.path.basename(p["file"]) for p in parts.values() if "file" in p}
        files.update(f for p in parts.values() for f in shard_files(p))
    except (KeyError, TypeError, AttributeError, StopIteration):
        return None
    from .extraction_cache import KEY_CHARS
    return docs, {fingerprint[:KEY_CHARS]}, files


def _remove_unnamed(folder: Path, keep) -> int:
    """Delete the files of `folder` for which `keep(name)` is false; how many went."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if name.endswith(KEEP_SUFFIX) or keep(name):
            continue
        path = folder / name
        if path.is_dir():
            removed += _remove_unnamed(path, lambda _: False)
            try:
                path.rmdir()
            except OSError:
                pass
        else:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def collect_parts(store_path: Path, written: dict | None = None, replaced: dict | None = None) -> int:
    """Delete the texts, extractions and tables no store file names; how many files went.

    `written`: the store file's data as the caller just wrote it; `replaced`: the data of the
    store file that write replaced (now `STORE.bak`), as the caller read it under the same lock
    (each saves parsing that file again).
    """
    target = resolved(Path(store_path))
    folder = parts_folder(target)
    if not folder.is_dir():
        return 0
    named = [named_in(written) if written is not None else _named(target)]
    bak = backup_path(target)
    if bak.exists():
        named.append(named_in(replaced) if replaced is not None else _named(bak))
    if any(n is None for n in named):
        return 0
    docs = set().union(*(n[0] for n in named))
    keys = set().union(*(n[1] for n in named))
    files = set().union(*(n[2] for n in named))
    removed = _remove_unnamed(folder / "texts", lambda n: n[:-4] in docs)
    removed += _remove_unnamed(folder / "tables", lambda n: n in files)
    removed += _remove_unnamed(folder / "docs", lambda n: n in keys)
    for key in keys:
        removed += _remove_unnamed(folder / "docs" / key, lambda n: n[:-5] in docs)
    return removed
