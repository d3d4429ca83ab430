"""The search index kept beside the store (`STORE.index`), so opening a big store does not
rebuild it.

The file holds the index and the key it was built for (a hash of the store's content and of
the code that builds the index). A file with another key, or one that cannot be read, is
ignored and replaced: it is a cache, never the record. It is written to a temporary file and
os.replace'd, so readers see the old index or the new one, and no lock is needed (two writers
write the same bytes for the same key).
"""
from __future__ import annotations

from pathlib import Path

import orjson

from .storage import write_atomic

SUFFIX = ".index"


def index_path(store_path: Path) -> Path:
    """Where the index of the store at `store_path` is kept."""
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + SUFFIX)


def read_index(path: Path, key: str) -> dict | None:
    """The index payload kept at `path` for `key`, or None (missing, stale or unreadable)."""
    try:
        data = orjson.loads(Path(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("index"), dict):
        return None
    return data["index"]


def write_index(path: Path, key: str, payload: dict) -> bool:
    """Keep `payload` at `path` for `key`, atomically; False when the folder cannot be written
    (a read-only store still opens; it builds its index each time)."""
    try:
        write_atomic(Path(path), orjson.dumps({"key": key, "index": payload}))
    except OSError:
        return False
    return True
