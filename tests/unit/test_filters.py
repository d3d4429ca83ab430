"""Filters (store/query/filters.py): facets narrow rows, rankings and comparisons the same way."""
from dataclasses import replace

import pytest

from store.query.compare import compare
from store.query.filters import Filters, Narrowing, facet_values, parse_period, period_years
from store.query.ranking import rank
from store.query.views import company_rows, entity_rows

from .compare_fixtures import sample_store


@pytest.mark.parametrize("text, years", [("2022", (2022, 2022)), ("2021-2023", (2021, 2023)),
                                         ("2023..2021", (2021, 2023)), ("2019 to 2020", (2019, 2020)),
                                         ("last year", None), ("22", None)])
def test_parse_period(text, years):
    assert parse_period(text) == years


def test_period_years_read_the_gold_notation_and_free_text():
    assert period_years("2024-01/2024-04") == (2024, 2024)
    assert period_years("2021/2023") == (2021, 2023)
    assert period_years("first half of 2023") == (2023, 2023)
    assert period_years(None) is None


def test_rows_narrow_by_each_facet():
    store = sample_store()
    rows = entity_rows(store, "c:nimbus")  # 1.25 bn twice (2023), 40%, 2 million pumps
    def ids(**facets):
        return sorted(store.figures[r.id].text for r in Narrowing(store, Filters(**facets)).rows(rows))
    assert ids(categories=("sales",)) == ["1.25 billion yuan", "1.25 billion yuan"]
    assert ids(period=(2023, 2023)) == ["1.25 billion yuan", "1.25 billion yuan"]
    assert ids(period=(2020, 2021)) == []
    assert ids(documents=("b",)) == ["1.25 billion yuan", "2 million pumps"]
    assert ids(statuses=("plan",)) == []
    assert ids(kinds=("company",)) == []


def test_a_region_facet_takes_its_whole_subtree():
    store = sample_store()
    under = Narrowing(store, Filters(regions=("r:prov",)))  # Lakeside County lies in Hillshire
    assert [r.id for r in under.rows(company_rows(store))] == ["c:nimbus", "c:orion"]
    assert Narrowing(store, Filters(regions=("r:lake",))).entity("region", "r:prov") is False


def test_entities_pass_figure_facets_through_their_own_figures():
    store = sample_store()
    share = Narrowing(store, Filters(categories=("market_share",)))
    assert [r.id for r in share.rows(company_rows(store))] == ["c:nimbus"]
    in_b = Narrowing(store, Filters(documents=("b",)))
    assert in_b.entity("company", "c:orion")  # named (and measured) in beta.txt


def test_ranking_and_comparison_follow_the_filters():
    store = sample_store()
    only_b = Narrowing(store, Filters(documents=("b",)))
    ranking = only_b.ranking(rank(store, "sales", "yuan"))
    assert [(e.name, e.figure.doc_id) for e in ranking.entries] == [("Nimbus Pumps", "b"), ("Orion Valve Works", "b")]
    assert Narrowing(store, Filters(period=(2000, 2001))).ranking(rank(store, "sales", "yuan")).entries == ()
    table = only_b.comparison(compare(store, ["c:nimbus", "c:orion"], hide_empty=True))
    assert {f.doc_id for f in table.figures()} == {"b"}
    assert [r.category for r in table.rows] == ["output", "sales"]  # emptied rows go when hidden


def test_filters_round_trip_and_drop_what_the_store_no_longer_has():
    store = sample_store()
    f = Filters().with_value("category", "sales").with_value("period", "2021-2023")
    f = f.with_value("region", "r:lake").with_value("document", "a").with_value("kind", "figure")
    assert Filters.from_dict(f.to_dict(), store) == f
    stale = {**f.to_dict(), "regions": ["r:gone"], "statuses": ["maybe"], "period": "2022"}
    assert Filters.from_dict(stale, store) == replace(f, regions=(), period=None)
    assert Filters.from_dict("junk") == Filters()
    assert [c.label for c in f.chips(store)] == ["kind: figure", "category: sales", "period: 2021–2023",
                                                  "document: alpha.txt", "under: Lakeside County"]
    assert f.without("period", "").period is None and not Filters().active


def test_facet_values_count_figures():
    values = {(v.facet, v.value): v.count for v in facet_values(sample_store())}
    assert values[("category", "sales")] == 4 and values[("period", "2023")] == 4
    assert values[("document", "b")] == 3 and values[("region", "r:prov")] == 7
    assert ("status", "plan") not in values  # no planned figures: nothing to offer
