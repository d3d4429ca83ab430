"""Pilot tests: each user flow of the explorer, on the in-memory crane store."""
from __future__ import annotations

from tui.screens.help import HelpScreen
from tui.state import Selection
from tui.widgets.detail import DetailPane
from tui.widgets.region_tree import RegionTree
from tui.widgets.results import ResultsTable

from .helpers import rendered_text, screen_text, styled, texts_in

SIZE = (120, 36)


async def type_query(pilot, query: str) -> None:
    """Focus search, type `query`, and wait for the search worker."""
    await pilot.press("slash", *query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_search_select_shows_highlighted_span(app):
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "qinglan revenue")
        table = pilot.app.screen.query_one(ResultsTable)
        ids = [r.id for r in table.rows_shown]
        assert "f1" in ids
        await pilot.press("down")  # leave the search box for the results
        for _ in range(ids.index("f1")):
            await pilot.press("down")
        await pilot.press("enter")
        assert pilot.app.current == Selection("figure", "f1")
        detail = pilot.app.screen.query_one(DetailPane)
        assert pilot.app.focused is detail
        sentence, paragraph = texts_in(detail.shown)[1], texts_in(detail.shown)[-1]
        for passage in (sentence, paragraph):
            assert styled(passage, "bold reverse") == ["12.5 billion yuan"]
            assert "Qinglan Heavy Group" in styled(passage, "bold underline")
        assert sentence.plain.startswith("Qinglan Heavy Group, based") and sentence.plain.endswith("on year.")
        assert "12.5 billion yuan" in screen_text(pilot.app)


async def test_typo_and_number_and_prefix_queries(app):
    async with app.run_test(size=SIZE) as pilot:
        table = pilot.app.screen.query_one(ResultsTable)
        await type_query(pilot, "qinlgan")
        assert table.rows_shown[0].id == "co:qinglan"
        await pilot.press(*["backspace"] * len("qinlgan"))
        await type_query(pilot, "12.5")
        assert table.rows_shown[0].id == "f1"
        assert pilot.app.current == Selection("figure", "f1")  # detail previews the top hit
        await pilot.press(*["backspace"] * 4)
        await type_query(pilot, "company:beifang")
        assert {r.kind for r in table.rows_shown} == {"company"}


async def test_stale_search_never_overwrites_newer(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        screen.post_message(screen.SearchDone(0, "old", []))  # a result from an older query
        await type_query(pilot, "beifang")
        screen.post_message(screen.SearchDone(1, "b", []))
        await pilot.pause()
        assert [r.id for r in screen.query_one(ResultsTable).rows_shown][0] == "co:beifang"


async def test_matched_characters_are_highlighted(app):
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "beifang")
        table = pilot.app.screen.query_one(ResultsTable)
        label = table.get_row_at(0)[1]
        assert styled(label, "bold underline") == ["Beifang"]


async def test_tree_navigation_shows_region_detail(app):
    async with app.run_test(size=SIZE) as pilot:
        tree = pilot.app.screen.query_one(RegionTree)
        tree.focus()
        await pilot.press("down")  # first node: Henan Province
        await pilot.pause()
        assert pilot.app.current == Selection("region", "cn:41")
        await pilot.press("down", "enter")  # Anping City, chosen
        await pilot.pause()
        assert pilot.app.current == Selection("region", "cn:4107")  # refilled rows don't steal it
        text = screen_text(pilot.app)
        assert "Henan Province" in text and "Yuxi County" in text  # ancestor and sub-region
        rows = pilot.app.screen.query_one(ResultsTable).rows_shown
        assert {r.id for r in rows} >= {"co:qinglan", "co:beifang", "f4", "f5"}


async def test_mention_stepping(app):
    async with app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("company", "co:beifang"))
        await pilot.pause()
        detail = pilot.app.screen.query_one(DetailPane)
        pilot.app.screen.query_one(ResultsTable).focus()
        first = styled(texts_in(detail.shown)[-1], "bold reverse")
        await pilot.press("n")
        second = styled(texts_in(detail.shown)[-1], "bold reverse")
        assert (first, second) == (["Beifang Hoist Co."], ["Beifang"])
        assert "mention 2 of 2" in screen_text(pilot.app)
        await pilot.press("N")
        assert styled(texts_in(detail.shown)[-1], "bold reverse") == first
        await pilot.press("N")  # wraps round to the last mention
        assert detail.mention_index == 1


async def test_sort_by_value_column(app):
    async with app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("company", "co:qinglan"))
        await pilot.pause()
        table = pilot.app.screen.query_one(ResultsTable)
        table.focus()
        await pilot.press("s")  # rank → value
        assert table.sort_column == "value"
        first = table.get_row_at(0)[2]
        assert first.plain.startswith("12,500,000,000")


async def test_help_screen_lists_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        pilot.app.screen.query_one(ResultsTable).focus()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        assert " ^p " in screen_text(pilot.app)  # the list starts on screen; the rest scrolls
        text = rendered_text(pilot.app.screen.query_one("#help-keys").content, 110)
        for key in ("^b", "^p", "esc", "n", "N", "f1", "/", "s", "space", "c", "m", "h", "u", "e", "y"):
            assert f" {key} " in text.replace(",", " ")
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_command_palette_jumps(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"tax paid")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.current == Selection("figure", "f3")


async def test_markup_in_articles_is_literal(app):
    async with app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("figure", "f6"))
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "75 [/] thousand tons" in text
        assert "[red]alert[/red]" in text
        assert "[b]" in text


async def test_resize_to_small_terminal_keeps_detail(app):
    async with app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("figure", "f1"))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert pilot.app.screen.has_class("-narrow")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not pilot.app.screen.query_one(RegionTree).display
        assert "12.5 billion" in screen_text(pilot.app)
        await pilot.press("escape", "q")  # q in the search box is a letter; outside it quits
    assert app.return_code == 0
