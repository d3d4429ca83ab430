"""The time a figure describes: period phrases in a sentence, resolved to the calendar.

A phrase is resolved against the article's publication date ("last year" in a 2024 article is
2023) in the gold notation: a year "2022", months "2024-01/2024-04", years "2021/2023". What the
article wrote is kept beside it ("the first half of this year"). Without a date, relative phrases
stay unresolved (None); explicit years always resolve.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import SMALL, SMALL_WORDS
from .vocabulary import alternation, vocabulary

_YEAR = r"(?:19|20)\d{2}"
_ORDINAL_WORDS = {"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
                  "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                  "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18}
_ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))})"


@dataclass(frozen=True)
class Dating:
    """When an article was written: its publication year and month, if known, and the year
    its present tense most likely means (the publication year, else the latest past year it names)."""

    year: int | None = None
    month: int | None = None
    present_year: int | None = None

    @classmethod
    def from_date(cls, date: str | None, present_year: int | None = None) -> "Dating":
        """From a YYYY-MM-DD publication date (or None) and, for undated articles, a guessed present."""
        try:
            day = datetime.date.fromisoformat(date or "")
        except ValueError:  # no date, or not a real day ("2023-04-31")
            return cls(present_year=present_year)
        return cls(day.year, day.month, day.year)


@dataclass(frozen=True)
class PeriodPhrase:
    """A period phrase at [start, end) of a sentence, its calendar period (None if unresolved)."""

    start: int
    end: int
    text: str
    period: str | None
    target: bool = False  # "by 2025": a deadline, so what is stated for it is a plan
    relative: bool = False  # "last year", "this year": may be the base of a comparison instead
    earlier: bool = False  # "last year", "a year earlier": after a change, the base it is measured from
    last_year: int | None = None  # the last calendar year the period covers
    event: bool = False  # a day ("on August 20, 2023"): when something happened, not a reporting period

    def __post_init__(self) -> None:
        if self.period and self.last_year is None:
            object.__setattr__(self, "last_year", int(re.findall(r"\d{4}", self.period)[-1]))


# Ordinals as translators also write them: "the 1st three quarters", "the 3rd quarter".
_DIGIT_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
_ORDINAL_DIGITS = re.compile(r"\b(?:1st|2nd|3rd|4th)\b", re.I)


def _with_digit_ordinals(pattern: str) -> str:
    """A part-of-year alternation that also accepts "1st" for "first" (and so on)."""
    for digits, word in _DIGIT_ORDINALS.items():
        pattern = pattern.replace(word, f"(?:{word}|{digits})")
    return pattern


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """The period grammar, built from the calendar vocabulary."""
    vocab = vocabulary()
    months = f"(?-i:{vocab.month_names})"  # "May" and "March", never "may" and "march"
    relative, present, parts = (alternation(vocab.relative_years), alternation(vocab.present),
                                _with_digit_ordinals(alternation(vocab.parts)))

    def year_tail(explicit: str, rel: str) -> str:
        """ ", 2024" or " of this year" after a month or part, in groups named `explicit`, `rel`."""
        return rf"(?:,?\s+(?P<{explicit}>{_YEAR})|\s+(?:of\s+)?(?P<{rel}>{relative}))?"
    return re.compile(rf"""
      (?:\b(?:from|between)\s+)?\b(?P<m1>{months})\.?\s+(?:to|through|-|–|and)\s+(?P<m2>{months})\.?
          {year_tail('my', 'mrel')}
    | \b(?:the\s+)?(?P<part>{parts}|first\s+(?P<nmonths>{SMALL_WORDS}|\d{{1,2}})\s+months)
          (?:\s+of)?{year_tail('py', 'prel')}
    | \bby\s+the\s+end\s+of\s+(?P<endmonth>{months})(?:,?\s+(?P<endmy>{_YEAR}))?\b
    | \b(?!{months}\.?\s+\d{{1,2}}\s*(?:\(|--|—))(?P<month>{months})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\b)?
          {year_tail('monthy', 'monthrel')}(?=\W|$)
    | (?:\b(?:from|between)\s+)(?P<y1>{_YEAR})\s+(?:to|and|through|-|–)\s+(?P<y2>{_YEAR})\b
    | \b(?:in\s+|during\s+)?the\s+(?P<decade>(?:19|20)\d0)s\b
    | \bsince\s+(?P<since>{_YEAR})\b
    | \bby\s+(?P<target>{_YEAR})\b
    | \b(?:in|during|for|of|until|as\s+of|at\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+(?P<year>{_YEAR})\b(?!\s*[-–]\d)
    | ^\W*(?P<lead>{_YEAR})\b(?=,)
    | \b(?=(?:the\s+)?["“]?[\w-]+\s+Five-Year)(?P<plan>(?:the\s+)?["“]?(?P<ordinal>{_ORDINAL})\s+Five-Year\s+Plan["”]?(?:\s+period)?)
    | \b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last)\s+(?P<past>{SMALL_WORDS}|\d{{1,2}}|few)\s+years\b
    | \b(?=[\w-]+\s+years?\s+ago\b)(?P<ago>{SMALL_WORDS}|\d{{1,2}}|an?)\s+years?\s+ago\b
    | \b(?P<rel>{relative})\b
    | \b(?P<present>{present})\b
    | \b(?P<recent>in\s+recent\s+years|since\s+then|at\s+that\s+time|at\s+the\s+time)\b
    """, re.I | re.X)


def _number(word: str) -> int | None:
    """'three' → 3, '12' → 12, else None."""
    word = word.lower()
    return int(word) if word.isdigit() else SMALL.get(word)


def _month(name: str) -> int:
    """Month number of a name or abbreviation."""
    return vocabulary().month_number[name.lower().rstrip(".")]


def _months(year: int | None, first: int, last: int) -> str | None:
    """'2024-01/2024-04' (or '2024-03' for one month) when the year is known."""
    if year is None:
        return None
    return f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}/{year}-{last:02d}"


def _year_of(m: re.Match, explicit: str, rel: str, dating: Dating) -> int | None:
    """The year a month or part phrase is in: written, relative to the article, or the article's."""
    if m.group(explicit):
        return int(m.group(explicit))
    if dating.year is None:
        return None
    if m.group(rel):
        return dating.year + vocabulary().relative_years[" ".join(m.group(rel).lower().split())]
    return dating.year


def _plan_years(ordinal: str) -> str | None:
    """Years of the Nth Five-Year Plan (the 3rd began in 1966; plans run back to back since)."""
    word = ordinal.lower()
    n = int(re.match(r"\d+", word).group()) if word[0].isdigit() else _ORDINAL_WORDS.get(word)
    if not n or n < 3:
        return None
    start = 1966 + 5 * (n - 3)
    return f"{start}/{start + 4}"


def _resolve(m: re.Match, dating: Dating) -> tuple[str | None, bool, bool]:
    """(calendar period, is a deadline, is relative to the article's date) of one period match."""
    g, y = m.group, dating.year
    if g("m1"):
        return _months(_year_of(m, "my", "mrel", dating), _month(g("m1")), _month(g("m2"))), False, not g("my")
    if g("part"):
        part = _ORDINAL_DIGITS.sub(lambda o: _DIGIT_ORDINALS[o.group().lower()], " ".join(g("part").lower().split()))
        span = (1, _number(g("nmonths")) or 12) if g("nmonths") else vocabulary().parts[part]
        return _months(_year_of(m, "py", "prel", dating), *span), False, not g("py")
    if g("endmonth"):  # "by the end of July": the year to date
        year = int(g("endmy")) if g("endmy") else y
        return _months(year, 1, _month(g("endmonth"))), False, not g("endmy")
    if g("month"):
        month = _month(g("month"))
        return _months(_year_of(m, "monthy", "monthrel", dating), month, month), False, not g("monthy")
    if g("y1"):
        return f"{g('y1')}/{g('y2')}", False, False
    if g("decade"):
        return f"{g('decade')}/{int(g('decade')) + 9}", False, False
    if g("since"):
        return (f"{g('since')}/{y}" if y and y > int(g("since")) else None), False, False
    if g("target"):
        return g("target"), True, False
    if g("year") or g("lead"):
        return g("year") or g("lead"), False, False
    if g("plan"):
        return _plan_years(g("ordinal")), False, False
    if g("past"):
        n = _number(g("past"))
        return (f"{y - n}/{y - 1}" if y and n else None), False, True
    if g("ago"):
        n = 1 if g("ago").lower() in ("a", "an") else _number(g("ago"))
        return (str(y - n) if y and n else None), False, True
    if g("rel"):
        return (str(y + vocabulary().relative_years[" ".join(g("rel").lower().split())]) if y else None), False, True
    if g("present"):
        return (str(y) if y else None), False, True
    return None, False, True  # "in recent years", "since then": a time, but no calendar period


# Every period phrase holds one of these words; the full grammar only runs around them (10x faster).
_REACH = 48  # characters a phrase may extend before or after its anchor word


@lru_cache(maxsize=1)
def _anchors() -> re.Pattern:
    """The words a period phrase is built around: a year, a month, a part of a year, a time word."""
    vocab = vocabulary()
    words = alternation([*vocab.present, "year", "years", "half", "quarter", "quarters", "months", "ago",
                         "since then", "at that time", "at the time", "Five-Year", *vocab.parts])
    return re.compile(rf"(?:19|20)\d\d|(?-i:{vocab.month_names})|\b(?:{words})\b", re.I)


_WORD_START = re.compile(r"(?<![\w'’-])[\w\"“]")


def _matches(sentence: str) -> list[re.Match]:
    """The period grammar's matches in a sentence, tried only at the word starts shortly before an
    anchor word; overlapping matches keep the earliest (as a regex scan would)."""
    grammar, found, tried, end = _pattern(), [], set(), 0
    for anchor in _anchors().finditer(sentence):
        for start in _WORD_START.finditer(sentence, max(0, anchor.start() - _REACH), anchor.start() + 1):
            pos = start.start()
            if pos < end or pos in tried:
                continue
            tried.add(pos)
            m = grammar.match(sentence, pos)
            if m and m.end() > pos:
                found.append(m)
                end = m.end()
                break
    return found


def period_phrases(sentence: str, dating: Dating) -> tuple[PeriodPhrase, ...]:
    """Every period phrase in a sentence, resolved against the article's dating."""
    return _phrases(sentence, dating.year, dating.month)


@lru_cache(maxsize=4096)
def _phrases(sentence: str, year: int | None, month: int | None) -> tuple[PeriodPhrase, ...]:
    """period_phrases, cached on what resolution depends on: a sentence is read for each of its
    figures and for the sentence after it."""
    dating = Dating(year, month, year)
    found = []
    for m in _matches(sentence):
        period, target, relative = _resolve(m, dating)
        text = " ".join(m.group().strip("\"“” ,.").split())
        earlier = bool(m.group("rel")) and vocabulary().relative_years[" ".join(m.group("rel").lower().split())] < 0
        event = bool(m.group("month")) and bool(re.match(r"\S+\s+\d{1,2}(?!\d)", text))  # "August 20, 2023"
        found.append(PeriodPhrase(m.start(), m.end(), text, period, target, relative, earlier, event=event))
    return tuple(found)


def _is_baseline(sentence: str, phrase: PeriodPhrase) -> bool:
    """A relative phrase that is the base of a comparison ("over the same period last year")."""
    if not phrase.relative:
        return False
    return bool(_baseline_before().search(sentence[max(0, phrase.start - 40):phrase.start]))


@lru_cache(maxsize=1)
def _baseline_before() -> re.Pattern:
    """A comparison word ending right before a phrase ("over the same period", "than")."""
    words = alternation(vocabulary().baselines)
    return re.compile(rf"\b(?:{words})(?:\s+(?:the|a|its|that|those))?(?:\s+\w+){{0,2}}\s*$", re.I)


# What may stand between a figure and a period phrase after it in the same clause.
_CLAUSE_BREAK = re.compile(r"[;:]|,\s(?!respectively\b)|\b(?:from|than|compared|versus|while|whereas|which|who)\b",
                           re.I)


# What ends the clause a period phrase dates, so that it does not date a figure after it.
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but)\b|\b(?:while|whereas|which|who|because|although)\b", re.I)


_FRAME_OPENING = re.compile(r"(?:^\W*|\bthat\s+)(?:(?:in|during|from|since|by|for|over|at|as\s+of)\s+)?$", re.I)


_RESPECTIVELY = re.compile(r",?\s*respectively\s*,?", re.I)  # "30, 22 and 20, respectively, since 2022"


def is_frame(sentence: str, phrase: PeriodPhrase) -> bool:
    """True for a period that opens its sentence, or a clause after "that", as a frame ("In 2022, ...",
    "From January to May, ...", "proposed that by 2025, ...")."""
    return bool(_FRAME_OPENING.search(sentence[:phrase.start]) and re.match(r"\s*,", sentence[phrase.end:]))


def period_for(sentence: str, start: int, end: int, dating: Dating, change: bool = False,
               others: tuple[int, ...] = ()) -> PeriodPhrase | None:
    """The period phrase a figure at [start, end) of the sentence belongs to, if any.

    The nearest phrase before it wins, unless that phrase follows another number (it is that
    number's: "up from 6,900 in 2019"). Else the first phrase after it in the same clause, unless
    another figure (`others`: offsets of figures not listed with this one) stands between, which
    owns it, or a plan word ("11 mills will be merged into four groups in 2020": the year is the
    plan's). "Last year" after a change is the base it is measured against ("14 times the number of
    last year"), not its period.
    """
    found = [p for p in period_phrases(sentence, dating) if not _is_baseline(sentence, p)
             and "\n" not in sentence[min(p.end, start):max(p.start, end)]]  # a line break ends a sentence
    attached = next((p for p in found if p.start >= end and re.fullmatch(r"\s*(?:in\s+)?", sentence[end:p.start])), None)
    if attached is not None and not (change and attached.earlier):
        return attached  # "up from 10,500 in 2020": the phrase right after the number is its own
    before = [p for p in found if p.end <= start and not re.search(r"\d\s*$", sentence[:p.start])
              and (is_frame(sentence, p) or not _NEW_CLAUSE.search(sentence, p.end, start))]
    if before:
        return before[-1]
    for p in found:
        if p.start >= end and not (change and p.earlier):
            between = _RESPECTIVELY.sub(" ", sentence[end:p.start])
            if _CLAUSE_BREAK.search(between) or any(end <= o < p.start for o in others) \
                    or vocabulary().plan_re.search(between):
                return None  # another clause's, another figure's, or the plan's that follows ("will")
            return p
    return None


# Readers carry a recent period over the sentences that follow; a date long before the article's
# present ("its first locomotive in 1958") is history, told in passing, and dates nothing after it.
HISTORY_YEARS = 10


class PeriodCarry:
    """The periods the text before a sentence carries into it, for figures whose own sentence states
    none. Readers carry:
    - the sentence before's period into the next sentence of its paragraph ("The plant opened in
      2016." → "Its total investment is 20 billion yuan.");
    - a reporting period ("from January to June") over the paragraphs of figures after it, until a
      sentence states a period of its own or a paragraph without numbers ends the report; never into
      a quotation or a sentence of plans;
    - the day of an event ("on August 20, 2023") into the investments of projects told after it (a
      project's investment takes the time of its start or signing), until another period is stated.
    Never a period of history."""

    def __init__(self, model, dating: Dating):
        self._carried: dict[int, PeriodPhrase] = {}
        self._events: dict[int, PeriodPhrase] = {}
        carry = frame = event = None
        paragraph = frame_paragraph = None
        for sentence in model.sentences:
            body = model.text[sentence.start:sentence.end]
            kept = [p for p in period_phrases(body, dating) if not _is_baseline(body, p)]
            if sentence.paragraph != paragraph and frame is not None and not _has_number(model, sentence):
                frame = None
            if carry is not None and sentence.paragraph == paragraph:
                self._carried[sentence.index] = carry
            elif frame is not None and not kept and frame_paragraph != sentence.paragraph \
                    and _may_frame(model, sentence, body):
                self._carried[sentence.index] = frame
            if event is not None:
                self._events[sentence.index] = event
            statement = len(body.split()) >= 5  # not a dateline fragment ("NANJING, Nov.")
            carry = kept[-1] if kept and statement and _recent(kept[-1], dating) else None
            if kept and statement:  # a stated period ends every run before it
                frame = carry if carry is not None and _reports(body, carry) else None
                event = carry if carry is not None and carry.event else None
                frame_paragraph = sentence.paragraph
            paragraph = sentence.paragraph

    def into(self, sentence) -> PeriodPhrase | None:
        """The period carried into `sentence` (a document-model Sentence, or None), if any."""
        return self._carried.get(sentence.index) if sentence is not None else None

    def event_before(self, sentence) -> PeriodPhrase | None:
        """The day of the last event told before `sentence` with no period stated since, if any."""
        return self._events.get(sentence.index) if sentence is not None else None


def _has_number(model, sentence) -> bool:
    """True when the sentence's paragraph holds a digit (a run of figures goes on)."""
    paragraph = model.paragraphs[sentence.paragraph]
    return any(c.isdigit() for c in model.text[paragraph.start:paragraph.end])


def _may_frame(model, sentence, body: str) -> bool:
    """A reporting period dates figures told in the reporter's voice, not quotations or plans."""
    return model.quote_at(sentence.start) is None and not vocabulary().plan_re.search(body)


def _reports(sentence: str, phrase: PeriodPhrase) -> bool:
    """True for a statistical reporting period: a span of months of one year ("from January to
    June") in a sentence that reports a number ("As we enter the fourth quarter, ..." reports none)."""
    if phrase.target or not phrase.period or not re.fullmatch(r"\d{4}-\d\d/\d{4}-\d\d", phrase.period):
        return False
    return any(c.isdigit() for c in sentence[:phrase.start] + sentence[phrase.end:])


def _recent(phrase: PeriodPhrase, dating: Dating) -> bool:
    """True for a resolved period within the last decade before the article's present (not a span
    "since 2019" up to now, which dates only its own sentence)."""
    if phrase.last_year is None or phrase.text.lower().startswith("since"):
        return False
    return dating.present_year is None or phrase.last_year > dating.present_year - HISTORY_YEARS

