"""Pilot tests of the filter bar (`f`): chips that narrow the results, the ranking and the comparison."""
from __future__ import annotations

from textual.command import CommandPalette

from store import Filters
from tui.screens.compare import CompareScreen
from tui.screens.rank import RankScreen
from tui.state import Selection
from tui.widgets.detail import DetailPane
from tui.widgets.results import ResultsTable
from tui.widgets.status_line import FilterChip

from .helpers import screen_text, styled, texts_in

SIZE = (120, 36)


async def pick_filter(pilot, typed: str) -> None:
    """Press f, type into the filter picker, take the best match."""
    await pilot.press("f")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*typed)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def listed(pilot) -> list[str]:
    """Ids of the rows the results table lists."""
    return [r.id for r in pilot.app.screen.query_one(ResultsTable).rows_shown]


async def test_category_filter_shows_a_chip_and_narrows_the_list(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("company", "co:qinglan"))
        await pilot.pause()
        assert len(listed(pilot)) == 6
        await pick_filter(pilot, "category: sales")
        assert pilot.app.filters.categories == ("sales",)
        assert listed(pilot) == ["f1", "f2", "g1", "g2"]
        assert "category: sales ✕" in screen_text(pilot.app)
        await pick_filter(pilot, "category: tax")  # a second value of a facet widens it
        assert listed(pilot) == ["f1", "f2", "f3", "g1", "g2"]
        chip = pilot.app.screen.query(FilterChip).first()
        chip.focus()
        await pilot.press("enter")  # removes "category: sales"
        await pilot.pause()
        assert pilot.app.filters.categories == ("tax",) and listed(pilot) == ["f3"]


async def test_period_range_document_and_kind_filters(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("company", "co:qinglan"))
        await pick_filter(pilot, "2021-2022")  # a typed range is offered as a period
        assert pilot.app.filters.period == (2021, 2022)
        assert set(listed(pilot)) == {"f1", "f2", "g1", "g2"}  # figures without a year drop out
        assert "period: 2021–2022 ✕" in screen_text(pilot.app)
        await pick_filter(pilot, "document: 003_echo")
        assert set(listed(pilot)) == {"g1", "g2"}
        pilot.app.clear_filters()
        await pilot.press("slash", *"qinglan")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("escape")
        await pick_filter(pilot, "kind: company")
        assert listed(pilot) == ["co:qinglan"]


async def test_region_filter_takes_everything_under_the_node(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "down", "down")  # Henan Province, then Anping City
        await pilot.pause()
        assert pilot.app.current == Selection("region", "cn:4107")
        await pick_filter(pilot, "region: Anping City and everything")
        assert pilot.app.filters.regions == ("cn:4107",)
        assert "under: Anping City ✕" in screen_text(pilot.app)
        # The list (every company) now holds those under Anping City: Yuxi County is one of its counties.
        assert set(listed(pilot)) == {"co:qinglan", "co:beifang"}


async def test_filters_narrow_the_ranking_and_the_comparison(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.marked = ("co:qinglan", "co:beifang")
        pilot.app.add_filter("document", "doc-crane")
        await pilot.press("c")
        await pilot.pause()
        compare = pilot.app.screen
        assert isinstance(compare, CompareScreen)
        figures = {f.id for f in compare.comparison.figures()}
        assert figures == {"f1", "f2", "f3", "f5"}  # only the first article's figures
        assert "document: 001_crane.txt ✕" in screen_text(pilot.app)
        pilot.app.remove_filter("document", "doc-crane")
        await pilot.pause()
        assert {"g3", "g4"} <= {f.id for f in compare.comparison.figures()}  # the screen follows
        await pilot.press("escape")
        pilot.app.add_filter("period", "2022")
        pilot.app.push_screen(RankScreen(pilot.app.store, "exports", "yuan"))
        await pilot.pause()
        rank = pilot.app.screen
        assert rank.ranking.entries == ()  # Qinglan's exports in yuan have no period: filtered out
        pilot.app.remove_filter("period", "2022")
        await pilot.pause()
        assert [e.entity_id for e in rank.ranking.entries] == ["co:qinglan"]


async def test_mentions_and_the_palette_work_with_filters_on(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.filters = Filters(categories=("exports",))
        await pilot.press("ctrl+p", *"beifang hoist")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.current == Selection("company", "co:beifang")
        assert listed(pilot) == ["f5"]  # Beifang's figures, filtered
        detail = pilot.app.screen.query_one(DetailPane)
        first = styled(texts_in(detail.shown)[-1], "bold reverse")
        await pilot.press("n")
        assert styled(texts_in(detail.shown)[-1], "bold reverse") != first
