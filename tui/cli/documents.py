"""`docs` and `remove`: list the store's documents, take some out."""
from __future__ import annotations

from typing import Annotated

import typer

import store as lib

from . import render
from .common import StoreOption, confirmed, err, open_store, out, print_json, store_path

ENTITIES_SHOWN = 8  # names listed before "and N more" in the removal summary


def docs(ctx: typer.Context,
         as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
         store: StoreOption = None) -> None:
    """List the documents: id, title, publisher, date, format and figures."""
    rows = lib.document_rows(open_store(ctx, store))
    if as_json:
        print_json(rows)
        return
    out.print(render.documents_table(rows), soft_wrap=False)  # fit the table to the terminal


def _summary(plan: lib.RemovalPlan) -> str:
    """What the removal takes out, in a few lines."""
    lines = [f"remove {len(plan.documents)} document(s) and their {plan.figures} figure(s):"]
    lines += [f"  {d.id}  {d.title} ({d.file})" for d in plan.documents]
    if plan.entities:
        more = len(plan.entities) - ENTITIES_SHOWN
        names = "; ".join(plan.entities[:ENTITIES_SHOWN]) + (f" and {more} more" if more > 0 else "")
        lines.append(f"  named only there, so removed too: {names}")
    return "\n".join(lib.visible(line) for line in lines)


def remove(ctx: typer.Context,
           refs: Annotated[list[str], typer.Argument(
               metavar="DOC", help="Document ids (or unique id prefixes) or file names, as `docs` lists them.")],
           yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
           store: StoreOption = None) -> None:
    """Take documents out of the store, with their figures and the entities only they named."""
    path = store_path(ctx, store)
    plan = lib.plan_removal(path, lib.resolve_documents(open_store(ctx, store), refs))
    err.print(_summary(plan), markup=False)
    if not yes and not confirmed("Remove them?", "removed"):
        err.print("nothing removed", markup=False)
        return
    counts = lib.remove_documents(plan)
    out.print(f"removed {len(plan.documents)} document(s); store now holds "
              + ", ".join(f"{n} {t}" for t, n in counts.items()), markup=False)
