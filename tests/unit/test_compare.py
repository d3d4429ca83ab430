"""The comparison table model: categories down, entities across, figures in the cells."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.models import CATEGORIES, Figure
from store.query.compare import (
    compare,
    figure_summary,
    format_number,
    format_quantity,
    toggle_empty_rows,
)

from .compare_fixtures import sample_store


def texts(cell):
    return [f.text for f in cell]


def test_rows_are_all_categories_in_order_and_columns_the_entities():
    store = sample_store()
    table = compare(store, ["c:nimbus", "c:orion"])
    assert [r.category for r in table.rows] == list(CATEGORIES)
    assert [(c.name, c.kind) for c in table.columns] == [("Nimbus Pumps", "company"),
                                                         ("Orion Valve Works", "company")]


def test_cells_hold_every_figure_of_the_category_for_the_entity():
    table = compare(sample_store(), ["c:nimbus", "c:orion", "r:lake"])
    assert texts(table.cell("revenue", "c:nimbus")) == ["1.25 billion yuan", "1.25 billion yuan"]
    assert texts(table.cell("revenue", "c:orion")) == ["800 million yuan", "760 million yuan"]
    assert texts(table.cell("enterprises", "r:lake")) == ["215 enterprises"]
    assert table.cell("output", "c:orion") == ()


def test_hiding_empty_rows_keeps_only_rows_with_a_figure():
    store = sample_store()
    table = compare(store, ["c:nimbus", "c:orion"], hide_empty=True)
    assert [r.category for r in table.rows] == ["output", "revenue", "market share"]
    shown = toggle_empty_rows(store, table)
    assert not shown.hidden_empty and len(shown.rows) == len(CATEGORIES)
    assert toggle_empty_rows(store, shown).rows == table.rows


def test_no_figure_is_lost_between_store_and_table():
    store = sample_store()
    ids = ["c:nimbus", "c:orion", "r:lake"]
    table = compare(store, ids)
    assert sorted(f.id for f in table.figures()) == sorted(f.id for i in ids for f in store.figures_of(i))


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
    vague = Figure("f", "d", 0, 1, "tens of millions of yuan", 1e7, "yuan", None, "orders", "revenue",
                   None, None)
    assert figure_summary(vague) == "tens of millions of yuan (≈ 10 million yuan)"
    share = Figure("g", "d", 0, 1, "three-fifths", 60, "%", None, "share", "market share", "2023", None)
    assert figure_summary(share) == "three-fifths (≈ 60%) (2023)"
    plain = Figure("h", "d", 0, 1, "four plants", 4, "plants", None, "plants", "other", None, None)
    assert figure_summary(plain) == "4 plants"


@given(st.integers(min_value=0, max_value=999_999))
def test_small_integers_print_exactly(n):
    assert format_number(float(n)).replace(",", "") == str(n)
