"""Benchmark: what grading hits for people (store/query/find.py) adds to the index's search.

Run: python tests/benchmarks/bench_find.py  (prints milliseconds per keystroke; asserts nothing)
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from store import Store, build, find

QUERIES = ("weihau", "changyaun", "yuhuan", "8.88", "18.5 billion", "company:wei", "market share", "yuan")


def per_keystroke(search, query: str, rounds: int = 5) -> float:
    """Median milliseconds per keystroke while `query` is typed one character at a time."""
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for k in range(1, len(query) + 1):
            search(query[:k])
        samples.append((time.perf_counter() - t0) * 1000 / len(query))
    return statistics.median(samples)


def main() -> None:
    """Build the seeds store in a temporary folder, then time both searches side by side."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.json"
        build(path)
        store = Store.open(path)
        store.search("warm")  # the index is built on first use
        print(f"{'query':<16}{'index ms':>10}{'find ms':>10}{'hits':>7}{'kept':>7}")
        for q in QUERIES:
            index_ms = per_keystroke(lambda text: store.search(text, limit=50), q)
            find_ms = per_keystroke(lambda text: find(store, text, limit=50), q)
            print(f"{q:<16}{index_ms:>10.2f}{find_ms:>10.2f}{len(store.search(q, limit=50)):>7}"
                  f"{len(find(store, q, limit=50)):>7}")


if __name__ == "__main__":
    main()
