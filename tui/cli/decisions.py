"""`merge`, `split`, `fix` and `decisions`: the user's corrections, kept in state.json."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

import store as lib

from .common import StoreOption, open_store, out, resolve


def _say(message: str) -> None:
    """What was done, one terminal-safe line on stdout."""
    out.print(lib.one_line(message), markup=False)


def merge(ctx: typer.Context,
          keep: Annotated[str, typer.Argument(metavar="COMPANY", help="The company that stays.")],
          others: Annotated[list[str], typer.Argument(
              metavar="OTHER...", help="Companies that are the same firm as COMPANY.")],
          store: StoreOption = None) -> None:
    """Merge companies the extractor kept apart: OTHER's names, mentions and figures go to COMPANY."""
    st = open_store(ctx, store)
    keep_id = resolve(st, keep, "company")
    for other in others:
        _say(lib.merge_companies(st, keep_id, resolve(st, other, "company")))


def split(ctx: typer.Context,
          company: Annotated[str, typer.Argument(metavar="COMPANY", help="A company as merged now.")],
          name: Annotated[str, typer.Argument(
              metavar="NAME", help="One of its names that is a different firm.")],
          store: StoreOption = None) -> None:
    """Split a wrong merge: NAME becomes a company of its own, with the mentions that use it."""
    st = open_store(ctx, store)
    _say(lib.split_company(st, resolve(st, company, "company"), name))


def fix(ctx: typer.Context,
        figure: Annotated[str, typer.Argument(
            metavar="FIGURE", help="A figure id (from `search --kind figure --json` or `dump`).")],
        subject: Annotated[Optional[str], typer.Option(
            "--subject", metavar="NAME", show_default=False,
            help="The company or region the figure is about.")] = None,
        no_subject: Annotated[bool, typer.Option(
            "--no-subject", help="The figure is about no company or region.")] = False,
        category: Annotated[Optional[str], typer.Option(
            "--category", metavar="CATEGORY", show_default=False,
            help="The figure's right category (revenue, output, ...).")] = None,
        store: StoreOption = None) -> None:
    """Correct a figure's subject or category."""
    if subject is not None and no_subject:
        raise lib.MfgError("give --subject NAME or --no-subject, not both")
    st = open_store(ctx, store)
    chosen = lib.KEEP_SUBJECT
    if subject is not None:
        chosen = resolve(st, subject)
    elif no_subject:
        chosen = None
    _say(lib.correct_figure(st, figure, chosen,
                            lib.resolve_category(category) if category is not None else None))


def decisions(ctx: typer.Context,
              undo: Annotated[Optional[int], typer.Option(
                  "--undo", metavar="N", min=1, show_default=False,
                  help="Forget decision N.")] = None,
              store: StoreOption = None) -> None:
    """List your merges, splits and figure corrections (they apply whenever the store is opened)."""
    st = open_store(ctx, store)
    if undo is not None:
        _say(lib.undo_decision(st, undo))
        return
    rows = lib.decision_rows(st)
    if not rows:
        _say("no decisions yet (see `mfg-explore merge`, `split` and `fix`)")
    for row in rows:
        note = "" if row.applied else "  (does not apply to this store)"
        _say(f"{row.number:>3}  {row.at[:16]}  {row.text}{note}")
