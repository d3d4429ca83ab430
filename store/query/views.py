"""Read-only views over a Store for the explorer: table rows, region subtrees, grouped figures.

Pure functions taking a Store; nothing here knows about the terminal.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from ..errors import StoreFileError
from ..models import CATEGORIES, Company, Figure, Region
from .compare import figure_summary, format_quantity
from .filters import period_years


@dataclass(frozen=True)
class Row:
    """One line of the results table: what it is and the columns it sorts by."""

    kind: str  # company | region | figure
    id: str
    label: str
    value: float | None = None
    value_text: str = ""
    subject: str = ""
    category: str = ""
    document: str = ""
    rank: int = 0
    period: str = ""  # position in the original order (search relevance or region listing)


def counts(store) -> dict[str, int]:
    """Corpus counts for the header: documents, regions, companies, figures."""
    return {"documents": len(store.documents), "regions": len(store.regions),
            "companies": len(store.companies), "figures": len(store.figures)}


def readable_number(value: float) -> str:
    """A value with thousands separators and no spurious decimals: 8880000000.0 → '8,880,000,000'."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def value_text(fig: Figure) -> str:
    """A figure's value and unit, e.g. '8,880,000,000 yuan'."""
    return f"{readable_number(fig.value)} {fig.unit}".strip()


# The extractor's normalised qualifiers as the signs a table column has room for.
QUALIFIER_SIGNS = {"more than": ">", "less than": "<", "at least": "≥", "up to": "≤", "about": "≈",
                   "nearly": "≈"}


def value_as_read(fig: Figure) -> str:
    """The value column, short but honest: '> 40%' (more than), '12.5 billion yuan', or
    '≈ 10 million yuan' for a value read from words ("tens of millions of yuan")."""
    quantity = format_quantity(fig.value, fig.unit)
    if "(≈ " in figure_summary(replace(fig, period=None, qualifier=None)):
        return f"≈ {quantity}"
    if fig.qualifier:
        return f"{QUALIFIER_SIGNS.get(fig.qualifier, fig.qualifier)} {quantity}"
    return quantity


def figure_row(store, fig: Figure, rank: int = 0) -> Row:
    """A figure as a table row: what it measures, its value as a reader writes it, subject, category,
    document (the figure as stated is in the detail pane, the value column has the number)."""
    doc = store.documents.get(fig.doc_id)
    return Row("figure", fig.id, fig.metric or fig.text,
               fig.value, value_as_read(fig), store.name_of(fig.subject_id), fig.category,
               doc.file if doc else fig.doc_id, rank, fig.period or "")


def entity_row(store, kind: str, entity_id: str, label: str, rank: int = 0) -> Row:
    """A company or region as a table row; its region (for a company) fills the subject column."""
    subject = ""
    if kind == "company":
        company = store.companies.get(entity_id)
        subject = store.name_of(company.region_id) if company else ""
    elif kind == "region":
        subject = store.regions[entity_id].level if entity_id in store.regions else ""
    return Row(kind, entity_id, label, subject=subject, rank=rank)


def result_rows(store, results) -> list[Row]:
    """Search results (store.search) as table rows, in rank order."""
    rows = []
    for rank, r in enumerate(results):
        if r.kind == "figure" and r.id in store.figures:
            rows.append(figure_row(store, store.figures[r.id], rank))
        else:
            rows.append(entity_row(store, r.kind, r.id, r.label, rank))
    return rows


def subregions(store, region_id: str) -> list[Region]:
    """Direct children of a region, by name."""
    return sorted((r for r in store.regions.values() if r.parent_id == region_id), key=lambda r: r.name)


def subtree_ids(store, region_id: str) -> list[str]:
    """A region and every region below it (depth first, cycle-safe)."""
    out, todo, seen = [], [region_id], set()
    children: dict[str, list[str]] = defaultdict(list)
    for r in store.regions.values():
        if r.parent_id:
            children[r.parent_id].append(r.id)
    while todo:
        rid = todo.pop()
        if rid in seen:
            continue
        seen.add(rid)
        out.append(rid)
        todo.extend(sorted(children[rid], reverse=True))
    return out


