"""What a figure measures: a short metric label, a category and a period, from its sentence."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .models import CATEGORIES, FigureHit

DATA_FILE = Path(__file__).with_name("data") / "figure_words.json"
RATIO_UNITS = {"%", "times", "percentage points"}
MONEY_UNITS = {"yuan", "usd"}
_MONEY_CATEGORIES = {"tax", "profit", "investment", "revenue"}
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
_PERIOD = re.compile(rf"""
  (?:\b(?:from|between)\s+)?\b(?P<months>(?:{MONTHS})\s+(?:to|-|and)\s+(?:{MONTHS})
      (?:\s+(?:of\s+)?(?:this|last|next)\s+year|,?\s+\d{{4}})?)
| \b(?P<part>(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:half|quarter|three\s+quarters|
      two\s+quarters|\w+\s+months)(?:\s+of\s+(?:\d{{4}}|this\s+year|last\s+year))?)
| \b(?P<plan>(?:the\s+)?["“]?[\w-]+\s+Five-Year\s+Plan["”]?(?:\s+period)?)
| \b(?:by\s+the\s+end\s+of\s+)(?P<end>\d{{4}})
| \b(?P<target>by\s+(?:19|20)\d{{2}})
| \b(?:in|during|since|for|of)\s+(?P<year>(?:19|20)\d{{2}})\b(?!\s*-)
| \b(?P<year_start>(?:19|20)\d{{2}}),
| \b(?P<relative>(?:this|last|next)\s+year|the\s+past\s+\w+\s+years|in\s+recent\s+years)\b
""", re.I | re.X)
_CLAUSE_CUT = re.compile(r"[;:(]|,\s|\s—|—|\bwhile\b|\bwhereas\b|\band\s+(?=\w+\s+(?:has|have|is|are|was|were)\b)")
_OF_BEFORE = re.compile(r"([\w'’&\"“”-]+(?:\s+[\w'’&\"“”-]+){0,6})\s+of\s+(?:(?:an?|the)\s+)?"
                        r"(?:average\s+of\s+)?$")
_VERB_BEFORE = re.compile(
    r"^(?P<np>.*?)\s+(?:(?:has|have|had|will|is|are|was|were|been|be|being|continued|continues|"
    r"expected|is\s+expected|to|already|also|further|jointly|successively|fully|respectively|"
    r"only|can|could|generally)\s+)*"
    r"(?P<verb>\w+)\s+(?:by\s+(?:an\s+average\s+of\s+)?|to\s+|at\s+|from\s+)?$", re.I)
_VERB_OBJECT = re.compile(
    r"\b(?P<verb>increase[sd]?|reduce[sd]?|raise[sd]?|cut|improve[sd]?|extend(?:s|ed)?|"
    r"shorten(?:s|ed)?|boost(?:s|ed|ing)?|lower(?:s|ed)?)\s+(?P<np>[\w'’ -]+?)\s+(?:by|to)\s+$", re.I)
_OUTSIDE_QUALIFIER = re.compile(r"\b(?:as high as|a maximum of|an average of|only|a minimum of)\s*$",
                                re.I)
_CHANGE = {"increase": ("increase", "increased", "increases", "rose", "risen", "grew", "grown",
                        "jump", "jumped", "doubled", "raised", "raises", "improved", "improves",
                        "extend", "extends", "extended", "boosts", "boosted", "boosting"),
           "reduction": ("reduced", "reduces", "reduce", "decreased", "fell", "dropped", "declined",
                         "shortened", "shortens", "cut", "lowered", "lowers", "decline", "drop")}
_GENERIC_NP = {"total", "team", "group", "number", "average", "maximum", "minimum", "batch",
               "series", "scale", "value", "amount", "one", "each", "range", "rate", "level"}
# Past participles that are modifiers in these texts, not verbs ("added value").
_ED_MODIFIERS = {"added", "advanced", "designated", "integrated", "specialized", "regulated",
                 "listed", "estimated", "related", "based", "skilled", "signed", "automated",
                 "registered", "red", "bed", "shed"}
_MORE_VERBS = {"come", "comes", "came", "born", "find", "produce", "provide", "save", "make",
               "made", "help", "get", "got", "put", "become", "became", "remain", "reach",
               "reaches", "said", "says", "build", "built", "won", "hit"}


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Words that end a noun phrase: the data file's list plus common verbs."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return (frozenset(data["np_stop"]) | _MORE_VERBS | {"and"}) - {"per", "year-on-year"}  # "revenue per mu"


@lru_cache(maxsize=1)
def count_units() -> frozenset[str]:
    """Canonical units of counted nouns (enterprises, people, projects...)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return frozenset(data["count_nouns"].values())


