"""A separate process that writes a store, for the locking and crash tests (not a test module).

    python store_worker.py ingest STORE FILE...    ingest each file in turn (one write each)
    python store_worker.py spawn STORE BUILT ADDED  for each line read: fork a child that builds
                                                    the store from BUILT, ingests ADDED, again and
                                                    again until it is killed; print its pid, then
                                                    "reaped STATUS" once it is gone

The spawner imports the library and loads the extractors once, so each child is a real process
at work on a real store from its first instruction, and a kill lands inside build or ingest.
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.persist.build import build, ingest  # noqa: E402


def ingest_each(store: Path, files: list[Path]) -> None:
    """One ingest per file, each its own read-modify-write of the store."""
    for path in files:
        report = ingest(store, [path])
        if report.errors:
            raise SystemExit(f"ingest {path}: {report.errors}")


def spawn(store: Path, built: Path, added: Path) -> None:
    """Fork a build-and-ingest loop per request; report its pid and when it has been reaped."""
    build(store, [built])
    ingest(store, [added])  # the extractors are loaded now, before any child starts
    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                while True:
                    build(store, [built])
                    ingest(store, [added])
            finally:
                os._exit(1)  # never back into the spawner's loop
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"reaped {status}", flush=True)


if __name__ == "__main__":
    mode, store, *rest = sys.argv[1:]
    if mode == "ingest":
        ingest_each(Path(store), [Path(p) for p in rest])
    else:
        spawn(Path(store), Path(rest[0]), Path(rest[1]))
