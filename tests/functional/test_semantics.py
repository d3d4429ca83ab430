"""Figure semantics in the explorer, on an article written for it (tests/unit/articles/yongdeng.txt), extracted
by the real pipeline: rankings hold actual figures only until `p`, never thresholds; a dollar
conversion is never a figure of its own; "last year" in a 2024 article reads 2023."""
from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from store.articles.documents import read_document
from store.extract.pipeline import run
from store.query.api import Store
from tui.screens.rank import RankScreen
from tui.state import Selection
from tui.widgets.results import ResultsTable

from .helpers import rank_from_figure, screen_text

SIZE = (120, 36)
ARTICLE = Path(__file__).parents[1] / "unit" / "articles" / "yongdeng.txt"


@pytest.fixture
def semantics_app():
    """The explorer on a store extracted from the one article."""
    from tui.app import MfgExplorer
    return MfgExplorer(store=Store.from_corpus(run([read_document(ARTICLE)])))


def figure_named(store, text):
    """The one figure whose text is `text`."""
    [fig] = [f for f in store.figures.values() if f.text == text]
    return fig


def rows(screen) -> list[str]:
    """The ranking table's rows as plain text."""
    table = screen.query_one(DataTable)
    return [" | ".join(getattr(c, "plain", str(c)) for c in table.get_row_at(i)) for i in range(table.row_count)]


async def test_a_ranking_never_shows_a_threshold_or_a_plan_by_default(semantics_app):
    async with semantics_app.run_test(size=SIZE) as pilot:
        store = pilot.app.store
        screen = await rank_from_figure(pilot, figure_named(store, "5.2 billion yuan").id)
        assert isinstance(screen, RankScreen)
        shown = rows(screen)
        assert [r.split(" | ")[1] for r in shown] == ["Hexi Pump Group company", "Qilian Valve company"]
        assert "2023" in shown[0] and "12 billion" not in " ".join(shown) and "20 million" not in " ".join(shown)
        await pilot.press("p")
        await pilot.pause()
        shown = rows(screen)
        assert "12 billion yuan" in shown[0] and "2026 plan" in shown[0]
        assert "20 million" not in " ".join(shown)


async def test_a_dollar_conversion_never_appears_as_a_second_figure(semantics_app):
    async with semantics_app.run_test(size=SIZE) as pilot:
        store = pilot.app.store
        assert not [f for f in store.figures.values() if f.unit == "usd"]
        await pilot.press("slash", *"billion")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        shown = [store.figures[r.id].text for r in pilot.app.screen.query_one(ResultsTable).rows_shown
                 if r.kind == "figure"]
        assert "8.6 billion yuan" in shown
        assert not any("1.19" in text for text in shown)
        assert figure_named(store, "8.6 billion yuan").conversion["text"] == "$1.19 billion"


async def test_last_year_in_a_2024_article_is_2023(semantics_app):
    async with semantics_app.run_test(size=SIZE) as pilot:
        fig = figure_named(pilot.app.store, "8.6 billion yuan")
        pilot.app.jump_to(Selection("figure", fig.id))
        await pilot.pause()
        assert (fig.period, fig.period_text) == ("2023", "last year")
        assert "2023" in screen_text(pilot.app)
