"""Hang each zone, park, town, street and village under the place it lies in."""
from __future__ import annotations

import bisect
import re
from collections import Counter

from ...models import Region, RegionHit
from .gazetteer import LEVEL_RANK, Gazetteer
from .scan import Mention


def find_subplaces(text: str, spans: list[tuple], kept: list[Mention],
                   gaz: Gazetteer) -> list[tuple[RegionHit, Region]]:
    """Zones, parks, towns, streets and villages, each a child of the place it lies in."""
    sections = _sections(text, kept)
    placed: dict[int, Region] = {}
    by_name: dict[str, Region] = {}
    same_name: dict[str, list[tuple]] = {}
    for sp in spans:
        same_name.setdefault(sp[2], []).append(sp)
    # last first, so "X Village, Y Town" finds Y Town already placed
    for start, end, name, level in reversed(spans):
        if name not in by_name:  # one parent per name: the surest any mention gives
            options = [_parent_of(sp, text, kept, placed, sections, gaz) for sp in same_name[name]]
            parent = _best_parent([o for o in options if o], gaz)
            if parent is None:
                continue  # nowhere in China to hang it: likely a place abroad
            by_name[name] = Region(f"x:{parent}:{_slug(name)}", name, level, parent, [])
        placed[start] = by_name[name]
    return [(RegionHit(sp[0], sp[1], text[sp[0]:sp[1]], placed[sp[0]].id), placed[sp[0]])
            for sp in spans if sp[0] in placed]


def _parent_of(span: tuple, text: str, kept: list[Mention], placed: dict,
               sections: list[int], gaz: Gazetteer) -> tuple[int, str] | None:
    """(how sure, parent id) for one mention of a sub-place: its name, a comma, or context."""
    start, end = span[0], span[1]
    named = _parent_in_name(start, end, kept, gaz)
    if named:
        return 3, named
    comma = _comma_parent(end, text, kept, placed)
    if comma:
        return 2, comma
    near = _context_parent(start, kept, sections, gaz)
    return (1, near) if near else None


def _best_parent(options: list[tuple[int, str]], gaz: Gazetteer) -> str | None:
    """The surest parent; among context guesses, the most local one."""
    if not options:
        return None
    def depth(pid: str) -> int:  # deeper (more local) is better
        place = gaz.get(pid)
        return -LEVEL_RANK[place.level] if place else 0
    return max(options, key=lambda o: (o[0], depth(o[1])))[1]

def _parent_in_name(start: int, end: int, kept: list[Mention], gaz: Gazetteer) -> str | None:
    """The most local gazetteer place named inside the zone name itself."""
    inside = [m for m in kept if start <= m.start and m.end <= end]
    if not inside:
        return None
    return min(inside, key=lambda m: (LEVEL_RANK[m.place.level], -m.start)).place.id


def _comma_parent(end: int, text: str, kept: list[Mention], placed: dict) -> str | None:
    """The place written right after a comma: "Xiaoxinzhuang Village, Nili Town"."""
    if text[end:end + 2] != ", ":
        return None
    at = end + 2
    for m in kept:
        if m.start == at and m.place.level in ("county", "district"):
            return m.place.id
    return placed[at].id if at in placed else None


def _sections(text: str, kept: list[Mention]) -> list[int]:
    """Start offsets of sections: a new one begins at each short heading naming a place."""
    starts = [0]
    for para in re.finditer(r"[^\n]+", text):
        line = para.group().strip().rstrip("\"'\u201d\u2019)")
        heading = len(line) < 150 and line[-1:] not in ".!?;:\u2026"
        if heading and any(para.start() <= m.start < para.end() for m in kept):
            starts.append(para.start())
    return starts


def _context_parent(pos: int, kept: list[Mention], sections: list[int], gaz: Gazetteer) -> str | None:
    """The most local place named in the same sentence, paragraph or section, most often."""
    sec = bisect.bisect_right(sections, pos)
    lo = sections[sec - 1]
    hi = sections[sec] if sec < len(sections) else 10**12
    near = [m for m in kept if lo <= m.start < hi]
    if not near:
        provinces = Counter(gaz.province_of(m.place.id) for m in kept)
        return provinces.most_common(1)[0][0] if provinces else None
    top_province = Counter(gaz.province_of(m.place.id) for m in near).most_common(1)[0][0]
    near = [m for m in near if gaz.province_of(m.place.id) == top_province]
    counts = Counter(m.place.id for m in near)
    by_sentence = {m.place.id for m in near if abs(m.start - pos) < 300}
    best = min(near, key=lambda m: (LEVEL_RANK[m.place.level], m.place.id not in by_sentence,
                                    -counts[m.place.id], abs(m.start - pos)))
    return best.place.id


def _slug(name: str) -> str:
    """A stable id fragment for a name: lowercase words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
