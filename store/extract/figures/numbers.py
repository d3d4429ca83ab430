"""Number phrases to plain values: "8.88 billion" → 8880000000, "seven-tenths" → 0.7."""
from __future__ import annotations

import re

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Vague plurals: "tens of millions" is read as its lower bound, 10 × 1,000,000.
VAGUE = {"tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
         "dozens": 24, "trillions": 1e12}
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
}
SMALL_WORDS = "|".join(sorted(SMALL, key=len, reverse=True))
SCALE_WORDS = "hundred|thousand|million|billion|trillion"
DENOMINATOR_WORDS = "|".join(sorted(DENOMINATORS, key=len, reverse=True))

_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+")
_EVERY = re.compile(r"^(\S+)\s+(?:.*\s)?(?:of|for|in)\s+every\s+(\S+)", re.I)


def _token_value(token: str) -> float | None:
    """A single digit string or number word as a value."""
    if token[0].isdigit():
        return float(token)
    return float(SMALL[token]) if token in SMALL else None


def parse_number(phrase: str) -> float | None:
    """Value of a number phrase: "1,042", "8.88 billion", "a thousand", "tens of millions"."""
    text = _THOUSANDS_COMMA.sub("", phrase.lower())
    total, current, seen = 0.0, 0.0, False
    for token in _TOKEN.findall(text):
        value = _token_value(token)
        if value is not None:
            current, seen = current + value, True
        elif token in ("a", "an"):
            current, seen = max(current, 1.0), True
        elif token == "dozen":
            current, seen = (current or 1.0) * 12, True
        elif token in ("hundred", "hundreds") or token in VAGUE and VAGUE[token] < 1e3:
            current, seen = (current or 1.0) * (100 if token.startswith("hundred") else VAGUE[token]), True
        elif token in SCALES or token in VAGUE:
            total += (current or 1.0) * SCALES.get(token, VAGUE.get(token, 1.0))
            current, seen = 0.0, True
        elif token not in ("of", "and"):
            return None
    return total + current if seen else None


def parse_fraction(phrase: str) -> float | None:
    """Share as a fraction of one: "one-half" → 0.5, "seven-tenths" → 0.7, "1 of every 10" → 0.1."""
    text = phrase.strip().lower()
    every = _EVERY.match(text)
    if every:
        part, whole = parse_number(every.group(1)), parse_number(every.group(2))
        return part / whole if part is not None and whole else None
    words = re.split(r"[\s-]+", text)
    if words[-1] not in DENOMINATORS:
        return None
    count = parse_number(" ".join(words[:-1])) if len(words) > 1 else 1.0
    return count / DENOMINATORS[words[-1]] if count is not None else None


def scale_of(phrase: str) -> float:
    """The multiplier a phrase's trailing scale word carries ("2 million" → 1e6), else 1."""
    words = _TOKEN.findall(phrase.lower())
    factor = 1.0
    for word in reversed(words):
        if word in SCALES:
            factor *= SCALES[word]
        elif word == "hundred":
            factor *= 100
        else:
            break
    return factor
