"""Clause boundaries inside a sentence: where one statement ends and the next begins."""
from __future__ import annotations

import re

# A semicolon, colon or dash ends a clause; so does a comma before a conjunction or a relative
# word that opens a new statement. A colon between digits ("08:41") is a time, not a break.
_BREAK = re.compile(r"""
    ;|(?<!\d):(?!\d)|\s[—–]\s|—
  | ,\s+(?=(?:and|but|while|whereas|which|where|who|of\s+which|among\s+which|with|including|
            accounting\s+for|making|reaching|up|down)\b)
  | \s(?=(?:while|whereas)\b)
""", re.X)


def clause_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The clauses of the sentence text[start:end] as (start, end) spans that cover it."""
    cuts = [start]
    for m in _BREAK.finditer(text, start, end):
        if cuts[-1] < m.start() < end:
            cuts.append(m.end() if text[m.start()] in ";:—–" else m.start())
    cuts.append(end)
    spans = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    return tuple(spans) or ((start, end),)
