"""Which zone and town mentions name the same place, what the place is called, and where the
text names it again ("Chang'an" after "Chang'an Town", a bare "High-tech Zone")."""
from __future__ import annotations

import re
from bisect import bisect_left

from ...models import Region, RegionHit
from .gazetteer import Gazetteer
from .zones import ZoneSpan


def group_spans(zones: list[ZoneSpan]) -> list[list[ZoneSpan]]:
    """Named spans grouped into one list per zone or town (variants of one name joined)."""
    named = [z for z in zones if not z.generic]
    groups: list[list[ZoneSpan]] = []
    for span in sorted(named, key=lambda z: -len(z.proper)):
        home = next((g for g in groups if _same_place(g[0], span, groups)), None)
        if home is None:
            groups.append([span])
        else:
            home.append(span)
    return [sorted(g, key=lambda z: z.start) for g in groups]


def _same_place(a: ZoneSpan, b: ZoneSpan, groups: list[list[ZoneSpan]]) -> bool:
    """Two spans name one place: same level and head, and one's proper words hold the other's.

    "Shiyan Hi-tech Zone" is "Shiyan Hi-tech Industrial Development Zone"; a subset only joins
    the one group it fits ("Big Data Industrial Park" → the single "Huaihai Big Data" park).
    """
    if a.level != b.level or a.head != b.head or a.within is not None or b.within is not None:
        return False
    pa, pb = set(a.proper), set(b.proper)
    if pa == pb:
        return True
    if not pb < pa:
        return False
    fits = [g for g in groups if set(g[0].proper) >= pb and g[0].head == b.head and g[0].level == b.level]
    return len(fits) == 1


def outer_first(groups: list[list[ZoneSpan]]) -> list[list[ZoneSpan]]:
    """Groups ordered so a zone that others lie "within" is placed before them."""
    inner = [g for g in groups if any(z.within for z in g)]
    return [g for g in groups if g not in inner] + inner


def canonical_name(group: list[ZoneSpan], kept, gaz: Gazetteer) -> str:
    """The fullest name: the longest mention, without a bracketed alias or a leading province."""
    best = max(group, key=lambda z: (len(z.name or z.text), (z.name or z.text)[:1].isupper()))
    name = re.sub(r"\s*\([^()]*\)$", "", best.name or best.text)
    lead = next((m for m in kept.between(best.start, best.start + 1) if m.place.level == "province"), None)
    if lead and kept.between(lead.end + 1, lead.end + 2):
        name = name[lead.end - lead.start:].lstrip()
    if re.search(r"parks$|zones$|areas$", name, re.I):
        name = name[:-1]
    return name


def bare_town_mentions(model, group, region, kept, zones) -> list[RegionHit]:
    """A town named "Chang'an Town" once is also "Chang'an" alone elsewhere in the text."""
    if group[0].level != "town" or len(group[0].proper) != 1:
        return []
    word = group[0].text.rsplit(" ", 1)[0]
    taken = sorted([(z.start, z.end) for z in zones] + [(m.start, m.end) for m in kept.all])
    out = []
    for m in re.finditer(rf"(?<![\w'’]){re.escape(word)}(?![\w'’-])", model.text):
        i = bisect_left(taken, (m.start() + 1, -1)) - 1
        if i < 0 or not (taken[i][0] <= m.start() < taken[i][1]):
            out.append(RegionHit(m.start(), m.end(), m.group(), region.id))
    return out


def generic_mentions(zones, groups, placed) -> list[tuple[RegionHit, Region]]:
    """A capitalised bare type ("High-tech Zone") names the one zone of that type in the text."""
    out = []
    for span in zones:
        if not span.generic or not span.text[:1].isupper():
            continue
        fits = [g for g in groups if g[0].head == span.head and g[0].hightech == span.hightech
                and g[0].level == span.level and id(g) in placed]
        if len(fits) == 1:
            region = placed[id(fits[0])]
            out.append((RegionHit(span.start, span.end, span.text, region.id), region))
            if span.text not in region.aliases:
                region.aliases.append(span.text)
    return out
