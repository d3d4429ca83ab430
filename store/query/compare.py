"""The comparison table: category × kind down (plans apart), entities across, the facts in each cell."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from ..models import CATEGORIES, KINDS, Figure

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
    """One category measured one way (level, change, share), actual or planned: for each column, the
    facts of that row (document order), each fact once however many sources state it."""

    category: str
    cells: tuple[tuple[Figure, ...], ...]
    kind: str = "level"
    plan: bool = False

    @property
    def is_empty(self) -> bool:
        """True when no column has a figure in this row."""
        return not any(self.cells)

    @property
    def label(self) -> str:
        """'output · level', 'market share · share', 'output · change (plan)'."""
        return measure_label(self.category, self.kind) + (" (plan)" if self.plan else "")

    @property
    def key(self) -> str:
        """A stable key for the row: category/kind/status."""
        return f"{self.category}/{self.kind}/{'plan' if self.plan else 'actual'}"


@dataclass(frozen=True)
class Comparison:
    """Rows of actual figures in CATEGORIES × KINDS order, then the plans as their own row group.

    Thresholds (the bounds that define a group) are left out. `sources` maps each shown figure's id
    to every figure stating the same fact (itself first); `hidden_empty` says whether rows with no
    figure were dropped.
    """

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    hidden_empty: bool = False
    sources: Mapping[str, tuple[Figure, ...]] = field(default_factory=dict)

    def cell(self, category: str, entity_id: str, kind: str = "level", plan: bool = False) -> tuple[Figure, ...]:
        """The facts of one row for one entity (empty when there are none)."""
        col = next(i for i, c in enumerate(self.columns) if c.entity_id == entity_id)
        row = next((r for r in self.rows if (r.category, r.kind, r.plan) == (category, kind, plan)), None)
        return row.cells[col] if row else ()

    def figures(self) -> list[Figure]:
        """Every fact in the table, row by row, column by column."""
        return [f for row in self.rows for cell in row.cells for f in cell]

    def sources_of(self, fig: Figure) -> tuple[Figure, ...]:
        """Every figure that states the fact `fig` shows (itself first)."""
        return self.sources.get(fig.id, (fig,))


def measure_label(category: str, kind: str) -> str:
    """A category and kind as a reader writes them: 'market share · share'."""
    return f"{category.replace('_', ' ')} · {kind}"


def _facts(figures: list[Figure], links_of) -> tuple[list[Figure], dict[str, tuple[Figure, ...]]]:
    """One figure per fact (the first stated), and each shown figure's sources: figures linked as
    corroborating each other (`links_of(id).corroborated_by`) state one fact."""
    by_id = {f.id: f for f in figures}
    group: dict[str, list[Figure]] = {}
    owner: dict[str, str] = {}
    for fig in figures:
        linked = next((owner[o] for o in links_of(fig.id).corroborated_by if o in owner), None)
        if linked is None:
            owner[fig.id] = fig.id
            group[fig.id] = [fig]
        else:
            owner[fig.id] = linked
            group[linked].append(fig)
    shown = [by_id[key] for key in group]
    return shown, {key: tuple(figs) for key, figs in group.items()}


def compare(store, entity_ids: list[str], hide_empty: bool = False) -> Comparison:
    """Compare these companies/regions row by row (unknown ids raise KeyError).

    Without `hide_empty`, every category × kind row of actual figures is shown; plan rows appear
    only where some entity has a plan.
    """
    columns = []
    for eid in entity_ids:
        ent = store.entity(eid)
        if ent is None:
            raise KeyError(eid)
        columns.append(Column(eid, ent.name, store.kind_of(eid)))
    sources: dict[str, tuple[Figure, ...]] = {}
    facts = {}
    for eid in entity_ids:
        shown, groups = _facts([f for f in store.figures_of(eid) if f.status in ("actual", "plan")], store.links_of)
        facts[eid] = shown
        sources.update(groups)
    rows = []
    for plan in (False, True):
        for cat in CATEGORIES:
            for kind in KINDS:
                cells = tuple(tuple(f for f in facts[eid] if _category(f) == cat and _kind(f) == kind
                                    and (f.status == "plan") == plan) for eid in entity_ids)
                row = Row(cat, cells, kind, plan)
                if not (row.is_empty and (hide_empty or plan)):
                    rows.append(row)
    return Comparison(tuple(columns), tuple(rows), hide_empty, sources)


def toggle_empty_rows(store, comparison: Comparison) -> Comparison:
    """The same comparison with empty rows hidden, or shown again (the TUI's `h`)."""
    ids = [c.entity_id for c in comparison.columns]
    return compare(store, ids, hide_empty=not comparison.hidden_empty)


def _category(fig: Figure) -> str:
    """A figure's category, with anything unknown filed under 'other' so no figure is lost."""
    return fig.category if fig.category in CATEGORIES else "other"


def _kind(fig: Figure) -> str:
    """A figure's kind, with anything unknown read as a level."""
    return fig.kind if fig.kind in KINDS else "level"


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
    """Value with qualifier and period: 'more than 300,000 units (2022)' (the period as written
    when it has no calendar form: 'more than 300,000 units (in recent years)').

    A figure stated in words ("tens of millions of yuan", "1 of every 10") is shown as stated,
    with the value it was read as, so a reader never mistakes the reading for the source.
    """
    text = format_quantity(fig.value, fig.unit)
    if _READ_FROM_WORDS.search(fig.text):
        text = f"{fig.text} (≈ {text})"
    elif fig.qualifier:
        text = f"{fig.qualifier} {text}"
    period = fig.period or fig.period_text
    return f"{text} ({period})" if period else text
