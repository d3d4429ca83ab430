"""Closed vocabularies shared by every extractor (surnames, function words, months), loaded once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import MfgError

DATA_FILE = Path(__file__).parent / "data" / "vocab.json"


@dataclass(frozen=True)
class Vocab:
    """Words that say something about the word beside them: a surname, a function word, a month."""

    surnames: frozenset[str]
    function_words: frozenset[str]
    months: tuple[str, ...]
    month_abbreviations: tuple[str, ...]

    def month_number(self, word: str) -> int | None:
        """1..12 for a month name or abbreviation ("Sept." → 9), else None."""
        key = word.strip(".").lower()[:3]
        names = [m.lower()[:3] for m in self.months]
        return names.index(key) + 1 if key in names else None

    @property
    def month_pattern(self) -> str:
        """A regex alternation of month names and abbreviations, longest first."""
        return "|".join(sorted({*self.months, *self.month_abbreviations}, key=len, reverse=True))


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The shared vocabularies, read and checked once."""
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    for key in ("surnames", "function_words", "months", "month_abbreviations"):
        if not isinstance(raw.get(key), list) or not raw[key]:
            raise MfgError(f"{DATA_FILE}: list {key!r} is missing or empty; restore the file")
    if len(raw["months"]) != 12:
        raise MfgError(f"{DATA_FILE}: 'months' must list the twelve months in order")
    return Vocab(frozenset(raw["surnames"]), frozenset(raw["function_words"]),
                 tuple(raw["months"]), tuple(raw["month_abbreviations"]))
