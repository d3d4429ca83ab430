"""What a figure measures: one of the gold categories (output, sales, tax, market_share, ...).

The measured noun decides, nearest first: the noun a count counts ("114 enterprises"), the figure's
metric label, the clause before it, the words after it. A share is a share *of something*: of a
market (national, world) it is a market share; else what the part or the whole is ("18.4% of the
city's tax revenue" is tax). A change ("up 7.4%") measures what the figure it follows measures.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from ...models import FigureHit
from .noun_phrase import noun_head
from .vocabulary import CountNoun, vocabulary

# "of X" after a share, past any other items of its list: "60%, 50% and 50% of the province's capacity"
_WHOLE = re.compile(r"^(?:\s*(?:,|and|or)\s*(?:about\s+|nearly\s+|more\s+than\s+)?[\d.,]+\s*(?:%|percent)?)*"
                    r"(?:\s+(?:share|shares))?\s+(?:of|in)\s+([^,;.()]{1,80})", re.I)
# A destination: "exported to / supplying products to more than 60 countries".
_DESTINATION = re.compile(r"\bto\s*$", re.I)


@lru_cache(maxsize=1)
def _noun_categories() -> Mapping[str, CountNoun]:
    """Canonical count unit -> its counted noun, for nouns whose category the data file gives."""
    return {noun.unit: noun for noun in vocabulary().count_nouns.values() if noun.category}


def keyword_category(text: str, allowed=None) -> str | None:
    """The first category (in the data file's precedence) with a keyword in `text`, if any."""
    low = text.lower()
    for name, words in vocabulary().category_keywords:
        if (allowed is None or name in allowed) and any(w in low for w in words):
            return name
    return None


def _allowed(unit: str, kind: str) -> frozenset[str]:
    """Categories a figure of this unit and kind can take: money-only ones need money, and counts of
    firms, people or projects need a count (a percentage change may measure anything)."""
    vocab = vocabulary()
    every = frozenset(name for name, _ in vocab.category_keywords)
    if kind != "level":
        return every
    if unit in vocab.currencies:
        return every - vocab.count_only
    if not unit:  # no unit said: "an investment of nearly 3.2 billion" may be money or a count
        return every
    counted = unit in {n.unit for n in vocab.count_nouns.values()}
    return every - vocab.money_only - (frozenset() if counted else vocab.count_only)


def _whole(right: str) -> str:
    """The whole a share is of: "of the city's tax revenue" after it (past the rest of its list)."""
    m = _WHOLE.match(right)
    return m.group(1) if m else ""


def _share_category(clause: str, right: str, hit: FigureHit, chained: FigureHit | None) -> str | None:
    """A share's category: a market share when the whole is a market, else the part's or whole's."""
    whole = _whole(right)
    words = set(re.findall(r"[a-z']+", whole.lower()))
    whole = noun_head(whole, 6)  # "Weifang enterprises are champions in ..." -> "weifang enterprises"
    every = "every" in hit.text.lower() and set(re.findall(r"[a-z']+", right[:80].lower()))
    if keyword_category(clause + " " + whole, {"market_share"}) or words & vocabulary().market_wholes \
            or every and every & vocabulary().market_wholes:
        return "market_share"
    return keyword_category(clause) or (chained.category if chained else None) or keyword_category(whole)


def _own_words(hit: FigureHit, kind: str, phrase: str, clause: str, right: str, left: str) -> str | None:
    """The category a figure's own words give: the noun it counts, the whole it is a share of;
    `left` is the sentence before it (a project named before a comma: "the project, worth ...")."""
    vocab = vocabulary()
    noun = _noun_categories().get(hit.unit)
    if noun is not None:
        return (noun.phrase_decides and keyword_category(phrase, _allowed(hit.unit, kind))) or noun.category
    if hit.unit == "countries" and _DESTINATION.search(clause):
        return "exports"
    if hit.unit in vocab.unit_categories and keyword_category(hit.text):
        return keyword_category(hit.text)  # "9 million kWh": the unit itself says what is measured
    if hit.unit in vocab.currencies and kind == "level" and (
            _PROJECT_BEFORE.search(left) or _is_modifier(hit, right) and re.search(r"\bprojects?\b", noun_head(right, 10))):
        return "investment"  # a project's money is its investment
    if hit.unit in vocab.unit_families and vocab.unit_families[hit.unit][0] == "duration":
        return keyword_category(f"{phrase} {clause} {right}", {"efficiency"}) or "other"
    if hit.unit in vocab.unit_categories and _is_modifier(hit, right):
        return vocab.unit_categories[hit.unit]  # "a 20,000-ton smelting line", "126 kV switchgear": a spec
    return keyword_category(phrase, _allowed(hit.unit, kind)) if phrase else None


# A measure used as a modifier: the number and unit followed straight by the noun they describe.
_MODIFIER = re.compile(r"\s*([a-z][a-z-]+)\b", re.I)


def _is_modifier(hit: FigureHit, right: str) -> bool:
    """ "a 20,000-ton line", "5 nanometer powder", "126 kV switchgear": a measure before its noun
    (hyphenated, or a singular unit after a number other than one)."""
    m = _MODIFIER.match(right)
    if not m or m.group(1).lower() in vocabulary().np_stop:
        return False
    return bool(re.search(r"\d-[A-Za-z]", hit.text)) or hit.value != 1 and not hit.text.endswith("s")
# "... 2 million yuan in energy costs": the phrase after the figure names what it is.
_NAMED_AFTER = re.compile(r"\s+(?:in|of|on)\s+(.*)", re.I)
# A sentence whose subject points back ("These numbers have...", "By the end of July, it was ...").
_ANAPHOR = re.compile(r"\W*(?:(?:by|in|from|during|since|as\s+of)\b[^,]{0,40},\s*)?"
                      r"(?:(?:these|those)\s+(?:numbers|figures|data|totals)|it|they|this|that)\b", re.I)
# A project's money: "a 500-million-yuan investment project", "the project, worth 500 million yuan".
_PROJECT_BEFORE = re.compile(r"\bprojects?\b[^.;]{0,12}?\bworth(?:\s+of)?\s*$", re.I)
# The verb right before a figure ("invested 150 million yuan in a line", "exported 300,000 units").
_GOVERNING = re.compile(r"\b([a-z]+(?:ed|s))\s+(?:a\s+total\s+of\s+|about\s+|nearly\s+|some\s+)?$", re.I)
_REDUCTION = re.compile(r"\b(?:reduc\w*|cut|cuts|lower\w*|shorten\w*|sav\w*|decreas\w*)\b", re.I)


def category_of(hit: FigureHit, kind: str, contexts: tuple[str, ...], chained: FigureHit | None,
                listed: FigureHit | None, changed: FigureHit | None = None,
                antecedent: FigureHit | None = None) -> str:
    """One of CATEGORIES for a figure.

    `contexts` are, nearest first: its counted noun phrase, metric label, the clause before it,
    the words after it and the whole sentence before it. `chained` is the figure it describes
    ("…, up 5%"), `listed` the figure before it in one list of the same unit, `changed` for a
    change the level figure before it in the sentence (what changed, when no word says);
    `antecedent` the last figure of the sentence before, which a pronoun subject refers to
    ("These numbers have increased by 30").
    """
    phrase, metric, clause, right, sentence = contexts
    if kind == "share":
        return _share_category(clause, right, hit, chained) or (listed.category if listed else "other")
    own = _own_words(hit, kind, phrase, clause, right, sentence)
    if own:
        return own
    if listed is not None:
        return listed.category
    if kind == "change" and chained is not None:
        return chained.category
    allowed = _allowed(hit.unit, kind)
    named = _NAMED_AFTER.match(right)
    verb = _GOVERNING.search(clause)
    found = (verb and keyword_category(verb.group(1), allowed)) \
        or (named and keyword_category(noun_head(named.group(1), 8), allowed)) \
        or keyword_category(clause, allowed) or keyword_category(metric, allowed)
    fallback = vocabulary().fallback_category(hit.unit)
    found = found or fallback or keyword_category(right, allowed)
    if found:
        return found
    if kind == "change":
        if changed is not None:
            return changed.category
        if _REDUCTION.search(clause):
            return "efficiency"  # "the dead weight is reduced by 15%": a technical gain
    if antecedent is not None and _ANAPHOR.match(sentence):
        return antecedent.category
    counted = hit.unit and hit.unit not in vocabulary().currencies and hit.unit != "%"
    return "other" if counted else keyword_category(sentence, allowed) or "other"
