"""`compare` and `export`: comparison, ranking and Markdown exports with citations."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

import store as lib

from .common import StoreOption, err, open_store, out

OutputOption = Annotated[Optional[Path], typer.Option(
    "-o", "--output", metavar="FILE", show_default=False,
    help="Write the Markdown to FILE (or into a folder, under the default name).")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the -o file if it already exists.")]


def emit(markdown: str, output: Optional[Path], force: bool, view: str, name: str) -> None:
    """Print the Markdown, or write it to `output`, replacing a file only with `force`."""
    if output is None:
        sys.stdout.write(markdown)
        return
    if output.is_dir():
        output = output / lib.default_export_name(view, name)
    try:
        path = lib.write_markdown(output, markdown, overwrite=force)
    except lib.ExportExists as exc:
        raise lib.ExportExists(f"{exc.message}; use --force to replace it") from None
    out.print(f"wrote {lib.one_line(str(path))}", markup=False)


def compare(ctx: typer.Context,
            names: Annotated[list[str], typer.Argument(
                metavar="NAME...", help="Two or more companies or regions.")],
            output: OutputOption = None, force: ForceOption = False,
            empty_rows: Annotated[bool, typer.Option(
                "--empty-rows", help="Keep categories none of them has a figure for.")] = False,
            save: Annotated[Optional[str], typer.Option(
                "--save", metavar="NAME", show_default=False,
                help="Also save the comparison under NAME (reopen it with `saved NAME`).")] = None,
            store: StoreOption = None) -> None:
    """Compare companies or regions category by category, as a Markdown table with citations."""
    st = open_store(ctx, store)
    ids = list(dict.fromkeys(lib.resolve_entity(st, n) for n in names))
    if len(ids) < 2:
        raise lib.MfgError("compare needs at least two different companies or regions")
    if save is not None:
        err.print(lib.one_line(lib.save_comparison(st, save, ids, empty_rows)), markup=False)
    show_comparison(st, ids, empty_rows, output, force)


def show_comparison(st, ids: list[str], empty_rows: bool, output: Optional[Path], force: bool) -> None:
    """The comparison of `ids` as Markdown, printed or written to `output`."""
    comparison = lib.compare(st, ids, hide_empty=not empty_rows)
    emit(lib.comparison_markdown(st, comparison), output, force, "comparison",
         "-".join(c.name for c in comparison.columns))


def export(ctx: typer.Context,
           region: Annotated[Optional[str], typer.Option(
               "--region", metavar="NAME", show_default=False, help="A region's card.")] = None,
           company: Annotated[Optional[str], typer.Option(
               "--company", metavar="NAME", show_default=False, help="A company's card.")] = None,
           search: Annotated[Optional[str], typer.Option(
               "--search", metavar="QUERY", show_default=False, help="Search results for QUERY.")] = None,
           rank_by: Annotated[Optional[str], typer.Option(
               "--rank", metavar="CATEGORY", show_default=False, help="Rank entities by a CATEGORY.")] = None,
           unit: Annotated[Optional[str], typer.Option(
               "--unit", metavar="UNIT", show_default=False,
               help="Unit for --rank: ranks that unit's family, e.g. tons with kg (default: the commonest).")] = None,
           kind: Annotated[Optional[str], typer.Option(
               "--kind", metavar="KIND", show_default=False,
               help="For --rank: level, change or share (default: the commonest).")] = None,
           plans: Annotated[bool, typer.Option(
               "--plans", help="For --rank: rank plans and targets too, marked (default: actual figures only).")] = False,
           limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N",
                                              help="Results for --search.")] = 20,
           output: OutputOption = None, force: ForceOption = False,
           store: StoreOption = None) -> None:
    """Export one view as Markdown: a region, a company, search results or a ranking."""
    chosen = [value for value in (region, company, search, rank_by) if value is not None]
    if len(chosen) != 1:
        raise lib.MfgError("give exactly one of --region NAME, --company NAME, --search QUERY, "
                           "--rank CATEGORY")
    if (unit is not None or kind is not None or plans) and rank_by is None:
        raise lib.MfgError("--unit, --kind and --plans only apply to --rank")
    st = open_store(ctx, store)
    if region is not None:
        rid = lib.resolve_entity(st, region, "region")
        emit(lib.region_markdown(st, rid), output, force, "region", st.name_of(rid))
    elif company is not None:
        cid = lib.resolve_entity(st, company, "company")
        emit(lib.entity_markdown(st, cid), output, force, "company", st.name_of(cid))
    elif search is not None:
        emit(lib.search_markdown(st, search, st.search(search, None, limit)), output, force,
             "search", search)
    else:
        category = lib.resolve_category(rank_by)
        _export_ranking(st, category, unit, lib.resolve_kind(kind) if kind else None, plans, output, force)


def _export_ranking(st, category: str, unit: Optional[str], kind: Optional[str], plans: bool,
                    output, force: bool) -> None:
    """The ranking of `category` (as `kind`, in `unit`'s family) as Markdown."""
    kinds = lib.kinds_for(st, category, plans)
    if kind is not None and kind not in kinds:
        raise lib.MfgError(f"no {category!r} figures measured as a {kind}; kinds available: {', '.join(kinds) or 'none'}")
    ranking = lib.rank(st, category, unit, kind, with_plans=plans)
    if unit is not None and not ranking.entries:
        units = lib.units_for(st, category, ranking.kind, plans)
        raise lib.MfgError(f"no {category!r} figures in {unit!r}; "
                           f"units available: {', '.join(units) or 'none'}")
    emit(lib.ranking_markdown(st, ranking), output, force, "ranking",
         f"{category} {ranking.kind} {ranking.unit or ''}")
