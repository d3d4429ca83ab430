"""Rich renderables for the command line; document text always enters as plain Text, never markup."""
from __future__ import annotations

from contextlib import contextmanager

from rich.console import Group
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table
from rich.text import Text

from store import citation, describe_links, format_value, page_of, visible


def plain(text: str, style: str = "") -> Text:
    """Document text as a Text, control characters made visible, no markup parsing."""
    return Text(visible(text), style=style)


@contextmanager
def progress_bar(console):
    """A progress display on stderr; yields a callback to call once per processed document."""
    with Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False), console=console,
                  transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("extracting", total=None)
        count = 0

        def advance(doc) -> None:
            nonlocal count
            count += 1
            progress.update(task, description=f"extracted {count}: {visible(doc.file)}")

        yield advance


def results_table(results) -> Table:
    """Search results as a table: kind, label, score."""
    table = Table("kind", "label", "score", box=None, pad_edge=False)
    for r in results:
        table.add_row(r.kind, plain(r.label), f"{r.score:.0f}")
    return table


def figure_line(store, fig) -> Text:
    """One figure: value text, metric, period, value, and the other sources that state it."""
    line = Text("  • ")
    line.append(visible(fig.text), style="bold")
    line.append(f"  [{fig.category}] ")
    line.append(visible(fig.metric))
    if fig.period:
        line.append(f" ({visible(fig.period)})")
    line.append(f"  = {format_value(fig.value)} {fig.unit}", style="dim")
    note = describe_links(store, fig, store.links)
    if note:
        line.append(f"\n      {visible(note)}", style="yellow")
    return line


def sentence_groups(store, figures) -> list[Text]:
    """Figures grouped under the sentence that states them: the sentence once, with its citation, then its figures."""
    out: list[Text] = []
    last = None
    for fig in figures:
        if fig.sentence_id != last or last is None:
            doc = store.documents[fig.doc_id]
            out.append(Text(f"“{visible(store.sentence_of(fig))}” — "
                            f"{visible(citation(doc, page_of(doc, fig.start)))}", style="italic"))
            last = fig.sentence_id
        out.append(figure_line(store, fig))
    return out


def entity_card(store, entity_id: str) -> Group:
    """A company's or region's card: aliases, place, figures with their sentences."""
    ent = store.entity(entity_id)
    kind = store.kind_of(entity_id)
    parts = [Text.assemble((visible(ent.name), "bold underline"), f"  ({kind})")]
    if ent.aliases:
        parts.append(Text("also: " + "; ".join(visible(a) for a in ent.aliases)))
    if kind == "company" and ent.region_id in store.regions:
        chain = [store.regions[ent.region_id], *store.ancestors(ent.region_id)]
        parts.append(Text("region: " + " < ".join(visible(r.name) for r in chain)))
    elif kind == "company":
        parts.append(Text("region: unplaced (no article says where it is)"))
    elif kind == "region":
        chain = store.ancestors(entity_id)
        parts.append(Text(f"level: {ent.level}" + ("; in " + " < ".join(visible(r.name) for r in chain) if chain else "")))
    figures = store.figures_of(entity_id)
    parts.append(Text(f"\n{len(figures)} figures, named {len(store.mentions_of(entity_id))} times"))
    parts.extend(sentence_groups(store, figures))
    return Group(*parts)


def stats_tables(stats: dict) -> Group:
    """Counts per table and per document."""
    tables = Table("table", "rows", box=None)
    for name, n in stats["tables"].items():
        tables.add_row(name, str(n))
    docs = Table("document", "figures", "mentions", box=None)
    for d in stats["documents"]:
        docs.add_row(plain(d["file"]), str(d["figures"]), str(d["mentions"]))
    return Group(tables, Text(""), docs)


def documents_table(rows: list[dict]) -> Table:
    """The store's documents: id, title, publisher, date, format, figures."""
    table = Table(box=None, pad_edge=False)
    for name in ("id", "title", "publisher", "date", "format", "figures"):
        table.add_column(name, no_wrap=name not in ("title", "publisher"),
                         max_width=28 if name == "publisher" else None)
    for r in rows:
        table.add_row(r["id"], one_line_cell(r["title"]), one_line_cell(r["publisher"] or ""),
                      r["date"] or "", r["format"], str(r["figures"]))
    return table


def one_line_cell(text: str) -> Text:
    """Document text for a table cell that narrows with the terminal: one line, cut with '…'."""
    cell = plain(text)
    cell.no_wrap, cell.overflow = True, "ellipsis"
    return cell
