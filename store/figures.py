"""Find quantitative figures in article text: exact span, value, unit and qualifier."""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

from .metrics import describe
from .models import FigureHit
from .numbers import (DENOMINATOR_WORDS, SCALE_WORDS, SMALL_WORDS, parse_fraction,
                      parse_number, scale_of)

DATA_FILE = Path(__file__).with_name("data") / "figure_words.json"
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE_TAIL = rf"(?:(?:\s+|-)(?:and\s+)?(?:{SCALE_WORDS})\b(?!-))*"
_CORE = re.compile(rf"""
  (?P<every>\b(?:\d+|{SMALL_WORDS})\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:of|for|in)\s+every\s+(?:{_DIGITS}|{SMALL_WORDS})\b)
| (?P<frac>\b(?:{SMALL_WORDS}|a)-(?:{DENOMINATOR_WORDS})\b)
| (?P<vague>\b(?:tens|hundreds|dozens|thousands)\s+of\s+(?:thousands|millions|billions|trillions)\b
    |\b(?:a\s+)?dozens?\b|\b(?:thousands|hundreds)\b(?=\s+of\b))
| (?P<mult>\b(?:doubled|tripled|quadrupled)\b)
| (?P<num>(?<![\w.])(?<!\d,){_DIGITS}{_SCALE_TAIL})
| (?P<word>\b(?:(?:{SMALL_WORDS})\b(?:-(?:one|two|three|four|five|six|seven|eight|nine)\b)?
    |an?(?=\s+(?:{SCALE_WORDS})\b)){_SCALE_TAIL})
| (?P<half>\bhalf\b)
""", re.I | re.X)
# Cheap scan for where a number may start; _CORE is then tried only there (10x faster).
_CANDIDATE = re.compile(rf"(?=[\dzotfsenhdqa])(?:\d|\b(?:{SMALL_WORDS}|tens|hundreds|dozens?|"
                        r"thousands|doubled|tripled|quadrupled|half|an?)\b)", re.I)
# Dates, clock times, ISO dates and year ranges: never figures.
_NOT_FIGURE_ZONES = re.compile(rf"""
  \b(?:{MONTHS})\.?\s+\d{{1,2}}\b(?:,?\s+\d{{4}})? | \b\d{{1,2}}\s+(?:{MONTHS})\b
| \b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b | \b\d{{1,2}}:\d{{2}}\b
| \b(?:1[89]|20)\d{{2}}\s*[-–/]\s*(?:(?:1[89]|20)\d{{2}}|\d{{2}})\b""", re.X)
_RANGE_JOIN = re.compile(r"\s*(?:to|–|~|-|or)\s*", re.I)
_WORD = re.compile(r"""\s*["“”‘’']?\s*([A-Za-z0-9][\w'’&-]*)["“”‘’']?""")
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
_DURATIONS = {"years", "months", "weeks", "days", "hours"}
_NUMERIC_WORD = re.compile(rf"\d|\b(?:{SCALE_WORDS})\b", re.I)
_MULT = {"doubled": 2, "tripled": 3, "quadrupled": 4}
_NOT_AFTER = {"top", "first", "last", "past", "next", "previous", "recent", "no", "phase"}
_TEMPORAL = {"in", "since", "by", "from", "to", "until", "of", "during", "before", "after",
             "year", "end", "early", "late", "mid", "and", "or", "the"}
_HUNDREDTH = re.compile(r"\s*-?(?:hundredth|thousandth|millionth|billionth)\b", re.I)
_LEVEL_AFTER = re.compile(rf"\s+(?:{SCALE_WORDS})-level\b", re.I)


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


def _measure(text: str, pos: int, kind: str) -> tuple[str, int] | None:
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


def _prev_word(text: str, start: int) -> str:
    """The word before `start` (lowercase), skipping spaces and punctuation."""
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def _rejected(text: str, start: int, end: int, kind: str) -> bool:
    """True when the number at [start, end) is a date, rank, name, model or debris."""
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    prev = _prev_word(text, start)
    if "+" in before[-1:] + after[:1] or before[-1:] in "#/" and before:
        return True
    if prev in _NOT_AFTER or prev in MONTHS.lower().split("|") or _HUNDREDTH.match(text, end):
        return True
    if re.match(r"\s+years?\s+ago\b", text[end:end + 12], re.I):
        return True
    if prev in ("a", "an", "the") and _LEVEL_AFTER.match(text, end):
        return True
    glued = after[:1].isalpha() or after[:1] == "-" and after[1:2].isalpha()
    if glued and not _measure(text, end, kind):
        return True
    if kind in ("word", "frac", "vague", "half"):
        return _spelled_rejected(text, start, end, prev, kind)
    return False


def _spelled_rejected(text: str, start: int, end: int, prev: str, kind: str) -> bool:
    """Spelled numbers in quotes, names ("Seven Stars") or anaphora ("the two") are not figures."""
    if re.search(r"[\"“‘']\s?$", text[max(0, start - 2):start]):
        return True
    if prev in ("the", "these", "those", "both", "every", "each"):
        return True
    nxt = re.match(r" ([A-Za-z])", text[end:end + 2])
    return bool(nxt and nxt.group(1).isupper())


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """Normalised qualifier before `start` and the new span start (moved only for in-span words)."""
    data = word_lists()
    window = text[max(0, start - 30):start]
    m = data["qual_re"].search(window)
    if m:
        return data["qualifiers_in_span"][m.group(1).lower()], start - len(window) + m.start(1)
    m = data["qual_out_re"].search(window)
    return (data["qualifiers_outside"][m.group(1).lower()] if m else None), start


