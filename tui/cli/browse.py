"""`search`, `show`, `stats` and `dump`: read the store."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

import store as lib

from . import render
from .common import StoreOption, open_store, out, print_json


class Kind(str, Enum):
    """The kinds of item a search can be narrowed to."""

    company = "company"
    region = "region"
    figure = "figure"


def search(ctx: typer.Context,
           query: Annotated[str, typer.Argument(metavar="QUERY", help="Words, typos welcome.")],
           kind: Annotated[Optional[Kind], typer.Option(
               "--kind", "-k", show_default=False, help="Only companies, regions or figures.")] = None,
           limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N",
                                              help="At most N results.")] = 20,
           as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
           store: StoreOption = None) -> None:
    """Ranked, typo-tolerant search over companies, regions and figures."""
    results = open_store(ctx, store).search(query, kind.value if kind else None, limit)
    if as_json:
        print_json([r.__dict__ for r in results])
        return
    if not results:
        raise lib.MfgError(f"nothing matches {query!r}; try fewer words or a kind prefix like company:")
    out.print(render.results_table(results))


def show(ctx: typer.Context,
         name: Annotated[str, typer.Argument(metavar="NAME", help="A company or region.")],
         store: StoreOption = None) -> None:
    """A company's or region's card: aliases, region, figures with their sentences."""
    st = open_store(ctx, store)
    out.print(render.entity_card(st, lib.resolve_entity(st, name)))


def stats(ctx: typer.Context, store: StoreOption = None) -> None:
    """Counts per table and per document."""
    out.print(render.stats_tables(open_store(ctx, store).stats()))


def dump(ctx: typer.Context, store: StoreOption = None) -> None:
    """The whole store as JSON on stdout (the shape ../shared/eval/score.py reads)."""
    print_json(lib.dump_store(open_store(ctx, store)))
