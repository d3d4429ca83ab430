"""What every command shares: the consoles, the --store option, opening the store, one error path."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from typer.core import TyperGroup

import store as lib

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

StoreOption = Annotated[Optional[Path], typer.Option(
    "--store", metavar="PATH", show_default=False,
    help="Store file (default: $MFG_EXPLORE_STORE, else store.json in the user data dir).")]


def say_error(message: str) -> None:
    """One `error:` line on stderr, made terminal-safe (no controls, no forged line breaks)."""
    err.print(f"error: {lib.one_line(message)}", markup=False)


class ErrorHandlingGroup(TyperGroup):
    """The one place where library errors become an `error:` line and exit status 1."""

    def invoke(self, ctx):
        """Run the command; an MfgError is the user's to fix, anything else is a bug.

        A command that worked around a problem (damaged rows left out) says so in one line
        after its output and exits 1; if it failed, its error is the one line.
        """
        try:
            result = super().invoke(ctx)
        except lib.MfgError as exc:
            # The damage may be why it failed (a figure left out cannot be found): say both.
            also = [w for w in _warnings(ctx) if w != exc.message]
            say_error("; also ".join([exc.message, *also]))
            raise typer.Exit(1) from None
        if _warnings(ctx):
            say_error("; also ".join(_warnings(ctx)))
            raise typer.Exit(1)
        return result


def _warnings(ctx) -> list[str]:
    """What `open_store` noted about the store (damaged rows left out)."""
    return ctx.obj.get("warnings", []) if isinstance(ctx.obj, dict) else []


def confirmed(question: str, verb: str) -> bool:
    """Ask on the terminal; without one there is nobody to ask, which is an error."""
    try:
        return typer.confirm(question, default=False, err=True)
    except typer.Abort:
        err.print()  # end the prompt's line, so the error is a line of its own
        raise lib.MfgError(f"nothing {verb}: no answer to the question (standard input closed); "
                           f"add --yes to go ahead without asking") from None


def store_path(ctx: typer.Context, store: Optional[Path]) -> Path:
    """The store file: this command's --store, else the one before the command, else the default."""
    top = (ctx.obj or {}).get("store") if ctx.obj is not None else None
    return store or top or lib.default_store_path()


def open_store(ctx: typer.Context, store: Optional[Path]) -> lib.Store:
    """Load the store, building it from the bundled seeds on first use; say what it left out."""
    opened = lib.Store.open(store_path(ctx, store))
    if opened.warnings and isinstance(ctx.obj, dict):
        ctx.obj["warnings"] = opened.warnings  # the output goes on; the group reports them after it
    return opened


def print_json(data) -> None:
    """JSON on stdout, indented, with a final newline; controls in strings are escaped."""
    sys.stdout.write(lib.safe_json(data) + "\n")
