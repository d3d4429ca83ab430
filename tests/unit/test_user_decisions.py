"""The user's own state in state.json: merges, splits, figure corrections and saved comparisons
apply whenever the store is opened, and outlast rebuilds and a broken store."""
import json

import orjson
import pytest

from store.persist import build as build_mod
from store.persist.decisions import apply_decisions
from store.persist.state import read_state, state_path, update_state
from store.query.api import Store
from tests.unit.article_store import build_articles, copy_store
from tests.unit.fast_cli import run

ARTICLES = {
    "tools.txt": "Tools report\nQinghe Tool Works Co., Ltd. in Hebei made 500 drills in 2023. Qinghe Tool "
                 "Works also said its revenue rose 12% to 80 million yuan.\n",
    "boats.txt": "Boats report\nHubei Sanjiang Boat Group in Wuhan built 40 boats in 2023.\n",
    "drills.txt": "Drills report\nQinghe Tools revenue was 80 million yuan in 2023.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_articles(tmp_path_factory.mktemp("articles"), ARTICLES, "built.json")


@pytest.fixture
def store(built, tmp_path):
    path = tmp_path / "store.json"
    copy_store(built, path)
    return path


def ok(*args):
    result = run(args)
    assert result.exit_code == 0, result.output
    return result.stdout


def company_named(path, name):
    st = Store.open(path)
    return next(c for c in st.companies.values() if name in (c.name, *c.aliases))


def revenue_figures(path):
    st = Store.open(path)
    return sorted((f for f in st.figures.values() if f.text == "80 million yuan"), key=lambda f: f.doc_id)


def corroborated(path) -> list[bool]:
    """Whether each "80 million yuan" figure is restated in another article, as the store says now."""
    st = Store.open(path)
    return [bool(st.links_of(f.id).corroborated_by) for f in st.figures.values() if f.text == "80 million yuan"]


def test_merge_joins_names_mentions_figures_and_links_them(store):
    assert not any(corroborated(store))
    before = store.read_bytes()
    ok("merge", "Tool Works", "Qinghe Tools", "--store", store)
    assert store.read_bytes() == before  # the decision is kept apart; the store file is unchanged
    firm = company_named(store, "Qinghe Tools")
    assert firm.name == "Tool Works" and "Qinghe Tools" in firm.aliases
    st = Store.open(store)
    assert "co:qinghe-tools" not in st.companies
    assert {m.text for m in st.mentions_of(firm.id)} >= {"Qinghe Tools", "Qinghe Tool Works"}
    figs = revenue_figures(store)
    assert {f.subject_id for f in figs} == {firm.id}
    assert all(corroborated(store)) and len(figs) > 1  # the same 80 million yuan, now about one firm


def test_decisions_outlast_rebuilds_and_a_broken_store(built, store, monkeypatch):
    ok("merge", "Tool Works", "Qinghe Tools", "--store", store)
    ok("fix", revenue_figures(store)[0].id, "--category", "profit", "--store", store)
    ok("build", *[built.parent / n for n in ARTICLES], "--store", store)
    assert company_named(store, "Qinghe Tools").name == "Tool Works"
    monkeypatch.setattr(build_mod, "seeds_fingerprint", lambda: "another extractor")
    assert build_mod.ensure_store(store)  # rebuilt: the extractor "changed"
    assert company_named(store, "Qinghe Tools").name == "Tool Works"
    store.write_bytes(store.read_bytes()[:100])  # broken
    ok("repair", "--yes", "--store", store)
    assert company_named(store, "Qinghe Tools").name == "Tool Works"
    assert revenue_figures(store)[0].category == "profit"


def test_split_takes_one_name_out_with_its_mentions(store):
    ok("split", "Tool Works", "Qinghe Tool Works", "--store", store)
    st = Store.open(store)
    new = next(c for c in st.companies.values() if c.name == "Qinghe Tool Works")
    old = next(c for c in st.companies.values() if "Qinghe Tool Works Co., Ltd." in (c.name, *c.aliases))
    assert new.id != old.id and "Qinghe Tool Works" not in old.aliases
    assert [m.text for m in st.mentions_of(new.id)] == ["Qinghe Tool Works"]
    # the article also names the old firm, so its figures stay there
    assert {f.subject_id for f in st.figures.values() if f.text == "500 drills"} == {old.id}


def test_split_of_a_users_merge_undoes_it(store):
    ok("merge", "Tool Works", "Qinghe Tools", "--store", store)
    out = ok("split", "Tool Works", "Qinghe Tools", "--store", store)
    assert "undid your merge" in out
    assert read_state(store).decisions == []
    assert company_named(store, "Qinghe Tools").name == "Qinghe Tools"


def test_fix_corrects_a_figures_subject_and_category(store):
    fig = next(f for f in Store.open(store).figures.values() if f.text == "500 drills")
    ok("fix", fig.id, "--subject", "Hebei", "--category", "output", "--store", store)
    fixed = Store.open(store).figures[fig.id]
    assert (fixed.subject_id, fixed.category) == ("cn:130000", "output")
    ok("fix", fig.id, "--no-subject", "--store", store)
    assert Store.open(store).figures[fig.id].subject_id is None
    listing = ok("decisions", "--store", store)
    assert "category 'output'" in listing and "subject 'none'" in listing
    ok("decisions", "--undo", "2", "--store", store)
    assert Store.open(store).figures[fig.id].subject_id == "cn:130000"


def test_bad_decisions_are_one_line_errors(store):
    for args, said in ((["merge", "Tool Works", "Tool Works"], "already one company"),
                       (["merge", "Tool Works", "Hebei"], "is a region, not a company"),
                       (["split", "Tool Works", "Nobody"], "is not a name of"),
                       (["fix", "fig:nope", "--category", "output"], "no figure with id"),
                       (["fix", "fig:nope"], "no figure with id"),
                       (["decisions", "--undo", "9"], "no decision 9")):
        result = run([*args, "--store", store])
        assert result.exit_code == 1 and said in result.stderr and result.stderr.count("\n") == 1, args
    assert not state_path(store).exists()


def test_a_decision_the_store_no_longer_fits_is_kept_and_said(store):
    update_state(store, lambda s: s.update(decisions=[{"op": "merge", "into": "co:gone", "company": "co:tool-works",
                                                       "names": ["Gone", "Tool Works"]}, {"op": "future"}]))
    listing = ok("decisions", "--store", store)
    assert "does not apply to this store" in listing and "unknown decision 'future'" in listing
    assert company_named(store, "Tool Works").id == "co:tool-works"


def test_saved_comparisons_reopen_by_name(store):
    shown = ok("compare", "Tool Works", "Sanjiang Boat Group", "--save", "firms", "--store", store)
    assert "firms" in ok("saved", "--store", store)
    assert ok("saved", "firms", "--store", store) == shown
    ok("saved", "firms", "--delete", "--store", store)
    assert run(["saved", "firms", "--store", store]).exit_code == 1


def test_a_saved_comparison_finds_its_items_by_name_when_ids_change(store):
    update_state(store, lambda s: s.update(saved={"old": {"items": ["co:renamed", "co:sanjiang-boat-group"],
                                                          "names": ["Tool Works", "Sanjiang Boat Group"]}}))
    assert "| Tool Works | Sanjiang Boat Group |" in ok("saved", "old", "--store", store).replace("  ", " ")


def test_state_keeps_what_others_keep_and_never_overwrites_a_broken_file(store):
    path = state_path(store)
    path.write_text(json.dumps({"tui": {"marks": ["co:tool-works"]}, "future": [1, 2]}))
    ok("merge", "Tool Works", "Qinghe Tools", "--store", store)
    data = json.loads(path.read_text())
    assert data["tui"] == {"marks": ["co:tool-works"]} and data["future"] == [1, 2]
    assert len(data["decisions"]) == 1
    path.write_text("{broken")
    result = run(["merge", "Tool Works", "Sanjiang Boat Group", "--store", store])
    assert result.exit_code == 1 and "cannot use your saved state" in result.stderr
    assert path.read_text() == "{broken"
    result = run(["stats", "--store", store])  # reading goes on without it, and says so
    assert result.exit_code == 1 and "your saved state is not used" in result.stderr


def test_apply_decisions_leaves_its_input_alone():
    tables = {"companies": [{"id": "co:a", "name": "A", "aliases": [], "region_id": None},
                            {"id": "co:b", "name": "B", "aliases": [], "region_id": "cn:1"}],
              "regions": [], "mentions": [{"entity_id": "co:b", "doc_id": "d", "start": 0, "end": 1, "text": "B"}],
              "figures": []}
    before = orjson.dumps(tables)
    after, applied = apply_decisions(tables, [{"op": "merge", "into": "co:a", "company": "co:b"}])
    assert applied == [True] and orjson.dumps(tables) == before
    assert after["companies"] == [{"id": "co:a", "name": "A", "aliases": ["B"], "region_id": "cn:1"}]
    assert after["mentions"][0]["entity_id"] == "co:a"
