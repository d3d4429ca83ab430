"""Scan text for capitalised words that spell gazetteer places, and note where each sits.

A place is a capitalised word run (with an optional level suffix: "Henan Province",
"Changyuan City"); datelines, given names and institution names are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import DocModel
from ..document.vocab import vocab
from .gazetteer import SUFFIX_ONLY, Candidate, Gazetteer, Place

# A place word is capitalised then lower case; an apostrophe continues it only before a pinyin
# syllable starting with a, e or o ("Ma'anshan"). CamelCase brands and all-caps words are not places.
PLACE_WORD = re.compile(r"[A-Z][a-z]*(?:['\u2019][aeo][a-z]*)*")
SUFFIX = re.compile(r" (Province|City|County|District|Prefecture|Municipality|Banner|New Area|"
                    r"Autonomous Region|Autonomous Prefecture|Special Administrative Region|"
                    r"province|city|county|district|prefecture)\b")
SUFFIX_LEVELS = {
    "Province": {"province"}, "Autonomous Region": {"province"},
    "Special Administrative Region": {"province"}, "Municipality": {"province"},
    "City": {"province", "prefecture", "county"}, "Prefecture": {"prefecture"},
    "Autonomous Prefecture": {"prefecture"}, "County": {"county"}, "Banner": {"county"},
    "District": {"district"}, "New Area": {"district"},
}
# A place word followed by one of these is part of an institution, event or landmark
# name ("Shanghai Jiao Tong University", "Hangzhou Bay"), not a location of industry.
NOT_A_LOCATION_AFTER = {"University", "Summit", "Forum", "Olympics", "Olympic", "Games",
                        "Bay", "River", "Lake", "Road", "Avenue", "Mountain", "Mountains",
                        "Jiao", "Cooperation"}
DATELINE = re.compile(r"(?:reported|reporting) from\s*$", re.I)
FUNCTION_WORDS = vocab().function_words


@dataclass(frozen=True)
class Piece:
    """A capitalised word of the text (a hyphenated token gives one piece per part)."""

    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A place word found in the text, before and after it is resolved."""

    start: int
    end: int
    suffix: str
    cands: list[Candidate]
    split: bool = False  # joined from separate words ("Ma Anshan")
    place: Place | None = None
    rank: int = 0
    sentence: int = 0
    paragraph: int = 0


def place_pieces(model: DocModel) -> list[Piece]:
    """The words of the document that may spell a place, hyphenated tokens split into parts."""
    out = []
    for tok in model.tokens:
        if not tok.is_word or not tok.text[0].isupper():  # is_capitalised, without a call per token
            continue
        offset = tok.start
        for part in tok.text.split("-"):
            if PLACE_WORD.fullmatch(part):
                out.append(Piece(offset, offset + len(part), part))
            offset += len(part) + 1
    return out


def scan(model: DocModel, gaz: Gazetteer) -> list[Mention]:
    """Every capitalised word run that spells a gazetteer place, suffix included."""
    text = model.text
    pieces = place_pieces(model)
    # spaced[i]: pieces i and i + 1 are one space apart, so a place's name may run on over them
    spaced = [text[a.end:b.start] == " " for a, b in zip(pieces, pieces[1:])]
    out: list[Mention] = []
    i = 0
    while i < len(pieces):
        found = _match_at(pieces, spaced, i, text, gaz)
        if found:
            mention, width = found
            if _usable(mention, pieces, i, text) and not model.is_furniture(mention.start, mention.end):
                out.append(mention)
            i += width
        else:
            i += 1
    return out


def _match_at(pieces: list[Piece], spaced: list[bool], i: int, text: str,
              gaz: Gazetteer) -> tuple[Mention, int] | None:
    """The longest place spelling starting at piece i (3, 2 or 1 words, each one space apart)."""
    for width in (3, 2, 1):
        run = pieces[i:i + width]
        if len(run) < width or not all(spaced[i:i + width - 1]):
            continue
        words = [p.text for p in run]
        cands, split = gaz.lookup(" ".join(words)), False
        if not cands and width > 1:
            cands, split = gaz.lookup("".join(words)), True
        if not cands:
            continue
        end = run[-1].end
        suffix = SUFFIX.match(text, end)
        word = suffix.group(1).title() if suffix else ""
        cands = _fit_suffix(cands, word)
        if cands:
            return Mention(run[0].start, suffix.end() if suffix else end, word, cands, split), width
    return None


def _fit_suffix(cands: list[Candidate], suffix: str) -> list[Candidate]:
    """Candidates a suffix allows: "County" keeps counties; no suffix drops stems like "Cao"."""
    if not suffix:
        return [c for c in cands if c.rank != SUFFIX_ONLY]
    fitting = [c for c in cands if c.place.level in SUFFIX_LEVELS[suffix]]
    return fitting or cands


def _usable(m: Mention, pieces: list[Piece], i: int, text: str) -> bool:
    """False for datelines, given names and institution names that merely contain a place."""
    if DATELINE.search(text, max(0, m.start - 30), m.start):
        return False
    after = PLACE_WORD.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
    if after and after.group() in NOT_A_LOCATION_AFTER:
        return False
    before = pieces[i - 1] if i else None
    is_given_name = (before is not None and text[before.end:m.start] == " "
                     and before.text in vocab().surnames and not m.suffix)
    return not is_given_name


def locate(mentions: list[Mention], model: DocModel) -> None:
    """Number each mention's sentence and paragraph from the document model."""
    for m in mentions:
        sentence = model.sentence_at(m.start)
        m.sentence = sentence.index if sentence else -1
        m.paragraph = sentence.paragraph if sentence else -1
