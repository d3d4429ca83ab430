"""What the detail pane shows for a figure, a company or a region, as Rich renderables."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from store import (
    MfgError,
    figure_sentence,
    figures_grouped,
    region_companies,
    region_figures,
    same_facts,
    saved_comparison,
    subregions,
    value_text,
)

from ..highlight import passage_text, plain
from .link_marks import corroboration_lines, link_mark


def heading(name: str, kind: str) -> Text:
    """A bold title with the item's kind."""
    return Text.assemble(plain(name, "bold underline"), (f"  {kind}", "dim"))


def fields(pairs: list[tuple[str, str | None]]) -> Table:
    """A two-column table of labelled values; values are plain text, never markup."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for name, value in pairs:
        table.add_row(name, plain(value if value not in (None, "") else "—"))
    return table


def figure_line(store, fig, with_subject: bool = False) -> Text:
    """One figure as a line: text, value, metric, period (and subject, when asked)."""
    line = Text("• ")
    line.append(plain(fig.text, "bold"))
    line.append(plain(f" — {fig.metric}"))
    if fig.period:
        line.append(plain(f" ({fig.period})", "dim"))
    if with_subject and fig.subject_id:
        line.append(plain(f" — {store.name_of(fig.subject_id)}", "italic"))
    return line


def shorten(text: str | None, limit: int = 90) -> str | None:
    """Text cut to `limit` characters with an ellipsis (long machine-made titles)."""
    return text if text is None or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def figure_detail(store, fig) -> Group:
    """A figure: its paragraph with the figure and its subject highlighted, then its fields."""
    doc = store.documents[fig.doc_id]
    table = fields([
        ("value", value_text(fig)), ("text", fig.text), ("unit", fig.unit),
        ("qualifier", fig.qualifier), ("period", fig.period), ("metric", fig.metric),
        ("category", fig.category), ("subject", store.name_of(fig.subject_id)),
        ("document", shorten(doc.title)), ("date", doc.date), ("file", doc.file),
    ])
    links = corroboration_lines(store, fig)  # "stated in N sources" / "sources differ", if any
    # The stating sentence comes first so the answer is visible without scrolling.
    return Group(heading(fig.text, "figure"), passage_text(figure_sentence(store, fig)),
                 Text(""), table, *([Text("")] + links if links else []), Text(""), Text("paragraph", "dim"),
                 passage_text(store.figure_passage(fig)))


def region_chain(store, region_id: str | None) -> str:
    """'County < Prefecture < Province' for a region id ('' for none)."""
    if not region_id or region_id not in store.regions:
        return ""
    chain = [store.regions[region_id], *store.ancestors(region_id)]
    return " < ".join(r.name for r in chain)


def grouped_figures(store, entity_id: str) -> list:
    """An entity's figures under one dim heading per category, each fact once with its sources mark."""
    parts: list = []
    for category, figs in figures_grouped(store, entity_id).items():
        parts.append(Text(category, "bold dim"))
        parts.extend(figure_line(store, f).append_text(link_mark(store, f)) for f, _ in same_facts(store, figs))
    return parts or [Text("no figures", "dim")]


def mention_block(store, entity_id: str, index: int) -> list:
    """Mention `index` of an entity, shown highlighted in its paragraph."""
    mentions = store.mentions_of(entity_id)
    if not mentions:
        return [Text("no mentions", "dim")]
    m = mentions[index % len(mentions)]
    doc = store.documents[m.doc_id]
    title = Text(f"mention {index % len(mentions) + 1} of {len(mentions)}  (n / N)  ", "bold")
    title.append(plain(shorten(doc.title, 60), "dim"))
    return [title, passage_text(store.passage(m.doc_id, m.start, m.end))]


def company_detail(store, company, mention_index: int = 0) -> Group:
    """A company: aliases, region, figures by category, and one of its mentions in context."""
    table = fields([("aliases", "; ".join(company.aliases)),
                    ("region", region_chain(store, company.region_id)),
                    ("mentions", str(len(store.mentions_of(company.id))))])
    return Group(heading(company.name, "company"), table, Text(""), Text("figures", "bold"),
                 *grouped_figures(store, company.id), Text(""),
                 *mention_block(store, company.id, mention_index))


def region_detail(store, region, mention_index: int = 0) -> Group:
    """A region: ancestors, sub-regions, companies, figures, and one of its mentions in context."""
    subs = subregions(store, region.id)
    companies = region_companies(store, region.id)
    table = fields([("level", region.level), ("in", region_chain(store, region.parent_id)),
                    ("aliases", "; ".join(region.aliases)),
                    ("sub-regions", "; ".join(r.name for r in subs)),
                    ("companies", "; ".join(c.name for c in companies))])
    figs = region_figures(store, region.id)
    lines = [figure_line(store, f, with_subject=True) for f in figs] or [Text("no figures", "dim")]
    return Group(heading(region.name, "region"), table, Text(""),
                 Text(f"figures ({len(figs)})", "bold"), *lines, Text(""),
                 *mention_block(store, region.id, mention_index))


def saved_detail(store, name: str) -> Group:
    """A saved comparison: what it compares (enter in the tree opens it)."""
    try:
        entry = saved_comparison(store, name)
    except MfgError as exc:
        return Group(heading(name, "saved comparison"), plain(exc.message, "dim"))
    return Group(heading(name, "saved comparison"),
                 fields([("compares", "; ".join(store.name_of(i) for i in entry.ids)),
                         ("saved", entry.at[:16].replace("T", " "))]),
                 Text(""), Text("enter opens it", "dim"))
