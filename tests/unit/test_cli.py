"""The command line, end to end on real store files, including every bad-input case."""
import json
import re

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from tests.unit.article_store import copy_store
from tui.cli import app

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store_copy(seeds_store_path, tmp_path):
    """A private copy of the seeds store that a test may change."""
    path = tmp_path / "store.json"
    copy_store(seeds_store_path, path)
    return path


def article(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def raw(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


USER_ARTICLE = ("Lanxi textile park report\n"
                "Zhejiang Lanxi Weaving Group said its exports rose 12.5% in 2023. "
                "The group employs more than 3,000 workers.\n")


def test_build_prints_counts(tmp_path):
    result = invoke("build", "--store", tmp_path / "s.json")
    assert result.exit_code == 0
    assert "5 documents" in result.stdout and "figures" in result.stdout


def test_search_json_shape(seeds_store_path):
    result = invoke("search", "weihau", "--json", "--store", seeds_store_path)
    rows = json.loads(result.stdout)
    assert rows and {"kind", "id", "label", "score"} <= set(rows[0])
    assert rows[0]["label"] == "Weihua Group"
    assert len({frozenset(r) for r in rows}) == 1  # one shape for every kind: easy to load as a table


def test_search_json_carries_the_facts_of_figures(seeds_store_path):
    rows = json.loads(invoke("search", "weihua revenue", "--json", "--store", seeds_store_path).stdout)
    fig = next(r for r in rows if r["text"] == "18.5 billion yuan")
    assert (fig["value"], fig["unit"], fig["subject"]) == (18.5e9, "yuan", "Weihua Group")
    assert fig["category"] and fig["period"] and fig["document"].endswith(".txt")


def test_search_puts_names_before_fuzzy_figure_text(seeds_store_path):
    # "yuhuan" is a county the seeds never name: its letters are close to "yuan", in every money
    # figure, but a typo never matches the wording of a figure, only names, metrics and categories.
    assert invoke("search", "yuhuan", "--json", "--store", seeds_store_path).stdout.strip() == "[]"
    rows = json.loads(invoke("search", "changyuan", "--json", "--store", seeds_store_path).stdout)
    assert rows[0]["kind"] == "region" and rows[0]["label"] == "Changyuan"
    assert all(r["subject"] == "Changyuan" or r["kind"] != "figure" for r in rows)


def test_search_kind_filter_and_limit(seeds_store_path):
    rows = json.loads(invoke("search", "crane", "--kind", "company", "--limit", "3", "--json",
                             "--store", seeds_store_path).stdout)
    assert 0 < len(rows) <= 3 and all(r["kind"] == "company" for r in rows)


def test_show_prints_card_with_sentences(seeds_store_path):
    result = invoke("show", "Weihua Group", "--store", seeds_store_path)
    assert result.exit_code == 0
    assert "18.5 billion yuan" in result.stdout and "sales revenue" in result.stdout


def test_show_resolves_a_typo_like_search(seeds_store_path):
    result = invoke("show", "weihau", "--store", seeds_store_path)
    assert result.exit_code == 0 and result.stdout.startswith("Weihua Group")
    assert "'weihau' taken as Weihua Group" in result.stderr


def test_show_unclear_name_suggests(seeds_store_path):
    result = invoke("show", "henan minig", "--store", seeds_store_path)
    assert result.exit_code == 1
    assert "no company or region called" in result.stderr and "Henan Mining Crane" in result.stderr


def test_show_and_stats_json(seeds_store_path):
    card = json.loads(invoke("show", "Weihua Group", "--json", "--store", seeds_store_path).stdout)
    assert (card["kind"], card["name"], card["in"][0]) == ("company", "Weihua Group", "Changyuan")
    sales = next(f for f in card["figures"] if f["text"] == "18.5 billion yuan")
    assert sales["unit"] == "yuan" and "18.5 billion yuan" in sales["sentence"]
    stats = json.loads(invoke("stats", "--json", "--store", seeds_store_path).stdout)
    assert stats["tables"]["documents"] == 5 and len(stats["documents"]) == 5


@pytest.mark.parametrize("command", [["stats"], ["search", "crane"], ["show", "Weihua Group"], ["dump"],
                                     ["compare", "Weihua Group", "Changyuan"], ["export", "--search", "crane"],
                                     ["explore"], ["docs"], ["remove", "001", "--yes"]])
def test_a_mistyped_store_is_never_created(tmp_path, command):
    missing = tmp_path / "typo" / "store.json"
    result = invoke(*command, "--store", missing)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {missing}: no store there") and result.stderr.count("\n") == 1
    assert not missing.parent.exists()


def test_ingest_creates_a_store_that_does_not_exist_yet(tmp_path):
    path = tmp_path / "new" / "store.json"
    result = invoke("ingest", article(tmp_path, "lanxi.txt", USER_ARTICLE), "--store", path)
    assert result.exit_code == 0 and path.exists()


def test_reingesting_an_article_says_so(store_copy, seeds_store):
    seed = next(iter(seeds_store.documents.values()))
    path = ROOT / "seeds" / seed.file
    result = invoke("ingest", path, "--store", store_copy)
    assert result.exit_code == 0
    assert f"note: {seed.file} is already in the store (same text)" in result.stderr


@pytest.mark.parametrize("name", ["build", "ingest", "search", "show", "stats", "dump", "compare", "export",
                                  "explore", "docs", "remove"])
def test_help_shows_plain_metavars(name):
    text = invoke(name, "--help").stdout
    assert not re.search(r"<\w|\{\w", text), text  # no <list[Path]>, <str>, {PATH}
    usage = text.splitlines()[0]
    assert usage.endswith({"build": "[PATH...]", "ingest": "PATH...", "search": "QUERY", "show": "NAME",
                           "compare": "NAME...", "remove": "DOC..."}.get(name, "[OPTIONS]"))


def test_dump_has_scorer_shape(seeds_store_path):
    data = json.loads(invoke("dump", "--store", seeds_store_path).stdout)
    assert set(data) >= {"documents", "regions", "companies", "mentions", "figures"}
    fig = data["figures"][0]
    assert set(fig) >= {"id", "doc_id", "start", "end", "text", "value", "unit", "qualifier",
                        "metric", "category", "period", "subject_id"}
    assert set(data["documents"][0]) >= {"id", "file", "title", "date"}


def test_stats_counts_tables(seeds_store_path):
    result = invoke("stats", "--store", seeds_store_path)
    assert result.exit_code == 0 and "figures" in result.stdout and "000_" in result.stdout


def test_ingest_adds_user_article(store_copy, tmp_path):
    before = json.loads(invoke("dump", "--store", store_copy).stdout)
    result = invoke("ingest", article(tmp_path, "lanxi.txt", USER_ARTICLE), "--store", store_copy)
    assert result.exit_code == 0, result.stderr
    after = json.loads(invoke("dump", "--store", store_copy).stdout)
    assert len(after["documents"]) == len(before["documents"]) + 1
    assert any(f["text"] == "12.5%" for f in after["figures"])


@pytest.mark.parametrize("make_bad, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: (d / "empty_dir").mkdir() or d / "empty_dir", "no articles"),
    (lambda d: article(d, "empty.txt", ""), "empty"),
    (lambda d: raw(d, "latin1.txt", b"caf\xe9 au lait"), "not UTF-8"),
    (lambda d: raw(d, "blob.txt", b"\x00\x01\x02"), "binary"),
])
def test_bad_input_one_line_exit_1_others_kept(store_copy, tmp_path, make_bad, message):
    bad = make_bad(tmp_path)
    good = article(tmp_path, "good.txt", USER_ARTICLE)
    result = invoke("ingest", bad, good, "--store", store_copy)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and message in errors[0] and "Traceback" not in result.output
    docs = json.loads(invoke("dump", "--store", store_copy).stdout)["documents"]
    assert "good.txt" in {d["file"] for d in docs}


def test_oversized_file(store_copy, tmp_path, monkeypatch):
    import store.articles.documents as documents
    monkeypatch.setattr(documents, "MAX_BYTES", 100)
    result = invoke("ingest", article(tmp_path, "big.txt", "x " * 200), "--store", store_copy)
    assert result.exit_code == 1 and "over the 20 MB limit" in result.stderr


def test_all_bad_input_leaves_store_untouched(store_copy, tmp_path):
    before = store_copy.read_bytes()
    result = invoke("ingest", article(tmp_path, "empty.txt", ""), "--store", store_copy)
    assert result.exit_code == 1
    assert store_copy.read_bytes() == before


def test_corrupt_store_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    result = invoke("stats", "--store", path)
    assert result.exit_code == 1 and "not a valid store" in result.stderr
    assert path.read_text() == "{not json"


def test_markup_and_escapes_print_literally(store_copy, tmp_path):
    text = ("Report\nShanxi [bold]Taigang Steel Group[/] paid 2.5 billion yuan in tax, "
            "said \x1b[31mred\x1b[0m sources.\n")
    assert invoke("ingest", article(tmp_path, "inject.txt", text), "--store", store_copy).exit_code == 0
    hits = json.loads(invoke("search", "taigang", "--json", "--store", store_copy).stdout)
    result = invoke("show", hits[0]["id"], "--store", store_copy)
    assert "[bold]" in result.stdout and "[/]" in result.stdout
    assert "\x1b" not in result.stdout and "␛[31m" in result.stdout


def test_top_level_store_option_reaches_subcommands(seeds_store_path):
    result = invoke("--store", seeds_store_path, "stats")
    assert result.exit_code == 0 and "figures" in result.stdout


def test_unwritable_store_path_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = invoke("build", "--store", blocker / "store.json")
    assert result.exit_code == 1
    assert "cannot write the store" in result.stderr and "Traceback" not in result.output


def test_show_says_changyuan_crane_output_is_stated_in_two_sources(seeds_store_path):
    result = invoke("show", "Changyuan", "--store", seeds_store_path)
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("• 300,000 complete cranes"))
    assert lines[at + 1].strip().startswith("stated in 2 sources")  # the line under the figure


def test_show_says_when_no_article_places_a_company(seeds_store_path):
    from store import Store
    store = Store.open(seeds_store_path)
    unplaced = store.unplaced_companies()
    assert unplaced and all(c.region_id is None for c in unplaced)
    result = invoke("show", unplaced[0].id, "--store", seeds_store_path)
    assert "region: unplaced" in result.stdout
