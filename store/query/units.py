"""Unit families: which units may stand in one ranking (tons with kilograms, never yuan with dollars)."""
from __future__ import annotations

from ..extract.figures.vocabulary import vocabulary


def family_of(unit: str) -> str:
    """The family a unit belongs to ("kg" → "mass"); a unit with no family is its own."""
    found = vocabulary().unit_families.get(unit)
    return found[0] if found else f"unit:{unit}"


def in_base_unit(value: float, unit: str) -> float:
    """A value in its family's base unit (2 tons → 2000 kg), so one family ranks on one scale."""
    found = vocabulary().unit_families.get(unit)
    return value * found[1] if found else value
