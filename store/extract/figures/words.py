"""What the words around a number say: its measure unit, its counted noun and its qualifier."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "figure_words.json"
_WORD = re.compile(r"""\s*["“”‘’']?\s*([A-Za-z0-9][\w'’&-]*)["“”‘’']?""")
_DURATIONS = {"years", "months", "weeks", "days", "hours"}


@lru_cache(maxsize=1)
def word_lists() -> dict:
    """The editable word lists in data/figure_words.json, with their regexes compiled."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    variants = {v: k for k, vs in data["measures"].items() for v in vs}
    alts = "|".join(re.escape(v).replace(r"\ ", r"[\s-]+") for v in
                    sorted(variants, key=len, reverse=True))
    data["variant_to_unit"] = {v.lower(): k for v, k in variants.items()}
    data["measure_re"] = re.compile(rf"(?P<sep>\s+of\s+|\s*|-)(?P<unit>{alts})(?![A-Za-z])", re.I)
    spans = "|".join(sorted(data["qualifiers_in_span"], key=len, reverse=True))
    data["qual_re"] = re.compile(rf"\b({spans})\s+$", re.I)
    outside = "|".join(sorted(data["qualifiers_outside"], key=len, reverse=True))
    data["qual_out_re"] = re.compile(rf"\b({outside})\s+(?:an?\s+|the\s+)?$", re.I)
    data["np_stop"] = set(data["np_stop"])
    return data


def measure_after(text: str, pos: int, kind: str) -> tuple[str, int] | None:
    """The measure unit right after a number at `pos`, as (canonical unit, end)."""
    data = word_lists()
    m = data["measure_re"].match(text, pos)
    if not m:
        return None
    sep, surface = m.group("sep"), m.group("unit")
    if sep == "" and surface not in data["glued_units"] and surface[0].isalpha():
        return None
    unit = data["variant_to_unit"][re.sub(r"[\s-]+", " ", surface.lower())]
    if sep == "-" and (not surface[0].islower() or unit in _DURATIONS):
        return None  # "Five-Year Plan", "three-year action plan": names and adjectives
    if "of" in sep and kind != "vague":
        return None
    return unit, m.end()


def head_noun(text: str, pos: int, limit: int = 8) -> tuple[str, int] | None:
    """The counted noun after a number ("114 crane manufacturing enterprises"), as (unit, end)."""
    data = word_lists()
    stop, table = data["np_stop"], data["count_nouns"]
    fallback, soft = None, False
    for _ in range(limit):
        m = _WORD.match(text, pos)
        if not m or re.fullmatch(r"[\d,.]+", m.group(1)):
            break
        word = m.group(1).lower()
        if word in table:
            return table[word], m.end(1)
        if word in stop:
            break
        if word in ("and", "or"):
            soft = True
        elif not soft:
            plural = word.endswith("s") and not word.endswith("ss")
            if fallback and not plural:
                break  # "57 bakeries along the canal": the plural before it was the head
            fallback = (word, m.end(1)) if plural else None
        pos = m.end()
    return fallback


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """Normalised qualifier before `start` and the new span start (moved only for in-span words)."""
    data = word_lists()
    window = text[max(0, start - 30):start]
    m = data["qual_re"].search(window)
    if m:
        return data["qualifiers_in_span"][m.group(1).lower()], start - len(window) + m.start(1)
    m = data["qual_out_re"].search(window)
    return (data["qualifiers_outside"][m.group(1).lower()] if m else None), start
