"""Markdown for each exportable view: search results, a region, an entity card, a comparison, a ranking."""
from __future__ import annotations

from ..query.compare import Comparison, figure_summary, format_quantity, measure_label
from ..query.ranking import Ranking
from ..query.views import same_facts
from .markdown import Citations, cell, document, escape, heading, table


def _figure_cell(fig, cites: Citations, with_metric: bool = True, sources=()) -> str:
    """One fact in a cell: value with qualifier and period, what it measures, and its citation
    (one per source when several articles state it)."""
    metric = f", {cell(fig.metric)}" if with_metric and fig.metric else ""
    return f"{cell(figure_summary(fig))}{metric} {cites.cite_fact(sources or (fig,))}"


def _figures_table(store, figures, cites: Citations) -> str:
    """What (category, kind, status, period), figure, metric and documents of each fact, in document
    order; a fact stated in several articles is one row citing each."""
    rows = [[cell(f.category), cell(f.kind), cell(f.status), cell(f.period or f.period_text or ""),
             _figure_cell(f, cites, with_metric=False, sources=sources), cell(f.metric),
             cell(", ".join(dict.fromkeys(store.documents[s.doc_id].file for s in sources)))]
            for f, sources in same_facts(store, figures)]
    headers = ["Category", "Kind", "Status", "Period", "Figure", "Metric", "Documents"]
    return table(headers, rows) if rows else "No figures."


