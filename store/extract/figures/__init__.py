"""Find quantitative figures in article text: exact span, value, unit and qualifier."""
from __future__ import annotations

import re
from bisect import bisect_right

from ...models import FigureHit
from ..document import DocModel, Sentence
from .conversions import fold_conversions
from .filters import is_year, keep, rejected
from .kinds import LIST_JOIN
from .metrics import Setting, describe
from .numbers import SCALE_WORDS, parse_fraction, parse_number, scale_of
from .patterns import CANDIDATE, CORE, NOT_FIGURE_ZONES
from .periods import Dating, PeriodCarry, period_phrases
from .sane import sane_hits
from .vocabulary import vocabulary
from .words import currency_before, head_noun, measure_after, qualifier_before

# head_noun stays importable from here, where callers first found it.
__all__ = ["find_figures", "head_noun"]

_RANGE_JOIN = re.compile(r"\s*(?:to|–|~|-|or)\s*", re.I)
_NUMERIC_WORD = re.compile(rf"\d|\b(?:{SCALE_WORDS})\b", re.I)
_MULT = {"doubled": 2, "tripled": 3, "quadrupled": 4}


def _value(kind: str, core: str) -> tuple[float | None, str | None]:
    """Value of a matched number core, and the unit its form implies (fractions are %)."""
    if kind in ("every", "frac", "half"):
        share = parse_fraction(core)
        return (None if share is None else share * 100), "%"
    if kind == "mult":
        return float(_MULT[core.lower()]), "times"
    return parse_number(core), None


def _range_upper(text: str, end: int, start: int) -> re.Match | None:
    """The upper bound of "10% to 20%" / "one to two million", unless it is "from X to Y"."""
    if re.search(r"\bfrom\s+$", text[max(0, start - 8):start], re.I) and not re.search(
            r"\b(?:rang\w*|vary\w*|between)\s+from\s+$", text[max(0, start - 20):start], re.I):
        return None
    join = _RANGE_JOIN.match(text, end)
    if not join or join.group().strip() == "-" and join.group() != "-":
        return None
    upper = CORE.match(text, join.end())
    if not upper or upper.lastgroup not in ("num", "word") or is_year(upper.group()):
        return None
    return upper


def _hit_at(text: str, m: re.Match) -> tuple[FigureHit, str] | None:
    """A figure and its counted noun phrase from one number match; None if not a figure."""
    kind, core, start, end = m.lastgroup, m.group(), m.start(), m.end()
    if rejected(text, start, end, kind):
        return None
    value, unit = _value(kind, core)
    if value is None:
        return None
    measure = measure_after(text, end, kind) if unit is None else None
    # "in 2020 to 600 million yuan": a year never opens a range.
    ranged = kind in ("num", "word") and not is_year(core)
    upper = _range_upper(text, measure[1] if measure else end, start) if ranged else None
    if upper:
        upper_measure = measure_after(text, upper.end(), upper.lastgroup)
        if measure and upper_measure and measure[0] != upper_measure[0]:
            upper = None  # "rose 3.4 percent to 29.6 billion yuan": two figures, not a range
    if upper:
        if not measure and scale_of(core) == 1 and scale_of(upper.group()) > 1:
            value *= scale_of(upper.group())  # "one to two million": the scale is shared
        measure = upper_measure or measure
        end = upper.end()
    counted, phrase = None, ""
    if measure:
        unit, end, value = measure.unit, max(end, measure.end), value * measure.factor
    elif unit is None and kind in ("num", "word", "vague"):
        of = re.match(r"\s+of\b", text[end:])
        counted = head_noun(text, end + (len(of.group()) if of else 0))
        if counted:
            unit, phrase = counted[0], re.sub(r"[\"“”]", "", text[end:counted[1]]).strip()
            # a noun phrase holding another quantity ("7 trillion-level clusters") stays outside
            if not _NUMERIC_WORD.search(phrase):
                end = counted[1]
    if not keep(text, m, kind, core, unit, counted):
        return None
    symbol = currency_before(text, start) if not unit else None
    if symbol:  # "$47.6 billion", "US$ 3 million": the symbol is the unit and part of the span
        unit, start = symbol
    qualifier, start = qualifier_before(text, start)
    if kind == "half" and qualifier is None and not re.match(r"\s+of\b", text[end:]):
        return None
    hit = FigureHit(start, end, text[start:end], value=value, unit=unit or "", qualifier=qualifier)
    return hit, re.sub(r"^of\s+", "", phrase).lower()


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
        if prev and prev.unit and re.search(r"(?:up|down)\s+from\s+$", text[max(0, hit.start - 12):hit.start]):
            hit.unit = prev.unit  # "13,000 enterprises, up from 10,500"
            continue
        if prev and prev.unit and (re.search(r"of which\s+$", text[max(0, hit.start - 12):hit.start])
                                   or re.match(r"\s+of which\b", text[hit.end:])):
            hit.unit = prev.unit
            continue
        window = text[max(0, hit.start - 160):hit.start]
        number_of = list(re.finditer(r"\bnumber of\s", window))
        if number_of and not re.search(r"[.;]", window[number_of[-1].end():]):
            counted = head_noun(window, number_of[-1].end())
            hit.unit = counted[0] if counted else ""


