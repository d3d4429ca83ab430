"""The comparison table model: category × kind down (plans apart), entities across, facts in the cells."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.models import CATEGORIES, KINDS, Document, Figure
from store.query.compare import (
    compare,
    figure_summary,
    format_number,
    format_quantity,
    toggle_empty_rows,
)

from .compare_fixtures import COMPANIES, REGIONS, make_store, sample_store

PLANS = Document("p", "plans.txt", "Plans", "2024-02-01",
                 "Nimbus Pumps sold 2 billion yuan of pumps in 2023. It expects sales of 3 billion yuan in 2025. "
                 "Orion Valve Works counts among the firms with sales above 500 million yuan.")
PLAN_FIGURES = [
    ("p", dict(text="2 billion yuan", value=2e9, unit="yuan", subject="c:nimbus", category="sales", period="2023")),
    ("p", dict(text="3 billion yuan", value=3e9, unit="yuan", subject="c:nimbus", category="sales", period="2025",
               status="plan")),
    ("p", dict(text="500 million yuan", value=5e8, unit="yuan", subject="c:orion", category="sales",
               status="threshold")),
]


def texts(cell):
    return [f.text for f in cell]


def test_rows_are_category_by_kind_in_order_and_columns_the_entities():
    store = sample_store()
    table = compare(store, ["c:nimbus", "c:orion"])
    assert [(r.category, r.kind) for r in table.rows] == [(c, k) for c in CATEGORIES for k in KINDS]
    assert not any(r.plan for r in table.rows)  # no plans here: no plan rows
    assert table.rows[0].label == "output · level"
    assert [(c.name, c.kind) for c in table.columns] == [("Nimbus Pumps", "company"),
                                                         ("Orion Valve Works", "company")]


def test_cells_hold_each_fact_once_with_every_source():
    table = compare(sample_store(), ["c:nimbus", "c:orion", "r:lake"])
    [sales] = table.cell("sales", "c:nimbus")
    assert [(f.doc_id, f.text) for f in table.sources_of(sales)] == [("a", "1.25 billion yuan"), ("b", "1.25 billion yuan")]
    assert texts(table.cell("sales", "c:orion")) == ["800 million yuan", "760 million yuan"]
    assert texts(table.cell("market_share", "c:nimbus", "share")) == ["40%"]
    assert texts(table.cell("enterprises", "r:lake")) == ["215 enterprises"]
    assert table.cell("output", "c:orion") == ()


def test_hiding_empty_rows_keeps_only_rows_with_a_figure():
    store = sample_store()
    table = compare(store, ["c:nimbus", "c:orion"], hide_empty=True)
    assert [r.label for r in table.rows] == ["output · level", "sales · level", "market share · share"]
    shown = toggle_empty_rows(store, table)
    assert not shown.hidden_empty and len(shown.rows) == len(CATEGORIES) * len(KINDS)
    assert toggle_empty_rows(store, shown).rows == table.rows


def test_no_figure_is_lost_between_store_and_table():
    store = sample_store()
    ids = ["c:nimbus", "c:orion", "r:lake"]
    table = compare(store, ids)
    stated = sorted(s.id for f in table.figures() for s in table.sources_of(f))
    assert stated == sorted(f.id for i in ids for f in store.figures_of(i))


def test_plans_sit_apart_and_thresholds_are_left_out():
    store = make_store([PLANS], REGIONS, COMPANIES, PLAN_FIGURES)
    table = compare(store, ["c:nimbus", "c:orion"], hide_empty=True)
    assert [r.label for r in table.rows] == ["sales · level", "sales · level (plan)"]
    assert texts(table.cell("sales", "c:nimbus")) == ["2 billion yuan"]
    assert texts(table.cell("sales", "c:nimbus", plan=True)) == ["3 billion yuan"]
    assert "500 million yuan" not in texts(table.figures())


def test_unknown_entity_raises():
    with pytest.raises(KeyError):
        compare(sample_store(), ["c:nimbus", "c:nobody"])


def test_figure_summary_has_qualifier_value_unit_and_period():
    fig = Figure("f", "d", 0, 1, "x", 300000, "units", "more than", "output", "output", "2022", None)
    assert figure_summary(fig) == "more than 300,000 units (2022)"
    assert format_quantity(70, "%") == "70%"
    assert format_quantity(8.88e9, "yuan") == "8.88 billion yuan"
    assert format_number(1.5e12) == "1.5 trillion"
    assert format_number(0.25) == "0.25"
    assert format_number(1042) == "1,042"


def test_figure_read_from_words_is_shown_as_stated_with_its_reading():
    vague = Figure("f", "d", 0, 1, "tens of millions of yuan", 1e7, "yuan", None, "orders", "sales",
                   None, None)
    assert figure_summary(vague) == "tens of millions of yuan (≈ 10 million yuan)"
    share = Figure("g", "d", 0, 1, "three-fifths", 60, "%", None, "share", "market_share", "2023", None)
    assert figure_summary(share) == "three-fifths (≈ 60%) (2023)"
    plain = Figure("h", "d", 0, 1, "four plants", 4, "plants", None, "plants", "other", None, None)
    assert figure_summary(plain) == "4 plants"


@given(st.integers(min_value=0, max_value=999_999))
def test_small_integers_print_exactly(n):
    assert format_number(float(n)).replace(",", "") == str(n)
