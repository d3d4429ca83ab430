"""The regular expressions that find where a number is written, and where it cannot be a figure."""
from __future__ import annotations

import re

from .numbers import DENOMINATOR_WORDS, SCALE_WORDS, SMALL_WORDS
from .vocabulary import vocabulary

MONTHS = vocabulary().month_names
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# "8.88 billion", "600-million-yuan" (a scale word may be hyphenated to its unit, not to "level")
_SCALE_TAIL = (rf"(?:(?:\s+|-)(?:and\s+)?(?:{SCALE_WORDS})\b"
               rf"(?!-(?!(?i:{vocabulary().measure_alternation})(?![A-Za-z]))))*")
CORE = re.compile(rf"""
  (?P<every>\b(?:\d+|{SMALL_WORDS})\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:of|for|in)\s+every\s+(?:{_DIGITS}|{SMALL_WORDS})\b)
| (?P<frac>\b(?:{SMALL_WORDS}|a)(?:-(?:{DENOMINATOR_WORDS})\b|\s(?:{DENOMINATOR_WORDS})\b(?=\s+of\b)))
| (?P<vague>\b(?:tens|hundreds|dozens|thousands)\s+of\s+(?:thousands|millions|billions|trillions)\b
    |\b(?:a\s+)?dozens?\b|\b(?:thousands|hundreds)\b(?=\s+of\b))
| (?P<mult>\b(?:doubled|tripled|quadrupled)\b)
| (?P<num>(?:(?<=RMB)|(?<=USD)|(?<=CNY)|(?<![\w.]))(?<!\d,){_DIGITS}{_SCALE_TAIL})
| (?P<word>\b(?:(?:{SMALL_WORDS})\b(?:-(?:one|two|three|four|five|six|seven|eight|nine)\b)?
    |an?(?=\s+(?:{SCALE_WORDS})\b)){_SCALE_TAIL})
| (?P<half>\bhalf\b)
""", re.I | re.X)
# Cheap scan for where a number may start; CORE is then tried only there (10x faster).
CANDIDATE = re.compile(rf"(?=[\dzotfsenhdqa])(?:\d|\b(?:{SMALL_WORDS}|tens|hundreds|dozens?|"
                       r"thousands|doubled|tripled|quadrupled|half|an?)\b)", re.I)
# Dates, clock times, ISO dates and year ranges: never figures.
NOT_FIGURE_ZONES = re.compile(rf"""
  \b(?:{MONTHS})\.?\s+\d{{1,2}}\b(?:,?\s+\d{{4}})? | \b\d{{1,2}},?\s+(?:{MONTHS})\b
| \b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d)
| \b\d{{1,2}}/\d{{1,2}}(?=\s+(?:19|20)\d{{2}}\b|/\d{{2,4}}\b)
| \b(?:1[89]|20)\d{{2}}\s*[-–/]\s*(?:(?:1[89]|20)\d{{2}}|\d{{2}})\b""", re.X)
