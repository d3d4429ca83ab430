"""The editable word lists of data/subject_words.json, loaded once into a typed, checked record."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import MfgError

DATA_FILE = Path(__file__).parent / "data" / "subject_words.json"


@dataclass(frozen=True)
class SubjectWords:
    """Metric words that suit a firm or a place, and the nouns that refer back to one."""

    company_metrics: tuple[str, ...]
    place_metrics: tuple[str, ...]
    company_references: frozenset[str]
    place_references: dict[str, frozenset[str]]  # noun → region levels it can mean
    prepositions: frozenset[str]


@lru_cache(maxsize=1)
def subject_words() -> SubjectWords:
    """The word lists, read and checked once."""
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    lists = ("company_metrics", "place_metrics", "company_references", "prepositions")
    missing = [k for k in (*lists, "place_references") if k not in raw]
    if missing:
        raise MfgError(f"{DATA_FILE}: {', '.join(missing)} missing; restore the file")
    return SubjectWords(tuple(w.lower() for w in raw["company_metrics"]),
                        tuple(w.lower() for w in raw["place_metrics"]),
                        frozenset(w.lower() for w in raw["company_references"]),
                        {k.lower(): frozenset(v) for k, v in raw["place_references"].items()},
                        frozenset(w.lower() for w in raw["prepositions"]))
