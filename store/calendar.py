"""The months, written once for every part of the library (a closed set, so it lives in code)."""
from __future__ import annotations

# Each month's full name first, then the abbreviations English news uses.
MONTHS: tuple[tuple[str, ...], ...] = (
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
)
_NUMBER = {name.lower(): i for i, names in enumerate(MONTHS, 1) for name in names}


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation ("Sept." → 9, "march" → 3), else None."""
    return _NUMBER.get(word.strip().rstrip(".").lower())


def month_names() -> list[str]:
    """Every month name and abbreviation in lower case, longest first (for regular expressions)."""
    return sorted(_NUMBER, key=len, reverse=True)
