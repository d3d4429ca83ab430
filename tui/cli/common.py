"""What every command shares: the consoles, the --store option, opening the store, one error path."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

import store as lib

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

StoreOption = Annotated[Optional[Path], typer.Option(
    "--store", metavar="PATH", show_default=False,
    help="Store file (default: $MFG_EXPLORE_STORE, else store.json in the user data dir).")]


JsonOption = Annotated[bool, typer.Option("--json", help="JSON on stdout, for scripts.")]


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


class PlainArgument(TyperArgument):
    """An argument whose help reads `PATH...` or `[PATH]...`, not typer's `{PATH}` and `<list[Path]>`."""

    def _plain(self) -> str:
        name = self.display_name_raw + ("..." if self.nargs != 1 else "")
        return name if self.required else f"[{name}]"

    def _usage_display_name(self) -> str:
        return self._plain()

    def _rich_display_name(self) -> str:
        return self._plain()

    def display_type_rich(self, ctx) -> None:
        """No type after the name: the metavar says it."""
        return None


class PlainOption(TyperOption):
    """An option whose value shows as its metavar only (no `<str>`-style types)."""

    def display_type_rich(self, ctx) -> str | None:
        return self.metavar


class PlainCommand(TyperCommand):
    """A command whose help shows plain metavars."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = PlainArgument
            elif isinstance(param, TyperOption) and param.metavar:
                param.__class__ = PlainOption


def given_store(ctx: typer.Context, store: Optional[Path]) -> Optional[Path]:
    """The --store the user typed: this command's, else the one before the command (None if neither)."""
    top = (ctx.obj or {}).get("store") if ctx.obj is not None else None
    return store or top


def store_path(ctx: typer.Context, store: Optional[Path]) -> Path:
    """The store file: the --store given, else the default location."""
    return given_store(ctx, store) or lib.default_store_path()


def existing_store_path(ctx: typer.Context, store: Optional[Path]) -> Path:
    """The store file for a command that only reads: a --store path must exist already.

    Only `build`, `ingest` and the default location create a store, so a mistyped path is an
    error rather than a fresh store that looks as if the user's articles had vanished.
    """
    given = given_store(ctx, store)
    if given is not None and not given.exists():
        raise lib.StoreFileError(f"{given}: no store there; check the --store path, or create one with "
                                 f"`mfg-explore build --store {given}`")
    return store_path(ctx, store)


def open_store(ctx: typer.Context, store: Optional[Path]) -> lib.Store:
    """Load an existing store (the default one is built from the bundled seeds on first use);
    what it left out is said after the command's output."""
    opened = lib.Store.open(existing_store_path(ctx, store))
    if isinstance(ctx.obj, dict):
        # The output goes on; the group reports them after it. The list itself, so that rows
        # left out when a table is first read (after opening) are reported too.
        ctx.obj["warnings"] = opened.warnings
    return opened


def json_text(data) -> str:
    """JSON, indented, with a final newline; controls in strings are escaped."""
    return lib.safe_json(data) + "\n"


def print_json(data) -> None:
    """JSON on stdout."""
    sys.stdout.write(json_text(data))


def resolve(st, name: str, kind: str | None = None) -> str:
    """The entity a typed name stands for; a note on stderr when it was the closest match, not the name."""
    entity_id = lib.resolve_entity(st, name, kind)
    ent = st.entity(entity_id)
    typed = name.strip().lower()
    if entity_id != name and typed not in {n.lower() for n in (ent.name, *ent.aliases)}:
        err.print(f"note: {lib.one_line(name)!r} taken as {lib.one_line(ent.name)} (the clear best match)",
                  markup=False)
    return entity_id
