"""Posting lists: which entries have a string, kept in the entries' order, and the few ways the
index reads them (a prefix's range, a kind's run, levels merged best first)."""
from __future__ import annotations

import heapq
from bisect import bisect_left

from .scoring import final_score

_TOP = "\U0010ffff"  # sorts after any character: the end of a prefix's range
SMALL_MERGE = 512  # entries in a level below which its lists are sorted together, not merged


def postings(lists_of_strings: list[tuple[str, ...]]) -> dict[str, list[int]]:
    """String → the entries that have it, in entry order (so kinds are contiguous runs), the
    strings in sorted order."""
    out: dict[str, list[int]] = {}
    for i, strings in enumerate(lists_of_strings):
        for s in strings:
            found = out.get(s)
            if found is None:
                out[s] = [i]
            else:
                found.append(i)
    return dict(sorted(out.items()))


def between(entries: list[int], lo: int, hi: int, everything: int) -> list[int]:
    """The part of a posting list in [lo, hi)."""
    if lo == 0 and hi >= everything:
        return entries
    return entries[bisect_left(entries, lo):bisect_left(entries, hi)]


def short_buckets(postings: dict[str, list[int]], n_entities: int) -> tuple[dict, dict]:
    """For every one- and two-character prefix, the strings starting with it, shortest first:
    apart for strings of companies and regions, and strings of figures."""
    buckets: tuple[dict, dict] = ({}, {})
    for text in sorted(postings, key=lambda t: (len(t), t)):
        found = postings[text]
        for side, present in enumerate((found[0] < n_entities, found[-1] >= n_entities)):
            if present:
                for prefix in {text[:1], text[:2]}:
                    buckets[side].setdefault(prefix, []).append(text)
    return buckets


def prefixed(sorted_strings: list[str], prefix: str) -> range:
    """Positions of the strings in a sorted list that start with `prefix`."""
    lo = bisect_left(sorted_strings, prefix)
    return range(lo, bisect_left(sorted_strings, prefix + _TOP, lo))


def chain(*iterables):
    """One iterable after another."""
    for it in iterables:
        yield from it


def grouped(levels):
    """(score, [entries lists]) for runs of equal score (already best first), scores rounded."""
    current, group = None, []
    for score, found in levels:
        score = final_score(score, 1, 0.0)
        if score != current and group:
            yield current, group
            group = []
        current = score
        group.append(found)
    if group:
        yield current, group


def emit(lists: list[list[int]], score: float, seen: set, out: list, limit: int) -> bool:
    """Append the entries of one level (merged in entry order, each once); True at the limit."""
    if not lists:
        return False
    if len(lists) == 1:
        merged = lists[0]
    elif sum(map(len, lists)) <= SMALL_MERGE:  # sorting in C beats heapq.merge's generator here
        merged = sorted(set().union(*lists))
    else:
        merged = heapq.merge(*lists)
    for i in merged:
        if i not in seen:
            seen.add(i)
            out.append((i, score))
            if len(out) == limit:
                return True
    return False
