"""The figure extractor's open vocabularies, read once from data/*.json into one typed, checked record.

Every word list the figure extractor uses lives in a data file beside this module (units, counted
nouns, qualifiers, noun-phrase words, category keywords, kind and status cues, calendar words) and
is read only here. A malformed file raises VocabularyError naming the file and the entry, so an
edit that breaks a list fails at once instead of silently changing what is extracted.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from ...calendar import MONTHS
from ...errors import MfgError
from ...models import CATEGORIES

DATA_DIR = Path(__file__).with_name("data")


class VocabularyError(MfgError):
    """A figure vocabulary file is missing, not JSON, or holds an entry of the wrong shape."""


@dataclass(frozen=True)
class CountNoun:
    """A noun counted after a number: its canonical unit and what a count of it measures."""

    unit: str
    category: str | None  # None: the sentence decides ("300,000 units" of output or of sales)
    phrase_decides: bool = False  # its phrase's words may name another category ("research projects")
    fallback: str | None = None  # the category when no word says ("300,000 units" are output)


def _words_re(field: str, template: str, doc: str) -> cached_property:
    """A regex compiled once from one word list of the vocabulary, placed in `template` as {words}."""
    def build(self) -> re.Pattern:
        return re.compile(template.format(words=alternation(getattr(self, field))), re.I)
    build.__doc__ = doc
    return cached_property(build)


@dataclass(frozen=True)
class Vocabulary:
    """All figure word lists, validated; regexes built from them are computed once, on first use."""

    measures: Mapping[str, str]  # surface variant (lowercase, single spaces) -> canonical unit
    surface_measures: tuple[str, ...]  # the variants as written ("kWh", "MW"), for matching
    measure_scales: Mapping[str, float]  # variants that carry a scale ("mt": a million tons) -> factor
    glued: frozenset[str]  # variants that may touch the number ("5mm")
    currency_symbols: Mapping[str, str]  # "US$" -> "usd"
    unit_families: Mapping[str, tuple[str, float]]  # unit -> (family, factor to the family's base)
    unit_categories: Mapping[str, str]  # physical unit -> category when no word says what it measures
    count_nouns: Mapping[str, CountNoun]  # surface noun (lowercase) -> CountNoun
    qualifiers_in_span: Mapping[str, str]
    qualifiers_outside: Mapping[str, str]
    np_stop: frozenset[str]
    ed_modifiers: frozenset[str]
    verbs: frozenset[str]
    label_nouns: frozenset[str]
    category_keywords: tuple[tuple[str, tuple[str, ...]], ...]  # in precedence order
    money_only: frozenset[str]
    count_only: frozenset[str]
    market_wholes: frozenset[str]
    months: tuple[tuple[str, ...], ...]  # twelve entries, each full name first
    relative_years: Mapping[str, int]
    present: tuple[str, ...]
    parts: Mapping[str, tuple[int, int]]
    baselines: tuple[str, ...]
    change_verbs: frozenset[str]
    change_nouns: frozenset[str]
    change_after: tuple[str, ...]
    share_words: tuple[str, ...]
    plan_words: tuple[str, ...]
    comparatives: tuple[str, ...]

    @cached_property
    def measure_alternation(self) -> str:
        """Regex alternation of every measure variant, longest first (spaces match spaces or dashes)."""
        return "|".join(re.escape(v).replace(r"\ ", r"[\s-]+") for v in _longest_first(self.surface_measures))

    @cached_property
    def measure_re(self) -> re.Pattern:
        """A measure unit right after a number: separator, then the longest variant."""
        return re.compile(rf"(?P<sep>\s+of\s+|\s*|-)(?P<unit>{self.measure_alternation})(?![A-Za-z])", re.I)

    qualifier_re = _words_re("qualifiers_in_span", r"\b({words})\s+$",
                             "An in-span qualifier ending right before a number.")
    outside_qualifier_re = _words_re("qualifiers_outside", r"\b({words})\s+(?:an?\s+|the\s+)?$",
                                     "A qualifying verb or phrase before a number, outside its span.")

    @cached_property
    def plan_re(self) -> re.Pattern:
        """Any modal, future or intention phrase ("will", "is expected", "plans to")."""
        return whole_words_re(self.plan_words)

    def fallback_category(self, unit: str) -> str | None:
        """What a figure in `unit` measures when no word around it says, if the data gives it."""
        if unit in self.unit_categories:
            return self.unit_categories[unit]
        return next((n.fallback for n in self.count_nouns.values() if n.unit == unit and n.fallback), None)

    @cached_property
    def currencies(self) -> frozenset[str]:
        """Canonical units that are money ("yuan", "usd", ...)."""
        return frozenset(self.currency_symbols.values())

    @cached_property
    def currency_re(self) -> re.Pattern:
        """A currency symbol or code ending right before a number (codes start at a word boundary)."""
        alts = "|".join(re.escape(s) if not s[0].isalpha() else rf"\b{re.escape(s)}"
                        for s in _longest_first(self.currency_symbols))
        return re.compile(rf"({alts})\s?$")

    @cached_property
    def month_names(self) -> str:
        """Regex alternation of every month name and abbreviation, longest first."""
        return alternation(name for names in self.months for name in names)

    @cached_property
    def month_number(self) -> Mapping[str, int]:
        """Month name or abbreviation (lowercase) -> 1..12."""
        return MappingProxyType({n.lower(): i for i, names in enumerate(self.months, 1) for n in names})


def _longest_first(words) -> list[str]:
    """Words sorted so that a regex alternation prefers the longest match."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def alternation(words) -> str:
    """An escaped regex alternation of `words`, longest first, spaces matching any whitespace."""
    return _escaped(_longest_first(words))


