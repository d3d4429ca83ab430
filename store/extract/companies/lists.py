"""Firm names that stand in a list: "companies such as A, B and C", "A, B and other firms"."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .cues import plausible_name
from .text import Candidate, DocContext, SpanIndex
from .words import load_words

_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+|、\s*")
_BACK_SEP = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+|、\s*)$")
# A list item that is not a Title-case run: a short chunk between separators
# ("enterprises such as BAIC group, Mercedes Benz new energy, ideal automobile").
_CHUNK_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_CHUNK_END = re.compile(r"[.;:!?()\n—–]|\s-\s")
_NOT_IN_NAME = frozenset("""a an the of in on at to for with from by as is are was were be been has have
had will would can could other others etc many some more most all this that these those its their
which who whose""".split())
MAX_CHUNK_WORDS = 5


@lru_cache(maxsize=2)
def _intro_matches(text: str) -> tuple[tuple[int, str], ...]:
    """(end, head word) of every list head in `text`: three steps read them, the scan runs once.

    What `intro.finditer(text)` finds, several times faster: every match opens with a head word,
    so the pattern is tried only where one is written, left to right, each after the previous
    match's end (`intro` tried at every character costs ~10 ms an article)."""
    intro, _ = _list_heads()
    out, last = [], 0
    for start in _head_starts(text):
        m = intro.match(text, start) if start >= last else None
        if m:
            out.append((m.end(), m.group(1) or m.group(2)))
            last = m.end()
    return tuple(out)


def _head_starts(text: str) -> list[int]:
    """Every offset where a list head is written, in any case (a few extra do no harm).

    Found in the lower-cased text, whose offsets are the text's when lower-casing keeps its
    length; case-blind matching also takes "ſ" for "s" and "ı" for "i", which lower-casing does
    not, so a text holding them (or changing length) gets every offset instead."""
    lower = text.lower()
    if len(lower) != len(text) or "\u017f" in lower or "\u0131" in lower:
        return list(range(len(text)))
    starts = set()
    for head in {h.lower() for h in load_words().list_heads}:
        i = lower.find(head)
        while i >= 0:
            starts.add(i)
            i = lower.find(head, i + 1)
    return sorted(starts)


def _list_heads() -> tuple[re.Pattern, re.Pattern]:
    """Patterns for a list's head before it ("firms such as") and after it ("and other firms")."""
    heads = "|".join(load_words().list_heads)
    intro = re.compile(rf"\b({heads})\b[^.;:]{{0,30}}?\b(?:such as|including|like|represented by|"
                       rf"typified by|led by|headed by)\s+(?:the\s+)?"
                       rf"|\b({heads})\s*[—:–]\s*", re.I)
    outro = re.compile(rf"\s+and\s+other\s+(?:[a-z\-]+\s+)?({heads})\b", re.I)
    return intro, outro


def _list_items(ctx: DocContext, runs: list, pos: int, backwards: bool = False, index=None) -> list:
    """The runs of a comma/and list that starts (or, backwards, ends) at `pos`.

    `index` is (starts, ends) of `runs`, computed once by the caller."""
    starts, ends = index or ([r[0] for r in runs], [r[2] or r[1] for r in runs])
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


def _chunks(text: str, pos: int) -> list[tuple[int, int]]:
    """The separated chunks of a list that starts at `pos`, up to the clause end or a long chunk."""
    end = _CHUNK_END.search(text, pos)
    stop = end.start() if end else len(text)
    out, at = [], pos
    for sep in [*_CHUNK_SEP.finditer(text, pos, stop), None]:
        a, b = at, (sep.start() if sep else stop)
        words = text[a:b].split()
        if not words or words[0].lower() in _NOT_IN_NAME:
            break
        cut = next((i for i, w in enumerate(words) if w.lower() in _NOT_IN_NAME), None)
        if cut is not None:  # "Luyuan have moved in": the list ends where the clause goes on
            b = a + len(" ".join(text[a:b].split(" ")[:cut]))
            words = words[:cut]
        if len(words) > MAX_CHUNK_WORDS:
            break
        out.append((a, b))
        if sep is None or cut is not None:
            break
        at = sep.end()
    return out


def chunk_candidates(ctx: DocContext, found: list[Candidate]) -> list[Candidate]:
    """Lower-case items of a firms list whose other items are firms: "ideal automobile"."""
    out: list[Candidate] = []
    taken = SpanIndex(found)
    for end, _ in _intro_matches(ctx.text):
        chunks = _chunks(ctx.text, end)
        named = [c for c in chunks if taken.holds(*c)]
        if len(named) < 2:
            continue
        for a, b in chunks:
            words = ctx.text[a:b].split()
            if taken.overlaps(a, b) or any(w.lower() in _NOT_IN_NAME for w in words):
                continue
            # A capitalised chunk may be longer ("Mercedes Benz new energy") than a lower-case one.
            longest = MAX_CHUNK_WORDS if words[0][0].isupper() else 3
            if all(w.isalpha() for w in words) and len(words) <= longest:
                out.append(Candidate(a, b))
                taken.add(a, b)
    return out


def widen_to_chunks(ctx: DocContext, found: list[Candidate]) -> None:
    """A firm named at the start of a list chunk takes the whole chunk: "Mercedes Benz new energy"."""
    ordered = sorted(found, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    for end, _ in _intro_matches(ctx.text):
        for a, b in _chunks(ctx.text, end):
            inside = [f for f in ordered[bisect_left(starts, a):bisect_left(starts, b)] if f.end <= b]
            if len(inside) == 1 and inside[0].start == a and ctx.text[inside[0].end:b].strip().islower():
                inside[0].end = b


def list_candidates(ctx: DocContext, runs: list, found: list[Candidate]) -> list[Candidate]:
    """Items of 'companies such as A, B and C', 'A, B and other firms', and lists beside known firms."""
    _, outro = _list_heads()
    suffixes = {k.lower(): v for k, v in load_words().list_heads.items()}
    groups = []
    index = ([r[0] for r in runs], [r[2] or r[1] for r in runs])
    for end, head in _intro_matches(ctx.text):
        groups.append((_list_items(ctx, runs, end, index=index), suffixes.get(head.lower(), "")))
    for m in outro.finditer(ctx.text):
        groups.append((_list_items(ctx, runs, m.start(), backwards=True, index=index), ""))
    known = SpanIndex(found)
    for start, end, legal in runs:
        if known.holds(start, legal or end):
            before = _BACK_SEP.search(ctx.text, max(0, start - 8), start)
            earlier = _list_items(ctx, runs, before.start(), True, index) if before else []
            groups.append((earlier + _list_items(ctx, runs, start, index=index), None))
    out: list[Candidate] = []
    taken = SpanIndex(found)
    for items, suffix in groups:
        if suffix is None and len(items) < 2:
            continue
        for start, end, legal in items:
            # Beside known firms, a place-led item with industry words is a firm too ("Anyang Iron & Steel").
            span = None if taken.overlaps(start, legal or end) else \
                plausible_name(ctx, start, end, industry_ok=suffix is None)
            if span:
                out.append(Candidate(*span, kind="research" if suffix else "firm", suffix=suffix or ""))
                taken.add(*span)
    return out
