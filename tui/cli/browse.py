"""`search`, `show`, `stats` and `dump`: read the store."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

import store as lib

from . import render
from .common import JsonOption, StoreOption, open_store, out, print_json, resolve


class Kind(str, Enum):
    """The kinds of item a search can be narrowed to."""

    company = "company"
    region = "region"
    figure = "figure"


def search_records(st, results) -> list[dict]:
    """Search hits as flat records: kind, id, label, score, and for figures their facts."""
    rows = lib.result_rows(st, results)
    return [{**lib.row_record(st, row), "label": r.label, "score": r.score} for r, row in zip(results, rows)]


def search(ctx: typer.Context,
           query: Annotated[str, typer.Argument(metavar="QUERY", help="Words, typos welcome.")],
           kind: Annotated[Optional[Kind], typer.Option(
               "--kind", "-k", metavar="KIND", show_default=False,
               help="Only one kind: company, region or figure.")] = None,
           limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N",
                                              help="At most N results.")] = 20,
           as_json: JsonOption = False,
           store: StoreOption = None) -> None:
    """Ranked, typo-tolerant search: names and places first, then figures."""
    st = open_store(ctx, store)
    results = lib.find(st, query, kind.value if kind else None, limit)
    if as_json:
        print_json(search_records(st, results))
        return
    if not results:
        raise lib.MfgError(f"nothing matches {query!r}; try fewer words or a kind prefix like company:")
    out.print(render.results_table(results))


def show(ctx: typer.Context,
         name: Annotated[str, typer.Argument(metavar="NAME", help="A company or region (typos welcome).")],
         as_json: JsonOption = False,
         store: StoreOption = None) -> None:
    """A company's or region's card: aliases, region, figures with their sentences."""
    st = open_store(ctx, store)
    entity_id = resolve(st, name)
    if as_json:
        print_json(lib.entity_record(st, entity_id))
        return
    out.print(render.entity_card(st, entity_id))


def stats(ctx: typer.Context, as_json: JsonOption = False, store: StoreOption = None) -> None:
    """Counts per table and per document."""
    counts = open_store(ctx, store).stats()
    if as_json:
        print_json(counts)
        return
    out.print(render.stats_tables(counts))


def dump(ctx: typer.Context, store: StoreOption = None) -> None:
    """The whole store as JSON on stdout (the shape ../shared/eval/score.py reads)."""
    print_json(lib.dump_store(open_store(ctx, store)))
