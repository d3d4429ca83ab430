"""Corroboration and conflicts between figures of different documents."""
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from store import describe_links
from store.extract.corroborate import (
    NO_LINKS,
    conflicts,
    corroborates,
    link_figures,
    metric_overlap,
    metric_words,
    same_value,
)
from store.models import Figure
from store.query.corroboration import FigureLinks, LinkIndex

from .compare_fixtures import sample_store


def fig(fid, doc, value, unit="yuan", subject="c:1", category="sales", metric="sales revenue", period=None):
    return Figure(fid, doc, 0, 1, "x", value, unit, None, metric, category, period, subject)


def test_same_value_in_two_documents_corroborates():
    links = link_figures([fig("f1", "d1", 8.88e9), fig("f2", "d2", 8.9e9)])
    assert links["f1"].corroborated_by == ("f2",)
    assert links["f2"].corroborated_by == ("f1",)


def test_same_document_never_corroborates_itself():
    links = link_figures([fig("f1", "d1", 5.0), fig("f2", "d1", 5.0)])
    assert links["f1"].corroborated_by == () and links["f2"].corroborated_by == ()


def test_different_subject_or_unit_or_no_subject_is_not_linked():
    figures = [fig("f1", "d1", 70, "%"), fig("f2", "d2", 70, "%", subject="c:2"),
               fig("f3", "d3", 70, "tons"), fig("f4", "d4", 70, "%", subject=None),
               fig("f5", "d5", 70, "%", subject=None)]
    links = link_figures(figures)
    assert all(not link.corroborated_by and not link.conflicts_with for link in links.values())


def test_unrelated_metrics_with_equal_values_are_not_corroboration():
    # Half of national sausage output and half of the province's machinery: same number, other facts.
    a = fig("f1", "d1", 50, "%", category="market_share", metric="share of national sausage output")
    b = fig("f2", "d2", 50, "%", category="market_share", metric="machinery share of provincial industry")
    assert not corroborates(a, b)


def test_one_shared_word_among_many_is_a_coincidence():
    a = fig("f1", "d1", 40, "%", category="market_share", metric="share of national noodle output")
    b = fig("f2", "d2", 40, "%", category="market_share", metric="output value from the solar chain group")
    assert not corroborates(a, b)
    c = fig("f3", "d2", 40, "%", category="market_share", metric="national dried noodle output")
    assert corroborates(a, c)
    assert metric_overlap("noodle output", "") is None


def test_vague_metric_or_other_category_still_corroborates():
    a = fig("f1", "d1", 300000, "units", category="output", metric="annual output of cranes")
    assert corroborates(a, fig("f2", "d2", 300000, "units", category="other", metric=""))
    assert not corroborates(a, fig("f3", "d2", 300000, "units", category="investment", metric=""))


def test_conflict_needs_same_period_category_and_metric():
    a = fig("f1", "d1", 1.2e9, period="2022")
    b = fig("f2", "d2", 1.5e9, period="2022")
    assert conflicts(a, b)
    assert not conflicts(a, replace(b, period="2021"))
    assert not conflicts(replace(a, period=None), replace(b, period=None))
    assert not conflicts(a, replace(b, category="profit"))
    assert not conflicts(a, replace(b, metric="export value"))
    assert not conflicts(a, replace(b, status="plan")) and not conflicts(a, replace(b, kind="change"))
    assert not corroborates(a, replace(b, value=a.value, kind="share"))
    links = link_figures([a, b])
    assert links["f1"].conflicts_with == ("f2",) and links["f1"].corroborated_by == ()


def test_every_figure_gets_links_even_when_alone():
    links = link_figures([fig("f1", "d1", 1.0)])
    assert links["f1"].as_dict() == {"corroborated_by": [], "conflicts_with": []}


def test_metric_words_drop_generic_words_and_plurals():
    assert metric_words("The annual output of Cranes") == {"output", "crane"}
    assert metric_words("share of the total") == frozenset()
    assert metric_words("Textile industries and glasses") == {"textile", "industry", "glass"}


@given(st.floats(min_value=1e-3, max_value=1e13), st.floats(min_value=0.0, max_value=0.0099))
def test_rounding_within_one_percent_agrees(value, drift):
    assert same_value(value, value * (1 + drift))
    assert same_value(value * (1 + drift), value)


@given(st.floats(min_value=1e-3, max_value=1e13), st.floats(min_value=0.0102, max_value=10))
def test_values_further_apart_disagree(value, drift):
    assert not same_value(value, value * (1 + drift))


