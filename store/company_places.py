"""Where the text puts a company, and its name without the places before its brand."""
from __future__ import annotations

import re

from .company_text import Candidate, DocContext, tokens
from .company_words import load_words
from .models import Region, RegionHit

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


def region_for(text: str, hit: Candidate, regions: list[RegionHit], records: dict[str, Region],
                sections: list[tuple[int, str]]) -> str | None:
    """The place the text puts a company in: in its name, right after it, or its section's place."""
    stated = [r.key for r in regions if hit.start <= r.start and r.end <= hit.end]
    after = [r for r in regions if hit.end <= r.start < hit.end + 40
             and _AFTER_PLACE.match(text[hit.end:r.start])]
    stated += [after[0].key] if after else []
    rank = lambda key: _LEVEL_RANK.get(records[key].level, 9) if key in records else 9
    stated.sort(key=rank)
    if stated and rank(stated[0]) < _LEVEL_RANK["province"]:
        return stated[0]
    section = [key for pos, key in sections if pos <= hit.start]
    return section[-1] if section else (stated[0] if stated else None)


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
