"""Benchmark: search latency per query at seed scale and at 100k synthetic items.

Run: python tests/benchmarks/bench_search.py  (prints milliseconds; asserts nothing)
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

from store.query.search import Entry, SearchIndex

SYLLABLES = ("chang zhou wei hua yuan xin xiang jin jiang shan dong nan bei hai tian long feng "
             "ming kang sheng tai an hong da fu li yu zhong hui").split()
SUFFIXES = ("Group", "Co., Ltd.", "Crane Factory", "Technology Co., Ltd.", "Machinery", "Chemical")
QUERIES = ("weihau", "changyaun", "8.88", "18.5 billion", "company:wei", "market share", "zhou", "x")


def synthetic(n: int, seed: int = 7) -> list[Entry]:
    """n entries shaped like the store's: companies, regions and figures."""
    rng = random.Random(seed)
    entries = []
    for i in range(n):
        name = "".join(rng.choice(SYLLABLES) for _ in range(2)).title()
        kind = ("company", "region", "figure")[i % 3]
        if kind == "company":
            label = f"{name} {rng.choice(SUFFIXES)}"
            keys = (label, name)
        elif kind == "region":
            label = name
            keys = (name, f"{name} City")
        else:
            value = rng.randint(1, 99999) / 100
            label = f"{value} billion yuan — sales revenue ({name} Group)"
            keys = (f"{value} billion yuan", "sales revenue", f"{value} billion yuan sales revenue {name}")
        entries.append(Entry(kind, f"id{i}", label, keys))
    return entries


def time_queries(index: SearchIndex, rounds: int = 5) -> dict[str, float]:
    """Median milliseconds per query, including every prefix as typed keystroke by keystroke."""
    out = {}
    for q in QUERIES:
        samples = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            for k in range(1, len(q) + 1):
                index.search(q[:k])
            samples.append((time.perf_counter() - t0) * 1000 / len(q))
        out[q] = statistics.median(samples)
    return out


def naive_ms(index: SearchIndex) -> float:
    """What scoring every item with WRatio costs for one query (the design we avoid)."""
    from rapidfuzz import fuzz, process
    labels = [e.label for e in index.entries]
    t0 = time.perf_counter()
    process.extract("weihau", labels, scorer=fuzz.WRatio, limit=20)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    """Print build time and per-keystroke latency at seed scale and at 100k items."""
    from store.query.api import Store
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    sys.path.insert(0, str(seeds.parent))
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "s.json")
    print(f"seed store: {len(store.index.entries)} items")
    for q, ms in time_queries(store.index).items():
        print(f"  {q!r:18} {ms:7.3f} ms/keystroke")
    for n in (10_000, 100_000):
        t0 = time.perf_counter()
        index = SearchIndex(synthetic(n))
        print(f"synthetic {n} items: index built in {(time.perf_counter() - t0) * 1000:.0f} ms")
        for q, ms in time_queries(index, rounds=3).items():
            print(f"  {q!r:18} {ms:7.3f} ms/keystroke")
        print(f"  baseline: rapidfuzz WRatio over every label, one query: {naive_ms(index):.1f} ms")


if __name__ == "__main__":
    main()
