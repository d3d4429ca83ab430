"""Vocabularies shared by every extractor (surnames, function words), loaded once.

The months are a closed set and live in code, in store/calendar.py."""
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


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The shared vocabularies, read and checked once."""
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    for key in ("surnames", "function_words"):
        if not isinstance(raw.get(key), list) or not raw[key]:
            raise MfgError(f"{DATA_FILE}: list {key!r} is missing or empty; restore the file")
    return Vocab(frozenset(raw["surnames"]), frozenset(raw["function_words"]))
