"""One writer at a time: a file lock (`STORE.lock`) held around every write of a store.

Every change to a store is a read-modify-write (an ingest reads the stored articles, adds the
new ones and writes the whole), so two writers without a lock lose one another's work. The
lock is an advisory `flock` (filelock), released by the kernel when its holder dies, so a
killed writer never leaves the store locked. Readers take no lock: the store file is replaced
atomically, so they see the old store or the new one.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreBusy, StoreFileError
from .storage import resolved, stale_temp_files

LOCK_WAIT = 10.0  # seconds a second writer waits before giving up


def lock_path(store_path: Path) -> Path:
    """`STORE.lock` beside the (resolved) store file: two links to one store share one lock."""
    target = resolved(Path(store_path))
    return target.with_name(target.name + ".lock")


def _lock(store_path: Path):
    """The process's one lock object for this store (re-entrant: a rebuild inside an ingest)."""
    from filelock import FileLock  # loaded by writers only: a reader's start is quicker without it
    path = lock_path(store_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(path, is_singleton=True)


@contextmanager
def writing(store_path: Path, wait: float | None = None):
    """Hold the store's write lock; StoreBusy when another process holds it for `wait` seconds
    (default LOCK_WAIT)."""
    from filelock import Timeout
    try:
        lock = _lock(store_path)
        lock.acquire(timeout=LOCK_WAIT if wait is None else wait)
    except Timeout:
        raise StoreBusy(f"{store_path}: store is busy (another mfg-explore is writing it); "
                        "try again when it has finished") from None
    except OSError as exc:
        raise StoreFileError(f"{store_path}: cannot write the store (no lock file: {exc.strerror or exc}); "
                             "choose a writable --store path") from None
    try:
        if lock.lock_counter == 1:  # first hold in this process: no writer of ours is mid-write
            remove_stale_temp_files(store_path)
        yield
    finally:
        lock.release()


def remove_stale_temp_files(store_path: Path) -> int:
    """Delete what crashed writers left behind (call with the lock held); how many went."""
    removed = 0
    for tmp in stale_temp_files(store_path):
        tmp.unlink(missing_ok=True)
        removed += 1
    return removed


def tidy(store_path: Path) -> int:
    """On start: remove crashed writers' temporary files, if no writer holds the store now."""
    if not stale_temp_files(store_path):
        return 0  # nothing to remove: no need to take the lock (which a reader never needs)
    from filelock import Timeout
    try:
        lock = _lock(store_path)
        lock.acquire(timeout=0)
    except (Timeout, OSError):
        return 0  # a writer is at work (or the folder is read-only): leave its files alone
    try:
        return remove_stale_temp_files(store_path)
    finally:
        lock.release()
