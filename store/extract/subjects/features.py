"""The evidence that a figure is about a candidate entity: position, grammar, wording."""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ...models import Mention, Region
from ..regions.hierarchy import ancestors
from .words import subject_words

if TYPE_CHECKING:
    from .candidates import DocFacts

_LIST_NEIGHBOUR = re.compile(r"^\s*(?:,|and|or|、)\s*$")
# "In nearby Huizhou, ...", "At the Anting plant, ...": a place that frames the whole sentence.
_LOCATIVE_OPENER = re.compile(r"\s*(?:In|At|Within|Across)\s[^,.;]{1,80},")


def level_of(entity_id: str, regions: dict[str, Region]) -> str:
    """"company", or a region's level folded onto LEVELS (a district counts as a county)."""
    region = regions.get(entity_id)
    if region is None:
        return "company"
    return "county" if region.level == "district" else region.level




def metric_context(text: str, s_start: int, s_end: int, start: int, end: int) -> str:
    """The words around a figure that say what it measures (its clause side, lower case)."""
    return text[max(s_start, start - 80):min(s_end, end + 60)].lower()


def features_of(facts: DocFacts, eid: str, ms: list[Mention], start: int, end: int,
              sentence, clause: tuple[int, int], context: str) -> dict[str, float]:
    """The evidence that the figure at [start, end) is about entity `eid`."""
    text = facts.model.text
    words = subject_words()
    level = level_of(eid, facts.regions)
    in_sentence = [m for m in ms if sentence.start <= m.start < sentence.end]
    in_clause = [m for m in in_sentence if clause[0] <= m.start < clause[1]]
    f: dict[str, float] = {f"is_{level}": 1.0}
    f["same_clause"] = float(bool(in_clause))
    f["same_sentence"] = float(bool(in_sentence))
    f["earlier_sentence"] = float(bool(ms) and not in_sentence)
    if in_sentence:
        nearest = min(in_sentence, key=lambda m: min(abs(m.start - end), abs(start - m.end)))
        gap = text[min(nearest.end, start):max(nearest.start, end)]
        f["distance"] = math.log1p(len(gap.split()))
        f["before"] = float(nearest.end <= start)
        f["clause_subject"] = float(_opens(text, nearest, clause if nearest in in_clause else
                                           (sentence.start, sentence.end))
                                    and not prepositional(text, nearest, sentence.start))
        owners = [m for m in in_sentence if text[m.end:m.end + 2] in ("'s", "’s") and m.end <= start]
        # "X's new plant has ...": X owns the clause's subject; "of the city's output": X is far off.
        f["possessive_subject"] = float(any(not prepositional(text, m, sentence.start) for m in owners))
        f["possessive_object"] = float(any(prepositional(text, m, sentence.start) for m in owners))
        prev = text[max(0, nearest.start - 12):nearest.start].split()
        f["of_object"] = float(bool(prev) and prev[-1].lower() == "of")
        f["after_preposition"] = float(prepositional(text, nearest, sentence.start))
        f["locative_opener"] = float(any(_LOCATIVE_OPENER.match(text, sentence.start) and
                                         _LOCATIVE_OPENER.match(text, sentence.start).end() >= m.end
                                         for m in in_sentence))
        around = facts.between(nearest.start - 80, nearest.end + 80)
        f["in_list"] = float(_listed(text, nearest, around, facts.regions))
        f["appositive"] = float(_in_appositive(text, nearest, around))
    f["reference"] = float(any((m.start, m.end) in facts.references for m in in_clause or in_sentence))
    f["previous_subject"] = float(_previous_subject(facts, sentence) == eid)
    subject = _subject_in(facts, sentence.start, sentence.end)
    f["sentence_subject"] = float(subject == eid)
    f["other_is_subject"] = float(subject is not None and subject != eid)
    f["company_metric"] = float(level == "company" and any(w in context for w in words.company_metrics))
    f["place_metric"] = float(level != "company" and any(w in context for w in words.place_metrics))
    f["section"] = float(facts.section_place(start) == eid)
    return f


def _opens(text: str, m: Mention, span: tuple[int, int]) -> bool:
    """True when the mention is the first thing its clause names (its grammatical subject)."""
    lead = text[span[0]:m.start].strip(" ,\"“'‘(").lower()
    return len(lead.split()) <= 3 and not any(w in lead.split() for w in ("of", "to", "from", "with", "by"))


# "Zhucheng, a county-level city of Weifang, ...": the segment describes the name before it.
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|one\s+of)\s+[^,.;]*$")


def _in_appositive(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """True when the mention sits in a ", a/an/the ..." phrase that describes an earlier name."""
    opening = _APPOSITIVE.search(text, max(0, m.start - 80), m.start)
    return bool(opening) and any(o.end <= opening.start() and opening.start() - o.end <= 3 for o in mentions)


def _listed(text: str, m: Mention, mentions: list[Mention], regions: dict[str, Region]) -> bool:
    """True when the mention stands in a list of names of its own kind ("A, B and C");
    "Changzhou, Jiangsu" is a place and its province, not a list."""
    def kin(o: Mention) -> bool:
        """Same kind as `m`, and not its parent or child place."""
        if (o.entity_id in regions) != (m.entity_id in regions):
            return False
        return o.entity_id not in regions or not (
            o.entity_id in ancestors(m.entity_id, regions) or m.entity_id in ancestors(o.entity_id, regions))
    return any(o is not m and kin(o) and (_LIST_NEIGHBOUR.match(text[o.end:m.start]) if o.end <= m.start
                                          else _LIST_NEIGHBOUR.match(text[m.end:o.start]))
               for o in mentions if abs(o.start - m.start) < 80)


# Words that may stand before a place in a locational appositive ("Changyuan, northern Henan").
_LOCATIONAL = frozenset("""north south east west northern southern eastern western central northeast
northwest southeast southwest northeastern northwestern southeastern southwestern china's china
inland coastal""".split())


def prepositional(text: str, m: Mention, lo: int) -> bool:
    """True when a preposition governs the mention: one stands before it in its comma segment
    ("In nearby Huizhou", "of the city's"), or it only locates the place before it
    ("In Changyuan, northern Henan, ...": Henan is governed like Changyuan)."""
    segment_start = max(lo, text.rfind(",", lo, m.start) + 1)
    words = text[segment_start:m.start].lower().split()
    preps = subject_words().prepositions
    if any(w in preps for w in words[-4:]):
        return True
    if segment_start > lo and all(w in _LOCATIONAL for w in words):
        previous_start = max(lo, text.rfind(",", lo, segment_start - 1) + 1)
        lead = text[previous_start:segment_start - 1].lower().split()
        return bool(lead) and lead[0] in preps
    return False


def _subject_in(facts: DocFacts, lo: int, hi: int) -> str | None:
    """The entity a stretch of text is about: its first mention no preposition governs.

    Asked of the same sentences for every figure and candidate: remembered per document."""
    key = ("subject", lo, hi)
    if key not in facts.memo:
        facts.memo[key] = _first_ungoverned(facts, lo, hi)
    return facts.memo[key]


def _first_ungoverned(facts: DocFacts, lo: int, hi: int) -> str | None:
    """`_subject_in` worked out."""
    for m in facts.between(lo, hi):
        if not prepositional(facts.model.text, m, lo):
            return m.entity_id
    return None


def _previous_subject(facts: DocFacts, sentence) -> str | None:
    """The subject of the sentence before, within the same paragraph."""
    if sentence.index == 0:
        return None
    previous = facts.model.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return None
    return _subject_in(facts, previous.start, previous.end)

