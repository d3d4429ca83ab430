"""The ranking screen: every entity with a figure of one category and unit, largest first, with bars.

The bars are Rich Text made of block characters (full blocks plus an eighth-block tip), drawn in a
DataTable column. Why not a plotting widget (textual-plot, plotext): a ranking is one bar per named
row, so a table keeps each bar on the same line as its name, value and source, lets the cursor pick a
row (enter opens its sources), scrolls like every other table, needs no extra dependency, and renders
identically in SVG screenshots and snapshots. Like is compared with like: one ranking holds one
category, one kind (`k` switches level, change, share) and one unit family (`u` switches; yuan and
dollars are never mixed); only actual figures unless `p` switches plans in; thresholds never. Each
entity is ranked by its figure for the latest period, shown in its own column.
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from store import (
    Narrowing,
    figure_summary,
    kinds_for,
    rank,
    ranking_markdown,
    units_for,
    value_as_read,
)

from ..exporting import ExportView
from ..highlight import plain
from ..keymap import back_binding, sources_binding
from ..widgets.columns import Column, middle_ellipsis, share, widest
from ..widgets.status_line import StatusLine

BAR_WIDTH = 20  # the widest bar (160 steps at 1/8 cell); it narrows when the screen is small
MIN_BAR = 6
EIGHTHS = " ▏▎▍▌▋▊▉"  # partial blocks, 0/8 … 7/8 of a cell
BAR_STYLE = "bold"
MIN_NAME = 12  # long machine-made names are shortened in the middle; the sources screen shows them whole
MIN_FIGURE = 16
CHROME = 4  # border (2) and vertical scrollbar (2)


def bar_text(fraction: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar `fraction` (clamped to 0..1) of `width` cells long, at 1/8-cell precision."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (EIGHTHS[rest] if rest else "")
    return Text(bar.ljust(width), style=BAR_STYLE)


def rank_columns(width: int, names, values, periods, figures) -> dict[str, int]:
    """Widths for #, name, bar, value, period and figure: numbers and periods whole, then names, bars,
    and the figure as stated with what is left (it goes first when there is no room)."""
    columns = [Column("rank", widest([str(len(names))], "#")), Column("name", widest(names, "name"), least=MIN_NAME),
               Column("bar", BAR_WIDTH, least=MIN_BAR), Column("value", widest(values, "value")),
               Column("period", widest(periods, "period")),
               Column("figure", widest(figures, "figure as stated"), least=MIN_FIGURE, optional=True)]
    return share(width - CHROME, columns)


class RankScreen(Screen[None]):
    """Holds a store.ranking.Ranking for one category and unit; `u` moves to the next unit."""

    BINDINGS = [
        back_binding("rank"),
        Binding("u", "next_unit", "Unit", tooltip="Rank the same category in its next unit family",
                id="rank.next_unit"),
        Binding("k", "next_kind", "Kind", tooltip="Rank the category's levels, changes or shares",
                id="rank.next_kind"),
        Binding("p", "toggle_plans", "Plans", tooltip="Switch plans and targets in or out (actual figures only by default)",
                id="rank.toggle_plans"),
        sources_binding("rank", "The ranked entity's figures in their sources"),
    ]

    def __init__(self, store, category: str, unit: str | None = None, kind: str | None = None,
                 with_plans: bool = False) -> None:
        super().__init__()
        self.store = store
        self.base = rank(store, category, unit, kind, with_plans)
        self.ranking = self.base

    def compose(self) -> ComposeResult:
        """Header, the ranked table, the status line, footer."""
        yield Header()
        yield DataTable(id="rank-table", cursor_type="row", zebra_stripes=True)
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table, and again whenever the filters change."""
        self.watch(self.app, "filters", lambda _: self.fill())

    def on_resize(self) -> None:
        """The columns share the new width."""
        self.fill()

    def fill(self) -> None:
        """Rows from the ranking under the filters, largest first; the titles say category, kind, unit."""
        filters = self.app.filters
        r = self.ranking = Narrowing(self.store, filters).ranking(self.base) if filters else self.base
        table = self.query_one(DataTable)
        table.clear(columns=True)
        names = [Text.assemble(plain(e.name), (f" {e.kind}", "dim")) for e in r.entries]
        values = [Text(value_as_read(e.figure), justify="right") for e in r.entries]
        periods = [plain(e.period + (" plan" if e.figure.status == "plan" else "")) for e in r.entries]
        figures = [plain(f"{figure_summary(e.figure)} — {e.figure.metric}") for e in r.entries]
        widths = rank_columns(self.size.width, names, values, periods, figures)
        headers = {"rank": "#", "name": "name", "bar": "", "value": Text("value", justify="right"),
                   "period": "period", "figure": "figure as stated"}
        for key, width in widths.items():
            table.add_column(headers[key], key=key, width=width)
        for i, entry in enumerate(r.entries):
            cells = {"rank": Text(str(i + 1), justify="right"), "name": middle_ellipsis(names[i], widths["name"]),
                     "bar": bar_text(r.bar_fraction(entry), widths["bar"]), "value": values[i],
                     "period": periods[i], "figure": middle_ellipsis(figures[i], widths.get("figure", 0))}
            table.add_row(*(cells[key] for key in widths), key=entry.entity_id)
        unit = r.unit or "no unit"
        self.title = f"rank: {r.category} · {r.kind} ({unit})"
        others = f" · other units: {', '.join(r.other_units)} (u)" if r.other_units else ""
        kinds = f" · also: {', '.join(r.other_kinds)} (k)" if r.other_kinds else ""
        plans = "actual and plans" if r.with_plans else "actual only"
        table.border_title = f"{r.category} as {r.kind} in {unit}, largest first, latest period each"
        table.border_subtitle = f"{len(r.entries)} entities · {plans} (p){others}{kinds}"
        self.query_one(StatusLine).show(f"ranking of {r.category} · {r.kind} ({unit})", len(r.entries))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A click on a row opens its sources, as enter does."""
        event.stop()
        self.action_show_sources()

    def action_next_unit(self) -> None:
        """Switch to the category's next unit family (figures in different units are never mixed)."""
        r = self.ranking
        units = units_for(self.store, r.category, r.kind, r.with_plans)
        if len(units) < 2:
            self.notify(f"every {r.category} {r.kind} figure is in {r.unit or 'no unit'}")
            return
        at = units.index(r.unit) if r.unit in units else -1
        self.base = rank(self.store, r.category, units[(at + 1) % len(units)], r.kind, r.with_plans)
        self.fill()

    def action_next_kind(self) -> None:
        """Switch between the category's levels, changes and shares (never ranked together)."""
        r = self.ranking
        kinds = kinds_for(self.store, r.category, r.with_plans)
        if len(kinds) < 2:
            self.notify(f"every {r.category} figure is a {r.kind}")
            return
        at = kinds.index(r.kind) if r.kind in kinds else -1
        self.base = rank(self.store, r.category, None, kinds[(at + 1) % len(kinds)], r.with_plans)
        self.fill()

    def action_toggle_plans(self) -> None:
        """Switch plans and targets in or out of the ranking (thresholds are never ranked)."""
        r = self.ranking
        self.base = rank(self.store, r.category, r.unit, r.kind, not r.with_plans)
        self.fill()
        self.notify("plans and targets ranked beside actual figures" if self.base.with_plans
                    else "actual figures only")

    def action_show_sources(self) -> None:
        """Open the highlighted entity's figures of this metric in their source passages."""
        from .sources import SourcesScreen
        table = self.query_one(DataTable)
        if not self.ranking.entries:
            return
        entry = self.ranking.entries[min(table.cursor_row, len(self.ranking.entries) - 1)]
        self.app.push_screen(SourcesScreen(self.store, list(entry.figures),
                                           f"{self.ranking.category} · {self.ranking.kind} · {entry.name}"))

    def export_view(self) -> ExportView:
        """The ranking as shown (this unit only)."""
        ranking = self.ranking
        return ExportView("ranking", f"{ranking.category} {ranking.kind} {ranking.unit or ''}",
                          lambda: ranking_markdown(self.store, ranking))