def _value(kind: str, core: str) -> tuple[float | None, str | None]:
    """Value of a matched number core, and the unit its form implies (fractions are %)."""
    if kind in ("every", "frac", "half"):
        share = parse_fraction(core)
        return (None if share is None else share * 100), "%"
    if kind == "mult":
        return float(_MULT[core.lower()]), "times"
    return parse_number(core), None


def _is_year(core: str) -> bool:
    """A bare four-digit number that reads as a calendar year."""
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", core))


def _range_upper(text: str, end: int, start: int) -> re.Match | None:
    """The upper bound of "10% to 20%" / "one to two million", unless it is "from X to Y"."""
    if re.search(r"\bfrom\s+$", text[max(0, start - 8):start], re.I) and not re.search(
            r"\b(?:rang\w*|vary\w*|between)\s+from\s+$", text[max(0, start - 20):start], re.I):
        return None
    join = _RANGE_JOIN.match(text, end)
    if not join or join.group().strip() == "-" and join.group() != "-":
        return None
    upper = _CORE.match(text, join.end())
    if not upper or upper.lastgroup not in ("num", "word") or _is_year(upper.group()):
        return None
    return upper


def _hit_at(text: str, m: re.Match) -> tuple[FigureHit, str] | None:
    """A figure and its counted noun phrase from one number match; None if not a figure."""
    kind, core, start, end = m.lastgroup, m.group(), m.start(), m.end()
    if _rejected(text, start, end, kind):
        return None
    value, unit = _value(kind, core)
    if value is None:
        return None
    measure = _measure(text, end, kind) if unit is None else None
    upper = _range_upper(text, measure[1] if measure else end, start) if kind in ("num", "word") else None
    if upper:
        upper_measure = _measure(text, upper.end(), upper.lastgroup)
        if not measure and scale_of(core) == 1 and scale_of(upper.group()) > 1:
            value *= scale_of(upper.group())  # "one to two million": the scale is shared
        measure = upper_measure or measure
        end = upper.end()
    counted, phrase = None, ""
    if measure:
        unit, end = measure[0], max(end, measure[1])
    elif unit is None and kind in ("num", "word", "vague"):
        of = re.match(r"\s+of\b", text[end:])
        counted = head_noun(text, end + (len(of.group()) if of else 0))
        if counted:
            unit, phrase = counted[0], re.sub(r"[\"“”]", "", text[end:counted[1]]).strip()
            # a noun phrase holding another quantity ("7 trillion-level clusters") stays outside
            if not _NUMERIC_WORD.search(phrase):
                end = counted[1]
    if not _keep(text, m, kind, core, unit, counted):
        return None
    qualifier, start = _qualifier(text, start)
    if kind == "half" and qualifier is None and not re.match(r"\s+of\b", text[end:]):
        return None
    hit = FigureHit(start, end, text[start:end], value=value, unit=unit or "", qualifier=qualifier)
    return hit, re.sub(r"^of\s+", "", phrase).lower()


def _keep(text: str, m: re.Match, kind: str, core: str, unit: str | None, counted) -> bool:
    """Final judgement: years need a counted noun, bare spelled numbers need a unit."""
    if kind == "num" and _is_year(core):
        table = word_lists()["count_nouns"]
        return bool(counted) and counted[0] in table.values() and \
            _prev_word(text, m.start()) not in _TEMPORAL
    if kind == "word":
        if not unit:
            return False
        if core.lower() in ("one", "a", "an") and counted:
            return False  # "one control system", "one of": a determiner, not a count
    return True


def _attach_units(text: str, hits: list[FigureHit]) -> None:
    """Give unit-less counts the unit of "from 16 to 30 types" or "the number of X ... 10,000"."""
    for i, hit in enumerate(hits):
        if hit.unit:
            continue
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt and nxt.unit and re.fullmatch(r"[^.;,]{0,20}\bto\s+", text[hit.end:nxt.start]):
            hit.unit = nxt.unit
            continue
        prev = hits[i - 1] if i else None
        if prev and prev.unit and (re.search(r"of which\s+$", text[max(0, hit.start - 12):hit.start])
                                   or re.match(r"\s+of which\b", text[hit.end:])):
            hit.unit = prev.unit
            continue
        window = text[max(0, hit.start - 160):hit.start]
        number_of = list(re.finditer(r"\bnumber of\s", window))
        if number_of and not re.search(r"[.;]", window[number_of[-1].end():]):
            counted = head_noun(window, number_of[-1].end())
            hit.unit = counted[0] if counted else ""


def find_figures(text: str, sentences: list[tuple[int, int]]) -> list[FigureHit]:
    """Every quantitative fact in `text`, with value, unit, qualifier, metric, category and period."""
    zones = [(z.start(), z.end()) for z in _NOT_FIGURE_ZONES.finditer(text)]
    hits: list[FigureHit] = []
    last_end = 0
    phrases: list[str] = []
    for candidate in _CANDIDATE.finditer(text):
        pos = candidate.start()
        if pos < last_end or any(s <= pos < e for s, e in zones):
            continue
        m = _CORE.match(text, pos)
        found = _hit_at(text, m) if m else None
        if found:
            hits.append(found[0])
            phrases.append(found[1])
            last_end = found[0].end
    _attach_units(text, hits)
    starts = [s for s, _ in sentences]
    previous: FigureHit | None = None
    for hit, phrase in zip(hits, phrases):
        i = bisect.bisect_right(starts, hit.start) - 1
        sent = sentences[i] if i >= 0 and hit.start < sentences[i][1] else (hit.start, hit.end)
        same = previous if previous and previous.start >= sent[0] else None
        hit.metric, hit.category, hit.period = describe(text, sent, hit, same, phrase)
        previous = hit
    return hits
