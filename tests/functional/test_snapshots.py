"""Snapshot tests of the main views at fixed sizes, on the fixture store (no clock, no files)."""
from __future__ import annotations

import pytest

from tui.state import Selection
from tui.widgets.results import ResultsTable
from tui.widgets.search_bar import SearchBar

SIZE = (120, 36)
SIZES = [(80, 24), (120, 36), (200, 50)]


def still_cursor(pilot) -> None:
    """No blinking cursor, so every capture is identical."""
    pilot.app.screen.query_one(SearchBar).cursor_blink = False


def jump(selection: Selection, focus_results: bool = True):
    """A run_before that shows `selection` with the results table focused."""
    async def show(pilot) -> None:
        pilot.app.jump_to(selection)
        if focus_results:
            pilot.app.screen.query_one(ResultsTable).focus()
    return steady(show)


def steady(step):
    """A run_before: the cursor stilled, then `step`, then a pause for the screen to settle."""
    async def run_before(pilot) -> None:
        still_cursor(pilot)
        await step(pilot)
        await pilot.pause()
    return run_before


async def search_qinglan(pilot) -> None:
    """Type a search and wait for its results."""
    await pilot.press("slash", *"qinglan revenue")
    await pilot.app.workers.wait_for_complete()


async def compare_two(pilot) -> None:
    """Compare two companies (empty categories hidden: the four rows with figures)."""
    pilot.app.marked = ("co:qinglan", "co:beifang")
    await pilot.press("c")


async def rank_f1(pilot) -> None:
    """Rank from a figure's results."""
    pilot.app.jump_to(Selection("figure", "f1"))
    pilot.app.screen.query_one(ResultsTable).focus()
    await pilot.press("m")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen_with_search(snap_compare, linked_app, size):
    assert snap_compare(linked_app, terminal_size=size, run_before=steady(search_qinglan))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_comparison_screen(snap_compare, linked_app, size):
    assert snap_compare(linked_app, terminal_size=size, run_before=steady(compare_two))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ranking_screen(snap_compare, linked_app, size):
    assert snap_compare(linked_app, terminal_size=size, run_before=steady(rank_f1))


async def filter_qinglan(pilot) -> None:
    """A company with two filters on: their chips show."""
    pilot.app.jump_to(Selection("company", "co:qinglan"))
    pilot.app.add_filter("category", "sales")
    pilot.app.add_filter("period", "2022")
    pilot.app.screen.query_one(ResultsTable).focus()


def test_filter_chips(snap_compare, linked_app):
    assert snap_compare(linked_app, terminal_size=SIZE, run_before=steady(filter_qinglan))


def test_figure_detail(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=jump(Selection("figure", "f1")))


def test_company_detail_second_mention(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["n"],
                        run_before=jump(Selection("company", "co:qinglan")))


def test_help_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"],
                        run_before=jump(Selection("region", "cn:41")))


def test_small_terminal(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=jump(Selection("figure", "f6")))
