"""Name forms that point at one firm: alias-table variants and legal suffixes."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from ...errors import MfgError
from .words import DATA

LEGAL = re.compile(r",?[ \u00a0]?(?:Co\.?,?[ \u00a0]?Ltd\.?|Company Limited|Ltd\.|Inc\.|Corp\.|Co\.?)$")


@dataclass(frozen=True)
class Aliases:
    """Translation variants that name one firm, and well-known firms that articles name bare."""

    variants: dict[str, str]  # variant as written → canonical firm name
    famous: tuple[str, ...]


ALIASES_FILE = DATA / "company_aliases.json"


@lru_cache(maxsize=1)
def load_aliases() -> Aliases:
    """The alias table and the well-known firms, read and checked once."""
    raw = json.loads(ALIASES_FILE.read_text(encoding="utf-8"))
    variants, famous = raw.get("aliases"), raw.get("famous_firms")
    if not isinstance(variants, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                 for k, v in variants.items()):
        raise MfgError(f"{ALIASES_FILE}: 'aliases' must map variants to canonical names; restore the file")
    if not isinstance(famous, list) or not all(isinstance(f, str) and f for f in famous):
        raise MfgError(f"{ALIASES_FILE}: 'famous_firms' must be a list of names; restore the file")
    return Aliases(variants, tuple(famous))


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern:
    """One pattern for every alias-table variant, longest first so the fullest name wins."""
    variants = sorted(load_aliases().variants, key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, variants)) + r")(?![A-Za-z])")


# A one-letter slip in a long brand ("Duofudo" for "Duofuo") still names the alias table's firm.
SLIP_RATIO = 90
SLIP_MIN_LENGTH = 6


def alias_canonical(name: str) -> str | None:
    """The canonical firm an alias-table variant inside `name` points to, if any (slips allowed)."""
    aliases = load_aliases().variants
    m = _alias_pattern().search(name)
    if m:
        return aliases[m.group()]
    for word in re.findall(r"[A-Z][a-z]{%d,}" % (SLIP_MIN_LENGTH - 1), name):
        found = process.extractOne(word, _one_word_variants(), scorer=fuzz.ratio, score_cutoff=SLIP_RATIO)
        if found:
            return aliases[found[0]]
    return None


@lru_cache(maxsize=1)
def _one_word_variants() -> tuple[str, ...]:
    """The alias table's single-word variants long enough for a slip to be told apart."""
    return tuple(v for v in load_aliases().variants if " " not in v and len(v) >= SLIP_MIN_LENGTH)


def strip_legal(name: str) -> str:
    """A name without its "Co., Ltd." style suffix."""
    return LEGAL.sub("", name).strip()


@lru_cache(maxsize=1)
def famous_pattern() -> re.Pattern:
    """One pattern for the well-known bare firm names, on word boundaries."""
    names = sorted(load_aliases().famous, key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, names)) + r")(?![A-Za-z])")
