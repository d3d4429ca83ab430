"""Find the Chinese places an article names and resolve them into the region tree.

Gazetteer places are found as capitalised words (with an optional level suffix: "Henan Province",
"Changyuan City"), disambiguated by the places named nearby, and kept only when the text
plausibly uses them as a location. Zones, parks and towns are found by their head noun
("Jinmai Industrial Park", "Anting Town") and become child regions of the place they are in.

Entry point: `find_regions(model)`.
"""
from __future__ import annotations

from ...models import Region, RegionHit
from ..document import DocModel
from .gazetteer import Gazetteer, Place, load
from .plausible import plausible
from .resolve import resolve
from .scan import locate, scan
from .subplaces import find_subplaces
from .towns import load as load_towns
from .zones import find_zone_spans

__all__ = ["find_regions"]


def find_regions(model: DocModel) -> tuple[list[RegionHit], dict[str, Region]]:
    """Every Chinese place named in the article, resolved into the hierarchy."""
    gaz = load()
    text = model.text
    mentions = scan(model, gaz)
    locate(mentions, model)
    resolve(mentions, gaz, text)
    zones = find_zone_spans(model, gaz.looks_pinyin, lambda word: bool(gaz.lookup(word)))
    named = [(z.start, z.end) for z in zones if not z.generic]
    kept = plausible(mentions, text, gaz, named)
    hits = [RegionHit(m.start, m.end, text[m.start:m.end], m.place.id) for m in kept]
    regions: dict[str, Region] = {}
    for m in kept:
        _add_place(regions, m.place, gaz, text[m.start:m.end])
    for hit, region in find_subplaces(model, zones, kept, gaz, load_towns):
        hits.append(hit)
        known = regions.setdefault(region.id, region)
        if hit.text not in known.aliases:
            known.aliases.append(hit.text)
        parent = gaz.get(region.parent_id or "")
        if parent is not None:  # a zone's parent chain must be in the tree too
            _add_place(regions, parent, gaz, None)
    return sorted(hits, key=lambda h: (h.start, -h.end)), regions


def _add_place(regions: dict[str, Region], place: Place, gaz: Gazetteer, surface: str | None) -> None:
    """Put `place` and its ancestors into `regions`, noting the surface form seen."""
    for p in [place] + gaz.ancestors(place.id):
        if p.id not in regions:
            regions[p.id] = Region(p.id, p.name, p.level, p.parent_id, list(p.spellings))
    if surface and surface not in regions[place.id].aliases:
        regions[place.id].aliases.append(surface)
