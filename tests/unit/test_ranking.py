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
SPECS = [("r", dict(text="35%", value=35, unit="%", subject="r:east", category="market_share", kind="share")),
         ("r", dict(text="62%", value=62, unit="%", subject="r:west", category="market_share", kind="share")),
         ("r", dict(text="12%", value=12, unit="%", subject="r:north", category="market_share", kind="share")),
         ("r", dict(text="20 percent", value=20, unit="%", subject="r:east", category="market_share", kind="share")),
         ("r", dict(text="400 tons", value=400, unit="tons", subject="r:east", category="output")),
         ("r", dict(text="9,000 tons", value=9000, unit="tons", subject="r:west", category="output")),
         ("r", dict(text="800 units", value=800, unit="units", subject="r:south", category="output")),
         ("r", dict(text="9%", value=9, unit="%", subject=None, category="market_share", kind="share"))]


def store():
    return make_store([DOC], REGIONS, [], SPECS)


def test_largest_first_one_entry_per_entity():
    ranking = rank(store(), "market_share", "%")
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
    assert all(e.entity_id for e in rank(store(), "market_share").entries)
    assert len(rank(store(), "market_share").entries) == 3


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
    assert (ranking.category, ranking.unit) == ("market_share", "%")
    assert [e.entity_id for e in ranking.entries] == ["c:nimbus"]


MIXED = Document("m", "mixed.txt", "Mixed", "2024-06-01",
                 "Eastvale earned 5 billion yuan in 2022 and 3 billion yuan in 2023. "
                 "Westvale earned 4 billion yuan in 2023 and plans 9 billion yuan in 2025. "
                 "Northvale earned $2 billion in 2023. Southvale counts firms with revenue above 8 billion yuan. "
                 "Eastvale made 3 tons. Westvale made 2,500 kg. Northvale sales rose 5%.")
MIXED_SPECS = [
    ("m", dict(text="5 billion yuan", value=5e9, unit="yuan", subject="r:east", category="sales", period="2022")),
    ("m", dict(text="3 billion yuan", value=3e9, unit="yuan", subject="r:east", category="sales", period="2023")),
    ("m", dict(text="4 billion yuan", value=4e9, unit="yuan", subject="r:west", category="sales", period="2023")),
    ("m", dict(text="9 billion yuan", value=9e9, unit="yuan", subject="r:west", category="sales", period="2025",
               status="plan")),
    ("m", dict(text="$2 billion", value=2e9, unit="usd", subject="r:north", category="sales", period="2023")),
    ("m", dict(text="8 billion yuan", value=8e9, unit="yuan", subject="r:south", category="sales",
               status="threshold")),
    ("m", dict(text="3 tons", value=3, unit="tons", subject="r:east", category="output")),
    ("m", dict(text="2,500 kg", value=2500, unit="kg", subject="r:west", category="output")),
    ("m", dict(text="5%", value=5, unit="%", subject="r:north", category="sales", kind="change")),
]


def mixed():
    return make_store([MIXED], REGIONS, [], MIXED_SPECS)


def test_each_entity_is_ranked_by_its_latest_period_shown_beside_it():
    ranking = rank(mixed(), "sales", "yuan")
    assert [(e.name, e.figure.text, e.period) for e in ranking.entries] == [
        ("Westvale", "4 billion yuan", "2023"), ("Eastvale", "3 billion yuan", "2023")]


def test_plans_only_when_asked_and_thresholds_never():
    s = mixed()
    shown = {e.figure.text for e in rank(s, "sales", "yuan").entries}
    assert "9 billion yuan" not in shown and "8 billion yuan" not in shown
    with_plans = rank(s, "sales", "yuan", with_plans=True)
    assert with_plans.with_plans and with_plans.entries[0].figure.text == "9 billion yuan"
    assert "8 billion yuan" not in {f.text for e in with_plans.entries for f in e.figures}


def test_yuan_and_dollars_are_never_mixed_but_tons_and_kilograms_are_one_family():
    s = mixed()
    assert units_for(s, "sales", "level") == ["yuan", "usd"]
    assert [e.name for e in rank(s, "sales", "usd").entries] == ["Northvale"]
    mass = rank(s, "output", "kg")
    assert [(e.name, e.figure.text) for e in mass.entries] == [("Eastvale", "3 tons"), ("Westvale", "2,500 kg")]
    assert mass.other_units == ()


def test_levels_changes_and_shares_are_ranked_apart():
    s = mixed()
    levels = rank(s, "sales")
    assert levels.kind == "level" and levels.other_kinds == ("change",)
    changes = rank(s, "sales", kind="change")
    assert [(e.name, e.figure.text) for e in changes.entries] == [("Northvale", "5%")]
