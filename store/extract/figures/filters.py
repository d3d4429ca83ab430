"""Decide whether a number match is a figure, or a date, rank, name, model or debris."""
from __future__ import annotations

import re

from .numbers import SCALE_WORDS, scale_of
from .vocabulary import vocabulary
from .words import head_noun, measure_after

_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
# "the 1st three quarters", "the 1 st stage": a digit ordinal right before reads as "first".
_PREV_ORDINAL = re.compile(r"\d\s?(?:st|nd|rd|th)\s+$", re.I)
_NOT_AFTER = {"top", "first", "last", "past", "next", "previous", "recent", "no", "phase"}
_TEMPORAL = {"in", "since", "by", "from", "to", "until", "of", "during", "before", "after",
             "year", "end", "early", "late", "mid", "and", "or", "the"}
_HUNDREDTH = re.compile(r"\s*-?(?:hundredth|thousandth|millionth|billionth)\b", re.I)
_LEVEL_AFTER = re.compile(rf"\s+(?:{SCALE_WORDS})-level\b", re.I)


def _prev_word(text: str, start: int) -> str:
    """The word before `start` (lowercase), skipping spaces and punctuation."""
    if _PREV_ORDINAL.search(text, max(0, start - 8), start):
        return "first"
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def rejected(text: str, start: int, end: int, kind: str) -> bool:
    """True when the number at [start, end) is a date, rank, name, model or debris."""
    before, after = text[max(0, start - 2):start], text[end:end + 2]
    prev = _prev_word(text, start)
    if "+" in before[-1:] + after[:1] or before[-1:] in "#/" and before:
        return True
    if re.search(r"[A-Za-z]-$", before):
        return True  # "COVID-19", "MH-17": the number is part of a name or code
    if prev in _NOT_AFTER and not _is_size(text, end, kind) or prev in vocabulary().month_number \
            or _HUNDREDTH.match(text, end):
        return True  # "top 10", "first 3" are ranks; "its first 27,500-cubic-meter carrier" is a size
    if re.match(r"\s+years?\s+ago\b", text[end:end + 12], re.I):
        return True
    label = re.search(r"\b([A-Za-z]+) $", text[max(0, start - 20):start])
    if re.match(r"\s?(?:st|nd|rd|th)\b", text[end:end + 4]) or label and label.group(1).lower() in vocabulary().label_nouns:
        return True  # "the 1 st stage", "railway line 10": an ordinal or a label, not a quantity
    code_tail = re.search(r"\d-$", text[max(0, start - 2):start]) and re.fullmatch(r"\d{5,}", text[start:end])
    if re.fullmatch(r"0\d{2,}", text[start:end]) or re.match(r"-\d{5,}", text[end:end + 6]) or code_tail:
        return True  # a phone or code number ("0757-22831234"), not a quantity
    if prev in ("a", "an", "the") and _LEVEL_AFTER.match(text, end):
        return True
    glued = after[:1].isalpha() or after[:1] == "-" and after[1:2].isalpha()
    if glued and not measure_after(text, end, kind):
        return True
    if kind in ("word", "frac", "vague", "half"):
        return _spelled_rejected(text, start, end, prev, kind)
    return False


def _is_size(text: str, end: int, kind: str) -> bool:
    """A measure that is not a length of time follows ("first 27,500-cubic-meter", not "past three years")."""
    measure = measure_after(text, end, kind)
    families = vocabulary().unit_families
    return bool(measure) and families.get(measure.unit, ("",))[0] != "duration"


def _spelled_rejected(text: str, start: int, end: int, prev: str, kind: str) -> bool:
    """Spelled numbers in quotes, names ("Seven Stars") or anaphora ("the two") are not figures."""
    if re.search(r"[\"“‘']\s?$", text[max(0, start - 2):start]):
        return True
    if prev in ("the", "these", "those", "both", "every", "each"):
        return True
    nxt = re.match(r" ([A-Za-z])", text[end:end + 2])
    if not (nxt and nxt.group(1).isupper()):
        return False
    counted = head_noun(text, end)  # "eight ABB subsidiaries" counts; "Seven Stars" is a name
    return not (counted and text[counted[1] - 1].islower() and text[counted[1] - len(counted[0]):counted[1]].islower())


def is_year(core: str) -> bool:
    """A bare four-digit number that reads as a calendar year."""
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", core))


# "Fortune Global 500", "Route 105", "Top 100" (but "RMB 5 billion" is money)
_NAME_BEFORE = re.compile(r"\b(?!(?:RMB|CNY|USD|EUR) )[A-Z][A-Za-z]+ $")
_AGE = re.compile(r"\b[A-Z][a-z]+,\s*$")  # "Liang, 84," (not "by 30, 22, and 20")


def is_name_or_age(text: str, start: int, end: int) -> bool:
    """A bare number that is part of a name ("Global 500") or a person's age ("Liang, 84,")."""
    if _NAME_BEFORE.search(text, max(0, start - 30), start):
        return True
    return bool(_AGE.search(text, max(0, start - 30), start)) and text[end:end + 1] == "," or \
        bool(re.match(r"\s*(?:-year-old|years old)\b", text[end:end + 12]))


def keep(text: str, m: re.Match, kind: str, core: str, unit: str | None, counted) -> bool:
    """Final judgement: years need a counted noun, bare spelled numbers need a unit."""
    if kind == "num" and not unit and is_name_or_age(text, m.start(), m.end()):
        return False
    if kind == "num" and is_year(core) and not (unit and counted is None):
        units = {noun.unit for noun in vocabulary().count_nouns.values()}
        return bool(counted) and counted[0] in units and \
            _prev_word(text, m.start()) not in _TEMPORAL
    if kind == "word":
        if not unit:
            return scale_of(core) > 1  # "reach over ten billion": a scaled amount, unit unsaid
        if core.lower() in ("a", "an") and counted or core.lower() == "one" and counted \
                and not _counts_one(text, m.start(), counted[0]):
            return False  # "one control system", "one of": a determiner, not a count
    return True


def _counts_one(text: str, start: int, unit: str) -> bool:
    """ "one" counts when it counts firms, people or projects, or follows "only"/"just"."""
    if _prev_word(text, start) in ("only", "just"):
        return True
    return unit in {n.unit for n in vocabulary().count_nouns.values() if n.category in vocabulary().count_only}
