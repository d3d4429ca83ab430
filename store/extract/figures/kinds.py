"""How a figure measures: a level (an amount), a change (growth or decline) or a share of a whole."""
from __future__ import annotations

import re
from functools import lru_cache

from ...models import FigureHit
from .vocabulary import alternation, vocabulary

RATIO_UNITS = frozenset({"%", "times", "percentage points"})
CHANGE_UNITS = frozenset({"times", "percentage points"})  # "increased 64 times", "added 4.2 points"
# Between two figures of one list: "5%, 3.7% and 0.6%", "30, 22, and 20", "14.69 million tonnes
# of iron, 14.86 million tonnes of steel", and the two ends of "from 146 million yuan ($22.9 million) to".
LIST_JOIN = re.compile(r"(?:\s+of\s+[\w'’-]+(?:\s+[\w'’-]+){0,3})?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
                       r"|\s*(?:\([^()]{1,40}\)\s*)?to\s+", re.I)


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(change words right before a number, change words right after it, 'by' after a change verb)."""
    vocab = vocabulary()
    # "up" and "down" only as words of change, not of phrasal verbs ("setting up eight lines")
    verbs = alternation(vocab.change_verbs - {"up", "down"})
    verbs += r"|(?:^|\b(?:is|was|are|were|be|been|and|or)\s+)\s*(?:up|down)"
    nouns = alternation(vocab.change_nouns)
    after = alternation(vocab.change_after)
    # "rose 5%", "up by 7.4%", "an increase of 6.2%", "grew at an average annual rate of 10.4%"
    before = re.compile(rf"""\b(?:(?:{verbs})(?:\s+by)?|(?:{nouns})\s+(?:rate\s+)?of|
                              (?:{verbs})\s+at\s+an?\s+(?:[\w-]+\s+){{0,3}}rate\s+of)
                              (?:\s+(?:an\s+average\s+of|an?\s+average|a\s+total\s+of))?\s*$""", re.I | re.X)
    right = re.compile(rf"\s*(?:(?:{after})\b|(?:{nouns})\b)", re.I)
    by = re.compile(rf"\b(?:{verbs})\b[^,;]*\bby\s*(?:an\s+average\s+of\s+)?$", re.I)
    return before, right, by


def kind_of(clause: str, right: str, hit: FigureHit, listed: FigureHit | None) -> str:
    """'change', 'share' or 'level' for a figure, from the clause before it and the words after it.

    `listed` is the figure before it when the two stand in one list ("up by 5%, 3.7% and 0.6%"):
    a list's later items are measured as its first.
    """
    before, after, by = _cues()
    if hit.unit in CHANGE_UNITS or (_may_end(clause, _before_endings()) and before.search(clause)) \
            or (_may_end(clause, ("by", "of")) and by.search(clause)) or after.match(right):
        return "change"
    if listed is not None:
        return listed.kind
    return "share" if hit.unit == "%" else "level"



# The cues before a number must match up to the clause's end, so `search` alone tries them from
# every character of the clause; most clauses cannot end that way, which their last word tells.
def _may_end(clause: str, endings: tuple[str, ...]) -> bool:
    """False only when a pattern that ends in one of `endings` (then spaces) cannot match the clause.

    Outside ASCII the pattern decides: case-blind matching also pairs "ſ" with "s", "K" with "k"."""
    tail = clause.rstrip()[-max(map(len, endings)):]
    return not tail.isascii() or tail.lower().endswith(endings)


@lru_cache(maxsize=1)
def _before_endings() -> tuple[str, ...]:
    """The words the `before` cue can end with: a change verb's last word, "by", "of", "average"."""
    verbs = vocabulary().change_verbs - {"up", "down"}
    return tuple({v.split()[-1].lower() for v in verbs} | {"up", "down", "by", "of", "average"})
