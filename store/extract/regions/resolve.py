"""Resolve ambiguous place words: each mention picks the place its neighbours point at."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from .gazetteer import ALTERNATE, LEVEL_RANK, Candidate, Gazetteer, Place
from .scan import Mention

# A bare name that could be a province or prefecture usually is, unless a place written
# right beside it ("Xinjiang, Shanxi") or several nearby say otherwise.
PROMINENCE = {"province": 300, "prefecture": 30}


# Words that say what kind of province the article is in: "the autonomous region" is one of five.
KIND_CLUE = "autonomous region"
KIND_CLUE_WEIGHT = 20


def resolve(mentions: list[Mention], gaz: Gazetteer, text: str = "") -> None:
    """Pick each mention's place; ambiguous names follow the places named nearby."""
    clue = KIND_CLUE in text.lower()
    for m in mentions:
        if len({c.place.id for c in m.cands}) == 1 and not m.split:
            m.place, m.rank = m.cands[0].place, m.cands[0].rank
    for _ in range(2):  # a second pass lets resolved ambiguous names help each other
        context = _Context([m for m in mentions if m.place], gaz)
        for m in mentions:
            if len({c.place.id for c in m.cands}) > 1 or m.split:
                best = max(m.cands, key=lambda c: (context.evidence(c.place, m) + _prior(c)
                                                   + (KIND_CLUE_WEIGHT if clue and _autonomous(c.place, gaz) else 0),
                                                   -c.rank, LEVEL_RANK[c.place.level], c.place.id))
                m.place, m.rank = best.place, best.rank
    seen_whole = {m.place.id for m in mentions if not m.split}
    for m in mentions:
        if m.split and m.place.id not in seen_whole:
            m.place = None  # "He Fei" is a person unless the text also writes "Hefei"


class _Context:
    """The resolved mentions of a text, counted by sentence and paragraph for quick scoring.

    Scoring sums over the distinct places of a paragraph, not over its mentions, so an
    article that is one long paragraph costs no more than its variety of places.
    """

    def __init__(self, settled: list[Mention], gaz: Gazetteer):
        self.gaz = gaz
        self.by_sentence: dict[int, Counter] = {}
        self.by_paragraph: dict[int, Counter] = {}
        self.ends: dict[int, dict[int, list[Mention]]] = {}  # paragraph → end offset → mentions
        self.starts: dict[int, dict[int, list[Mention]]] = {}
        self.settled = {id(m) for m in settled}
        for m in settled:
            self.by_sentence.setdefault(m.sentence, Counter())[m.place.id] += 1
            self.by_paragraph.setdefault(m.paragraph, Counter())[m.place.id] += 1
            self.ends.setdefault(m.paragraph, {}).setdefault(m.end, []).append(m)
            self.starts.setdefault(m.paragraph, {}).setdefault(m.start, []).append(m)
        self.prefectures = Counter(gaz.prefecture_of(m.place.id) for m in settled)
        self.provinces = Counter(gaz.province_of(m.place.id) for m in settled)

    def evidence(self, place: Place, m: Mention) -> int:
        """How strongly nearby mentions point at `place`: beside > sentence > paragraph > text."""
        rel = lambda other_id: _relation(place.id, other_id, self.gaz)  # noqa: E731
        own = m.place.id if id(m) in self.settled and m.place is not None else None
        score = 0
        for other, n in self.by_paragraph.get(m.paragraph, {}).items():
            if other != place.id:
                score += 10 * rel(other) * (n - (other == own))
        for other, n in self.by_sentence.get(m.sentence, {}).items():
            if other != place.id:
                score += 90 * rel(other) * (n - (other == own))
        for o in self._adjacent(m):
            if o.place.id != place.id:
                score += rel(o.place.id) * (900 if o.sentence == m.sentence else 990)
        # the whole text, weakly: mentions sharing the prefecture count twice
        return (score + 2 * self.prefectures[self.gaz.prefecture_of(place.id)]
                + self.provinces[self.gaz.province_of(place.id)])

    def _adjacent(self, m: Mention) -> list[Mention]:
        """Settled mentions written right beside `m` ("Jinjiang, Fujian")."""
        ends, starts = self.ends.get(m.paragraph, {}), self.starts.get(m.paragraph, {})
        out = [o for gap in range(-2, 3) for o in ends.get(m.start - gap, []) + starts.get(m.end + gap, [])
               if o is not m]
        return list({id(o): o for o in out}.values())


def _autonomous(place: Place, gaz: Gazetteer) -> bool:
    """True when the place lies in an autonomous region (Guangxi, Inner Mongolia, Tibet...)."""
    province = gaz.get(gaz.province_of(place.id) or "")
    return province is not None and province.full.lower().endswith(KIND_CLUE)


def _prior(c: Candidate) -> int:
    """Evidence a candidate has before context: prominent levels up, unusual readings down."""
    if c.rank == ALTERNATE:
        return -50
    return PROMINENCE.get(c.place.level, 0)


@lru_cache(maxsize=65536)
def _relation(a: str, b: str, gaz: Gazetteer) -> int:
    """2 when two places share a prefecture (or one contains the other), 1 a province, else 0."""
    if gaz.prefecture_of(a) == gaz.prefecture_of(b):
        return 2
    if any(p.id == b for p in gaz.ancestors(a)) or any(p.id == a for p in gaz.ancestors(b)):
        return 2
    return 1 if gaz.province_of(a) == gaz.province_of(b) else 0
