"""Where the text puts a company, and its name without the places before its brand."""
from __future__ import annotations

import re

from ...models import Region, RegionHit
from .text import Candidate, DocContext, tokens
from .words import load_words

_LEVEL_RANK = {"zone": 0, "town": 1, "district": 2, "county": 3, "prefecture": 4, "province": 5}
_AFTER_PLACE = re.compile(r"^,?\s*(?:(?:which is |that is )?(?:located|based|headquartered) in|in|of)\s+$")


def section_places(text: str, regions: list[RegionHit]) -> list[tuple[int, str]]:
    """(offset, region key) of headings like 'Changyuan, Henan: ...' that open a section on a place."""
    out = []
    for m in re.finditer(r"(?m)^[^\n]{0,60}?:[^\n]{0,100}$", text):
        hits = [r for r in regions if m.start() <= r.start and r.end <= m.start() + m.group().index(":")]
        if hits and hits[0].start == m.start():
            out.append((m.start(), hits[0].key))
    return out


def home_province(regions: list[RegionHit], records: dict[str, Region]) -> str | None:
    """The province an article is about, when most of the places it names lie in one (>= 60%)."""
    provinces = [p for p in (_province(r.key, records) for r in regions) if p]
    if len(provinces) < 3:
        return None
    top = max(set(provinces), key=provinces.count)
    return top if provinces.count(top) >= 0.6 * len(provinces) else None


def _province(key: str, records: dict[str, Region]) -> str | None:
    """The id of the province a region lies in (itself for a province)."""
    chain = [key, *_ancestors(key, records)]
    return next((k for k in chain if k in records and records[k].level == "province"), None)


def region_for(text: str, hit: Candidate, regions: list[RegionHit], records: dict[str, Region],
                sections: list[tuple[int, str]]) -> str | None:
    """The place the text puts a company in: in its name, right after it, or its section's place."""
    stated = [r.key for r in regions if hit.start <= r.start and r.end <= hit.end]
    after = [r for r in regions if hit.end <= r.start < hit.end + 40
             and _AFTER_PLACE.match(text[hit.end:r.start])]
    stated += [after[0].key] if after else []
    rank = lambda key: _LEVEL_RANK.get(records[key].level, 9) if key in records else 9
    stated.sort(key=rank)
    section = [key for pos, key in sections if pos <= hit.start]
    # "Xinxiang Mining Crane Factory" in a section on Changyuan (a county of Xinxiang): Changyuan.
    if stated and section and stated[0] in _ancestors(section[-1], records):
        return section[-1]
    if stated and rank(stated[0]) < _LEVEL_RANK["province"]:
        return stated[0]
    return section[-1] if section else (stated[0] if stated else None)


def _ancestors(key: str, records: dict[str, Region]) -> set[str]:
    """The ids of a region's parents, up to its province."""
    out: set[str] = set()
    region = records.get(key)
    while region and region.parent_id and region.parent_id not in out:
        out.add(region.parent_id)
        region = records.get(region.parent_id)
    return out


def without_place(ctx: DocContext, cand: Candidate) -> str:
    """A branded name without the places before its brand: "Anyang Qiaolong Pump" -> "Qiaolong Pump"."""
    places = load_words().place_prefixes | {"my", "country"}
    toks = tokens(ctx.text, cand.start, cand.end)
    start = cand.start
    for s, e, word in toks[:-1]:
        if not (ctx.is_place(s, e) or word in places or word.lower() in ctx.place_names
                or word in load_words().place_words or word.startswith("(")):
            break
        start = toks[toks.index((s, e, word)) + 1][0]
    return ctx.text[start:cand.end]
