"""Corpora of N altered copies of each seed article, written into a folder (see alter.py)."""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from .alter import Alteration, NameMaker

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds" if (ROOT / "seeds").is_dir() else ROOT / "store" / "seeds"
GAZETTEER = ROOT / "store" / "extract" / "regions" / "data" / "gazetteer.json"
GENERIC = {"Co", "Ltd", "Inc", "Corp", "LLC", "Group", "China", "Chinese", "The", "And", "Of"}
_WORD = re.compile(r"[A-Z][A-Za-z']+")
SWAPPED_LEVELS = ("prefecture", "county", "district")
COMPANY_WORDS = ROOT / "store" / "extract" / "companies" / "data" / "company_words.json"
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
             "r", "z", "c", "s", "y", "w", "")
_FINALS = ("iang", "iong", "uang", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
           "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "er", "a", "o",
           "e", "i", "u")
_PINYIN = re.compile("(?:" + "|".join(i + f for i in _INITIALS for f in _FINALS) + ")+")


def looks_chinese(word: str) -> bool:
    """A pinyin name (Weihua, Pingmei) or an acronym (BYD): what makes a firm's name its own."""
    return (word.isupper() and len(word) >= 2) or bool(_PINYIN.fullmatch(word.lower()))


def vocabulary_words() -> set[str]:
    """Every word of the company extractor's word lists (kinds, industries, generic words...)."""
    data = json.loads(COMPANY_WORDS.read_text(encoding="utf-8"))
    return {w.lower() for w in re.findall(r"[A-Za-z]+", json.dumps(data))}


def seed_files() -> list[Path]:
    """The seed articles, in name order."""
    return sorted(SEEDS.glob("*.txt"))


@dataclass
class Places:
    """The gazetteer's places that can stand in for one another: unique one-word names."""

    by_id: dict[str, dict]
    choices: dict[tuple[str, str], list[dict]]  # (level, parent id) → places

    @classmethod
    def load(cls) -> Places:
        """Read the project's gazetteer."""
        places = json.loads(GAZETTEER.read_text(encoding="utf-8"))["places"]
        count: dict[str, int] = {}
        for p in places:
            for n in {p["name"], *p.get("names", ())}:
                count[n] = count.get(n, 0) + 1
        choices: dict[tuple[str, str], list[dict]] = {}
        for p in places:
            if re.fullmatch(r"[A-Z][a-z]{4,}", p["name"]) and count[p["name"]] == 1:
                choices.setdefault((p["level"], p["parent"]), []).append(p)
        return cls({p["id"]: p for p in places}, choices)

    def province_of(self, place_id: str) -> str | None:
        """The province a place lies in."""
        place = self.by_id.get(place_id)
        while place and place["level"] != "province":
            place = self.by_id.get(place["parent"])
        return place["id"] if place else None

    def names(self) -> set[str]:
        """Every name in the gazetteer."""
        return {n for p in self.by_id.values() for n in (p["name"], *p.get("names", ()))}


def _core(name: str) -> str:
    """A place name without its administrative suffix."""
    return re.sub(r" (County|District|City)$", "", name)


class Renamer:
    """Per copy: firm words → made-up words, prefectures and counties → other real ones."""

    def __init__(self, seed_store, places: Places, seed_texts: list[str]):
        self.places = places
        lower = set(re.findall(r"\b[a-z][a-z']+\b", "\n".join(seed_texts)))
        gaz = places.names()
        vocab = vocabulary_words()
        self.firm_words = sorted({w for c in seed_store.companies.values() for n in (c.name, *c.aliases)
                                  for w in _WORD.findall(n) + re.findall(r"\b[A-Z]{2,}\b", n)
                                  if w not in GENERIC and w.lower() not in lower and w not in gaz
                                  and w.lower() not in vocab and looks_chinese(w)
                                  and (len(w) >= 3 or w.isupper())})
        self.regions = [r for r in seed_store.regions.values()
                        if r.level in SWAPPED_LEVELS and r.id in places.by_id]
        self.maker = NameMaker(gaz | set(self.firm_words))

    def names_for(self, copy: int) -> dict[str, str]:
        """The name map of copy `copy` (copy 0 keeps the seeds' names)."""
        if copy == 0:
            return {}
        rng = random.Random(copy)
        out = {w: self.maker.word(w) for w in self.firm_words}
        swapped: dict[str, dict] = {}
        for r in sorted(self.regions, key=lambda r: SWAPPED_LEVELS.index(r.level)):
            parent = self.places.by_id[r.id]["parent"]
            parent = swapped.get(parent, {}).get("id", parent)
            pool = (self.places.choices.get((r.level, parent))
                    or self.places.choices.get((r.level, self.places.province_of(r.id)), []))
            if pool:
                swapped[r.id] = rng.choice(pool)
                out.setdefault(_core(r.name), swapped[r.id]["name"])
        return out


def write_corpus(folder: Path, copies: int, seed_store, extra: int = 0) -> list[Path]:
    """Write `copies` altered copies of every seed into `folder` (plus `extra` more copies,
    returned apart for ingest); returns the extra files."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in seed_files()]
    renamer = Renamer(seed_store, Places.load(), texts)
    extras = []
    for copy in range(copies + extra):
        altered = Alteration(copy, renamer.names_for(copy))
        for path, text in zip(seed_files(), texts):
            name = f"{path.stem}_c{copy}.txt"
            target = folder / name if copy < copies else folder.parent / f"new_{name}"
            target.write_text(altered(text), encoding="utf-8")
            if copy >= copies:
                extras.append(target)
    return extras
