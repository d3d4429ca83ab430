"""Opening a store for reading: the tables as built, less damaged rows, with the user's decisions."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import load_current
from .decisions import apply_decisions
from .state import read_state
from .validate import usable_tables


@dataclass
class Opened:
    """A store's tables ready for the query layer, and what the user should be told about them."""

    tables: dict[str, list]
    warnings: list[str] = field(default_factory=list)
    decisions: list[tuple[dict, bool]] = field(default_factory=list)  # each, and if it took effect


def open_tables(store_path: Path, progress=None) -> Opened:
    """The store's tables (built first if missing or stale), damaged rows left out with a
    warning, and the user's decisions from state.json applied."""
    tables, warnings = usable_tables(load_current(store_path, progress), store_path)
    state = read_state(store_path)
    if state.problem:
        warnings.append(f"{store_path.with_name('state.json')}: your saved state is not used "
                        f"({state.problem}); it was left as it is")
    tables, applied = apply_decisions(tables, state.decisions)
    return Opened(tables, warnings, list(zip(state.decisions, applied)))
