"""The big tables (figures, mentions) split by document into shards, each a TinyDB file of its own.

A row lives in the shard of its document (`bucket_of`: a hash of the document id, one of
`SHARDS`), so adding an article rewrites only its shard, and those of the stored articles whose
company ids it changes: not the whole table. A shard is a TinyDB file of one table whose row keys
are the rows' positions in the whole table, so reading every shard gives the rows back in the
order they were written (the order `dump` shows). Each shard is named by the hash of its bytes
(`<table>-<bucket>-<hash>.json`), so an unchanged one is never written again and one whose hash
is its name is exactly what was written.

The store file records, per table: `{"shards": {bucket: {"file", "size", "rows", "mtime_ns"}},
"rows": total, "next": the key the next row added gets}`; size and time let an ingest trust the
shards it does not rewrite without reading them (`unchanged`).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from ..errors import StoreFileError
from .storage import REPAIR_HINT, parse_store, read_store_bytes, write_once

SHARDS = 64  # 5,000 articles: ~80 a shard, so an ingest rewrites ~2 MB of figures, not 100+
_MISSING = object()


def bucket_of(doc_id: str) -> str:
    """The shard a document's rows live in: two hex digits from a hash of its id."""
    return f"{hashlib.blake2b(doc_id.encode(), digest_size=1).digest()[0] % SHARDS:02x}"


def shard_digest(payload: bytes) -> str:
    """The hash that names a shard file (the store's part hash)."""
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


@dataclass
class TableUpdate:
    """A sharded table to write: the shards that changed, each whole as (key, row) pairs, and
    the record of the table as it was (its other shards are kept as they are)."""

    changed: dict[str, list[tuple[int, dict]]]
    before: dict = field(default_factory=dict)

    @classmethod
    def whole(cls, rows: list[dict]) -> TableUpdate:
        """Every row of a table, written from scratch (keys 1, 2, … in this order)."""
        changed: dict[str, list[tuple[int, dict]]] = {}
        for key, row in enumerate(rows, 1):
            changed.setdefault(bucket_of(row["doc_id"]), []).append((key, row))
        return cls(changed)


def write_table(folder: Path, name: str, update: TableUpdate) -> dict:
    """Write the changed shards of table `name` into `folder`; the table's new record."""
    shards = {b: s for b, s in (update.before.get("shards") or {}).items() if b not in update.changed}
    last = int(update.before.get("next", 1)) - 1
    for bucket, pairs in sorted(update.changed.items()):
        if not pairs:
            continue
        payload = orjson.dumps({name: {str(k): r for k, r in pairs}})
        file = f"{name}-{bucket}-{shard_digest(payload)}.json"
        write_once(folder / file, payload)
        shards[bucket] = {"file": file, "size": len(payload), "rows": len(pairs),
                          "mtime_ns": os.stat(folder / file).st_mtime_ns}
        last = max(last, max(k for k, _ in pairs))
    return {"shards": dict(sorted(shards.items())), "rows": sum(s["rows"] for s in shards.values()),
            "next": last + 1}


def shard_files(record) -> list[str]:
    """The file names a table's record names (none when it is not a sharded table's record)."""
    shards = record.get("shards") if isinstance(record, dict) else None
    if not isinstance(shards, dict):
        return []
    return [os.path.basename(s["file"]) for s in shards.values()
            if isinstance(s, dict) and isinstance(s.get("file"), str)]


def valid_record(record) -> bool:
    """True when a table's record names its shards as `write_table` does."""
    shards = record.get("shards") if isinstance(record, dict) else None
    return isinstance(shards, dict) and all(
        isinstance(s, dict) and isinstance(s.get("file"), str) for s in shards.values())


class ShardedRows:
    """The rows of a big table kept in shard files, read (and checked) on first use."""

    def __init__(self, folder: Path, name: str, record: dict):
        self.folder, self.name, self.record = folder, name, record

    def __len__(self) -> int:
        return int(self.record.get("rows", 0))

    @property
    def buckets(self) -> list[str]:
        """The buckets that have a shard."""
        return list(self.record["shards"])

    def path_of(self, bucket: str) -> Path:
        """The file of one shard."""
        return self.folder / os.path.basename(self.record["shards"][bucket]["file"])

    def shard(self, bucket: str) -> tuple[list[tuple[int | None, object]], bool]:
        """One shard's (key, row) pairs in key order (none when the table has no such shard), and
        whether its file is exactly the one written; StoreFileError when it is missing or broken."""
        if bucket not in self.record["shards"]:
            return [], True
        path = self.path_of(bucket)
        raw = read_store_bytes(path)
        if raw is None:
            raise StoreFileError(f"{path}: this part of the store is missing; {REPAIR_HINT}")
        data = parse_store(path, raw)
        if self.name not in data:
            raise StoreFileError(f"{path}: not an mfg-explore store (no {self.name} table); {REPAIR_HINT}")
        intact = path.name == f"{self.name}-{bucket}-{shard_digest(raw)}.json"
        return [(_position(k), row) for k, row in data[self.name].items()], intact

    def load(self) -> tuple[list, bool]:
        """Every row in the order written, and whether every shard is exactly as written."""
        bound = int(self.record.get("next", 1)) if isinstance(self.record.get("next"), int) else 1
        slots: list = [_MISSING] * bound
        extra, intact = [], True
        for bucket in self.buckets:
            pairs, whole = self.shard(bucket)
            intact = intact and whole
            for key, row in pairs:
                if key is not None and key < bound and slots[key] is _MISSING:
                    slots[key] = row
                else:  # a key out of place (damage): kept, after the rest, for the row checks
                    extra.append(row)
        return [r for r in slots if r is not _MISSING] + extra, intact

    def unchanged(self, bucket: str) -> bool:
        """True when a shard's file has the size and modification time recorded when it was
        written (or last checked): nothing has written to it since."""
        shard = self.record["shards"][bucket]
        try:
            st = os.stat(self.path_of(bucket))
        except OSError:
            return False
        return st.st_size == shard.get("size") and st.st_mtime_ns == shard.get("mtime_ns")

    def size_matches(self) -> bool:
        """True when every shard is there with the size the store file recorded (not read)."""
        try:
            return all(os.stat(self.path_of(b)).st_size == s.get("size")
                       for b, s in self.record["shards"].items())
        except OSError:
            return False


def _position(key: str) -> int | None:
    """A row key as its position in the table (None when it is not one)."""
    return int(key) if key.isdigit() and len(key) < 12 else None
