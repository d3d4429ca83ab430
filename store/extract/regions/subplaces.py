"""Zones, parks and towns as regions: variants of one name joined, each hung under the place it
lies in ("Jinmai Industrial Park" under the zone or city the text puts it in)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from ...models import Region, RegionHit
from ..document import DocModel
from .gazetteer import LEVEL_RANK, Gazetteer
from .scan import Mention
from .zone_variants import (
    bare_town_mentions,
    canonical_name,
    generic_mentions,
    group_spans,
    outer_first,
)
from .zones import ZoneSpan

PROVINCE_LEVELS = {"province"}
_LOCATED_IN = re.compile(r"^,?\s*(?:which\s+is\s+|that\s+is\s+)?(?:located|based|situated|lying)?\s*"
                         r"(?:in|at|within)\s+(?:the\s+)?$", re.I)


class Kept:
    """The article's resolved place mentions, indexed once for windowed lookups."""

    def __init__(self, kept: list[Mention], gaz: Gazetteer):
        self.all = sorted(kept, key=lambda m: m.start)
        self.starts = [m.start for m in self.all]
        provinces = Counter(gaz.province_of(m.place.id) for m in self.all)
        self.top = provinces.most_common(1)[0][0] if provinces else None
        self.counts = Counter(m.place.id for m in self.all if gaz.province_of(m.place.id) == self.top)
        self.ids = {m.place.id for m in self.all} | {a.id for m in self.all for a in gaz.ancestors(m.place.id)}

    def between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions that start inside [lo, hi)."""
        return self.all[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


def find_subplaces(model: DocModel, zones: list[ZoneSpan], kept: list[Mention], gaz: Gazetteer,
                   towns=None) -> list[tuple[RegionHit, Region]]:
    """Every named zone and town mention, with the Region (and parent) it names."""
    groups = group_spans(zones)
    kept = Kept(kept, gaz)
    placed: dict[int, Region] = {}  # id(group) → Region
    # Later names first, so "X Village, Y Town" finds Y Town already placed; zones that others
    # lie "within" before those others.
    order = sorted(groups, key=lambda g: -g[0].start)
    for group in outer_first(order):
        parent = _best_parent(group, model, kept, gaz, placed, groups, towns)
        if parent is None:
            continue  # nowhere in China to hang it: likely a place abroad
        name = canonical_name(group, kept, gaz)
        level = group[0].level
        placed[id(group)] = Region(f"x:{parent}:{_slug(name)}", name, level, parent, [])
    hits = []
    for group in groups:
        region = placed.get(id(group))
        if region is None:
            continue
        for span in group:
            hits.append((RegionHit(span.start, span.end, span.text, region.id), region))
            if span.text not in region.aliases:
                region.aliases.append(span.text)
        hits.extend((hit, region) for hit in bare_town_mentions(model, group, region, kept, zones))
    hits.extend(generic_mentions(zones, groups, placed))
    return hits


def _best_parent(group, model, kept, gaz, placed, groups, towns) -> str | None:
    """The surest parent any mention gives; among equally sure ones, the most local."""
    options = [o for span in group for o in _parents_of(span, model, kept, gaz, placed, groups, towns)]
    if not options:
        return None
    def depth(pid: str) -> int:
        """How local a parent is (a zone or town most)."""
        place = gaz.get(pid)
        return -LEVEL_RANK[place.level] if place else 1  # a zone or town is most local
    return max(options, key=lambda o: (o[0], depth(o[1])))[1]


def _parents_of(span, model, kept, gaz, placed, groups, towns) -> list[tuple[int, str]]:
    """(how sure, parent id) for one mention: its name, the zone it lies in, a comma, context."""
    out = []
    if span.within is not None:
        host = next((placed[id(g)] for g in groups if span.within in g and id(g) in placed), None)
        if host:
            out.append((4, host.id))
    inside = [m for m in kept.between(span.start, span.end) if m.end <= span.end]
    if inside:
        out.append((3, min(inside, key=lambda m: (LEVEL_RANK[m.place.level], -m.start)).place.id))
    located = _located_in(span, model, kept, placed, groups)
    if located:
        out.append((2, located))
    if span.level == "town" and towns is not None:
        town = towns().parent_of(span.text, kept.ids, lambda pid: [a.id for a in gaz.ancestors(pid)])
        if town and gaz.get(town):
            out.append((3, town))
    near = _context_parent(span, model, kept, gaz)
    if near:
        out.append((1, near))
    return out


def _located_in(span, model, kept, placed, groups) -> str | None:
    """The place written right after: "X Village, Nili Town", "X Park, located in Y County"."""
    text = model.text
    for m in kept.between(span.end + 1, span.end + 41):
        if m.place.level not in PROVINCE_LEVELS:
            between = text[span.end:m.start]
            if between == ", " or _LOCATED_IN.match(between):
                return m.place.id
    for g in groups:
        region = placed.get(id(g))
        for other in g:
            if region and span.end < other.start <= span.end + 40 and other is not span:
                between = text[span.end:other.start]
                if between == ", " or _LOCATED_IN.match(between):
                    return region.id
    return None


def _context_parent(span: ZoneSpan, model: DocModel, kept: Kept, gaz: Gazetteer) -> str | None:
    """The most local place of the sentence, else the paragraph, else the article's main province."""
    if not kept.all:
        return None
    sentence = model.sentence_at(span.start)
    paragraph = model.paragraph_at(span.start)
    for lo, hi in ((sentence.start, sentence.end) if sentence else (0, 0),
                   (paragraph.start, paragraph.end) if paragraph else (0, 0)):
        near = [m for m in _window(kept, lo, hi, span.start) if not (span.start <= m.start < span.end)
                and gaz.province_of(m.place.id) == kept.top]
        if near:
            return min(near, key=lambda m: (LEVEL_RANK[m.place.level], abs(m.start - span.start))).place.id
    local = [pid for pid in kept.counts if gaz.get(pid).level != "province"]
    if local:
        return max(local, key=lambda pid: (kept.counts[pid], -LEVEL_RANK[gaz.get(pid).level]))
    return kept.top


def _window(kept: Kept, lo: int, hi: int, pos: int, reach: int = 2000) -> list[Mention]:
    """Mentions of [lo, hi) within `reach` of `pos` (a long paragraph acts like several)."""
    return kept.between(max(lo, pos - reach), min(hi, pos + reach))


def _slug(name: str) -> str:
    """A stable id fragment for a name: lowercase words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
