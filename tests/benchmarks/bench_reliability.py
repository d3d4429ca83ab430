"""Benchmark: what the reliability work costs on a 100-document store (the seeds 20 times).

Run: python tests/benchmarks/bench_reliability.py  (prints seconds; asserts nothing)

- open: the row checks (`usable_tables`) and ten user decisions, against the whole open;
- write: the store write with its fsyncs and the `.bak` link, against a bare write;
- lock: taking and releasing the write lock; the start-up tidy of temporary files;
- repair: the salvage scan of the store file's bytes.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import orjson

from store.persist import lock
from store.persist.build import build, bundled_seeds_dir, load_current
from store.persist.decisions import apply_decisions
from store.persist.repair import salvage_documents
from store.persist.storage import write_atomic
from store.persist.validate import usable_tables
from store.query.api import Store


def median_time(fn, rounds: int = 5) -> float:
    """Median wall time of `fn()` in seconds."""
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def corpus(tmp: Path, copies: int = 20) -> Path:
    """A store of `copies` x the seeds, each copy a distinct document."""
    folder = tmp / "many"
    folder.mkdir()
    for i in range(copies):
        for seed in bundled_seeds_dir().glob("*.txt"):
            text = seed.read_text(encoding="utf-8") + f"\nCopy {i}.\n"
            (folder / f"{seed.stem}_{i}.txt").write_text(text, encoding="utf-8")
    path = tmp / "many.json"
    build(path, [folder])
    return path


def ten_decisions(tables) -> list[dict]:
    """Five merges and five figure corrections on this store's first companies and figures."""
    firms = [r["id"] for r in tables["companies"][:10]]
    merges = [{"op": "merge", "into": a, "company": b} for a, b in zip(firms[::2], firms[1::2])]
    fixes = [{"op": "figure", "figure": r["id"], "category": "output"} for r in tables["figures"][:5]]
    return merges + fixes


def main() -> None:
    """Print the timings."""
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus(Path(tmp))
        tables = load_current(path)
        rows = sum(len(v) for k, v in tables.items() if k != "meta")
        print(f"store: {len(tables['documents'])} documents, {rows} rows, {path.stat().st_size / 1e6:.1f} MB")
        print(f"open (all of it):          {median_time(lambda: Store.open(path), 3):.3f} s")
        print(f"  row checks:              {median_time(lambda: usable_tables(tables, path)):.3f} s")
        decisions = ten_decisions(tables)
        print(f"  ten decisions applied:   {median_time(lambda: apply_decisions(tables, decisions)):.3f} s")
        payload = path.read_bytes()
        target = Path(tmp) / "copy.json"
        print(f"write, fsync + .bak:       {median_time(lambda: write_atomic(target, payload, backup=True)):.3f} s")
        print(f"write, bare:               {median_time(lambda: target.write_bytes(payload)):.3f} s")
        print(f"parse with orjson:         {median_time(lambda: orjson.loads(payload)):.3f} s")

        def locked():
            with lock.writing(path):
                pass
        print(f"lock + unlock:             {median_time(locked, 20) * 1000:.2f} ms")
        print(f"tidy on start:             {median_time(lambda: lock.tidy(path), 20) * 1000:.2f} ms")
        print(f"repair's salvage scan:     {median_time(lambda: salvage_documents(payload), 3):.3f} s")


if __name__ == "__main__":
    main()
