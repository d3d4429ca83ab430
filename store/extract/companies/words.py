"""The editable word lists of data/company_words.json that judge company names."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Words:
    """The editable word lists of company_words.json, as sets for fast lookup."""

    kinds: dict
    center_qualifiers: frozenset
    industry_ends: frozenset
    subunits: frozenset
    not_company: frozenset
    title_words: frozenset
    traps: frozenset
    generic: frozenset
    place_prefixes: frozenset
    place_words: frozenset
    list_heads: dict
    surnames: frozenset
    acronym_stop: frozenset
    region_phrases: frozenset
    nationalities: frozenset


@lru_cache(maxsize=1)
def load_words() -> Words:
    """The word lists, read once."""
    raw = json.loads((DATA / "company_words.json").read_text(encoding="utf-8"))
    kinds = {k: v for k, v in raw["org_kinds"].items() if not k.startswith("_")}
    heads = {k: v for k, v in raw["list_heads"].items() if not k.startswith("_")}
    return Words(kinds, frozenset(raw["center_qualifiers"]), frozenset(raw["industry_ends"]),
                 frozenset(raw["subunits"]), frozenset(raw["not_company_heads"]),
                 frozenset(raw["title_words"]), frozenset(raw["leading_traps"]),
                 frozenset(raw["generic_words"]), frozenset(raw["place_prefixes"]),
                 frozenset(raw["place_words"]), heads,
                 frozenset(raw["surnames"]), frozenset(raw["acronym_stop"]),
                 frozenset(raw["region_phrases"]["phrases"]),
                 frozenset(raw["nationalities"]))
