"""Whether a figure is a fact (actual), a target or forecast (plan), or the bound that defines a group
(threshold: "enterprises with revenue above 20 million yuan")."""
from __future__ import annotations

import re
from functools import lru_cache

from ...models import FigureHit
from .numbers import SMALL_WORDS
from .periods import PeriodPhrase
from .vocabulary import alternation, vocabulary

# "in five years", "within a decade", "in the next three years": a time still to come.
_FUTURE_SPAN = re.compile(rf"^[^.;]{{0,40}}?\b(?:in|within|over)\s+(?:the\s+(?:next|coming)\s+)?"
                          rf"(?:an?|\d+|{SMALL_WORDS})\s+(?:years?|decades?)\b", re.I)
# Where a plan word stops governing: a new sentence part in brackets or after a semicolon.
_PLAN_SCOPE_CUT = re.compile(r"[;(]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """(plan words, a group noun with its defining bound before a number, words naming a measure)."""
    vocab = vocabulary()
    cmp = alternation(vocab.comparatives)
    group = re.compile(rf"""(?:^|\s)(?P<count>\d[\d,.]*\s+|(?:{SMALL_WORDS})\s+)?(?:[\w-]+\s+){{0,3}}?
                            (?P<noun>[A-Za-z][\w-]*[A-Za-z])\s+
                            (?:(?:with|having)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,5}}?(?:of\s+)?)?
                            (?:{cmp})\s*$""", re.I | re.X)
    measures = frozenset(w for name, words in vocab.category_keywords
                         if name not in vocab.count_only for w in words)
    return vocab.plan_re, group, measures


def is_threshold(left: str) -> bool:
    """True when the words before a number (qualifier included) make it the bound of a group:
    a group noun, maybe a 'with ...' phrase, then a comparative ("27 enterprises with more than",
    "projects exceeding", "furnaces over"). A finite verb ("exceeds") or a measure noun ("exports
    over") before the bound makes it a fact about the subject instead."""
    tail = left[-160:].rsplit(None, 1)
    if not tail or tail[-1].lower() not in _bound_endings():
        return False  # the group pattern tries every character; most left contexts cannot end in a bound
    _, group, measures = _patterns()
    m = group.search(left[-160:])  # a group noun and its bound sit right before the number
    if not m:
        return False
    noun = m.group("noun").lower()
    vocab = vocabulary()
    if noun in vocab.np_stop or noun in vocab.verbs or any(w in noun for w in measures):
        return False
    plural = noun.endswith("s") and not noun.endswith(("ss", "us")) and noun not in _VERB_FORMS
    counted = noun in vocab.count_nouns and bool(m.group("count"))  # "1 enterprise with ... above"
    return plural or counted


@lru_cache(maxsize=1)
def _bound_endings() -> frozenset[str]:
    """The last words a comparative can end with ("than", "over", "least", "of")."""
    return frozenset(c.split()[-1].lower() for c in vocabulary().comparatives)


# Third-person verbs that look like plural nouns before a bound ("exceeds", "reaches").
_VERB_FORMS = frozenset({"exceeds", "reaches", "has", "is", "was", "does", "remains", "totals", "tops",
                         "hits", "stands", "surpasses", "amounts", "covers", "holds", "accounts"})


@lru_cache(maxsize=1)
def _counted_units() -> frozenset[str]:
    """Units of counted nouns: a count is never a group's bound here."""
    return frozenset(n.unit for n in vocabulary().count_nouns.values())


def _plan_cue(sentence: str, start: int, end: int) -> bool:
    """A plan word before the figure in its part of the sentence, or a future span after it."""
    plan, _, _ = _patterns()
    scope = sentence[:start]
    cuts = list(_PLAN_SCOPE_CUT.finditer(scope))
    if cuts:
        scope = scope[cuts[-1].end():]
    return bool(plan.search(scope) or _FUTURE_SPAN.match(sentence[end:]))


def status_of(sentence: str, start: int, end: int, hit: FigureHit, period: PeriodPhrase | None,
              present_year: int | None, chained: FigureHit | None, dated: bool = True) -> str:
    """'threshold', 'plan' or 'actual' for the figure at [start, end) of its sentence.

    `chained` is the figure this one describes ("2.15 billion yuan, up 47.56%"): it shares its status.
    A plan word does not make a figure a plan when its period is already past ("in 2022 the added
    value will increase by 10.7%", said in 2024; in an undated article, a year no later than the
    latest it reports); a deadline ("by 2025") makes it one when it is not. A bound is a count's
    size class only in money or a measure ("27 enterprises with more than 100 million yuan").
    """
    if hit.unit not in _counted_units() and is_threshold(sentence[:start] + _qualifier_text(hit)):
        return "threshold"
    if chained is not None:
        return chained.status
    past = period is not None and present_year is not None and period.last_year is not None \
        and (period.last_year < present_year or not dated and period.last_year == present_year)
    if past:
        return "actual"
    if period is not None and period.target or _plan_cue(sentence, start, end):
        return "plan"
    return "actual"


_NUMBER_START = re.compile(rf"((?:[A-Za-z]+\s+)*?)(?=[\d$¥€£]|US\$|RMB|(?:{SMALL_WORDS}|an?|half|tens|hundreds|"
                           rf"thousands|dozens?)\b)", re.I)


def _qualifier_text(hit: FigureHit) -> str:
    """The qualifier words the figure's span starts with ("more than "), or ''."""
    m = _NUMBER_START.match(hit.text)
    return m.group(1) if m else ""
