"""A short label of what a figure measures, from the clause around it."""
from __future__ import annotations

import re
from functools import lru_cache

from ...models import FigureHit
from .noun_phrase import noun_head, noun_tail

_CLAUSE_CUT = re.compile(r"[;:(]|,\s|\s—|—|\bwhile\b|\bwhereas\b|\band\s+(?=\w+\s+(?:has|have|is|are|was|were)\b)")
_OF_BEFORE = re.compile(r"([\w'’&\"“”-]+(?:\s+[\w'’&\"“”-]+){0,6})\s+of\s+(?:(?:an?|the)\s+)?"
                        r"(?:average\s+of\s+)?$")
_VERB_BEFORE = re.compile(
    r"^(?P<np>.*?)\s+(?:(?:has|have|had|will|is|are|was|were|been|be|being|continued|continues|"
    r"expected|is\s+expected|to|already|also|further|jointly|successively|fully|respectively|"
    r"only|can|could|generally)\s+)*"
    r"(?P<verb>\w+)\s+(?:by\s+(?:an\s+average\s+of\s+)?|to\s+|at\s+|from\s+)?$", re.I)
_VERB_OBJECT = re.compile(
    r"\b(?P<verb>increase[sd]?|reduce[sd]?|raise[sd]?|cuts?|improve[sd]?|extend(?:s|ed)?|"
    r"shorten(?:s|ed)?|boost(?:s|ed|ing)?|lower(?:s|ed)?)\s+(?P<np>[\w'’ -]+?)\s+(?:by|to|from)\s+$", re.I)
_OUTSIDE_QUALIFIER = re.compile(r"\b(?:as high as|a maximum of|an average of|only|a minimum of)\s*$",
                                re.I)
_CHANGE = {"increase": ("increase", "increased", "increases", "rose", "risen", "grew", "grown",
                        "rise", "rises", "grow", "grows", "climbed",
                        "jump", "jumped", "doubled", "raised", "raises", "improved", "improves",
                        "extend", "extends", "extended", "boosts", "boosted", "boosting"),
           "reduction": ("reduced", "reduces", "reduce", "decreased", "fell", "dropped", "declined",
                         "shortened", "shortens", "cut", "lowered", "lowers", "decline", "drop",
                          "fall", "falls", "drops")}
# Between two figures of one quantity: "from 14 to 39", "6.8% year-on-year to", ", up from 10,500".
_SAME_QUANTITY = re.compile(r"\s*(?:year[- ]on[- ]year\s+)?(?:to|from)\s*|[,\s]*(?:up|down)\s+from\s*",
                            re.I)
_UNIT_ONLY = re.compile(r"(?:(?:thousand|million|billion|trillion)\s+)*(?:yuan|percent|dollars|tons)?",
                        re.I)
_GENERIC_NP = {"total", "team", "group", "number", "average", "maximum", "minimum", "batch",
               "series", "scale", "value", "amount", "one", "each", "range", "rate", "level"}


@lru_cache(maxsize=64)
def clause_before(sentence: str, at: int) -> str:
    """Text of the clause that leads up to offset `at` in the sentence (remembered: describing a
    figure asks twice). A cut right before a digit ("1,000") is none; \\d is isdecimal()."""
    left = sentence[:at]
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(left) if not left[m.end():m.end() + 1].isdecimal()]
    return left[cuts[-1]:] if cuts else left


def _change_word(verb: str) -> str | None:
    """ "increase" / "reduction" for a change verb, else None."""
    return next((noun for noun, verbs in _CHANGE.items() if verb.lower() in verbs), None)


def _subject_metric(np: str) -> str:
    """Metric from a clause subject: "the production efficiency of X" → "production efficiency"."""
    # "... 3,000 staff in the city and its revenue grew": the subject is the last conjunct
    np = re.split(r",\s+|\s+and\s+(?=(?:its|the|their|our|his|her)\b)", np)[-1]
    head, _, rest = np.partition(" of ")
    head = re.split(r"\s+(?:in|at|on|for|since|during|above|below|under)\s+", head)[0]
    label = noun_tail(head)
    generic = not label or label.split()[-1] in _GENERIC_NP
    if not (generic and rest):
        return label
    tail = noun_tail(rest)
    if _UNIT_ONLY.fullmatch(tail or "x"):  # "... of firms with revenue of 500 million yuan"
        return f"{label} of {noun_head(rest)}".strip() if label else noun_head(rest)
    return tail


_INVESTED = re.compile(r"\b(?:invested|invests|invest|spent|spends|allocated)\s+(?:a total of\s+)?$", re.I)
_MULTIPLIED = re.compile(r"(?:\w+\s+)?(?:doubled|tripled|quadrupled)$", re.I)
_WORTH = re.compile(r"\bworth\s+$", re.I)


