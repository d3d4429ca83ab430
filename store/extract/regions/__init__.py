"""Find the Chinese places an article names and resolve them into the region tree.

Gazetteer places are found as capitalised words (with an optional level suffix:
"Henan Province", "Changyuan City"), disambiguated by the places named nearby, and
kept only when the text plausibly uses them as a location. Zones, parks, towns,
streets and villages the gazetteer lacks become child regions of the place they are in.
"""
from __future__ import annotations

from ...models import Region, RegionHit
from .gazetteer import Gazetteer, Place, load
from .plausible import plausible
from .resolve import resolve
from .scan import Mention, locate, scan
from .subplace_parents import find_subplaces
from .subplace_spans import town_spans, zone_spans

# The stages stay importable from here, where callers first found them.
__all__ = ["Mention", "find_regions", "find_subplaces", "plausible", "resolve", "scan"]


def find_regions(text: str) -> tuple[list[RegionHit], dict[str, Region]]:
    """Every Chinese place named in `text`, resolved into the hierarchy."""
    gaz = load()
    mentions = scan(text, gaz)
    locate(mentions, text)
    resolve(mentions, gaz)
    named = [m for m in mentions if m.place]
    spans = sorted(zone_spans(text, named, gaz) + town_spans(text, gaz))
    kept = plausible(mentions, text, gaz, [(sp[0], sp[1]) for sp in spans])
    hits = [RegionHit(m.start, m.end, text[m.start:m.end], m.place.id) for m in kept]
    regions: dict[str, Region] = {}
    for m in kept:
        _add_place(regions, m.place, gaz, text[m.start:m.end])
    for hit, region in find_subplaces(text, spans, kept, gaz):
        hits.append(hit)
        known = regions.setdefault(region.id, region)
        if hit.text not in known.aliases:
            known.aliases.append(hit.text)
    return sorted(hits, key=lambda h: (h.start, -h.end)), regions


def _add_place(regions: dict[str, Region], place: Place, gaz: Gazetteer, surface: str) -> None:
    """Put `place` and its ancestors into `regions`, noting the surface form seen."""
    for p in [place] + gaz.ancestors(place.id):
        if p.id not in regions:
            regions[p.id] = Region(p.id, p.name, p.level, p.parent_id, list(p.spellings))
    if surface not in regions[place.id].aliases:
        regions[place.id].aliases.append(surface)
