"""Metric ranking: largest first, one unit at a time."""
import pytest

from store import NotFound
from store.models import Document, Region
from store.query.ranking import rank, rank_like, units_for

from .compare_fixtures import make_store, sample_store

DOC = Document("r", "rank.txt", "Shares", "2024-01-01",
               "Eastvale holds 35% of the market. Westvale holds 62% of the market. "
               "Northvale holds 12% of the market and 9% of exports. Eastvale also has 20 percent of the market. "
               "Eastvale made 400 tons. Westvale made 9,000 tons. Southvale made 800 units.")
REGIONS = [Region(f"r:{n}", f"{n.title()}vale", "county", None) for n in ("east", "west", "north", "south")]
SPECS = [("r", dict(text="35%", value=35, unit="%", subject="r:east", category="market share")),
         ("r", dict(text="62%", value=62, unit="%", subject="r:west", category="market share")),
         ("r", dict(text="12%", value=12, unit="%", subject="r:north", category="market share")),
         ("r", dict(text="20 percent", value=20, unit="%", subject="r:east", category="market share")),
         ("r", dict(text="400 tons", value=400, unit="tons", subject="r:east", category="output")),
         ("r", dict(text="9,000 tons", value=9000, unit="tons", subject="r:west", category="output")),
         ("r", dict(text="800 units", value=800, unit="units", subject="r:south", category="output")),
         ("r", dict(text="9%", value=9, unit="%", subject=None, category="market share"))]


def store():
    return make_store([DOC], REGIONS, [], SPECS)


def test_largest_first_one_entry_per_entity():
    ranking = rank(store(), "market share", "%")
    assert [(e.name, e.value) for e in ranking.entries] == [("Westvale", 62), ("Eastvale", 35), ("Northvale", 12)]
    east = ranking.entries[1]
    assert [f.text for f in east.figures] == ["35%", "20 percent"]


def test_units_never_mixed_and_listed_apart():
    s = store()
    assert units_for(s, "output") == ["tons", "units"]
    tons = rank(s, "output")  # default: the unit with most figures
    assert tons.unit == "tons" and tons.other_units == ("units",)
    assert {e.figure.unit for e in tons.entries} == {"tons"}
    units = rank(s, "output", "units")
    assert [e.name for e in units.entries] == ["Southvale"]


def test_figures_without_subject_are_not_ranked():
    assert all(e.entity_id for e in rank(store(), "market share").entries)
    assert len(rank(store(), "market share").entries) == 3


def test_bar_fraction_is_relative_to_the_top():
    ranking = rank(store(), "output", "tons")
    assert [round(ranking.bar_fraction(e), 3) for e in ranking.entries] == [1.0, round(400 / 9000, 3)]


def test_empty_category_and_unknown_category():
    empty = rank(store(), "tax")
    assert empty.entries == () and empty.unit is None
    with pytest.raises(NotFound, match="happiness"):
        rank(store(), "happiness")


def test_rank_like_uses_the_figures_category_and_unit():
    s = sample_store()
    share = next(f for f in s.figures.values() if f.unit == "%")
    ranking = rank_like(s, share)
    assert (ranking.category, ranking.unit) == ("market share", "%")
    assert [e.entity_id for e in ranking.entries] == ["c:nimbus"]
