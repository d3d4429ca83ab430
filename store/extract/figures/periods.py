"""The time period a sentence states for a figure: "in 2022", "the first half of this year"..."""
from __future__ import annotations

import re
from functools import lru_cache

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
_PERIOD = re.compile(rf"""
  (?:\b(?:from|between)\s+)?\b(?P<months>(?:{MONTHS})\s+(?:to|-|and)\s+(?:{MONTHS})
      (?:\s+(?:of\s+)?(?:this|last|next)\s+year|,?\s+\d{{4}})?)
| \b(?P<part>(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:half|quarter|three\s+quarters|
      two\s+quarters|\w+\s+months)(?:\s+of\s+(?:\d{{4}}|this\s+year|last\s+year))?)
| \b(?P<plan>(?:the\s+)?["“]?[\w-]+\s+Five-Year\s+Plan["”]?(?:\s+period)?)
| \b(?:by\s+the\s+end\s+of\s+)(?P<end>\d{{4}})
| \b(?P<target>by\s+(?:19|20)\d{{2}})
| \b(?:in|during|since|for|of)\s+(?P<year>(?:19|20)\d{{2}})\b(?!\s*-)
| \b(?P<year_start>(?:19|20)\d{{2}}),
| \b(?P<relative>(?:this|last|next)\s+year|the\s+past\s+\w+\s+years|in\s+recent\s+years)\b
""", re.I | re.X)


@lru_cache(maxsize=512)
def _periods(sentence: str) -> list[tuple[int, str]]:
    """Every period phrase in a sentence as (offset, text); cached since figures share sentences."""
    return [(m.start(), next(g for g in m.groups() if g)) for m in _PERIOD.finditer(sentence)]


def period_of(sentence: str, at: int, end: int | None = None) -> str | None:
    """The time period a sentence states for the figure at [at, end): the nearest before it, else
    the first after it with no other number in between (that one would own it)."""
    found = _periods(sentence)
    # "..., up from 10,500 in 2020, and 9,000 firms": "in 2020" belongs to the number it follows.
    before = [f for f in found if f[0] < at and not re.search(r"\d\s*$", sentence[:f[0]])]
    after = [f for f in found if f[0] >= at and (end is None or not re.search(r"\d", sentence[end:f[0]]))]
    pick = before[-1] if before else (after[0] if after else None)
    return " ".join(pick[1].strip("\"“” ").split()) if pick else None
