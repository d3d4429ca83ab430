"""Publication dates as news sites print them, read from an article's header lines only.

Recognised: ISO dates with or without a time ("2024-06-14 08:41", "2024/6/14", "2024.06.14",
"2024年6月14日"), month names ("March 30, 2024", "Sept. 3, 2021", "30 March 2024",
"09-Mar-2023", "14, Jul. 2020"), numeric dates with a four-digit year ("04/11 2017",
"30/04/2017"), each inside labels such as "Updated:", "PublishDate:", "Source: X | ... |".
A dateline ("BEIJING, May 3 (Xinhua) --") gives month and day; its year must come from the
dateline itself or from elsewhere in the header, else the date stays unknown.

Every date is validated (no 31 April, no month 13). A date inside the story never counts: the
caller passes only header lines, and a line counts as a date line only when the date is its
main content (a label or a few words beside it), not a date inside a sentence.
"""
from __future__ import annotations

import datetime as dt
import re

from ..calendar import month_number

_MONTH_NAME = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
               r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# Each pattern names year (y), month (m, or mon as a word) and day (d).
_PATTERNS = (
    re.compile(rf"(?<!\d){_YEAR}\s*[-/.]\s*(?P<m>[01]?\d)\s*[-/.]\s*(?P<d>[0-3]?\d)(?!\d)"),
    re.compile(rf"(?<!\d){_YEAR}\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
    re.compile(rf"\b{_MONTH_NAME}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"(?<!\d){_DAY}(?:\s+|\s*[-,/]\s*){_MONTH_NAME}(?:\s+|\s*[-,/]\s*){_YEAR}\b", re.I),
    # Numeric day and month ("04/11 2017", "04/11/2017", "04.11.2017"): month first unless the
    # first number cannot be a month. "3.5 2024" is not a date: dots and dashes need a year after.
    re.compile(rf"(?<![\d/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/|\s+){_YEAR}\b"),
    re.compile(rf"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[.-])(?P<b>[0-3]?\d)(?P=sep){_YEAR}\b"),
)
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z .'’-]{{1,40}},\s+{_MONTH_NAME}\s+{_DAY}(?:,\s*{_YEAR})?\s*"
    r"\((?P<agency>[^()]{2,40})\)\s*(?:--|—|–|-)")
_YEAR_ONLY = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/.-])")
# Words that label a date line, in English and the Chinese labels some English sites keep.
_DATE_LABEL = re.compile(r"\b(?:updated?|published|publish\s*date|posted|released?|date|time|"
                         r"source|editor)\b|来源|发布|时间|日期|\|", re.I)
_TIME = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[AP]\.?M\.?)?(?:\s*(?:GMT|UTC|CST|BJT)[+-]?\d*)?",
                   re.I)
MAX_OTHER_WORDS = 8  # a date line holds the date plus a few words (labels, a source, a time)


def make_date(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD when year, month and day form a real calendar date, else None."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match) -> str | None:
    """The validated date a pattern match spells, or None."""
    groups = m.groupdict()
    year = int(m["y"])
    if groups.get("a"):
        first, second = int(m["a"]), int(m["b"])
        # Month first (as US sites and most Chinese English sites print it) unless impossible.
        month, day = (second, first) if first > 12 else (first, second)
        return make_date(year, month, day)
    month = month_number(m["mon"]) if groups.get("mon") else int(m["m"])
    return make_date(year, month, int(m["d"]))


def dates_in(line: str) -> list[tuple[int, int, str]]:
    """Every valid full date in `line` as (start, end, YYYY-MM-DD), in order, none overlapping."""
    found: list[tuple[int, int, str]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(line):
            date = _from_match(m)
            if date and not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), date))
    return sorted(found)


def is_date_line(line: str, span: tuple[int, int]) -> bool:
    """True when the date at `span` is what `line` is about: labelled, or with few other words."""
    rest = _TIME.sub(" ", line[:span[0]] + " " + line[span[1]:])
    return bool(_DATE_LABEL.search(rest)) or len(re.findall(r"\w+", rest)) <= MAX_OTHER_WORDS


def line_date(line: str) -> str | None:
    """The publication date a header line states, or None (a date inside prose does not count)."""
    for start, end, date in dates_in(line):
        if is_date_line(line, (start, end)):
            return date
    return None


def dateline(line: str) -> re.Match | None:
    """A news dateline opening `line` ("BEIJING, May 3 (Xinhua) --"), or None."""
    return _DATELINE.match(line)


def header_date(lines: list[str], opening: str = "") -> str | None:
    """The publication date stated in an article's header `lines`, as YYYY-MM-DD.

    `opening` is the start of the first body paragraph, which may carry a dateline. A dateline
    without a year takes the year printed elsewhere in the header, when there is exactly one.
    """
    for line in lines:
        date = line_date(line)
        if date:
            return date
    for line in [*lines, opening]:
        m = dateline(line)
        if m:
            years = {int(y) for y in _YEAR_ONLY.findall(" ".join(lines))}
            year = int(m["y"]) if m["y"] else (years.pop() if len(years) == 1 else None)
            return make_date(year, month_number(m["mon"]), int(m["d"])) if year else None
    return None
