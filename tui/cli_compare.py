"""`compare` and `export`: the comparison, ranking and Markdown-export commands of `mfg-explore`."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Optional

import typer
from rapidfuzz import fuzz, process

from store.compare import compare as build_comparison
from store.export_file import ExportError, ExportExists, default_export_name, write_markdown
from store.markdown_views import (comparison_markdown, entity_markdown, ranking_markdown,
                                  region_markdown, search_markdown)
from store.models import CATEGORIES
from store.ranking import rank, units_for

from . import cli_render as render
from .cli import StoreOpt, app, fail, open_store, out

OutputOpt = typer.Option(None, "-o", "--output",
                         help="Write the Markdown to FILE (or into a folder, under the default name).")
ForceOpt = typer.Option(False, "--force", help="Replace the -o file if it already exists.")


def emit(markdown: str, output: Optional[Path], force: bool, view: str, name: str) -> None:
    """Print the Markdown, or write it to `output` without overwriting unless `force`."""
    if output is None:
        sys.stdout.write(markdown)
        return
    if output.is_dir():
        output = output / default_export_name(view, name)
    try:
        path = write_markdown(output, markdown, overwrite=force)
    except ExportExists as exc:
        fail(f"{exc}; use --force to replace it")
    except ExportError as exc:
        fail(str(exc))
    out.print(f"wrote {path}", markup=False)


def resolve_kind(store, name: str, kind: str) -> str:
    """The id of the company/region called `name`; a clear error if unknown or of the other kind."""
    entity_id = render.resolve(store, name, fail)
    found = store.kind_of(entity_id)
    if found != kind:
        other = "--company" if found == "company" else "--region"
        fail(f"{name!r} is a {found}, not a {kind}; try {other} {name!r}")
    return entity_id


def resolve_category(category: str) -> str:
    """A figure category from what the user typed ('market-share' → 'market share')."""
    wanted = re.sub(r"[-_\s]+", " ", category.strip().lower())
    if wanted in CATEGORIES:
        return wanted
    close = [c for c, _, _ in process.extract(wanted, CATEGORIES, scorer=fuzz.WRatio, limit=3, score_cutoff=60)]
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    fail(f"no figure category {category!r}{hint} (categories: {', '.join(CATEGORIES)})")


@app.command("compare")
def compare_command(names: list[str] = typer.Argument(..., help="Two or more companies or regions."),
                    output: Optional[Path] = OutputOpt, force: bool = ForceOpt,
                    empty_rows: bool = typer.Option(False, "--empty-rows",
                                                    help="Keep categories none of them has a figure for."),
                    store: Optional[Path] = StoreOpt) -> None:
    """Compare companies or regions category by category, as a Markdown table with citations."""
    st = open_store(store)
    ids = list(dict.fromkeys(render.resolve(st, n, fail) for n in names))
    if len(ids) < 2:
        fail("compare needs at least two different companies or regions")
    comparison = build_comparison(st, ids, hide_empty=not empty_rows)
    emit(comparison_markdown(st, comparison), output, force, "comparison",
         "-".join(c.name for c in comparison.columns))


@app.command("export")
def export_command(region: Optional[str] = typer.Option(None, "--region", help="A region's card."),
                   company: Optional[str] = typer.Option(None, "--company", help="A company's card."),
                   search: Optional[str] = typer.Option(None, "--search", help="Search results for QUERY."),
                   rank_by: Optional[str] = typer.Option(None, "--rank", help="Rank entities by a CATEGORY."),
                   unit: Optional[str] = typer.Option(None, "--unit", help="Unit for --rank (default: commonest)."),
                   limit: int = typer.Option(20, "--limit", "-n", min=1, help="Results for --search."),
                   output: Optional[Path] = OutputOpt, force: bool = ForceOpt,
                   store: Optional[Path] = StoreOpt) -> None:
    """Export one view as Markdown: a region, a company, search results or a metric ranking."""
    chosen = [opt for opt, value in (("--region", region), ("--company", company), ("--search", search),
                                     ("--rank", rank_by)) if value is not None]
    if len(chosen) != 1:
        fail("give exactly one of --region NAME, --company NAME, --search QUERY, --rank CATEGORY")
    if unit is not None and rank_by is None:
        fail("--unit only applies to --rank")
    st = open_store(store)
    if region is not None:
        rid = resolve_kind(st, region, "region")
        emit(region_markdown(st, rid), output, force, "region", st.name_of(rid))
    elif company is not None:
        cid = resolve_kind(st, company, "company")
        emit(entity_markdown(st, cid), output, force, "company", st.name_of(cid))
    elif search is not None:
        emit(search_markdown(st, search, st.search(search, None, limit)), output, force, "search", search)
    else:
        category = resolve_category(rank_by)
        units = units_for(st, category)
        if unit is not None and unit not in units:
            fail(f"no {category!r} figures in {unit!r}; units available: {', '.join(units) or 'none'}")
        ranking = rank(st, category, unit)
        emit(ranking_markdown(st, ranking), output, force, "ranking", f"{category} {ranking.unit or ''}")