def _count(n: int, noun: str) -> str:
    """'1 figure', '3 figures'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _place_chain(store, region_id: str | None) -> str:
    """'Changyuan < Xinxiang < Henan' for a region id ('' for none)."""
    if not region_id or region_id not in store.regions:
        return ""
    chain = [store.regions[region_id], *store.ancestors(region_id)]
    return " < ".join(escape(r.name) for r in chain)


def _card_blocks(store, entity_id: str, cites: Citations) -> list[str]:
    """Title, facts (kind, place, aliases, mentions) and the cited figures table of an entity."""
    ent, kind = store.entity(entity_id), store.kind_of(entity_id)
    figures = store.figures_of(entity_id)
    facts = [f"- Kind: {kind}" + (f" ({escape(ent.level)})" if kind == "region" else "")]
    place = _place_chain(store, ent.region_id if kind == "company" else entity_id)
    if place:
        facts.append(f"- Place: {place}")
    aliases = [a for a in ent.aliases if a != ent.name]
    if aliases:
        facts.append("- Also written: " + "; ".join(escape(a) for a in aliases))
    mentions = store.mentions_of(entity_id)
    facts.append(f"- Named {_count(len(mentions), 'time')} in "
                 f"{_count(len({m.doc_id for m in mentions}), 'document')}")
    about = f"What the articles say about this {kind}: {_count(len(figures), 'figure')}, each with its source."
    return [heading(ent.name, about), "\n".join(facts), _figures_table(store, figures, cites)]


def entity_markdown(store, entity_id: str) -> str:
    """An entity card: what it is, where it is, its aliases and every figure about it, cited."""
    cites = Citations(store)
    return document(*_card_blocks(store, entity_id, cites), cites.render())


def region_markdown(store, region_id: str) -> str:
    """A region: its own card, plus the places and companies inside it with their figure counts."""
    cites = Citations(store)
    blocks = _card_blocks(store, region_id, cites)
    node = _find_node(store.region_tree(), region_id)
    if node and node.children:
        inside = [[cell(c.region.name), cell(c.region.level), str(c.company_count), str(c.figure_count)]
                  for c in node.children]
        blocks += ["## Places inside", table(["Place", "Level", "Companies", "Figures"], inside)]
    if node and node.companies:
        companies = [[cell(c.name), str(len(store.figures_of(c.id)))] for c in node.companies]
        blocks += ["## Companies here", table(["Company", "Figures"], companies)]
    return document(*blocks, cites.render())


def _find_node(nodes, region_id: str):
    """The tree node of a region, searching depth-first."""
    for node in nodes:
        if node.region.id == region_id:
            return node
        found = _find_node(node.children, region_id)
        if found:
            return found
    return None


def rows_markdown(store, title: str, rows, about: str | None = None) -> str:
    """Rows of the results table (store.Row), in the order given: kind, result, subject, category.

    A figure restated by other articles is listed once, citing each of them.
    """
    about = about or f"What the explorer lists for {escape(title)}, in the order shown."
    cites = Citations(store)
    seen: set[str] = set()
    lines = []
    for row in rows:
        if row.id in seen:
            continue
        fig = store.figures.get(row.id) if row.kind == "figure" else None
        if fig is None:
            lines.append([row.kind, cell(row.label), cell(row.subject), ""])
            continue
        [(_, sources)] = same_facts(store, [fig])
        seen.update(s.id for s in sources)
        lines.append([row.kind, _figure_cell(fig, cites, sources=sources), cell(row.subject), cell(fig.category)])
    body = table(["Kind", "Result", "Subject", "Category"], lines) if lines else "Nothing matches."
    return document(heading(title, about), body, cites.render())


def search_markdown(store, query: str, rows) -> str:
    """Search results as listed (rows in screen order), figures cited."""
    about = f"Companies, regions and figures matching the search “{escape(query)}”, in the order shown."
    return rows_markdown(store, f"Search: {query}", rows, about)


def comparison_markdown(store, comparison: Comparison) -> str:
    """The comparison table: category × kind down (plans in their own rows, last), entities across,
    each fact once in its cell with a citation for every source that states it."""
    cites = Citations(store)
    names = [c.name for c in comparison.columns]
    rows = [[cell(row.label), *("<br>".join(_figure_cell(f, cites, sources=comparison.sources_of(f)) for f in figs)
                                for figs in row.cells)]
            for row in comparison.rows]
    hidden = " Rows with no figure for any of them are left out." if comparison.hidden_empty else ""
    about = (f"Figures the articles give for {', '.join(escape(n) for n in names)}, by category and kind "
             f"(level, change, share); plans and targets are in the rows marked (plan), after the facts; "
             f"bounds that only define a group are left out.{hidden}")
    body = table(["Measure", *(cell(n) for n in names)], rows) if rows else "No figures to compare."
    return document(heading("Comparison: " + " vs ".join(names), about), body, cites.render())


def ranking_markdown(store, ranking: Ranking) -> str:
    """A ranking of one category, kind and unit family: each entity's figure for its latest period, cited."""
    cites = Citations(store)
    unit = ranking.unit or "no unit"
    rows = [[str(i), cell(e.name), e.kind, cell(format_quantity(e.figure.value, e.figure.unit)), cell(e.period),
             ("(plan) " if e.figure.status == "plan" else "") + _figure_cell(e.figure, cites)]
            for i, e in enumerate(ranking.entries, 1)]
    facts = "actual figures and plans (marked)" if ranking.with_plans else "actual figures only (no plans or targets)"
    about = (f"Every company and region with a “{escape(ranking.category.replace('_', ' '))}” figure measured as a "
             f"{escape(ranking.kind)} in {escape(unit)} or a unit of its kind, largest first: each is ranked "
             f"by its figure for the latest period it has. {facts.capitalize()}; bounds that only define a "
             f"group are never ranked.")
    if ranking.other_units:
        about += " Figures in other units are ranked apart: " + ", ".join(escape(u) for u in ranking.other_units) + "."
    if ranking.other_kinds:
        about += " Also measured as: " + ", ".join(escape(k) for k in ranking.other_kinds) + "."
    body = table(["Rank", "Name", "Kind", "Value", "Period", "Figure"], rows) if rows else "Nothing to rank."
    return document(heading(f"Ranking: {measure_label(ranking.category, ranking.kind)} ({unit})", about), body,
                    cites.render())
