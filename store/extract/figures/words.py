"""What the words around a number say: its measure unit, its counted noun and its qualifier."""
from __future__ import annotations

import re
from typing import NamedTuple

from .vocabulary import vocabulary

_WORD = re.compile(r"""\s*["“”‘’']?\s*([A-Za-z0-9][\w'’&-]*)["“”‘’']?""")
_DURATIONS = {"years", "months", "weeks", "days", "hours"}


class Measure(NamedTuple):
    """A measure unit after a number: canonical unit, where it ends, the scale it carries."""

    unit: str
    end: int
    factor: float = 1.0


def measure_after(text: str, pos: int, kind: str) -> Measure | None:
    """The measure unit right after a number at `pos` ("14.86mt" carries a scale of a million)."""
    vocab = vocabulary()
    m = vocab.measure_re.match(text, pos)
    if not m:
        return None
    sep, surface = m.group("sep"), m.group("unit")
    if sep == "" and surface not in vocab.glued and surface[0].isalpha():
        return None
    key = re.sub(r"[\s-]+", " ", surface.lower())
    unit = vocab.measures[key]
    if sep == "-" and (not surface[0].islower() or unit in _DURATIONS):
        return None  # "Five-Year Plan", "three-year action plan": names and adjectives
    if "of" in sep and kind != "vague":
        return None
    return Measure(unit, m.end(), vocab.measure_scales.get(key, 1.0))


def head_noun(text: str, pos: int, limit: int = 8) -> tuple[str, int] | None:
    """The counted noun after a number ("114 crane manufacturing enterprises"), as (unit, end)."""
    vocab = vocabulary()
    stop, table = vocab.np_stop, vocab.count_nouns
    fallback, soft = None, False
    for _ in range(limit):
        m = _WORD.match(text, pos)
        if not m:
            break
        word = m.group(1).lower()
        if re.fullmatch(r"[\d,.]+", word):
            if re.search(r"\btop\s+$", text[max(0, pos - 5):m.start(1)], re.I):
                pos = m.end()
                continue  # "seven of China's top 10 magnet makers": a rank inside the noun phrase
            break
        noun = table.get(word)
        if noun is None and not word.endswith("s") and word + "s" in table and _ends_phrase(text, m.end()):
            noun = table[word + "s"]  # "one worker on the line" (not "50,000 vehicle motors")
        if noun is not None:
            return noun.unit, m.end(1)
        if word in stop:
            break
        if word in ("and", "or"):
            soft = True
        elif not soft:
            plural = word.endswith("s") and not word.endswith(("ss", "'s", "’s"))
            if fallback and not plural:
                break  # "57 bakeries along the canal": the plural before it was the head
            fallback = (word, m.end(1)) if plural else None
        pos = m.end()
    return fallback


def _ends_phrase(text: str, pos: int) -> bool:
    """True when no further noun follows `pos` (punctuation, the end, or a stop word)."""
    m = _WORD.match(text, pos)
    return not m or m.group(1).lower() in vocabulary().np_stop or not re.match(r"\s*[\w\"“]", text[pos:pos + 3])


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """Normalised qualifier before `start` and the new span start (moved only for in-span words)."""
    vocab = vocabulary()
    window = text[max(0, start - 30):start]
    m = vocab.qualifier_re.search(window)
    if m:
        return vocab.qualifiers_in_span[" ".join(m.group(1).lower().split())], start - len(window) + m.start(1)
    m = vocab.outside_qualifier_re.search(window)
    return (vocab.qualifiers_outside[" ".join(m.group(1).lower().split())] if m else None), start


def currency_before(text: str, start: int) -> tuple[str, int] | None:
    """A currency symbol or code right before a number ("$", "US$ ", "RMB"), as (unit, its start)."""
    vocab = vocabulary()
    m = vocab.currency_re.search(text, max(0, start - 6), start)
    return (vocab.currency_symbols[m.group(1)], m.start()) if m else None
