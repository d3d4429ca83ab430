"""Search as people read it (store/query/find.py): names by their words first, no fuzzy noise."""
from store.query.find import find
from store.query.resolve import resolve_entity

from .compare_fixtures import sample_store


def test_names_come_before_figures():
    hits = find(sample_store(), "nimbus")
    assert hits[0].kind == "company" and hits[0].label == "Nimbus Pumps"
    assert [h.kind for h in hits[1:]] == ["figure"] * (len(hits) - 1)


def test_a_typo_never_matches_the_wording_of_a_figure():
    store = sample_store()
    assert find(store, "yuan")  # a figure's own wording is searchable...
    assert find(store, "yaun") == []  # ...but not by a typo: nobody is called that, nothing is shown
    assert [h.label for h in find(store, "nimbsu")][:1] == ["Nimbus Pumps"]  # a typo in a name still finds it


def test_fuzzy_hits_far_below_the_best_are_dropped():
    hits = find(sample_store(), "orion valve sales")
    assert hits and all(h.kind == "figure" and "Orion" in h.label for h in hits)


def test_kind_prefix_and_limit():
    store = sample_store()
    assert {h.kind for h in find(store, "company:lakeside pumps")} <= {"company"}
    assert len(find(store, "pumps", limit=2)) == 2


def test_resolve_takes_a_clear_best_match_only():
    store = sample_store()
    assert resolve_entity(store, "nimbsu pumps") == "c:nimbus"
    assert resolve_entity(store, "Lakeside County") == "r:lake"
