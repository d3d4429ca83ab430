"""`mfg-explore compare` and `export`: Markdown out, clear errors, no silent overwrites."""
import json

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from store import Store
from tui.cli import app, views

from .compare_fixtures import sample_store

runner = CliRunner()
MD = MarkdownIt("commonmark", {"html": True}).enable("table")


@pytest.fixture(autouse=True)
def fixture_store(monkeypatch):
    """Every command here reads the hand-built sample store instead of a store file."""
    monkeypatch.setattr(views, "open_store", lambda ctx, store: sample_store())


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def header_cells(markdown: str) -> list[str]:
    """The cells of the first table's header row."""
    tokens = MD.parse(markdown)
    start = next(i for i, t in enumerate(tokens) if t.type == "thead_open")
    end = next(i for i, t in enumerate(tokens) if t.type == "thead_close")
    return [t.content for t in tokens[start:end] if t.type == "inline"]


def test_compare_prints_markdown_with_both_columns():
    result = invoke("compare", "nimbus pumps", "Orion Valve Works")
    assert result.exit_code == 0
    assert header_cells(result.stdout) == ["Measure", "Nimbus Pumps", "Orion Valve Works"]
    assert "## Sources" in result.stdout and "**760 million yuan**" in result.stdout


def test_compare_takes_a_clear_best_match_and_says_so():
    result = invoke("compare", "Nimbus Pumps", "Orion Valve Wrks")
    assert result.exit_code == 0
    assert header_cells(result.stdout) == ["Measure", "Nimbus Pumps", "Orion Valve Works"]
    assert "'Orion Valve Wrks' taken as Orion Valve Works" in result.stderr


def test_compare_unknown_name_suggests_closest():
    result = invoke("compare", "Nimbus Pumps", "Orion Pump Wrks")
    assert result.exit_code == 1
    assert "no company or region called 'Orion Pump Wrks'" in result.stderr
    assert "'Orion Valve Works'" in result.stderr
    assert result.stdout == ""


def test_compare_json_has_columns_and_each_fact_once():
    data = json.loads(invoke("compare", "Nimbus Pumps", "Orion Valve Works", "--json").stdout)
    assert [c["name"] for c in data["columns"]] == ["Nimbus Pumps", "Orion Valve Works"]
    sales = next(r for r in data["rows"] if (r["category"], r["kind"], r["plan"]) == ("sales", "level", False))
    assert sales["measure"] == "sales · level"
    nimbus = sales["cells"][0]
    assert [(f["value"], f["unit"], f["period"]) for f in nimbus] == [(1.25e9, "yuan", "2023")]
    assert nimbus[0]["sources"] == ["alpha.txt", "beta.txt"]


def test_compare_needs_two_different_entities():
    result = invoke("compare", "Nimbus Pumps", "nimbus")
    assert result.exit_code == 1 and "at least two" in result.stderr


def test_compare_writes_file_and_never_overwrites_without_force(tmp_path):
    path = tmp_path / "cmp.md"
    first = invoke("compare", "Nimbus Pumps", "Lakeside County", "-o", path)
    assert first.exit_code == 0 and f"wrote {path}" in first.stdout
    assert header_cells(path.read_text(encoding="utf-8"))[1:] == ["Nimbus Pumps", "Lakeside County"]
    path.write_text("keep me", encoding="utf-8")
    again = invoke("compare", "Nimbus Pumps", "Lakeside County", "-o", path)
    assert again.exit_code == 1 and "--force" in again.stderr
    assert path.read_text(encoding="utf-8") == "keep me"
    forced = invoke("compare", "Nimbus Pumps", "Lakeside County", "-o", path, "--force")
    assert forced.exit_code == 0 and path.read_text(encoding="utf-8").startswith("# Comparison")


def test_output_into_a_folder_uses_the_default_name(tmp_path):
    result = invoke("export", "--company", "Nimbus", "-o", tmp_path)
    assert result.exit_code == 0
    [written] = list(tmp_path.iterdir())
    assert written.name.startswith("mfg-company-nimbus-pumps-") and written.suffix == ".md"


