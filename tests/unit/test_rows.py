"""Rows the explorer lists (store/query/views.py): values as read, every company, each fact once."""
from dataclasses import replace

from store.query.views import company_rows, same_facts, sort_rows, value_as_read

from .compare_fixtures import sample_store


def test_values_keep_their_qualifier_as_a_sign_and_readings_stay_readings():
    store = sample_store()
    fig = next(f for f in store.figures.values() if f.text == "40%")
    assert value_as_read(fig) == "40%"
    assert value_as_read(replace(fig, qualifier="more than")) == "> 40%"
    assert value_as_read(replace(fig, qualifier="up to")) == "≤ 40%"
    worded = replace(fig, text="tens of millions of yuan", value=1e7, unit="yuan", qualifier=None)
    assert value_as_read(worded) == "≈ 10 million yuan"


def test_every_company_most_figures_first():
    assert [r.label for r in company_rows(sample_store())] == ["Nimbus Pumps", "Orion Valve Works"]


def test_same_facts_once_with_every_source():
    store = sample_store()
    nimbus = store.figures_of("c:nimbus")
    facts = same_facts(store, nimbus)
    sales = [(f.text, [s.doc_id for s in sources]) for f, sources in facts if f.unit == "yuan"]
    assert sales == [("1.25 billion yuan", ["a", "b"])]  # stated in two articles: one fact
    assert len(facts) == len(nimbus) - 1


def test_period_sort_puts_the_latest_first_and_undated_last():
    rows = company_rows(sample_store())
    dated = [replace(rows[0], period="2021"), replace(rows[1], period="2022/2023"), replace(rows[0], period="")]
    assert [r.period for r in sort_rows(dated, "period")] == ["2022/2023", "2021", ""]
