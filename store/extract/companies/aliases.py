"""Name forms that point at one firm: alias-table variants and legal suffixes."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from .words import DATA

LEGAL = re.compile(r",?[ \u00a0]?(?:Co\.?,?[ \u00a0]?Ltd\.?|Company Limited|Ltd\.|Inc\.|Corp\.|Co\.?)$")


@lru_cache(maxsize=1)
def load_aliases() -> tuple[dict[str, str], tuple[str, ...]]:
    """(variant -> canonical name, well-known bare firm names) from company_aliases.json."""
    raw = json.loads((DATA / "company_aliases.json").read_text(encoding="utf-8"))
    return raw["aliases"], tuple(raw["famous_firms"])


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern:
    """One pattern for every alias-table variant, longest first so the fullest name wins."""
    variants = sorted(load_aliases()[0], key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, variants)) + r")(?![A-Za-z])")


def alias_canonical(name: str) -> str | None:
    """The canonical firm an alias-table variant inside `name` points to, if any."""
    m = _alias_pattern().search(name)
    return load_aliases()[0][m.group()] if m else None


def strip_legal(name: str) -> str:
    """A name without its "Co., Ltd." style suffix."""
    return LEGAL.sub("", name).strip()
