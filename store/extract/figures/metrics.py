"""What a figure measures: a short metric label, a category and a period, from its sentence."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from ...models import CATEGORIES, FigureHit
from .metric_label import clause_before, metric_label
from .periods import period_of
from .words import DATA_FILE

# period_of and metric_label stay importable from here, where callers first found them.
__all__ = ["category_of", "count_units", "describe", "metric_label", "period_of"]

RATIO_UNITS = {"%", "times", "percentage points"}
MONEY_UNITS = {"yuan", "usd"}
_MONEY_CATEGORIES = {"tax", "profit", "investment", "revenue"}


@lru_cache(maxsize=1)
def count_units() -> frozenset[str]:
    """Canonical units of counted nouns (enterprises, people, projects...)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return frozenset(data["count_nouns"].values())


@lru_cache(maxsize=1)
def category_keywords() -> list[tuple[str, list[str]]]:
    """Ordered (category, keywords) pairs from data/figure_words.json."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    pairs = [(name, [w.lower() for w in words]) for name, words in data["categories"]]
    assert all(name in CATEGORIES for name, _ in pairs), "unknown category in figure_words.json"
    return pairs


_CHANGE_CATEGORIES = {"efficiency", "energy/emissions", "market share"}


def _counts_actors(hit: FigureHit) -> bool:
    """True for counts of firms or people ("4,500 employees"), not of things ("two centers")."""
    return not hit.unit or hit.unit in ("enterprises", "people", "jobs")


def category_of(hit: FigureHit, contexts: list[str], growth_form: bool) -> str:
    """One of CATEGORIES for a figure: the first context (metric first) with a keyword decides."""
    if hit.unit in ("enterprises", "people") and not any(
            w in contexts[0].lower() for w in ("output", "export", "investment")):
        return {"enterprises": "enterprises", "people": "employment"}[hit.unit]
    found = _keyword_category(hit, contexts, growth_form)
    # "exports rose 6.8 percent" is growth; efficiency and energy gains stay what they are.
    if growth_form and hit.unit in RATIO_UNITS and found not in _CHANGE_CATEGORIES:
        return "growth"
    return found


def _keyword_category(hit: FigureHit, contexts: list[str], growth_form: bool) -> str:
    """The first category whose keyword occurs in the contexts (figure and metric first)."""
    counted = not hit.unit or hit.unit in count_units()
    for index, context in enumerate(contexts):
        text = context.lower()
        for name, words in category_keywords():
            if name in ("growth", "market share") and hit.unit not in RATIO_UNITS:
                continue
            if name == "growth" and not growth_form or name == "market share" and hit.unit != "%":
                continue
            # A count of things ("two research centers") is not employment because the clause
            # also names employees: only its own words may make it a count of firms or people.
            actors = counted and (_counts_actors(hit) or index == 0)
            if name in _MONEY_CATEGORIES and hit.unit not in MONEY_UNITS or \
                    name in ("enterprises", "employment") and not actors:
                continue
            if any(w in text for w in words):
                return name
    return "other"


# A change rather than a level: "increased by 6%", "up 7.4%", "7.4% year on year".
_GROWTH_BEFORE = re.compile(r"(?:\bby|increase of|growth of|rate of|decline of|\bup|\bdown|rising|"
                            r"falling|rose|grew|jumped|surged|\brises?|\bgrows?|\bfalls?|\bdrops?|"
                            r"\bclimbed|\bdropped|\bfell)\s+(?:an average of\s+)?$")
_GROWTH_AFTER = re.compile(r"\s*(?:year-on-year|year on year|from a year (?:earlier|ago)|"
                           r"over the same period|(?:increase|rise|growth|decline|decrease|drop)\b)")


def _tidy(label: str) -> str:
    """A label without dangling brackets or quotes ("food)" -> "food")."""
    label = label.strip(" ,;:'\"“”‘’")
    if label.count("(") != label.count(")"):
        label = label.replace("(", "").replace(")", "")
    return label.strip()


def describe(text: str, sentence: tuple[int, int], hit: FigureHit,
             previous: FigureHit | None, noun_phrase: str = "") -> tuple[str, str, str | None]:
    """(metric, category, period) for a figure from its sentence span over `text`."""
    s0, s1 = sentence
    body = text[s0:s1]
    start, end = hit.start - s0, hit.end - s0
    metric = _tidy(metric_label(body, start, end, hit, previous, noun_phrase))
    clause = clause_before(body, start)
    right = body[end:end + 60]
    growth_form = bool(_GROWTH_BEFORE.search(clause) or _GROWTH_AFTER.match(right)
                       or hit.unit == "times")
    category = category_of(hit, [f"{hit.text} {metric}", clause, right[:30]], growth_form)
    return metric, category, period_of(body, start, end)
