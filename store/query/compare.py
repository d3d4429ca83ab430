"""The comparison table: figure categories down, entities across, the figures in each cell."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import CATEGORIES, Figure

# Wordings whose value is a reading, not a restatement: "tens of millions", "one-half", "1 of every 10".
_READ_FROM_WORDS = re.compile(r"\b(?:tens|hundreds|thousands|dozens?|half|every|doubled|tripled)\b|"
                              r"[a-z]-(?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|"
                              r"ninths?|tenths?)\b|\ba (?:third|quarter|fifth|tenth)\b", re.I)
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Units written straight after the number ("70%", "25°C"); every other unit follows a space.
_GLUED_UNITS = {"%", "°C"}


@dataclass(frozen=True)
class Column:
    """One compared entity."""

    entity_id: str
    name: str
    kind: str  # "company" | "region"


@dataclass(frozen=True)
class Row:
    """One category: for each column, the figures of that category (document order)."""

    category: str
    cells: tuple[tuple[Figure, ...], ...]

    @property
    def is_empty(self) -> bool:
        """True when no column has a figure in this category."""
        return not any(self.cells)


@dataclass(frozen=True)
class Comparison:
    """Rows in CATEGORIES order; `hidden_empty` says whether rows with no figure were dropped."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    hidden_empty: bool = False

    def cell(self, category: str, entity_id: str) -> tuple[Figure, ...]:
        """The figures of one category for one entity (empty when there are none)."""
        col = next(i for i, c in enumerate(self.columns) if c.entity_id == entity_id)
        row = next((r for r in self.rows if r.category == category), None)
        return row.cells[col] if row else ()

    def figures(self) -> list[Figure]:
        """Every figure in the table, row by row, column by column."""
        return [f for row in self.rows for cell in row.cells for f in cell]


def compare(store, entity_ids: list[str], hide_empty: bool = False) -> Comparison:
    """Compare these companies/regions category by category (unknown ids raise KeyError)."""
    columns = []
    for eid in entity_ids:
        ent = store.entity(eid)
        if ent is None:
            raise KeyError(eid)
        columns.append(Column(eid, ent.name, store.kind_of(eid)))
    figures = {eid: store.figures_of(eid) for eid in entity_ids}
    rows = [Row(cat, tuple(tuple(f for f in figures[eid] if _category(f) == cat) for eid in entity_ids))
            for cat in CATEGORIES]
    if hide_empty:
        rows = [r for r in rows if not r.is_empty]
    return Comparison(tuple(columns), tuple(rows), hide_empty)


def toggle_empty_rows(store, comparison: Comparison) -> Comparison:
    """The same comparison with empty rows hidden, or shown again (the TUI's `h`)."""
    ids = [c.entity_id for c in comparison.columns]
    return compare(store, ids, hide_empty=not comparison.hidden_empty)


def _category(fig: Figure) -> str:
    """A figure's category, with anything unknown filed under 'other' so no figure is lost."""
    return fig.category if fig.category in CATEGORIES else "other"


def format_number(value: float) -> str:
    """A readable number: 8880000000 → '8.88 billion', 300000 → '300,000', 0.5 → '0.5'."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{_trim(value / size)} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return _trim(value)


def _trim(value: float) -> str:
    """Up to three decimals, without trailing zeros."""
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def format_quantity(value: float, unit: str) -> str:
    """Number and unit as a reader writes them: '70%', '8.88 billion yuan'."""
    number = format_number(value)
    if not unit:
        return number
    return f"{number}{unit}" if unit in _GLUED_UNITS else f"{number} {unit}"


def figure_summary(fig: Figure) -> str:
    """Value with qualifier and period: 'more than 300,000 units (2022)'.

    A figure stated in words ("tens of millions of yuan", "1 of every 10") is shown as stated,
    with the value it was read as, so a reader never mistakes the reading for the source.
    """
    text = format_quantity(fig.value, fig.unit)
    if _READ_FROM_WORDS.search(fig.text):
        text = f"{fig.text} (≈ {text})"
    elif fig.qualifier:
        text = f"{fig.qualifier} {text}"
    return f"{text} ({fig.period})" if fig.period else text
