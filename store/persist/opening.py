"""Opening a store for reading: the tables as built, less damaged rows, with the user's decisions."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import load_current
from .decisions import apply_decisions
from .state import read_state
from .validate import document_lengths, usable_rows, usable_tables


@dataclass
class Opened:
    """A store's tables ready for the query layer, and what the user should be told about them.

    Figures and mentions may still be ShardedRows (read when first used, see `load_part`).
    """

    tables: dict[str, list]
    warnings: list[str] = field(default_factory=list)
    decisions: list[tuple[dict, bool]] = field(default_factory=list)  # each, and if it took effect


def load_part(tables: dict[str, list], name: str, store_path: Path | None,
              warnings: list[str]) -> list[dict]:
    """The rows of table `name`, reading its file first if needed: damaged rows are left out
    (with a line in `warnings`) unless the file is exactly as written."""
    rows = tables[name]
    if isinstance(rows, list):
        return rows
    rows, intact = rows.load()
    lengths = document_lengths(tables["documents"])
    # Rows exactly as written are sound, unless a document they index was left out since.
    if not intact or not {r["doc_id"] for r in rows} <= lengths.keys():
        rows, line = usable_rows(name, rows, lengths, store_path)
        if line:
            warnings.append(line)
    tables[name] = rows
    return rows


def open_tables(store_path: Path, progress=None) -> Opened:
    """The store's tables (built first if missing or stale), damaged rows left out with a
    warning, and the user's decisions from state.json applied."""
    tables, warnings = usable_tables(load_current(store_path, progress, lazy=True), store_path)
    state = read_state(store_path)
    if state.problem:
        warnings.append(f"{store_path.with_name('state.json')}: your saved state is not used "
                        f"({state.problem}); it was left as it is")
    if not state.decisions:
        return Opened(tables, warnings, [])
    for name in ("figures", "mentions"):  # decisions change them: read them now
        load_part(tables, name, store_path, warnings)
    tables, applied = apply_decisions(tables, state.decisions)
    tables["meta"] = [{**tables["meta"][0], "subject_figures": None}]  # counts changed hands
    return Opened(tables, warnings, list(zip(state.decisions, applied)))
