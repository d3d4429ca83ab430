"""Saved comparisons: a name for a set of companies and regions, kept in state.json."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import MfgError, NotFound
from ..persist import state
from .resolve import resolve_name


@dataclass(frozen=True)
class SavedComparison:
    """A saved comparison as this store reads it: the items it still has, by id."""

    name: str
    names: tuple[str, ...]  # as saved
    ids: tuple[str, ...]  # found in this store (by id, else by name)
    empty_rows: bool
    at: str


def _path(store):
    """The store's file (a store built in memory has no state)."""
    if store.path is None:
        raise MfgError("this store has no file, so there is nowhere to keep saved comparisons")
    return store.path


def save_comparison(store, name: str, entity_ids: list[str], empty_rows: bool = False) -> str:
    """Save the comparison of `entity_ids` under `name` (replacing one of that name)."""
    name = name.strip()
    if not name:
        raise MfgError("a saved comparison needs a name")
    if len(entity_ids) < 2:
        raise MfgError("a comparison needs at least two companies or regions")
    state.set_saved(_path(store), name, {"items": list(entity_ids),
                                         "names": [store.name_of(i) for i in entity_ids],
                                         "empty_rows": empty_rows})
    return f"saved the comparison as {name!r}"


def _found(store, entry: dict) -> tuple[str, ...]:
    """The entry's items in this store: by id, else by the name saved with it (ids can change)."""
    names = entry.get("names") if isinstance(entry.get("names"), list) else []
    found = []
    for i, item in enumerate(entry["items"]):
        entity_id = item if isinstance(item, str) and store.entity(item) else None
        if entity_id is None and i < len(names) and isinstance(names[i], str):
            entity_id = resolve_name(store, names[i])
        if entity_id and entity_id not in found:
            found.append(entity_id)
    return tuple(found)


def saved_comparisons(store) -> list[SavedComparison]:
    """Every saved comparison, by name."""
    saved = state.read_state(store.path).saved if store.path else {}
    return [SavedComparison(name, tuple(str(n) for n in entry.get("names", [])), _found(store, entry),
                            bool(entry.get("empty_rows")), str(entry.get("at", "")))
            for name, entry in sorted(saved.items())]


def saved_comparison(store, name: str) -> SavedComparison:
    """The saved comparison called `name`; NotFound (with the saved names) otherwise."""
    every = {s.name: s for s in saved_comparisons(store)}
    found = every.get(name)
    if found is None:
        raise NotFound(name, sorted(every)[:5], "saved comparison",
                       "list them with `mfg-explore saved`")
    if len(found.ids) < 2:
        raise MfgError(f"saved comparison {name!r}: this store no longer has "
                       f"{', '.join(found.names)} (at least two are needed)")
    return found


def delete_saved(store, name: str) -> str:
    """Forget the saved comparison called `name`."""
    saved_comparison_names = {s.name for s in saved_comparisons(store)}
    if name not in saved_comparison_names:
        raise NotFound(name, sorted(saved_comparison_names)[:5], "saved comparison")
    state.set_saved(_path(store), name, None)
    return f"deleted the saved comparison {name!r}"
