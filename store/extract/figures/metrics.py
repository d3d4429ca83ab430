"""What a figure measures and how: metric label, category, kind, status and period, from its sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...models import FigureHit
from .categories import category_of
from .kinds import LIST_JOIN, RATIO_UNITS, kind_of
from .metric_label import clause_before, metric_label
from .periods import Dating, PeriodPhrase, period_for
from .status import status_of
from .vocabulary import vocabulary

# metric_label stays importable from here, where callers first found it.
__all__ = ["Neighbours", "describe", "metric_label"]

# Words between a figure and the change or share that describes it: "…, up 7.4%", "…, a year-on-year
# increase of 6.2%", "…, accounting for 18.4% of", "… (up 3%)", "…, with a contribution rate exceeding 85%".
_CHAIN = re.compile(r"""\s*(?:,|\((?=\s*[a-z]))\s*(?:(?:up|down|rising|falling|a|an|year[- ]on[- ]year|year|on|over|
                        increase|increased|decrease|growth|rise|decline|drop|gain|of|by|accounting|accounts?|
                        for|with|contribution|rate|share|exceeding|about|nearly|more|than|which|is|was|
                        or|representing|equal|to)\b\s*)*$""", re.I | re.X)


@dataclass(frozen=True)
class Neighbours:
    """The figure before this one in its sentence, and how the two are joined."""

    previous: FigureHit | None = None
    listed: FigureHit | None = None  # the previous item of the same list ("5%, 3.7% and 0.6%")
    coordinated: FigureHit | None = None  # the previous item of a list of counts ("3 labs and 5 bases")
    chained: FigureHit | None = None  # the figure this one describes ("18.5 billion yuan, up 7%")

    @classmethod
    def of(cls, between: str, hit: FigureHit, previous: FigureHit | None) -> "Neighbours":
        """How `hit` relates to the figure before it in the sentence, given the text between them."""
        if previous is None:
            return cls()
        joined = bool(LIST_JOIN.fullmatch(between))
        listed = previous if joined and previous.unit == hit.unit else None
        counts = joined and hit.unit not in vocabulary().unit_categories and previous.kind == "level" \
            and not {hit.unit, previous.unit} & (vocabulary().currencies | RATIO_UNITS)
        return cls(previous, listed, previous if counts else None)

    def describing(self, between: str, kind: str) -> "Neighbours":
        """The same neighbours, with `chained` set when a change or share describes the figure before."""
        if self.previous is None or self.listed is not None or kind == "level" or not _CHAIN.fullmatch(between):
            return self
        return Neighbours(self.previous, None, None, self.previous)


def _tidy(label: str) -> str:
    """A label without dangling brackets or quotes ("food)" -> "food")."""
    label = label.strip(" ,;:'\"“”‘’")
    if label.count("(") != label.count(")"):
        label = label.replace("(", "").replace(")", "")
    return label.strip()


@dataclass(frozen=True)
class Setting:
    """Where a figure stands: its sentence span, the article's dating, the offsets of the other
    figures after it in the sentence that are not in its list, the period the text before the
    sentence carries into it (used when the sentence states none) and the end of its list."""

    sentence: tuple[int, int]
    dating: Dating
    others: tuple[int, ...] = ()
    carried: PeriodPhrase | None = None
    list_end: int = 0  # where the list the figure opens ends ("5%, 3.7% and 0.6% in 2019")
    antecedent: FigureHit | None = None  # the last figure of the sentence before, in the paragraph
    event: PeriodPhrase | None = None  # the day of the last event told before, with no period since


def _without_conversion(body: str, s0: int, hit: FigureHit) -> str:
    """The sentence with the figure's bracketed conversion blanked out (offsets unchanged)."""
    if not hit.conversion:
        return body
    close = body.find(")", hit.conversion["end"] - s0)
    lo, hi = hit.end - s0, (close + 1 if close >= 0 else hit.conversion["end"] - s0)
    return body[:lo] + " " * (hi - lo) + body[hi:]


def _right_context(body: str, end: int, hit: FigureHit) -> str:
    """The words after a figure up to its clause's end, past a bracketed currency conversion."""
    if hit.conversion:
        end = max(end, hit.conversion["end"] - (hit.end - end) + 1)
    right = body[end:end + 80]
    cut = re.search(r"[;.()]", right)
    return right[:cut.start()] if cut else right


def describe(text: str, setting: Setting, hit: FigureHit, previous: FigureHit | None,
             noun_phrase: str) -> None:
    """Fill in the figure's metric, category, kind, status and period from its sentence;
    `previous` is the figure before it in the same sentence."""
    s0, s1 = setting.sentence
    body = text[s0:s1]
    start, end = hit.start - s0, hit.end - s0
    between = body[previous.end - s0:start] if previous is not None else ""
    near = Neighbours.of(between, hit, previous)
    hit.metric = _tidy(metric_label(_without_conversion(body, s0, hit), start, end, hit, previous, noun_phrase))
    clause = clause_before(body, start)
    right = _right_context(body, end, hit)
    hit.kind = kind_of(clause, right, hit, near.listed)
    near = near.describing(between, hit.kind)
    others = tuple(o - s0 for o in setting.others)
    list_end = max(end, setting.list_end - s0)
    others = tuple(o for o in others if o >= list_end)
    phrase = period_for(body, start, list_end, setting.dating, hit.kind == "change", others)
    linked = near.listed or near.chained
    if phrase is not None:
        hit.period, hit.period_text = phrase.period, phrase.text
    elif linked is not None:
        hit.period, hit.period_text = linked.period, linked.period_text
    elif setting.carried is not None and not _is_duration(hit):
        hit.period, hit.period_text = setting.carried.period, setting.carried.text
    contexts = (noun_phrase, hit.metric, clause, right, body[:start])
    hit.category = category_of(hit, hit.kind, contexts, near.chained, near.listed or near.coordinated,
                               _changed(previous), setting.antecedent)
    if phrase is None and linked is None and _is_project_investment(hit, body):
        hit.period, hit.period_text = (setting.event.period, setting.event.text) if setting.event else (None, None)
    hit.status = status_of(body, start, end, hit, phrase, setting.dating.present_year, linked,
                           setting.dating.year is not None)
    if hit.status == "plan" and phrase is None and linked is None:
        hit.period, hit.period_text = None, None  # a target is not dated by the facts before it


def _is_project_investment(hit: FigureHit, sentence: str) -> bool:
    """A project's money: dated by the project's start or signing, not by the period of the facts
    around it (a project "launched" beside a half-year's revenue is not that half-year's)."""
    return hit.category == "investment" and hit.kind == "level" and bool(_PROJECT.search(sentence))


_PROJECT = re.compile(r"\bprojects?\b", re.I)


def _is_duration(hit: FigureHit) -> bool:
    """A length of time ("six consecutive years") is not dated by the period around it."""
    family = vocabulary().unit_families.get(hit.unit)
    return family is not None and family[0] == "duration"


def _changed(previous: FigureHit | None) -> FigureHit | None:
    """For a change, the level figure before it in the sentence: what changed, when nothing else says."""
    return previous if previous is not None and previous.kind == "level" else None
