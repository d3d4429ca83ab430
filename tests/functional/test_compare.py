"""Pilot tests of the analysis views: marks, comparison, sources, ranking, corroboration, export."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.text import Text
from textual.widgets import DataTable, Input

from store import CATEGORIES, KINDS, figure_summary
from tui.marks import MARKER
from tui.screens.compare import CompareScreen
from tui.screens.export_modal import ConfirmOverwrite, ExportModal
from tui.screens.rank import BAR_WIDTH, RankScreen, bar_text
from tui.screens.sources import SourcesScreen
from tui.state import Selection
from tui.widgets.detail import DetailPane
from tui.widgets.results import ResultsTable

from .helpers import (
    Notes,
    rank_from_figure,
    rendered_text,
    screen_text,
    shown_text,
    styled,
    texts_in,
)

SIZE = (120, 36)


async def settle(pilot) -> None:
    """Wait for workers (search, export) and a repaint."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def mark_by_search(pilot, query: str) -> None:
    """Search for `query`, go to the results (top hit) and press space there."""
    await pilot.press("slash", *query)
    await settle(pilot)
    await pilot.press("down", "space")
    await pilot.pause()
    await pilot.press("slash", *["backspace"] * len(query))
    await settle(pilot)


async def open_comparison(pilot) -> CompareScreen:
    """Mark Qinglan then Beifang, press c."""
    await mark_by_search(pilot, "company:qinglan")
    await mark_by_search(pilot, "company:beifang")
    await pilot.press("escape", "c")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CompareScreen)
    return pilot.app.screen


def cell_at(table: DataTable, row_key: str, column_key: str) -> str:
    """The plain text of one comparison cell."""
    value = table.get_cell(row_key, column_key)
    return value.plain if isinstance(value, Text) else str(value)


async def move_to_cell(pilot, screen: CompareScreen, row_key: str, column: int) -> None:
    """Put the comparison cursor on (row, column); rows are keyed category/kind/status."""
    table = screen.query_one(DataTable)
    table.move_cursor(row=[r.key for r in screen.comparison.rows].index(row_key), column=column)
    await pilot.pause()


