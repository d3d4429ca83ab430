"""Find the names of zones, parks, towns, streets and villages the gazetteer lacks."""
from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .scan import FUNCTION_WORDS, Mention

ZONE_HEAD = re.compile(r"(?<![A-Za-z])(?:Zone|Park|New Area|Science City|Technology City|"
                       r"Valley)(?![A-Za-z])")
TOWN_HEAD = re.compile(r"(?<![A-Za-z'\u2019])([A-Z][a-z]+) (Town|Township|Street|Subdistrict|"
                       r"Village)(?![A-Za-z])")
NAME_RUN = re.compile(r"(?:(?:[A-Z][A-Za-z0-9'\u2019\-]*|and) )+$")
PAREN_TAIL = re.compile(r" ?\([A-Z][^()\n]{0,40}(?:Zone|Park|Area)\)")
# Capitalised words that open generic names ("National High-tech Zone"), not the
# place a zone or town is named after.
GENERIC_LEAD = {"China", "Chinese", "National", "Asian", "Asia", "Big", "New", "High"}


def zone_spans(text: str, kept: list[Mention], gaz: Gazetteer) -> list[tuple]:
    """(start, end, canonical name, "zone") for each named zone or park."""
    out = []
    for head in ZONE_HEAD.finditer(text):
        run = NAME_RUN.search(text, max(0, head.start() - 160), head.start())
        if not run:
            continue
        words = run.group().split()
        while words and (words[0] in FUNCTION_WORDS or words[0] == "and"):
            words.pop(0)
        start = head.start() - len(" ".join(words)) - 1
        if not words or not _zone_lead_ok(words[0], start, kept, gaz):
            continue
        if any(m.start == start and m.end >= head.end() for m in kept):
            continue  # "Pudong New Area" is a gazetteer district
        tail = PAREN_TAIL.match(text, head.end())
        end = tail.end() if tail else head.end()
        out.append((start, end, _zone_name(words + [head.group()], kept, start, gaz), "zone"))
    return out


def _zone_lead_ok(word: str, start: int, kept: list[Mention], gaz: Gazetteer) -> bool:
    """A zone name starts with a place or a pinyin word, not "China" or "Big"."""
    if any(m.start == start for m in kept):
        return True
    return word not in GENERIC_LEAD and gaz.looks_pinyin(word)


def _zone_name(words: list[str], kept: list[Mention], start: int, gaz: Gazetteer) -> str:
    """Canonical zone name: drop a leading province before a more local place."""
    lead = next((m for m in kept if m.start == start), None)
    if lead and lead.place.level in ("province", "prefecture"):
        nxt = next((m for m in kept if m.start == lead.end + 1), None)
        if nxt:
            drop = len(lead.place.name.split()) if not lead.suffix else len(
                (lead.place.name + " " + lead.suffix).split())
            words = words[drop:]
    return " ".join(words)


def town_spans(text: str, gaz: Gazetteer) -> list[tuple]:
    """(start, end, name, "town") for "Nili Town", "Weizhuang Street", "X Village"."""
    out = []
    for m in TOWN_HEAD.finditer(text):
        word = m.group(1)
        if word in FUNCTION_WORDS or word in GENERIC_LEAD or not gaz.looks_pinyin(word):
            continue
        out.append((m.start(), m.end(), m.group(), "town"))
    return out