def _is_stop(word: str) -> bool:
    """True for a word that cannot sit inside a metric noun phrase."""
    w = word.lower().strip("\"“”'’,")
    return not w or w in _stop_words() or w.endswith("ed") and w not in _ED_MODIFIERS \
        or w[0].isdigit()


def _noun_tail(phrase: str, limit: int = 5) -> str:
    """The noun phrase that ends `phrase` ("it achieved above-scale sales revenue" → the last three)."""
    words = phrase.replace("’", "'").split()
    kept: list[str] = []
    for word in reversed(words):
        if _is_stop(word) and not (word.lower() == "and" and kept and len(kept) < 3):
            break
        kept.insert(0, word)
    kept = [w for w in kept[-limit:]]
    while kept and kept[0].lower() == "and":
        kept.pop(0)
    tail = " ".join(kept).strip("\"“”'’,").lower()
    return re.sub(r"^\S+'s\s+", "", tail)


def _noun_head(phrase: str, limit: int = 5) -> str:
    """The noun phrase that starts `phrase` ("shield machines in the market" → "shield machines")."""
    kept = []
    for word in phrase.split()[:limit]:
        if _is_stop(word) and kept or word.lower() in ("in", "from", "are", "is"):
            break
        if not _is_stop(word):
            kept.append(word)
        if word[-1] in ",;.":
            break
    return " ".join(kept).strip("\"“”'’,.;").lower()


