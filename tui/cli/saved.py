"""`saved`: the comparisons saved with `compare --save` (or `s` in the explorer), kept in state.json."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

import store as lib

from .common import StoreOption, open_store, out
from .views import ForceOption, OutputOption, show_comparison


def saved(ctx: typer.Context,
          name: Annotated[Optional[str], typer.Argument(
              metavar="[NAME]", show_default=False, help="A saved comparison to show.")] = None,
          delete: Annotated[bool, typer.Option("--delete", help="Forget the saved comparison NAME.")] = False,
          output: OutputOption = None, force: ForceOption = False,
          store: StoreOption = None) -> None:
    """List saved comparisons, or show one as Markdown (as `compare` does)."""
    st = open_store(ctx, store)
    if name is None:
        if delete:
            raise lib.MfgError("--delete needs the NAME of a saved comparison")
        every = lib.saved_comparisons(st)
        if not every:
            out.print("no saved comparisons yet (save one with `mfg-explore compare A B --save NAME`)",
                      markup=False)
        for entry in every:
            out.print(lib.one_line(f"{entry.name}: {', '.join(entry.names)}  (saved {entry.at[:16]})"),
                      markup=False)
        return
    if delete:
        out.print(lib.one_line(lib.delete_saved(st, name)), markup=False)
        return
    entry = lib.saved_comparison(st, name)
    show_comparison(st, list(entry.ids), entry.empty_rows, output, force)
