"""Further mentions of firms already named: short forms, alias variants and well-known names."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..regions.gazetteer import load as gazetteer
from .aliases import load_aliases, strip_legal
from .keys import doc_key
from .text import Candidate, DocContext, SpanIndex
from .words import load_words

# A brand followed by a model code names a product, not the firm: "the Audi A5L", "Huawei P60".
_MODEL_AFTER = re.compile(r"[ \u00a0][A-Z]{0,3}\d+[A-Za-z0-9]*\b")


def _spaced_spellings(brand: str) -> set[str]:
    """A pinyin brand as translators also split it: "weichai" → "Wei Chai"."""
    syllables = gazetteer().syllables_of(brand) if len(brand) >= 5 else None
    if not syllables or len(syllables) < 2:
        return set()
    return {" ".join(s.capitalize() for s in syllables)}


def _names_pattern(names) -> re.Pattern:
    """Any of `names` as a whole word, longest first so the fullest name wins."""
    alt = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![A-Za-z])(?:{alt})(?![A-Za-z])")


def _first_letter_pattern(names) -> re.Pattern:
    """The spans `_names_pattern(names)` matches (no name empty), found several times faster.

    A pattern that opens with a lookbehind is tried at every character; this one opens with the
    set of the names' first characters, which `search` skips to in C. The character matched
    then picks the names that start with it, longest first as in the plain alternation."""
    by_first: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name[1:])
    firsts = "".join(map(re.escape, sorted(by_first)))
    branches = "|".join(f"(?<={re.escape(c)})(?:{'|'.join(map(re.escape, rests))})" for c, rests in by_first.items())
    return re.compile(rf"[{firsts}](?<![A-Za-z].)(?:{branches})(?![A-Za-z])")


@lru_cache(maxsize=1)
def _table_names() -> tuple[frozenset, re.Pattern]:
    """The alias table's variants and the well-known firms, and their pattern, made once."""
    table = load_aliases()
    names = frozenset(table.variants) | frozenset(table.famous)
    return names, (_first_letter_pattern(names) if names and "" not in names else None)


def _document_names(ctx: DocContext, found: list[Candidate]) -> set[str]:
    """Names already known in this document, in the forms a later mention may take."""
    names = set()
    for c in found:
        names.add(strip_legal(ctx.text[c.start:c.end]))
        key = doc_key(ctx, c)
        if len(key) == 2 and not key[0].startswith(("~", "=")) and len(key[1]) > 2:
            names |= {t[2] for t in ctx.tokens(c.start, c.end) if t[2].lower() == key[1]}
            names |= _spaced_spellings(key[1])
    return names


_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _whole_word_ends(text: str, names) -> dict[int, int]:
    """Start → end of the longest of `names` written there as a whole word (no letter either side)."""
    longest: dict[int, int] = {}
    for name in names:
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if (i == 0 or text[i - 1] not in _LETTERS) and (j == len(text) or text[j] not in _LETTERS) \
                    and j > longest.get(i, -1):
                longest[i] = j
            i = text.find(name, i + 1)
    return longest


def _anchor_spans(ctx: DocContext, found: list[Candidate]) -> Iterator[tuple[int, int]]:
    """Non-overlapping mentions, left to right, of the document's names, alias variants and
    well-known firms: at each place the longest name that stands there as a whole word.

    What one regex of all the names finds, without compiling one per document (that cost ~10 ms
    an article): the table's names have a pattern made once, the document's own are found with
    `str.find`, and each step takes the earlier of the two next matches, the longer where both
    start at once."""
    table, table_pattern = _table_names()
    own = _document_names(ctx, found) - table
    text = ctx.text
    if table_pattern is None or "" in own:  # an empty name (or none at all) matches between letters
        yield from ((m.start(), m.end()) for m in _names_pattern(own | table).finditer(text))
        return
    longest = _whole_word_ends(text, own)
    starts = sorted(longest)
    pos, k, ahead = 0, 0, table_pattern.search(text)
    while True:
        while k < len(starts) and starts[k] < pos:
            k += 1
        if ahead is not None and ahead.start() < pos:
            ahead = table_pattern.search(text, pos)
        nxt = [(ahead.start(), ahead.end())] if ahead is not None else []
        nxt += [(starts[k], longest[starts[k]])] if k < len(starts) else []
        if not nxt:
            return
        start, pos = min(nxt, key=lambda span: (span[0], -span[1]))
        yield start, pos


def anchor_candidates(ctx: DocContext, found: list[Candidate]) -> list[Candidate]:
    """Further mentions of known names, widened over a place before and industry words after."""
    w = load_words()
    out: list[Candidate] = []
    taken = SpanIndex(found)
    for start, end in _anchor_spans(ctx, found):
        name = ctx.text[start:end]
        if taken.overlaps(start, end) or (start, end) in ctx.exact_places \
                or ctx.is_place(start, end) or _MODEL_AFTER.match(ctx.text, end):
            continue
        before = re.search(r"(?:China|my country)[ \u00a0]$", ctx.text[max(0, start - 12):start])
        start = start - len(before.group()) if before else start
        for s, e, word in ctx.tokens(end, min(len(ctx.text), end + 40)):
            if s - end > 1 or ctx.text[end:s].strip() or not (word in w.industry_ends or w.kinds.get(word) == "firm"):
                break
            end = e
        kinds = [c.kind for c in found if ctx.text[c.start:c.end].startswith(name)]
        out.append(Candidate(start, end, kinds[0] if kinds else "firm"))
        taken.add(start, end)
    return out


def trim_known_prefix(ctx: DocContext, cands: list[Candidate]) -> None:
    """'X Technology Center' where X is a firm named elsewhere is a unit of X: keep only X."""
    names = [{strip_legal(ctx.text[c.start:c.end])} | {
        t[2] for t in ctx.tokens(c.start, c.end) if t[2].lower() in doc_key(ctx, c)[1:2]}
        for c in cands]
    for i, c in enumerate(cands):
        text = ctx.text[c.start:c.end]
        if not text.endswith(("Center", "Centre")):
            continue
        known = set().union(*(n for j, n in enumerate(names) if j != i))
        prefixes = [k for k in known if k != text and text.startswith(k + " ")]
        if prefixes:
            c.end, c.kind = c.start + len(max(prefixes, key=len)), "firm"
