"""Clues in a sentence's wording for subject attribution: clauses, openings, quotations."""
from __future__ import annotations

import re

from ...models import Mention

# Clause breaks inside a sentence: a semicolon, or a comma before a conjunction.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|which|of which)\b")
# "It"/"Its" only refer back when they open the sentence or clause.
_PRONOUN_OPEN = re.compile(r"\s*(?:[^,;]{0,40},\s*)?(?:and\s+|but\s+)?(?:it|its)\b", re.I)
_QUOTE_OPEN = "\"“"
_QUOTE_CLOSE = "\"”"
_NOT_TOPICAL_BEFORE = {"of", "to", "than", "with", "for", "like", "serve", "serves"}


def clause_bounds(text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence [s_start, s_end) that holds the span [start, end)."""
    lo, hi = s_start, s_end
    for m in _CLAUSE_BREAK.finditer(text, s_start, s_end):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def pronoun_opening(text: str, s_start: int, c_start: int, start: int) -> int | None:
    """Where the sentence or clause that opens with "it"/"its" before the figure begins."""
    for lo in (s_start, c_start):
        if _PRONOUN_OPEN.match(text, lo, start):
            return lo
    return None


def quote_close(text: str, p_start: int, p_end: int, pos: int) -> int | None:
    """Where the quotation holding `pos` closes, when the paragraph opens with a quotation."""
    if text[p_start] not in _QUOTE_OPEN:
        return None
    for i in range(pos, p_end):
        if text[i] in _QUOTE_CLOSE and i > p_start:
            return i
    return None


def is_topical(text: str, m: Mention) -> bool:
    """False when the mention is only the object of "of", "from", "than"... (not what is measured)."""
    before = text[max(0, m.start - 12):m.start].split()
    return not before or before[-1].lower() not in _NOT_TOPICAL_BEFORE
