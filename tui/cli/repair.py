"""`repair`: move a broken store aside and build it again, keeping the user's articles."""
from __future__ import annotations

from typing import Annotated

import typer

import store as lib

from . import render
from .common import StoreOption, confirmed, err, existing_store_path, out


def _plan_lines(plan: lib.RepairPlan) -> list[str]:
    """What is wrong and what the repair keeps, a few terminal-safe lines."""
    lines = [f"problem: {plan.problem}",
             f"your articles that can be kept: {len(plan.salvaged)}"
             + (f" ({plan.unreadable} more are damaged and cannot)" if plan.unreadable else "")]
    lines += [f"  {d.title} ({d.file})" for d in plan.salvaged]
    lines.append(f"the broken file will be kept as {plan.aside}")
    return [lib.one_line(line) for line in lines]


def repair(ctx: typer.Context,
           yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
           store: StoreOption = None) -> None:
    """Repair a broken store: keep your articles, move the broken file aside, build it again."""
    path = existing_store_path(ctx, store)
    plan = lib.plan_repair(path)
    if plan.problem is None:
        out.print(f"{lib.one_line(str(path))}: the store is sound; nothing to repair", markup=False)
        return
    for line in _plan_lines(plan):
        err.print(line, markup=False)
    if not yes and not confirmed("Move it aside and rebuild?", "repaired"):
        err.print("nothing repaired; the store was left as it is", markup=False)
        return
    with render.progress_bar(err) as advance:
        report = lib.repair(plan, advance)
    out.print(lib.one_line(f"repaired {path}: the broken file is kept as {plan.aside}; the store "
                           f"holds {report.documents} documents ({len(plan.salvaged)} of yours)"),
              markup=False)