def _verb_metric(clause: str, right: str, hit: FigureHit, previous: FigureHit | None) -> str:
    """Labels a verb gives directly: "invested X in Y", "X nearly doubled", "worth X"."""
    invested = _INVESTED.search(clause)
    if invested:
        target = re.match(r"(?:\s+(?:last|this)\s+year)?\s+(?:in|on)\s+(?:(?:an?|the|its)\s+)?(.+)", right)
        thing = noun_head(target.group(1)) if target else noun_tail(clause[:invested.start()])
        return f"investment in {thing}" if thing else "investment"
    if _MULTIPLIED.fullmatch(hit.text) and noun_tail(clause):
        return noun_tail(clause) + " increase"  # "net profit nearly doubled"
    if _WORTH.search(clause) and previous:
        return f"value of {previous.metric}"  # "9 million tonnes of vegetables, worth 14 billion yuan"
    return ""


def _ends_with_of(clause: str) -> bool:
    """False when `_OF_BEFORE` cannot match: the clause does not end in "of", "a", "an" or "the"
    after a space (the pattern must reach the end, so `search` alone tries it from every character)."""
    tail = clause.rstrip()
    return any(tail.endswith(w) and len(tail) > len(w) and tail[-len(w) - 1].isspace()
               for w in ("of", "a", "an", "the"))


def metric_label(sentence: str, start: int, end: int, hit: FigureHit,
                 previous: FigureHit | None, noun_phrase: str = "") -> str:
    """A short label of what the figure at [start, end) of the sentence measures."""
    clause = _OUTSIDE_QUALIFIER.sub("", clause_before(sentence, start)).rstrip()
    clause = clause + " " if clause else ""
    right = sentence[end:end + 80]
    of_match = _OF_BEFORE.search(clause) if _ends_with_of(clause) else None
    np_of = noun_tail(of_match.group(1)) if of_match else ""
    share = re.match(r"\s+of\s+(.*)", right)
    if previous and re.fullmatch(r"\s*\(\s*", sentence[previous.end - (hit.start - start):start]
                                 if previous.end - (hit.start - start) >= 0 else "x"):
        return previous.metric  # "345.7 billion yuan ($47.6 billion)": the same quantity converted
    if "every" in hit.text.lower():
        return "share of " + noun_head(right)
    if hit.unit == "%" and share and (re.search(r"account|share", clause, re.I) or not np_of):
        return "share of " + (noun_head(share.group(1)) or "total")
    if np_of and np_of not in _GENERIC_NP:
        if re.search(r"(?:increase|growth|decrease|decline)$", np_of) and previous:
            return f"{np_of} of {previous.metric}"
        return f"{np_of} of {noun_phrase}" if noun_phrase else np_of
    if noun_phrase:
        return noun_phrase
    special = _verb_metric(clause, right, hit, previous)
    if special:
        return special
    bare_change = re.fullmatch(r"\s*(up|down|rising|falling)\s*", clause, re.I)
    if bare_change and previous:  # "reached 68.3 billion yuan, up 7.4%": the change of that figure
        direction = "increase" if bare_change.group(1).lower() in ("up", "rising") else "reduction"
        return f"{re.sub(r' (?:increase|reduction)$', '', previous.metric)} {direction}"
    if previous and _SAME_QUANTITY.fullmatch(sentence[previous.end - (hit.start - start):start]
                                             if previous.end - (hit.start - start) >= 0 else "x"):
        return re.sub(r" (?:increase|reduction)$", "", previous.metric)  # "from 14 to 39"
    of_after = re.match(r"\s+of\s+(?!(?:the|its|their|which|them|these|those)\b)", right)
    listed = previous and previous.unit == hit.unit  # "5 billion carats of X, 10 billion carats of Y"
    if of_after and not listed and hit.unit not in ("%", "times") and noun_head(right[of_after.end():]):
        return noun_head(right[of_after.end():])  # "9 million kWh of electricity"
    for pattern, label in ((_VERB_OBJECT, _subject_metric), (_VERB_BEFORE, _subject_metric)):
        m = pattern.search(clause)
        if m and label(m.group("np")):
            change = _change_word(m.group("verb"))
            return label(m.group("np")) + (f" {change}" if change and not re.search(r"\b(?:to|from)\s*$", clause) else "")
    if previous and previous.unit == hit.unit and not noun_tail(clause):
        return previous.metric
    return np_of or noun_tail(clause) or noun_head(right) or hit.unit
