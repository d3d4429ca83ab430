"""Find a company or region by the name a user types."""
from __future__ import annotations

from rapidfuzz import fuzz, process

from ..errors import MfgError, NotFound
from .search import normalise


def _names(store) -> dict[str, str]:
    """Normalised name/alias → entity id, companies first so they win a clash."""
    names: dict[str, str] = {}
    for ent in [*store.regions.values(), *store.companies.values()]:
        for n in (ent.name, *ent.aliases):
            names[normalise(n)] = ent.id
    return names


def resolve_name(store, name: str) -> str | None:
    """The entity id whose name or alias equals `name` (case-insensitive), or an id given as is."""
    if store.entity(name):
        return name
    return _names(store).get(normalise(name).strip())


def closest_names(store, name: str, limit: int = 3) -> list[str]:
    """The display names nearest to `name`, for 'did you mean' hints."""
    names = _names(store)
    found = process.extract(normalise(name), list(names), scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60)
    out: list[str] = []
    for key, _, _ in found:
        display = store.entity(names[key]).name
        if display not in out:
            out.append(display)
    return out[:limit]


def resolve_entity(store, name: str, kind: str | None = None) -> str:
    """The id of the company or region called `name` (of `kind` when given); NotFound otherwise."""
    entity_id = resolve_name(store, name)
    what = kind or "company or region"
    if entity_id is None:
        raise NotFound(name, closest_names(store, name), what)
    found = store.kind_of(entity_id)
    if kind and found != kind:
        raise MfgError(f"{name!r} is a {found}, not a {kind}; try --{found} {name!r}")
    return entity_id