def _present_year(model: DocModel) -> int | None:
    """For an undated article, the year its present most likely is: the latest year it states
    for something that happened (not a target, not in a sentence of plans)."""
    years = []
    for sentence in model.sentences:
        body = model.text[sentence.start:sentence.end]
        if vocabulary().plan_re.search(body):
            continue
        years += [p.last_year for p in period_phrases(body, Dating())
                  if p.period and not p.target and not p.relative]
    return max(years, default=None)


def _list_run(text: str, hits: list[FigureHit], i: int) -> tuple[int, tuple[int, ...]]:
    """Where the list hits[i] opens ends ("5%, 3.7% and 0.6%"), and the starts of the sentence's
    later figures outside that list."""
    j = i + 1
    while j < len(hits) and LIST_JOIN.fullmatch(text, hits[j - 1].end, hits[j].start):
        j += 1
    return hits[j - 1].end, tuple(h.start for h in hits[j:])


def _scan(text: str) -> list[tuple[FigureHit, str]]:
    """Every number that is a figure, with its counted noun phrase, in text order."""
    zones = [(z.start(), z.end()) for z in NOT_FIGURE_ZONES.finditer(text)]
    starts = [s for s, _ in zones]  # zones do not overlap, so only the last one starting before can hold pos
    found: list[tuple[FigureHit, str]] = []
    last_end = 0
    for candidate in CANDIDATE.finditer(text):
        pos = candidate.start()
        i = bisect_right(starts, pos) - 1
        if pos < last_end or i >= 0 and pos < zones[i][1]:
            continue
        m = CORE.match(text, pos)
        hit = _hit_at(text, m) if m else None
        if hit:
            found.append(hit)
            last_end = hit[0].end
    return found


def find_figures(model: DocModel) -> list[FigureHit]:
    """Every quantitative fact in the article, with value, unit, qualifier, metric, category, kind,
    status and period; the article's date resolves relative periods ("last year")."""
    text = model.text
    scanned = [(hit, phrase) for hit, phrase in _scan(text) if not _in_furniture(model, hit)]
    hits = [hit for hit, _ in scanned]
    phrases = {id(hit): phrase for hit, phrase in scanned}
    _attach_units(text, hits)
    hits = fold_conversions(text, hits)
    dating = Dating.from_date(model.date)
    if dating.year is None:
        dating = Dating.from_date(None, _present_year(model))
    carried = PeriodCarry(model, dating)
    antecedent: FigureHit | None = None
    for sentence, group in _by_sentence(model, hits):
        sent = (sentence.start, sentence.end) if sentence else (group[0].start, group[-1].end)
        if antecedent is not None and not _same_paragraph(model, antecedent.start, sent[0]):
            antecedent = None  # a pronoun does not reach into another paragraph
        previous: FigureHit | None = None
        for i, hit in enumerate(group):
            run_end, others = _list_run(text, group, i)
            setting = Setting(sent, dating, others, carried.into(sentence), run_end, antecedent,
                              carried.event_before(sentence))
            describe(text, setting, hit, previous, phrases[id(hit)])
            previous = hit
        antecedent = previous
    # Checked once the category and kind are known: they decide where a negative value is sane.
    return sane_hits(hits)


def _in_furniture(model: DocModel, hit: FigureHit) -> bool:
    """True for a number in a header date line, byline or credit ("Updated: 2021-05-04 08:41"); a
    header line that reads as a sentence ("By 2025, output will ...") still states facts."""
    paragraph = model.paragraph_at(hit.start)
    if paragraph is None or not model.is_furniture(paragraph.start, paragraph.end):
        return False
    return not re.search(r"[.!?。][\"'”’)]*\s*$", model.text[paragraph.start:paragraph.end])


def _by_sentence(model: DocModel, hits: list[FigureHit]) -> list[tuple[Sentence | None, list[FigureHit]]]:
    """Hits grouped under the sentence each starts in, in text order (None: outside every sentence)."""
    groups: dict[int, tuple[Sentence | None, list[FigureHit]]] = {}
    for hit in hits:
        sentence = model.sentence_at(hit.start)
        key = sentence.start if sentence else hit.start
        groups.setdefault(key, (sentence, []))[1].append(hit)
    return [groups[k] for k in sorted(groups)]


def _same_paragraph(model: DocModel, a: int, b: int) -> bool:
    """True when offsets a and b lie in one paragraph."""
    pa, pb = model.paragraph_at(a), model.paragraph_at(b)
    return pa is not None and pa is pb
