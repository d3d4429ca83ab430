"""`compare` and `export`: comparison, ranking and Markdown exports with citations."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

import store as lib

from .common import JsonOption, StoreOption, err, json_text, open_store, out, print_json, resolve

OutputOption = Annotated[Optional[Path], typer.Option(
    "-o", "--output", metavar="FILE", show_default=False,
    help="Write to FILE (or into a folder, under the default name).")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the -o file if it already exists.")]


class Format(str, Enum):
    """What `export --search` writes."""

    markdown = "markdown"
    csv = "csv"
    json = "json"


SUFFIX = {Format.markdown: ".md", Format.csv: ".csv", Format.json: ".json"}


def emit(text: str, output: Optional[Path], force: bool, view: str, name: str,
         suffix: str = ".md") -> None:
    """Print the text, or write it to `output`, replacing a file only with `force`."""
    if output is None:
        sys.stdout.write(text)
        return
    if output.is_dir():
        output = output / Path(lib.default_export_name(view, name)).with_suffix(suffix)
    try:
        path = lib.write_markdown(output, text, overwrite=force)
    except lib.ExportExists:
        raise lib.ExportExists(f"{output} already exists, so nothing was written; "
                               "add --force to replace it") from None
    out.print(f"wrote {lib.one_line(str(path))}", markup=False)


def compare(ctx: typer.Context,
            names: Annotated[list[str], typer.Argument(
                metavar="NAME", help="Two or more companies or regions.")],
            output: OutputOption = None, force: ForceOption = False,
            empty_rows: Annotated[bool, typer.Option(
                "--empty-rows", help="Keep categories none of them has a figure for.")] = False,
            save: Annotated[Optional[str], typer.Option(
                "--save", metavar="NAME", show_default=False,
                help="Also save the comparison under NAME (reopen it with `saved NAME`).")] = None,
            as_json: JsonOption = False,
            store: StoreOption = None) -> None:
    """Compare companies or regions category by category, as a Markdown table with citations."""
    st = open_store(ctx, store)
    ids = list(dict.fromkeys(resolve(st, n) for n in names))
    if len(ids) < 2:
        raise lib.MfgError("compare needs at least two different companies or regions")
    if save is not None:
        err.print(lib.one_line(lib.save_comparison(st, save, ids, empty_rows)), markup=False)
    show_comparison(st, ids, empty_rows, output, force, as_json)


def show_comparison(st, ids: list[str], empty_rows: bool, output: Optional[Path], force: bool,
                    as_json: bool = False) -> None:
    """The comparison of `ids` as Markdown (or JSON), printed or written to `output`."""
    comparison = lib.compare(st, ids, hide_empty=not empty_rows)
    if as_json:
        print_json(lib.comparison_record(st, comparison))
        return
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
           fmt: Annotated[Format, typer.Option(
               "--format", "-f", metavar="FORMAT",
               help="For --search: markdown, or csv / json rows for spreadsheets and scripts.")] = Format.markdown,
           output: OutputOption = None, force: ForceOption = False,
           store: StoreOption = None) -> None:
    """Export one view as Markdown: a region, a company, search results or a ranking."""
    chosen = [value for value in (region, company, search, rank_by) if value is not None]
    if len(chosen) != 1:
        raise lib.MfgError("give exactly one of --region NAME, --company NAME, --search QUERY, "
                           "--rank CATEGORY")
    if (unit is not None or kind is not None or plans) and rank_by is None:
        raise lib.MfgError("--unit, --kind and --plans only apply to --rank")
    if fmt is not Format.markdown and search is None:
        raise lib.MfgError("--format csv and json apply to --search; the other views are Markdown")
    st = open_store(ctx, store)
    if region is not None:
        rid = resolve(st, region, "region")
        emit(lib.region_markdown(st, rid), output, force, "region", st.name_of(rid))
    elif company is not None:
        cid = resolve(st, company, "company")
        emit(lib.entity_markdown(st, cid), output, force, "company", st.name_of(cid))
    elif search is not None:
        _export_search(st, search, limit, fmt, output, force)
    else:
        category = lib.resolve_category(rank_by)
        _export_ranking(st, category, unit, lib.resolve_kind(kind) if kind else None, plans, output, force)


def _export_search(st, query: str, limit: int, fmt: Format, output, force: bool) -> None:
    """Search results, in the order `search` lists them: Markdown with citations, or CSV / JSON rows."""
    rows = lib.result_rows(st, lib.find(st, query, None, limit))
    if fmt is Format.markdown:
        text = lib.search_markdown(st, query, rows)
    else:
        records = [lib.row_record(st, row) for row in rows]
        text = lib.rows_csv(records) if fmt is Format.csv else json_text(records)
    emit(text, output, force, "search", query, SUFFIX[fmt])


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
