"""Keep only the resolved place mentions that the text plausibly uses as locations."""
from __future__ import annotations

import re

from .gazetteer import ALTERNATE, Gazetteer
from .scan import FUNCTION_WORDS, PLACE_WORD, Mention

WORD = re.compile(PLACE_WORD.pattern + r"(?![A-Za-z])")

MIN_PROVINCES_IN_LIST = 4  # "sold to Shanxi, Gansu, Qinghai, Ningxia": markets, not locations


def plausible(mentions: list[Mention], text: str, gaz: Gazetteer,
              zones: list[tuple[int, int]] = ()) -> list[Mention]:
    """The resolved mentions that the text plausibly uses as locations.

    A place inside a zone name ("Xiantao Economic Development Zone") is a location.
    """
    named = [m for m in mentions if m.place]
    listed = _province_lists(named, text)
    resolved = [m for m in named if id(m) not in listed]
    supported = [m for m in resolved if _supported(m, resolved, gaz)]
    embedded = _embedded_set(supported, text, gaz) - {
        id(m) for m in supported if any(a <= m.start and m.end <= b for a, b in zones)}
    standalone = {gaz.province_of(m.place.id) for m in supported if id(m) not in embedded}
    return [m for m in supported
            if gaz.province_of(m.place.id) in standalone or id(m) not in embedded]


def _supported(m: Mention, resolved: list[Mention], gaz: Gazetteer) -> bool:
    """Short county and district names need a related place named in the text too."""
    level = m.place.level
    if m.suffix or (level in ("province", "prefecture") and m.rank != ALTERNATE):
        return True
    others = [o for o in resolved if o.place.id != m.place.id]
    if level == "district" and gaz.prefecture_of(m.place.id) != gaz.province_of(m.place.id):
        pref = gaz.prefecture_of(m.place.id)
        return any(o.paragraph == m.paragraph and gaz.prefecture_of(o.place.id) == pref
                   for o in others)
    if m.rank == ALTERNATE:  # an unusual reading needs its own prefecture or province named
        above = {p.id for p in gaz.ancestors(m.place.id)}
        return any(o.place.id in above for o in others)
    province = gaz.province_of(m.place.id)
    repeated = sum(o.place.id == m.place.id for o in resolved) >= 3
    return repeated or any(gaz.province_of(o.place.id) == province for o in others)


def _province_lists(named: list[Mention], text: str) -> set[int]:
    """ids of mentions inside an enumeration of several provinces (destinations, markets)."""
    out: set[int] = set()
    run: list[Mention] = []
    for m in named + [None]:
        joined = (m is not None and m.place.level == "province" and run
                  and re.fullmatch(r",? (?:and |or )?|, ", text[run[-1].end:m.start]))
        if joined:
            run.append(m)
            continue
        if len(run) >= MIN_PROVINCES_IN_LIST:
            out |= {id(x) for x in run}
        run = [m] if m is not None and m.place.level == "province" else []
    return out


def _embedded_set(mentions: list[Mention], text: str, gaz: Gazetteer) -> set[int]:
    """ids of mentions that are only words inside a longer proper name.

    A place written right before another such place shares its fate:
    "Hubei Xianning Motor Factory" embeds both Hubei and Xianning.
    """
    out: set[int] = set()
    following = None
    for m in sorted(mentions, key=lambda x: -x.start):
        chained = following is not None and following.start == m.end + 1
        if (chained and id(following) in out) or _embedded(m, text, gaz):
            out.add(id(m))
        following = m
    return out


def _embedded(m: Mention, text: str, gaz: Gazetteer) -> bool:
    """True when the place is one word of a longer proper name ("G20 Hangzhou Summit")."""
    if text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")":
        return True
    after = WORD.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
    if after and not gaz.lookup(after.group()) and after.group() not in FUNCTION_WORDS:
        return True
    before = re.search(r"([A-Z0-9][A-Za-z0-9\-]*) $", text[max(0, m.start - 40):m.start])
    if not before or before.group(1) in FUNCTION_WORDS or gaz.lookup(before.group(1)):
        return False
    lead = text[max(0, m.start - 40):m.start - len(before.group(0))].rstrip(" \"\u201c")
    return bool(lead) and lead[-1] not in ".!?;:\n"