def region_companies(store, region_id: str) -> list[Company]:
    """Companies located in a region or anywhere below it, by name."""
    ids = set(subtree_ids(store, region_id))
    return sorted((c for c in store.companies.values() if c.region_id in ids), key=lambda c: c.name)


def region_figures(store, region_id: str) -> list[Figure]:
    """Figures about a region, its sub-regions, or companies located there, in document order."""
    subjects = subtree_ids(store, region_id) + [c.id for c in region_companies(store, region_id)]
    figs = [f for s in subjects for f in store.figures_of(s)]
    return sorted(figs, key=lambda f: (f.doc_id, f.start))


def region_rows(store, region_id: str) -> list[Row]:
    """A region's companies, then its figures, as table rows."""
    rows = [entity_row(store, "company", c.id, c.name) for c in region_companies(store, region_id)]
    rows += [figure_row(store, f) for f in region_figures(store, region_id)]
    return [Row(**{**vars(r), "rank": i}) for i, r in enumerate(rows)]


def entity_rows(store, entity_id: str) -> list[Row]:
    """The rows the table shows for an entity: a region's contents, or a company's figures."""
    if entity_id in store.regions:
        return region_rows(store, entity_id)
    return [figure_row(store, f, i) for i, f in enumerate(store.figures_of(entity_id))]


def company_rows(store) -> list[Row]:
    """Every company, most figures first: what the explorer lists before any search."""
    companies = sorted(store.companies.values(), key=lambda c: (-len(store.figures_of(c.id)), c.name.lower()))
    return [entity_row(store, "company", c.id, c.name, i) for i, c in enumerate(companies)]


def figures_grouped(store, entity_id: str) -> dict[str, list[Figure]]:
    """An entity's figures grouped by category, categories in the canonical order."""
    groups: dict[str, list[Figure]] = defaultdict(list)
    for fig in store.figures_of(entity_id):
        groups[fig.category].append(fig)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return dict(sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order))))


def same_facts(store, figures) -> list[tuple[Figure, tuple[Figure, ...]]]:
    """Each fact once, in first-seen order, with every figure stating it (other articles included).

    Figures the corroboration step linked (same subject, unit and value in several articles) are
    one fact: a list shows it once and cites each source.
    """
    seen: set[str] = set()
    out = []
    for fig in figures:
        if fig.id in seen:
            continue
        linked = [store.figures[i] for i in store.links_of(fig.id).corroborated_by if i in store.figures]
        sources = (fig, *sorted((f for f in linked if f.id != fig.id), key=lambda f: (f.doc_id, f.start)))
        seen.update(f.id for f in sources)
        out.append((fig, sources))
    return out


SORT_KEYS = {
    "value": lambda row: (row.value is None, -(row.value or 0.0)),
    "category": lambda row: (row.category == "", row.category, row.rank),
    "document": lambda row: (row.document == "", row.document, row.rank),
    "period": lambda row: (row.period == "", _latest_year(row.period), row.rank),
    "rank": lambda row: row.rank,
}


def _latest_year(period: str) -> int:
    """Minus the last year a period names, so later periods sort first (0 when it names none)."""
    years = period_years(period)
    return -years[1] if years else 0


def sort_rows(rows: list[Row], column: str) -> list[Row]:
    """Rows ordered by a column: value (largest first), category, period (latest first), document, or rank."""
    return sorted(rows, key=SORT_KEYS[column])


def figure_sentence(store, fig: Figure):
    """The sentence stating a figure, as a PassageView with the figure and its subject marked."""
    from .api import (  # late: api imports the index, which imports nothing of ours
        PassageView,
        unreadable_passage,
    )
    doc = store.documents[fig.doc_id]
    try:
        sentence, text = store.sentence(fig), doc.text
    except StoreFileError as exc:
        return unreadable_passage(doc, exc)
    start, end = (sentence.start, sentence.end) if sentence else (fig.start, fig.end)
    marks = [("subject", m.start, m.end) for m in store.mentions_of(fig.subject_id or "")
             if m.doc_id == fig.doc_id]
    spans = [("focus", fig.start, fig.end), *marks]
    inside = tuple((k, s - start, e - start) for k, s, e in spans if start <= s and e <= end)
    return PassageView(doc, start, text[start:end], inside)
