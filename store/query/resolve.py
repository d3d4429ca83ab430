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


CLEAR_LEAD = 5.0  # score points the best hit must lead the next by to be taken without asking


def best_match(store, name: str, kind: str | None = None) -> str | None:
    """The company or region a search for `name` finds, when one hit clearly leads the others."""
    from .find import find  # find imports the index; only needed when the name is not exact
    kinds = (kind,) if kind else ("company", "region")
    hits = [r for r in find(store, name, kind, limit=20) if r.kind in kinds]
    if not hits:
        return None
    if len(hits) == 1 or hits[0].score - hits[1].score >= CLEAR_LEAD:
        return hits[0].id
    return None


def resolve_entity(store, name: str, kind: str | None = None) -> str:
    """The id of the company or region called `name` (of `kind` when given), else the clear best
    search match ("weihau" → Weihua Group); NotFound with suggestions otherwise."""
    entity_id = resolve_name(store, name) or best_match(store, name, kind)
    what = kind or "company or region"
    if entity_id is None:
        raise NotFound(name, closest_names(store, name), what)
    found = store.kind_of(entity_id)
    if kind and found != kind:
        raise MfgError(f"{name!r} is a {found}, not a {kind}; try --{found} {name!r}")
    return entity_id