def _escaped(words: list[str]) -> str:
    """An escaped regex alternation of `words` in their order, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


# The non-ASCII letters that case-blind matching takes for ASCII ones (Python's re documents these).
_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def whole_words_re(words) -> re.Pattern:
    """The pattern `\\b(?:alternation(words))\\b`, case-blind, in a form that matches the same
    spans several times faster.

    `search` tries a pattern that opens with `\\b` and a case-blind alternation at every
    character; opened by a case-exact set of the words' possible first letters, it skips the
    rest in C. The letter matched then picks the words that start with it, tried longest
    first as in the plain alternation, after the same word boundary."""
    ordered = _longest_first(words)
    plain = re.compile(rf"\b(?:{alternation(ordered)})\b", re.I)
    if not ordered or not all(w[0].isascii() and w[0].isalpha() for w in ordered):
        return plain
    by_first: dict[str, list[str]] = {}
    for w in ordered:
        by_first.setdefault(w[0].lower(), []).append(w[1:])
    firsts = "".join(sorted({x for c in by_first for x in (c, c.upper(), *_FOLDS.get(c, ""))}))
    branches = "|".join(f"(?<={c})(?:{_escaped(rests)})" for c, rests in by_first.items())
    return re.compile(rf"(?-i:[{firsts}])(?<=\b.)(?:{branches})\b", re.I)


def _read(folder: Path, name: str) -> dict:
    """One data file as a dict, or VocabularyError."""
    path = folder / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VocabularyError(f"cannot read figure vocabulary {path}: {exc}; restore the file") from None
    if not isinstance(data, dict):
        raise VocabularyError(f"figure vocabulary {path} must hold a JSON object")
    return data


_JSON_KINDS = {dict: "a JSON object", list: "a list", str: "a string", int: "whole-number"}


class _Checker:
    """Typed access to one data file's entries; every failure names the file and the key."""

    def __init__(self, folder: Path, name: str):
        self.name, self.data = name, _read(folder, name)

    def fail(self, key: str, what: str) -> VocabularyError:
        """The error for a bad entry."""
        return VocabularyError(f"figure vocabulary {self.name}: {key!r} {what}; fix the file")

    def get(self, key: str, kind: type):
        """The entry `key`, which must exist and be of `kind`."""
        if key not in self.data:
            raise self.fail(key, "is missing")
        value = self.data[key]
        if not isinstance(value, kind):
            raise self.fail(key, f"must be {_JSON_KINDS.get(kind, kind.__name__)}")
        return value

    def words(self, key: str, value=None) -> tuple[str, ...]:
        """A list of non-empty strings."""
        value = self.get(key, list) if value is None else value
        if not all(isinstance(w, str) and w.strip() for w in value):
            raise self.fail(key, "must list non-empty strings")
        return tuple(value)

    def word_map(self, key: str, kind: type = str) -> dict:
        """An object from non-empty strings to values of `kind`."""
        value = self.get(key, dict)
        if not all(isinstance(k, str) and k and isinstance(v, kind) for k, v in value.items()):
            raise self.fail(key, f"must map words to {_JSON_KINDS.get(kind, kind.__name__)} values")
        return value

    def category(self, key: str, value) -> str:
        """A category of the gold vocabulary."""
        if value not in CATEGORIES:
            raise self.fail(key, f"names {value!r}, which is not a category ({', '.join(CATEGORIES)})")
        return value


