"""The editable word lists of data/zone_words.json, loaded once into a typed, checked record."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import MfgError

DATA_FILE = Path(__file__).parent / "data" / "zone_words.json"
_KEYS = ("zone_heads", "city_heads", "town_heads", "modifiers", "connectors", "not_after",
         "strong_modifiers", "org_words", "weak_heads")


@dataclass(frozen=True)
class ZoneWords:
    """Head nouns that end a zone or town name, and the words that may stand inside one."""

    zone_heads: frozenset[str]
    city_heads: frozenset[str]
    town_heads: frozenset[str]
    modifiers: frozenset[str]
    connectors: frozenset[str]
    not_after: frozenset[str]
    strong_modifiers: frozenset[str]
    org_words: frozenset[str]
    weak_heads: frozenset[str]

    def head_kind(self, words: list[str]) -> tuple[str, int] | None:
        """("zone" | "town", number of words) when `words` end in a head noun (lower case)."""
        for size in (4, 3, 2, 1):
            tail = " ".join(words[-size:])
            if len(words) >= size:
                if tail in self.city_heads or tail in self.zone_heads or tail.rstrip("s") in self.zone_heads:
                    return "zone", size
                if tail in self.town_heads:
                    return "town", size
        return None


@lru_cache(maxsize=1)
def zone_words() -> ZoneWords:
    """The word lists, read and checked once."""
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    missing = [k for k in _KEYS if not isinstance(raw.get(k), list)]
    if missing:
        raise MfgError(f"{DATA_FILE}: lists {', '.join(missing)} are missing; restore the file")
    return ZoneWords(*(frozenset(w.lower() for w in raw[k]) for k in _KEYS))