@lru_cache(maxsize=1)
def category_keywords() -> list[tuple[str, list[str]]]:
    """Ordered (category, keywords) pairs from data/figure_words.json."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    pairs = [(name, [w.lower() for w in words]) for name, words in data["categories"]]
    assert all(name in CATEGORIES for name, _ in pairs), "unknown category in figure_words.json"
    return pairs


@lru_cache(maxsize=512)
def _periods(sentence: str) -> list[tuple[int, str]]:
    """Every period phrase in a sentence as (offset, text); cached since figures share sentences."""
    return [(m.start(), next(g for g in m.groups() if g)) for m in _PERIOD.finditer(sentence)]


def period_of(sentence: str, at: int) -> str | None:
    """The time period a sentence states for the figure at offset `at` (nearest, earlier first)."""
    found = _periods(sentence)
    before = [f for f in found if f[0] < at]
    pick = before[-1] if before else (found[0] if found else None)
    return " ".join(pick[1].strip("\"“” ").split()) if pick else None


def _clause_before(sentence: str, at: int) -> str:
    """Text of the clause that leads up to offset `at` in the sentence."""
    left = sentence[:at]
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(left) if not re.match(r"\d", left[m.end():m.end() + 1])]
    return left[cuts[-1]:] if cuts else left


def _change_word(verb: str) -> str | None:
    """ "increase" / "reduction" for a change verb, else None."""
    return next((noun for noun, verbs in _CHANGE.items() if verb.lower() in verbs), None)


def _subject_metric(np: str) -> str:
    """Metric from a clause subject: "the production efficiency of X" → "production efficiency"."""
    head, _, rest = np.partition(" of ")
    head = re.split(r"\s+(?:in|at|on|for|since|during)\s+", head)[0]
    label = _noun_tail(head)
    generic = not label or label.split()[-1] in _GENERIC_NP
    return _noun_tail(rest) if generic and rest else label


def metric_label(sentence: str, start: int, end: int, hit: FigureHit,
                 previous: FigureHit | None, noun_phrase: str = "") -> str:
    """A short label of what the figure at [start, end) of the sentence measures."""
    clause = _OUTSIDE_QUALIFIER.sub("", _clause_before(sentence, start)).rstrip()
    clause = clause + " " if clause else ""
    right = sentence[end:end + 80]
    of_match = _OF_BEFORE.search(clause)
    np_of = _noun_tail(of_match.group(1)) if of_match else ""
    share = re.match(r"\s+of\s+(.*)", right)
    if "every" in hit.text.lower():
        return "share of " + _noun_head(right)
    if hit.unit == "%" and share and (re.search(r"account|share", clause, re.I) or not np_of):
        return "share of " + (_noun_head(share.group(1)) or "total")
    if np_of and np_of not in _GENERIC_NP:
        if re.search(r"(?:increase|growth|decrease|decline)$", np_of) and previous:
            return f"{np_of} of {previous.metric}"
        return f"{np_of} of {noun_phrase}" if noun_phrase else np_of
    if noun_phrase:
        return noun_phrase
    if previous and re.fullmatch(r"\s*(?:to|from)\s*", sentence[previous.end - (hit.start - start):start]
                                 if previous.end - (hit.start - start) >= 0 else "x"):
        return re.sub(r" (?:increase|reduction)$", "", previous.metric)  # "from 14 to 39"
    for pattern, label in ((_VERB_OBJECT, _subject_metric), (_VERB_BEFORE, _subject_metric)):
        m = pattern.search(clause)
        if m and label(m.group("np")):
            change = _change_word(m.group("verb"))
            return label(m.group("np")) + (f" {change}" if change and not re.search(r"\b(?:to|from)\s*$", clause) else "")
    if previous and previous.unit == hit.unit and not _noun_tail(clause):
        return previous.metric
    return np_of or _noun_tail(clause) or _noun_head(right) or hit.unit


def category_of(hit: FigureHit, contexts: list[str], growth_form: bool) -> str:
    """One of CATEGORIES for a figure: the first context (metric first) with a keyword decides."""
    counted = not hit.unit or hit.unit in count_units()
    if hit.unit in ("enterprises", "people") and not any(
            w in contexts[0].lower() for w in ("output", "export", "investment")):
        return {"enterprises": "enterprises", "people": "employment"}[hit.unit]
    for context in contexts:
        text = context.lower()
        for name, words in category_keywords():
            if name in ("growth", "market share") and hit.unit not in RATIO_UNITS:
                continue
            if name == "growth" and not growth_form or name == "market share" and hit.unit != "%":
                continue
            if name in _MONEY_CATEGORIES and hit.unit not in MONEY_UNITS or \
                    name in ("enterprises", "employment") and not counted:
                continue
            if any(w in text for w in words):
                return name
    return "other"


def describe(text: str, sentence: tuple[int, int], hit: FigureHit,
             previous: FigureHit | None, noun_phrase: str = "") -> tuple[str, str, str | None]:
    """(metric, category, period) for a figure from its sentence span over `text`."""
    s0, s1 = sentence
    body = text[s0:s1]
    start, end = hit.start - s0, hit.end - s0
    metric = metric_label(body, start, end, hit, previous, noun_phrase)
    clause = _clause_before(body, start)
    right = body[end:end + 60]
    growth_form = bool(re.search(r"(?:\bby|increase of|growth of|rate of|decline of)\s+"
                                 r"(?:an average of\s+)?$", clause) or
                       re.match(r"\s*year-on-year", right) or hit.unit == "times")
    category = category_of(hit, [f"{hit.text} {metric}", clause, right[:30]], growth_form)
    return metric, category, period_of(body, start)
