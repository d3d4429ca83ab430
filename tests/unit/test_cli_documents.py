"""`docs` lists the documents; `remove` takes some out with what only they named."""
import json

import pytest
from typer.testing import CliRunner

import store as lib
from tui.cli import app

runner = CliRunner()

KILNS = ("Kiln makers of Dengfeng grow\n\n2023-09-01 Source: Hill Daily\n\n"
         "Songhe Kiln Group in Dengfeng, Henan Province, sold 640 million yuan of kilns in 2022. "
         "Its rival Qinglan Furnace Co., Ltd. employs 1,200 workers in the city.\n")
PUMPS = ("Pump makers of Lishui expand\n\n2024-02-11 Source: Valley Post\n\n"
         "Ouyue Pump Group in Lishui, Zhejiang Province, earned 2.1 billion yuan in 2023. "
         "Dengfeng, Henan Province, also buys its pumps.\n")


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture
def two_articles(tmp_path):
    """A store of two user articles; returns (store path, kilns path, pumps path)."""
    kilns, pumps = tmp_path / "kilns.txt", tmp_path / "pumps.txt"
    kilns.write_text(KILNS, encoding="utf-8")
    pumps.write_text(PUMPS, encoding="utf-8")
    path = tmp_path / "store.json"
    assert invoke("build", kilns, pumps, "--store", path).exit_code == 0
    return path, kilns, pumps


def test_docs_json_lists_every_document(seeds_store_path):
    rows = json.loads(invoke("docs", "--json", "--store", seeds_store_path).stdout)
    assert len(rows) == 5
    assert set(rows[0]) == {"id", "title", "publisher", "date", "format", "file", "figures"}
    lookout = next(r for r in rows if r["date"] == "2024-03-30")
    assert lookout["format"] == "txt" and lookout["figures"] > 0 and "Xinhua" in lookout["publisher"]


def test_docs_table(two_articles):
    path, _, _ = two_articles
    result = invoke("docs", "--store", path)
    assert result.exit_code == 0
    for doc in lib.Store.open(path).documents.values():
        assert doc.id in result.stdout and doc.date in result.stdout
    assert "Kiln makers" in result.stdout and "Hill Daily" in result.stdout


def _company_names(path):
    return {c.name for c in lib.Store.open(path).companies.values()}


def test_remove_takes_the_document_its_figures_and_what_only_it_named(two_articles, tmp_path):
    path, _, pumps = two_articles
    before = lib.Store.open(path)
    kiln_id = next(d.id for d in before.documents.values() if d.file == "kilns.txt")
    assert {"Songhe Kiln Group", "Ouyue Pump Group"} <= _company_names(path)
    result = invoke("remove", "kilns.txt", "--yes", "--store", path)
    assert result.exit_code == 0, result.output
    assert "Songhe Kiln Group" in result.stderr  # the summary names what goes
    after = lib.Store.open(path)
    assert kiln_id not in after.documents
    assert all(f.doc_id != kiln_id for f in after.figures.values())
    assert all(m.doc_id != kiln_id for m in after.mentions)
    names = _company_names(path)
    assert "Songhe Kiln Group" not in names and "Ouyue Pump Group" in names
    assert any(r.name == "Dengfeng" for r in after.regions.values())  # still named by the pump story
    # exactly what a build of the remaining article gives
    fresh = tmp_path / "fresh.json"
    invoke("build", pumps, "--store", fresh)
    assert after.stats()["tables"] == lib.Store.open(fresh).stats()["tables"]


def test_remove_asks_first(two_articles):
    path, _, _ = two_articles
    doc_id = next(d.id for d in lib.Store.open(path).documents.values() if d.file == "pumps.txt")
    result = invoke("remove", doc_id[:6], "--store", path, input="n\n")
    assert result.exit_code == 0 and "nothing removed" in result.stderr
    assert doc_id in lib.Store.open(path).documents
    result = invoke("remove", doc_id[:6], "--store", path, input="y\n")
    assert result.exit_code == 0 and "removed 1 document(s)" in result.stdout
    assert doc_id not in lib.Store.open(path).documents


def test_remove_without_an_answer_or_a_known_document_is_one_error(two_articles, seeds_store_path):
    path, _, _ = two_articles
    before = path.read_bytes()
    for args, message in [(["pumps.txt"], "add --yes"), (["nosuch.txt", "--yes"], "no document called"),
                          (["ab", "--yes"], "no document called")]:
        result = invoke("remove", *args, "--store", path, input="")
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert result.exit_code == 1 and len(errors) == 1 and message in errors[0]
    assert path.read_bytes() == before
    seed = json.loads(invoke("docs", "--json", "--store", seeds_store_path).stdout)[0]
    result = invoke("remove", seed["id"], "--yes", "--store", seeds_store_path)
    assert result.exit_code == 1 and "bundled seed" in result.stderr
