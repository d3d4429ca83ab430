"""Benchmark: building the seeds store, and loading it (what every CLI call and app start pays).

Run: python tests/benchmarks/bench_build.py  (prints seconds; asserts nothing)
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from store.extract.pipeline import assemble, extract
from store.persist import tables
from store.persist.build import BuildReport, build, bundled_seeds_dir, read_documents
from store.query.api import Store


def median_time(fn, rounds: int = 5) -> float:
    """Median wall time of `fn()` in seconds."""
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def main() -> None:
    """Print build, per-stage and load timings for the bundled seeds."""
    docs = read_documents([bundled_seeds_dir()], BuildReport())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.json"
        t0 = time.perf_counter()
        build(path)  # first build in this process: includes loading the gazetteer and word lists
        print(f"cold build (first in process): {time.perf_counter() - t0:.3f} s")
        print(f"warm build, median of 5:       {median_time(lambda: build(path)):.3f} s")
        extractions = [extract(d) for d in docs]
        print(f"  extract all documents:       {median_time(lambda: [extract(d) for d in docs]):.3f} s")
        print(f"  assemble (merge, subjects):  {median_time(lambda: assemble(extractions)):.3f} s")
        print(f"  read tables from file:       {median_time(lambda: tables.read_tables(path)):.3f} s")
        print(f"open store:                    {median_time(lambda: Store.open(path)):.3f} s")
        print(f"open store + search index:     {median_time(lambda: Store.open(path).index):.3f} s")
        print(f"store file size:               {path.stat().st_size / 1024:.0f} KiB for {len(docs)} documents")
        scale(Path(tmp), copies=20)


def scale(tmp: Path, copies: int) -> None:
    """Build, open and index a corpus of `copies` x the seeds (each copy a distinct document)."""
    folder = tmp / "many"
    folder.mkdir()
    for i in range(copies):
        for seed in bundled_seeds_dir().glob("*.txt"):
            text = seed.read_text(encoding="utf-8") + f"\nCopy {i}.\n"
            (folder / f"{seed.stem}_{i}.txt").write_text(text, encoding="utf-8")
    path = tmp / "many.json"
    n = copies * len(list(bundled_seeds_dir().glob("*.txt")))
    print(f"{n} documents: build {median_time(lambda: build(path, [folder]), rounds=1):.2f} s, "
          f"open {median_time(lambda: Store.open(path), rounds=3):.2f} s, "
          f"open + index {median_time(lambda: Store.open(path).index, rounds=3):.2f} s, "
          f"file {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
