"""The editable word lists of data/company_words.json, loaded once into a typed, checked record.

Surnames come from the shared vocabulary (document/data/vocab.json) and province names from the
gazetteer, so neither list is written twice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import MfgError
from ..document.vocab import vocab

DATA = Path(__file__).parent / "data"
WORDS_FILE = DATA / "company_words.json"
_LISTS = ("center_qualifiers", "industry_ends", "subunits", "not_company_heads", "title_words",
          "leading_traps", "generic_words", "place_words", "acronym_stop", "nationalities",
          "role_nouns", "country_prefixes", "person_roles")


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
    place_prefixes: frozenset  # province names and "China": a place opening a firm's name
    place_words: frozenset
    list_heads: dict
    surnames: frozenset
    acronym_stop: frozenset
    region_phrases: frozenset
    nationalities: frozenset
    role_nouns: tuple
    person_roles: tuple


def _province_names() -> frozenset:
    """Every province's English spellings, from the gazetteer."""
    from ..regions.gazetteer import load  # the gazetteer is a sibling extractor's data
    gaz = load()
    return frozenset(n for p in gaz.places.values() if p.level == "province" for n in p.spellings)


@lru_cache(maxsize=1)
def load_words() -> Words:
    """The word lists, read and checked once."""
    raw = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    missing = [k for k in (*_LISTS, "org_kinds", "list_heads", "region_phrases") if k not in raw]
    bad = [k for k in _LISTS if k in raw and not all(isinstance(w, str) for w in raw[k])]
    if missing or bad:
        raise MfgError(f"{WORDS_FILE}: {', '.join(missing + bad)} missing or not a list of words; "
                       "restore the file")
    kinds = {k: v for k, v in raw["org_kinds"].items() if not k.startswith("_")}
    if not set(kinds.values()) <= {"firm", "research"}:
        raise MfgError(f"{WORDS_FILE}: org_kinds values must be 'firm' or 'research'")
    heads = {k: v for k, v in raw["list_heads"].items() if not k.startswith("_")}
    return Words(kinds, frozenset(raw["center_qualifiers"]), frozenset(raw["industry_ends"]),
                 frozenset(raw["subunits"]), frozenset(raw["not_company_heads"]),
                 frozenset(raw["title_words"]), frozenset(raw["leading_traps"]),
                 frozenset(raw["generic_words"]),
                 _province_names() | frozenset(raw["country_prefixes"]),
                 frozenset(raw["place_words"]), heads, vocab().surnames,
                 frozenset(raw["acronym_stop"]), frozenset(raw["region_phrases"]["phrases"]),
                 frozenset(raw["nationalities"]), tuple(raw["role_nouns"]), tuple(raw["person_roles"]))
