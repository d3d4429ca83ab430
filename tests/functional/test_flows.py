"""Pilot tests: each user flow of the explorer, on the in-memory crane store."""
from __future__ import annotations

import pytest
from textual.widgets import Input

from tui.screens.help import HelpScreen
from tui.state import Selection
from tui.widgets.detail import DetailPane
from tui.widgets.region_tree import RegionTree
from tui.widgets.results import ResultsTable
from tui.widgets.search_bar import SearchBar

from .helpers import rendered_text, screen_text, shown_text, styled, texts_in

SIZE = (120, 36)


async def type_query(pilot, query: str) -> None:
    """Focus search, type `query`, and wait for the search worker."""
    await pilot.press("slash", *query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_launch_is_normal_mode_keys_act_at_once(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = pilot.app.screen.query_one(ResultsTable)
        assert pilot.app.focused is table  # not the search box: q, ?, c, m, e act at once
        assert [r.id for r in table.rows_shown] == ["co:qinglan", "co:beifang", "co:tongda"]
        assert pilot.app.current == Selection("company", "co:qinglan")  # the detail agrees with the cursor
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape", "slash", *"beif")
        assert isinstance(pilot.app.focused, SearchBar) and pilot.app.focused.value == "beif"
        await pilot.press("escape")
        assert pilot.app.focused is table
        await pilot.press("q")
    assert app.return_code == 0


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


async def test_names_come_before_figures_and_kinds_show(app):
    async with app.run_test(size=(200, 50)) as pilot:
        await type_query(pilot, "beifang")
        table = pilot.app.screen.query_one(ResultsTable)
        kinds = [r.kind for r in table.rows_shown]
        assert kinds[0] == "company" and "figure" in kinds
        assert [str(table.get_row_at(i)[0]).strip() for i in range(2)] == ["company", "figure"]


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
        await pilot.press("t")  # the tree
        tree = pilot.app.screen.query_one(RegionTree)
        assert pilot.app.focused is tree
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


async def test_star_expands_a_whole_subtree(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t", "down")  # Henan Province: expanded, Anping City under it is not
        tree = pilot.app.screen.query_one(RegionTree)
        anping = tree.find(Selection("region", "cn:4107"))
        assert not anping.is_expanded
        await pilot.press("asterisk")
        assert anping.is_expanded and tree.find(Selection("region", "cn:410728")).is_expanded
        await pilot.press("asterisk")  # all open: * closes it again
        assert not tree.find(Selection("region", "cn:41")).is_expanded


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


async def test_sort_keeps_cursor_and_detail_on_one_row(app):
    async with app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("company", "co:qinglan"))
        await pilot.pause()
        table = pilot.app.screen.query_one(ResultsTable)
        table.focus()
        await pilot.press("down")  # the second row in document order
        picked = table.cursor_selection()
        await pilot.press("s")  # rank → value
        await pilot.pause()
        assert table.sort_column == "value"
        assert table.get_row_at(0)[2].plain == "12.5 billion yuan"  # largest first
        assert table.cursor_selection() == picked == pilot.app.current
        await pilot.press("s", "down")
        await pilot.pause()
        assert table.cursor_selection() == pilot.app.current
        assert "sort: period" in screen_text(pilot.app)


async def test_help_screen_lists_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        assert " ^p " in screen_text(pilot.app)  # the list starts on screen; the rest scrolls
        text = rendered_text(pilot.app.screen.query_one("#help-keys").content, 110)
        for key in ("^t", "^p", "esc", "n", "N", "f1", "/", "s", "space", "c", "m", "h", "u", "e", "y", "f",
                    "M", "K", "J", "*"):
            assert f" {key} " in text.replace(",", " "), key
        assert "shift+space" not in text and "^b" not in text  # keys tmux or xterm never deliver
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_command_palette_jumps_and_the_search_box_follows(app):
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "beifang")
        await pilot.press("escape", "ctrl+p", *"tax paid")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.current == Selection("figure", "f3")
        assert pilot.app.screen.query_one(Input).value == ""  # the old query no longer describes the list
        assert "Qinglan Heavy Group (company)" in screen_text(pilot.app)  # what the list shows instead


async def test_markup_in_articles_is_literal(app):
    async with app.run_test(size=SIZE) as pilot:
        text = await shown_text(pilot, Selection("figure", "f6"))
        assert "75 [/] thousand tons" in text
        assert "[red]alert[/red]" in text
        assert "[b]" in text


async def test_small_terminal_stacks_panes_and_keeps_detail(app):
    async with app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("figure", "f1"))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        tree = pilot.app.screen.query_one(RegionTree)
        assert pilot.app.screen.has_class("-narrow") and not tree.display
        assert "12.5 billion" in screen_text(pilot.app)
        await pilot.press("t")  # the tree comes back on demand
        assert tree.display and pilot.app.focused is tree
        await pilot.press("ctrl+t")
        assert not tree.display
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("width, height", [(80, 24), (120, 36), (200, 50)])
async def test_values_and_periods_are_never_cut(linked_app, width, height):
    async with linked_app.run_test(size=(width, height)) as pilot:
        text = await shown_text(pilot, Selection("company", "co:qinglan"))
        for value in ("12.5 billion yuan", "9.4%", "610 million yuan"):  # the first rows, whole
            assert value in text, (width, value)
        assert text.count("2022") >= 2
        table = pilot.app.screen.query_one(ResultsTable)
        columns = {str(k.value): c for k, c in table.columns.items()}
        assert {"kind", "label", "value", "period"} <= set(columns)
        assert columns["value"].width == max(len(r.value_text) for r in table.rows_shown)
        assert sum(c.get_render_width(table) for c in columns.values()) <= table.size.width  # no scrolling


async def test_a_leading_space_stays_in_the_search_box(app):
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, " beifang")
        assert pilot.app.screen.query_one(SearchBar).value == " beifang"
        assert pilot.app.screen.query_one(ResultsTable).rows_shown[0].id == "co:beifang"


async def test_companies_the_text_places_nowhere_sit_under_unplaced():
    from store import Company, Store
    from tui.app import MfgExplorer

    from .conftest import crane_corpus
    corpus = crane_corpus()
    corpus.companies.append(Company("co:kelmar", "Kelmar Holdings", [], None))
    app = MfgExplorer(store=Store.from_corpus(corpus))
    async with app.run_test(size=SIZE) as pilot:
        tree = pilot.app.screen.query_one(RegionTree)
        group = tree.root.children[-1]
        assert str(group.label).startswith("Unplaced · 1 co")
        assert [leaf.data for leaf in group.children] == [Selection("company", "co:kelmar")]
        assert tree.find(Selection("company", "co:qinglan")).parent is not group