async def test_marks_show_marker_and_count(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        await mark_by_search(pilot, "company:qinglan")
        assert pilot.app.marked == ("co:qinglan",)
        assert "1 marked" in pilot.app.sub_title
        await mark_by_search(pilot, "company:beifang")
        assert pilot.app.marked == ("co:qinglan", "co:beifang") and "2 marked" in pilot.app.sub_title
        await pilot.press(*"company:beifang")
        await settle(pilot)
        await pilot.press("down")
        table = pilot.app.screen.query_one(ResultsTable)
        assert str(table.get_row_at(0)[0]).startswith(MARKER)
        assert pilot.app.screen.query_one(DetailPane).border_title.endswith("marked")
        await pilot.press("space")  # unmark Beifang from the results
        assert pilot.app.marked == ("co:qinglan",)
        await pilot.press("t", "down", "space")  # the tree: its first node (a region) is marked too
        assert pilot.app.marked == ("co:qinglan", "cn:41")
        assert MARKER in screen_text(pilot.app)


async def test_comparison_table_sources_and_back(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        table = screen.query_one(DataTable)
        assert [str(c.label.plain) for c in table.ordered_columns][1:] == [
            "Qinglan Heavy Group company", "Beifang Hoist Co. company"]
        sales = cell_at(table, "sales/level/actual", "co:qinglan")
        # Stated in two articles: shown once, marked with its two sources.
        assert sales.count("12.5 billion yuan (2022)") == 1 and "✓ 2 sources" in sales
        assert "3.1 billion yuan (2022)" in cell_at(table, "sales/level/actual", "co:beifang")
        assert "1,200 units (2022)" in cell_at(table, "exports/level/actual", "co:beifang")  # "last year", dated
        assert "≠ sources differ" in cell_at(table, "sales/change/actual", "co:qinglan")
        assert cell_at(table, "tax/level/actual", "co:beifang") == "—"
        await move_to_cell(pilot, screen, "sales/level/actual", 2)
        await pilot.press("enter")
        await pilot.pause()
        sources = pilot.app.screen
        assert isinstance(sources, SourcesScreen) and [f.id for f in sources.figures] == ["g3"]
        passage = [t for t in texts_in(sources.query_one("#sources-body").content) if "posted" in t.plain][0]
        assert styled(passage, "bold reverse") == ["3.1 billion yuan"]
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_empty_rows_start_hidden_and_h_shows_them(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        table = screen.query_one(DataTable)
        assert [r.label for r in screen.comparison.rows] == ["sales · level", "sales · change", "tax · level",
                                                             "exports · level"]
        assert table.row_count == 4  # as the CLI does: rows nobody has a figure for are left out
        await pilot.press("h")
        assert table.row_count == len(CATEGORIES) * len(KINDS)
        await pilot.press("h")
        assert table.row_count == 4


def parse_tables(markdown: str) -> list[list[list[str]]]:
    """Every table in the Markdown as rows of cell texts (header row first)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables, rows, row, in_cell = [], [], [], False
    for tok in tokens:
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            row.append("")
            in_cell = True
        elif tok.type in ("th_close", "td_close"):
            in_cell = False
        elif tok.type == "inline" and in_cell:
            row[-1] = tok.content
        elif tok.type == "tr_close":
            rows.append(row)
        elif tok.type == "table_close":
            tables.append(rows)
    return tables


async def export_to(pilot, name: str | None = None) -> ExportModal:
    """Press e, wait for the modal, optionally type a new file name."""
    await pilot.press("e")
    await settle(pilot)
    modal = pilot.app.screen
    assert isinstance(modal, ExportModal)
    if name is not None:
        modal.query_one(Input).value = name
    return modal


async def test_export_comparison_writes_parsable_markdown(linked_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    notes = Notes()
    async with linked_app.run_test(size=SIZE, message_hook=notes) as pilot:
        await open_comparison(pilot)
        modal = await export_to(pilot)
        default = Path(modal.query_one(Input).value)
        assert default.parent == tmp_path
        assert default.name.startswith("mfg-comparison-qinglan-heavy-group-vs-beifang-hoist-co-")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CompareScreen)
        assert any(str(default) in n for n in notes)
    text = default.read_text(encoding="utf-8")
    [table] = parse_tables(text)
    assert table[0] == ["Measure", "Qinglan Heavy Group", "Beifang Hoist Co."]
    assert [r[0] for r in table[1:]] == ["sales · level", "sales · change", "tax · level", "exports · level"]
    sales = next(r for r in table if r[0] == "sales · level")
    assert sales[1] == "12.5 billion yuan (2022), operating revenue [1] [2]"  # one fact, two sources
    assert "3.1 billion yuan (2022)" in sales[2]
    assert "## Sources" in text and "file 003\\_echo.txt" in text
    assert "**3.1 billion yuan**" in text


async def test_export_never_overwrites_without_asking(linked_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("company", "co:qinglan"))
        pilot.app.screen.query_one(DetailPane).focus()
        await pilot.pause()
        await export_to(pilot, str(target))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmOverwrite)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportModal) and target.read_text() == "old"
        await pilot.press("enter", "y")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, (ExportModal, ConfirmOverwrite))
    assert target.read_text().startswith("# Qinglan Heavy Group")


async def test_unwritable_path_keeps_app_running(linked_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("region", "cn:4107"))
        pilot.app.screen.query_one(DetailPane).focus()
        await pilot.pause()
        modal = await export_to(pilot, str(tmp_path / "missing" / "x.md"))
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is modal
        assert "does not exist" in str(modal.query_one("#export-status").content)
        await pilot.press("escape")
        assert pilot.app.is_running and not list(tmp_path.iterdir())
        await pilot.press("slash", *"beifang")  # still answering keys
        await settle(pilot)
        assert pilot.app.screen.query_one(ResultsTable).rows_shown


async def test_y_copies_the_same_markdown(linked_app, tmp_path, monkeypatch):
    copied = []
    monkeypatch.setattr(linked_app, "copy_to_clipboard", copied.append)
    async with linked_app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"qinglan")
        await settle(pilot)
        await pilot.press("y")  # in the search box, y is a letter
        await settle(pilot)
        assert not copied
        await pilot.press("backspace", "down", "y")
        await settle(pilot)
    assert copied and copied[0].startswith("# Search: qinglan")


async def test_y_copies_rows_in_the_order_shown(linked_app, monkeypatch):
    copied = []
    monkeypatch.setattr(linked_app, "copy_to_clipboard", copied.append)
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("company", "co:qinglan"))
        table = pilot.app.screen.query_one(ResultsTable)
        table.focus()
        await pilot.press("s")  # by value, largest first
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        shown = [r.id for r in table.displayed_rows()]
    [rows] = parse_tables(copied[0])
    assert copied[0].startswith("# Qinglan Heavy Group (company)")
    assert rows[0] == ["Kind", "Result", "Subject", "Category"]
    # f1 and g1 are one fact (the list shows both, the export once, citing both articles).
    expected = [linked_app.store.figures[i] for i in shown if i != "g1"]
    assert [r[1].split(",")[0].split(" [")[0] for r in rows[1:]] == [
        figure_summary(f) for f in expected]
    assert rows[1][1].endswith("[1] [2]")


async def test_ctrl_e_exports_even_from_the_search_box(linked_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with linked_app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"beifang")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        modal = pilot.app.screen
        assert isinstance(modal, ExportModal) and modal.view.view == "search"
        await pilot.press("enter")
        await pilot.pause()
    [written] = tmp_path.iterdir()
    assert written.name.startswith("mfg-search-beifang-")
    assert parse_tables(written.read_text())[0][0] == ["Kind", "Result", "Subject", "Category"]


async def test_rank_from_figure_orders_bars_one_unit(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        screen = await rank_from_figure(pilot, "f1")
        assert isinstance(screen, RankScreen)
        assert [e.entity_id for e in screen.ranking.entries] == ["co:qinglan", "co:beifang"]
        assert {f.unit for e in screen.ranking.entries for f in e.figures} == {"yuan"}
        table = screen.query_one(DataTable)
        bars = [len(table.get_row_at(i)[2].plain.rstrip()) for i in range(table.row_count)]
        assert bars[0] == BAR_WIDTH and 0 < bars[1] < bars[0]
        assert table.get_row_at(0)[3].plain == "12.5 billion yuan" and table.get_row_at(0)[4].plain == "2022"
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, SourcesScreen)


async def test_rank_switches_unit_and_from_comparison_row(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        screen = await open_comparison(pilot)
        await move_to_cell(pilot, screen, "exports/level/actual", 1)
        await pilot.press("m")
        await pilot.pause()
        rank = pilot.app.screen
        assert isinstance(rank, RankScreen) and rank.ranking.category == "exports"
        first = rank.ranking.unit
        assert {first, *rank.ranking.other_units} == {"units", "yuan"}
        await pilot.press("u")
        assert rank.ranking.unit != first
        assert {f.unit for e in rank.ranking.entries for f in e.figures} == {rank.ranking.unit}


async def test_corroboration_and_conflict_in_figure_detail(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        text = await shown_text(pilot, Selection("figure", "f1"))
        assert "stated in 2 sources" in text
        assert "001_crane.txt" in text and "003_echo.txt" in text
        text = await shown_text(pilot, Selection("figure", "f2"))
        assert "sources differ" in text and "9.8%" in text and "9.4%" in text
        pilot.app.jump_to(Selection("figure", "f3"))  # stated once: no mark
        await pilot.pause()
        assert "sources" not in screen_text(pilot.app).split("paragraph")[0].replace("document", "")


def _changyuan_crane_output(store):
    """The seeds' figure for Changyuan's annual output of 300,000 complete cranes."""
    return next(f for f in store.figures.values()
                if f.text == "300,000 complete cranes" and store.name_of(f.subject_id) == "Changyuan")


async def test_corroboration_mark_on_changyuan_crane_output(seeds_store):
    from tui.app import MfgExplorer
    fig = _changyuan_crane_output(seeds_store)
    async with MfgExplorer(store=seeds_store).run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("figure", fig.id))
        await pilot.pause()
        assert "stated in 2 sources" in screen_text(pilot.app)
        detail = rendered_text(pilot.app.screen.query_one(DetailPane).shown, 100)  # scrolled part too
        other = seeds_store.figures[seeds_store.links_of(fig.id).corroborated_by[0]]
        assert seeds_store.documents[other.doc_id].file in detail


@given(st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1))
def test_bar_length_grows_with_fraction(a, b):
    small, large = sorted((a, b))
    assert len(bar_text(small, 20).plain) == 20  # padded to one width: columns stay aligned
    assert len(bar_text(small).plain.rstrip()) <= len(bar_text(large).plain.rstrip())


def test_bar_extremes():
    assert bar_text(1.0, 10).plain == "█" * 10
    assert bar_text(0.0, 10).plain.strip() == ""
    assert bar_text(0.55, 10).plain.rstrip() == "█████▌"  # 5.5 cells: five full blocks and a half


async def test_figures_are_not_markable_and_c_needs_marks(linked_app):
    notes = Notes()
    async with linked_app.run_test(size=SIZE, message_hook=notes) as pilot:
        pilot.app.jump_to(Selection("figure", "f1"))
        pilot.app.screen.query_one(ResultsTable).focus()
        await pilot.press("space", "c")
        await pilot.pause()
        assert pilot.app.marked == () and not isinstance(pilot.app.screen, CompareScreen)
        assert "Only companies and regions" in " ".join(notes) and "Mark companies or regions" in " ".join(notes)


async def test_palette_ranks_a_category_and_clears_marks(linked_app):
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.marked = ("co:qinglan",)
        await pilot.press("ctrl+p", *"clear marks")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.marked == ()
        await pilot.press("ctrl+p", *"rank: exports · level (yuan)")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, RankScreen) and (screen.ranking.category, screen.ranking.unit) == ("exports", "yuan")
        assert [e.entity_id for e in screen.ranking.entries] == ["co:qinglan"]


async def test_no_second_export_over_the_export_dialog(linked_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with linked_app.run_test(size=SIZE) as pilot:
        pilot.app.jump_to(Selection("company", "co:qinglan"))
        pilot.app.screen.query_one(DetailPane).focus()
        modal = await export_to(pilot)
        await pilot.press("ctrl+e", "f", "M")  # typed into the path or ignored: no dialog stacks
        await settle(pilot)
        assert pilot.app.screen is modal
