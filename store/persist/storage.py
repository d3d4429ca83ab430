"""TinyDB storage that reads once with orjson and writes atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import orjson
from tinydb.storages import Storage

from ..errors import StoreFileError


class AtomicOrjsonStorage(Storage):
    """Whole-file JSON storage: one orjson read, kept in memory; writes replace the file atomically.

    A crash during a write leaves the previous store intact, because the new content is
    written to a temporary file in the same folder, fsynced, then renamed over the old one.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._cache: dict | None = None

    def read(self) -> dict | None:
        """The whole database as a dict (None when the file does not exist yet)."""
        if self._cache is None:
            if not self.path.exists():
                return None
            try:
                self._cache = orjson.loads(self.path.read_bytes())
            except orjson.JSONDecodeError:
                raise StoreFileError(
                    f"{self.path}: not a valid store (broken JSON); delete it or run "
                    "`mfg-explore build --store PATH` to rebuild") from None
            if not isinstance(self._cache, dict):
                raise StoreFileError(f"{self.path}: not an mfg-explore store; choose another --store path")
        return self._cache

    def write(self, data: dict) -> None:
        """Replace the file with `data`, atomically."""
        try:
            write_atomic(self.path, orjson.dumps(data))
        except OSError as exc:
            raise StoreFileError(f"{self.path}: cannot write the store ({exc.strerror or exc}); "
                                 "choose a writable --store path") from None
        self._cache = data

    def close(self) -> None:
        """Nothing to release: the file is closed after every read and write."""


def write_atomic(path: Path, payload: bytes) -> None:
    """Write bytes to `path` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