@pytest.mark.parametrize("where", ["missing/out.md", "afile/out.md"])
def test_unwritable_output_is_one_line_error(tmp_path, where):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    result = invoke("compare", "Nimbus Pumps", "Orion Valve Works", "-o", tmp_path / where)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot write") and result.stderr.count("\n") == 1


def test_export_each_view():
    region = invoke("export", "--region", "Lakeside County")
    assert region.exit_code == 0 and region.stdout.startswith("# Lakeside County")
    company = invoke("export", "--company", "Orion Valve Works")
    assert company.exit_code == 0 and "**800 million yuan**" in company.stdout
    found = invoke("export", "--search", "valve")
    assert found.exit_code == 0 and found.stdout.startswith("# Search: valve")
    ranked = invoke("export", "--rank", "Sales")
    assert ranked.exit_code == 0 and ranked.stdout.startswith("# Ranking: sales · level (yuan)")


def test_export_wrong_kind_and_unknown_names():
    wrong = invoke("export", "--company", "Lakeside County")
    assert wrong.exit_code == 1 and "is a region, not a company; try --region" in wrong.stderr
    unknown = invoke("export", "--region", "Lakesid Provnce")
    assert unknown.exit_code == 1 and "did you mean" in unknown.stderr and "'Lakeside County'" in unknown.stderr


def test_export_rank_checks_category_kind_and_unit():
    bad = invoke("export", "--rank", "salse")
    assert bad.exit_code == 1 and "did you mean 'sales'" in bad.stderr
    dashed = invoke("export", "--rank", "market share")
    assert dashed.exit_code == 0 and "# Ranking: market share · share (%)" in dashed.stdout
    unit = invoke("export", "--rank", "sales", "--unit", "tons")
    assert unit.exit_code == 1 and "units available: yuan" in unit.stderr
    kind = invoke("export", "--rank", "sales", "--kind", "change")
    assert kind.exit_code == 1 and "kinds available: level" in kind.stderr
    unknown = invoke("export", "--rank", "sales", "--kind", "speed")
    assert unknown.exit_code == 1 and "no figure kind called 'speed'" in unknown.stderr
    stray = invoke("export", "--company", "Nimbus", "--plans")
    assert stray.exit_code == 1 and "only apply to --rank" in stray.stderr


def test_export_needs_exactly_one_view():
    none = invoke("export")
    assert none.exit_code == 1 and "exactly one of" in none.stderr
    two = invoke("export", "--region", "Lakeside County", "--company", "Nimbus Pumps")
    assert two.exit_code == 1 and "exactly one of" in two.stderr


def test_every_seed_entity_exports_tables_that_keep_their_columns(seeds_store_path, monkeypatch):
    """End to end on the real seeds store: compare the two companies with most figures, export all."""
    monkeypatch.undo()  # this test reads the real store file
    store = Store.open(seeds_store_path)
    busiest = sorted(store.companies.values(), key=lambda c: -len(store.figures_of(c.id)))[:2]
    result = invoke("compare", busiest[0].name, busiest[1].name, "--store", seeds_store_path)
    assert result.exit_code == 0
    assert header_cells(result.stdout) == ["Measure", busiest[0].name, busiest[1].name]
    for flag, names in (("--company", store.companies.values()), ("--region", store.regions.values())):
        for ent in names:
            out = invoke("export", flag, ent.id, "--store", seeds_store_path).stdout
            assert out.startswith("# "), ent.id
            for widths in row_widths(out):
                assert len(set(widths)) == 1, ent.id


def row_widths(markdown: str) -> list[list[int]]:
    """For each table, the number of cells in each row (header first)."""
    out = []
    for tok in MD.parse(markdown):
        if tok.type == "table_open":
            out.append([])
        elif tok.type == "tr_open":
            out[-1].append(0)
        elif tok.type in ("th_open", "td_open"):
            out[-1][-1] += 1
    return out
