"""find_figures on sentences written for these tests (not from the seeds)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.extract.document import from_text
from store.extract.figures import find_figures, head_noun


def figures(text):
    """All hits of `text` read as an article, checking the offset invariant as we go."""
    hits = find_figures(from_text(text))
    for h in hits:
        assert text[h.start:h.end] == h.text
    return hits


def only(text):
    hits = figures(text)
    assert len(hits) == 1, [h.text for h in hits]
    return hits[0]


def test_money_with_scale_and_qualifier():
    h = only("Last quarter the foundry booked more than 1.2 billion yuan in orders.")
    assert (h.text, h.value, h.unit, h.qualifier) == ("more than 1.2 billion yuan", 1.2e9, "yuan", "more than")


def test_count_noun_unknown_to_the_data_file():
    h = only("The town now has 57 bakeries along the canal.")
    assert (h.text, h.value, h.unit) == ("57 bakeries", 57, "bakeries")


def test_companies_and_workers_normalise():
    hits = figures("The park hosts 42 firms with 1,300 workers.")
    assert [(h.value, h.unit) for h in hits] == [(42, "enterprises"), (1300, "people")]


def test_range_is_one_figure_with_lower_bound():
    h = only("Costs were cut by 8% to 12% after the retrofit.")
    assert (h.text, h.value, h.unit) == ("8% to 12%", 8, "%")


def test_shared_scale_in_spelled_range():
    h = only("The new kiln saves three to four million yuan a year.")
    assert (h.value, h.unit) == (3e6, "yuan")


def test_from_to_gives_two_figures():
    hits = figures("Output climbed from 40 tonnes to 55 tonnes.")
    assert [(h.value, h.unit) for h in hits] == [(40, "tons"), (55, "tons")]


@pytest.mark.parametrize("text, value", [
    ("Roughly two-fifths of the nation's bicycles are assembled here.", 40),
    ("At least 3 of every 5 drones sold abroad come from the city.", 60),
])
def test_fractions_become_percent(text, value):
    h = only(text)
    assert (h.value, h.unit) == (pytest.approx(value), "%")


def test_spelled_scale_with_article():
    h = only("The district built nearly a thousand dormitory rooms.")
    assert (h.value, h.unit, h.qualifier) == (1000, "rooms", "nearly")


def test_multiplier_and_times():
    assert (only("Throughput has doubled since the upgrade.").value, "times") == (2, "times")
    assert only("Yield rose 12 times over.").unit == "times"


def test_glued_measures():
    assert only("The furnace runs at 1,450°C for hours.").unit == "°C"
    assert only("The line carries 220kV power.").unit == "kV"


def test_hyphenated_measure_adjective():
    h = only("They leased a 12,000-square-meter warehouse.")
    assert (h.value, h.unit) == (12000, "square meters")


@pytest.mark.parametrize("text", [
    "On May 5, 2023, the workshop opened at 09:30.",
    "In 2021 the county joined the 14th Five-Year Plan pilot.",
    "The firm ranks among the top three in the province.",
    "Its 5G network and the X7 truck were shown at the G20 meeting.",
    "15In 2020, the county changed course.",
    "The report was filed on 2023-07-19 08:15.",
    "One of the halls was closed and one by one the lines moved.",
    "The \"Three Rivers\" plan and the Seven Bridges scheme were praised.",
    "The two plants merged in the 1990s.",
    "In the past five years the town has grown.",
    "It opened two years ago.",
    "The six-sided press and a three-year action plan were unveiled.",
    "The 7+14+N system was announced.",
])
def test_traps_are_not_figures(text):
    assert [h.text for h in figures(text)] == []


def test_year_counts_only_with_a_counted_noun():
    hits = figures("By 2030, 1999 households had moved.")
    assert [(h.value, h.unit) for h in hits] == [(1999, "households")]


def test_unit_from_number_of_phrase():
    h = only("The number of licensed breweries in the province will exceed 3,400.")
    assert (h.value, h.unit, h.qualifier) == (3400, "breweries", "more than")


def test_head_noun_skips_modifiers_and_stops_at_verbs():
    text = " provincial-level smart \"lighthouse\" factories were opened"
    unit, end = head_noun(text, 0)
    assert unit == "factories" and text[:end].endswith("factories")
    assert head_noun(" were opened", 0) is None


@given(st.integers(min_value=1, max_value=10**9),
       st.sampled_from([("tons", "tons"), ("kilograms", "kg"), ("square meters", "square meters"),
                        ("yuan", "yuan"), ("carats", "carats"), ("%", "%")]))
def test_formatted_quantities_round_trip(n, unit):
    surface, canonical = unit
    sep = "" if surface == "%" else " "
    h = only(f"The mill reported {n:,}{sep}{surface} for the period.")
    assert (h.value, h.unit) == (n, canonical)


@given(st.text(alphabet="ab 0123456789,.%-", max_size=60))
def test_offsets_always_match_text(text):
    figures(text)  # the helper asserts text[start:end] == hit.text


def whole(text):
    """Hits with the whole text as one sentence (decimals would fool a naive splitter)."""
    return find_figures(from_text(text))


def test_a_bracketed_dollar_conversion_is_kept_on_the_figure_not_counted_twice():
    text = "The group reported revenue of 120.5 billion yuan ($16.6 billion) in 2023."
    hits = whole(text)
    assert [(h.text, h.unit, h.category, h.period) for h in hits] == [("120.5 billion yuan", "yuan", "sales", "2023")]
    conversion = hits[0].conversion
    assert (conversion["text"], conversion["unit"]) == ("$16.6 billion", "usd")
    assert conversion["value"] == pytest.approx(16.6e9)
    assert text[conversion["start"]:conversion["end"]] == conversion["text"]


def test_change_and_new_level_are_two_figures_not_a_range():
    hits = whole("Net profit rose 5.2 percent to 8.1 billion yuan.")
    assert [(h.text, h.unit, h.category, h.kind) for h in hits] == [
        ("5.2 percent", "%", "profit", "change"), ("8.1 billion yuan", "yuan", "profit", "level")]


@pytest.mark.parametrize("text", [
    "The firm ranks on the Fortune Global 500 list.",
    "Its plant sits on Route 105 outside the city.",
    "Founder Zhao Ming, 71, still works every day.",
    "Call the office on 0571-86012345 for details.",
])
def test_names_ages_and_phone_numbers_are_not_figures(text):
    assert figures(text) == []


def test_percent_increase_from_a_year_earlier_is_a_change():
    assert only("It sold 9 percent more, a 9 percent increase from a year earlier.".split(", ")[1]).kind == "change"


def test_currency_codes_before_the_number():
    hits = whole("Its GDP reached RMB 410.2 billion, and a USD 3 billion plant opened.")
    assert [(h.text, h.unit) for h in hits][:2] == [("RMB 410.2 billion", "yuan"), ("USD 3 billion", "usd")]
    assert hits[0].category == "output"


def test_spaced_fraction_before_of():
    hit = whole("The town makes about a quarter of the world's zippers.")[0]
    assert (hit.text, hit.unit, round(hit.value)) == ("about a quarter", "%", 25)
    assert whole("A third plant opened.") == []


def test_jobs_are_employment():
    assert whole("The plant will create 800 jobs.")[0].category == "employment"


def test_glued_currency_code_and_spending_is_investment():
    hit = whole("The firm spent RMB80 million on the upgrade.")[0]
    assert (hit.text, hit.unit, hit.value, hit.category) == ("RMB80 million", "yuan", 80e6, "investment")


def test_a_change_keeps_the_category_of_what_changed():
    exports = whole("Its exports rose 4.2 percent year-on-year to 310 billion yuan in 2023.")
    assert [(h.text, h.category, h.kind, h.metric) for h in exports] == [
        ("4.2 percent", "exports", "change", "exports increase"), ("310 billion yuan", "exports", "level", "exports")]
    assert (whole("Labour productivity increased by 25%.")[0].category, "change") == ("efficiency", "change")


def test_up_from_takes_the_unit_and_the_period_stays_with_its_number():
    hits = whole("The city has 8,200 industrial firms, up from 6,900 in 2019, and 410 listed firms.")
    assert [(h.text, h.unit, h.period) for h in hits] == [
        ("8,200 industrial firms", "enterprises", None), ("6,900", "enterprises", "2019"),
        ("410 listed firms", "enterprises", None)]


def test_measure_of_a_thing_names_the_thing():
    hit = whole("The park installed 6 megawatts of rooftop solar panels.")[0]
    assert hit.metric == "rooftop solar panels"


def test_count_of_things_is_not_employment_because_the_clause_names_employees():
    hits = whole("The company has 900 employees and three research centers.")
    assert [h.category for h in hits] == ["employment", "innovation"]


def test_codes_and_years_are_no_figures_or_ranges():
    text = "Since COVID-19, sales are expected to grow 30 percent in 2020 to 600 million yuan."
    found = {h.text for h in find_figures(from_text(text))}
    assert "19" not in found and "600 million yuan" in found and not any("2020" in t for t in found)


def test_absurd_and_non_finite_values_never_leave_extraction():
    """The value rule is applied by the extractor itself: nothing absurd reaches the store."""
    huge = "9" * 400
    text = (f"The assembler's sales reached {huge} yuan last year. "
            "Its plant output fell to -0 units. Its market share climbed to 140 percent. "
            "The workshop employs 320 people.")
    hits = figures(text)
    values = [h.value for h in hits]
    assert all(abs(v) <= 1e18 for v in values), values
    assert not any(h.category == "market_share" and h.value > 100 for h in hits)
    assert all(str(v) != "-0.0" for v in values)
    assert 320 in values
