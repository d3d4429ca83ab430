"""Search per keystroke: ours, the exact ranking's top hit, and the peers over the same items."""
from __future__ import annotations

import shutil
import statistics
import subprocess
import time

from rapidfuzz import fuzz, process, utils

# Typed one character at a time; every prefix is timed. Names with typos, metrics, numbers,
# a year, two words, a kind prefix, single letters.
QUERIES = ("weihau", "changyaun", "zhengzou", "pingmei shenma", "revenue 2022", "market share",
           "sales revenue", "output value", "18.5 billion", "company:wei", "yuan", "w", "x", "h")
SHOWN = 50  # what the explorer lists (tui/screens/explorer.py)


def keystrokes(queries=QUERIES) -> list[str]:
    """Every prefix of every query, as typed."""
    return [q[:k] for q in queries for k in range(1, len(q) + 1)]


def item_strings(entries) -> list[str]:
    """Each index entry as the result list shows it (its label), the same strings for every peer:
    longer strings (every key) make Textual's Matcher take seconds per keystroke at 400 items."""
    return [e.label for e in entries]


def timings(run, typed: list[str], rounds: int, fresh=None) -> list[float]:
    """Milliseconds per keystroke, each prefix's median over `rounds`; each round types every
    query from its first letter, after `fresh()` (what earlier queries left cached is forgotten)."""
    samples: dict[int, list[float]] = {}
    for _ in range(rounds):
        for k, q in enumerate(typed):
            if fresh is not None and (k == 0 or not q.startswith(typed[k - 1])):
                fresh()  # a new query starts
            t0 = time.perf_counter()
            run(q)
            samples.setdefault(k, []).append((time.perf_counter() - t0) * 1000)
    return [statistics.median(samples[k]) for k in range(len(typed))]


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of some values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def peers(strings: list[str]) -> dict:
    """name → one keystroke's search over `strings` by that peer (None when not installed)."""
    processed = [utils.default_process(s) for s in strings]
    joined = "\n".join(strings).encode()

    def rapid(scorer):
        return lambda q: process.extract(utils.default_process(q), processed, scorer=scorer,
                                         processor=None, limit=SHOWN)

    def matcher(q):
        from textual.fuzzy import Matcher
        m = Matcher(q)
        scored = [(m.match(s), i) for i, s in enumerate(strings)]
        return sorted((x for x in scored if x[0] > 0), reverse=True)[:SHOWN]

    def fzf(q):
        return subprocess.run(["fzf", "--filter", q], input=joined, capture_output=True).stdout

    return {"fzf": fzf if shutil.which("fzf") else None, "matcher": matcher,
            "wratio": rapid(fuzz.WRatio), "partial": rapid(fuzz.partial_ratio), "qratio": rapid(fuzz.QRatio)}


def top1_agreement(fast, exact, typed: list[str]) -> float:
    """Share of queries (every keystroke) whose fast top hit is the exact ranking's."""
    same = 0
    for q in typed:
        a, b = fast(q), exact(q)
        same += (a[:1] == b[:1])
    return same / len(typed)


SLOW_PEERS = ("fzf", "matcher", "wratio", "partial")  # one round each once there are 20k items


def measure_search(index, fast, rounds: int) -> dict:
    """p50/p95 of ours and each peer's p95 over every keystroke, and the top-1 agreement.
    Ours and QRatio (the fastest peer) take the median of `rounds`; the slow peers one round
    from 20k items on (seconds per keystroke; a single round only ever flatters us less)."""
    typed = keystrokes()
    ours = timings(fast, typed, rounds, index.clear_cache)
    out = {"search_p50_ms": statistics.median(ours), "search_p95_ms": percentile(ours, 95),
           "slowest": sorted(zip(ours, typed), reverse=True)[:3]}
    strings = item_strings(index.entries)
    for name, run in peers(strings).items():
        sample = typed if name != "matcher" or len(strings) < 5000 else typed[::max(1, len(typed) // 20)]
        peer_rounds = 1 if name in SLOW_PEERS and len(strings) >= 20_000 else rounds
        out[f"{name}_p95_ms"] = percentile(timings(run, sample, peer_rounds), 95) if run else float("nan")
    exact = lambda q: index.search(q, limit=1, exhaustive=True)  # noqa: E731
    out["top1_agreement"] = top1_agreement(lambda q: fast(q)[:1], exact, typed)
    return out


def top5(fast) -> list[str]:
    """Our top five for each fixed query, as lines."""
    lines = []
    for q in QUERIES:
        hits = fast(q)[:5]
        lines.append(f"  {q!r}: " + (" | ".join(f"{h.label[:48]} ({h.score})" for h in hits) or "(nothing)"))
    return lines
