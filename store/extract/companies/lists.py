"""Firm names that stand in a list: "companies such as A, B and C", "A, B and other firms"."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .cues import overlaps, plausible_name
from .text import Candidate, DocContext
from .words import load_words

_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+|、\s*")


@lru_cache(maxsize=1)
def _list_heads() -> tuple[re.Pattern, re.Pattern]:
    """Patterns for a list's head before it ("firms such as") and after it ("and other firms")."""
    heads = "|".join(load_words().list_heads)
    intro = re.compile(rf"\b({heads})\b[^.;:]{{0,30}}?\b(?:such as|including|like|represented by|"
                       rf"typified by|led by|headed by)\s+(?:the\s+)?"
                       rf"|\b({heads})\s*[—:–]\s*", re.I)
    outro = re.compile(rf"\s+and\s+other\s+(?:[a-z\-]+\s+)?({heads})\b", re.I)
    return intro, outro


def _list_items(ctx: DocContext, runs: list, pos: int, backwards: bool = False) -> list:
    """The runs of a comma/and list that starts (or, backwards, ends) at `pos`."""
    starts, ends = [r[0] for r in runs], [r[2] or r[1] for r in runs]
    items = []
    while True:
        i = bisect_right(starts, pos) - 1 if not backwards else bisect_right(ends, pos) - 1
        if i < 0 or (runs[i][0] != pos if not backwards else ends[i] != pos):
            return items
        items.append(runs[i])
        gap = _SEP.search(ctx.text, runs[i][2] or runs[i][1]) if not backwards else None
        if backwards:
            back = re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+|、\s*)$", ctx.text[max(0, runs[i][0] - 8):runs[i][0]])
            if not back:
                return items
            pos = runs[i][0] - len(back.group())
        elif gap and gap.start() == (runs[i][2] or runs[i][1]):
            pos = gap.end()
        else:
            return items


def list_candidates(ctx: DocContext, runs: list, found: list[Candidate]) -> list[Candidate]:
    """Items of 'companies such as A, B and C', 'A, B and other firms', and lists beside known firms."""
    intro, outro = _list_heads()
    suffixes = {k.lower(): v for k, v in load_words().list_heads.items()}
    groups = []
    for m in intro.finditer(ctx.text):
        head = (m.group(1) or m.group(2)).lower()
        groups.append((_list_items(ctx, runs, m.end()), suffixes.get(head, "")))
    for m in outro.finditer(ctx.text):
        groups.append((_list_items(ctx, runs, m.start(), backwards=True), ""))
    for start, end, legal in runs:
        if any(c.start >= start and c.end <= (legal or end) for c in found):
            groups.append((_list_items(ctx, runs, start), None))
    out: list[Candidate] = []
    for items, suffix in groups:
        if suffix is None and len(items) < 2:
            continue
        for start, end, legal in items:
            # Beside known firms, a place-led item with industry words is a firm too ("Anyang Iron & Steel").
            span = None if overlaps(found + out, start, legal or end) else \
                plausible_name(ctx, start, end, industry_ok=suffix is None)
            if span:
                out.append(Candidate(*span, kind="research" if suffix else "firm", suffix=suffix or ""))
    return out
