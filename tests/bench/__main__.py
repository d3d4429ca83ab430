"""`python -m tests.bench [--scale N ...] [--items N] [--keep DIR]`: corpora of N altered copies of
each seed (default 1, 10, 100, 1000), measured; a table, top-5 lists, then one summary line.

Per scale: build (articles/s, CPU, wall), ingest of one new article, open + index and RSS (child
processes), search p50/p95 per keystroke over every prefix of the fixed queries with the peers'
p95 over the same item strings, the start ratio (explorer vs bare app), and top-1 agreement with
the exact ranking. `--items N` adds a row of about N synthetic items (search only).
"""
from __future__ import annotations

import argparse
import math
import tempfile
from pathlib import Path

from store import Store, find

from .runs import corpus_and_store, ingest_one, open_numbers, start_ratio
from .searching import measure_search, top5
from .synthetic import synthetic_index

PEERS = ("fzf", "matcher", "wratio", "partial", "qratio")
COLUMNS = [("scale", "scale"), ("articles", "articles"), ("items", "items"),
           ("build art/s", "build_articles_per_s"), ("build CPU s", "build_cpu_s"),
           ("build wall s", "build_wall_s"), ("ingest 1 s", "ingest_one_s"), ("1st open s", "first_open_s"),
           ("open s", "open_s"), ("RSS MB", "rss_mb"), ("p50 ms", "search_p50_ms"), ("p95 ms", "search_p95_ms"),
           *((f"{p} p95", f"{p}_p95_ms") for p in PEERS), ("start s", "start_ours_s"),
           ("bare start s", "start_bare_s"), ("start ratio", "start_ratio"),
           ("top1", "top1_agreement")]


def fmt(value) -> str:
    """A number as the table and the summary line show it."""
    if value is None:
        return "–"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def seed_store(work: Path) -> Store:
    """The bundled seeds' store: the names every copy renames."""
    return Store.open(work / "seeds" / "store.json")


def rounds_for(items: int, quick: bool = False) -> int:
    """Timing rounds per keystroke (searching.py gives the slow peers one round at 20k items)."""
    return 1 if quick else 3


def measure_scale(work: Path, copies: int, seeds: Store, quick: bool = False) -> tuple[dict, list[str]]:
    """Every number for one scale, and its top-5 lines."""
    path, _, built, extras = corpus_and_store(work / f"scale{copies}", copies, seeds)
    row = {"scale": copies, "articles": built["articles"], "build_wall_s": built["wall_s"],
           "build_cpu_s": built["cpu_s"], "build_articles_per_s": built["articles"] / built["wall_s"],
           "ingest_one_s": ingest_one(path, extras[0])}
    row.update(open_numbers(path))
    ours, bare, row["start_ratio"] = start_ratio(path, 1 if quick else 5)
    row["start_ours_s"], row["start_bare_s"] = ours, bare
    store = Store.open(path)
    row.update(measure_search(store.index, lambda q: find(store, q, limit=50), rounds_for(row["items"], quick)))
    return row, top5(lambda q: find(store, q, limit=5))


def measure_items(seeds: Store, items: int) -> dict:
    """Search numbers over about `items` synthetic items."""
    index = synthetic_index(seeds, items)
    row = {"scale": f"~{items // 1000}k items", "items": len(index.entries)}
    row.update(measure_search(index, lambda q: index.search(q, limit=50), rounds_for(len(index.entries))))
    return row


def ratios(row: dict) -> dict:
    """Ours divided by each peer's p95."""
    return {f"{p}_ratio": row["search_p95_ms"] / row[f"{p}_p95_ms"] for p in PEERS if f"{p}_p95_ms" in row}


def table(rows: list[dict]) -> list[str]:
    """The rows as a Markdown table."""
    lines = ["| " + " | ".join(name for name, _ in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        lines.append("| " + " | ".join(fmt(row.get(key)) for _, key in COLUMNS) + " |")
    return lines


def summary(row: dict) -> str:
    """The last line, exactly as the issue gives it."""
    r = ratios(row)
    fields = {"scale": row["scale"], "articles": row["articles"], "items": row["items"],
              "build_articles_per_s": row["build_articles_per_s"], "ingest_one_s": row["ingest_one_s"],
              "open_s": row["open_s"], "rss_mb": row["rss_mb"], "search_p50_ms": row["search_p50_ms"],
              "search_p95_ms": row["search_p95_ms"], "start_ratio": row["start_ratio"],
              "fzf_ratio": r["fzf_ratio"], "matcher_ratio": r["matcher_ratio"],
              "qratio_ratio": r["qratio_ratio"], "top1_agreement": row["top1_agreement"]}
    return "bench: " + " ".join(f"{k}={fmt(v)}" for k, v in fields.items())


def main(argv: list[str] | None = None) -> list[dict]:
    """Measure each scale, print the table, the top-5 lists and the summary line."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 10, 100, 1000],
                        help="copies of each seed article (default: 1 10 100 1000)")
    parser.add_argument("--items", type=int, help="also search about this many synthetic items")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--quick", action="store_true", help="one timing round each (the smoke test)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mfg-bench-") as tmp:
        work = args.keep or Path(tmp)
        seeds = seed_store(work)
        rows, tops = [], {}
        for copies in sorted(args.scale):
            row, tops[copies] = measure_scale(work, copies, seeds, args.quick)
            rows.append(row)
            print(f"scale {copies}: done ({row['articles']} articles, {row['items']} items; "
                  f"slowest keystrokes {[(q, round(ms, 2)) for ms, q in row['slowest']]})", flush=True)
        extra = [measure_items(seeds, args.items)] if args.items else []
        print()
        print("\n".join(table(rows + extra)))
        for copies, lines in tops.items():
            print(f"\ntop 5 at scale {copies}:")
            print("\n".join(lines))
        print()
        print(summary(rows[-1]))
    return rows + extra


if __name__ == "__main__":
    main()