def _units(check: _Checker) -> dict:
    """units.json: measures, glued variants, currency symbols, unit families."""
    measures: dict[str, str] = {}
    surface: list[str] = []
    for unit, variants in check.word_map("measures", list).items():
        if unit in check.data.get("scaled", {}):
            raise check.fail(f"measures.{unit}", "is also a scaled abbreviation")
        for variant in check.words(f"measures.{unit}", variants):
            key = " ".join(variant.lower().split())
            if measures.setdefault(key, unit) != unit:
                raise check.fail(f"measures.{unit}", f"repeats {variant!r}, already a variant of {measures[key]!r}")
            surface.append(variant)
    scales: dict[str, float] = {}
    for variant, entry in check.word_map("scaled", dict).items():
        unit, factor = entry.get("unit"), entry.get("factor")
        if unit not in check.data["measures"] or not isinstance(factor, (int, float)) or factor <= 0:
            raise check.fail(f"scaled.{variant}", "needs a measure unit and a positive factor")
        if measures.setdefault(variant.lower(), unit) != unit:
            raise check.fail(f"scaled.{variant}", "is already a variant of another unit")
        scales[variant.lower()] = float(factor)
        surface.append(variant)
    glued = frozenset(check.words("glued"))
    if not glued <= set(surface):
        raise check.fail("glued", f"lists {sorted(glued - set(surface))}, which are not measure variants")
    symbols = check.word_map("currency_symbols")
    families: dict[str, tuple[str, float]] = {}
    for family, members in check.word_map("families", dict).items():
        for unit, factor in members.items():
            if not isinstance(factor, (int, float)) or factor <= 0 or unit in families:
                raise check.fail(f"families.{family}", f"needs each unit once with a positive factor ({unit!r})")
            families[unit] = (family, float(factor))
    fallback = {unit: check.category("fallback_categories", c) for unit, c in check.word_map("fallback_categories").items()}
    units = set(measures.values())
    strangers = sorted((set(families) | set(fallback)) - units)
    if strangers:
        raise check.fail("families", f"and fallback_categories name {strangers}, which are not measure units")
    return dict(measures=measures, measure_scales=scales, glued=glued, currency_symbols=symbols, unit_families=families,
                unit_categories=fallback,
                surface_measures=tuple(surface))


def _nouns(check: _Checker) -> dict:
    """nouns.json: counted nouns with their unit and category."""
    nouns: dict[str, CountNoun] = {}
    for unit, entry in check.word_map("count_nouns", dict).items():
        key = f"count_nouns.{unit}"
        category = entry.get("category")
        if category is not None:
            check.category(key, category)
        fallback = entry.get("fallback")
        if fallback is not None:
            check.category(key, fallback)
        phrase_decides = entry.get("phrase_decides", False)
        if not isinstance(phrase_decides, bool):
            raise check.fail(key, "has a phrase_decides that is not true or false")
        for word in check.words(key, entry.get("words", [])):
            if word.lower() in nouns:
                raise check.fail(key, f"repeats {word!r}, already counted as {nouns[word.lower()].unit!r}")
            nouns[word.lower()] = CountNoun(unit, category, phrase_decides, fallback)
    return dict(count_nouns=nouns)


def _categories(check: _Checker) -> dict:
    """categories.json: keywords per category in precedence order, and the category word sets."""
    keywords = tuple((check.category("keywords", name), tuple(w.lower() for w in check.words(f"keywords.{name}", words)))
                     for name, words in check.word_map("keywords", list).items())
    sets = {key: frozenset(check.category(key, c) for c in check.words(key)) for key in ("money_only", "count_only")}
    return dict(category_keywords=keywords, market_wholes=frozenset(w.lower() for w in check.words("market_wholes")),
                **sets)


def _calendar(check: _Checker) -> dict:
    """calendar.json: relative years, present words, parts of a year, baseline words."""
    months = MONTHS  # a closed set, written once for the whole library
    parts = {}
    for part, span in check.word_map("parts", list).items():
        if len(span) != 2 or not all(isinstance(m, int) and 1 <= m <= 12 for m in span) or span[0] > span[1]:
            raise check.fail(f"parts.{part}", "must be [first month, last month] within 1..12")
        parts[part] = (span[0], span[1])
    return dict(months=months, relative_years=check.word_map("relative_years", int),
                present=check.words("present"), parts=parts, baselines=check.words("baselines"))


def _cues(check: _Checker) -> dict:
    """cues.json: the kind and status cues."""
    return dict(change_verbs=frozenset(check.words("change_verbs")), change_nouns=frozenset(check.words("change_nouns")),
                change_after=check.words("change_after"), share_words=check.words("share_words"),
                plan_words=check.words("plan_words"), comparatives=check.words("comparatives"))


def load_vocabulary(folder: Path = DATA_DIR) -> Vocabulary:
    """Read and check every data file in `folder`; VocabularyError on the first bad entry."""
    phrases = _Checker(folder, "phrases.json")
    qualifiers = _Checker(folder, "qualifiers.json")
    fields = dict(
        **_units(_Checker(folder, "units.json")), **_nouns(_Checker(folder, "nouns.json")),
        **_categories(_Checker(folder, "categories.json")), **_calendar(_Checker(folder, "calendar.json")),
        **_cues(_Checker(folder, "cues.json")),
        qualifiers_in_span=qualifiers.word_map("in_span"), qualifiers_outside=qualifiers.word_map("outside"),
        np_stop=frozenset(phrases.words("np_stop")), ed_modifiers=frozenset(phrases.words("ed_modifiers")),
        verbs=frozenset(phrases.words("verbs")), label_nouns=frozenset(phrases.words("label_nouns")))
    frozen = {k: MappingProxyType(v) if isinstance(v, dict) else v for k, v in fields.items()}
    return Vocabulary(**frozen)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The figure vocabulary from the package's data folder, read once per process."""
    return load_vocabulary()