def test_links_are_symmetric_on_a_store():
    store = sample_store()
    links = link_figures(store.figures.values())
    for fid, link in links.items():
        for other in link.corroborated_by:
            assert fid in links[other].corroborated_by
        for other in link.conflicts_with:
            assert fid in links[other].conflicts_with


def test_describe_links_names_the_sources():
    store = sample_store()
    sales = [f for f in store.figures.values() if f.text == "1.25 billion yuan"]
    assert describe_links(store, sales[0]) == "stated in 2 sources: alpha.txt, beta.txt"
    valves = next(f for f in store.figures.values() if f.text == "800 million yuan")
    assert describe_links(store, valves) == "sources differ: 800 million yuan here; 760 million yuan in beta.txt"
    share = next(f for f in store.figures.values() if f.unit == "%")
    assert describe_links(store, share) == ""


_FIGURES = st.lists(st.builds(
    fig, fid=st.uuids().map(str), doc=st.sampled_from(["d1", "d2", "d3"]),
    value=st.sampled_from([0.0, 99.0, 100.0, 100.5, 101.0, 102.0, 5e9, 5.04e9]),
    unit=st.sampled_from(["%", "yuan"]), subject=st.sampled_from(["c:1", "c:2", None]),
    category=st.sampled_from(["revenue", "output", "other"]),
    metric=st.sampled_from(["", "sales revenue", "annual sales", "crane output"]),
    period=st.sampled_from([None, "2022", "2023"])), max_size=25, unique_by=lambda f: f.id)


@given(_FIGURES)
def test_link_figures_matches_the_pairwise_definition(figures):
    links = link_figures(figures)
    for a in figures:
        assert set(links[a.id].corroborated_by) == {b.id for b in figures if b is not a and corroborates(a, b)}
        assert set(links[a.id].conflicts_with) == {b.id for b in figures if b is not a and conflicts(a, b)}


_SIGNED = st.lists(st.builds(
    fig, fid=st.uuids().map(str), doc=st.sampled_from(["d1", "d2", "d3", "d4"]),
    value=st.sampled_from([0.0, 99.0, 100.0, 100.5, 101.0, -5.0, -5.04, -5.1, 5e9, 5.04e9]),
    unit=st.sampled_from(["%", "yuan"]), subject=st.sampled_from(["c:1", "c:2", None]),
    category=st.sampled_from(["revenue", "other"]),
    metric=st.sampled_from(["", "sales revenue", "annual sales", "crane output"]),
    period=st.sampled_from([None, "2022", "2023"])), max_size=30, unique_by=lambda f: f.id)


_VARIED = st.lists(st.builds(
    lambda f, kind, status: replace(f, kind=kind, status=status), st.builds(
        fig, fid=st.uuids().map(str), doc=st.sampled_from(["d1", "d2", "d3", "d4"]),
        value=st.sampled_from([0.0, 100.0, 100.5, 102.0, -5.0, -5.04, 5e9]), unit=st.sampled_from(["%", "yuan"]),
        subject=st.sampled_from(["c:1", "c:2", None]), category=st.sampled_from(["revenue", "other"]),
        metric=st.sampled_from(["", "sales revenue", "annual sales"]), period=st.sampled_from([None, "", "2022"])),
    kind=st.sampled_from(["level", "change"]), status=st.sampled_from(["actual", "plan"])),
    max_size=30, unique_by=lambda f: f.id)


@given(st.one_of(_SIGNED, _VARIED))
def test_a_figure_s_links_worked_out_from_its_groups_are_link_figures_links(figures):
    """What the store gives when asked (it keeps no links) is what linking everything gives."""
    full = link_figures(figures)
    index = LinkIndex(figures)
    assert {f.id: index.links(f) for f in figures} == full
    by_id = {f.id: f for f in figures}
    assert dict(FigureLinks(by_id)) == {i: link for i, link in full.items() if link != NO_LINKS}


@given(_FIGURES)
def test_the_store_s_links_mapping_looks_figures_up_one_by_one(figures):
    full = link_figures(figures)
    links = FigureLinks({f.id: f for f in figures})
    for f in figures:
        assert links.get(f.id, NO_LINKS) == full[f.id]
    assert "no such figure" not in links


@given(_SIGNED)
def test_link_figures_matches_the_pairwise_definition_with_signed_values(figures):
    links = link_figures(figures)
    for a in figures:
        assert set(links[a.id].corroborated_by) == {b.id for b in figures if b is not a and corroborates(a, b)}
