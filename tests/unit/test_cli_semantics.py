"""Figure semantics on the command line, on an article written for it (tests/unit/articles/yongdeng.txt):
a ranking never shows a threshold or (by default) a plan, a dollar conversion is never a second
figure, and "last year" in a 2024 article is 2023."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tui.cli import app

ARTICLE = Path(__file__).parent / "articles" / "yongdeng.txt"
runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    """A real store file built from the one article."""
    path = tmp_path_factory.mktemp("semantics") / "store.json"
    assert invoke("build", ARTICLE, "--store", path).exit_code == 0
    return path


@pytest.fixture(scope="module")
def dumped(store_path):
    """The store's dump: figure text → figure."""
    data = json.loads(invoke("dump", "--store", store_path).stdout)
    return {f["text"]: f for f in data["figures"]}


def test_a_ranking_never_shows_a_threshold_or_a_plan_by_default(store_path, dumped):
    assert dumped["more than 20 million yuan"]["status"] == "threshold"
    assert dumped["12 billion yuan"]["status"] == "plan"
    ranked = invoke("export", "--rank", "sales", "--store", store_path).stdout
    assert "8.6 billion yuan" in ranked and "5.2 billion yuan" in ranked
    assert "12 billion yuan" not in ranked and "20 million yuan" not in ranked
    with_plans = invoke("export", "--rank", "sales", "--plans", "--store", store_path).stdout
    assert "(plan) more than 12 billion yuan (2026)" in with_plans
    assert "20 million yuan" not in with_plans


def test_a_dollar_conversion_never_appears_as_a_second_figure(store_path, dumped):
    text = ARTICLE.read_text(encoding="utf-8")
    yuan = dumped["8.6 billion yuan"]
    assert not [t for t in dumped if "1.19" in t]
    conversion = yuan["conversion"]
    assert (conversion["text"], conversion["unit"]) == ("$1.19 billion", "usd")
    assert text[conversion["start"]:conversion["end"]] == "$1.19 billion"
    usd = invoke("export", "--rank", "sales", "--unit", "usd", "--store", store_path)
    assert usd.exit_code == 1 and "no 'sales' figures in 'usd'" in usd.stderr


def test_last_year_in_a_2024_article_is_2023(dumped):
    fig = dumped["8.6 billion yuan"]
    assert (fig["period"], fig["period_text"], fig["category"], fig["kind"]) == ("2023", "last year", "sales", "level")
